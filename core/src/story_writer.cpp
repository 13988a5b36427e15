#include "gainsay/story_writer.h"

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <map>

#include "gainsay/table.h"

namespace gainsay {
namespace {

using Json = nlohmann::ordered_json;

// The story as key/value records in file order, shared by YAML and JSON.
// Empty optional fields are left out, as a person writing the file would.
Json story_json(const Story& story) {
  auto put = [](Json& record, const char* key, const std::string& value) {
    if (!value.empty()) record[key] = value;
  };
  auto put_id = [](Json& record, const char* key, const auto& id) {
    if (id) record[key] = id->value;
  };
  auto put_date = [](Json& record, const char* key, const std::optional<Date>& date) {
    if (date) record[key] = date->to_string();
  };
  Json out{{"format", 1}, {"story", {{"id", story.id.value}, {"title", story.title}}}};
  put(out["story"], "description", story.description);
  out["actors"] = Json::array();
  for (const Actor& a : story.actors) {
    Json r{{"id", a.id.value}, {"name", a.name}, {"kind", to_string(a.kind)}};
    put(r, "role", a.role);
    put_id(r, "member_of", a.member_of);
    put_id(r, "affiliated_with", a.affiliated_with);
    if (!a.aliases.empty()) r["aliases"] = a.aliases;
    out["actors"].push_back(std::move(r));
  }
  out["sources"] = Json::array();
  for (const Source& s : story.sources) {
    Json r{{"id", s.id.value}};
    put_id(r, "outlet", s.outlet);
    put(r, "title", s.title);
    put(r, "author", s.author);
    put_date(r, "published", s.published);
    put(r, "url", s.url);
    put(r, "text", s.text);
    out["sources"].push_back(std::move(r));
  }
  out["claims"] = Json::array();
  for (const Claim& c : story.claims) {
    Json r{{"id", c.id.value}, {"text", c.text}};
    if (!c.about.empty()) {
      r["about"] = Json::array();
      for (const auto& id : c.about) r["about"].push_back(id.value);
    }
    if (!c.contradicts.empty()) {
      r["contradicts"] = Json::array();
      for (const auto& id : c.contradicts) r["contradicts"].push_back(id.value);
    }
    if (c.verdict) {
      Json v{{"rating", c.verdict->rating}};
      put_id(v, "by", c.verdict->by);
      put_date(v, "date", c.verdict->date);
      put(v, "url", c.verdict->url);
      put(v, "explanation", c.verdict->explanation);
      r["verdict"] = std::move(v);
    }
    out["claims"].push_back(std::move(r));
  }
  out["statements"] = Json::array();
  for (const Statement& s : story.statements) {
    Json r{{"id", s.id.value}, {"by", s.by.value}, {"claim", s.claim.value}, {"stance", to_string(s.stance)}};
    put_date(r, "date", s.date);
    put_id(r, "source", s.source);
    if (s.attribution != Attribution::kUnknown) r["attribution"] = to_string(s.attribution);
    put(r, "quote", s.quote);
    put(r, "note", s.note);
    put_id(r, "responds_to", s.responds_to);
    put_id(r, "repeats", s.repeats);
    put_id(r, "via", s.via);
    out["statements"].push_back(std::move(r));
  }
  return out;
}

void emit(YAML::Emitter& out, const Json& value) {
  if (value.is_object()) {
    out << YAML::BeginMap;
    for (const auto& [key, item] : value.items()) {
      out << YAML::Key << key << YAML::Value;
      emit(out, item);
    }
    out << YAML::EndMap;
  } else if (value.is_array()) {
    const bool short_list = std::all_of(value.begin(), value.end(), [](const Json& v) { return v.is_string(); });
    out << (short_list ? YAML::Flow : YAML::Block) << YAML::BeginSeq;
    for (const auto& item : value) emit(out, item);
    out << YAML::EndSeq;
  } else if (value.is_number_integer()) {
    out << value.get<long long>();
  } else {
    // The emitter quotes whatever a plain scalar would misread ("yes",
    // "null", a leading "-", ": " inside); the parser reads every value as text.
    out << value.get<std::string>();
  }
}

}  // namespace

void write_story_yaml(std::ostream& out, const Story& story) {
  YAML::Emitter emitter;
  emitter.SetIndent(2);
  emitter.SetOutputCharset(YAML::EmitNonAscii);
  emit(emitter, story_json(story));
  out << emitter.c_str() << '\n';
}

void write_story_json(std::ostream& out, const Story& story) {
  out << story_json(story).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void write_stories_csv(std::ostream& out, const std::vector<Story>& stories) {
  Table table;
  table.columns = {"story", "id",          "by",      "claim",    "stance", "date",       "source",
                   "attribution", "quote", "note",    "responds_to", "repeats", "via", "claim_text",
                   "actor_name", "source_url", "actor_kind", "actor_member_of", "claim_about"};
  for (const Story& story : stories) {
    std::map<std::string, const Claim*> claims;
    std::map<std::string, const Actor*> actors;
    std::map<std::string, const Source*> sources;
    for (const auto& c : story.claims) claims[c.id.value] = &c;
    for (const auto& a : story.actors) actors[a.id.value] = &a;
    for (const auto& s : story.sources) sources[s.id.value] = &s;
    auto id = [](const auto& optional) { return optional ? optional->value : std::string(); };
    for (const Statement& s : story.statements) {
      table.rows.push_back({story.id.value, s.id.value, s.by.value, s.claim.value, std::string(to_string(s.stance)),
                            s.date ? s.date->to_string() : "", id(s.source),
                            std::string(to_string(s.attribution)), s.quote, s.note, id(s.responds_to), id(s.repeats),
                            id(s.via), claims.at(s.claim.value)->text, actors.at(s.by.value)->name,
                            s.source ? sources.at(s.source->value)->url : "",
                            std::string(to_string(actors.at(s.by.value)->kind)), id(actors.at(s.by.value)->member_of),
                            claims.at(s.claim.value)->about.empty() ? "" : claims.at(s.claim.value)->about.front().value});
    }
  }
  write_table_csv(out, table);
}

}  // namespace gainsay
