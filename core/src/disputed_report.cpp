#include "gainsay/disputed_report.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>

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

// A claim's statements in the order its JSON lists them, and where each
// list ends: for, against by stance, evasive by stance, withdrawn.
struct ClaimLayout {
  std::vector<const StatementView*> order;
  std::array<std::size_t, 9> ends{};
};

ClaimLayout layout_of(const ClaimAssessment& a) {
  ClaimLayout layout;
  layout.order.reserve(a.for_claim.size() + a.against.size() + a.evasive.size() + a.withdrawn.size());
  std::size_t list = 0;
  auto add = [&](const std::vector<StatementView>& statements) {
    for (const StatementView& s : statements) layout.order.push_back(&s);
    layout.ends[list++] = layout.order.size();
  };
  // A list given by stance, in `stances`' order: its statements are sorted
  // into them in one pass, as each stance is read across the story's
  // statements (see prefetch_records).
  auto add_by_stance = [&](const std::vector<StatementView>& statements, std::span<const Stance> stances) {
    static_assert(std::size(kAgainstOrder) <= 4 && std::size(kEvasiveOrder) <= 4);
    std::array<std::vector<const StatementView*>, 4> by_stance;
    for (std::size_t i = 0; i < statements.size(); ++i) {
      if (i + kPrefetchRecordsAhead < statements.size()) {
        __builtin_prefetch(&statements[i + kPrefetchRecordsAhead].statement->stance);
      }
      const auto at = std::find(stances.begin(), stances.end(), statements[i].statement->stance);
      if (at != stances.end()) by_stance[static_cast<std::size_t>(at - stances.begin())].push_back(&statements[i]);
    }
    for (std::size_t k = 0; k < stances.size(); ++k) {
      layout.order.insert(layout.order.end(), by_stance[k].begin(), by_stance[k].end());
      layout.ends[list++] = layout.order.size();
    }
  };
  add(a.for_claim);
  add_by_stance(a.against, kAgainstOrder);
  add_by_stance(a.evasive, kEvasiveOrder);
  add(a.withdrawn);
  return layout;
}

// Past every statement of a claim: a span to it takes in the claim's end.
constexpr std::size_t kToEnd = SIZE_MAX;

// The claim's JSON from its `from`-th statement to before its `to`-th,
// counted in the layout's order and then over its shifts, so that a claim
// with a tenth of a story's statements is rendered on every core. What
// lies before `from` is walked without being written, so that the writer
// knows what is open; nothing at or after `to` is written. The whole claim
// is the span [0, kToEnd).
void write_claim_json(JsonWriter& json, const ClaimAssessment& a, const ClaimLayout& layout, std::size_t from,
                      std::size_t to) {
  std::size_t at = 0;
  // Whether what stands before the statement at `at` (keys, brackets) is
  // in the span; it is written only if at or after `from`.
  auto structure = [&] {
    if (at >= to) return false;
    json.set_muted(at < from);
    return true;
  };
  // The array under `key` of the items up to position `end`, each written
  // by write(position) when in the span; those before it are passed over.
  auto items = [&](std::string_view key, std::size_t end, auto write) {
    if (!structure()) return false;
    json.key(key).begin_array();
    if (at < from && at < end) {
      json.passed_over();
      at = std::min(end, from);
    }
    json.set_muted(false);
    for (; at < end; ++at) {
      if (at >= to) return false;
      write(at);
    }
    if (!structure()) return false;
    json.end_array();
    return true;
  };
  auto statements = [&](std::size_t list, std::string_view key) {
    return items(key, layout.ends[list], [&](std::size_t i) {
      if (i + kPrefetchRecordsAhead < layout.order.size()) prefetch_records(*layout.order[i + kPrefetchRecordsAhead]);
      if (i + kPrefetchTextsAhead < layout.order.size()) prefetch_texts(*layout.order[i + kPrefetchTextsAhead]);
      write_statement(json, *layout.order[i]);
    });
  };
  if (!structure()) return;
  json.begin_object();
  json.key("story").string(a.claim.story->id.value);
  json.key("id").string(a.claim.claim->id.value);
  json.key("text").string(a.claim.claim->text);
  json.key("status").string(to_string(a.status));
  write_actors(json.key("about"), a.accused);
  write_actors(json.key("sides_for"), a.sides_for);
  write_actors(json.key("sides_against"), a.sides_against);
  write_date(json.key("first_date"), a.first_date);
  if (!statements(0, "for")) return;
  json.key("against").begin_object();
  for (std::size_t i = 0; i < std::size(kAgainstOrder); ++i) {
    if (!statements(1 + i, to_string(kAgainstOrder[i]))) return;
  }
  json.end_object();
  json.key("evasive").begin_object();
  for (std::size_t i = 0; i < std::size(kEvasiveOrder); ++i) {
    if (!statements(5 + i, to_string(kEvasiveOrder[i]))) return;
  }
  json.end_object();
  if (!statements(8, "withdrawn")) return;
  // The shifts come next in the count, one position each.
  const std::size_t first_shift = at;
  const bool shifts_written = items("shifts", first_shift + a.shifts.size(),
                                    [&](std::size_t i) { write_shift(json, a.shifts[i - first_shift]); });
  if (!shifts_written) return;
  json.end_object();
}

// A run of a claim's statements (see write_claim_json), whole claims being
// spans [0, kToEnd).
struct Span {
  std::size_t claim, from, to;
};

// The work of rendering the claims, in parts of about the same number of
// statements, enough to be worth a thread's while: whole claims together,
// and a claim larger than a part split over several.
std::vector<std::vector<Span>> parts_of(const std::vector<ClaimAssessment>& claims) {
  constexpr std::size_t kStatementsPerPart = 4096;
  std::vector<std::vector<Span>> parts(1);
  std::size_t statements = 0;
  auto close = [&] {
    if (!parts.back().empty()) parts.emplace_back();
    statements = 0;
  };
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const ClaimAssessment& a = claims[i];
    const std::size_t count = a.for_claim.size() + a.against.size() + a.evasive.size() + a.withdrawn.size();
    // A statement weighs one; a shift, whose steps take about half a
    // statement each, weighs one and half its steps.
    auto weight = [&](std::size_t position) {
      return position < count ? 1 : 1 + a.shifts[position - count].steps.size() / 2;
    };
    const std::size_t positions = count + a.shifts.size();
    std::size_t shift_weight = 0;
    for (std::size_t p = count; p < positions; ++p) shift_weight += weight(p);
    if (count + shift_weight > kStatementsPerPart) {
      close();
      std::size_t from = 0, weighed = 0;
      for (std::size_t p = 0; p + 1 < positions; ++p) {
        weighed += weight(p);
        if (weighed >= kStatementsPerPart) {
          parts.back().push_back({i, from, p + 1});
          close();
          from = p + 1;
          weighed = 0;
        }
      }
      parts.back().push_back({i, from, kToEnd});
      close();
      continue;
    }
    parts.back().push_back({i, 0, kToEnd});
    statements += 1 + count;
    if (statements >= kStatementsPerPart) close();
  }
  if (parts.back().empty()) parts.pop_back();
  return parts;
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
  // A claim split over parts is laid out once, beforehand.
  const std::vector<std::vector<Span>> parts = parts_of(claims);
  std::map<std::size_t, ClaimLayout> split;
  for (const auto& part : parts) {
    for (const Span& span : part) {
      if (span.from > 0) split.try_emplace(span.claim, layout_of(claims[span.claim]));
    }
  }
  const int depth = json.depth();  // read here: the writer changes as parts arrive
  write_in_order(
      parts.size(),
      [&](std::size_t part, PieceSink sink) {
        // Only the first claim's first statements open the claims' list.
        JsonWriter writer(depth, parts[part].front().claim == 0, std::move(sink));
        for (const Span& span : parts[part]) {
          const ClaimAssessment& a = claims[span.claim];
          if (const auto laid_out = split.find(span.claim); laid_out != split.end()) {
            write_claim_json(writer, a, laid_out->second, span.from, span.to);
          } else {
            write_claim_json(writer, a, layout_of(a), span.from, span.to);
          }
        }
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
