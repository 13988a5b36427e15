// The model of design.md as plain value types: actors, sources, claims and
// statements, gathered in a Story. Ids are short slugs, unique per kind
// within their story; distinct id types keep an actor id from being passed
// where a claim id belongs.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "gainsay/date.h"
#include "gainsay/vocabulary.h"

namespace gainsay {

template <typename Tag>
struct Id {
  std::string value;

  auto operator<=>(const Id&) const = default;
  bool empty() const { return value.empty(); }
};

// An id that may be absent, in the room of the id alone (std::optional
// would add eight bytes, four times in every statement). Ids are never
// empty, so the empty id stands for none. The interface is std::optional's.
template <typename IdT>
class OptionalId {
 public:
  OptionalId() = default;
  OptionalId(std::nullopt_t) {}
  OptionalId(IdT id) : id_(std::move(id)) {}
  OptionalId(const std::optional<IdT>& id) : id_(id.value_or(IdT{})) {}
  OptionalId& operator=(std::nullopt_t) {
    reset();
    return *this;
  }

  bool has_value() const { return !id_.empty(); }
  explicit operator bool() const { return has_value(); }
  const IdT& operator*() const { return id_; }
  const IdT* operator->() const { return &id_; }
  const IdT& value() const {
    if (!has_value()) throw std::bad_optional_access();
    return id_;
  }
  void reset() { id_.value.clear(); }
  operator std::optional<IdT>() const { return has_value() ? std::optional<IdT>(id_) : std::nullopt; }

  bool operator==(const OptionalId&) const = default;

 private:
  IdT id_;
};

using StoryId = Id<struct StoryTag>;
using ActorId = Id<struct ActorTag>;
using SourceId = Id<struct SourceTag>;
using ClaimId = Id<struct ClaimTag>;
using StatementId = Id<struct StatementTag>;

struct Actor {
  ActorId id;
  std::string name;
  ActorKind kind = ActorKind::kPerson;
  std::string role;                        // free text: "foreign ministry spokesperson"
  std::optional<ActorId> member_of;        // the chain's root is the actor's side
  std::optional<ActorId> affiliated_with;  // an outlet's patron, e.g. state media
  std::vector<std::string> aliases;

  bool operator==(const Actor&) const = default;
};

struct Source {
  SourceId id;
  std::optional<ActorId> outlet;
  std::string title;
  std::string author;
  std::optional<Date> published;
  std::string url;
  std::string text;  // local copy of the text, relative to the story file

  bool operator==(const Source&) const = default;
};

struct Verdict {
  std::string rating;
  std::optional<ActorId> by;
  std::optional<Date> date;
  std::string url;
  std::string explanation;

  bool operator==(const Verdict&) const = default;
};

struct Claim {
  ClaimId id;
  std::string text;
  std::vector<ActorId> about;        // the accused
  std::vector<ClaimId> contradicts;  // claims that cannot both be true with this one
  std::optional<Verdict> verdict;

  bool operator==(const Claim&) const = default;
};

// Kept small, as a story may hold millions: the small fields come last,
// together, and an absent reference costs no more than a present one.
struct Statement {
  StatementId id;
  ActorId by;
  ClaimId claim;
  OptionalId<SourceId> source;
  std::string quote;  // verbatim words of the speaker, if the source quotes them
  std::string note;   // paraphrase or qualifier, e.g. what a partial admission concedes
  OptionalId<StatementId> responds_to;
  OptionalId<StatementId> repeats;  // the same utterance, reported again
  OptionalId<ActorId> via;          // intermediary through whom it was reported
  std::optional<Date> date;
  Stance stance = Stance::kAsserts;
  Attribution attribution = Attribution::kUnknown;

  bool operator==(const Statement&) const = default;
};

// Where one statement's references point: positions in its story's
// actors, claims, sources and statements, kNone for a reference it lacks.
struct StatementLinks {
  static constexpr std::uint32_t kNone = UINT32_MAX;
  std::uint32_t by = kNone, claim = kNone, source = kNone, via = kNone, responds_to = kNone, repeats = kNone;
};

// The positions a reader found while it resolved every reference of a
// story (the sheet reader, the store), kept so that the store and the graph
// need not look a million ids up again. They are a cache of what the ids
// say, not part of the story's value: stories compare equal whatever their
// links, and whoever uses a link first checks that the record at that
// position has the id named.
struct ResolvedLinks {
  std::vector<StatementLinks> statements;  // empty, or one per statement

  bool operator==(const ResolvedLinks&) const { return true; }
};

struct Story {
  StoryId id;
  std::string title;
  std::string description;
  std::string origin;  // the file it was read from; texts resolve against its folder
  std::vector<Actor> actors;
  std::vector<Source> sources;
  std::vector<Claim> claims;
  std::vector<Statement> statements;
  ResolvedLinks links;

  bool operator==(const Story&) const = default;
};

}  // namespace gainsay

template <typename Tag>
struct std::hash<gainsay::Id<Tag>> {
  std::size_t operator()(const gainsay::Id<Tag>& id) const noexcept {
    return std::hash<std::string>{}(id.value);
  }
};
