// Quote verification: finds each statement's quote in its source's local
// text, exactly, after normalisation (Unicode NFC, quote marks, dashes,
// whitespace, case), or with ellipses read as gaps; or else gives the
// closest passage and how close it is.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gainsay/filter.h"

namespace gainsay {

enum class QuoteMatch {
  kExact,         // the quote's bytes are in the text
  kNormalised,    // found once both are normalised
  kWithGaps,      // found with its ellipses read as gaps
  kNotFound,      // not in the text; `closest` says what is nearest
  kUnverifiable,  // the source has no local text (or the statement no source)
};
std::string_view to_string(QuoteMatch match);

// A place in a text: 1-based line and column (in characters), and the
// matched passage.
struct TextSpan {
  std::size_t line = 0;
  std::size_t column = 0;
  std::string passage;
};

// Searches one text. Owns the normalised copy, so many quotes can be looked
// up in the same source cheaply.
class QuoteFinder {
 public:
  explicit QuoteFinder(std::string text);

  struct Result {
    QuoteMatch match = QuoteMatch::kNotFound;
    TextSpan span;           // where it was found, or the closest passage
    double similarity = 0;   // 1 when found; else 1 - edit distance / quote length
  };
  Result find(std::string_view quote) const;

 private:
  TextSpan span(std::size_t begin, std::size_t end) const;  // normalised positions

  std::string raw_;                 // the text as read
  std::string text_;                // the text, NFC
  std::u32string folded_;           // normalised code points
  std::vector<std::size_t> origin_; // per folded code point: byte offset in text_ (and one past the end)
};

// Folds text as QuoteFinder does: NFC, quote marks and dashes made plain,
// whitespace runs made one space, lower case. Exposed for tests.
std::u32string fold(std::string_view text);

struct QuoteCheck {
  StatementView statement;
  QuoteMatch match = QuoteMatch::kUnverifiable;
  TextSpan span;
  double similarity = 0;
  std::string text_path;  // the file searched, if any
  std::string reason;     // why unverifiable
};

// Checks the quote of every selected statement that has one. A source's
// text is `texts_dir`/text when `texts_dir` is given, else text resolved
// against the folder of the story file.
std::vector<QuoteCheck> check_quotes(const Selection& selection, const std::string& texts_dir);

}  // namespace gainsay
