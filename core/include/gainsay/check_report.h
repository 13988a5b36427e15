// gainsay check: quote verification, sourcing warnings and database
// integrity in one report, and whether it found problems (exit status 1).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "gainsay/quote_check.h"
#include "gainsay/sourcing.h"
#include "gainsay/text.h"

namespace gainsay {

struct CheckReport {
  bool checked_quotes = false;
  bool checked_sourcing = false;
  std::optional<std::vector<std::string>> integrity;  // set when a database was checked
  std::vector<QuoteCheck> quotes;
  std::vector<SourcingWarning> sourcing;

  // Quotes not found or whose text file cannot be read, sourcing warnings,
  // and integrity problems. A source with no local text is not a problem.
  std::size_t problems() const;
};

void write_check_text(std::ostream& out, const CheckReport& report, const TextStyle& style);
void write_check_json(std::ostream& out, const CheckReport& report);

}  // namespace gainsay
