// The extractor's word lists: the reporting verbs with the stance each
// suggests, and the closed classes of news English its rules ask about
// (pronouns, role nouns, determiners, days, outlets...). Internal to the
// extractor; the lists are in extract_lexicon.cpp.
#pragma once

#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "gainsay/vocabulary.h"

namespace gainsay::extraction {

struct Cue {
  Stance stance;
};

// Reporting verbs, each with the stance it suggests ("denied": denies).
const std::unordered_map<std::string_view, Cue>& verb_cues();

inline bool in(const std::unordered_set<std::string_view>& set, std::string_view word) { return set.count(word) > 0; }

// Participles that open a second statement of the sentence's subject: "..., saying that ...".
inline bool is_participle_cue(std::string_view w) { return w.size() > 4 && w.substr(w.size() - 3) == "ing"; }

// First words of the multi-word cues that cue_words() reads ("declined to
// comment", "cast doubt on", "called for", "placed blame on", "issued a statement").
extern const std::unordered_set<std::string_view> kPhraseHeads;
extern const std::unordered_set<std::string_view> kPronouns;
extern const std::unordered_set<std::string_view> kRoleNouns;
extern const std::unordered_set<std::string_view> kJoin;
extern const std::unordered_set<std::string_view> kSkipBetween;
extern const std::unordered_set<std::string_view> kDays;
extern const std::unordered_set<std::string_view> kNotCueAfter;
// Lines that end an article's body on a web page (its furniture follows).
extern const std::unordered_set<std::string_view> kFurniture;
extern const std::unordered_set<std::string_view> kNotSpeakerStart;
extern const std::unordered_set<std::string_view> kTitleWords;
extern const std::unordered_set<std::string_view> kOutlets;
// Words that open a noun phrase and belong to a speaker's span ("the
// council", "His statements").
extern const std::unordered_set<std::string_view> kDeterminers;
// Prepositions that join a noun phrase to its complement ("a spokesperson
// for the office", "analysts at the bank").
extern const std::unordered_set<std::string_view> kNounPrepositions;
// Lowercase words that cannot be part of a speaker's noun phrase: function
// words, auxiliaries, pronouns. Any other lowercase word may be a noun or an
// adjective in it ("the clinic's owner", "mining engineers").
extern const std::unordered_set<std::string_view> kNotInNounPhrase;
// Words that open a clause, so that a bare noun phrase after them is its subject.
extern const std::unordered_set<std::string_view> kClauseOpeners;
extern const std::unordered_set<std::string_view> kRelatives;
// Words that open an adjunct of a reporting act ("said in a briefing on
// Wednesday that ..."), so that a "that" after them still opens the content.
extern const std::unordered_set<std::string_view> kAdjunctOpeners;
// Nouns that end in "-ly" like an adverb.
extern const std::unordered_set<std::string_view> kLyNouns;
// Verbs after "declined to" / "refused to" that make the phrase a reporting cue.
extern const std::unordered_set<std::string_view> kSpeechAfterDecline;

}  // namespace gainsay::extraction
