// Progress: how far long work has got (reading a large sheet, writing a
// million statements, extracting from many articles). Core reports it; the
// CLI shows it as a ProgressBar on a terminal, or not at all.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace gainsay {

class Progress {
 public:
  enum class Unit { kBytes, kItems };
  virtual ~Progress() = default;
  // A new stage of work, `total` units long.
  virtual void stage(std::string_view name, std::uint64_t total, Unit unit) = 0;
  // `done` units of the current stage are done.
  virtual void update(std::uint64_t done) = 0;
  // All work is done.
  virtual void finish() = 0;
};

// One line, redrawn in place: the stage, a bar, the share done, the rate and
// the time left. Draws at most ten times a second, and clears its line when
// done so that what follows starts clean.
class ProgressBar final : public Progress {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  explicit ProgressBar(std::ostream& out, std::size_t width = 80, Clock clock = std::chrono::steady_clock::now);
  ~ProgressBar() override;

  void stage(std::string_view name, std::uint64_t total, Unit unit) override;
  void update(std::uint64_t done) override;
  void finish() override;

  // The line for `done` of `total` after `seconds`, as drawn (for tests).
  std::string line(std::uint64_t done, double seconds) const;

 private:
  void draw(std::uint64_t done, bool force);

  std::ostream& out_;
  std::size_t width_;
  Clock clock_;
  std::string name_;
  std::uint64_t total_ = 0;
  Unit unit_ = Unit::kItems;
  std::chrono::steady_clock::time_point started_, drawn_;
  bool visible_ = false;
};

}  // namespace gainsay
