#include "report_common.h"

#include <cstdio>
#include <sstream>

#include "gainsay/table.h"

namespace gainsay::report {

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

void write_actor(JsonWriter& json, const Actor* actor) {
  if (!actor) return json.null();
  json.begin_object();
  json.key("id").string(actor->id.value);
  json.key("name").string(actor->name);
  json.end_object();
}

void write_date(JsonWriter& json, const std::optional<Date>& date) {
  if (date) {
    json.string(date->to_string());
  } else {
    json.null();
  }
}

void write_actors(JsonWriter& json, const std::vector<const Actor*>& actors) {
  json.begin_array();
  for (const Actor* a : actors) write_actor(json, a);
  json.end_array();
}

namespace {

template <typename IdT>
void write_id(JsonWriter& json, const OptionalId<IdT>& id) {
  if (id) {
    json.string(id->value);
  } else {
    json.null();
  }
}

// A value written by `write`, read back as a Json value.
template <typename Write>
Json as_json(Write write) {
  std::ostringstream text;
  {
    JsonWriter json(text);
    write(json);
  }
  return Json::parse(text.str());
}

}  // namespace

void write_statement(JsonWriter& json, const StatementView& s) {
  const Statement& statement = *s.statement;
  json.begin_object();
  json.key("id").string(statement.id.value);
  write_actor(json.key("actor"), s.actor);
  write_actor(json.key("side"), s.side);
  json.key("stance").string(to_string(statement.stance));
  write_date(json.key("date"), statement.date);
  json.key("attribution").string(to_string(statement.attribution));
  json.key("source");
  if (s.source) {
    json.begin_object();
    json.key("id").string(s.source->id.value);
    json.key("title").optional_text(s.source->title);
    write_actor(json.key("outlet"), s.outlet);
    write_date(json.key("published"), s.source->published);
    json.key("url").optional_text(s.source->url);
    json.end_object();
  } else {
    json.null();
  }
  write_actor(json.key("via"), s.via);
  json.key("quote").optional_text(statement.quote);
  json.key("note").optional_text(statement.note);
  write_id(json.key("responds_to"), statement.responds_to);
  write_id(json.key("repeats"), statement.repeats);
  json.end_object();
}

void write_statements(JsonWriter& json, const std::vector<StatementView>& list) {
  json.begin_array();
  for (const auto& s : list) write_statement(json, s);
  json.end_array();
}

void write_shift(JsonWriter& json, const PositionShift& shift) {
  json.begin_object();
  write_actor(json.key("who"), shift.who);
  json.key("level").string(shift.is_side ? "side" : "actor");
  json.key("steps").begin_array();
  for (const ShiftStep& step : shift.steps) {
    const Statement& statement = *step.statement.statement;
    json.begin_object();
    json.key("statement").string(statement.id.value);
    write_actor(json.key("actor"), step.statement.actor);
    json.key("stance").string(to_string(statement.stance));
    json.key("counts_as").string(to_string(stance_class(statement.stance)));
    json.key("date").string(statement.date->to_string());
    json.key("order_uncertain").boolean(step.order_uncertain);
    json.end_object();
  }
  json.end_array();
  json.key("undated").begin_array();
  for (const auto& s : shift.undated) json.string(s.statement->id.value);
  json.end_array();
  json.end_object();
}

Json actor_json(const Actor* actor) {
  return as_json([&](JsonWriter& json) { write_actor(json, actor); });
}

Json actors_json(const std::vector<const Actor*>& actors) {
  return as_json([&](JsonWriter& json) { write_actors(json, actors); });
}

Json optional_text(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json statement_json(const StatementView& s) {
  return as_json([&](JsonWriter& json) { write_statement(json, s); });
}

Json statements_json(const std::vector<StatementView>& list) {
  return as_json([&](JsonWriter& json) { write_statements(json, list); });
}

Json shift_json(const PositionShift& shift) {
  return as_json([&](JsonWriter& json) { write_shift(json, shift); });
}

std::string markdown_link(const StatementView& s) {
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
}

void write_markdown_statement(std::ostream& out, const StatementView& s) {
  out << "- **" << to_string(s.statement->stance) << "**: " << markdown_escape(speaker(s)) << ", "
      << date_or_undated(s.statement->date) << ", " << to_string(s.statement->attribution);
  if (s.via) out << ", via " << markdown_escape(s.via->name);
  out << "; " << markdown_link(s);
  if (!s.statement->quote.empty()) out << "  \n  \u201c" << markdown_escape(s.statement->quote) << "\u201d";
  if (!s.statement->note.empty()) {
    out << "  \n  " << (s.statement->stance == Stance::kPartiallyAdmits ? "*Concedes:* " : "*Note:* ")
        << markdown_escape(s.statement->note);
  }
  out << '\n';
}

}  // namespace gainsay::report
