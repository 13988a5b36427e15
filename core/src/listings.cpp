#include "gainsay/listings.h"

#include <algorithm>
#include <map>
#include <set>

#include "gainsay/contradiction.h"

namespace gainsay {
namespace {

std::string date_text(const std::optional<Date>& date) { return date ? date->to_string() : ""; }

std::string precision(const std::optional<Date>& date) {
  if (!date) return "none";
  switch (date->precision()) {
    case Date::Precision::kYear: return "year";
    case Date::Precision::kMonth: return "month";
    case Date::Precision::kDay: return "day";
  }
  return "day";
}

std::string source_text(const StatementView& s) {
  if (!s.source) return "";
  std::string out = s.outlet ? s.outlet->name : s.source->id.value;
  if (s.source->published) out += " " + s.source->published->to_string();
  return out;
}

// The statement's words: its quote in quotation marks, else its note.
std::string words(const StatementView& s) {
  if (!s.statement->quote.empty()) {
    return "\u201c" + s.statement->quote + "\u201d" + (s.statement->note.empty() ? "" : " (" + s.statement->note + ")");
  }
  return s.statement->note;
}

std::string names(const std::vector<const Actor*>& actors) {
  std::string out;
  for (const Actor* a : actors) out += (out.empty() ? "" : ", ") + a->id.value;
  return out;
}

std::string who(const Actor* actor, bool is_side) { return actor->name + (is_side ? " (side)" : ""); }

// Each selected statement on the selected claims, in date order.
std::vector<StatementView> all_statements(const Selection& selection) {
  std::vector<StatementView> out;
  for (const ClaimView& claim : selection.claims()) {
    auto on = selection.statements_on(claim);
    out.insert(out.end(), on.begin(), on.end());
  }
  std::stable_sort(out.begin(), out.end(), earlier);
  return out;
}

}  // namespace

Table timeline_table(const Selection& selection, const std::optional<ClaimId>& claim) {
  Table table;
  table.columns = {"date", "precision", "story", "claim", "statement", "actor", "side", "stance", "attribution",
                   "source", "words"};
  table.text_columns = {"date", "claim", "actor", "stance", "words"};
  std::vector<StatementView> statements;
  if (claim) {
    statements = selection.statements_on(selection.find_claim(*claim));
  } else {
    statements = all_statements(selection);
  }
  bool undated_started = false;
  for (const StatementView& s : statements) {
    if (!s.statement->date && !undated_started) {
      table.add_break("Undated: these cannot be placed in time");
      undated_started = true;
    }
    table.rows.push_back({date_text(s.statement->date), precision(s.statement->date), s.story->id.value,
                          s.claim->id.value, s.statement->id.value, s.actor->name, s.side->id.value,
                          std::string(to_string(s.statement->stance)), std::string(to_string(s.statement->attribution)),
                          source_text(s), words(s)});
  }
  return table;
}

Table shifts_table(const Selection& selection) {
  Table table;
  table.columns = {"claim", "who", "level", "step", "date", "stance", "counts_as", "actor", "source", "statement"};
  table.text_columns = {"step", "date", "stance", "actor", "source"};
  for (const ClaimAssessment& a : assess_claims(selection)) {
    for (const PositionShift& shift : a.shifts) {
      std::string path;
      for (const ShiftStep& step : shift.steps) {
        path += (path.empty() ? "" : step.order_uncertain ? " \u2192? " : " \u2192 ") +
                std::string(to_string(step.statement.statement->stance));
      }
      std::string undated;
      for (const StatementView& s : shift.undated) {
        undated += (undated.empty() ? "" : ", ") + std::string(to_string(s.statement->stance));
      }
      if (!undated.empty()) path += (path.empty() ? "undated: " : "; undated, cannot be ordered: ") + undated;
      table.add_break(who(shift.who, shift.is_side) + " on \u201c" + a.claim.claim->text + "\u201d: " + path);
      const std::string level = shift.is_side ? "side" : "actor";
      std::size_t number = 0;
      auto row = [&](const StatementView& s, std::string step) {
        table.rows.push_back({a.claim.claim->id.value, shift.who->id.value, level, std::move(step),
                              date_text(s.statement->date), std::string(to_string(s.statement->stance)),
                              std::string(to_string(stance_class(s.statement->stance))), s.actor->name,
                              source_text(s), s.statement->id.value});
      };
      for (const ShiftStep& step : shift.steps) {
        row(step.statement, std::to_string(++number) + (step.order_uncertain ? "?" : ""));
      }
      for (const StatementView& s : shift.undated) row(s, "undated");
    }
  }
  return table;
}

Table contradictions_table(const Selection& selection) {
  Table table;
  table.columns = {"kind", "who", "level", "claim", "role", "date", "stance", "actor", "statement", "source", "words"};
  table.text_columns = {"claim", "date", "stance", "actor", "words"};
  for (const Contradiction& c : find_contradictions(selection)) {
    const bool same_claim = c.kind == Contradiction::Kind::kForAndAgainst;
    const std::string kind = same_claim ? "for-and-against" : "contradicting-claims";
    table.add_break(same_claim ? who(c.who, c.is_side) + " is both for and against \u201c" + c.claim.claim->text + "\u201d"
                               : who(c.who, c.is_side) + " is for two claims that contradict each other: \u201c" +
                                     c.claim.claim->text + "\u201d and \u201c" + c.other->claim->text + "\u201d");
    auto rows = [&](const std::vector<StatementView>& list, const std::string& role) {
      for (const StatementView& s : list) {
        table.rows.push_back({kind, c.who->id.value, c.is_side ? "side" : "actor", s.claim->id.value, role,
                              date_text(s.statement->date), std::string(to_string(s.statement->stance)), s.actor->name,
                              s.statement->id.value, source_text(s), words(s)});
      }
    };
    rows(c.first, "for");
    rows(c.second, same_claim ? "against" : "for");
  }
  return table;
}

Table matrix_table(const Selection& selection) {
  static constexpr Stance kAnswers[] = {Stance::kDenies,   Stance::kDismisses, Stance::kDisputes,
                                        Stance::kPartiallyAdmits, Stance::kDeflects, Stance::kDeclines,
                                        Stance::kCounterAccuses};
  struct Cell {
    std::set<const Claim*> against;
    std::map<Stance, std::set<const Claim*>> by_stance;
  };
  // Keyed by ids so rows come out in a stable order.
  std::map<std::pair<std::string, std::string>, Cell> cells;
  std::map<std::string, const Actor*> sides;
  for (const ClaimView& claim : selection.claims()) {
    const auto statements = selection.statements_on(claim);
    std::set<const Actor*> claimants;
    for (const auto& s : statements) {
      if (is_for(s.statement->stance)) claimants.insert(s.side);
    }
    for (const Actor* claimant : claimants) {
      for (const auto& s : statements) {
        if (is_for(s.statement->stance) || s.statement->stance == Stance::kRetracts || s.side == claimant) continue;
        Cell& cell = cells[{claimant->id.value, s.side->id.value}];
        sides[claimant->id.value] = claimant;
        sides[s.side->id.value] = s.side;
        if (is_against(s.statement->stance)) cell.against.insert(claim.claim);
        cell.by_stance[s.statement->stance].insert(claim.claim);
      }
    }
  }
  Table table;
  table.columns = {"claimant_side", "answering_side", "claims_against"};
  for (Stance stance : kAnswers) table.columns.emplace_back(to_string(stance));
  table.numeric.assign(table.columns.size(), true);
  table.numeric[0] = table.numeric[1] = false;
  for (const auto& [key, cell] : cells) {
    std::vector<std::string> row = {sides[key.first]->name, sides[key.second]->name, std::to_string(cell.against.size())};
    for (Stance stance : kAnswers) {
      auto it = cell.by_stance.find(stance);
      row.push_back(std::to_string(it == cell.by_stance.end() ? 0 : it->second.size()));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

Table claims_table(const Selection& selection, const std::vector<ClaimStatus>& statuses) {
  Table table;
  table.columns = {"story", "id", "status", "disputed", "for", "against", "statements", "first", "last", "text"};
  table.numeric = {false, false, false, false, false, false, true, false, false, false};
  table.text_columns = {"id", "status", "for", "against", "statements", "text"};
  for (const ClaimAssessment& a : assess_claims(selection)) {
    if (!statuses.empty() && std::find(statuses.begin(), statuses.end(), a.status) == statuses.end()) continue;
    const std::size_t count = a.for_claim.size() + a.against.size() + a.evasive.size() + a.withdrawn.size();
    std::optional<Date> last;
    for (const auto* list : {&a.for_claim, &a.against, &a.evasive, &a.withdrawn}) {
      for (const auto& s : *list) {
        if (s.statement->date && (!last || *last < *s.statement->date)) last = s.statement->date;
      }
    }
    table.rows.push_back({a.claim.story->id.value, a.claim.claim->id.value, std::string(to_string(a.status)),
                          a.disputed ? "yes" : "no", names(a.sides_for), names(a.sides_against), std::to_string(count),
                          date_text(a.first_date), date_text(last), a.claim.claim->text});
  }
  return table;
}

Table actors_table(const Selection& selection, const std::vector<ActorKind>& kinds) {
  struct Counts {
    std::size_t statements = 0;
    std::set<const Claim*> claims, for_claims, against, evasive;
  };
  std::map<const Actor*, Counts> counts;
  for (const StatementView& s : all_statements(selection)) {
    Counts& c = counts[s.actor];
    ++c.statements;
    c.claims.insert(s.claim);
    if (is_for(s.statement->stance)) c.for_claims.insert(s.claim);
    if (is_against(s.statement->stance)) c.against.insert(s.claim);
    if (stance_class(s.statement->stance) == StanceClass::kEvasive) c.evasive.insert(s.claim);
  }
  Table table;
  table.columns = {"story", "id", "name", "kind", "side", "member_of", "statements", "claims", "for", "against", "evasive"};
  table.numeric = {false, false, false, false, false, false, true, true, true, true, true};
  table.text_columns = {"id", "kind", "side", "statements", "for", "against", "evasive", "name"};
  const bool some_sides = !selection.filter().actor.empty() || !selection.filter().side.empty();
  for (const Story& story : selection.graph().stories()) {
    if (!selection.in_story(story)) continue;
    for (const Actor& actor : story.actors) {
      const Actor& side = selection.graph().side_of(story, actor.id);
      if (some_sides && !selection.is_selected_side(&side)) continue;
      if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), actor.kind) == kinds.end()) continue;
      const Counts& c = counts[&actor];
      table.rows.push_back({story.id.value, actor.id.value, actor.name, std::string(to_string(actor.kind)),
                            side.id.value, actor.member_of ? actor.member_of->value : "", std::to_string(c.statements),
                            std::to_string(c.claims.size()), std::to_string(c.for_claims.size()),
                            std::to_string(c.against.size()), std::to_string(c.evasive.size())});
    }
  }
  return table;
}

}  // namespace gainsay
