#include "gainsay/extract.h"

#include <utf8proc.h>

#include "gainsay/error.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

namespace gainsay {
namespace {

// --- text as code points, and words ---------------------------------------

bool is_open_quote(char32_t c) { return c == U'\u201c' || c == U'\u00ab' || c == U'\u201e'; }
bool is_close_quote(char32_t c) { return c == U'\u201d' || c == U'\u00bb'; }
bool is_letter(char32_t c) {
  if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c == U'\u2019' || c == U'\u2018' || c == U'\u201c' || c == U'\u201d' || c == U'\u00ab' || c == U'\u00bb' ||
      c == U'\u2014' || c == U'\u2013' || c == U'\u2026' || c == 0xa0) {
    return false;
  }
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return category <= UTF8PROC_CATEGORY_NO;  // letters, marks and numbers
}
bool is_upper(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 128 && utf8proc_isupper(static_cast<utf8proc_int32_t>(c)));
}

struct Word {
  std::size_t start, end;  // code points
  std::string_view lower;  // ASCII-lowered text, a view into the Text's buffer
  bool capital;
};

// What lies between two words, as flags: several may be present (", “").
enum Mark : unsigned {
  kNone = 0,
  kQuoteOpen = 1,
  kQuoteClose = 2,
  kStraight = 4,
  kComma = 8,
  kColon = 16,
  kStop = 32,
  kParagraph = 64,
  kDash = 128,
  kOther = 256,
};
constexpr unsigned kQuoteMarks = kQuoteOpen | kQuoteClose | kStraight;
constexpr unsigned kBreaks = kStop | kParagraph;

class Text {
 public:
  explicit Text(std::string_view utf8) {
    cp_.reserve(utf8.size());
    byte_.reserve(utf8.size() + 1);
    for (std::size_t pos = 0; pos < utf8.size();) {
      const auto byte = static_cast<unsigned char>(utf8[pos]);
      byte_.push_back(static_cast<std::uint32_t>(pos));
      if (byte < 0x80) {  // most of a news text: no decoding needed
        cp_.push_back(byte);
        ++pos;
        continue;
      }
      utf8proc_int32_t c = 0;
      auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data() + pos),
                                static_cast<utf8proc_ssize_t>(utf8.size() - pos), &c);
      if (n <= 0) {
        c = 0xfffd;
        n = 1;
      }
      cp_.push_back(static_cast<char32_t>(c));
      pos += static_cast<std::size_t>(n);
    }
    byte_.push_back(static_cast<std::uint32_t>(utf8.size()));
    utf8_ = utf8;
    // One lowered character per code point, so a word's lower form is a view.
    lowered_.resize(cp_.size());
    for (std::size_t i = 0; i < cp_.size(); ++i) {
      const char32_t c = cp_[i];
      lowered_[i] = c < 128 ? static_cast<char>(std::tolower(static_cast<int>(c))) : (c == U'\u2019' ? '\'' : '~');
    }
    tokenize();
  }

  const std::vector<Word>& words() const { return words_; }
  std::size_t size() const { return cp_.size(); }
  char32_t at(std::size_t i) const { return i < cp_.size() ? cp_[i] : 0; }
  std::string slice(std::size_t start, std::size_t end) const {
    return std::string(utf8_.substr(byte_[start], byte_[end] - byte_[start]));
  }
  TextSpan32 span(std::size_t start, std::size_t end) const { return {start, end, slice(start, end)}; }
  // The first word starting at or after code point `i`.
  std::size_t word_at(std::size_t i) const {
    return static_cast<std::size_t>(std::lower_bound(words_.begin(), words_.end(), i,
                                                     [](const Word& w, std::size_t v) { return w.start < v; }) -
                                    words_.begin());
  }
  // What lies between word w-1 and word w (or before w when w == 0).
  unsigned gap_before(std::size_t w) const {
    const std::size_t from = w == 0 ? 0 : words_[w - 1].end;
    const std::size_t to = w < words_.size() ? words_[w].start : cp_.size();
    unsigned marks = kNone;
    for (std::size_t i = from; i < to; ++i) {
      const char32_t c = cp_[i];
      if (c == '\n') marks |= kParagraph;
      else if (is_open_quote(c)) marks |= kQuoteOpen;
      else if (is_close_quote(c)) marks |= kQuoteClose;
      else if (c == '"') marks |= kStraight;
      else if (c == ',') marks |= kComma;
      else if (c == ':' || c == ';') marks |= kColon;
      else if (c == '.' || c == '!' || c == '?') marks |= kStop;
      else if (c == U'\u2014' || c == U'\u2013' || c == '-') marks |= kDash;
      else if (c == '(' || c == ')' || c == '[' || c == ']') marks |= kOther;
    }
    return marks;
  }

 private:
  void tokenize() {
    for (std::size_t i = 0; i < cp_.size();) {
      if (!is_letter(cp_[i])) {
        ++i;
        continue;
      }
      const std::size_t start = i;
      while (i < cp_.size()) {
        const char32_t c = cp_[i];
        if (is_letter(c)) {
          ++i;
        } else if ((c == '\'' || c == U'\u2019' || c == '-') && i + 1 < cp_.size() && is_letter(cp_[i + 1]) &&
                   i > start) {
          ++i;  // don't, Amir-Abdollahian
        } else if (c == '.' && i + 1 < cp_.size() && is_upper(cp_[i + 1]) && i - start == 1 && is_upper(cp_[i - 1])) {
          ++i;  // U.S.
        } else {
          break;
        }
      }
      // "U.S." keeps its final stop when the word is initials, and so does a
      // title ("Col. Petra Ansel"), so that neither ends the sentence.
      if (i < cp_.size() && cp_[i] == '.' && i - start >= 3 && cp_[i - 2] == '.') ++i;
      if (i < cp_.size() && cp_[i] == '.' && is_title(start, i)) ++i;
      words_.push_back({start, i, std::string_view(lowered_).substr(start, i - start), is_upper(cp_[start])});
    }
  }

  bool is_title(std::size_t start, std::size_t end) const {
    static const std::unordered_set<std::string_view> kTitles = {
        "mr", "mrs", "ms", "dr", "gen", "col", "brig", "lt", "sgt", "capt", "prof", "sen", "rep", "gov",
        "st", "jr", "sr", "maj", "adm", "cmdr", "rev", "hon", "cdr", "pres", "amb"};
    return kTitles.count(std::string_view(lowered_).substr(start, end - start)) > 0;
  }

  std::u32string cp_;
  std::string lowered_;
  std::vector<std::uint32_t> byte_;  // per code point: its byte offset (texts under 4 GiB)
  std::string_view utf8_;
  std::vector<Word> words_;
};

// --- the lexicon ----------------------------------------------------------

struct Cue {
  Stance stance;
};

const std::unordered_map<std::string_view, Cue>& verb_cues() {
  static const std::unordered_map<std::string_view, Cue> cues = [] {
    std::unordered_map<std::string_view, Cue> m;
    for (const char* w : {"said", "says", "say", "told", "tells", "stated", "states", "added", "adds", "wrote",
                          "writes", "claimed", "claims", "warned", "warns", "accused", "accuses", "insisted",
                          "insists", "argued", "argues", "asserted", "asserts", "noted", "notes", "explained",
                          "declared", "announced", "alleged", "alleges", "stressed", "emphasized", "emphasised",
                          "tweeted", "replied", "responded", "maintained", "suggested", "revealed", "urged",
                          "hinted", "reiterated", "cautioned", "predicted", "remarked", "observed", "recalled",
                          "vowed", "pledged", "promised", "assured", "reaffirmed", "indicated", "signalled", "signaled",
                          "reveals", "warn", "explains", "announces", "declares", "stresses", "notes", "adds",
                          // participles that carry a second statement: "..., saying that ..."
                          "saying", "adding", "arguing", "warning", "noting", "insisting", "claiming", "stressing",
                          "emphasizing", "emphasising", "asserting", "explaining", "alleging", "expressed",
                          "expresses"}) {
      m[w] = {Stance::kAsserts};
    }
    for (const char* w : {"denied", "denies", "deny", "rejected", "rejects", "refuted", "refutes", "denying", "rejecting"}) {
      m[w] = {Stance::kDenies};
    }
    for (const char* w : {"dismissed", "dismisses", "ridiculed", "scoffed", "derided"}) m[w] = {Stance::kDismisses};
    for (const char* w : {"disputed", "disputes", "questioned", "questions", "contested", "challenged", "doubted"}) {
      m[w] = {Stance::kDisputes};
    }
    for (const char* w : {"acknowledged", "acknowledges", "admitted", "admits", "conceded", "concedes"}) {
      m[w] = {Stance::kPartiallyAdmits};
    }
    for (const char* w : {"confirmed", "confirms", "corroborated"}) m[w] = {Stance::kConfirms};
    for (const char* w : {"countered", "retorted"}) m[w] = {Stance::kCounterAccuses};
    m["reported"] = {Stance::kAsserts};
    m["reports"] = {Stance::kAsserts};
    return m;
  }();
  return cues;
}

bool in(const std::unordered_set<std::string_view>& set, std::string_view word) { return set.count(word) > 0; }

const std::unordered_set<std::string_view> kPronouns = {"he", "she", "they", "it", "we", "i"};
const std::unordered_set<std::string_view> kRoleNouns = {
    "spokesperson", "spokesman", "spokeswoman", "minister", "secretary", "adviser", "advisor", "official", "officials",
    "analysts", "analyst", "experts", "expert", "sources", "source", "diplomats", "diplomat", "commander", "president",
    "chief", "head", "director", "leader", "ambassador", "envoy", "general", "press", "foreign", "defense", "defence",
    "security", "national", "council", "ministry", "army", "military", "government", "agency", "intelligence",
    "deputy", "senior", "unnamed", "anonymous", "officer", "officers", "authorities", "authority", "administration",
    "department", "office", "newspaper", "outlet", "report", "statement", "coordinator", "communications",
    "strategic", "staff", "joint", "chairman", "chairwoman", "chair", "prime", "supreme", "top", "former", "state",
    "western", "residents", "witnesses", "police", "prosecutors", "lawyer", "lawyers", "campaigners", "critics",
    "observers", "familiar", "with", "matter", "people", "person", "union", "engineer", "regime", "kremlin",
    "pentagon", "white", "house", "mission", "embassy", "party", "group", "activists", "officials'"};
const std::unordered_set<std::string_view> kJoin = {"of", "for", "the", "and", "to", "at", "on", "in", "'s"};
const std::unordered_set<std::string_view> kSkipBetween = {
    "also",   "later",   "earlier", "again",     "then", "previously", "repeatedly", "twice", "once", "separately",
    "reportedly", "has", "have",  "had",       "would", "will", "not",  "recently",
    "publicly", "privately", "flatly", "firmly", "strongly", "quickly", "immediately", "has", "further", "simply"};
const std::unordered_set<std::string_view> kDays = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                                "sunday", "today", "yesterday", "tonight"};
const std::unordered_set<std::string_view> kNotCueAfter = {"to", "the", "a", "an", "of", "his", "her", "their", "its",
                                                      "about", "these", "those", "such", "our", "my", "your",
                                                      // passives: "will be added", "was reported"
                                                      "be", "been", "being", "was", "were", "is", "are"};
// Lines that end an article's body on a web page (its furniture follows).
const std::unordered_set<std::string_view> kFurniture = {"related", "related articles", "related stories", "comments",
                                                     "recommended", "you may also like", "read more", "more from",
                                                     "related people", "share your story", "back to top button",
                                                     "back to top", "most read", "trending", "advertisement"};
const std::unordered_set<std::string_view> kNotSpeakerStart = {"his", "her", "their", "its", "our", "my",
    "but", "however", "meanwhile", "and", "so", "yet", "also", "then", "still", "earlier", "later", "now", "instead",
    "indeed", "last", "on", "in", "this", "that", "these", "those", "when", "while", "after", "before", "as", "if",
    "because", "although", "though", "since", "where", "which", "who", "what", "there", "here", "a", "an"};
const std::unordered_set<std::string_view> kTitleWords = {"film", "book", "song", "album", "novel", "titled", "entitled",
                                                      "called", "dubbed", "named", "so-called", "term", "word",
                                                      "words", "slogan", "operation", "hashtag", "series", "show",
                                                      "programme", "program", "headline", "article", "report"};
const std::unordered_set<std::string_view> kOutlets = {"cnn", "bloomberg", "reuters", "tass", "afp", "ap", "bbc", "isna",
                                                   "irna", "newsweek", "al-jazeera", "xinhua"};

// --- finding speakers -----------------------------------------------------

// Words [first, second) of the text.
struct Range {
  std::size_t first = 0;
  std::size_t second = 0;
};

class Extractor {
 public:
  Extractor(const Text& text, const KnownActors& known) : t_(text), w_(text.words()), known_(known) {}
  std::vector<Extracted> run();

 private:
  bool cue_at(std::size_t w) const {
    if (w >= w_.size() || w_[w].capital || !verb_cues().count(w_[w].lower) || w >= limit_) return false;
    const bool joined = w > 0 && t_.gap_before(w) == kNone;
    if (joined && (in(kNotCueAfter, w_[w - 1].lower) || verb_cues().count(w_[w - 1].lower))) return false;
    // "positions said to be affiliated": a participle, not speech
    if (w + 2 < w_.size() && w_[w + 1].lower == "to" && w_[w + 2].lower == "be") return false;
    return true;
  }
  // The speaker phrase ending just before word `end` (exclusive), walking
  // left over names, role nouns and joining words; nullopt if there is none.
  std::optional<Range> speaker_left(std::size_t end) const;
  // The subject of the clause a cue ends: right before it, else the nearest
  // name to its left in the sentence.
  std::optional<Range> subject_left(std::size_t cue) const;
  // The speaker phrase starting at word `start`, walking right.
  std::optional<Range> speaker_right(std::size_t start) const;
  // Words between the speaker and the cue that do not break them apart.
  std::size_t skip_left(std::size_t cue) const;
  // The cue's span, extended over "reporters" and the like; returns its end word.
  std::size_t cue_end(std::size_t cue) const;
  TextSpan32 words_span(std::size_t first, std::size_t last_exclusive) const {
    return t_.span(w_[first].start, w_[last_exclusive - 1].end);
  }
  void add(std::optional<Range> speaker, std::size_t cue_first, std::size_t cue_last,
           TextSpan32 content, bool direct);
  void resolve(Extracted& e);

  const Text& t_;
  const std::vector<Word>& w_;
  const KnownActors& known_;
  std::vector<Extracted> out_;
  std::vector<bool> used_;  // cue words already part of an attribution
  std::size_t limit_ = 0;   // words from here on are page furniture, not the article
  std::string last_named_;  // the nearest preceding named speaker
};

std::optional<Range> Extractor::speaker_left(std::size_t end) const {
  if (end == 0) return std::nullopt;
  std::size_t w = end;
  bool named = false;
  while (w > 0) {
    const Word& word = w_[w - 1];
    const unsigned gap = t_.gap_before(w);  // between w-1 and w
    if (w < end && gap != kNone) break;
    if (in(kPronouns, word.lower) && w == end) return Range{w - 1, w};
    const bool name = word.capital && !in(kNotSpeakerStart, word.lower) && !cue_at(w - 1);
    const bool role = in(kRoleNouns, word.lower);
    const bool join = in(kJoin, word.lower) && w < end && named;
    if (!(name || role || join)) break;
    named = named || name || role;
    --w;
  }
  // No joining word or "the" at the front.
  while (w < end && (in(kJoin, w_[w].lower) || w_[w].lower == "the")) ++w;
  if (w == end || !named) return std::nullopt;
  return Range{w, end};
}

std::optional<Range> Extractor::subject_left(std::size_t cue) const {
  const std::size_t left = skip_left(cue);
  // "... and said ...": a second verb whose subject is elided; not guessed.
  if (left > 0 && (w_[left - 1].lower == "and" || w_[left - 1].lower == "but") && t_.gap_before(left) == kNone) {
    return std::nullopt;
  }
  if (auto near = speaker_left(left)) {
    // "Ana Torr, deputy adviser to the mayor, wrote": the
    // name before an appositive role is the speaker.
    if (near->first > 0 && (t_.gap_before(near->first) & kComma) && !(t_.gap_before(near->first) & ~unsigned{kComma}) &&
        !w_[near->first].capital) {
      if (auto name = speaker_left(near->first); name && w_[name->second - 1].capital) return name;
    }
    return near;
  }
  // "The US Treasury, in a March statement ..., expressed concern" and
  // "Austin responding to a question said": the clause's subject is its
  // first name, across at most two commas.
  int commas = 0;
  std::size_t clause_start = cue;
  for (std::size_t w = cue; w > 0 && cue - w < 24; --w) {
    const unsigned gap = t_.gap_before(w);
    if (gap & (kBreaks | kQuoteMarks | kColon)) break;
    if ((gap & kComma) && ++commas > 2) break;
    clause_start = w - 1;
  }
  for (std::size_t w = clause_start; w < cue; ++w) {
    const Word& word = w_[w];
    if (!word.capital || in(kNotSpeakerStart, word.lower) || in(kDays, word.lower)) continue;
    std::size_t end = w;
    while (end < cue && (w_[end].capital || in(kRoleNouns, w_[end].lower)) && (end == w || t_.gap_before(end) == kNone)) ++end;
    if (auto name = speaker_left(end)) return name;
  }
  return std::nullopt;
}

std::optional<Range> Extractor::speaker_right(std::size_t start) const {
  std::size_t w = start;
  if (w < w_.size() && (t_.gap_before(w) & (kBreaks | kQuoteMarks))) return std::nullopt;
  while (w < w_.size() && (w_[w].lower == "the" || w_[w].lower == "a")) ++w;
  if (w < w_.size() && in(kPronouns, w_[w].lower)) return Range{w, w + 1};
  const std::size_t first = w;
  while (w < w_.size()) {
    if (w > first && t_.gap_before(w) != kNone) break;
    const Word& word = w_[w];
    const bool ok = (word.capital && !cue_at(w)) || in(kRoleNouns, word.lower) || (w > first && in(kJoin, word.lower));
    if (!ok || in(kDays, word.lower)) break;
    ++w;
  }
  while (w > first && in(kJoin, w_[w - 1].lower)) --w;
  if (w == first) return std::nullopt;
  return Range{first, w};
}

std::size_t Extractor::skip_left(std::size_t cue) const {
  std::size_t w = cue;
  while (w > 0 && t_.gap_before(w) == kNone &&
         (in(kSkipBetween, w_[w - 1].lower) || in(kDays, w_[w - 1].lower) ||
          (w_[w - 1].lower == "on" && w < w_.size() && in(kDays, w_[w].lower)))) {
    --w;
  }
  return w;
}

std::size_t Extractor::cue_end(std::size_t cue) const {
  std::size_t end = cue + 1;
  const std::string_view verb = w_[cue].lower;
  auto next_is = [&](std::size_t at, const char* word) {
    return at < w_.size() && w_[at].lower == word && t_.gap_before(at) == kNone;
  };
  if ((verb == "told" || verb == "tells") && (next_is(end, "reporters") || next_is(end, "journalists"))) ++end;
  if ((verb == "told" || verb == "tells") && next_is(end, "the") && (next_is(end + 1, "press"))) end += 2;
  return end;
}

void Extractor::add(std::optional<Range> speaker, std::size_t cue_first,
                    std::size_t cue_last, TextSpan32 content, bool direct) {
  Extracted e;
  if (speaker) e.speaker = words_span(speaker->first, speaker->second);
  if (cue_last > cue_first) {
    e.cue = words_span(cue_first, cue_last);
    for (std::size_t w = cue_first; w < cue_last; ++w) used_[w] = true;
    auto it = verb_cues().find(w_[cue_first].lower);
    if (it != verb_cues().end()) e.stance = it->second.stance;
    const std::string phrase = e.cue->text;
    if (phrase.rfind("declined", 0) == 0 || phrase.rfind("refused", 0) == 0) e.stance = Stance::kDeclines;
    if (phrase.rfind("cast doubt", 0) == 0) e.stance = Stance::kDisputes;
  }
  e.content = std::move(content);
  e.direct = direct;
  out_.push_back(std::move(e));
}

void Extractor::resolve(Extracted& e) {
  if (!e.speaker) return;
  std::string lower;
  for (char c : e.speaker->text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // "he", "she" and a singular role ("the spokesperson") stand for the
  // nearest named speaker before them; a plural ("officials") stands alone.
  const bool pronoun = lower == "he" || lower == "she" || lower == "spokesperson" || lower == "spokesman" ||
                       lower == "spokeswoman" || lower == "minister" || lower == "official";
  bool capitalised_name = false;
  const std::size_t first = t_.word_at(e.speaker->start);
  std::size_t capitals = 0;
  for (std::size_t w = first; w < w_.size() && w_[w].start < e.speaker->end; ++w) {
    capitals += w_[w].capital && !in(kRoleNouns, w_[w].lower);
  }
  capitalised_name = capitals >= 1;
  if (pronoun) {
    e.speaker_name = last_named_.empty() ? e.speaker->text : last_named_;
  } else if (!capitalised_name) {
    e.speaker_name = e.speaker->text;
  } else {
    e.speaker_name = e.speaker->text;
    last_named_ = e.speaker->text;
  }
  // The attribution kind, from how the speaker is named.
  auto has = [&](const char* word) { return lower.find(word) != std::string::npos; };
  if (has("unnamed") || has("anonymous") || has("sources") || has("source familiar") || has("people familiar") ||
      (has("officials") && capitals == 0)) {
    e.attribution = Attribution::kAnonymous;
  } else if (kOutlets.count(lower) || has("newspaper") || has("outlet") || has("news agency") ||
             (e.cue && (e.cue->text == "reported" || e.cue->text == "reports"))) {
    e.attribution = Attribution::kViaMedia;
  } else if (has("ministry") || has("government") || has("council") || has("office") || has("kremlin") ||
             has("pentagon") || has("department") || has("administration") || has("statement")) {
    e.attribution = Attribution::kOfficialStatement;
  } else {
    e.attribution = Attribution::kOnRecord;
  }
  // A known actor, by name or alias, matched on word boundaries; the match
  // ending last in the phrase wins (its head: "spokesperson John Kirby" is
  // Kirby, not the council he speaks for), then the longest.
  std::string name_lower;
  for (char c : e.speaker_name) name_lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); };
  std::size_t best_end = 0, best_length = 0;
  for (const Actor& actor : known_.actors) {
    std::vector<std::string> names = actor.aliases;
    names.push_back(actor.name);
    for (const std::string& n : names) {
      std::string l;
      for (char c : n) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (l.empty()) continue;
      for (std::size_t at = name_lower.find(l); at != std::string::npos; at = name_lower.find(l, at + 1)) {
        const std::size_t end = at + l.size();
        const bool bounded = (at == 0 || !word_char(name_lower[at - 1])) && (end == name_lower.size() || !word_char(name_lower[end]));
        if (!bounded) continue;
        if (end > best_end || (end == best_end && l.size() > best_length)) {
          best_end = end;
          best_length = l.size();
          e.actor = actor.id;
        }
      }
    }
  }
}

std::vector<Extracted> Extractor::run() {
  used_.assign(w_.size(), false);
  // The article ends at the first line that is only page furniture.
  limit_ = w_.size();
  for (std::size_t w = 1; w < w_.size() && limit_ == w_.size(); ++w) {
    if (!(t_.gap_before(w) & kParagraph) || w_[w].start < 200) continue;
    std::string line(w_[w].lower);
    std::size_t k = w + 1;
    for (; k < w_.size() && k < w + 5 && !(t_.gap_before(k) & kParagraph); ++k) {
      line += ' ';
      line += w_[k].lower;
    }
    const bool whole_line = k == w_.size() || (t_.gap_before(k) & kParagraph);
    if (whole_line && kFurniture.count(line)) limit_ = w;
  }
  // 1. Quotes: pair the marks; a paragraph that ends inside a quote and a
  // next paragraph that opens one continue it (news style).
  struct Quote {
    std::size_t open, close;  // positions of the marks
  };
  std::vector<Quote> quotes;
  {
    std::size_t i = 0;
    const std::size_t n = t_.size();
    while (i < n) {
      const char32_t c = t_.at(i);
      if (!is_open_quote(c) && c != '"') {
        ++i;
        continue;
      }
      const bool straight = c == '"';
      std::size_t j = i + 1;
      std::size_t close = 0;
      while (j < n) {
        const char32_t d = t_.at(j);
        if ((straight && d == '"') || (!straight && is_close_quote(d))) {
          close = j;
          break;
        }
        if (!straight && is_open_quote(d)) break;  // an unclosed quote: restart here
        if (d == '\n') {
          // paragraph end inside a quote: continue only if the next paragraph opens one
          std::size_t k = j;
          while (k < n && (t_.at(k) == '\n' || t_.at(k) == ' ')) ++k;
          if (k < n && (is_open_quote(t_.at(k)) || (straight && t_.at(k) == '"'))) {
            j = k + 1;
            continue;
          }
          break;
        }
        ++j;
      }
      if (close == 0) {
        i = j > i + 1 ? j : i + 1;
        continue;
      }
      quotes.push_back({i, close});
      i = close + 1;
    }
  }
  // 2. Each quote: its cue and speaker, before or after it.
  for (std::size_t q = 0; q < quotes.size(); ++q) {
    const Quote& quote = quotes[q];
    const std::size_t first_word = t_.word_at(quote.open);
    if (first_word >= limit_) break;
    const std::size_t after = t_.word_at(quote.close + 1);
    std::size_t inside = 0;
    for (std::size_t w = first_word; w < after; ++w) inside += w_[w].start < quote.close;
    TextSpan32 content = t_.span(quote.open + 1, quote.close);
    while (!content.text.empty() && (content.text.back() == ',' || content.text.back() == ' ')) {
      content = t_.span(content.start, content.end - 1);
    }
    // A title or a scare quote is not speech.
    if (first_word > 0 && in(kTitleWords, w_[first_word - 1].lower) && !(t_.gap_before(first_word) & kBreaks)) continue;
    // Before the quote: "X said: "..."" or "X said, "..."".
    std::optional<Range> speaker;
    std::size_t cue_first = 0, cue_last = 0;
    const unsigned before = first_word < w_.size() ? t_.gap_before(first_word) : unsigned{kParagraph};
    const bool adjacent = !(before & (kBreaks | kQuoteClose));
    if (first_word > 0 && adjacent) {
      std::size_t c = first_word - 1;
      // "said Wednesday, “...”", "told reporters on Friday: “...”"
      while (c > 0 && t_.gap_before(c + 1) != kParagraph && (in(kDays, w_[c].lower) || w_[c].lower == "on") &&
             !(t_.gap_before(c) & kBreaks)) {
        --c;
      }
      if (cue_at(c) && used_[c] && !out_.empty() && out_.back().cue && out_.back().cue->end == w_[c].end) {
        // The second part of a quote split around its cue: "...," she said, "..."
        Extracted part = out_.back();
        part.content = std::move(content);
        out_.push_back(std::move(part));
        continue;
      }
      // The cue may come earlier in the sentence: "said that “...”",
      // "accused the newspaper of “...”".
      if (!cue_at(c)) {
        for (std::size_t k = c, steps = 0; k > 0 && steps < 15 && !(t_.gap_before(k + 1) & (kBreaks | kQuoteClose)) &&
                                           !(t_.gap_before(k) & kBreaks);
             --k, ++steps) {
          if (cue_at(k - 1) && !used_[k - 1]) {
            c = k - 1;
            break;
          }
        }
      }
      if (cue_at(c) && !used_[c]) {
        cue_first = c;
        cue_last = cue_end(c);
        speaker = subject_left(c);
      } else if (c > 0 && w_[c].lower == "saying" && w_[c - 1].lower == "as") {
        // "CNN quoted Kirby as saying"
        std::size_t k = c - 1;
        while (k > 0 && w_[k - 1].lower != "quoted" && k + 8 > c) --k;
        if (k > 0 && w_[k - 1].lower == "quoted") {
          speaker = Range{k, c - 1};
          cue_first = k - 1;
          cue_last = c + 1;
        }
      }
    }
    // After the quote: ""...," X said" or ""...," said X".
    const bool ends_sentence = !content.text.empty() && content.text.back() == '.';
    if (cue_last == 0 && !ends_sentence && after < w_.size() && !(t_.gap_before(after) & kParagraph)) {
      for (std::size_t w = after; w < w_.size() && w < after + 10; ++w) {
        if (w > after && (t_.gap_before(w) & (kBreaks | kQuoteOpen | kStraight))) break;
        if (!cue_at(w) || used_[w]) continue;
        cue_first = w;
        cue_last = cue_end(w);
        // ""...," CNN quoted Kirby as saying."
        if (w_[w].lower == "saying" && w >= 2 && w_[w - 1].lower == "as") {
          std::size_t k = w - 1;
          while (k > after && w_[k - 1].lower != "quoted") --k;
          if (k > after && k < w - 1) {
            speaker = Range{k, w - 1};
            cue_first = k - 1;
            break;
          }
        }
        const std::size_t left = skip_left(w);
        speaker = left > after ? speaker_left(left) : std::nullopt;
        if (!speaker) speaker = speaker_right(cue_last);
        break;
      }
    }
    if (cue_last == 0 && inside < 4) continue;  // a scare quote or a single word
    add(speaker, cue_first, cue_last, std::move(content), true);
  }
  // 3. Indirect speech: the cues left, in sentences of their own.
  auto sentence_end = [&](std::size_t w) {
    if (w >= w_.size()) return w_.size();  // a speaker that ends the text: nothing after it
    while (w + 1 < w_.size() && !(t_.gap_before(w + 1) & (kBreaks | kQuoteMarks))) ++w;
    return w + 1;  // exclusive
  };
  for (std::size_t w = 0; w < limit_; ++w) {
    if (used_[w]) continue;
    // "according to X, ..." and "..., according to X."
    if (w_[w].lower == "according" && w + 2 < w_.size() && w_[w + 1].lower == "to") {
      // Whoever is named up to the next comma or stop: "according to the port authority, ..."
      std::size_t end_of_name = w + 3;
      while (end_of_name < w_.size() && end_of_name < w + 10 && t_.gap_before(end_of_name) == kNone) ++end_of_name;
      std::size_t start_of_name = w + 2;
      while (start_of_name < end_of_name && (w_[start_of_name].lower == "the" || w_[start_of_name].lower == "a")) {
        ++start_of_name;
      }
      if (start_of_name == end_of_name) continue;
      std::optional<Range> speaker = Range{start_of_name, end_of_name};
      used_[w] = used_[w + 1] = true;
      std::size_t sentence_start = w;
      while (sentence_start > 0 && !(t_.gap_before(sentence_start) & kBreaks)) {
        --sentence_start;
      }
      const std::size_t end = sentence_end(speaker->second);
      TextSpan32 content;
      if (sentence_start < w) {
        content = words_span(sentence_start, w);
      } else if (speaker->second < end) {
        content = words_span(speaker->second, end);
      } else {
        continue;
      }
      add(speaker, w, w + 2, std::move(content), false);
      continue;
    }
    // "declined to comment", "refused to ...", "cast doubt on ..."
    std::size_t cue_last = 0;
    if ((w_[w].lower == "declined" || w_[w].lower == "refused") && w + 1 < w_.size() && w_[w + 1].lower == "to") {
      cue_last = w + 2 + (w + 2 < w_.size() && (w_[w + 2].lower == "comment" || w_[w + 2].lower == "expand" ||
                                                  w_[w + 2].lower == "elaborate"));
    } else if (w_[w].lower == "cast" && w + 2 < w_.size() && w_[w + 1].lower == "doubt" && w_[w + 2].lower == "on") {
      cue_last = w + 3;
    } else if (cue_at(w)) {
      cue_last = cue_end(w);
    }
    if (cue_last == 0) continue;
    // Not inside a quote (the quotes are in text order: a binary search).
    const std::size_t at = w_[w].start;
    auto q = std::upper_bound(quotes.begin(), quotes.end(), at, [](std::size_t v, const Quote& x) { return v < x.open; });
    if (q != quotes.begin() && at < std::prev(q)->close) continue;
    auto speaker = subject_left(w);
    if (!speaker) continue;
    std::size_t from = cue_last;
    // The reported clause starts after "that", when it comes soon:
    // "said in a briefing on Wednesday that ..."
    for (std::size_t k = from; k < w_.size() && k < from + 8 && !(t_.gap_before(k) & (kBreaks | kQuoteMarks)); ++k) {
      if (w_[k].lower == "that") {
        from = k + 1;
        break;
      }
    }
    const std::size_t end = sentence_end(cue_last - 1);
    const bool declines = w_[w].lower == "declined" || w_[w].lower == "refused";
    if (from >= end && !declines) continue;  // "..., Bloomberg reported.": nothing said here
    TextSpan32 content = from < end ? words_span(from, end) : words_span(w, cue_last);
    add(speaker, w, cue_last, std::move(content), false);
  }
  std::sort(out_.begin(), out_.end(), [](const Extracted& a, const Extracted& b) { return a.content.start < b.content.start; });
  for (Extracted& e : out_) resolve(e);  // in text order: "he" is the nearest name before
  return std::move(out_);
}

}  // namespace

std::vector<Extracted> extract_attributions(std::string_view text, const KnownActors& known) {
  if (text.size() >= 0xffffffffu) throw Error(ErrorCode::kInvalidData, "an article of 4 GiB or more cannot be read");
  const Text t(text);
  return Extractor(t, known).run();
}

}  // namespace gainsay
