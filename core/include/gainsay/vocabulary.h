// The fixed words of the model (design.md): stances and what they count as,
// attributions, and kinds of actor. Each parses from and prints as its word.
#pragma once

#include <cstdint>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gainsay {

enum class Stance : std::uint8_t {
  kAsserts,
  kCorroborates,
  kConfirms,
  kPartiallyAdmits,
  kDenies,
  kDismisses,
  kDisputes,
  kDeflects,
  kDeclines,
  kCounterAccuses,
  kRetracts,
};

// What a stance counts as. A partial admission is against the claim but
// concedes part of it, so it is kept apart from a flat denial.
enum class StanceClass { kFor, kAgainst, kPartial, kEvasive, kWithdrawn };

enum class Attribution : std::uint8_t { kOnRecord, kOfficialStatement, kAnonymous, kViaMedia, kUnknown };

enum class ActorKind {
  kPerson,
  kGovernment,
  kMinistry,
  kAgency,
  kMilitary,
  kParty,
  kOrganization,
  kOutlet,
  kGroup,
  kAnonymous,
};

StanceClass stance_class(Stance stance);
// For and against in design.md's sense: kPartial counts as against.
bool is_for(Stance stance);
bool is_against(Stance stance);

std::string_view to_string(Stance stance);
std::string_view to_string(StanceClass stance_class);
std::string_view to_string(Attribution attribution);
std::string_view to_string(ActorKind kind);

std::optional<Stance> parse_stance(std::string_view word);
std::optional<Attribution> parse_attribution(std::string_view word);
std::optional<ActorKind> parse_actor_kind(std::string_view word);

// Every word, in the order of design.md, for "expected one of" messages.
const std::vector<std::string_view>& stance_words();
const std::vector<std::string_view>& attribution_words();
const std::vector<std::string_view>& actor_kind_words();

}  // namespace gainsay
