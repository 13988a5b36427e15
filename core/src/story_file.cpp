#include "gainsay/story_file.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "gainsay/claim_review.h"
#include "gainsay/csv_sheet.h"
#include "gainsay/error.h"
#include "gainsay/progress.h"

namespace gainsay {
namespace {

using Keys = std::vector<std::string_view>;

const Keys kTopKeys = {"format", "story", "actors", "sources", "claims", "statements"};
const Keys kStoryKeys = {"id", "title", "description"};
const Keys kActorKeys = {"id", "name", "kind", "role", "member_of", "affiliated_with", "aliases"};
const Keys kSourceKeys = {"id", "outlet", "title", "author", "published", "url", "text"};
const Keys kClaimKeys = {"id", "text", "about", "contradicts", "verdict"};
const Keys kVerdictKeys = {"rating", "by", "date", "url", "explanation"};
const Keys kStatementKeys = {"id",          "by",   "claim", "stance",      "date",
                             "source",      "attribution", "quote", "note", "responds_to",
                             "repeats",     "via"};

std::string join(const Keys& words) {
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out += ", ";
    out += word;
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// " (did you mean 'stance'?)" when one word is a likely typo of `word`.
std::string suggestion(std::string_view word, const Keys& words) {
  std::string_view best;
  std::size_t best_distance = 3;
  for (const auto& candidate : words) {
    // The distance is at least the difference in length: a 50 MB key is
    // nobody's typo, and measuring it would take minutes.
    if (std::max(word.size(), candidate.size()) - std::min(word.size(), candidate.size()) >= best_distance) continue;
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  if (best.empty() && word.size() >= 4) {
    // "deny" for "denies": a word that is the candidate's stem, less a letter.
    for (const auto& candidate : words) {
      if (candidate.substr(0, word.size() - 1) == word.substr(0, word.size() - 1)) best = candidate;
    }
  }
  return best.empty() ? "" : " (did you mean '" + std::string(best) + "'?)";
}

bool is_slug(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  if (!((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= '0' && id[0] <= '9'))) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

std::string too_large_message(std::size_t size) {
  return "file is " + std::to_string(size) + " bytes; story files are limited to " +
         std::to_string(kMaxStoryFileBytes >> 20) + " MiB (" + std::to_string(kMaxStoryFileBytes) + " bytes)";
}

// A place in the file, 1-based; {0, 0} when yaml-cpp has none.
struct Place {
  std::size_t line = 0;
  std::size_t column = 0;
};

// The text being parsed, so that places can count columns in characters
// (yaml-cpp counts bytes). Set for the duration of one parse.
thread_local std::string_view current_text;

Place place_of(const YAML::Mark& mark) {
  if (mark.is_null()) return {};
  std::size_t column = static_cast<std::size_t>(mark.column) + 1;
  const auto pos = static_cast<std::size_t>(mark.pos);
  if (pos <= current_text.size()) {
    const std::size_t line_start = current_text.rfind('\n', pos == 0 ? 0 : pos - 1);
    const std::size_t from = line_start == std::string_view::npos || pos == 0 ? 0 : line_start + 1;
    column = 1;
    for (std::size_t i = from; i < pos; ++i) column += (static_cast<unsigned char>(current_text[i]) & 0xc0) != 0x80;
  }
  return {static_cast<std::size_t>(mark.line) + 1, column};
}
Place place_of(const YAML::Node& node) { return place_of(node.Mark()); }

// Where the quoted scalar opening at `open` closes, or npos. yaml-cpp 0.7
// accepts a quote left open at the end of the file, swallowing the rest of
// the file into one scalar, so the parser checks each quoted scalar itself.
std::size_t closing_quote(std::string_view text, std::size_t open) {
  const char quote = text[open];
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else {
        return i;
      }
    }
  }
  return std::string_view::npos;
}

// Counts the documents of a YAML stream without building them, to stand in
// for YAML::LoadAll: yaml-cpp 0.7's parser answers a stray ',' or other
// token it cannot start a document with by an empty document that consumes
// nothing, again and again, so LoadAll loops forever, taking memory
// (yaml-cpp issue 1040, fixed after 0.8). Counting stops there and keeps the
// place of that token.
class DocumentCounter : public YAML::EventHandler {
 public:
  struct Count {
    std::size_t documents = 0;
    std::optional<YAML::Mark> second;  // where a second document starts
    std::optional<YAML::Mark> stuck;   // where the parser stopped moving on
  };

  static Count count(const std::string& text) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    Count count;
    std::optional<int> last_start;
    for (DocumentCounter counter; parser.HandleNextDocument(counter); counter = DocumentCounter()) {
      if (last_start == counter.start_.pos) {
        count.stuck = counter.start_;
        break;
      }
      last_start = counter.start_.pos;
      if (++count.documents == 2) count.second = counter.start_;
    }
    return count;
  }

 private:
  void OnDocumentStart(const YAML::Mark& mark) override { start_ = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

  YAML::Mark start_;
};

// One YAML mapping whose keys were checked against what its kind allows.
struct Fields {
  Place place;  // of the mapping itself
  std::map<std::string, std::pair<YAML::Node, YAML::Node>, std::less<>> entries;

  const YAML::Node* value(std::string_view key) const {
    auto it = entries.find(key);
    if (it == entries.end() || it->second.second.IsNull()) return nullptr;
    return &it->second.second;
  }
};

// A reference from one record to another, checked once all ids are known.
struct Reference {
  enum class Kind { kActor, kSource, kClaim, kStatement };
  Kind kind;
  std::string id;
  Place place;
  std::string key;    // "member_of", "by", ...
  std::string owner;  // the id of the record that holds the reference
};

class StoryParser {
 public:
  // A story file named .json is JSON, which yaml-cpp reads as YAML's flow
  // style; its syntax errors are called JSON's, without YAML's hints.
  explicit StoryParser(std::string file)
      : file_(std::move(file)), json_(std::filesystem::path(file_).extension() == ".json") {}

  StoryFileResult parse(std::string_view text);

 private:
  void error(Place place, std::string message) {
    if (errors_ >= kMaxErrorsPerFile) {
      ++suppressed_;
      return;
    }
    ++errors_;
    diagnostics_.push_back({file_, place.line, place.column, Diagnostic::Severity::kError, std::move(message)});
  }

  std::string malformed() const { return json_ ? "malformed JSON" : "malformed YAML"; }
  bool check_encoding(std::string_view text);
  void check_quotes(const YAML::Node& root, std::string_view text);
  Fields fields(const YAML::Node& node, std::string_view what, const Keys& allowed, const Keys& required);
  std::optional<std::string> scalar(const Fields& f, std::string_view key, std::string_view what);
  std::string text_field(const Fields& f, std::string_view key, std::string_view what) {
    return scalar(f, key, what).value_or("");
  }
  std::optional<Date> date(const Fields& f, std::string_view key, std::string_view what);
  std::vector<std::pair<std::string, Place>> list(const Fields& f, std::string_view key, std::string_view what);
  template <typename IdT>
  std::optional<IdT> reference(const Fields& f, std::string_view key, Reference::Kind kind,
                               std::string_view what, const std::string& owner);
  std::string id(const Fields& f, std::string_view what, std::map<std::string, Place>& seen);
  std::vector<YAML::Node> records(const YAML::Node& root, std::string_view key, std::string_view what);

  void read_story(const YAML::Node& node, Story& story);
  void read_actor(const YAML::Node& node, Story& story);
  void read_source(const YAML::Node& node, Story& story);
  void read_claim(const YAML::Node& node, Story& story);
  void read_statement(const YAML::Node& node, Story& story);
  void check_references(const Story& story);
  void check_member_cycles(const Story& story);

  std::string file_;
  bool json_;
  std::vector<Diagnostic> diagnostics_;
  std::size_t errors_ = 0;
  std::size_t suppressed_ = 0;

  std::map<std::string, Place> actor_ids_, source_ids_, claim_ids_, statement_ids_;
  std::unordered_map<std::string, Place> member_of_places_;
  std::vector<Reference> references_;
};

bool StoryParser::check_encoding(std::string_view text) {
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    if (byte < 0x80) {
      length = 1;
    } else if (byte >= 0xc2 && byte <= 0xdf) {
      length = 2;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      length = 3;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      length = 4;
    }
    bool valid = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      valid = (static_cast<unsigned char>(text[i + k]) & 0xc0) == 0x80;
    }
    if (valid && length == 3) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      valid = !(byte == 0xe0 && next < 0xa0) && !(byte == 0xed && next >= 0xa0);  // overlong, surrogates
    } else if (valid && length == 4) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      valid = !(byte == 0xf0 && next < 0x90) && !(byte == 0xf4 && next >= 0x90);
    }
    if (!valid) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02x", byte);
      error({line, column}, std::string("invalid UTF-8 (byte ") + hex + "); a story file must be UTF-8 text");
      return false;
    }
    if (byte == 0) {
      error({line, column}, "NUL byte; a story file must be text");
      return false;
    }
    if (byte == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += length;
  }
  return true;
}

void StoryParser::check_quotes(const YAML::Node& root, std::string_view text) {
  std::vector<YAML::Node> pending = {root};
  while (!pending.empty()) {
    const YAML::Node node = pending.back();
    pending.pop_back();
    if (node.IsScalar()) {
      const auto pos = static_cast<std::size_t>(node.Mark().pos);
      if (!node.Mark().is_null() && pos < text.size() && (text[pos] == '"' || text[pos] == '\'') &&
          closing_quote(text, pos) == std::string_view::npos) {
        error(place_of(node), malformed() + ": the quoted text opened here is never closed (expected a " +
                                  text[pos] + " before the end of the file)");
      }
    } else if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        pending.push_back(it->first);
        pending.push_back(it->second);
      }
    } else if (node.IsSequence()) {
      for (const auto& item : node) pending.push_back(item);
    }
  }
}

Fields StoryParser::fields(const YAML::Node& node, std::string_view what, const Keys& allowed,
                           const Keys& required) {
  Fields f;
  f.place = place_of(node);
  if (!node.IsMap()) {
    error(f.place, "expected " + std::string(what) + " as a mapping of keys (" + join(allowed) + ")");
    return f;
  }
  for (auto it = node.begin(); it != node.end(); ++it) {
    // yaml-cpp's iterator yields a temporary pair: keep copies (cheap handles).
    const YAML::Node key_node = it->first;
    if (!key_node.IsScalar()) {
      error(place_of(key_node), "expected a plain key in " + std::string(what));
      continue;
    }
    const std::string key = key_node.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      error(place_of(key_node), "unknown key '" + key + "' in " + std::string(what) + suggestion(key, allowed) +
                                    "; expected one of: " + join(allowed));
      continue;
    }
    if (f.entries.count(key)) {
      error(place_of(key_node), "key '" + key + "' given twice in " + std::string(what));
      continue;
    }
    f.entries.emplace(key, std::make_pair(key_node, it->second));
  }
  for (const auto& key : required) {
    auto it = f.entries.find(key);
    if (it == f.entries.end()) {
      error(f.place, "missing required key '" + std::string(key) + "' in " + std::string(what));
    } else if (it->second.second.IsNull()) {
      error(place_of(it->second.first), "key '" + std::string(key) + "' in " + std::string(what) + " has no value");
    }
  }
  return f;
}

std::optional<std::string> StoryParser::scalar(const Fields& f, std::string_view key, std::string_view what) {
  const YAML::Node* node = f.value(key);
  if (!node) return std::nullopt;
  if (!node->IsScalar()) {
    error(place_of(*node), "expected text for '" + std::string(key) + "' in " + std::string(what) +
                               ", found a " + (node->IsMap() ? "mapping" : "list"));
    return std::nullopt;
  }
  return node->Scalar();
}

std::optional<Date> StoryParser::date(const Fields& f, std::string_view key, std::string_view what) {
  auto text = scalar(f, key, what);
  if (!text) return std::nullopt;
  try {
    return Date::parse(*text);
  } catch (const Error& e) {
    error(place_of(*f.value(key)), std::string(e.what()) + " in '" + std::string(key) + "' of " + std::string(what));
    return std::nullopt;
  }
}

std::vector<std::pair<std::string, Place>> StoryParser::list(const Fields& f, std::string_view key,
                                                             std::string_view what) {
  std::vector<std::pair<std::string, Place>> items;
  const YAML::Node* node = f.value(key);
  if (!node) return items;
  if (node->IsScalar()) {
    items.emplace_back(node->Scalar(), place_of(*node));
    return items;
  }
  if (!node->IsSequence()) {
    error(place_of(*node), "expected a list for '" + std::string(key) + "' in " + std::string(what));
    return items;
  }
  for (const auto& item : *node) {
    if (!item.IsScalar()) {
      error(place_of(item), "expected text items in '" + std::string(key) + "' of " + std::string(what));
      continue;
    }
    items.emplace_back(item.Scalar(), place_of(item));
  }
  return items;
}

template <typename IdT>
std::optional<IdT> StoryParser::reference(const Fields& f, std::string_view key, Reference::Kind kind,
                                          std::string_view what, const std::string& owner) {
  auto value = scalar(f, key, what);
  if (!value) return std::nullopt;
  references_.push_back({kind, *value, place_of(*f.value(key)), std::string(key), owner});
  return IdT{*value};
}

std::string StoryParser::id(const Fields& f, std::string_view what, std::map<std::string, Place>& seen) {
  auto value = scalar(f, "id", what);
  if (!value) return "";
  const Place place = place_of(*f.value("id"));
  if (!is_slug(*value)) {
    error(place, "invalid id '" + *value + "' of " + std::string(what) +
                     ": expected a slug of lowercase letters, digits, '-', '_' or '.' (at most 64)");
    return *value;
  }
  auto [it, inserted] = seen.emplace(*value, place);
  if (!inserted) {
    error(place, "duplicate " + std::string(what) + " id '" + *value + "'; first defined at line " +
                     std::to_string(it->second.line));
  }
  return *value;
}

std::vector<YAML::Node> StoryParser::records(const YAML::Node& root, std::string_view key, std::string_view what) {
  std::vector<YAML::Node> out;
  const YAML::Node node = root[std::string(key)];
  if (!node || node.IsNull()) return out;
  if (!node.IsSequence()) {
    error(place_of(node), "expected '" + std::string(key) + "' as a list of " + std::string(what) + " records");
    return out;
  }
  for (const auto& item : node) out.push_back(item);
  return out;
}

void StoryParser::read_story(const YAML::Node& node, Story& story) {
  const Fields f = fields(node, "story", kStoryKeys, {"id", "title"});
  if (!f.value("id")) return;
  std::map<std::string, Place> ids;
  story.id = StoryId{id(f, "story", ids)};
  story.title = text_field(f, "title", "story");
  story.description = text_field(f, "description", "story");
}

void StoryParser::read_actor(const YAML::Node& node, Story& story) {
  const Fields f = fields(node, "actor", kActorKeys, {"id", "name", "kind"});
  Actor actor;
  actor.id = ActorId{id(f, "actor", actor_ids_)};
  const std::string what = "actor '" + actor.id.value + "'";
  actor.name = text_field(f, "name", what);
  if (auto kind = scalar(f, "kind", what)) {
    if (auto parsed = parse_actor_kind(*kind)) {
      actor.kind = *parsed;
    } else {
      error(place_of(*f.value("kind")), "unknown actor kind '" + *kind + "'" + suggestion(*kind, actor_kind_words()) +
                                            "; expected one of: " + join(actor_kind_words()));
    }
  }
  actor.role = text_field(f, "role", what);
  actor.member_of = reference<ActorId>(f, "member_of", Reference::Kind::kActor, what, actor.id.value);
  if (actor.member_of) member_of_places_[actor.id.value] = place_of(*f.value("member_of"));
  actor.affiliated_with = reference<ActorId>(f, "affiliated_with", Reference::Kind::kActor, what, actor.id.value);
  for (auto& [alias, place] : list(f, "aliases", what)) actor.aliases.push_back(alias);
  story.actors.push_back(std::move(actor));
}

void StoryParser::read_source(const YAML::Node& node, Story& story) {
  const Fields f = fields(node, "source", kSourceKeys, {"id"});
  Source source;
  source.id = SourceId{id(f, "source", source_ids_)};
  const std::string what = "source '" + source.id.value + "'";
  source.outlet = reference<ActorId>(f, "outlet", Reference::Kind::kActor, what, source.id.value);
  source.title = text_field(f, "title", what);
  source.author = text_field(f, "author", what);
  source.published = date(f, "published", what);
  source.url = text_field(f, "url", what);
  source.text = text_field(f, "text", what);
  story.sources.push_back(std::move(source));
}

void StoryParser::read_claim(const YAML::Node& node, Story& story) {
  const Fields f = fields(node, "claim", kClaimKeys, {"id", "text"});
  Claim claim;
  claim.id = ClaimId{id(f, "claim", claim_ids_)};
  const std::string what = "claim '" + claim.id.value + "'";
  claim.text = text_field(f, "text", what);
  if (const YAML::Node* text = f.value("text");
      text && text->IsScalar() && claim.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    error(place_of(*text), "empty text of " + what + "; a claim needs a proposition in words");
  }
  for (auto& [about, place] : list(f, "about", what)) {
    references_.push_back({Reference::Kind::kActor, about, place, "about", claim.id.value});
    claim.about.push_back(ActorId{about});
  }
  for (auto& [other, place] : list(f, "contradicts", what)) {
    if (other == claim.id.value) error(place, what + " cannot contradict itself");
    references_.push_back({Reference::Kind::kClaim, other, place, "contradicts", claim.id.value});
    claim.contradicts.push_back(ClaimId{other});
  }
  if (const YAML::Node* verdict_node = f.value("verdict")) {
    const std::string verdict_what = "the verdict of " + what;
    const Fields v = fields(*verdict_node, verdict_what, kVerdictKeys, {"rating"});
    Verdict verdict;
    verdict.rating = text_field(v, "rating", verdict_what);
    verdict.by = reference<ActorId>(v, "by", Reference::Kind::kActor, verdict_what, claim.id.value);
    verdict.date = date(v, "date", verdict_what);
    verdict.url = text_field(v, "url", verdict_what);
    verdict.explanation = text_field(v, "explanation", verdict_what);
    claim.verdict = std::move(verdict);
  }
  story.claims.push_back(std::move(claim));
}

void StoryParser::read_statement(const YAML::Node& node, Story& story) {
  const Fields f = fields(node, "statement", kStatementKeys, {"id", "by", "claim", "stance"});
  Statement s;
  s.id = StatementId{id(f, "statement", statement_ids_)};
  const std::string what = "statement '" + s.id.value + "'";
  if (auto by = reference<ActorId>(f, "by", Reference::Kind::kActor, what, s.id.value)) s.by = *by;
  if (auto claim = reference<ClaimId>(f, "claim", Reference::Kind::kClaim, what, s.id.value)) s.claim = *claim;
  if (auto stance = scalar(f, "stance", what)) {
    if (auto parsed = parse_stance(*stance)) {
      s.stance = *parsed;
    } else {
      error(place_of(*f.value("stance")), "unknown stance '" + *stance + "'" + suggestion(*stance, stance_words()) +
                                              "; expected one of: " + join(stance_words()));
    }
  }
  s.date = date(f, "date", what);
  s.source = reference<SourceId>(f, "source", Reference::Kind::kSource, what, s.id.value);
  if (auto attribution = scalar(f, "attribution", what)) {
    if (auto parsed = parse_attribution(*attribution)) {
      s.attribution = *parsed;
    } else {
      error(place_of(*f.value("attribution")), "unknown attribution '" + *attribution + "'" +
                                                   suggestion(*attribution, attribution_words()) +
                                                   "; expected one of: " + join(attribution_words()));
    }
  }
  s.quote = text_field(f, "quote", what);
  s.note = text_field(f, "note", what);
  for (const char* key : {"responds_to", "repeats"}) {
    auto target = reference<StatementId>(f, key, Reference::Kind::kStatement, what, s.id.value);
    if (target && *target == s.id) {
      error(place_of(*f.value(key)), what + (std::string(key) == "repeats" ? " repeats itself" : " responds to itself") +
                                         "; expected the id of another statement");
    }
    (std::string(key) == "repeats" ? s.repeats : s.responds_to) = target;
  }
  s.via = reference<ActorId>(f, "via", Reference::Kind::kActor, what, s.id.value);
  story.statements.push_back(std::move(s));
}

void StoryParser::check_references(const Story&) {
  for (const auto& ref : references_) {
    const std::map<std::string, Place>* ids = nullptr;
    const char* kind = "";
    switch (ref.kind) {
      case Reference::Kind::kActor: ids = &actor_ids_; kind = "actor"; break;
      case Reference::Kind::kSource: ids = &source_ids_; kind = "source"; break;
      case Reference::Kind::kClaim: ids = &claim_ids_; kind = "claim"; break;
      case Reference::Kind::kStatement: ids = &statement_ids_; kind = "statement"; break;
    }
    if (!ids->count(ref.id)) {
      error(ref.place, "unknown " + std::string(kind) + " '" + ref.id + "' in '" + ref.key + "' of '" + ref.owner +
                           "'; expected the id of " + (ref.kind == Reference::Kind::kActor ? "an " : "a ") + kind +
                           " defined in this story");
    }
  }
}

void StoryParser::check_member_cycles(const Story& story) {
  std::unordered_map<std::string, const Actor*> by_id;
  for (const auto& actor : story.actors) by_id.emplace(actor.id.value, &actor);
  std::set<std::string> reported;
  for (const auto& start : story.actors) {
    std::vector<std::string> chain;
    const Actor* current = &start;
    while (current && current->member_of) {
      chain.push_back(current->id.value);
      auto loop = std::find(chain.begin(), chain.end(), current->member_of->value);
      if (loop != chain.end()) {
        if (*loop == start.id.value && !reported.count(start.id.value)) {
          std::string path;
          for (auto it = loop; it != chain.end(); ++it) {
            path += *it + " -> ";
            reported.insert(*it);
          }
          path += *loop;
          error(member_of_places_[start.id.value], "member_of cycle: " + path + "; a side must have a root actor");
        }
        break;
      }
      auto next = by_id.find(current->member_of->value);
      current = next == by_id.end() ? nullptr : next->second;
    }
  }
}

StoryFileResult StoryParser::parse(std::string_view text) {
  StoryFileResult result;
  current_text = text;
  if (text.size() > kMaxStoryFileBytes) {
    error({}, too_large_message(text.size()));
  } else if (check_encoding(text)) {
    YAML::Node root;
    DocumentCounter::Count count;
    try {
      const std::string copy(text);
      count = DocumentCounter::count(copy);
      if (count.stuck) {
        const char c = text[static_cast<std::size_t>(count.stuck->pos)];
        error(place_of(*count.stuck), malformed() + ": unexpected " +
                                          (c > ' ' && c < 0x7f ? "'" + std::string(1, c) + "'" : std::string("text")) +
                                          " where a document should start");
      } else if (count.documents == 1) {
        root = YAML::Load(copy);
      }
    } catch (const YAML::DeepRecursion& e) {
      error(place_of(e.mark), malformed() + ": nested more than " + std::to_string(e.depth() - 1) +
                                  " levels deep; a story file needs at most 4");
    } catch (const YAML::Exception& e) {
      // The usual cause: text with ? : # , [ ] { } inside a {...} mapping.
      const bool token = !json_ && (e.msg == "unknown token" || e.msg.rfind("end of map flow not found", 0) == 0);
      error(place_of(e.mark), malformed() + ": " + e.msg +
                                  (token ? " (put text that holds ? : # , [ ] { } in double quotes)" : ""));
    }
    if (errors_ == 0 && count.documents == 1) check_quotes(root, text);
    if (errors_ == 0 && count.documents == 0) error({}, "empty file; expected a story (format: 1, story:, actors:, ...)");
    if (errors_ == 0 && count.documents > 1) {
      error(place_of(*count.second), "several YAML documents; expected one story per file");
    }
    if (errors_ == 0) {
      Story story;
      story.origin = file_;
      const Fields top = fields(root, "the story file", kTopKeys, {"format", "story"});
      if (root.IsMap()) {
        const auto format = scalar(top, "format", "the story file");
        if (format && *format != "1") {
          error(place_of(*top.value("format")),
                "unsupported format '" + *format + "'; this version of gainsay reads format 1");
        } else {
          if (const YAML::Node* story_node = top.value("story")) read_story(*story_node, story);
          for (const auto& node : records(root, "actors", "actor")) read_actor(node, story);
          for (const auto& node : records(root, "sources", "source")) read_source(node, story);
          for (const auto& node : records(root, "claims", "claim")) read_claim(node, story);
          for (const auto& node : records(root, "statements", "statement")) read_statement(node, story);
          check_references(story);
          check_member_cycles(story);
        }
      }
      if (errors_ == 0) result.story = std::move(story);
    }
  }
  if (suppressed_ > 0) {
    diagnostics_.push_back({file_, 0, 0, Diagnostic::Severity::kError,
                            std::to_string(suppressed_) + " more errors not shown"});
  }
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  result.diagnostics = std::move(diagnostics_);
  current_text = {};
  return result;
}

}  // namespace

StoryFileResult parse_story(std::string_view text, const std::string& file_name) {
  return StoryParser(file_name).parse(text);
}

StoryFileResult read_story_file(const std::string& path) {
  auto failure = [&](std::string message) {
    StoryFileResult result;
    result.diagnostics.push_back({path, 0, 0, Diagnostic::Severity::kError, std::move(message)});
    return result;
  };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return failure("is a directory; expected a story file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return failure("cannot read file: no such file or not readable");
  // Read in chunks rather than by the file's size, so pipes work too, and
  // stop just past the limit so an endless input cannot exhaust memory.
  std::string text;
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxStoryFileBytes) {
      const auto size = std::filesystem::file_size(path, ec);
      return failure(too_large_message(ec ? text.size() : static_cast<std::size_t>(size)));
    }
  }
  if (in.bad()) return failure("cannot read file");
  if (looks_like_json_ld(text)) return parse_claim_reviews(text, path);
  return parse_story(text, path);
}

namespace {

// Sheets are the bulk road: read whole, without the story files' size limit.
StoryFilesResult read_csv_sheet(const std::string& path, Progress* progress) {
  std::ifstream in(path, std::ios::binary);
  StoryFilesResult result;
  std::error_code ec;
  if (!in || std::filesystem::is_directory(path, ec)) {
    result.diagnostics.push_back({path, 0, 0, Diagnostic::Severity::kError, "cannot read file"});
    return result;
  }
  // In one read when the size is known; a pipe is read as it comes.
  std::string text;
  std::error_code no_size;
  const auto size = std::filesystem::file_size(path, no_size);
  if (!no_size) {
    text.resize(size);
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  std::ostringstream rest;
  rest << in.rdbuf();
  text += rest.str();
  return parse_csv_sheet(text, path, "", progress);
}

}  // namespace

StoryFilesResult read_story_files(const std::vector<std::string>& paths, Progress* progress) {
  StoryFilesResult result;
  std::map<std::string, std::string> seen;  // story id -> file
  for (const auto& path : paths) {
    std::vector<Story> stories;
    if (progress) {
      std::error_code ec;
      const auto size = std::filesystem::file_size(path, ec);
      progress->stage("reading " + std::filesystem::path(path).filename().string(), ec ? 0 : size,
                      Progress::Unit::kBytes);
    }
    if (is_csv_file(path)) {
      StoryFilesResult sheet = read_csv_sheet(path, progress);
      result.diagnostics.insert(result.diagnostics.end(), sheet.diagnostics.begin(), sheet.diagnostics.end());
      stories = std::move(sheet.stories);
    } else {
      StoryFileResult one = read_story_file(path);
      result.diagnostics.insert(result.diagnostics.end(), one.diagnostics.begin(), one.diagnostics.end());
      if (one.story) stories.push_back(std::move(*one.story));
    }
    for (Story& story : stories) {
      auto [it, inserted] = seen.emplace(story.id.value, path);
      if (!inserted) {
        result.diagnostics.push_back({path, 0, 0, Diagnostic::Severity::kError,
                                      "story '" + it->first + "' is also in " + it->second +
                                          "; expected each story once per import"});
        continue;
      }
      result.stories.push_back(std::move(story));
    }
  }
  if (has_errors(result.diagnostics)) result.stories.clear();
  return result;
}

}  // namespace gainsay
