#include "gainsay/extract.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "extract_lexicon.h"
#include "extract_text.h"
#include "gainsay/error.h"

namespace gainsay {
namespace {

using namespace extraction;

// --- finding speakers -----------------------------------------------------

// Words [first, second) of the text.
struct Range {
  std::size_t first = 0;
  std::size_t second = 0;
};

struct Quote {
  std::size_t open, close;  // code points of the marks
};
constexpr std::size_t kNoAttribution = static_cast<std::size_t>(-1);

class Extractor {
 public:
  Extractor(const Text& text, const KnownActors& known) : t_(text), w_(text.words()), known_(known) {}
  std::vector<Extracted> run();

 private:
  bool cue_at(std::size_t w) const {
    if (w >= limit_ || !verb_[w]) return false;
    const bool joined = w > 0 && t_.gap_before(w) == kNone;
    if (joined && (in(kNotCueAfter, w_[w - 1].lower) || verb_[w - 1])) return false;
    // "the company's claim": a noun
    if (joined && w_[w - 1].lower.size() > 2 && w_[w - 1].lower.substr(w_[w - 1].lower.size() - 2) == "'s") return false;
    // "responded to questions", "replied by reiterating": the content, if
    // any, comes with another cue
    if ((w_[w].lower == "responded" || w_[w].lower == "replied") && w + 1 < w_.size() &&
        (w_[w + 1].lower == "to" || w_[w + 1].lower == "by" || w_[w + 1].lower == "with")) {
      return false;
    }
    // "positions said to be affiliated": a participle, not speech
    if (w + 2 < w_.size() && w_[w + 1].lower == "to" && w_[w + 2].lower == "be") return false;
    return true;
  }
  // The speaker phrase ending just before word `end` (exclusive), walking
  // left over names, role nouns and joining words; nullopt if there is none.
  std::optional<Range> speaker_left(std::size_t end, bool follow_relative = true) const;
  // A capitalised word that may be part of a name (not a sentence's first
  // adverb, a dateline or a cue).
  bool could_be_name(std::size_t w) const {
    const Word& word = w_[w];
    if (!word.capital || dateline_[w] || in(kNotSpeakerStart, word.lower) || in(kDays, word.lower) || cue_at(w)) {
      return false;
    }
    // "Separately, ..."
    if (word.lower.size() > 3 && word.lower.substr(word.lower.size() - 2) == "ly" && (t_.gap_before(w + 1) & kComma) &&
        !in(kLyNouns, word.lower)) {
      return false;
    }
    return true;
  }
  // A word that may be a noun or adjective inside a speaker's phrase.
  bool could_be_noun(std::size_t w) const {
    const Word& word = w_[w];
    if (word.capital) return could_be_name(w);
    if (verb_[w] || in(kNotInNounPhrase, word.lower) || in(kDays, word.lower)) return false;
    if (in(kRoleNouns, word.lower)) return true;
    auto ends = [&](std::string_view suffix) {
      return word.lower.size() > suffix.size() + 2 && word.lower.substr(word.lower.size() - suffix.size()) == suffix;
    };
    // adverbs and participles ("purchased drones", "responding to"): the
    // phrase has ended
    if (ends("ed") || ends("ing")) {
      // "the ruling party", "an unnamed official": an adjective after a determiner
      return w > 0 && t_.gap_before(w) == kNone && in(kDeterminers, w_[w - 1].lower);
    }
    return !ends("ly") || in(kLyNouns, word.lower);
  }
  // The subject of the clause a cue ends: right before it, else the nearest
  // name to its left in the sentence.
  std::optional<Range> subject_left(std::size_t cue) const;
  // The speaker phrase starting at word `start`, walking right.
  std::optional<Range> speaker_right(std::size_t start) const;
  // Words between the speaker and the cue that do not break them apart.
  std::size_t skip_left(std::size_t cue) const;
  // The cue's span, extended over "reporters" and the like; returns its end word.
  std::size_t cue_end(std::size_t cue) const;
  // The end word (exclusive) of the reporting cue that starts at word w,
  // one word or a phrase ("declined to comment on", "cast doubt on"); 0 if
  // none starts there.
  std::size_t cue_words(std::size_t w) const;
  // The first word of the reported clause after a cue ending at `cue_last`:
  // after "that" when it comes soon ("said on Friday that ...").
  std::size_t content_start(std::size_t cue_last) const;
  // The end (a code point, exclusive) of the reported clause from word
  // `from`: its sentence's end, where stops inside quotation marks do not
  // count, or earlier where another attribution or the writer takes over
  // (", according to", ", saying", "and said", ", but"). A closing mark
  // right after it is included.
  std::size_t clause_end(std::size_t from) const;
  // "quoted X as saying", "cite X, the official, as saying": from the word
  // "saying", the cue's first word and X; nullopt if it is not that shape.
  std::optional<std::pair<std::size_t, Range>> quoted_as(std::size_t saying) const;
  // "according to X": X, from the word after "to" up to a comma or stop.
  std::optional<Range> according_speaker(std::size_t according) const;
  bool is_outlet(Range speaker) const;
  std::size_t sentence_start(std::size_t w) const {
    while (w > 0 && !(t_.gap_before(w) & kBreaks)) --w;
    return w;
  }
  // The quote whose marks enclose code point `at`, if any.
  const Quote* quote_around(std::size_t at) const {
    auto q = std::upper_bound(quotes_.begin(), quotes_.end(), at, [](std::size_t v, const Quote& x) { return v < x.open; });
    if (q == quotes_.begin() || at > std::prev(q)->close) return nullptr;
    return &*std::prev(q);
  }
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
  std::vector<Quote> quotes_;  // in text order
  std::vector<bool> used_;  // cue words already part of an attribution
  std::vector<bool> verb_;  // lowercase words of the cue lexicon, looked up once
  std::vector<bool> head_;  // and those that may start a cue phrase
  // Each cue's first word and its speaker, in two runs each in text order
  // (the quotes' pass, then the indirect pass), split at quote_cues_.
  std::vector<std::pair<std::size_t, Range>> cue_speakers_;
  std::size_t quote_cues_ = 0;
  std::optional<Range> speaker_of_cue(std::size_t cue) const {
    auto less = [](const std::pair<std::size_t, Range>& a, std::size_t v) { return a.first < v; };
    const auto split = cue_speakers_.begin() + static_cast<std::ptrdiff_t>(quote_cues_);
    for (auto [from, to] : {std::pair{cue_speakers_.begin(), split}, std::pair{split, cue_speakers_.end()}}) {
      auto it = std::lower_bound(from, to, cue, less);
      if (it != to && it->first == cue) return it->second;
    }
    return std::nullopt;
  }
  std::size_t limit_ = 0;   // words from here on are page furniture, not the article
  std::string last_named_;  // the nearest preceding named speaker
  std::vector<bool> dateline_;  // words of a dateline ("OSTRAVEN, Velmaria (Wire) --"): never speakers
};

std::optional<Range> Extractor::speaker_left(std::size_t end, bool follow_relative) const {
  if (end == 0) return std::nullopt;
  std::size_t w = end;
  bool named = false;   // a name or a role noun: the phrase can stand alone
  bool opened = false;  // it starts with a determiner
  if (in(kPronouns, w_[end - 1].lower)) {
    --w;
    named = true;
  } else {
    // A noun phrase: names, role nouns and other nouns, joined by "of",
    // "for", "at" ..., opened by a determiner, at most a dozen words.
    std::size_t k = end;
    bool nouns = false;
    while (k > 0 && end - k < 12) {
      const Word& word = w_[k - 1];
      if (k < end && t_.gap_before(k) != kNone) break;
      if (in(kDeterminers, word.lower) && k < end) {
        // "for the office": the phrase goes on left of the preposition
        if (k >= 3 && t_.gap_before(k - 1) == kNone && in(kNounPrepositions, w_[k - 2].lower) &&
            t_.gap_before(k - 2) == kNone && could_be_noun(k - 3)) {
          k -= 2;
          continue;
        }
        --k;
        opened = true;
        // "All three governments", "both the ministries"
        if (k > 0 && t_.gap_before(k) == kNone && (w_[k - 1].lower == "all" || w_[k - 1].lower == "both")) --k;
        break;
      }
      const bool name = could_be_name(k - 1);
      const bool role = in(kRoleNouns, word.lower);
      const bool join = in(kNounPrepositions, word.lower) && k < end && (named || nouns) && k >= 2 &&
                        could_be_noun(k - 2) && t_.gap_before(k - 1) == kNone;
      const bool noun = !word.capital && !role && could_be_noun(k - 1);
      if (!(name || role || join || noun)) break;
      named = named || name || role;
      nouns = nouns || noun;
      --k;
    }
    while (k < end && in(kNounPrepositions, w_[k].lower)) ++k;
    w = k;
  }
  if (w == end) return std::nullopt;
  // "Mining engineers who have visited the site said": the phrase is the
  // head before the relative clause, with the clause.
  if (follow_relative) {
    for (std::size_t k = w; k > 0 && w - k < 7 && t_.gap_before(k) == kNone; --k) {
      if (!in(kRelatives, w_[k - 1].lower) || k == w) continue;
      if (auto head = speaker_left(k - 1, false); head && !in(kPronouns, w_[head->second - 1].lower)) {
        return Range{head->first, end};
      }
      break;
    }
  }
  if (named || opened) return Range{w, end};
  // A bare noun phrase ("lawmakers said") only where a clause starts.
  if (w == 0 || (t_.gap_before(w) & ~unsigned{kQuoteMarks}) || in(kClauseOpeners, w_[w - 1].lower)) return Range{w, end};
  return std::nullopt;
}

std::optional<Range> Extractor::subject_left(std::size_t cue) const {
  const std::size_t left = skip_left(cue);
  // "... and said ...", "..., saying ...": a second verb of the subject of
  // the sentence's earlier cue.
  const bool elided = left > 0 && (w_[left - 1].lower == "and" || w_[left - 1].lower == "but") &&
                      t_.gap_before(left) == kNone;
  const bool participle = left == cue && is_participle_cue(w_[cue].lower) && cue > 0 &&
                          ((t_.gap_before(cue) & kComma) || w_[cue - 1].lower == "by" || w_[cue - 1].lower == "while");
  if (elided || participle) {
    for (std::size_t w = left; w > 0 && left - w < 40; --w) {
      if (t_.gap_before(w) & kBreaks) break;
      if (auto speaker = speaker_of_cue(w - 1)) return speaker;
      if (cue_words(w - 1) != 0 && !is_participle_cue(w_[w - 1].lower)) return subject_left(w - 1);
    }
    if (elided) return std::nullopt;
    // No earlier cue: the subject of the sentence.
    const std::size_t start = sentence_start(cue);
    for (std::size_t w = start; w < cue; ++w) {
      if (!could_be_name(w) && !in(kRoleNouns, w_[w].lower)) continue;
      std::size_t end = w;
      while (end < cue && (could_be_name(end) || could_be_noun(end)) && (end == w || t_.gap_before(end) == kNone)) ++end;
      return speaker_left(end);
    }
    return std::nullopt;
  }
  // "a report that had warned of ...", "Treen, who described ...": the antecedent.
  if (left > 0 && in(kRelatives, w_[left - 1].lower)) return speaker_left(left - 1, false);
  // "X, the foreign minister, said", "X, who ..., said", "X, speaking by
  // telephone, said": the speaker is the phrase before the comma-set part.
  if (left > 0 && t_.gap_before(left) == kComma) {
    std::size_t part = left;
    for (int parts = 0; parts < 3; ++parts) {
      std::size_t start = part - 1;
      while (start > 0 && part - start < 30 && t_.gap_before(start) == kNone) --start;
      if (start == 0 || t_.gap_before(start) != kComma) break;
      const Word& first = w_[start];
      // "spokesman Ivo Rand, responding ...": a role before a name is a subject, not an aside
      std::size_t j = start;
      while (j < left && !w_[j].capital && in(kRoleNouns, w_[j].lower)) ++j;
      const bool titled_name = j > start && j < left && w_[j].capital;
      const bool aside = !titled_name && (!first.capital || in(kDeterminers, first.lower) ||
                                          in(kRelatives, first.lower) || first.lower == "whose");
      if (!aside) break;
      if (auto before = speaker_left(start)) {
        // "On Monday, ...": a phrase after a preposition is an adverbial, not a name with an aside
        if (before->first > 0 && t_.gap_before(before->first) == kNone &&
            in(kAdjunctOpeners, w_[before->first - 1].lower)) {
          break;
        }
        if (t_.gap_before(before->first) != kComma || w_[before->first].capital) return before;
      }
      part = start;
    }
  }
  if (auto near = speaker_left(left)) {
    // "Austin responding to a question said": the phrase is the object of a
    // participle; its subject is before it.
    const std::size_t w = near->first;
    const bool pronoun = near->second == near->first + 1 && in(kPronouns, w_[w].lower);  // a subject's form
    for (std::size_t k = w; !pronoun && k > 0 && w - k < 8 && t_.gap_before(k) == kNone; --k) {
      const Word& word = w_[k - 1];
      if (in(kRelatives, word.lower)) break;
      if (word.capital || !is_participle_cue(word.lower) || could_be_noun(k - 1)) continue;
      if (t_.gap_before(k - 1) != kNone) break;
      if (auto subject = speaker_left(k - 1)) return subject;
      break;
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
    if (gap & (kBreaks | kQuoteMarks | kColon | kDash)) break;
    if ((gap & kComma) && ++commas > 2) break;
    clause_start = w - 1;
  }
  for (std::size_t w = clause_start; w < cue; ++w) {
    if (!could_be_name(w) || in(kDays, w_[w].lower)) continue;
    std::size_t end = w;
    while (end < cue && (could_be_name(end) || in(kRoleNouns, w_[end].lower)) && (end == w || t_.gap_before(end) == kNone)) ++end;
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
  auto adverb = [&](const Word& word) {  // "Kanaani cautiously hinted at"
    return !word.capital && word.lower.size() > 5 && word.lower.substr(word.lower.size() - 2) == "ly" &&
           !in(kLyNouns, word.lower);
  };
  while (w > 0 && t_.gap_before(w) == kNone &&
         (in(kSkipBetween, w_[w - 1].lower) || in(kDays, w_[w - 1].lower) || adverb(w_[w - 1]) ||
          (w_[w - 1].lower == "on" && w < w_.size() && in(kDays, w_[w].lower)))) {
    --w;
  }
  return w;
}

std::size_t Extractor::cue_end(std::size_t cue) const {
  std::size_t end = cue + 1;
  const std::string_view verb = w_[cue].lower;
  if (verb == "told" || verb == "tells" || verb == "tell") {
    // The addressee: "told reporters", "told a rally", "told the Associated Press", "told him".
    if (end < w_.size() && t_.gap_before(end) == kNone &&
        (w_[end].lower == "him" || w_[end].lower == "her" || w_[end].lower == "them" || w_[end].lower == "us")) {
      return end + 1;
    }
    std::size_t k = end;
    while (k < w_.size() && k < end + 4 && t_.gap_before(k) == kNone && w_[k].lower != "that" &&
           (in(kDeterminers, w_[k].lower) || could_be_noun(k))) {
      ++k;
    }
    if (k > end && !in(kDeterminers, w_[k - 1].lower)) end = k;
  }
  return end;
}

std::size_t Extractor::cue_words(std::size_t w) const {
  if (w >= limit_ || !head_[w]) return 0;
  auto next_is = [&](std::size_t k, std::initializer_list<std::string_view> words) {
    if (k >= w_.size() || t_.gap_before(k) != kNone) return false;
    return std::find(words.begin(), words.end(), w_[k].lower) != words.end();
  };
  const std::string_view verb = w_[w].lower;
  if (verb == "declined" || verb == "refused" || verb == "declines" || verb == "refuses" || verb == "declining" ||
      verb == "refusing") {
    // "refused to leave" is not speech; "refused to say" is
    if (!next_is(w + 1, {"to"}) || w + 2 >= w_.size() || !in(kSpeechAfterDecline, w_[w + 2].lower)) return 0;
    return w + 3 + next_is(w + 3, {"on", "about"});
  }
  if (verb == "cast" || verb == "casts" || verb == "casting") {
    return next_is(w + 1, {"doubt", "doubts"}) && next_is(w + 2, {"on", "upon", "over"}) ? w + 3 : 0;
  }
  if (verb == "called" || verb == "calls" || verb == "calling") {
    if (next_is(w + 1, {"for"})) return w + 2;
    return next_is(w + 1, {"on"}) && w + 2 < w_.size() && !in(kDays, w_[w + 2].lower) ? w + 2 : 0;
  }
  if (verb == "placed" || verb == "placing" || verb == "places") {
    return next_is(w + 1, {"blame"}) && next_is(w + 2, {"on"}) ? w + 3 : 0;
  }
  if (verb == "issued" || verb == "issues" || verb == "issuing") {
    return next_is(w + 1, {"a"}) && next_is(w + 2, {"statement"}) ? w + 3 : 0;
  }
  if (!cue_at(w)) return 0;
  std::size_t end = cue_end(w);
  // The preposition that introduces the content: "hinted at", "warned of",
  // "expressed concern over".
  if (verb.substr(0, 7) == "express" && next_is(end, {"concern", "concerns", "doubt", "doubts", "alarm", "regret", "hope",
                                                      "surprise", "frustration", "scepticism", "skepticism", "outrage"})) {
    ++end;
    end += next_is(end, {"over", "about", "at", "for", "with"});
  } else if (verb.substr(0, 4) == "hint") {
    end += next_is(end, {"at"});
  } else if (verb.substr(0, 4) == "warn") {
    end += next_is(end, {"of", "against"});
  } else if (verb == "confessed") {
    end += next_is(end, {"to"});
  } else if (next_is(end, {"their", "its", "his", "her", "our"}) &&
             next_is(end + 1, {"claim", "claims", "accusation", "accusations", "allegation", "allegations", "charge",
                               "charges", "position", "assertion", "denial", "view"}) &&
             next_is(end + 2, {"that"})) {
    end += 2;  // a light verb with its noun: "reaffirmed their claims that ..."
  } else if (next_is(end, {"as"}) && end + 1 < w_.size() && !in(kNotInNounPhrase, w_[end + 1].lower)) {
    ++end;  // "what Iran dismissed as ...": the object came before the verb
  }
  return end;
}

std::size_t Extractor::content_start(std::size_t cue_last) const {
  // Only adjuncts of the reporting act may come before "that"; after an
  // object ("doubted the company's claim that ...") it opens the object's
  // own clause, which is part of the content.
  if (cue_last < w_.size() && w_[cue_last].lower != "that" && !in(kAdjunctOpeners, w_[cue_last].lower) &&
      !in(kDays, w_[cue_last].lower) && !in(kSkipBetween, w_[cue_last].lower)) {
    return cue_last;
  }
  for (std::size_t k = cue_last; k < w_.size() && k < cue_last + 8 && !(t_.gap_before(k) & (kBreaks | kQuoteMarks)); ++k) {
    if (w_[k].lower == "that") {
      // "rejected that account.": a demonstrative
      const bool demonstrative = k + 2 <= w_.size() && (t_.gap_before(k + 2) & (kBreaks | kComma)) && k == cue_last;
      return demonstrative ? k : k + 1;
    }
    if (w_[k].lower == "and" || w_[k].lower == "but" || (k > cue_last && cue_at(k))) break;
  }
  return cue_last;
}

std::size_t Extractor::clause_end(std::size_t from) const {
  std::size_t w = from;
  for (; w + 1 < w_.size() && w + 1 < limit_; ++w) {
    const unsigned gap = t_.gap_before(w + 1);
    if (gap & kParagraph) break;
    const bool quoted = quote_around(w_[w].end) != nullptr;
    if ((gap & kStop) && !quoted) break;
    if (quoted) continue;
    const std::string_view next = w_[w + 1].lower;
    const bool quote_follows = w + 2 < w_.size() && (t_.gap_before(w + 2) & (kQuoteOpen | kStraight));
    if ((gap & (kComma | kDash | kColon)) &&
        (next == "according" || next == "citing" || next == "without" || next == "while" ||
         (next == "but" && !quote_follows) ||
         next == "whereas" || (is_participle_cue(next) && cue_at(w + 1)))) {
      break;
    }
    // "... and said ...": the subject's second statement
    if ((next == "and" || next == "but") && w + 2 < w_.size() && t_.gap_before(w + 2) == kNone) {
      std::size_t verb = w + 2;
      while (verb < w_.size() && in(kSkipBetween, w_[verb].lower) && t_.gap_before(verb + 1) == kNone) ++verb;
      if (cue_words(verb) != 0) break;
    }
  }
  std::size_t end = w_[w].end;
  const std::size_t next_start = w + 1 < w_.size() ? w_[w + 1].start : t_.size();
  for (std::size_t i = end; i < next_start; ++i) {
    const char32_t c = t_.at(i);
    if (c == '\n') break;
    if (is_close_quote(c) || c == '"') {
      const Quote* q = quote_around(i);
      if (q != nullptr && q->close == i) end = i + 1;
      break;
    }
  }
  return end;
}

std::optional<std::pair<std::size_t, Range>> Extractor::quoted_as(std::size_t saying) const {
  if (saying < 2 || w_[saying].lower != "saying" || w_[saying - 1].lower != "as") return std::nullopt;
  for (std::size_t k = saying - 1; k > 0 && saying - k < 14 && !(t_.gap_before(k) & kBreaks); --k) {
    const std::string_view verb = w_[k - 1].lower;
    if (verb != "quoted" && verb != "quoting" && verb != "quotes" && verb != "quote" && verb != "cited" &&
        verb != "citing" && verb != "cites" && verb != "cite") {
      continue;
    }
    // The speaker is the name set off by commas, if there is one ("the
    // official, Yuriy Ihnat, as saying"), else the whole phrase.
    std::size_t first = k, last = saying - 1;
    for (std::size_t j = k + 1; j < last; ++j) {
      if ((t_.gap_before(j) & kComma) && w_[j].capital) {
        std::size_t end = j + 1;
        while (end < last && t_.gap_before(end) == kNone) ++end;
        first = j;
        last = end;
        break;
      }
    }
    if (first >= last) return std::nullopt;
    return std::make_pair(k - 1, Range{first, last});
  }
  return std::nullopt;
}

std::optional<Range> Extractor::according_speaker(std::size_t according) const {
  const std::size_t start = according + 2;
  std::size_t end = start;
  while (end < w_.size() && end < start + 8 && (end == start || t_.gap_before(end) == kNone)) ++end;
  if (start >= w_.size() || end == start || (t_.gap_before(start) & kBreaks)) return std::nullopt;
  return Range{start, end};
}

bool Extractor::is_outlet(Range speaker) const {
  for (std::size_t w = speaker.first; w < speaker.second; ++w) {
    const std::string_view word = w_[w].lower;
    if (kOutlets.count(word) || word == "agency" || word == "newspaper" || word == "outlet" || word == "media" ||
        word == "news" || word == "television" || word == "broadcaster") {
      return true;
    }
  }
  return false;
}

void Extractor::add(std::optional<Range> speaker, std::size_t cue_first,
                    std::size_t cue_last, TextSpan32 content, bool direct) {
  Extracted e;
  if (speaker) e.speaker = words_span(speaker->first, speaker->second);
  if (speaker && cue_last > cue_first) {
    cue_speakers_.emplace_back(cue_first, *speaker);
  }
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
  verb_.assign(w_.size(), false);
  head_.assign(w_.size(), false);
  for (std::size_t w = 0; w < w_.size(); ++w) {
    if (w_[w].capital || w_[w].lower.size() < 3) continue;  // no cue is shorter
    verb_[w] = verb_cues().count(w_[w].lower) > 0;
    const char first = w_[w].lower[0];  // the phrase heads' first letters: a second lookup only for those
    head_[w] = verb_[w] || ((first == 'd' || first == 'r' || first == 'c' || first == 'p' || first == 'i') &&
                            in(kPhraseHeads, w_[w].lower));
  }
  // A dateline opens the first paragraph in capitals and ends at a dash:
  // its place names are not speakers.
  dateline_.assign(w_.size(), false);
  for (std::size_t w = 0; w < w_.size() && w < 400; ++w) {
    if (w > 0 && !(t_.gap_before(w) & kParagraph)) continue;
    bool capitals = w_[w].end - w_[w].start >= 2;
    for (std::size_t i = w_[w].start; i < w_[w].end && capitals; ++i) {
      const char32_t c = t_.at(i);
      capitals = c < 128 ? !(c >= 'a' && c <= 'z') : !utf8proc_islower(static_cast<utf8proc_int32_t>(c));
    }
    if (!capitals) continue;
    std::size_t k = w + 1;
    while (k < w_.size() && k < w + 8 && !(t_.gap_before(k) & (kDash | kBreaks))) ++k;
    if (k < w_.size() && (t_.gap_before(k) & kDash)) {
      for (std::size_t d = w; d < k; ++d) dateline_[d] = true;
    }
    break;
  }
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
  std::vector<Quote>& quotes = quotes_;
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
  std::vector<std::size_t> quote_out(quotes.size(), kNoAttribution);  // the attribution each quote made
  for (std::size_t q = 0; q < quotes.size(); ++q) {
    const Quote quote = quotes[q];
    const std::size_t first_word = t_.word_at(quote.open);
    if (first_word >= limit_) break;
    const std::size_t after = t_.word_at(quote.close + 1);
    std::size_t inside = 0;
    for (std::size_t w = first_word; w < after; ++w) inside += w_[w].start < quote.close;
    TextSpan32 content = t_.span(quote.open + 1, quote.close);
    while (!content.text.empty() && content.text.back() == ' ') {
      content = t_.span(content.start, content.end - 1);
    }
    // A title or a scare quote is not speech.
    if (first_word > 0 && in(kTitleWords, w_[first_word - 1].lower) && !(t_.gap_before(first_word) & kBreaks)) continue;
    // Before the quote: "X said: "..."" or "X said, "..."".
    std::optional<Range> speaker;
    std::size_t cue_first = 0, cue_last = 0;
    const unsigned before = first_word < w_.size() ? t_.gap_before(first_word) : unsigned{kParagraph};
    const bool adjacent = !(before & (kBreaks | kQuoteClose));
    bool partial = false;
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
        quote_out[q] = out_.size();
        out_.push_back(std::move(part));
        continue;
      }
      // The cue may come earlier in the sentence: "said that “...”",
      // "accused the newspaper of “...”".
      if (!cue_words(c)) {
        for (std::size_t k = c, steps = 0; k > 0 && steps < 15 && !(t_.gap_before(k + 1) & (kBreaks | kQuoteClose)) &&
                                           !(t_.gap_before(k) & kBreaks);
             --k, ++steps) {
          if (cue_words(k - 1) && !used_[k - 1]) {
            c = k - 1;
            break;
          }
        }
      }
      if (cue_words(c) && !used_[c]) {
        cue_first = c;
        cue_last = cue_words(c);
        speaker = subject_left(c);
        if (auto quoted = quoted_as(c)) std::tie(cue_first, speaker) = *quoted;
        // Words of the writer's between the cue and the mark ("the talks
        // were "going well""): a partial quote, reported indirectly.
        std::size_t k = cue_last;
        while (k < first_word && (w_[k].lower == "that" || w_[k].lower == "on" || in(kDays, w_[k].lower) ||
                                  in(kSkipBetween, w_[k].lower))) {
          ++k;
        }
        partial = k < first_word && !(before & (kColon | kComma));
      }
    }
    if (partial) {
      const std::size_t from = content_start(cue_last);
      add(speaker, cue_first, cue_last, t_.span(w_[from].start, clause_end(from)), false);
      quote_out[q] = out_.size() - 1;
      continue;
    }
    // After the quote: ""...," X said", ""...," said X" or ""...," according to X".
    const bool ends_sentence = !content.text.empty() && content.text.back() == '.';
    if (cue_last == 0 && !ends_sentence && after < w_.size() && !(t_.gap_before(after) & kParagraph)) {
      for (std::size_t w = after; w < w_.size() && w < after + 10; ++w) {
        if (w > after && (t_.gap_before(w) & (kBreaks | kQuoteOpen | kStraight))) break;
        if (w_[w].lower == "according" && w + 1 < w_.size() && w_[w + 1].lower == "to" && !used_[w]) {
          speaker = according_speaker(w);
          if (speaker) {
            cue_first = w;
            cue_last = w + 2;
          }
          break;
        }
        if (!cue_at(w) || used_[w]) continue;
        cue_first = w;
        cue_last = cue_words(w);
        // ""...," CNN quoted Kirby as saying."
        if (auto quoted = quoted_as(w); quoted && quoted->first >= after) {
          std::tie(cue_first, speaker) = *quoted;
          break;
        }
        const std::size_t left = skip_left(w);
        speaker = left > after ? subject_left(w) : std::nullopt;
        if (speaker && speaker->first < after) speaker.reset();
        if (!speaker) speaker = speaker_right(cue_last);
        break;
      }
    }
    // A quote that follows an attributed one in the same paragraph, one
    // sentence on, continues it: ""...," she said. "...""
    if (cue_last == 0 && q > 0 && quote_out[q - 1] != kNoAttribution && (before & kStop)) {
      std::size_t stops = 0;
      bool paragraph = false;
      for (std::size_t i = quotes_[q - 1].close + 1; i < quote.open; ++i) {
        const char32_t ch = t_.at(i);
        stops += ch == '.' || ch == '!' || ch == '?';
        paragraph = paragraph || ch == '\n';
      }
      const Extracted& previous = out_[quote_out[q - 1]];
      if (!paragraph && stops <= 1 && previous.direct && previous.cue) {
        Extracted part = previous;
        part.content = std::move(content);
        quote_out[q] = out_.size();
        out_.push_back(std::move(part));
        continue;
      }
    }
    // A scare quote or a single word is not speech; a short quote that is a
    // sentence of its own ("Enough is enough.") is.
    const bool own_sentence = (before & (kBreaks | kQuoteClose)) && !content.text.empty() &&
                              (content.text.back() == '.' || content.text.back() == '!' || content.text.back() == '?');
    if (cue_last == 0 && inside < 4 && !own_sentence) continue;
    quote_out[q] = out_.size();
    add(speaker, cue_first, cue_last, std::move(content), true);
  }
  // 3. Indirect speech: the cues left, in sentences of their own.
  std::sort(cue_speakers_.begin(), cue_speakers_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  quote_cues_ = cue_speakers_.size();
  for (std::size_t w = 0; w < limit_; ++w) {
    if (used_[w]) continue;
    // "according to X, ..." and "..., according to X."
    if (w_[w].lower == "according" && w + 2 < w_.size() && w_[w + 1].lower == "to") {
      std::optional<Range> speaker = according_speaker(w);
      if (!speaker) continue;
      used_[w] = used_[w + 1] = true;
      // An outlet named after another cue of the sentence is its channel,
      // not a second speaker ("he said ..., according to TASS").
      const std::size_t sentence = sentence_start(w);
      bool earlier_cue = false;
      std::size_t clause = sentence;
      for (std::size_t k = sentence; k < w; ++k) {
        if (cue_at(k) || used_[k]) earlier_cue = true;
        if (earlier_cue && k > sentence && (t_.gap_before(k) & kComma) && k + 1 < w) clause = k;
      }
      if (earlier_cue && is_outlet(*speaker)) continue;
      if (sentence < w) {
        add(speaker, w, w + 2, words_span(earlier_cue ? clause : sentence, w), false);
      } else if (speaker->second < w_.size() && !(t_.gap_before(speaker->second) & kBreaks)) {
        add(speaker, w, w + 2, t_.span(w_[speaker->second].start, clause_end(speaker->second)), false);
      }
      continue;
    }
    const std::size_t cue_last = cue_words(w);
    if (cue_last == 0) continue;
    // Not inside a quote (the quotes are in text order: a binary search).
    if (quote_around(w_[w].start) != nullptr) continue;
    std::size_t cue_first = w;
    auto speaker = subject_left(w);
    if (auto quoted = quoted_as(w)) std::tie(cue_first, speaker) = *quoted;
    if (!speaker) continue;
    const std::size_t from = content_start(cue_last);
    const bool declines = w_[w].lower.substr(0, 7) == "decline" || w_[w].lower.substr(0, 6) == "refuse";
    // A comma right after the cue ("CNN revealed, citing officials"): what
    // follows is an adjunct, and what was said came before.
    const bool nothing_after = from >= w_.size() || (t_.gap_before(from) & kBreaks) ||
                               (from == cue_last && (t_.gap_before(from) & kComma) &&
                                !(t_.gap_before(from) & kQuoteMarks) && !in(kClauseOpeners, w_[from].lower));
    if (nothing_after) {
      // ""Nothing was found, the outlet wrote.": the content is the clause
      // before the speaker, unless the sentence has a speaker already.
      const std::size_t sentence = sentence_start(w);
      bool earlier_cue = false;
      for (std::size_t k = sentence; k < speaker->first; ++k) earlier_cue = earlier_cue || cue_at(k) || used_[k];
      if (!earlier_cue && sentence + 1 < speaker->first && (t_.gap_before(speaker->first) & kComma)) {
        add(speaker, w, cue_last, words_span(sentence, speaker->first), false);
      } else if (declines) {
        add(speaker, w, cue_last, t_.span(w_[cue_last - 1].end, w_[cue_last - 1].end), false);  // nothing reported
      }
      continue;
    }
    // "... has replied, though ...": the writer's clause, not what was said
    if ((t_.gap_before(from) & kComma) && in(kClauseOpeners, w_[from].lower)) continue;
    add(speaker, cue_first, cue_last, t_.span(w_[from].start, clause_end(from)), false);
  }
  std::sort(out_.begin(), out_.end(), [](const Extracted& a, const Extracted& b) { return a.content.start < b.content.start; });
  // A quote with no speaker inside another attribution's content is part of
  // it (the fragments of a partial quote), not a statement of its own.
  std::size_t reach = 0;
  std::vector<Extracted> kept;
  kept.reserve(out_.size());
  for (Extracted& e : out_) {
    if (e.cue || e.content.end > reach) {
      if (e.cue) reach = std::max(reach, e.content.end);
      kept.push_back(std::move(e));
    }
  }
  for (Extracted& e : kept) resolve(e);  // in text order: "he" is the nearest name before
  return kept;
}

}  // namespace

std::vector<Extracted> extract_attributions(std::string_view text, const KnownActors& known) {
  if (text.size() >= 0xffffffffu) throw Error(ErrorCode::kInvalidData, "an article of 4 GiB or more cannot be read");
  const Text t(text);
  return Extractor(t, known).run();
}

}  // namespace gainsay
