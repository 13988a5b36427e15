#include "gainsay/csv_sheet.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include <utf8proc.h>

#include "gainsay/error.h"
#include "gainsay/progress.h"
#include "gainsay/text.h"
#include "id_index.h"

namespace gainsay {
namespace {

const std::vector<std::string_view> kColumns = {
    "story",      "id",        "by",          "claim",       "stance",     "date",        "source",
    "attribution", "quote",    "note",        "responds_to", "repeats",    "via",         "claim_text",
    "actor_name", "source_url", "actor_kind", "actor_member_of", "claim_about", "side"};

// One field of a record: its text, a view into the sheet (or into the
// reader's scratch when doubled quotes had to be undone, valid until the next
// record), and the byte offset where it starts.
struct Field {
  std::string_view text;
  std::size_t offset = 0;
};

// Reads RFC 4180 records one at a time, without copying fields that hold no
// doubled quotes. Lines and columns are worked out only for a field that a
// message names: the reader knows the line and offset where each record
// starts, and counts from there.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xef\xbb\xbf") pos_ = 3;
    line_start_ = pos_;
  }

  // The next record, in `fields`; false at the end or on malformed text
  // (then error() is set).
  bool next(std::vector<Field>& fields) {
    fields.clear();
    scratch_.clear();
    if (pos_ >= text_.size()) return false;
    record_line_ = line_;
    record_line_start_ = line_start_;
    record_start_ = pos_;
    // Fields are ranges first: scratch may grow while the record is read.
    ranges_.clear();
    while (true) {
      const std::size_t start = pos_;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        ++pos_;
        const std::size_t scratch_begin = scratch_.size();
        std::size_t run = pos_;
        bool doubled = false, closed = false;
        while (pos_ < text_.size()) {
          const char c = text_[pos_];
          if (c == '"') {
            if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
              scratch_.append(text_.data() + run, pos_ + 1 - run);
              pos_ += 2;
              run = pos_;
              doubled = true;
              continue;
            }
            closed = true;
            break;
          }
          if (c == '\n') {
            ++line_;
            line_start_ = pos_ + 1;
          }
          ++pos_;
        }
        if (!closed) return fail("a quoted field opened here is never closed", start);
        if (doubled) {
          scratch_.append(text_.data() + run, pos_ - run);
          ranges_.push_back({true, scratch_begin, scratch_.size(), start});
        } else {
          ranges_.push_back({false, start + 1, pos_, start});
        }
        ++pos_;  // the closing quote
        if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
          return fail("expected a comma or the end of the row after a quoted field", pos_);
        }
      } else {
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
        ranges_.push_back({false, start, pos_, start});
      }
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        if (pos_ == text_.size()) ranges_.push_back({false, pos_, pos_, pos_});
        else continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '\n') {
        ++pos_;
        ++line_;
        line_start_ = pos_;
      }
      break;
    }
    for (const Range& r : ranges_) {
      const std::string_view from = r.in_scratch ? std::string_view(scratch_) : text_;
      fields.push_back({from.substr(r.begin, r.end - r.begin), r.offset});
    }
    return true;
  }

  // The line and column (in code points, from 1) of a byte offset within
  // the record last read, or of the error.
  std::pair<std::size_t, std::size_t> place(std::size_t offset) const {
    std::size_t line = record_line_, line_start = record_line_start_;
    for (std::size_t i = record_start_; i < offset && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    std::size_t column = 1;
    for (std::size_t i = line_start; i < offset && i < text_.size(); ++i) {
      column += (static_cast<unsigned char>(text_[i]) & 0xc0) != 0x80;
    }
    return {line, column};
  }

  const std::string& error() const { return error_; }
  std::size_t position() const { return pos_; }
  std::size_t error_offset() const { return error_offset_; }

 private:
  bool fail(std::string message, std::size_t offset) {
    error_ = std::move(message);
    error_offset_ = offset;
    return false;
  }

  struct Range {
    bool in_scratch;
    std::size_t begin, end, offset;
  };
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1, line_start_ = 0;
  std::size_t record_line_ = 1, record_line_start_ = 0, record_start_ = 0;
  std::string scratch_;
  std::vector<Range> ranges_;
  std::string error_;
  std::size_t error_offset_ = 0;
};

// The line and column (in code points, from 1) of a byte offset of the
// sheet, counted from its start: for the checks made once every row is read,
// which name a field of an earlier row. Only a message pays for the count.
std::pair<std::size_t, std::size_t> place_in(std::string_view text, std::size_t offset) {
  const std::size_t bom = text.substr(0, 3) == "\xef\xbb\xbf" ? 3 : 0;
  const auto end = text.begin() + static_cast<std::ptrdiff_t>(std::min(offset, text.size()));
  const std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), end, '\n'));
  std::size_t from = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  from = from == std::string_view::npos || offset == 0 ? bom : from + 1;
  std::size_t column = 1;
  for (std::size_t i = from; i < offset && i < text.size(); ++i) column += (static_cast<unsigned char>(text[i]) & 0xc0) != 0x80;
  return {line, column};
}

// The first byte that is not UTF-8 text (or is NUL), or npos. ASCII, which
// is nearly all of a sheet, is checked eight bytes at a time.
std::size_t first_non_text(std::string_view text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  for (std::size_t pos = 0; pos < text.size();) {
    if (pos + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + pos, 8);
      // No byte is zero and none has its high bit set: eight ASCII characters.
      if (((word - kOnes) & ~word & kHighs) == 0 && (word & kHighs) == 0) {
        pos += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c == 0) return pos;
    if (c < 0x80) {
      ++pos;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                    static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (n <= 0) return pos;
    pos += static_cast<std::size_t>(n);
  }
  return std::string_view::npos;
}

std::string slug_of_file(const std::string& file_name) {
  return slug(std::filesystem::path(file_name).stem().string(), 64, "sheet");
}

}  // namespace

bool is_csv_file(const std::string& path) {
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
  return extension == ".csv";
}

StoryFilesResult parse_csv_sheet(std::string_view text, const std::string& file_name, const std::string& story_id,
                                 Progress* progress) {
  StoryFilesResult result;
  std::size_t errors = 0, suppressed = 0;
  auto error = [&](std::size_t line, std::size_t column, std::string message) {
    if (errors >= kMaxErrorsPerFile) {
      ++suppressed;
      return;
    }
    ++errors;
    result.diagnostics.push_back({file_name, line, column, Diagnostic::Severity::kError, std::move(message)});
  };
  // Text first: UTF-8 without NUL bytes, or a clear error at its place.
  if (const std::size_t bad = first_non_text(text); bad != std::string_view::npos) {
    const std::size_t line_start = text.rfind('\n', bad == 0 ? 0 : bad - 1);
    const std::size_t from = bad == 0 || line_start == std::string_view::npos ? 0 : line_start + 1;
    std::size_t column = 1;
    for (std::size_t i = from; i < bad; ++i) column += (static_cast<unsigned char>(text[i]) & 0xc0) != 0x80;
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n'));
    error(line, column, text[bad] == 0 ? "NUL byte; a sheet must be text" : "invalid UTF-8; a sheet must be UTF-8 text");
    return result;
  }
  CsvReader reader(text);
  std::vector<Field> row;
  // Malformed text is reported alone, as nothing after it can be read.
  auto malformed = [&] {
    result.diagnostics.clear();
    errors = 0;
    suppressed = 0;
    const auto [line, column] = reader.place(reader.error_offset());
    error(line, column, "malformed CSV: " + reader.error());
    return result;
  };
  if (!reader.next(row)) {
    if (!reader.error().empty()) return malformed();
    error(0, 0, "empty sheet; expected a header row naming the columns (id, by, claim, stance, ...)");
    return result;
  }
  // The header: every column known, none twice, the required ones present.
  enum Column : std::size_t {
    kStory, kId, kBy, kClaim, kStance, kDate, kSource, kAttribution, kQuote, kNote, kRespondsTo, kRepeats, kVia,
    kClaimText, kActorName, kSourceUrl, kActorKind, kActorMemberOf, kClaimAbout, kSide, kColumnCount
  };
  constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);
  std::array<std::size_t, kColumnCount> column_of;
  column_of.fill(kAbsent);
  const std::size_t width = row.size();
  for (std::size_t i = 0; i < row.size(); ++i) {
    const Field& f = row[i];
    const auto known = std::find(kColumns.begin(), kColumns.end(), f.text);
    if (known == kColumns.end()) {
      std::string expected;
      for (const auto& c : kColumns) expected += (expected.empty() ? "" : ", ") + std::string(c);
      const auto [line, column] = reader.place(f.offset);
      error(line, column, "unknown column '" + std::string(f.text) + "'; expected one of: " + expected);
    } else if (std::size_t& slot = column_of[static_cast<std::size_t>(known - kColumns.begin())]; slot == kAbsent) {
      slot = i;
    } else {
      const auto [line, column] = reader.place(f.offset);
      error(line, column, "column '" + std::string(f.text) + "' given twice");
    }
  }
  for (const Column required : {kId, kBy, kClaim, kStance}) {
    if (column_of[required] == kAbsent) error(1, 1, "missing required column '" + std::string(kColumns[required]) + "'");
  }
  if (errors > 0) return result;

  // Rows become the story's records; each field is checked here, and a
  // problem is reported at the field's line and column.
  struct Built {
    Story story;
    IdIndex actor, claim, source, statement;
    // A side column is optional and redundant: checked against the chains.
    struct DeclaredSide {
      std::string actor, side;
      std::size_t line, column;
      std::string where;
    };
    std::vector<DeclaredSide> declared_sides;
    // The side each actor was first declared on; any other one it is
    // declared on is kept in sides_seen. Each pair is checked once.
    std::vector<std::string> first_side;
    std::unordered_set<std::string> sides_seen;
    // Where to point the checks made once every row is read: the field that
    // named each claim first, that last set each actor's member_of, and each
    // reference to a statement (byte offsets into the sheet).
    std::vector<std::size_t> claim_offset, member_of_offset;
    struct StatementReference {
      std::uint32_t statement;
      bool repeats;
      std::size_t record, offset;
    };
    std::vector<StatementReference> statement_references;
    // What rows have set so far on each actor, claim and source, kept dense
    // and apart from the records: a sheet names them again row after row,
    // and in a story of a million rows the records lie scattered over more
    // memory than the cache holds, so they are touched only to change them.
    struct ActorSet {
      bool named = false;  // a name other than the id
      ActorKind kind = ActorKind::kPerson;
      std::uint32_t member_of = StatementLinks::kNone;
    };
    std::vector<ActorSet> actor_set;
    std::vector<std::uint8_t> claim_has_text, claim_has_about, source_has_url;
  };
  std::map<std::string, Built> stories;
  const std::string default_story = story_id.empty() ? slug_of_file(file_name) : story_id;
  Built* last = nullptr;
  auto get = [&](Column c) -> std::string_view {
    return column_of[c] == kAbsent ? std::string_view() : row[column_of[c]].text;
  };
  auto place = [&](Column c) {
    return reader.place(column_of[c] == kAbsent ? row.front().offset : row[column_of[c]].offset);
  };
  const auto rows_expected = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  std::size_t record = 1;
  while (reader.next(row)) {
    ++record;
    if (record % 4096 == 0) {
      if (interrupt_requested()) throw Error(ErrorCode::kInterrupted, "interrupted; nothing was imported");
      if (progress) progress->update(reader.position());
    }
    if (row.size() == 1 && row[0].text.empty()) continue;  // a blank line
    const std::string where = "row " + std::to_string(record);
    if (row.size() != width) {
      const auto [line, column] = reader.place(row.front().offset);
      error(line, column, where + " has " + std::to_string(row.size()) + " fields; the header has " + std::to_string(width));
      continue;
    }
    const std::string_view named_story = story_id.empty() ? get(kStory) : std::string_view();
    const std::string_view sid = named_story.empty() ? std::string_view(default_story) : named_story;
    if (!last || last->story.id.value != sid) {
      const bool first_story = stories.empty();
      last = &stories[std::string(sid)];
      if (last->story.id.empty()) {
        // The first story is sized for the whole sheet, which is usually all
        // of one story.
        if (first_story) {
          last->statement = IdIndex(rows_expected);
          last->story.statements.reserve(rows_expected);
          last->story.links.statements.reserve(rows_expected);
        }
        last->story.id = StoryId{std::string(sid)};
        last->story.origin = file_name;
        last->story.title = std::string(sid);
      }
    }
    Built& b = *last;
    auto check_id = [&](Column c, std::string_view value) {
      if (value.empty()) return false;
      const bool slug = value.size() <= 64 && (std::islower(static_cast<unsigned char>(value[0])) || std::isdigit(static_cast<unsigned char>(value[0]))) &&
                        std::all_of(value.begin(), value.end(), [](char ch) {
                          return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.';
                        });
      if (!slug) {
        const auto [line, column] = place(c);
        error(line, column, where + ", column " + std::string(kColumns[c]) + ": invalid id '" + std::string(value) +
                                "': expected a slug of lowercase letters, digits, '-', '_' or '.' (at most 64)");
      }
      return slug;
    };
    // The ids the row names, looked up below, are hashed and fetched at once.
    const std::string_view id = get(kId), by = get(kBy), claim = get(kClaim), source = get(kSource);
    const std::uint64_t id_hash = b.statement.prepare(id), by_hash = b.actor.prepare(by),
                        claim_hash = b.claim.prepare(claim), source_hash = b.source.prepare(source);
    auto ensure_actor = [&](std::string_view actor, std::optional<std::uint64_t> hash = std::nullopt) {
      const auto [position, fresh] = hash ? b.actor.insert(actor, *hash) : b.actor.insert(actor);
      if (fresh) {
        b.story.actors.push_back({ActorId{std::string(actor)}, std::string(actor), ActorKind::kPerson, "", {}, {}, {}});
        b.actor_set.emplace_back();
      }
      return position;
    };
    Statement s;
    StatementLinks links;  // what the row's references resolve to, for the store
    for (const Column required : {kId, kBy, kClaim, kStance}) {
      if (get(required).empty()) {
        const auto [line, column] = place(required);
        error(line, column, where + ": the required column '" + std::string(kColumns[required]) + "' is empty");
      }
    }
    if (!check_id(kId, id) || !check_id(kBy, by) || !check_id(kClaim, claim)) continue;
    if (!b.statement.insert(id, id_hash).second) {
      const auto [line, column] = place(kId);
      error(line, column, where + ": duplicate statement id '" + std::string(id) + "'");
      continue;
    }
    s.id = StatementId{std::string(id)};
    // The actor: named and placed by the first row that says so.
    const std::size_t actor_index = ensure_actor(by, by_hash);
    if (const std::string_view name = get(kActorName); !name.empty() && !b.actor_set[actor_index].named) {
      b.story.actors[actor_index].name = std::string(name);
      b.actor_set[actor_index].named = name != by;
    }
    if (const std::string_view kind = get(kActorKind); !kind.empty()) {
      if (auto parsed = parse_actor_kind(kind)) {
        if (b.actor_set[actor_index].kind != *parsed) {
          b.story.actors[actor_index].kind = *parsed;
          b.actor_set[actor_index].kind = *parsed;
        }
      } else {
        const auto [line, column] = place(kActorKind);
        error(line, column, where + ", column actor_kind: unknown actor kind '" + std::string(kind) + "'");
      }
    }
    if (const std::string_view parent = get(kActorMemberOf); !parent.empty() && check_id(kActorMemberOf, parent)) {
      const std::uint32_t parent_index = ensure_actor(parent);
      if (b.actor_set[actor_index].member_of != parent_index) {
        b.actor_set[actor_index].member_of = parent_index;
        b.story.actors[actor_index].member_of = ActorId{std::string(parent)};
        if (b.member_of_offset.size() <= actor_index) b.member_of_offset.resize(actor_index + 1);
        b.member_of_offset[actor_index] = row[column_of[kActorMemberOf]].offset;
      }
    }
    s.by = ActorId{std::string(by)};
    links.by = actor_index;
    // The claim, with its text from the first row that gives one.
    const auto [claim_index, fresh_claim] = b.claim.insert(claim, claim_hash);
    if (fresh_claim) {
      b.story.claims.push_back({ClaimId{std::string(claim)}, "", {}, {}, {}});
      b.claim_offset.push_back(row[column_of[kClaim]].offset);
      b.claim_has_text.push_back(false);
      b.claim_has_about.push_back(false);
    }
    if (const std::string_view claim_text = get(kClaimText); !b.claim_has_text[claim_index] && !claim_text.empty()) {
      b.story.claims[claim_index].text = std::string(claim_text);
      b.claim_has_text[claim_index] = true;
    }
    if (const std::string_view about = get(kClaimAbout);
        !about.empty() && !b.claim_has_about[claim_index] && check_id(kClaimAbout, about)) {
      ensure_actor(about);
      b.story.claims[claim_index].about.push_back(ActorId{std::string(about)});
      b.claim_has_about[claim_index] = true;
    }
    s.claim = ClaimId{std::string(claim)};
    links.claim = claim_index;
    if (const std::string_view stance = get(kStance); auto parsed = parse_stance(stance)) {
      s.stance = *parsed;
    } else if (!stance.empty()) {
      const auto [line, column] = place(kStance);
      error(line, column, where + ", column stance: unknown stance '" + std::string(stance) + "'");
    }
    if (const std::string_view date = get(kDate); !date.empty()) {
      try {
        s.date = Date::parse(std::string(date));
      } catch (const Error& e) {
        const auto [line, column] = place(kDate);
        error(line, column, where + ", column date: " + e.what());
      }
    }
    if (const std::string_view attribution = get(kAttribution); !attribution.empty()) {
      if (auto parsed = parse_attribution(attribution)) {
        s.attribution = *parsed;
      } else {
        const auto [line, column] = place(kAttribution);
        error(line, column, where + ", column attribution: unknown attribution '" + std::string(attribution) + "'");
      }
    }
    if (!source.empty() && check_id(kSource, source)) {
      const auto [source_index, fresh_source] = b.source.insert(source, source_hash);
      if (fresh_source) {
        b.story.sources.push_back({SourceId{std::string(source)}, {}, "", "", {}, "", ""});
        b.source_has_url.push_back(false);
      }
      if (const std::string_view url = get(kSourceUrl); !b.source_has_url[source_index] && !url.empty()) {
        b.story.sources[source_index].url = std::string(url);
        b.source_has_url[source_index] = true;
      }
      s.source = SourceId{std::string(source)};
      links.source = source_index;
    }
    s.quote = std::string(get(kQuote));
    s.note = std::string(get(kNote));
    for (const Column key : {kRespondsTo, kRepeats}) {
      const std::string_view target = get(key);
      if (target.empty() || !check_id(key, target)) continue;
      if (target == id) {
        const auto [line, column] = place(key);
        error(line, column, where + ", column " + std::string(kColumns[key]) + ": a statement cannot " +
                                (key == kRepeats ? "repeat" : "respond to") + " itself");
        continue;
      }
      (key == kRepeats ? s.repeats : s.responds_to) = StatementId{std::string(target)};
      b.statement_references.push_back({static_cast<std::uint32_t>(b.story.statements.size()), key == kRepeats, record,
                                        row[column_of[key]].offset});
    }
    if (const std::string_view via = get(kVia); !via.empty() && check_id(kVia, via)) {
      links.via = ensure_actor(via);
      s.via = ActorId{std::string(via)};
    }
    if (const std::string_view side = get(kSide); !side.empty()) {
      if (b.first_side.size() <= actor_index) b.first_side.resize(actor_index + 1);
      std::string& first = b.first_side[actor_index];
      const bool new_pair = first.empty() ? (first = side, true)
                            : first == side ? false
                                            : b.sides_seen.insert(std::string(by) + '\n' + std::string(side)).second;
      if (new_pair) {
        const auto [line, column] = place(kSide);
        b.declared_sides.push_back({std::string(by), std::string(side), line, column, where});
      }
    }
    b.story.statements.push_back(std::move(s));
    b.story.links.statements.push_back(links);
  }
  if (!reader.error().empty()) return malformed();
  // References to statements, and claims without text, once every row is read.
  for (auto& [sid, b] : stories) {
    // Named apart from `b`: a lambda may not capture a structured binding
    // (clang 14, which builds the fuzz targets, refuses it).
    const auto& references = b.statement_references;
    const auto& statements = b.story.statements;
    const IdIndex& index = b.statement;
    std::vector<StatementLinks>& links = b.story.links.statements;
    auto target_of = [&](std::size_t k) -> const std::string& {
      const Statement& s = statements[references[k].statement];
      return (references[k].repeats ? s.repeats : s.responds_to)->value;
    };
    index.each_prepared(references.size(), target_of, [&](std::size_t k, std::uint64_t hash) {
      const auto& ref = references[k];
      const std::string& target = target_of(k);
      if (const auto position = index.find(target, hash)) {
        (ref.repeats ? links[ref.statement].repeats : links[ref.statement].responds_to) = *position;
      } else {
        const auto [line, column] = place_in(text, ref.offset);
        error(line, column, "row " + std::to_string(ref.record) + ", column " + (ref.repeats ? "repeats" : "responds_to") +
                                ": unknown statement '" + target + "'; expected the id of a statement in this sheet");
      }
    });
    for (std::size_t i = 0; i < b.story.claims.size(); ++i) {
      const Claim& c = b.story.claims[i];
      if (c.text.find_first_not_of(" \t\r\n") == std::string::npos) {
        const auto [line, column] = place_in(text, b.claim_offset[i]);
        error(line, column, "claim '" + c.id.value + "' has no text: give it in the claim_text column of one of its rows");
      }
    }
    // member_of cycles.
    std::unordered_map<std::string, const Actor*> by_id;
    for (const Actor& a : b.story.actors) by_id.emplace(a.id.value, &a);
    std::unordered_map<std::string, std::string> root;
    for (std::size_t i = 0; i < b.story.actors.size(); ++i) {
      const Actor& a = b.story.actors[i];
      const Actor* at = &a;
      for (std::size_t steps = 0; at && at->member_of; ++steps) {
        if (steps > by_id.size()) {
          const auto [line, column] = place_in(text, b.member_of_offset.at(i));
          error(line, column, "actor_member_of cycle through actor '" + a.id.value + "'");
          at = nullptr;
          break;
        }
        at = by_id.at(at->member_of->value);
      }
      if (at) root[a.id.value] = at->id.value;
    }
    for (const auto& d : b.declared_sides) {
      auto it = root.find(d.actor);
      if (it != root.end() && it->second != d.side) {
        error(d.line, d.column, d.where + ", column side: '" + d.side + "' is not the side of '" + d.actor +
                                    "', whose actor_member_of chain ends at '" + it->second + "'");
      }
    }
  }
  if (suppressed > 0) {
    result.diagnostics.push_back({file_name, 0, 0, Diagnostic::Severity::kError,
                                  std::to_string(suppressed) + " more errors not shown"});
  }
  if (has_errors(result.diagnostics)) return result;
  for (auto& [sid, b] : stories) result.stories.push_back(std::move(b.story));
  return result;
}

}  // namespace gainsay
