// A Dung argumentation framework (arguments and an attack relation), its
// grounded labelling, and the ICCMA .apx text form ("arg(a)." "att(a,b).")
// that argumentation solvers read.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace gainsay {

class Framework {
 public:
  // Returns the new argument's index. Names must be unique apx atoms.
  std::size_t add_argument(std::string name);
  void add_attack(std::size_t from, std::size_t to);

  std::size_t size() const { return names_.size(); }
  const std::string& name(std::size_t argument) const { return names_[argument]; }
  const std::vector<std::size_t>& attackers(std::size_t argument) const { return attackers_[argument]; }
  const std::vector<std::size_t>& attacked(std::size_t argument) const { return attacked_[argument]; }
  std::size_t attack_count() const;

 private:
  std::vector<std::string> names_;
  std::vector<std::vector<std::size_t>> attackers_;
  std::vector<std::vector<std::size_t>> attacked_;
};

enum class Label { kIn, kOut, kUndecided };
std::string_view to_string(Label label);

// The grounded labelling: in what is unattacked or defended by what is in,
// out what an in argument attacks, undecided the rest. Linear in the size
// of the framework.
std::vector<Label> grounded_labelling(const Framework& framework);

void write_apx(std::ostream& out, const Framework& framework);
// Reads .apx text. Throws Error(kInvalidData) naming the line of anything
// that is not arg(NAME). or att(NAME,NAME). with a declared argument.
Framework parse_apx(std::string_view text);

}  // namespace gainsay
