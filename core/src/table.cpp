#include "gainsay/table.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace gainsay {

std::string csv_field(const std::string& value) {
  std::string cell = value;
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                        cell[0] == '\t' || cell[0] == '\r')) {
    cell.insert(cell.begin(), '\'');
  }
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string markdown_escape(const std::string& value) {
  std::string out;
  for (char c : inert(value)) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
      case '|': case '#': case '&':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

void write_table_text(std::ostream& out, const Table& table, const TextStyle& style) {
  std::vector<std::size_t> widths;
  for (const auto& column : table.columns) widths.push_back(display_width(column));
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : table.rows) {
    auto& safe = cells.emplace_back();
    for (std::size_t i = 0; i < row.size(); ++i) {
      safe.push_back(inert(row[i]));
      widths[i] = std::max(widths[i], display_width(safe.back()));
    }
  }
  auto write_row = [&](const std::vector<std::string>& row, bool heading) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::size_t pad = widths[i] - display_width(row[i]);
      const bool right = i < table.numeric.size() && table.numeric[i];
      std::string cell = right ? std::string(pad, ' ') + row[i] : row[i];
      if (!right && i + 1 < row.size()) cell += std::string(pad, ' ');
      if (i > 0) line += "  ";
      line += heading ? paint(cell, Colour::kBold, style) : cell;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };
  write_row(table.columns, true);
  for (const auto& row : cells) write_row(row, false);
}

void write_table_markdown(std::ostream& out, const Table& table) {
  out << '|';
  for (const auto& column : table.columns) out << ' ' << markdown_escape(column) << " |";
  out << "\n|";
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    out << (i < table.numeric.size() && table.numeric[i] ? " ---: |" : " --- |");
  }
  out << '\n';
  for (const auto& row : table.rows) {
    out << '|';
    for (const auto& cell : row) out << ' ' << markdown_escape(cell) << " |";
    out << '\n';
  }
}

void write_table_csv(std::ostream& out, const Table& table) {
  auto write_row = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csv_field(row[i]);
    out << "\r\n";
  };
  write_row(table.columns);
  for (const auto& row : table.rows) write_row(row);
}

void write_table_json(std::ostream& out, const Table& table) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto& row : table.rows) {
    nlohmann::ordered_json object;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i < table.numeric.size() && table.numeric[i]) {
        object[table.columns[i]] = std::stoll(row[i]);
      } else {
        object[table.columns[i]] = row[i];
      }
    }
    rows.push_back(std::move(object));
  }
  out << rows.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace gainsay
