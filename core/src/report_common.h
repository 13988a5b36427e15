// Pieces the report renderers share: how a statement, a speaker, a source
// and a shift are written as text, Markdown and JSON. Internal to core/.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "gainsay/dispute.h"
#include "gainsay/text.h"
#include "json_writer.h"

namespace gainsay::report {

using Json = nlohmann::ordered_json;

// "Iran, Russia", or "none".
std::string names(const std::vector<const Actor*>& actors);
std::string date_or_undated(const std::optional<Date>& date);
// "Maria Zakharova (Russia)": the speaker, with the side when it differs.
std::string speaker(const StatementView& s);
// "Newsweek, “Title”, 2022-08-31": where the statement was reported.
std::string source_line(const StatementView& s);
// "Iran (side): denies (2022) → partially-admits (2022-11)".
std::string shift_text(const PositionShift& shift);

// Writes wrapped, inert text, in colour where the style allows.
class TextWriter {
 public:
  TextWriter(std::ostream& out, const TextStyle& style) : out_(out), style_(style) {}

  void line(const std::string& text = "") { out_ << text << '\n'; }

  // Wraps `text`, painting it but not its indent.
  void wrapped(const std::string& text, std::string_view first, std::string_view rest, Colour colour = Colour::kNone) {
    const auto lines = wrap(inert(text), style_.width, first, rest);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const std::size_t indent = (i == 0 ? first : rest).size();
      out_ << lines[i].substr(0, indent) << paint(lines[i].substr(indent), colour, style_) << '\n';
    }
  }

  void statement(const StatementView& s, std::string_view label, Colour colour) {
    const std::string pad(kLabelWidth, ' ');
    std::string first = "    " + std::string(label);
    first += std::string(kLabelWidth > first.size() ? kLabelWidth - first.size() : 1, ' ');
    std::string who = speaker(s) + " \u00b7 " + date_or_undated(s.statement->date) + " \u00b7 " +
                      std::string(to_string(s.statement->attribution));
    if (s.via) who += " \u00b7 via " + s.via->name;
    const auto lines = wrap(inert(who), style_.width, first, pad);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      // The stance label takes the colour; the rest of the line stays plain.
      const std::size_t label_end = i == 0 ? first.size() : 0;
      out_ << paint(lines[i].substr(0, label_end), colour, style_) << lines[i].substr(label_end) << '\n';
    }
    wrapped(s.source ? "in " + source_line(s) : "no source given", pad, pad, Colour::kDim);
    if (!s.statement->quote.empty()) wrapped("\u201c" + s.statement->quote + "\u201d", pad, pad + " ");
    if (!s.statement->note.empty()) {
      const bool concedes = s.statement->stance == Stance::kPartiallyAdmits;
      wrapped((concedes ? "concedes: " : "note: ") + s.statement->note, pad, pad + "  ");
    }
  }

  void group(const std::string& title, Colour colour) { line("  " + paint(title, colour, style_)); }

 private:
  static constexpr std::size_t kLabelWidth = 21;
  std::ostream& out_;
  const TextStyle& style_;
};

// The JSON of the shared pieces, written as they go (the disputed report);
// the *_json forms give the same as values, for reports built as a tree.
void write_actor(JsonWriter& json, const Actor* actor);
void write_date(JsonWriter& json, const std::optional<Date>& date);
void write_actors(JsonWriter& json, const std::vector<const Actor*>& actors);
void write_statement(JsonWriter& json, const StatementView& s);
// What write_statement() reads of a statement, fetched into the cache
// ahead of it. A report's statements lie scattered over the story, so each
// one missed the cache in turn; a writer asks for the records of a
// statement some way ahead, then, once those have come, for the texts they
// point to.
void prefetch_records(const StatementView& s);
void prefetch_texts(const StatementView& s);
// The distances ahead, in statements, at which a writer asks for each.
constexpr std::size_t kPrefetchRecordsAhead = 8;
constexpr std::size_t kPrefetchTextsAhead = 4;
void write_statements(JsonWriter& json, const std::vector<StatementView>& list);
void write_shift(JsonWriter& json, const PositionShift& shift);

Json actor_json(const Actor* actor);
Json actors_json(const std::vector<const Actor*>& actors);
Json optional_text(const std::string& text);
Json statement_json(const StatementView& s);
Json statements_json(const std::vector<StatementView>& list);
Json shift_json(const PositionShift& shift);

// The source as a Markdown link when its URL is http(s), else plain text.
std::string markdown_link(const StatementView& s);
// One statement as a Markdown list item.
void write_markdown_statement(std::ostream& out, const StatementView& s);

}  // namespace gainsay::report
