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

// A statement written call by call: for one whose text is too long to lay
// out at once.
void write_statement_by_calls(JsonWriter& json, const StatementView& s) {
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

// Text longer than this, in all, is written by the calls above, in steps,
// rather than laid out at once in room made for six bytes per byte.
constexpr std::size_t kLaidOutTextLimit = 1 << 14;

char* put_text(char* out, std::string_view text) {
  *out++ = '"';
  out = put_json_text(out, text);
  *out++ = '"';
  return out;
}

char* put_optional_text(char* out, std::string_view text) {
  return text.empty() ? put(out, "null") : put_text(out, text);
}

char* put_date(char* out, const std::optional<Date>& date) {
  if (!date) return put(out, "null");
  *out++ = '"';
  out = put(out, date->to_string());
  *out++ = '"';
  return out;
}

// A member's line: the comma after the one before (unless `first`), the
// line break, and its key, given with its quotes and colon.
char* put_member(char* out, int depth, std::string_view key, bool first = false) {
  if (!first) *out++ = ',';
  return put(put_line_break(out, depth), key);
}

// An actor as write_actor() writes it, as a member at `depth`.
char* put_actor(char* out, const Actor* actor, int depth) {
  if (!actor) return put(out, "null");
  *out++ = '{';
  out = put_text(put_member(out, depth + 1, "\"id\": ", true), actor->id.value);
  out = put_text(put_member(out, depth + 1, "\"name\": "), actor->name);
  out = put_line_break(out, depth);
  *out++ = '}';
  return out;
}

template <typename IdT>
char* put_id(char* out, const OptionalId<IdT>& id) {
  return id ? put_text(out, id->value) : put(out, "null");
}

std::size_t text_length(const Actor* actor) { return actor ? actor->id.value.size() + actor->name.size() : 0; }

template <typename IdT>
std::size_t text_length(const OptionalId<IdT>& id) {
  return id ? id->value.size() : 0;
}

}  // namespace

// A report of a million statements is mostly statements, so one is laid out
// at once in the writer's room, byte for byte as write_statement_by_calls()
// writes it, without a call and a check of room per key and value.
void write_statement(JsonWriter& json, const StatementView& s) {
  const Statement& statement = *s.statement;
  std::size_t text = statement.id.value.size() + text_length(s.actor) + text_length(s.side) + text_length(s.via) +
                     statement.quote.size() + statement.note.size() + text_length(statement.responds_to) +
                     text_length(statement.repeats);
  if (s.source) text += s.source->id.value.size() + s.source->title.size() + s.source->url.size() + text_length(s.outlet);
  if (text > kLaidOutTextLimit) return write_statement_by_calls(json, s);
  // At most 31 lines, each at most 24 bytes besides its indentation; the
  // texts at six bytes a byte when escaped; and their quotes, two dates,
  // the stance and attribution words and the nulls, well within 768 bytes.
  const int d = json.depth() + 1;
  const std::size_t bound = 36 * (1 + 2 * static_cast<std::size_t>(d + 2) + 24) + escaped_room(text) + 16 * 48;
  char* out = json.begin_value(bound);
  *out++ = '{';
  out = put_text(put_member(out, d, "\"id\": ", true), statement.id.value);
  out = put_actor(put_member(out, d, "\"actor\": "), s.actor, d);
  out = put_actor(put_member(out, d, "\"side\": "), s.side, d);
  out = put_text(put_member(out, d, "\"stance\": "), to_string(statement.stance));
  out = put_date(put_member(out, d, "\"date\": "), statement.date);
  out = put_text(put_member(out, d, "\"attribution\": "), to_string(statement.attribution));
  out = put_member(out, d, "\"source\": ");
  if (s.source) {
    *out++ = '{';
    out = put_text(put_member(out, d + 1, "\"id\": ", true), s.source->id.value);
    out = put_optional_text(put_member(out, d + 1, "\"title\": "), s.source->title);
    out = put_actor(put_member(out, d + 1, "\"outlet\": "), s.outlet, d + 1);
    out = put_date(put_member(out, d + 1, "\"published\": "), s.source->published);
    out = put_optional_text(put_member(out, d + 1, "\"url\": "), s.source->url);
    out = put_line_break(out, d);
    *out++ = '}';
  } else {
    out = put(out, "null");
  }
  out = put_actor(put_member(out, d, "\"via\": "), s.via, d);
  out = put_optional_text(put_member(out, d, "\"quote\": "), statement.quote);
  out = put_optional_text(put_member(out, d, "\"note\": "), statement.note);
  out = put_id(put_member(out, d, "\"responds_to\": "), statement.responds_to);
  out = put_id(put_member(out, d, "\"repeats\": "), statement.repeats);
  out = put_line_break(out, d - 1);
  *out++ = '}';
  json.end_value(out);
}

namespace {

// Every cache line of `object`.
template <typename T>
void prefetch_object(const T* object) {
  if (!object) return;
  const char* at = reinterpret_cast<const char*>(object);
  for (std::size_t offset = 0; offset < sizeof(T); offset += 64) __builtin_prefetch(at + offset);
  __builtin_prefetch(at + sizeof(T) - 1);
}

// The bytes of a text: outside its string when longer than fits inside.
void prefetch_text(const std::string& text) { __builtin_prefetch(text.data()); }

// An actor's id and name, the first of its members.
void prefetch_names(const Actor* actor) {
  if (!actor) return;
  __builtin_prefetch(&actor->id);
  __builtin_prefetch(reinterpret_cast<const char*>(&actor->name) + sizeof(std::string) - 1);
}

}  // namespace

void prefetch_records(const StatementView& s) {
  prefetch_object(s.statement);
  prefetch_object(s.source);
  prefetch_names(s.actor);
  prefetch_names(s.side);
}

void prefetch_texts(const StatementView& s) {
  prefetch_text(s.statement->quote);
  prefetch_text(s.statement->note);
  if (s.source) {
    prefetch_text(s.source->url);
    prefetch_text(s.source->title);
  }
  prefetch_text(s.actor->name);
  prefetch_text(s.side->name);
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
  for (std::size_t i = 0; i < shift.steps.size(); ++i) {
    if (i + kPrefetchRecordsAhead < shift.steps.size()) prefetch_records(shift.steps[i + kPrefetchRecordsAhead].statement);
    const ShiftStep& step = shift.steps[i];
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
