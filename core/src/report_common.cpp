#include "report_common.h"

#include <cstdio>

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
