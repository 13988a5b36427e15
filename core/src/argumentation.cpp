#include "gainsay/argumentation.h"

#include <algorithm>
#include <unordered_map>

#include "gainsay/error.h"

namespace gainsay {

std::size_t Framework::add_argument(std::string name) {
  names_.push_back(std::move(name));
  attackers_.emplace_back();
  attacked_.emplace_back();
  return names_.size() - 1;
}

void Framework::add_attack(std::size_t from, std::size_t to) {
  auto& list = attacked_[from];
  if (std::find(list.begin(), list.end(), to) != list.end()) return;  // an attack is a relation, not a count
  list.push_back(to);
  attackers_[to].push_back(from);
}

std::size_t Framework::attack_count() const {
  std::size_t n = 0;
  for (const auto& list : attacked_) n += list.size();
  return n;
}

std::string_view to_string(Label label) {
  switch (label) {
    case Label::kIn: return "in";
    case Label::kOut: return "out";
    case Label::kUndecided: return "undecided";
  }
  return "undecided";
}

std::vector<Label> grounded_labelling(const Framework& framework) {
  const std::size_t n = framework.size();
  std::vector<Label> label(n, Label::kUndecided);
  // An argument becomes in once every attacker is out: count the attackers
  // not yet out, and start from those with none.
  std::vector<std::size_t> live(n);
  std::vector<std::size_t> pending;
  for (std::size_t a = 0; a < n; ++a) {
    live[a] = framework.attackers(a).size();
    if (live[a] == 0) pending.push_back(a);
  }
  while (!pending.empty()) {
    const std::size_t a = pending.back();
    pending.pop_back();
    if (label[a] != Label::kUndecided) continue;
    label[a] = Label::kIn;
    for (std::size_t b : framework.attacked(a)) {
      if (label[b] != Label::kUndecided) continue;  // a self-attacking in cannot happen: it has an attacker
      label[b] = Label::kOut;
      for (std::size_t c : framework.attacked(b)) {
        if (label[c] == Label::kUndecided && --live[c] == 0) pending.push_back(c);
      }
    }
  }
  return label;
}

void write_apx(std::ostream& out, const Framework& framework) {
  for (std::size_t a = 0; a < framework.size(); ++a) out << "arg(" << framework.name(a) << ").\n";
  for (std::size_t a = 0; a < framework.size(); ++a) {
    for (std::size_t b : framework.attacked(a)) out << "att(" << framework.name(a) << "," << framework.name(b) << ").\n";
  }
}

Framework parse_apx(std::string_view text) {
  Framework framework;
  std::unordered_map<std::string, std::size_t> index;
  std::vector<std::pair<std::string, std::string>> attacks;
  std::vector<std::size_t> attack_lines;
  std::size_t line_number = 0;
  auto fail = [&](const std::string& why) {
    throw Error(ErrorCode::kInvalidData, "apx line " + std::to_string(line_number) + ": " + why);
  };
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    start = end + 1;
    ++line_number;
    line.erase(std::remove_if(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; }),
               line.end());
    if (line.empty() || line[0] == '%') continue;
    if (line.size() < 6 || line.back() != '.' || line[line.size() - 2] != ')') fail("expected arg(a). or att(a,b).");
    const std::string inner = line.substr(4, line.size() - 6);
    if (line.rfind("arg(", 0) == 0) {
      if (inner.empty() || inner.find(',') != std::string::npos) fail("expected one argument name in arg(...)");
      if (!index.emplace(inner, framework.size()).second) fail("argument '" + inner + "' declared twice");
      framework.add_argument(inner);
    } else if (line.rfind("att(", 0) == 0) {
      const std::size_t comma = inner.find(',');
      if (comma == std::string::npos || comma == 0 || comma + 1 == inner.size()) fail("expected att(a,b).");
      attacks.emplace_back(inner.substr(0, comma), inner.substr(comma + 1));
      attack_lines.push_back(line_number);
    } else {
      fail("expected arg(a). or att(a,b).");
    }
  }
  for (std::size_t i = 0; i < attacks.size(); ++i) {
    line_number = attack_lines[i];
    auto from = index.find(attacks[i].first);
    auto to = index.find(attacks[i].second);
    if (from == index.end()) fail("attack from undeclared argument '" + attacks[i].first + "'");
    if (to == index.end()) fail("attack on undeclared argument '" + attacks[i].second + "'");
    framework.add_attack(from->second, to->second);
  }
  return framework;
}

}  // namespace gainsay
