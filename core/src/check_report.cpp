#include "gainsay/check_report.h"

#include <cmath>
#include <map>

#include "report_common.h"

namespace gainsay {
namespace {

using namespace report;

bool is_problem(const QuoteCheck& q) {
  return q.match == QuoteMatch::kNotFound || (q.match == QuoteMatch::kUnverifiable && !q.text_path.empty());
}

std::string where(const QuoteCheck& q) {
  return q.text_path + ":" + std::to_string(q.span.line) + ":" + std::to_string(q.span.column);
}

std::string percent(double similarity) { return std::to_string(static_cast<int>(std::lround(similarity * 100))) + "%"; }

}  // namespace

std::size_t CheckReport::problems() const {
  std::size_t n = sourcing.size() + (integrity ? integrity->size() : 0);
  for (const auto& q : quotes) n += is_problem(q);
  return n;
}

void write_check_text(std::ostream& out, const CheckReport& report, const TextStyle& style) {
  TextWriter w(out, style);
  if (report.checked_quotes) {
    std::map<QuoteMatch, std::size_t> counts;
    for (const auto& q : report.quotes) ++counts[q.match];
    std::string summary = "Quotes: " + std::to_string(report.quotes.size()) + " checked";
    for (QuoteMatch m : {QuoteMatch::kExact, QuoteMatch::kNormalised, QuoteMatch::kWithGaps, QuoteMatch::kNotFound,
                         QuoteMatch::kUnverifiable}) {
      summary += " \u00b7 " + std::to_string(counts[m]) + " " + std::string(to_string(m));
    }
    w.wrapped(summary, "", "  ", Colour::kBold);
    for (const auto& q : report.quotes) {
      const Colour colour = is_problem(q) ? Colour::kRed
                            : q.match == QuoteMatch::kUnverifiable ? Colour::kYellow
                                                                   : Colour::kGreen;
      const std::string label = std::string(to_string(q.match));
      std::string line = q.statement.statement->id.value + " (" + q.statement.actor->name + ")";
      if (q.match != QuoteMatch::kUnverifiable && q.match != QuoteMatch::kNotFound) line += " at " + where(q);
      // The label goes in the first line's indent, where wrapping keeps its padding.
      const std::string first = "  " + paint(label, colour, style) + std::string(label.size() < 13 ? 13 - label.size() : 1, ' ');
      w.wrapped(line, first, std::string(15, ' '));
      if (q.match == QuoteMatch::kExact) continue;
      const std::string pad(15, ' ');
      w.wrapped("quote: \u201c" + q.statement.statement->quote + "\u201d", pad, pad + "  ");
      if (q.match == QuoteMatch::kUnverifiable) {
        w.wrapped(q.reason, pad, pad, Colour::kDim);
      } else if (q.match == QuoteMatch::kNotFound) {
        if (q.span.line > 0) {
          w.wrapped("closest (" + percent(q.similarity) + " alike) at " + where(q) + ": \u201c" + q.span.passage + "\u201d",
                    pad, pad + "  ");
        } else {
          w.wrapped("nothing alike in " + q.text_path, pad, pad);
        }
      } else {
        w.wrapped("text:  \u201c" + q.span.passage + "\u201d", pad, pad + "  ");
      }
    }
    w.line();
  }
  if (report.checked_sourcing) {
    std::size_t claims = 0;
    const Claim* last = nullptr;
    for (const auto& warning : report.sourcing) {
      if (warning.claim.claim != last) ++claims;
      last = warning.claim.claim;
    }
    w.wrapped("Sourcing: " + std::to_string(report.sourcing.size()) + " warnings on " + std::to_string(claims) +
                  " claims",
              "", "", Colour::kBold);
    last = nullptr;
    for (const auto& warning : report.sourcing) {
      if (warning.claim.claim != last) {
        w.wrapped(warning.claim.claim->text + " (" + warning.claim.claim->id.value + ")", "  ", "    ");
        last = warning.claim.claim;
      }
      std::string text = std::string(to_string(warning.flag)) + ": " + warning.message;
      if (!warning.statements.empty() && warning.statements.size() <= 5) {
        text += " [";
        for (std::size_t i = 0; i < warning.statements.size(); ++i) {
          text += (i ? ", " : "") + warning.statements[i].statement->id.value;
        }
        text += "]";
      }
      w.wrapped(text, "    ", "      ", Colour::kYellow);
    }
    w.line();
  }
  if (report.integrity) {
    if (report.integrity->empty()) {
      w.wrapped("Database: integrity_check ok \u00b7 foreign_key_check ok", "", "", Colour::kBold);
    } else {
      w.wrapped("Database: " + std::to_string(report.integrity->size()) + " problems", "", "", Colour::kRed);
      for (const auto& problem : *report.integrity) w.wrapped(problem, "  ", "    ");
    }
    w.line();
  }
  const std::size_t problems = report.problems();
  w.wrapped(problems == 0   ? "No problems found."
            : problems == 1 ? "1 problem found."
                            : std::to_string(problems) + " problems found.",
            "", "",
            problems == 0 ? Colour::kGreen : Colour::kRed);
}

void write_check_json(std::ostream& out, const CheckReport& report) {
  Json quotes = Json::array();
  for (const auto& q : report.quotes) {
    const bool placed = q.span.line > 0;
    quotes.push_back(Json{{"statement", q.statement.statement->id.value},
                          {"story", q.statement.story->id.value},
                          {"actor", actor_json(q.statement.actor)},
                          {"source", q.statement.source ? Json(q.statement.source->id.value) : Json(nullptr)},
                          {"text_file", optional_text(q.text_path)},
                          {"quote", q.statement.statement->quote},
                          {"match", to_string(q.match)},
                          {"problem", is_problem(q)},
                          {"line", placed ? Json(q.span.line) : Json(nullptr)},
                          {"column", placed ? Json(q.span.column) : Json(nullptr)},
                          {"passage", placed ? Json(q.span.passage) : Json(nullptr)},
                          {"similarity", std::round(q.similarity * 1000) / 1000},
                          {"reason", optional_text(q.reason)}});
  }
  Json sourcing = Json::array();
  for (const auto& warning : report.sourcing) {
    Json ids = Json::array();
    for (const auto& s : warning.statements) ids.push_back(s.statement->id.value);
    sourcing.push_back(Json{{"story", warning.claim.story->id.value},
                            {"claim", warning.claim.claim->id.value},
                            {"flag", to_string(warning.flag)},
                            {"message", warning.message},
                            {"statements", ids}});
  }
  Json integrity = nullptr;
  if (report.integrity) integrity = Json{{"ok", report.integrity->empty()}, {"problems", *report.integrity}};
  Json result{{"report", "check"},
              {"problems", report.problems()},
              {"quotes", report.checked_quotes ? quotes : Json(nullptr)},
              {"sourcing", report.checked_sourcing ? sourcing : Json(nullptr)},
              {"integrity", integrity}};
  out << result.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace gainsay
