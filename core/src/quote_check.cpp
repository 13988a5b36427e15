#include "gainsay/quote_check.h"

#include <utf8proc.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "gainsay/text.h"

namespace gainsay {
namespace {

std::string nfc(std::string_view text) {
  utf8proc_uint8_t* out = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                              static_cast<utf8proc_ssize_t>(text.size()), &out, UTF8PROC_COMPOSE);
  if (n < 0) return std::string(text);  // invalid UTF-8: search it as it is
  std::string result(reinterpret_cast<char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return result;
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xa0 || c == 0x202f || c == 0x2009 ||
         c == 0x200a || c == 0x2007 || c == 0x3000 || c == 0x2028 || c == 0x2029 || c == 0x85;
}

// One code point as the folded form sees it; 0 for "drop".
char32_t fold_one(char32_t c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032: case 0x00b4: case 0x0060:
      return '\'';
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033: case 0x00ab: case 0x00bb:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return '-';
    case 0x00ad: case 0x200b: case 0x200c: case 0x200d: case 0xfeff:
      return 0;  // soft hyphen and zero-width characters
    default:
      break;
  }
  return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
}

// Folds `text` (NFC already), calling `emit(code point, byte offset)`.
template <typename Emit>
void fold_into(std::string_view text, Emit emit) {
  bool pending_space = false;
  bool any = false;
  std::size_t space_at = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto [c, n] = code_point_at(text, pos);
    if (is_space(c)) {
      if (!pending_space) space_at = pos;
      pending_space = any;
    } else if (const char32_t f = fold_one(c)) {
      if (pending_space) emit(U' ', space_at);
      pending_space = false;
      emit(f, pos);
      any = true;
    }
    pos += n;
  }
}

// The quote's parts between ellipses ("…" or "..."), folded and trimmed.
std::vector<std::u32string> parts(const std::u32string& folded) {
  std::vector<std::u32string> out;
  std::u32string current;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const bool ellipsis = folded[i] == U'\u2026' || folded.compare(i, 3, U"...") == 0;
    if (!ellipsis) {
      current += folded[i];
      continue;
    }
    if (folded[i] == U'.') i += 2;
    out.push_back(current);
    current.clear();
  }
  out.push_back(current);
  // "[...]" marks a cut too: its brackets go with the ellipsis.
  auto trim = [](char32_t c) { return c == U' ' || c == U'[' || c == U']'; };
  for (auto& p : out) {
    while (!p.empty() && trim(p.front())) p.erase(p.begin());
    while (!p.empty() && trim(p.back())) p.pop_back();
  }
  out.erase(std::remove_if(out.begin(), out.end(), [](const std::u32string& p) { return p.empty(); }), out.end());
  return out;
}

std::string read_file(const std::filesystem::path& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *ok = static_cast<bool>(in) || in.eof();
  return buffer.str();
}

}  // namespace

std::string_view to_string(QuoteMatch match) {
  switch (match) {
    case QuoteMatch::kExact: return "exact";
    case QuoteMatch::kNormalised: return "normalised";
    case QuoteMatch::kWithGaps: return "with-gaps";
    case QuoteMatch::kNotFound: return "not-found";
    case QuoteMatch::kUnverifiable: return "unverifiable";
  }
  return "unverifiable";
}

std::u32string fold(std::string_view text) {
  std::u32string out;
  fold_into(nfc(text), [&](char32_t c, std::size_t) { out += c; });
  return out;
}

QuoteFinder::QuoteFinder(std::string text) : raw_(std::move(text)), text_(nfc(raw_)) {
  fold_into(text_, [&](char32_t c, std::size_t pos) {
    folded_ += c;
    origin_.push_back(pos);
  });
  origin_.push_back(text_.size());
}

namespace {

// Line and column (1-based, in characters) of byte `at` in `text`.
void locate(const std::string& text, std::size_t at, TextSpan& span) {
  span.line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  const std::size_t line_start = at == 0 ? std::string::npos : text.rfind('\n', at - 1);
  const std::size_t start = line_start == std::string::npos ? 0 : line_start + 1;
  span.column = 1;
  for (std::size_t i = start; i < at; ++i) span.column += (static_cast<unsigned char>(text[i]) & 0xc0) != 0x80;
}

}  // namespace

TextSpan QuoteFinder::span(std::size_t begin, std::size_t end) const {
  const std::size_t from = origin_[begin];
  // The passage ends after the last matched code point, whole.
  std::size_t to = end == 0 ? from : origin_[end - 1];
  if (end > 0) {
    to += code_point_at(text_, to).length;
  }
  TextSpan out;
  locate(text_, from, out);
  out.passage = text_.substr(from, to - from);
  return out;
}

QuoteFinder::Result QuoteFinder::find(std::string_view quote) const {
  Result result;
  if (const std::size_t at = raw_.find(quote); !quote.empty() && at != std::string::npos) {
    result.match = QuoteMatch::kExact;
    result.similarity = 1;
    locate(raw_, at, result.span);
    result.span.passage = std::string(quote);
    return result;
  }
  const std::u32string wanted = fold(quote);
  if (wanted.empty()) return result;
  if (const std::size_t at = folded_.find(wanted); at != std::u32string::npos) {
    result.match = QuoteMatch::kNormalised;
    result.similarity = 1;
    result.span = span(at, at + wanted.size());
    return result;
  }
  const auto pieces = parts(wanted);
  if (pieces.size() > 1 || (pieces.size() == 1 && pieces.front() != wanted)) {
    std::size_t from = 0, first = std::u32string::npos, last = 0;
    bool all = !pieces.empty();
    for (const auto& piece : pieces) {
      const std::size_t at = folded_.find(piece, from);
      if (at == std::u32string::npos) {
        all = false;
        break;
      }
      if (first == std::u32string::npos) first = at;
      last = at + piece.size();
      from = last;
    }
    if (all) {
      result.match = QuoteMatch::kWithGaps;
      result.similarity = 1;
      result.span = span(first, last);
      return result;
    }
  }
  // Closest passage: semi-global edit distance (Sellers), the quote may
  // start anywhere in the text; each cell remembers where its match began.
  const std::size_t m = wanted.size();
  std::vector<std::size_t> cost(m + 1), start(m + 1), next_cost(m + 1), next_start(m + 1);
  for (std::size_t i = 0; i <= m; ++i) cost[i] = i, start[i] = 0;
  std::size_t best = m + 1, best_end = 0, best_start = 0;
  for (std::size_t j = 1; j <= folded_.size(); ++j) {
    next_cost[0] = 0;
    next_start[0] = j;
    for (std::size_t i = 1; i <= m; ++i) {
      std::size_t c = cost[i - 1] + (wanted[i - 1] == folded_[j - 1] ? 0 : 1);
      std::size_t s = start[i - 1];
      if (cost[i] + 1 < c) c = cost[i] + 1, s = start[i];
      if (next_cost[i - 1] + 1 < c) c = next_cost[i - 1] + 1, s = next_start[i - 1];
      next_cost[i] = c;
      next_start[i] = s;
    }
    if (next_cost[m] < best) best = next_cost[m], best_end = j, best_start = next_start[m];
    std::swap(cost, next_cost);
    std::swap(start, next_start);
  }
  result.match = QuoteMatch::kNotFound;
  if (best <= m && best_end > best_start) {
    // Show whole words: the alignment may stop inside one.
    auto in_word = [](char32_t c) {
      return c > 0x7f || (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9') || c == U'-' || c == U'\'';
    };
    while (best_start > 0 && in_word(folded_[best_start - 1]) && in_word(folded_[best_start])) --best_start;
    while (best_end < folded_.size() && in_word(folded_[best_end]) && in_word(folded_[best_end - 1])) ++best_end;
    result.similarity = 1.0 - static_cast<double>(best) / static_cast<double>(m);
    result.span = span(best_start, best_end);
  }
  return result;
}

std::vector<QuoteCheck> check_quotes(const Selection& selection, const std::string& texts_dir) {
  std::map<const Source*, std::unique_ptr<QuoteFinder>> finders;
  std::map<const Source*, std::string> paths, missing;
  std::vector<QuoteCheck> out;
  for (const ClaimView& claim : selection.claims()) {
    for (const StatementView& s : selection.statements_on(claim)) {
      if (s.statement->quote.empty()) continue;
      QuoteCheck check{s, QuoteMatch::kUnverifiable, {}, 0, "", ""};
      if (!s.source) {
        check.reason = "the statement has no source";
      } else if (s.source->text.empty()) {
        check.reason = "source '" + s.source->id.value + "' has no local text";
      } else {
        if (!finders.count(s.source) && !missing.count(s.source)) {
          const std::filesystem::path path =
              texts_dir.empty() ? std::filesystem::path(s.story->origin).parent_path() / s.source->text
                                : std::filesystem::path(texts_dir) / s.source->text;
          paths[s.source] = path.string();
          bool ok = false;
          std::string text = std::filesystem::is_regular_file(path) ? read_file(path, &ok) : std::string();
          if (ok) {
            finders[s.source] = std::make_unique<QuoteFinder>(std::move(text));
          } else {
            missing[s.source] = "text file " + path.string() + " cannot be read" +
                                (texts_dir.empty() ? " (--texts DIR says where the texts are)" : "");
          }
        }
        check.text_path = paths[s.source];
        if (auto it = finders.find(s.source); it != finders.end()) {
          const auto found = it->second->find(s.statement->quote);
          check.match = found.match;
          check.span = found.span;
          check.similarity = found.similarity;
        } else {
          check.reason = missing[s.source];
        }
      }
      out.push_back(std::move(check));
    }
  }
  return out;
}

}  // namespace gainsay
