#include "gainsay/claim_review.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "gainsay/error.h"
#include "gainsay/text.h"

namespace gainsay {
namespace {

using Json = nlohmann::ordered_json;

std::string schema_type(ActorKind kind) {
  switch (kind) {
    case ActorKind::kPerson: return "Person";
    case ActorKind::kGovernment: case ActorKind::kMinistry: case ActorKind::kAgency: case ActorKind::kMilitary:
      return "GovernmentOrganization";
    case ActorKind::kOutlet: return "NewsMediaOrganization";
    case ActorKind::kParty: case ActorKind::kOrganization: case ActorKind::kGroup: case ActorKind::kAnonymous:
      return "Organization";
  }
  return "Organization";
}

ActorKind kind_of(const std::string& type) {
  if (type == "Person") return ActorKind::kPerson;
  if (type == "GovernmentOrganization") return ActorKind::kGovernment;
  if (type == "NewsMediaOrganization") return ActorKind::kOutlet;
  return ActorKind::kOrganization;
}

Json actor_json(const Actor& actor) { return Json{{"@type", schema_type(actor.kind)}, {"name", actor.name}}; }

Json appearance_json(const Story& story, const Source& source) {
  Json work{{"@type", "CreativeWork"}};
  if (!source.url.empty()) work["url"] = source.url;
  if (!source.title.empty()) work["headline"] = source.title;
  if (source.published) work["datePublished"] = source.published->to_string();
  if (!source.author.empty()) work["author"] = Json{{"@type", "Person"}, {"name", source.author}};
  if (source.outlet) {
    for (const Actor& a : story.actors) {
      if (a.id == *source.outlet) work["publisher"] = Json{{"@type", "Organization"}, {"name", a.name}};
    }
  }
  return work;
}

// A slug from free text, for ids made on import.
std::string slug(const std::string& text, std::size_t max = 48) { return gainsay::slug(text, max, "item"); }

std::string unique(std::set<std::string>& taken, const std::string& base) {
  std::string id = base;
  for (int n = 2; !taken.insert(id).second; ++n) id = base + "-" + std::to_string(n);
  return id;
}

// The object at `key`, or an empty one. A reference, never a copy: copying
// (and dumping) a JSON value recurses, so a value nested 100k deep would
// overflow the stack.
const Json& object_at(const Json& object, const char* key) {
  static const Json empty = Json::object();
  auto it = object.find(key);
  return it != object.end() && it->is_object() ? *it : empty;
}

std::string text_of(const Json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "2022-08-31T10:00:00Z" -> 2022-08-31; nullopt when there is no date.
std::optional<Date> date_of(const Json& object, const char* key) {
  std::string text = text_of(object, key);
  if (text.size() > 10 && text[10] == 'T') text.resize(10);
  if (text.empty()) return std::nullopt;
  return Date::parse(text);
}

// Where each review of valid JSON `text` opens, as 1-based line and column
// (code points): the items of the top-level array, or of the top-level
// object's "@graph" array (`in_graph`), else the top-level object itself.
// nlohmann::json keeps no places, so the text is scanned for them.
std::vector<std::pair<std::size_t, std::size_t>> review_places(std::string_view text, bool in_graph) {
  std::vector<std::size_t> offsets;
  std::size_t depth = 0;
  std::size_t reviews_depth = in_graph ? 0 : 1;  // the depth inside the reviews' array; 0: not reached
  bool top_is_array = false;
  bool value_next = false;  // an item of the reviews' array starts at the next token
  std::string_view last_key;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (depth == 0 && offsets.empty() && c == '{' && !in_graph) offsets.push_back(i);
    if (value_next) offsets.push_back(i);
    value_next = false;
    if (c == '"') {
      const std::size_t start = i + 1;
      for (++i; i < text.size() && text[i] != '"'; ++i) i += text[i] == '\\';
      if (depth == 1) last_key = text.substr(start, i - start);
    } else if (c == '[' || c == '{') {
      ++depth;
      if (depth == 1) top_is_array = c == '[';
      if (in_graph && depth == 2 && c == '[' && !top_is_array && last_key == "@graph") reviews_depth = 2;
      value_next = depth == reviews_depth && c == '[' && (in_graph || top_is_array);
    } else if (c == ']' || c == '}') {
      if (depth == reviews_depth && c == ']' && (in_graph || top_is_array)) break;
      if (depth > 0) --depth;
    } else if (c == ',') {
      value_next = depth == reviews_depth && (in_graph || top_is_array);
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> places;
  std::size_t line = 1, column = 1, at = 0;
  for (const std::size_t offset : offsets) {
    for (; at < offset; ++at) {
      if (text[at] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(text[at]) & 0xc0) != 0x80) {
        ++column;
      }
    }
    places.emplace_back(line, column);
  }
  return places;
}

}  // namespace

std::size_t write_claim_reviews(std::ostream& out, const std::vector<Story>& stories) {
  Json reviews = Json::array();
  std::size_t skipped = 0;
  for (const Story& story : stories) {
    std::map<std::string, const Actor*> actors;
    std::map<std::string, const Source*> sources;
    for (const Actor& a : story.actors) actors[a.id.value] = &a;
    for (const Source& s : story.sources) sources[s.id.value] = &s;
    for (const Claim& claim : story.claims) {
      if (!claim.verdict) {
        ++skipped;
        continue;
      }
      const Verdict& v = *claim.verdict;
      Json review{{"@context", "https://schema.org"}, {"@type", "ClaimReview"}};
      if (!v.url.empty()) review["url"] = v.url;
      review["claimReviewed"] = claim.text;
      if (v.date) review["datePublished"] = v.date->to_string();
      if (v.by) review["author"] = actor_json(*actors.at(v.by->value));
      Json rating{{"@type", "Rating"}, {"alternateName", v.rating}};
      if (!v.explanation.empty()) rating["ratingExplanation"] = v.explanation;
      review["reviewRating"] = rating;

      // The claimant: who first put the claim forward (an original, not a repeat).
      std::vector<const Statement*> for_claim;
      for (const Statement& s : story.statements) {
        if (s.claim == claim.id && is_for(s.stance)) for_claim.push_back(&s);
      }
      // An assertion first; a corroboration or confirmation only if nobody asserts it.
      const Statement* first = nullptr;
      auto better = [&](const Statement* s) {
        if (!first) return true;
        const bool asserts = s->stance == Stance::kAsserts, first_asserts = first->stance == Stance::kAsserts;
        if (asserts != first_asserts) return asserts;
        return s->date && (!first->date || *s->date < *first->date);
      };
      for (const Statement* s : for_claim) {
        if (!s->repeats && better(s)) first = s;
      }
      Json item{{"@type", "Claim"}};
      if (first) {
        item["author"] = actor_json(*actors.at(first->by.value));
        if (first->date) item["datePublished"] = first->date->to_string();
        Json appearances = Json::array();
        std::set<std::string> seen;
        for (const Statement* s : for_claim) {
          if (s->by != first->by || !s->source || !seen.insert(s->source->value).second) continue;
          appearances.push_back(appearance_json(story, *sources.at(s->source->value)));
        }
        if (!appearances.empty()) item["appearance"] = appearances;
        if (first->source) item["firstAppearance"] = appearance_json(story, *sources.at(first->source->value));
      }
      review["itemReviewed"] = item;
      reviews.push_back(std::move(review));
    }
  }
  out << reviews.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  return skipped;
}

bool looks_like_json_ld(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  if (start == std::string_view::npos || (text[start] != '{' && text[start] != '[')) return false;
  const std::string_view head = text.substr(start, 4096);
  return head.find("\"@context\"") != std::string_view::npos || head.find("\"@type\"") != std::string_view::npos ||
         head.find("\"@graph\"") != std::string_view::npos;
}

StoryFileResult parse_claim_reviews(std::string_view text, const std::string& file_name) {
  StoryFileResult result;
  auto error = [&](std::size_t line, std::size_t column, std::string message) {
    result.diagnostics.push_back({file_name, line, column, Diagnostic::Severity::kError, std::move(message)});
  };
  // The place of byte `at`, counting columns in bytes as nlohmann::json does.
  auto error_at = [&](std::size_t at, const std::string& message) {
    at = std::min(at, text.size());
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    const std::size_t line_start = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
    error(line, at - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1, message);
  };
  Json document;
  try {
    document = Json::parse(text);
  } catch (const Json::parse_error& e) {
    // What nlohmann::json says after its own "[json.exception...] parse
    // error at line L, column C: ", the place being given already.
    const std::string what = e.what();
    const std::size_t said = what.find(": ", what.find("parse error"));
    error_at(e.byte == 0 ? 0 : e.byte - 1, "malformed JSON: " + (said == std::string::npos ? what : what.substr(said + 2)));
    return result;
  } catch (const Json::out_of_range& e) {
    // A number too large for a double ("number overflow parsing '1E400'"),
    // reported with no place: found by its text.
    const std::string what = e.what();
    const std::size_t open = what.find('\''), close = what.rfind('\'');
    const std::string number = open < close ? what.substr(open + 1, close - open - 1) : "";
    const std::size_t at = number.empty() ? std::string_view::npos : text.find(number);
    if (at == std::string_view::npos) {
      error(0, 0, "malformed JSON: a number out of range");
    } else {
      error_at(at, "malformed JSON: the number '" + number + "' is out of range");
    }
    return result;
  }
  std::vector<const Json*> reviews;
  const bool in_graph = document.is_object() && document.contains("@graph") && document["@graph"].is_array();
  if (document.is_array()) {
    for (const Json& review : document) reviews.push_back(&review);
  } else if (in_graph) {
    for (const Json& review : document["@graph"]) reviews.push_back(&review);
  } else {
    reviews.push_back(&document);
  }
  const auto places = review_places(text, in_graph);

  Story story;
  story.origin = file_name;
  story.id = StoryId{slug(std::filesystem::path(file_name).stem().string(), 64)};
  story.title = "Fact-checks from " + std::filesystem::path(file_name).filename().string();
  std::set<std::string> actor_ids, source_ids, claim_ids, statement_ids;
  std::map<std::string, std::string> actor_by_name, source_by_key;
  auto actor = [&](const Json& who, ActorKind fallback) -> std::optional<ActorId> {
    if (!who.is_object()) return std::nullopt;
    const std::string name = text_of(who, "name");
    if (name.empty()) return std::nullopt;
    auto [it, fresh] = actor_by_name.emplace(name, "");
    if (fresh) {
      it->second = unique(actor_ids, slug(name));
      const std::string type = text_of(who, "@type");
      story.actors.push_back({ActorId{it->second}, name, type.empty() ? fallback : kind_of(type), "", {}, {}, {}});
    }
    return ActorId{it->second};
  };
  auto source = [&](const Json& work) -> std::optional<SourceId> {
    if (!work.is_object()) return std::nullopt;
    const std::string url = text_of(work, "url");
    const std::string headline = text_of(work, "headline");
    const std::string key = url + "\n" + headline;
    if (url.empty() && headline.empty()) return std::nullopt;
    auto [it, fresh] = source_by_key.emplace(key, "");
    if (fresh) {
      it->second = unique(source_ids, slug(!headline.empty() ? headline : url, 40));
      Source s;
      s.id = SourceId{it->second};
      s.url = url;
      s.title = headline;
      s.published = date_of(work, "datePublished");
      if (work.contains("author")) s.author = text_of(work["author"], "name");
      if (work.contains("publisher")) s.outlet = actor(work["publisher"], ActorKind::kOutlet);
      story.sources.push_back(std::move(s));
    }
    return SourceId{it->second};
  };

  for (std::size_t i = 0; i < reviews.size(); ++i) {
    const Json& review = *reviews[i];
    const std::string where = "review " + std::to_string(i + 1);
    // Each problem of a review is reported where the review opens.
    const auto place = i < places.size() ? places[i] : std::pair<std::size_t, std::size_t>{};
    auto error_in_review = [&](const std::string& message) { error(place.first, place.second, where + ": " + message); };
    if (!review.is_object() || text_of(review, "@type") != "ClaimReview") {
      error_in_review("expected an object with \"@type\": \"ClaimReview\"");
      continue;
    }
    const std::string claimed = text_of(review, "claimReviewed");
    if (claimed.find_first_not_of(" \t\r\n") == std::string::npos) {
      error_in_review("missing \"claimReviewed\", the claim's text");
      continue;
    }
    try {
      Claim claim;
      claim.id = ClaimId{unique(claim_ids, slug(claimed))};
      claim.text = claimed;
      Verdict verdict;
      const Json& rating = object_at(review, "reviewRating");
      verdict.rating = text_of(rating, "alternateName");
      if (verdict.rating.empty()) verdict.rating = text_of(rating, "name");
      if (verdict.rating.empty()) verdict.rating = text_of(rating, "ratingValue");
      if (verdict.rating.empty() && rating.contains("ratingValue") && rating["ratingValue"].is_number()) {
        verdict.rating = rating["ratingValue"].dump();
      }
      verdict.explanation = text_of(rating, "ratingExplanation");
      verdict.url = text_of(review, "url");
      verdict.date = date_of(review, "datePublished");
      if (review.contains("author")) verdict.by = actor(review["author"], ActorKind::kOrganization);
      if (verdict.rating.empty()) {
        error_in_review("the reviewRating has no alternateName (the verdict in words)");
        continue;
      }
      claim.verdict = std::move(verdict);

      const Json& item = object_at(review, "itemReviewed");
      const auto claimant = item.contains("author") ? actor(item["author"], ActorKind::kPerson) : std::nullopt;
      if (claimant) {
        const auto first = item.contains("firstAppearance") ? source(item["firstAppearance"]) : std::nullopt;
        Statement original;
        original.id = StatementId{unique(statement_ids, claim.id.value + "-claimed")};
        original.by = *claimant;
        original.claim = claim.id;
        original.stance = Stance::kAsserts;
        original.date = date_of(item, "datePublished");
        original.source = first;
        story.statements.push_back(original);
        // Every other appearance is the same claim reported again.
        if (item.contains("appearance") && item["appearance"].is_array()) {
          for (const Json& work : item["appearance"]) {
            const auto where_seen = source(work);
            if (!where_seen || where_seen == first) continue;
            Statement again = original;
            again.id = StatementId{unique(statement_ids, claim.id.value + "-again")};
            again.source = where_seen;
            again.repeats = original.id;
            story.statements.push_back(std::move(again));
          }
        }
      }
      story.claims.push_back(std::move(claim));
    } catch (const Error& e) {
      error_in_review(e.what());
    }
  }
  if (!has_errors(result.diagnostics)) result.story = std::move(story);
  return result;
}

}  // namespace gainsay
