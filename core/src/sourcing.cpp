#include "gainsay/sourcing.h"

#include <algorithm>
#include <set>

namespace gainsay {
namespace {

std::string list(const std::vector<const Actor*>& actors) {
  std::string out;
  for (const Actor* a : actors) out += (out.empty() ? "" : ", ") + a->name;
  return out;
}

// The side an outlet speaks for: the side of its patron if it is affiliated,
// else its own side when it is a member of one; null for an independent outlet.
const Actor* patron_side(const ClaimGraph& graph, const Story& story, const Actor* outlet) {
  if (outlet->affiliated_with) return &graph.side_of(story, *outlet->affiliated_with);
  if (outlet->member_of) return &graph.side_of(story, outlet->id);
  return nullptr;
}

std::string statements_count(std::size_t n) { return std::to_string(n) + (n == 1 ? " statement has" : " statements have"); }

}  // namespace

std::string_view to_string(SourcingFlag flag) {
  switch (flag) {
    case SourcingFlag::kOnlyAnonymous: return "only-anonymous";
    case SourcingFlag::kSingleSource: return "single-source";
    case SourcingFlag::kOnlyInterested: return "only-interested-outlets";
    case SourcingFlag::kAccusedUnanswered: return "accused-unanswered";
    case SourcingFlag::kRepeatedOrigin: return "repeated-origin";
    case SourcingFlag::kUndated: return "undated";
    case SourcingFlag::kUnsourced: return "unsourced";
  }
  return "undated";
}

ReportCount count_reports(const std::vector<StatementView>& statements) {
  ReportCount count;
  for (const auto& s : statements) (s.statement->repeats ? count.repeated : count.independent) += 1;
  return count;
}

std::vector<SourcingWarning> check_sourcing(const Selection& selection) {
  const ClaimGraph& graph = selection.graph();
  std::vector<SourcingWarning> out;
  for (const ClaimView& claim : selection.claims()) {
    const auto statements = selection.statements_on(claim);
    if (statements.empty()) continue;
    auto warn = [&](SourcingFlag flag, std::string message, std::vector<StatementView> about = {}) {
      out.push_back({flag, claim, std::move(message), std::move(about)});
    };
    std::vector<StatementView> for_claim;
    std::copy_if(statements.begin(), statements.end(), std::back_inserter(for_claim),
                 [](const StatementView& s) { return is_for(s.statement->stance); });

    if (!for_claim.empty() && std::all_of(for_claim.begin(), for_claim.end(), [](const StatementView& s) {
          return s.statement->attribution == Attribution::kAnonymous;
        })) {
      warn(SourcingFlag::kOnlyAnonymous,
           "everyone for it speaks anonymously (" + std::to_string(for_claim.size()) +
               (for_claim.size() == 1 ? " statement)" : " statements)"),
           for_claim);
    }

    std::set<const Source*> sources;
    for (const auto& s : statements) {
      if (s.source) sources.insert(s.source);
    }
    if (sources.size() <= 1) {
      warn(SourcingFlag::kSingleSource, sources.empty() ? "no statement on it names a source"
                                                        : "known from a single source: " + (*sources.begin())->id.value);
    }

    // Interested sides: the accused, and every side that spoke on the claim.
    std::vector<const Actor*> interested = graph.accused_sides(claim);
    for (const auto& s : statements) {
      if (std::find(interested.begin(), interested.end(), s.side) == interested.end()) interested.push_back(s.side);
    }
    bool all_interested = !sources.empty();
    std::vector<const Actor*> patrons;
    for (const auto& s : statements) {
      const Actor* patron = s.outlet ? patron_side(graph, *s.story, s.outlet) : nullptr;
      if (!s.source || !patron || std::find(interested.begin(), interested.end(), patron) == interested.end()) {
        all_interested = false;
        break;
      }
      if (std::find(patrons.begin(), patrons.end(), patron) == patrons.end()) patrons.push_back(patron);
    }
    if (all_interested) {
      warn(SourcingFlag::kOnlyInterested, "reported only by outlets tied to a side in the dispute (" + list(patrons) + ")");
    }

    for (const Actor* accused : graph.accused_sides(claim)) {
      const bool answered = std::any_of(statements.begin(), statements.end(), [&](const StatementView& s) {
        return s.side == accused && !is_for(s.statement->stance) && s.statement->stance != Stance::kRetracts;
      });
      const bool concedes = std::any_of(statements.begin(), statements.end(), [&](const StatementView& s) {
        return s.side == accused && is_for(s.statement->stance);
      });
      if (!answered && !concedes) {
        warn(SourcingFlag::kAccusedUnanswered,
             "the accused side, " + accused->name + ", has no recorded answer (never asked, or never reported)");
      }
    }

    const ReportCount reports = count_reports(for_claim);
    if (reports.repeated > 0) {
      std::vector<StatementView> repeats;
      std::copy_if(for_claim.begin(), for_claim.end(), std::back_inserter(repeats),
                   [](const StatementView& s) { return s.statement->repeats.has_value(); });
      warn(SourcingFlag::kRepeatedOrigin,
           std::to_string(for_claim.size()) + " reports for it, " + std::to_string(reports.independent) +
               " independent: " + std::to_string(reports.repeated) + " repeat an earlier report of the same words",
           repeats);
    }

    std::vector<StatementView> undated, unsourced;
    for (const auto& s : statements) {
      if (!s.statement->date) undated.push_back(s);
      if (!s.source) unsourced.push_back(s);
    }
    if (!undated.empty()) {
      warn(SourcingFlag::kUndated, statements_count(undated.size()) + " no date", undated);
    }
    if (!unsourced.empty()) {
      warn(SourcingFlag::kUnsourced, statements_count(unsourced.size()) + " no source", unsourced);
    }
  }
  return out;
}

}  // namespace gainsay
