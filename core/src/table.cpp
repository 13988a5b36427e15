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

// The table cut down to its text columns.
Table text_view(const Table& table) {
  if (table.text_columns.empty()) return table;
  std::vector<std::size_t> keep;
  for (const auto& name : table.text_columns) {
    auto it = std::find(table.columns.begin(), table.columns.end(), name);
    if (it != table.columns.end()) keep.push_back(static_cast<std::size_t>(it - table.columns.begin()));
  }
  Table view;
  view.breaks = table.breaks;
  for (std::size_t i : keep) {
    view.columns.push_back(table.columns[i]);
    view.numeric.push_back(i < table.numeric.size() && table.numeric[i]);
  }
  for (const auto& row : table.rows) {
    auto& cut = view.rows.emplace_back();
    for (std::size_t i : keep) cut.push_back(row[i]);
  }
  return view;
}

void write_table_text(std::ostream& out, const Table& full, const TextStyle& style) {
  const Table table = text_view(full);
  const std::size_t n = table.columns.size();
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
  std::size_t last_start = 0;
  for (std::size_t i = 0; i + 1 < n; ++i) last_start += widths[i] + 2;
  // The last column gets what is left of the width, but never too little.
  const std::size_t last_width = style.width > last_start + 20 ? style.width - last_start : 40;
  auto write_row = [&](const std::vector<std::string>& row, bool heading) {
    std::string line;
    for (std::size_t i = 0; i + 1 < n; ++i) {
      const std::size_t pad = widths[i] - display_width(row[i]);
      const bool right = i < table.numeric.size() && table.numeric[i];
      const std::string cell = right ? std::string(pad, ' ') + row[i] : row[i] + std::string(pad, ' ');
      line += (heading ? paint(cell, Colour::kBold, style) : cell) + "  ";
    }
    const bool numeric_last = n <= table.numeric.size() && table.numeric[n - 1];
    const auto last = numeric_last ? std::vector<std::string>{std::string(widths[n - 1] - display_width(row[n - 1]), ' ') + row[n - 1]}
                                   : wrap(row[n - 1], last_width, "", "");
    for (std::size_t k = 0; k < last.size(); ++k) {
      std::string text = (k == 0 ? line : std::string(last_start, ' ')) + (heading ? paint(last[k], Colour::kBold, style) : last[k]);
      while (!text.empty() && text.back() == ' ') text.pop_back();
      out << text << '\n';
    }
  };
  write_row(table.columns, true);
  std::size_t next_break = 0;
  for (std::size_t r = 0; r < cells.size(); ++r) {
    for (; next_break < table.breaks.size() && table.breaks[next_break].row == r; ++next_break) {
      out << '\n';
      for (const auto& line : wrap(inert(table.breaks[next_break].title), style.width, "", "  ")) {
        out << paint(line, Colour::kBold, style) << '\n';
      }
    }
    write_row(cells[r], false);
  }
  if (table.rows.empty()) out << "(none)\n";
}

void write_table(std::ostream& out, const Table& table, const std::string& format, const TextStyle& style) {
  if (format == "json") {
    write_table_json(out, table);
  } else if (format == "csv") {
    write_table_csv(out, table);
  } else if (format == "markdown") {
    write_table_markdown(out, table);
  } else {
    write_table_text(out, table, style);
  }
}

void write_table_markdown(std::ostream& out, const Table& table) {
  auto header = [&] {
    out << '|';
    for (const auto& column : table.columns) out << ' ' << markdown_escape(column) << " |";
    out << "\n|";
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      out << (i < table.numeric.size() && table.numeric[i] ? " ---: |" : " --- |");
    }
    out << '\n';
  };
  std::size_t next_break = 0;
  if (table.breaks.empty() || table.breaks.front().row != 0) header();
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    bool broke = false;
    for (; next_break < table.breaks.size() && table.breaks[next_break].row == r; ++next_break) {
      out << (r == 0 && !broke ? "" : "\n") << "**" << markdown_escape(table.breaks[next_break].title) << "**\n\n";
      broke = true;
    }
    if (broke) header();
    out << '|';
    for (const auto& cell : table.rows[r]) out << ' ' << markdown_escape(cell) << " |";
    out << '\n';
  }
  if (table.rows.empty()) header();
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
