#include "gainsay/standing.h"

#include <algorithm>
#include <map>
#include <set>

#include "gainsay/error.h"
#include "gainsay/table.h"
#include "report_common.h"

namespace gainsay {
namespace {

using namespace report;

// An apx atom from an id: lower-case letters, digits and underscores.
std::string atom(const std::string& prefix, const std::string& id) {
  std::string out = prefix;
  for (char c : id) out += (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_';
  return out;
}

std::set<const Actor*> named_sides(const ClaimGraph& graph, const std::vector<std::string>& names, const char* option) {
  std::set<const Actor*> sides;
  for (const auto& name : names) {
    const auto matches = graph.match_actor(name);
    if (matches.empty()) {
      throw Error(ErrorCode::kNotFound,
                  std::string(option) + " '" + name + "': no actor has that id, name or alias in the stories read");
    }
    for (const auto& m : matches) sides.insert(&graph.side_of(*m.story, m.actor->id));
  }
  return sides;
}

class Builder {
 public:
  Builder(const Selection& selection, const TrustProfile& profile) : selection_(selection) {
    trusted_ = named_sides(selection.graph(), profile.trust, "--trust");
    distrusted_ = named_sides(selection.graph(), profile.distrust, "--distrust");
    for (const Actor* side : trusted_) {
      if (distrusted_.count(side)) {
        throw Error(ErrorCode::kInvalidData, "side '" + side->name + "' is both trusted and distrusted");
      }
    }
  }

  Standing build();

 private:
  int preference(const Actor* side) const { return trusted_.count(side) ? 2 : distrusted_.count(side) ? 0 : 1; }
  std::size_t add(std::string name, StandingArgument argument, int preference) {
    std::string unique = name;
    for (int n = 2; !names_.insert(unique).second; ++n) unique = name + "_" + std::to_string(n);
    standing_.arguments.push_back(std::move(argument));
    standing_.overruled.emplace_back();
    preference_.push_back(preference);
    return standing_.framework.add_argument(unique);
  }
  // An attack succeeds unless its target is preferred to its attacker.
  void attack(std::size_t from, std::size_t to) {
    if (preference_[to] <= preference_[from]) {
      standing_.framework.add_attack(from, to);
    } else if (std::find(standing_.overruled[to].begin(), standing_.overruled[to].end(), from) ==
               standing_.overruled[to].end()) {
      standing_.overruled[to].push_back(from);
    }
  }

  const Selection& selection_;
  std::set<const Actor*> trusted_, distrusted_;
  Standing standing_;
  std::vector<int> preference_;
  std::set<std::string> names_;
};

Standing Builder::build() {
  const bool several = selection_.graph().stories().size() > 1;
  auto name_of = [&](const std::string& prefix, const Story& story, const std::string& id) {
    return atom(prefix, several ? story.id.value + "__" + id : id);
  };
  std::map<const Actor*, std::size_t> distrust_argument;
  for (const Actor* side : distrusted_) {
    StandingArgument argument{StandingArgument::Kind::kDistrust, {}, {}, side};
    distrust_argument[side] = add(atom("distrust_", side->id.value), argument, 3);
  }
  std::map<const Claim*, std::size_t> claim_argument;
  std::vector<std::pair<ClaimView, std::vector<std::pair<StatementView, std::size_t>>>> per_claim;
  for (const ClaimView& claim : selection_.claims()) {
    const auto statements = selection_.statements_on(claim);
    int backing = 1;  // a claim is as preferred as its most preferred backer
    bool backed = false;
    for (const auto& s : statements) {
      if (!is_for(s.statement->stance)) continue;
      backing = backed ? std::max(backing, preference(s.side)) : preference(s.side);
      backed = true;
    }
    const std::size_t c = add(name_of("c_", *claim.story, claim.claim->id.value),
                              {StandingArgument::Kind::kClaim, claim, {}, nullptr}, backing);
    claim_argument[claim.claim] = c;
    auto& mine = per_claim.emplace_back(claim, std::vector<std::pair<StatementView, std::size_t>>{});
    for (const auto& s : statements) {
      const std::size_t a = add(name_of("s_", *s.story, s.statement->id.value),
                                {StandingArgument::Kind::kStatement, {}, s, s.side}, preference(s.side));
      mine.second.emplace_back(s, a);
    }
  }
  // The same actor saying something that counts differently later withdraws
  // what it said before: the later statement attacks the earlier, and the
  // withdrawn one attacks nothing.
  auto supersedes = [](const StatementView& later, const StatementView& earlier) {
    return later.actor == earlier.actor && later.statement->date && earlier.statement->date &&
           later.statement->date->first_day() > earlier.statement->date->last_day() &&
           stance_class(later.statement->stance) != stance_class(earlier.statement->stance);
  };
  for (const auto& [claim, statements] : per_claim) {
    const std::size_t c = claim_argument[claim.claim];
    for (const auto& [s, a] : statements) {
      if (auto it = distrust_argument.find(s.side); it != distrust_argument.end()) attack(it->second, a);
      const bool withdrawn = std::any_of(statements.begin(), statements.end(),
                                         [&](const auto& other) { return supersedes(other.first, s); });
      if (withdrawn) continue;
      const Stance stance = s.statement->stance;
      if (is_against(stance) || stance == Stance::kRetracts) attack(a, c);
      for (const auto& [t, b] : statements) {
        if (a == b) continue;
        const bool against_for = is_against(stance) && is_for(t.statement->stance);
        const bool for_against = is_for(stance) && is_against(t.statement->stance);
        const bool retracts = stance == Stance::kRetracts && s.actor == t.actor && is_for(t.statement->stance);
        if (against_for || for_against || retracts || supersedes(s, t)) attack(a, b);
      }
    }
  }
  for (const auto& [claim, statements] : per_claim) {
    for (const ClaimView& other : selection_.graph().contradicting(claim)) {
      if (auto it = claim_argument.find(other.claim); it != claim_argument.end()) {
        attack(claim_argument[claim.claim], it->second);
      }
    }
  }
  standing_.labels = grounded_labelling(standing_.framework);
  return std::move(standing_);
}

std::string describe(const Standing& st, std::size_t a) {
  const StandingArgument& arg = st.arguments[a];
  switch (arg.kind) {
    case StandingArgument::Kind::kClaim: return "claim " + arg.claim.claim->id.value;
    case StandingArgument::Kind::kDistrust: return "the reader's distrust of " + arg.side->name;
    case StandingArgument::Kind::kStatement: {
      const StatementView& s = arg.statement;
      return std::string(to_string(s.statement->stance)) + " by " + s.actor->name + " (" + s.statement->id.value +
             (s.claim != nullptr ? ", on " + s.claim->id.value : "") + ")";
    }
  }
  return "";
}

// Why argument `a` has its label, as lines indented by depth.
void explain(const Standing& st, std::size_t a, int depth, std::set<std::size_t>& seen, std::vector<std::string>& out) {
  const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  const auto& attackers = st.framework.attackers(a);
  const std::string self = describe(st, a) + " is " + std::string(to_string(st.labels[a]));
  if (!seen.insert(a).second || depth > 4) {
    out.push_back(indent + self + " (see above)");
    return;
  }
  switch (st.labels[a]) {
    case Label::kIn:
      if (attackers.empty() && st.overruled[a].empty()) {
        out.push_back(indent + self + ": nothing attacks it");
      } else if (attackers.empty()) {
        std::string who;
        for (std::size_t b : st.overruled[a]) who += (who.empty() ? "" : "; ") + describe(st, b);
        out.push_back(indent + self + ": the attacks on it fail, as the trust profile prefers it to " + who);
      } else {
        out.push_back(indent + self + ": every attack on it fails");
        for (std::size_t b : attackers) explain(st, b, depth + 1, seen, out);
      }
      break;
    case Label::kOut:
      for (std::size_t b : attackers) {
        if (st.labels[b] != Label::kIn) continue;
        out.push_back(indent + self + ": defeated by " + describe(st, b));
        explain(st, b, depth + 1, seen, out);
        break;
      }
      break;
    case Label::kUndecided: {
      std::vector<std::size_t> open;
      for (std::size_t b : attackers) {
        if (st.labels[b] == Label::kUndecided) open.push_back(b);
      }
      out.push_back(indent + self + ": attacked by " + std::to_string(open.size()) +
                    " argument(s) that are themselves undecided (attacks that answer each other, unresolved)");
      for (std::size_t b : open) {
        out.push_back(indent + "  " + describe(st, b) + " is undecided");
        if (depth == 0) break;
      }
      break;
    }
  }
}

Json label_json(const ClaimStanding& c) {
  return Json{{"story", c.claim.story->id.value},
              {"claim", c.claim.claim->id.value},
              {"text", c.claim.claim->text},
              {"label", to_string(c.label)},
              {"chain", c.chain}};
}

}  // namespace

Standing build_standing(const Selection& selection, const TrustProfile& profile) {
  Standing standing = Builder(selection, profile).build();
  for (std::size_t a = 0; a < standing.arguments.size(); ++a) {
    if (standing.arguments[a].kind != StandingArgument::Kind::kClaim) continue;
    ClaimStanding c{standing.arguments[a].claim, standing.labels[a], {}};
    std::set<std::size_t> seen;
    explain(standing, a, 0, seen, c.chain);
    standing.claims.push_back(std::move(c));
  }
  return standing;
}

void write_standing_text(std::ostream& out, const Standing& st, const TextStyle& style) {
  TextWriter w(out, style);
  std::map<Label, std::size_t> counts;
  for (const auto& c : st.claims) ++counts[c.label];
  w.wrapped("Standing of " + std::to_string(st.claims.size()) + " claims: " + std::to_string(counts[Label::kIn]) +
                " in \u00b7 " + std::to_string(counts[Label::kOut]) + " out \u00b7 " +
                std::to_string(counts[Label::kUndecided]) + " undecided (grounded semantics, " +
                std::to_string(st.framework.size()) + " arguments, " + std::to_string(st.framework.attack_count()) +
                " attacks)",
            "", "  ", Colour::kBold);
  for (const auto& c : st.claims) {
    w.line();
    const Colour colour = c.label == Label::kIn ? Colour::kGreen : c.label == Label::kOut ? Colour::kRed : Colour::kYellow;
    w.wrapped("[" + std::string(to_string(c.label)) + "] " + c.claim.claim->text + " (" + c.claim.claim->id.value + ")",
              "", "  ", colour);
    for (const auto& line : c.chain) {
      const std::size_t depth = line.find_first_not_of(' ');
      const std::string indent(4 + depth, ' ');
      w.wrapped(line.substr(depth), indent, indent + "  ");
    }
  }
}

void write_standing_markdown(std::ostream& out, const Standing& st) {
  out << "# Standing of " << st.claims.size() << " claims\n\n";
  for (const auto& c : st.claims) {
    out << "## " << markdown_escape(c.claim.claim->text) << "\n\n**" << to_string(c.label) << "** \u00b7 claim `"
        << c.claim.claim->id.value << "`\n\n";
    for (const auto& line : c.chain) {
      const std::size_t depth = line.find_first_not_of(' ');
      out << std::string(depth, ' ') << "- " << markdown_escape(line.substr(depth)) << '\n';
    }
    out << '\n';
  }
}

void write_standing_json(std::ostream& out, const Standing& st) {
  Json claims = Json::array();
  for (const auto& c : st.claims) claims.push_back(label_json(c));
  Json arguments = Json::array();
  for (std::size_t a = 0; a < st.arguments.size(); ++a) {
    arguments.push_back(Json{{"name", st.framework.name(a)}, {"label", to_string(st.labels[a])}, {"is", describe(st, a)}});
  }
  Json report{{"report", "standing"}, {"claims", claims}, {"arguments", arguments}};
  out << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void write_standing_csv(std::ostream& out, const Standing& st) {
  Table table;
  table.columns = {"story", "claim", "label", "why", "text"};
  for (const auto& c : st.claims) {
    table.rows.push_back({c.claim.story->id.value, c.claim.claim->id.value, std::string(to_string(c.label)),
                          c.chain.empty() ? "" : c.chain.front(), c.claim.claim->text});
  }
  write_table_csv(out, table);
}

}  // namespace gainsay
