#include "gainsay/vocabulary.h"

#include <array>
#include <utility>

namespace gainsay {
namespace {

// Each table lists the words in enum order, so a word's index is its value.
template <typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::string_view, N>& words, std::string_view word) {
  for (std::size_t i = 0; i < N; ++i) {
    if (words[i] == word) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

constexpr std::array<std::string_view, 11> kStanceWords = {
    "asserts", "corroborates", "confirms",  "partially-admits", "denies",  "dismisses",
    "disputes", "deflects",    "declines",  "counter-accuses",  "retracts"};
constexpr std::array<std::string_view, 5> kStanceClassWords = {"for", "against", "partial",
                                                               "evasive", "withdrawn"};
constexpr std::array<std::string_view, 5> kAttributionWords = {
    "on-record", "official-statement", "anonymous", "via-media", "unknown"};
constexpr std::array<std::string_view, 10> kActorKindWords = {
    "person", "government", "ministry", "agency", "military",
    "party",  "organization", "outlet", "group",  "anonymous"};

template <std::size_t N>
std::vector<std::string_view> as_vector(const std::array<std::string_view, N>& words) {
  return {words.begin(), words.end()};
}

}  // namespace

StanceClass stance_class(Stance stance) {
  switch (stance) {
    case Stance::kAsserts:
    case Stance::kCorroborates:
    case Stance::kConfirms:
      return StanceClass::kFor;
    case Stance::kPartiallyAdmits:
      return StanceClass::kPartial;
    case Stance::kDenies:
    case Stance::kDismisses:
    case Stance::kDisputes:
      return StanceClass::kAgainst;
    case Stance::kDeflects:
    case Stance::kDeclines:
    case Stance::kCounterAccuses:
      return StanceClass::kEvasive;
    case Stance::kRetracts:
      return StanceClass::kWithdrawn;
  }
  return StanceClass::kEvasive;
}

bool is_for(Stance stance) { return stance_class(stance) == StanceClass::kFor; }

bool is_against(Stance stance) {
  const StanceClass c = stance_class(stance);
  return c == StanceClass::kAgainst || c == StanceClass::kPartial;
}

std::string_view to_string(Stance stance) { return kStanceWords[static_cast<std::size_t>(stance)]; }
std::string_view to_string(StanceClass stance_class) {
  return kStanceClassWords[static_cast<std::size_t>(stance_class)];
}
std::string_view to_string(Attribution attribution) {
  return kAttributionWords[static_cast<std::size_t>(attribution)];
}
std::string_view to_string(ActorKind kind) { return kActorKindWords[static_cast<std::size_t>(kind)]; }

std::optional<Stance> parse_stance(std::string_view word) { return lookup<Stance>(kStanceWords, word); }
std::optional<Attribution> parse_attribution(std::string_view word) {
  return lookup<Attribution>(kAttributionWords, word);
}
std::optional<ActorKind> parse_actor_kind(std::string_view word) {
  return lookup<ActorKind>(kActorKindWords, word);
}

const std::vector<std::string_view>& stance_words() {
  static const auto words = as_vector(kStanceWords);
  return words;
}
const std::vector<std::string_view>& attribution_words() {
  static const auto words = as_vector(kAttributionWords);
  return words;
}
const std::vector<std::string_view>& actor_kind_words() {
  static const auto words = as_vector(kActorKindWords);
  return words;
}

}  // namespace gainsay
