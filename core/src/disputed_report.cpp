#include "gainsay/disputed_report.h"

#include <nlohmann/json.hpp>

#include "gainsay/table.h"
#include "report_common.h"

namespace gainsay {
namespace {

using namespace report;

constexpr Stance kAgainstOrder[] = {Stance::kDenies, Stance::kDismisses, Stance::kDisputes, Stance::kPartiallyAdmits};
constexpr Stance kEvasiveOrder[] = {Stance::kDeflects, Stance::kDeclines, Stance::kCounterAccuses};

std::vector<StatementView> with_stance(const std::vector<StatementView>& list, Stance stance) {
  std::vector<StatementView> out;
  for (const auto& s : list) {
    if (s.statement->stance == stance) out.push_back(s);
  }
  return out;
}

std::string heading_line(const ReportHeading& heading) {
  std::string stories;
  for (const auto& id : heading.stories) stories += (stories.empty() ? "" : ", ") + id.value;
  std::string out = "stories: " + (stories.empty() ? std::string("none") : stories);
  if (heading.filter.story) out += " \u00b7 story: " + heading.filter.story->value;
  if (!heading.filter.actor.empty()) out += " \u00b7 actor: " + heading.filter.actor;
  if (!heading.filter.side.empty()) out += " \u00b7 side: " + heading.filter.side;
  if (heading.filter.since) out += " \u00b7 since " + heading.filter.since->to_string();
  if (heading.filter.until) out += " \u00b7 until " + heading.filter.until->to_string();
  if (heading.filter.as_of) out += " \u00b7 as of " + heading.filter.as_of->to_string();
  return out;
}

void write_claim_json(JsonWriter& json, const ClaimAssessment& a) {
  json.begin_object();
  json.key("story").string(a.claim.story->id.value);
  json.key("id").string(a.claim.claim->id.value);
  json.key("text").string(a.claim.claim->text);
  json.key("status").string(to_string(a.status));
  write_actors(json.key("about"), a.accused);
  write_actors(json.key("sides_for"), a.sides_for);
  write_actors(json.key("sides_against"), a.sides_against);
  write_date(json.key("first_date"), a.first_date);
  write_statements(json.key("for"), a.for_claim);
  json.key("against").begin_object();
  for (Stance stance : kAgainstOrder) write_statements(json.key(to_string(stance)), with_stance(a.against, stance));
  json.end_object();
  json.key("evasive").begin_object();
  for (Stance stance : kEvasiveOrder) write_statements(json.key(to_string(stance)), with_stance(a.evasive, stance));
  json.end_object();
  write_statements(json.key("withdrawn"), a.withdrawn);
  json.key("shifts").begin_array();
  for (const auto& shift : a.shifts) write_shift(json, shift);
  json.end_array();
  json.end_object();
}

// Where each part of the claims starts, and past the last: parts of about
// the same number of statements, enough to be worth a thread's while.
std::vector<std::size_t> part_starts(const std::vector<ClaimAssessment>& claims) {
  constexpr std::size_t kStatementsPerPart = 4096;
  std::vector<std::size_t> starts = {0};
  std::size_t statements = 0;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const ClaimAssessment& a = claims[i];
    statements += 1 + a.for_claim.size() + a.against.size() + a.evasive.size() + a.withdrawn.size();
    if (statements >= kStatementsPerPart) {
      starts.push_back(i + 1);
      statements = 0;
    }
  }
  if (starts.back() != claims.size()) starts.push_back(claims.size());
  return starts;
}

}  // namespace

void write_disputed_text(std::ostream& out, const std::vector<ClaimAssessment>& claims, const ReportHeading& heading,
                         const TextStyle& style) {
  TextWriter w(out, style);
  w.wrapped("Disputed claims: " + std::to_string(claims.size()), "", "", Colour::kBold);
  w.wrapped(heading_line(heading), "", "  ", Colour::kDim);
  std::size_t number = 0;
  for (const ClaimAssessment& a : claims) {
    w.line();
    const std::string prefix = std::to_string(++number) + ". ";
    w.wrapped(a.claim.claim->text, prefix, std::string(prefix.size(), ' '), Colour::kBold);
    std::string facts = "[" + std::string(to_string(a.status)) + "] " + a.claim.claim->id.value;
    if (heading.stories.size() > 1) facts += " in " + a.claim.story->id.value;
    if (!a.accused.empty()) facts += " \u00b7 about: " + names(a.accused);
    facts += " \u00b7 for: " + names(a.sides_for) + " \u00b7 against: " + names(a.sides_against);
    w.wrapped(facts, std::string(prefix.size(), ' '), std::string(prefix.size() + 2, ' '), Colour::kCyan);
    w.line();
    w.group("For", Colour::kGreen);
    for (const auto& s : a.for_claim) w.statement(s, to_string(s.statement->stance), Colour::kGreen);
    w.group("Against", Colour::kRed);
    for (Stance stance : kAgainstOrder) {
      for (const auto& s : with_stance(a.against, stance)) w.statement(s, to_string(stance), Colour::kRed);
    }
    if (!a.evasive.empty()) {
      w.group("Evasive answers", Colour::kYellow);
      for (Stance stance : kEvasiveOrder) {
        for (const auto& s : with_stance(a.evasive, stance)) w.statement(s, to_string(stance), Colour::kYellow);
      }
    }
    if (!a.withdrawn.empty()) {
      w.group("Withdrawn", Colour::kDim);
      for (const auto& s : a.withdrawn) w.statement(s, to_string(s.statement->stance), Colour::kDim);
    }
    if (!a.shifts.empty()) {
      w.group("Position shifts", Colour::kBold);
      for (const auto& shift : a.shifts) w.wrapped(shift_text(shift), "    ", "      ");
    }
  }
  if (claims.empty()) {
    w.line();
    w.line("No claim has both an actor for it and an actor of another side against it.");
  }
}

void write_disputed_markdown(std::ostream& out, const std::vector<ClaimAssessment>& claims,
                             const ReportHeading& heading) {
  out << "# Disputed claims: " << claims.size() << "\n\n" << markdown_escape(heading_line(heading)) << "\n";
  std::size_t number = 0;
  for (const ClaimAssessment& a : claims) {
    out << "\n## " << ++number << ". " << markdown_escape(a.claim.claim->text) << "\n\n";
    out << "Status: **" << to_string(a.status) << "** \u00b7 claim `" << a.claim.claim->id.value << "`";
    if (!a.accused.empty()) out << " \u00b7 about: " << markdown_escape(names(a.accused));
    out << " \u00b7 for: " << markdown_escape(names(a.sides_for)) << " \u00b7 against: "
        << markdown_escape(names(a.sides_against)) << "\n\n### For\n\n";
    for (const auto& s : a.for_claim) write_markdown_statement(out, s);
    out << "\n### Against\n\n";
    for (Stance stance : kAgainstOrder) {
      for (const auto& s : with_stance(a.against, stance)) write_markdown_statement(out, s);
    }
    if (!a.evasive.empty()) {
      out << "\n### Evasive answers\n\n";
      for (Stance stance : kEvasiveOrder) {
        for (const auto& s : with_stance(a.evasive, stance)) write_markdown_statement(out, s);
      }
    }
    if (!a.withdrawn.empty()) {
      out << "\n### Withdrawn\n\n";
      for (const auto& s : a.withdrawn) write_markdown_statement(out, s);
    }
    if (!a.shifts.empty()) {
      out << "\n### Position shifts\n\n";
      for (const auto& shift : a.shifts) out << "- " << markdown_escape(shift_text(shift)) << '\n';
    }
  }
}

void write_disputed_json(std::ostream& out, const std::vector<ClaimAssessment>& claims, const ReportHeading& heading) {
  // Written as it goes, so a report on a million statements never holds
  // them all as one JSON document in memory.
  JsonWriter json(out);
  json.begin_object();
  json.key("report").string("disputed");
  json.key("stories").begin_array();
  for (const auto& id : heading.stories) json.string(id.value);
  json.end_array();
  json.key("filter").begin_object();
  json.key("story");
  if (heading.filter.story) {
    json.string(heading.filter.story->value);
  } else {
    json.null();
  }
  json.key("actor").optional_text(heading.filter.actor);
  json.key("side").optional_text(heading.filter.side);
  write_date(json.key("since"), heading.filter.since);
  write_date(json.key("until"), heading.filter.until);
  write_date(json.key("as_of"), heading.filter.as_of);
  json.end_object();
  json.key("claims").begin_array();
  // The claims are rendered in parts, on every core, and written in order.
  const std::vector<std::size_t> parts = part_starts(claims);
  const int depth = json.depth();  // read here: the writer changes as parts arrive
  write_in_order(
      parts.size() - 1,
      [&](std::size_t part, PieceSink sink) {
        JsonWriter writer(depth, part == 0, std::move(sink));
        for (std::size_t i = parts[part]; i < parts[part + 1]; ++i) write_claim_json(writer, claims[i]);
        writer.flush();
      },
      [&](const std::string& piece) { json.append_part(piece); });
  json.end_array();
  json.end_object();
  json.flush();
  out << '\n';
}

void write_disputed_csv(std::ostream& out, const std::vector<ClaimAssessment>& claims) {
  Table table;
  table.columns = {"story",     "claim",  "claim_text", "status",      "sides_against", "counts_as",
                   "stance",    "statement", "actor",  "actor_name",  "side",          "date",
                   "attribution", "source", "source_title", "outlet",  "via",           "quote",
                   "note"};
  for (const ClaimAssessment& a : claims) {
    auto add = [&](const std::vector<StatementView>& list) {
      for (const auto& s : list) {
        table.rows.push_back({a.claim.story->id.value, a.claim.claim->id.value, a.claim.claim->text,
                              std::string(to_string(a.status)), std::to_string(a.sides_against.size()),
                              std::string(to_string(stance_class(s.statement->stance))),
                              std::string(to_string(s.statement->stance)), s.statement->id.value, s.actor->id.value,
                              s.actor->name, s.side->id.value,
                              s.statement->date ? s.statement->date->to_string() : "",
                              std::string(to_string(s.statement->attribution)),
                              s.source ? s.source->id.value : "", s.source ? s.source->title : "",
                              s.outlet ? s.outlet->name : "", s.via ? s.via->name : "", s.statement->quote,
                              s.statement->note});
      }
    };
    add(a.for_claim);
    add(a.against);
    add(a.evasive);
    add(a.withdrawn);
  }
  write_table_csv(out, table);
}

}  // namespace gainsay
