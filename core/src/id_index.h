// IdIndex: positions of records by their id, for the bulk paths (a sheet of a
// million rows, the import or graph of a story that size). An open-addressing
// table of 32-bit hashes and positions, with the ids copied into one buffer
// of its own: a node-based std::unordered_map spent most of a large import in
// cache misses, and so did comparing against ids scattered through the text.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gainsay {

class IdIndex {
 public:
  explicit IdIndex(std::size_t expected = 0) { rehash(expected); }

  // The hash of `key`, for find() or insert() to come, whose first slot is
  // fetched into the cache meanwhile: a bulk reader asks for the ids of a
  // row at once, and the fetches from a table larger than the cache
  // overlap rather than follow one another.
  std::uint64_t prepare(std::string_view key) const {
    const std::uint64_t h = hash(key);
    if (!slots_.empty()) __builtin_prefetch(&slots_[h & mask_]);
    return h;
  }

  // Calls visit(i, hash) for each i in [0, count), with hash the prepare()
  // of key_of(i) made some keys before its turn: where one key after
  // another is looked up or inserted in an index larger than the cache, its
  // slot is fetched while the keys before it are dealt with. visit may
  // insert into this index.
  template <typename KeyOf, typename Visit>
  void each_prepared(std::size_t count, KeyOf key_of, Visit visit) const {
    constexpr std::size_t kAhead = 8;
    std::array<std::uint64_t, kAhead> hashes{};
    for (std::size_t i = 0; i < std::min(kAhead, count); ++i) hashes[i] = prepare(key_of(i));
    for (std::size_t i = 0; i < count; ++i) {
      const std::uint64_t hash = hashes[i % kAhead];
      if (i + kAhead < count) hashes[i % kAhead] = prepare(key_of(i + kAhead));
      visit(i, hash);
    }
  }

  // The position stored for `key`, or nullopt.
  std::optional<std::uint32_t> find(std::string_view key) const { return find(key, hash(key)); }
  std::optional<std::uint32_t> find(std::string_view key, std::uint64_t h) const {
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.position == kEmpty) return std::nullopt;
      if (slot.hash == static_cast<std::uint32_t>(h) && key_at(slot.position) == key) return slot.position;
    }
  }

  // Stores `key` at the next position (its count so far) unless present;
  // returns the key's position and whether it was new.
  std::pair<std::uint32_t, bool> insert(std::string_view key) { return insert(key, hash(key)); }
  // As above, with `h` from prepare(key).
  std::pair<std::uint32_t, bool> insert(std::string_view key, std::uint64_t h) {
    if ((size() + 1) * 4 > slots_.size() * 3) rehash(slots_.size());
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.position == kEmpty) {
        slot = {static_cast<std::uint32_t>(h), static_cast<std::uint32_t>(size())};
        keys_.append(key);
        ends_.push_back(keys_.size());
        return {slot.position, true};
      }
      if (slot.hash == static_cast<std::uint32_t>(h) && key_at(slot.position) == key) return {slot.position, false};
    }
  }

  std::size_t size() const { return ends_.size(); }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t position = kEmpty;
  };

  static std::uint64_t hash(std::string_view key) { return std::hash<std::string_view>{}(key); }

  std::string_view key_at(std::uint32_t position) const {
    const std::size_t begin = position == 0 ? 0 : ends_[position - 1];
    return std::string_view(keys_).substr(begin, ends_[position] - begin);
  }

  // Grows to hold at least `wanted` keys at three quarters full, and places
  // every key again.
  void rehash(std::size_t wanted) {
    std::size_t capacity = 16;
    while (capacity * 3 < (wanted + 1) * 4) capacity *= 2;
    if (capacity <= slots_.size()) capacity = slots_.size() * 2;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (std::uint32_t position = 0; position < size(); ++position) {
      const std::uint64_t h = hash(key_at(position));
      std::size_t i = h & mask_;
      while (slots_[i].position != kEmpty) i = (i + 1) & mask_;
      slots_[i] = {static_cast<std::uint32_t>(h), position};
    }
    ends_.reserve(wanted);
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::string keys_;               // every key, one after another
  std::vector<std::size_t> ends_;  // where each key ends in keys_
};

}  // namespace gainsay
