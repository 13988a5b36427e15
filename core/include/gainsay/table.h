// Table: rows of text cells rendered as an aligned text table, Markdown,
// CSV (RFC 4180, formula cells made inert) or a JSON array of objects.
// The listings (stories, and later claims and actors) are tables.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "gainsay/text.h"

namespace gainsay {

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // each as long as columns
  std::vector<bool> numeric;                   // per column: right-align, JSON number
  // A titled break before a row, e.g. one per shift; text and Markdown show
  // it, CSV and JSON stay flat (the rows carry what the title says).
  struct Break {
    std::size_t row;
    std::string title;
  };
  std::vector<Break> breaks;
  // The columns text shows, by name, for a terminal's width; empty: all.
  // Markdown, CSV and JSON always have every column.
  std::vector<std::string> text_columns;

  void add_break(std::string title) { breaks.push_back({rows.size(), std::move(title)}); }
};

// Writes `table` in `format` (text, markdown, csv or json).
void write_table(std::ostream& out, const Table& table, const std::string& format, const TextStyle& style);

// Aligned columns; when a row is wider than the style's width, the last
// column wraps under itself.
void write_table_text(std::ostream& out, const Table& table, const TextStyle& style);
void write_table_markdown(std::ostream& out, const Table& table);
void write_table_csv(std::ostream& out, const Table& table);
void write_table_json(std::ostream& out, const Table& table);

// One CSV field: quoted when needed, and prefixed with ' when a spreadsheet
// would read it as a formula (=, +, -, @, tab, carriage return).
std::string csv_field(const std::string& value);
// Text safe inside a Markdown table cell or paragraph.
std::string markdown_escape(const std::string& value);

}  // namespace gainsay
