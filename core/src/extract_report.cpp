#include "gainsay/extract_report.h"

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <map>

#include "gainsay/text.h"

namespace gainsay {
namespace {

using Json = nlohmann::ordered_json;

Json span_json(const std::optional<TextSpan32>& span) {
  if (!span) return nullptr;
  return Json{{"text", span->text}, {"start", span->start}, {"end", span->end}};
}

std::string place(const char* what, const std::optional<TextSpan32>& span) {
  if (!span) return std::string(what) + " none";
  return std::string(what) + " [" + std::to_string(span->start) + ", " + std::to_string(span->end) + ")";
}

// The actor id a statement would cite: a known one, or the proposed new one.
std::string actor_of(const Extracted& e) {
  if (e.actor) return e.actor->value;
  if (!e.speaker) return "unknown-speaker";
  return proposed_actor_id(e.speaker_name);
}

}  // namespace

std::string proposed_actor_id(const std::string& name) { return slug(name, 48, "speaker"); }

void write_extract_yaml(std::ostream& out, const std::vector<ExtractedArticle>& articles, const std::string& source) {
  YAML::Emitter y;
  y.SetIndent(2);
  y.SetOutputCharset(YAML::EmitNonAscii);
  y << YAML::Comment("Proposed by gainsay extract: review each statement, set its claim, then paste.");
  std::map<std::string, std::string> new_actors;  // id -> name
  for (const auto& article : articles) {
    for (const auto& e : article.attributions) {
      if (e.speaker && !e.actor) new_actors.emplace(proposed_actor_id(e.speaker_name), inert(e.speaker_name));
    }
  }
  y << YAML::BeginMap;
  y << YAML::Key << "actors" << YAML::Value << YAML::BeginSeq;
  for (const auto& [id, name] : new_actors) {
    y << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value << id << YAML::Key << "name" << YAML::Value
      << name << YAML::Key << "kind" << YAML::Value << "person" << YAML::EndMap;
  }
  y << YAML::EndSeq;
  y << YAML::Key << "statements" << YAML::Value << YAML::BeginSeq;
  for (const auto& article : articles) {
    const std::string stem = proposed_actor_id(std::filesystem::path(article.file).stem().string());
    std::size_t n = 0;
    for (const auto& e : article.attributions) {
      y << YAML::BeginMap;
      y << YAML::Key << "id" << YAML::Value << stem + "-" + std::to_string(++n);
      y << YAML::Key << "by" << YAML::Value << actor_of(e);
      y << YAML::Key << "claim" << YAML::Value << "todo" << YAML::Comment("the claim it takes a stance on");
      y << YAML::Key << "stance" << YAML::Value << std::string(to_string(e.stance));
      if (!source.empty()) y << YAML::Key << "source" << YAML::Value << source;
      y << YAML::Key << "attribution" << YAML::Value << std::string(to_string(e.attribution));
      if (e.content.end > e.content.start) {  // empty: nothing reported ("declined to comment")
        y << YAML::Key << (e.direct ? "quote" : "note") << YAML::Value << YAML::DoubleQuoted << inert(e.content.text);
      }
      y << YAML::Comment(article.file + ": " + place("speaker", e.speaker) + ", " + place("cue", e.cue) + ", " +
                         place("content", e.content) + (e.speaker ? "" : "; no speaker in reach, not guessed"));
      y << YAML::EndMap;
    }
  }
  y << YAML::EndSeq << YAML::EndMap;
  out << y.c_str() << '\n';
}

void write_extract_json(std::ostream& out, const std::vector<ExtractedArticle>& articles, const std::string& source) {
  Json files = Json::array();
  for (const auto& article : articles) {
    Json attributions = Json::array();
    for (const auto& e : article.attributions) {
      attributions.push_back(Json{{"speaker", span_json(e.speaker)},
                                  {"cue", span_json(e.cue)},
                                  {"content", e.content.end > e.content.start ? span_json(e.content) : Json(nullptr)},
                                  {"direct", e.direct},
                                  {"stance", to_string(e.stance)},
                                  {"attribution", to_string(e.attribution)},
                                  {"speaker_name", e.speaker ? Json(e.speaker_name) : Json(nullptr)},
                                  {"actor", e.actor ? Json(e.actor->value) : Json(nullptr)},
                                  {"proposed_actor", e.speaker && !e.actor ? Json(proposed_actor_id(e.speaker_name)) : Json(nullptr)},
                                  {"source", source.empty() ? Json(nullptr) : Json(source)}});
    }
    files.push_back(Json{{"file", article.file}, {"attributions", attributions}});
  }
  // One article: its object alone, which is what the scorer reads.
  const Json result = files.size() == 1 ? files[0] : Json{{"files", files}};
  out << result.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace gainsay
