#include "gainsay/disputed_report.h"

#include <nlohmann/json.hpp>

#include "gainsay/table.h"

namespace gainsay {
namespace {

using Json = nlohmann::ordered_json;

constexpr Stance kAgainstOrder[] = {Stance::kDenies, Stance::kDismisses, Stance::kDisputes, Stance::kPartiallyAdmits};
constexpr Stance kEvasiveOrder[] = {Stance::kDeflects, Stance::kDeclines, Stance::kCounterAccuses};

std::vector<StatementView> with_stance(const std::vector<StatementView>& list, Stance stance) {
  std::vector<StatementView> out;
  for (const auto& s : list) {
    if (s.statement->stance == stance) out.push_back(s);
  }
  return out;
}

std::string names(const std::vector<const Actor*>& actors) {
  std::string out;
  for (const Actor* a : actors) out += (out.empty() ? "" : ", ") + a->name;
  return out.empty() ? "none" : out;
}

std::string date_or_undated(const std::optional<Date>& date) { return date ? date->to_string() : "undated"; }

// "Maria Zakharova (Russia)": the speaker, with the side when it differs.
std::string speaker(const StatementView& s) {
  std::string out = s.actor->name;
  if (s.side != s.actor) out += " (" + s.side->name + ")";
  return out;
}

// "Newsweek, “Title”, 2022-08-31": where the statement was reported.
std::string source_line(const StatementView& s) {
  if (!s.source) return "no source given";
  std::string out = s.outlet ? s.outlet->name : s.source->id.value;
  if (!s.source->title.empty()) out += ", \u201c" + s.source->title + "\u201d";
  if (s.source->published) out += ", " + s.source->published->to_string();
  return out;
}

std::string heading_line(const ReportHeading& heading) {
  std::string stories;
  for (const auto& id : heading.stories) stories += (stories.empty() ? "" : ", ") + id.value;
  std::string out = "stories: " + (stories.empty() ? std::string("none") : stories);
  if (heading.filter.story) out += " \u00b7 story: " + heading.filter.story->value;
  if (!heading.filter.actor.empty()) out += " \u00b7 actor: " + heading.filter.actor;
  if (!heading.filter.side.empty()) out += " \u00b7 side: " + heading.filter.side;
  if (heading.filter.as_of) out += " \u00b7 as of " + heading.filter.as_of->to_string();
  return out;
}

// --- text -------------------------------------------------------------------

class TextWriter {
 public:
  TextWriter(std::ostream& out, const TextStyle& style) : out_(out), style_(style) {}

  void line(const std::string& text = "") { out_ << text << '\n'; }

  // Wraps `text`, painting it but not its indent.
  void wrapped(const std::string& text, std::string_view first, std::string_view rest, Colour colour = Colour::kNone) {
    const auto lines = wrap(inert(text), style_.width, first, rest);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const std::size_t indent = (i == 0 ? first : rest).size();
      out_ << lines[i].substr(0, indent) << paint(lines[i].substr(indent), colour, style_) << '\n';
    }
  }

  void statement(const StatementView& s, std::string_view label, Colour colour) {
    const std::string pad(kLabelWidth, ' ');
    std::string first = "    " + std::string(label);
    first += std::string(kLabelWidth > first.size() ? kLabelWidth - first.size() : 1, ' ');
    std::string who = speaker(s) + " \u00b7 " + date_or_undated(s.statement->date) + " \u00b7 " +
                      std::string(to_string(s.statement->attribution));
    if (s.via) who += " \u00b7 via " + s.via->name;
    const auto lines = wrap(inert(who), style_.width, first, pad);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      // The stance label takes the colour; the rest of the line stays plain.
      const std::size_t label_end = i == 0 ? first.size() : 0;
      out_ << paint(lines[i].substr(0, label_end), colour, style_) << lines[i].substr(label_end) << '\n';
    }
    wrapped(s.source ? "in " + source_line(s) : "no source given", pad, pad, Colour::kDim);
    if (!s.statement->quote.empty()) wrapped("\u201c" + s.statement->quote + "\u201d", pad, pad + " ");
    if (!s.statement->note.empty()) {
      const bool concedes = s.statement->stance == Stance::kPartiallyAdmits;
      wrapped((concedes ? "concedes: " : "note: ") + s.statement->note, pad, pad + "  ");
    }
  }

  void group(const std::string& title, Colour colour) { line("  " + paint(title, colour, style_)); }

 private:
  static constexpr std::size_t kLabelWidth = 21;
  std::ostream& out_;
  const TextStyle& style_;
};

std::string shift_text(const PositionShift& shift) {
  std::string out = shift.who->name + (shift.is_side ? " (side)" : "") + ": ";
  for (std::size_t i = 0; i < shift.steps.size(); ++i) {
    const ShiftStep& step = shift.steps[i];
    if (i > 0) out += step.order_uncertain ? " \u2192? " : " \u2192 ";
    out += std::string(to_string(step.statement.statement->stance)) + " (" +
           step.statement.statement->date->to_string();
    if (shift.is_side) out += ", " + step.statement.actor->name;
    out += ")";
  }
  if (!shift.undated.empty()) {
    out += shift.steps.empty() ? "" : "; ";
    out += "cannot be ordered, undated: ";
    for (std::size_t i = 0; i < shift.undated.size(); ++i) {
      out += (i ? ", " : "") + std::string(to_string(shift.undated[i].statement->stance)) + " (" +
             shift.undated[i].statement->id.value + ")";
    }
  }
  return out;
}

// --- json -------------------------------------------------------------------

Json actor_json(const Actor* actor) {
  if (!actor) return nullptr;
  return Json{{"id", actor->id.value}, {"name", actor->name}};
}

Json actors_json(const std::vector<const Actor*>& actors) {
  Json out = Json::array();
  for (const Actor* a : actors) out.push_back(actor_json(a));
  return out;
}

Json optional_text(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

template <typename IdT>
Json optional_id(const std::optional<IdT>& id) {
  return id ? Json(id->value) : Json(nullptr);
}

Json statement_json(const StatementView& s) {
  Json source = nullptr;
  if (s.source) {
    source = Json{{"id", s.source->id.value},
                  {"title", optional_text(s.source->title)},
                  {"outlet", actor_json(s.outlet)},
                  {"published", s.source->published ? Json(s.source->published->to_string()) : Json(nullptr)},
                  {"url", optional_text(s.source->url)}};
  }
  return Json{{"id", s.statement->id.value},
              {"actor", actor_json(s.actor)},
              {"side", actor_json(s.side)},
              {"stance", to_string(s.statement->stance)},
              {"date", s.statement->date ? Json(s.statement->date->to_string()) : Json(nullptr)},
              {"attribution", to_string(s.statement->attribution)},
              {"source", source},
              {"via", actor_json(s.via)},
              {"quote", optional_text(s.statement->quote)},
              {"note", optional_text(s.statement->note)},
              {"responds_to", optional_id(s.statement->responds_to)},
              {"repeats", optional_id(s.statement->repeats)}};
}

Json statements_json(const std::vector<StatementView>& list) {
  Json out = Json::array();
  for (const auto& s : list) out.push_back(statement_json(s));
  return out;
}

Json shift_json(const PositionShift& shift) {
  Json steps = Json::array();
  for (const ShiftStep& step : shift.steps) {
    steps.push_back(Json{{"statement", step.statement.statement->id.value},
                         {"actor", actor_json(step.statement.actor)},
                         {"stance", to_string(step.statement.statement->stance)},
                         {"counts_as", to_string(stance_class(step.statement.statement->stance))},
                         {"date", step.statement.statement->date->to_string()},
                         {"order_uncertain", step.order_uncertain}});
  }
  Json undated = Json::array();
  for (const auto& s : shift.undated) undated.push_back(s.statement->id.value);
  return Json{{"who", actor_json(shift.who)},
              {"level", shift.is_side ? "side" : "actor"},
              {"steps", steps},
              {"undated", undated}};
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
  auto link = [](const StatementView& s) {
    std::string text = markdown_escape(source_line(s));
    const std::string& url = s.source ? s.source->url : std::string();
    if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) return text;
    std::string safe;
    for (char c : url) {
      if (c == '(' || c == ')' || c == ' ' || c == '<' || c == '>' || static_cast<unsigned char>(c) < 0x20) {
        char hex[4];
        std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
        safe += hex;
      } else {
        safe += c;
      }
    }
    return "[" + text + "](" + safe + ")";
  };
  auto item = [&](const StatementView& s) {
    out << "- **" << to_string(s.statement->stance) << "**: " << markdown_escape(speaker(s)) << ", "
        << date_or_undated(s.statement->date) << ", " << to_string(s.statement->attribution);
    if (s.via) out << ", via " << markdown_escape(s.via->name);
    out << "; " << link(s);
    if (!s.statement->quote.empty()) out << "  \n  \u201c" << markdown_escape(s.statement->quote) << "\u201d";
    if (!s.statement->note.empty()) {
      out << "  \n  " << (s.statement->stance == Stance::kPartiallyAdmits ? "*Concedes:* " : "*Note:* ")
          << markdown_escape(s.statement->note);
    }
    out << '\n';
  };
  out << "# Disputed claims: " << claims.size() << "\n\n" << markdown_escape(heading_line(heading)) << "\n";
  std::size_t number = 0;
  for (const ClaimAssessment& a : claims) {
    out << "\n## " << ++number << ". " << markdown_escape(a.claim.claim->text) << "\n\n";
    out << "Status: **" << to_string(a.status) << "** \u00b7 claim `" << a.claim.claim->id.value << "`";
    if (!a.accused.empty()) out << " \u00b7 about: " << markdown_escape(names(a.accused));
    out << " \u00b7 for: " << markdown_escape(names(a.sides_for)) << " \u00b7 against: "
        << markdown_escape(names(a.sides_against)) << "\n\n### For\n\n";
    for (const auto& s : a.for_claim) item(s);
    out << "\n### Against\n\n";
    for (Stance stance : kAgainstOrder) {
      for (const auto& s : with_stance(a.against, stance)) item(s);
    }
    if (!a.evasive.empty()) {
      out << "\n### Evasive answers\n\n";
      for (Stance stance : kEvasiveOrder) {
        for (const auto& s : with_stance(a.evasive, stance)) item(s);
      }
    }
    if (!a.withdrawn.empty()) {
      out << "\n### Withdrawn\n\n";
      for (const auto& s : a.withdrawn) item(s);
    }
    if (!a.shifts.empty()) {
      out << "\n### Position shifts\n\n";
      for (const auto& shift : a.shifts) out << "- " << markdown_escape(shift_text(shift)) << '\n';
    }
  }
}

void write_disputed_json(std::ostream& out, const std::vector<ClaimAssessment>& claims, const ReportHeading& heading) {
  Json stories = Json::array();
  for (const auto& id : heading.stories) stories.push_back(id.value);
  Json report{{"report", "disputed"},
              {"stories", stories},
              {"filter",
               {{"story", heading.filter.story ? Json(heading.filter.story->value) : Json(nullptr)},
                {"actor", optional_text(heading.filter.actor)},
                {"side", optional_text(heading.filter.side)},
                {"as_of", heading.filter.as_of ? Json(heading.filter.as_of->to_string()) : Json(nullptr)}}},
              {"claims", Json::array()}};
  for (const ClaimAssessment& a : claims) {
    Json against = Json::object();
    for (Stance stance : kAgainstOrder) against[std::string(to_string(stance))] = statements_json(with_stance(a.against, stance));
    Json evasive = Json::object();
    for (Stance stance : kEvasiveOrder) evasive[std::string(to_string(stance))] = statements_json(with_stance(a.evasive, stance));
    Json shifts = Json::array();
    for (const auto& shift : a.shifts) shifts.push_back(shift_json(shift));
    report["claims"].push_back(Json{{"story", a.claim.story->id.value},
                                    {"id", a.claim.claim->id.value},
                                    {"text", a.claim.claim->text},
                                    {"status", to_string(a.status)},
                                    {"about", actors_json(a.accused)},
                                    {"sides_for", actors_json(a.sides_for)},
                                    {"sides_against", actors_json(a.sides_against)},
                                    {"first_date", a.first_date ? Json(a.first_date->to_string()) : Json(nullptr)},
                                    {"for", statements_json(a.for_claim)},
                                    {"against", against},
                                    {"evasive", evasive},
                                    {"withdrawn", statements_json(a.withdrawn)},
                                    {"shifts", shifts}});
  }
  out << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
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
