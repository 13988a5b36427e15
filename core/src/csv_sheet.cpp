#include "gainsay/csv_sheet.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <unordered_map>

#include <utf8proc.h>

#include "gainsay/text.h"

namespace gainsay {
namespace {

const std::vector<std::string_view> kColumns = {
    "story",      "id",        "by",          "claim",       "stance",     "date",        "source",
    "attribution", "quote",    "note",        "responds_to", "repeats",    "via",         "claim_text",
    "actor_name", "source_url", "actor_kind", "actor_member_of", "claim_about", "side"};

struct Field {
  std::string text;
  std::size_t line = 0;
  std::size_t column = 0;
};

// Splits RFC 4180 text into records of fields with their places. Returns an
// error message (and its place) for a quote left open or text after a
// closing quote.
struct Records {
  std::vector<std::vector<Field>> rows;
  std::string error;
  std::size_t line = 0, column = 0;
};

Records split(std::string_view text) {
  Records out;
  std::size_t pos = 0, line = 1, column = 1;
  if (text.substr(0, 3) == "\xef\xbb\xbf") pos = 3;
  auto advance = [&](char c) {
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) {
      ++column;
    }
  };
  std::vector<Field> row;
  while (pos < text.size()) {
    Field field{"", line, column};
    if (text[pos] == '"') {
      const std::size_t open_line = line, open_column = column;
      advance(text[pos++]);
      bool closed = false;
      while (pos < text.size()) {
        const char c = text[pos];
        if (c == '"') {
          if (pos + 1 < text.size() && text[pos + 1] == '"') {
            field.text += '"';
            advance(c);
            advance(c);
            pos += 2;
            continue;
          }
          advance(c);
          ++pos;
          closed = true;
          break;
        }
        field.text += c;
        advance(c);
        ++pos;
      }
      if (!closed) {
        out.error = "a quoted field opened here is never closed";
        out.line = open_line;
        out.column = open_column;
        return out;
      }
      if (pos < text.size() && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r') {
        out.error = "expected a comma or the end of the row after a quoted field";
        out.line = line;
        out.column = column;
        return out;
      }
    } else {
      while (pos < text.size() && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r') {
        field.text += text[pos];
        advance(text[pos++]);
      }
    }
    row.push_back(std::move(field));
    if (pos < text.size() && text[pos] == ',') {
      advance(text[pos++]);
      if (pos == text.size()) row.push_back({"", line, column});
      continue;
    }
    if (pos < text.size() && text[pos] == '\r') ++pos;
    if (pos < text.size() && text[pos] == '\n') advance(text[pos++]);
    out.rows.push_back(std::move(row));
    row.clear();
  }
  if (!row.empty()) out.rows.push_back(std::move(row));
  return out;
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

StoryFilesResult parse_csv_sheet(std::string_view text, const std::string& file_name, const std::string& story_id) {
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
  std::size_t text_line = 1, text_column = 1;
  for (std::size_t pos = 0; pos < text.size();) {
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                    static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (n <= 0 || cp == 0) {
      error(text_line, text_column, n <= 0 ? "invalid UTF-8; a sheet must be UTF-8 text" : "NUL byte; a sheet must be text");
      return result;
    }
    if (cp == '\n') {
      ++text_line;
      text_column = 1;
    } else {
      ++text_column;
    }
    pos += static_cast<std::size_t>(n);
  }
  Records records = split(text);
  if (!records.error.empty()) {
    error(records.line, records.column, "malformed CSV: " + records.error);
    return result;
  }
  if (records.rows.empty()) {
    error(0, 0, "empty sheet; expected a header row naming the columns (id, by, claim, stance, ...)");
    return result;
  }
  // The header: every column known, none twice, the required ones present.
  std::vector<std::string> names;
  std::map<std::string, std::size_t> column_of;
  for (const Field& f : records.rows[0]) {
    if (std::find(kColumns.begin(), kColumns.end(), f.text) == kColumns.end()) {
      std::string expected;
      for (const auto& c : kColumns) expected += (expected.empty() ? "" : ", ") + std::string(c);
      error(f.line, f.column, "unknown column '" + f.text + "'; expected one of: " + expected);
    } else if (!column_of.emplace(f.text, names.size()).second) {
      error(f.line, f.column, "column '" + f.text + "' given twice");
    }
    names.push_back(f.text);
  }
  for (const char* required : {"id", "by", "claim", "stance"}) {
    if (!column_of.count(required)) error(1, 1, "missing required column '" + std::string(required) + "'");
  }
  if (errors > 0) return result;

  // Rows become the story's records; each field is checked here, and a
  // problem is reported at the field's line and column.
  struct Built {
    Story story;
    std::unordered_map<std::string, std::size_t> actor, claim, source, statement;
    // A side column is optional and redundant: checked against the chains.
    struct DeclaredSide {
      std::string actor, side;
      std::size_t line, column;
      std::string where;
    };
    std::vector<DeclaredSide> declared_sides;
    // Places for the checks made once every row is read.
    struct StatementReference {
      std::string target, where, key;
      std::size_t line, column;
    };
    std::vector<StatementReference> statement_references;
    std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> claim_place, member_of_place;
  };
  std::map<std::string, Built> stories;
  const std::string default_story = story_id.empty() ? slug_of_file(file_name) : story_id;
  auto cell = [&](const std::vector<Field>& row, const char* name) -> const Field* {
    auto it = column_of.find(name);
    if (it == column_of.end() || it->second >= row.size()) return nullptr;
    return &row[it->second];
  };
  auto text_of = [&](const std::vector<Field>& row, const char* name) {
    const Field* f = cell(row, name);
    return f ? f->text : std::string();
  };
  for (std::size_t r = 1; r < records.rows.size(); ++r) {
    const auto& row = records.rows[r];
    if (row.size() == 1 && row[0].text.empty()) continue;  // a blank line
    const std::string where = "row " + std::to_string(r + 1);
    if (row.size() != names.size()) {
      error(row.front().line, row.front().column,
            where + " has " + std::to_string(row.size()) + " fields; the header has " + std::to_string(names.size()));
      continue;
    }
    const std::string sid = story_id.empty() && cell(row, "story") && !text_of(row, "story").empty() ? text_of(row, "story")
                                                                                                      : default_story;
    Built& b = stories[sid];
    b.story.id = StoryId{sid};
    b.story.origin = file_name;
    b.story.title = sid;
    auto place = [&](const char* name) { const Field* f = cell(row, name); return f ? std::make_pair(f->line, f->column) : std::make_pair(row.front().line, std::size_t{1}); };
    auto check_id = [&](const char* name, const std::string& value) {
      if (value.empty()) return false;
      const bool slug = value.size() <= 64 && (std::islower(static_cast<unsigned char>(value[0])) || std::isdigit(static_cast<unsigned char>(value[0]))) &&
                        std::all_of(value.begin(), value.end(), [](char c) {
                          return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
                        });
      if (!slug) {
        const auto [line, column] = place(name);
        error(line, column, where + ", column " + name + ": invalid id '" + value +
                                "': expected a slug of lowercase letters, digits, '-', '_' or '.' (at most 64)");
      }
      return slug;
    };
    auto ensure_actor = [&](const std::string& id) {
      auto [it, fresh] = b.actor.emplace(id, b.story.actors.size());
      if (fresh) b.story.actors.push_back({ActorId{id}, id, ActorKind::kPerson, "", {}, {}, {}});
      return it->second;
    };
    Statement s;
    const std::string id = text_of(row, "id"), by = text_of(row, "by"), claim = text_of(row, "claim");
    for (const char* required : {"id", "by", "claim", "stance"}) {
      if (text_of(row, required).empty()) {
        const auto [line, column] = place(required);
        error(line, column, where + ": the required column '" + std::string(required) + "' is empty");
      }
    }
    if (!check_id("id", id) || !check_id("by", by) || !check_id("claim", claim)) continue;
    if (!b.statement.emplace(id, b.story.statements.size()).second) {
      const auto [line, column] = place("id");
      error(line, column, where + ": duplicate statement id '" + id + "'");
      continue;
    }
    s.id = StatementId{id};
    // The actor: named and placed by the first row that says so.
    Actor& actor = b.story.actors[ensure_actor(by)];
    if (const std::string name = text_of(row, "actor_name"); !name.empty() && actor.name == actor.id.value) actor.name = name;
    if (const std::string kind = text_of(row, "actor_kind"); !kind.empty()) {
      if (auto parsed = parse_actor_kind(kind)) {
        actor.kind = *parsed;
      } else {
        const auto [line, column] = place("actor_kind");
        error(line, column, where + ", column actor_kind: unknown actor kind '" + kind + "'");
      }
    }
    if (const std::string parent = text_of(row, "actor_member_of"); !parent.empty() && check_id("actor_member_of", parent)) {
      b.member_of_place[by] = place("actor_member_of");
      const std::size_t parent_index = ensure_actor(parent);
      b.story.actors[b.actor.at(by)].member_of = b.story.actors[parent_index].id;
    }
    s.by = ActorId{by};
    // The claim, with its text from the first row that gives one.
    auto [ci, fresh_claim] = b.claim.emplace(claim, b.story.claims.size());
    if (fresh_claim) {
      b.story.claims.push_back({ClaimId{claim}, "", {}, {}, {}});
      b.claim_place[claim] = place("claim");
    }
    Claim& c = b.story.claims[ci->second];
    if (c.text.empty()) c.text = text_of(row, "claim_text");
    if (const std::string about = text_of(row, "claim_about"); !about.empty() && c.about.empty() && check_id("claim_about", about)) {
      ensure_actor(about);
      c.about.push_back(ActorId{about});
    }
    s.claim = ClaimId{claim};
    if (const std::string stance = text_of(row, "stance"); auto parsed = parse_stance(stance)) {
      s.stance = *parsed;
    } else if (!stance.empty()) {
      const auto [line, column] = place("stance");
      error(line, column, where + ", column stance: unknown stance '" + stance + "'");
    }
    if (const std::string date = text_of(row, "date"); !date.empty()) {
      try {
        s.date = Date::parse(date);
      } catch (const Error& e) {
        const auto [line, column] = place("date");
        error(line, column, where + ", column date: " + e.what());
      }
    }
    if (const std::string attribution = text_of(row, "attribution"); !attribution.empty()) {
      if (auto parsed = parse_attribution(attribution)) {
        s.attribution = *parsed;
      } else {
        const auto [line, column] = place("attribution");
        error(line, column, where + ", column attribution: unknown attribution '" + attribution + "'");
      }
    }
    if (const std::string source = text_of(row, "source"); !source.empty() && check_id("source", source)) {
      auto [si, fresh_source] = b.source.emplace(source, b.story.sources.size());
      if (fresh_source) b.story.sources.push_back({SourceId{source}, {}, "", "", {}, "", ""});
      Source& src = b.story.sources[si->second];
      if (src.url.empty()) src.url = text_of(row, "source_url");
      s.source = SourceId{source};
    }
    s.quote = text_of(row, "quote");
    s.note = text_of(row, "note");
    for (const char* key : {"responds_to", "repeats"}) {
      const std::string target = text_of(row, key);
      if (target.empty() || !check_id(key, target)) continue;
      if (target == id) {
        const auto [line, column] = place(key);
        error(line, column, where + ", column " + key + ": a statement cannot " +
                                (std::string(key) == "repeats" ? "repeat" : "respond to") + " itself");
        continue;
      }
      (std::string(key) == "repeats" ? s.repeats : s.responds_to) = StatementId{target};
      const auto [line, column] = place(key);
      b.statement_references.push_back({target, where, key, line, column});
    }
    if (const std::string via = text_of(row, "via"); !via.empty() && check_id("via", via)) {
      ensure_actor(via);
      s.via = ActorId{via};
    }
    if (const Field* side = cell(row, "side"); side && !side->text.empty()) {
      b.declared_sides.push_back({by, side->text, side->line, side->column, where});
    }
    b.story.statements.push_back(std::move(s));
  }
  // References to statements, and claims without text, once every row is read.
  for (auto& [sid, b] : stories) {
    for (const auto& ref : b.statement_references) {
      if (!b.statement.count(ref.target)) {
        error(ref.line, ref.column, ref.where + ", column " + ref.key + ": unknown statement '" + ref.target +
                                        "'; expected the id of a statement in this sheet");
      }
    }
    for (const Claim& c : b.story.claims) {
      if (c.text.find_first_not_of(" \t\r\n") == std::string::npos) {
        const auto [line, column] = b.claim_place.at(c.id.value);
        error(line, column, "claim '" + c.id.value + "' has no text: give it in the claim_text column of one of its rows");
      }
    }
    // member_of cycles.
    std::unordered_map<std::string, const Actor*> by_id;
    for (const Actor& a : b.story.actors) by_id.emplace(a.id.value, &a);
    std::unordered_map<std::string, std::string> root;
    for (const Actor& a : b.story.actors) {
      const Actor* at = &a;
      for (std::size_t steps = 0; at && at->member_of; ++steps) {
        if (steps > by_id.size()) {
          const auto [line, column] = b.member_of_place.at(a.id.value);
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
