#include "extract_lexicon.h"

namespace gainsay::extraction {

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
                          "expresses", "claim", "insist", "argue", "allege", "underscored", "underlined", "confessed",
                          "described", "describes", "describing", "accusing", "reiterating", "tell", "announcing",
                          "acknowledging", "admitting", "wrote", "posted", "testified", "hinting", "stating"}) {
      m[w] = {Stance::kAsserts};
    }
    for (const char* w : {"denied", "denies", "deny", "rejected", "rejects", "refuted", "refutes", "denying", "rejecting"}) {
      m[w] = {Stance::kDenies};
    }
    for (const char* w : {"dismissed", "dismisses", "ridiculed", "scoffed", "derided"}) m[w] = {Stance::kDismisses};
    for (const char* w : {"disputed", "disputes", "questioned", "questions", "contested", "challenged", "doubted", "questioning",
                          "disputing"}) {
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

// First words of the multi-word cues that cue_words() reads ("declined to
// comment", "cast doubt on", "called for", "placed blame on", "issued a statement").
const std::unordered_set<std::string_view> kPhraseHeads = {
    "declined", "refused", "declines", "refuses", "declining", "refusing", "cast",  "casts",  "casting",
    "called",   "calls",   "calling",  "placed",  "placing",   "places",   "issued", "issues", "issuing"};

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
    "publicly", "privately", "flatly", "firmly", "strongly", "quickly", "immediately", "has", "further", "simply",
    "did", "does", "do", "could", "can", "may", "might", "must", "should", "indirectly", "directly", "openly"};
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

// Words that open a noun phrase and belong to a speaker's span ("the
// council", "His statements").
const std::unordered_set<std::string_view> kDeterminers = {"the", "a", "an", "his", "her", "their", "its", "our",
                                                           "some", "several", "many", "two", "three", "four"};
// Prepositions that join a noun phrase to its complement ("a spokesperson
// for the office", "analysts at the bank").
const std::unordered_set<std::string_view> kNounPrepositions = {"of", "for", "at", "from", "in", "to"};
// Lowercase words that cannot be part of a speaker's noun phrase: function
// words, auxiliaries, pronouns. Any other lowercase word may be a noun or an
// adjective in it ("the clinic's owner", "mining engineers").
const std::unordered_set<std::string_view> kNotInNounPhrase = {
    "and", "but", "or", "nor", "so", "yet", "that", "which", "who", "whom", "whose", "when", "while", "where", "if",
    "because", "although", "though", "as", "than", "whether", "in", "on", "at", "by", "with", "from", "into", "about",
    "over", "after", "before", "during", "under", "against", "between", "through", "without", "within", "near",
    "since", "until", "to", "of", "for", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "do", "does", "did", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "it", "he",
    "she", "they", "we", "i", "you", "him", "them", "us", "me", "not", "no", "also", "there", "here", "then", "now",
    "only", "even", "just", "still", "too", "very", "this", "these", "those", "what", "said", "says", "later",
    "earlier", "again", "once", "however", "meanwhile", "instead", "all", "both", "each", "every", "any", "such",
    // irregular past tenses, which the "-ed" test misses
    "met", "made", "gave", "took", "held", "led", "left", "sent", "won", "lost", "saw", "came", "went", "began",
    "became", "brought", "bought", "sought", "kept", "wrote", "spoke", "struck", "thought", "found", "knew", "told",
    "got", "put", "ran", "stood", "fell", "paid", "meant", "felt", "heard", "let", "set", "cut", "hit", "spent"};
// Words that open a clause, so that a bare noun phrase after them is its subject.
const std::unordered_set<std::string_view> kClauseOpeners = {"and", "but", "that", "while", "as", "after", "when",
                                                             "because", "since", "although", "though", "where",
                                                             "if", "whereas", "before", "until"};
const std::unordered_set<std::string_view> kRelatives = {"who", "that", "which"};
// Words that open an adjunct of a reporting act ("said in a briefing on
// Wednesday that ..."), so that a "that" after them still opens the content.
const std::unordered_set<std::string_view> kAdjunctOpeners = {"in", "on", "at", "during", "after", "before", "late",
                                                              "earlier", "last", "this", "yesterday", "today",
                                                              "while", "when", "by", "through", "via", "over"};
// Nouns that end in "-ly" like an adverb.
const std::unordered_set<std::string_view> kLyNouns = {"family", "assembly", "rally", "ally", "supply", "monopoly",
                                                       "anomaly", "bully"};
// Verbs after "declined to" / "refused to" that make the phrase a reporting cue.
const std::unordered_set<std::string_view> kSpeechAfterDecline = {
    "comment", "say", "discuss", "elaborate", "expand", "confirm", "deny", "specify", "answer", "respond", "disclose",
    "identify", "name", "reveal", "speculate", "detail", "address", "explain", "give", "provide"};

}  // namespace gainsay::extraction
