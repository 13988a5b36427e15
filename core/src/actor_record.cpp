#include "gainsay/actor_record.h"

#include <algorithm>

#include "gainsay/table.h"
#include "report_common.h"

namespace gainsay {
namespace {

using namespace report;

bool contains(const std::vector<const Actor*>& list, const Actor* actor) {
  return std::find(list.begin(), list.end(), actor) != list.end();
}

void add_claim(std::vector<ClaimView>& list, const ClaimView& claim) {
  if (std::none_of(list.begin(), list.end(), [&](const ClaimView& c) { return c.claim == claim.claim; })) {
    list.push_back(claim);
  }
}

std::string claim_list(const std::vector<ClaimView>& claims) {
  std::string out;
  for (const auto& c : claims) out += (out.empty() ? "" : ", ") + c.claim->id.value;
  return out.empty() ? "none" : out;
}

Json claim_ids(const std::vector<ClaimView>& claims) {
  Json out = Json::array();
  for (const auto& c : claims) out.push_back(c.claim->id.value);
  return out;
}

std::string contradiction_text(const Contradiction& c) {
  std::string text = c.who->name + (c.is_side ? " (side)" : "");
  if (c.kind == Contradiction::Kind::kForAndAgainst) return text + " is both for and against " + c.claim.claim->id.value;
  return text + " is for both " + c.claim.claim->id.value + " and " + c.other->claim->id.value +
         ", which contradict each other";
}

}  // namespace

ActorRecord actor_record(const Selection& selection, const std::string& name, bool with_members) {
  const ClaimGraph& graph = selection.graph();
  const auto match = selection.find_actor(name);
  ActorRecord record;
  record.story = match.story;
  record.actor = match.actor;
  record.side = &graph.side_of(*match.story, match.actor->id);
  record.members = with_members ? graph.members_under(*match.story, match.actor->id)
                                : std::vector<const Actor*>{match.actor};

  for (const ClaimAssessment& a : assess_claims(selection)) {
    if (a.claim.story != record.story) continue;
    ActorRecord::OnClaim on{a.claim, a.status, {}};
    for (const auto* list : {&a.for_claim, &a.against, &a.evasive, &a.withdrawn}) {
      for (const StatementView& s : *list) {
        if (contains(record.members, s.actor)) on.statements.push_back(s);
      }
    }
    for (const PositionShift& shift : a.shifts) {
      if (contains(record.members, shift.who)) record.shifts.emplace_back(a.claim, shift);
    }
    if (on.statements.empty()) continue;
    std::sort(on.statements.begin(), on.statements.end(), earlier);
    for (const StatementView& s : on.statements) {
      if (is_for(s.statement->stance)) add_claim(record.for_claims, a.claim);
      if (is_against(s.statement->stance)) add_claim(record.against_claims, a.claim);
      if (stance_class(s.statement->stance) == StanceClass::kEvasive) add_claim(record.evasive_claims, a.claim);
    }
    record.claims.push_back(std::move(on));
  }
  std::stable_sort(record.claims.begin(), record.claims.end(), [](const auto& x, const auto& y) {
    return earlier(x.statements.front(), y.statements.front());
  });
  for (Contradiction& c : find_contradictions(selection)) {
    if (c.claim.story == record.story && contains(record.members, c.who)) record.contradictions.push_back(std::move(c));
  }
  return record;
}

void write_actor_text(std::ostream& out, const ActorRecord& r, const TextStyle& style) {
  TextWriter w(out, style);
  w.wrapped(r.actor->name + (r.members.size() > 1 ? " and " + std::to_string(r.members.size() - 1) + " under it" : ""),
            "", "", Colour::kBold);
  std::string facts = std::string(to_string(r.actor->kind)) + (r.actor->role.empty() ? "" : ", " + r.actor->role) +
                      " \u00b7 id " + r.actor->id.value + " in " + r.story->id.value + " \u00b7 side: " + r.side->name;
  if (r.actor->member_of) facts += " \u00b7 member of: " + r.actor->member_of->value;
  if (!r.actor->aliases.empty()) {
    facts += " \u00b7 also: ";
    for (std::size_t i = 0; i < r.actor->aliases.size(); ++i) facts += (i ? ", " : "") + r.actor->aliases[i];
  }
  w.wrapped(facts, "", "  ", Colour::kCyan);
  std::size_t statements = 0;
  for (const auto& on : r.claims) statements += on.statements.size();
  w.wrapped(std::to_string(statements) + " statements on " + std::to_string(r.claims.size()) + " claims", "", "");
  w.wrapped("for: " + claim_list(r.for_claims), "  ", "    ", Colour::kGreen);
  w.wrapped("against: " + claim_list(r.against_claims), "  ", "    ", Colour::kRed);
  w.wrapped("evasive on: " + claim_list(r.evasive_claims), "  ", "    ", Colour::kYellow);
  for (const auto& on : r.claims) {
    w.line();
    w.wrapped(on.claim.claim->text + " [" + std::string(to_string(on.status)) + "] " + on.claim.claim->id.value, "",
              "  ", Colour::kBold);
    for (const auto& s : on.statements) {
      const Colour colour = is_for(s.statement->stance)     ? Colour::kGreen
                            : is_against(s.statement->stance) ? Colour::kRed
                                                              : Colour::kYellow;
      w.statement(s, to_string(s.statement->stance), colour);
    }
  }
  if (!r.shifts.empty()) {
    w.line();
    w.group("Position shifts", Colour::kBold);
    for (const auto& [claim, shift] : r.shifts) w.wrapped(claim.claim->id.value + ": " + shift_text(shift), "    ", "      ");
  }
  if (!r.contradictions.empty()) {
    w.line();
    w.group("Contradictions", Colour::kBold);
    for (const auto& c : r.contradictions) w.wrapped(contradiction_text(c), "    ", "      ");
  }
}

void write_actor_markdown(std::ostream& out, const ActorRecord& r) {
  out << "# " << markdown_escape(r.actor->name) << "\n\n" << markdown_escape(std::string(to_string(r.actor->kind)))
      << (r.actor->role.empty() ? "" : ", " + markdown_escape(r.actor->role)) << " \u00b7 side: "
      << markdown_escape(r.side->name) << "\n\n- For: " << claim_list(r.for_claims)
      << "\n- Against: " << claim_list(r.against_claims) << "\n- Evasive on: " << claim_list(r.evasive_claims) << "\n";
  for (const auto& on : r.claims) {
    out << "\n## " << markdown_escape(on.claim.claim->text) << "\n\nStatus: **" << to_string(on.status) << "** \u00b7 claim `"
        << on.claim.claim->id.value << "`\n\n";
    for (const auto& s : on.statements) write_markdown_statement(out, s);
  }
  if (!r.shifts.empty()) {
    out << "\n## Position shifts\n\n";
    for (const auto& [claim, shift] : r.shifts) {
      out << "- `" << claim.claim->id.value << "`: " << markdown_escape(shift_text(shift)) << '\n';
    }
  }
  if (!r.contradictions.empty()) {
    out << "\n## Contradictions\n\n";
    for (const auto& c : r.contradictions) out << "- " << markdown_escape(contradiction_text(c)) << '\n';
  }
}

void write_actor_json(std::ostream& out, const ActorRecord& r) {
  Json claims = Json::array();
  for (const auto& on : r.claims) {
    claims.push_back(Json{{"id", on.claim.claim->id.value},
                          {"text", on.claim.claim->text},
                          {"status", to_string(on.status)},
                          {"statements", statements_json(on.statements)}});
  }
  Json shifts = Json::array();
  for (const auto& [claim, shift] : r.shifts) {
    Json j = shift_json(shift);
    j["claim"] = claim.claim->id.value;
    shifts.push_back(std::move(j));
  }
  Json contradictions = Json::array();
  for (const auto& c : r.contradictions) {
    contradictions.push_back(Json{
        {"kind", c.kind == Contradiction::Kind::kForAndAgainst ? "for-and-against" : "contradicting-claims"},
        {"who", actor_json(c.who)},
        {"level", c.is_side ? "side" : "actor"},
        {"claim", c.claim.claim->id.value},
        {"other_claim", c.other ? Json(c.other->claim->id.value) : Json(nullptr)},
        {"first", statements_json(c.first)},
        {"second", statements_json(c.second)}});
  }
  Json members = Json::array();
  for (const Actor* m : r.members) members.push_back(actor_json(m));
  Json report{{"report", "actor"},
              {"story", r.story->id.value},
              {"actor", {{"id", r.actor->id.value}, {"name", r.actor->name}, {"kind", to_string(r.actor->kind)},
                         {"role", optional_text(r.actor->role)}, {"aliases", r.actor->aliases}}},
              {"side", actor_json(r.side)},
              {"members", members},
              {"for", claim_ids(r.for_claims)},
              {"against", claim_ids(r.against_claims)},
              {"evasive", claim_ids(r.evasive_claims)},
              {"claims", claims},
              {"shifts", shifts},
              {"contradictions", contradictions}};
  out << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void write_actor_csv(std::ostream& out, const ActorRecord& r) {
  Table table;
  table.columns = {"claim", "claim_status", "statement", "actor", "date", "stance", "attribution", "source", "quote", "note"};
  for (const auto& on : r.claims) {
    for (const auto& s : on.statements) {
      table.rows.push_back({on.claim.claim->id.value, std::string(to_string(on.status)), s.statement->id.value,
                            s.actor->id.value, s.statement->date ? s.statement->date->to_string() : "",
                            std::string(to_string(s.statement->stance)), std::string(to_string(s.statement->attribution)),
                            s.source ? s.source->id.value : "", s.statement->quote, s.statement->note});
    }
  }
  write_table_csv(out, table);
}

}  // namespace gainsay
