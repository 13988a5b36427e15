// The article as the extractor reads it: code points with their byte
// offsets, words with an ASCII-lowered form, and what lies between words
// (quote marks, commas, stops, paragraph breaks) as flags. Internal to
// extract.cpp; kept in a header of its own because it is a concept of its
// own, and inline because the extractor asks it for every word.
#pragma once

#include <utf8proc.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gainsay/text.h"

namespace gainsay::extraction {

inline bool is_open_quote(char32_t c) { return c == U'\u201c' || c == U'\u00ab' || c == U'\u201e'; }
inline bool is_close_quote(char32_t c) { return c == U'\u201d' || c == U'\u00bb'; }
inline bool is_letter(char32_t c) {
  if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c == U'\u2019' || c == U'\u2018' || c == U'\u201c' || c == U'\u201d' || c == U'\u00ab' || c == U'\u00bb' ||
      c == U'\u2014' || c == U'\u2013' || c == U'\u2026' || c == 0xa0) {
    return false;
  }
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return category <= UTF8PROC_CATEGORY_NO;  // letters, marks and numbers
}
inline bool is_upper(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 128 && utf8proc_isupper(static_cast<utf8proc_int32_t>(c)));
}

struct Word {
  std::size_t start, end;  // code points
  std::string_view lower;  // ASCII-lowered text, a view into the Text's buffer
  bool capital;
};

// What lies between two words, as flags: several may be present (", “").
enum Mark : unsigned {
  kNone = 0,
  kQuoteOpen = 1,
  kQuoteClose = 2,
  kStraight = 4,
  kComma = 8,
  kColon = 16,
  kStop = 32,
  kParagraph = 64,
  kDash = 128,
  kOther = 256,
};
constexpr unsigned kQuoteMarks = kQuoteOpen | kQuoteClose | kStraight;
constexpr unsigned kBreaks = kStop | kParagraph;

class Text {
 public:
  explicit Text(std::string_view utf8) {
    // Sized for the worst case (all ASCII) and trimmed after: no push_back in the loop.
    cp_.resize(utf8.size());
    byte_.resize(utf8.size() + 1);
    std::size_t n_cp = 0;
    for (std::size_t pos = 0; pos < utf8.size();) {
      const auto byte = static_cast<unsigned char>(utf8[pos]);
      byte_[n_cp] = static_cast<std::uint32_t>(pos);
      if (byte < 0x80) {  // most of a news text: no decoding needed
        cp_[n_cp++] = byte;
        ++pos;
        continue;
      }
      const CodePoint c = code_point_at(utf8, pos);
      cp_[n_cp++] = c.value;
      pos += c.length;
    }
    cp_.resize(n_cp);
    byte_[n_cp] = static_cast<std::uint32_t>(utf8.size());
    byte_.resize(n_cp + 1);
    utf8_ = utf8;
    // One lowered character per code point, so a word's lower form is a view.
    lowered_.resize(cp_.size());
    for (std::size_t i = 0; i < cp_.size(); ++i) {
      const char32_t c = cp_[i];
      lowered_[i] = c < 128 ? static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) : (c == U'\u2019' ? '\'' : '~');
    }
    tokenize();
    gaps_.resize(words_.size() + 1);
    for (std::size_t w = 0; w <= words_.size(); ++w) gaps_[w] = static_cast<std::uint16_t>(scan_gap_before(w));
  }

  const std::vector<Word>& words() const { return words_; }
  std::size_t size() const { return cp_.size(); }
  char32_t at(std::size_t i) const { return i < cp_.size() ? cp_[i] : 0; }
  std::string slice(std::size_t start, std::size_t end) const {
    return std::string(utf8_.substr(byte_[start], byte_[end] - byte_[start]));
  }
  TextSpan32 span(std::size_t start, std::size_t end) const { return {start, end, slice(start, end)}; }
  // The first word starting at or after code point `i`.
  std::size_t word_at(std::size_t i) const {
    return static_cast<std::size_t>(std::lower_bound(words_.begin(), words_.end(), i,
                                                     [](const Word& w, std::size_t v) { return w.start < v; }) -
                                    words_.begin());
  }
  // What lies between word w-1 and word w (or before w when w == 0).
  // Precomputed: the extractor asks about the same gaps many times.
  unsigned gap_before(std::size_t w) const { return gaps_[w < gaps_.size() ? w : gaps_.size() - 1]; }

 private:
  unsigned scan_gap_before(std::size_t w) const {
    const std::size_t from = w == 0 ? 0 : words_[w - 1].end;
    const std::size_t to = w < words_.size() ? words_[w].start : cp_.size();
    unsigned marks = kNone;
    for (std::size_t i = from; i < to; ++i) {
      const char32_t c = cp_[i];
      if (c == '\n') marks |= kParagraph;
      else if (is_open_quote(c)) marks |= kQuoteOpen;
      else if (is_close_quote(c)) marks |= kQuoteClose;
      else if (c == '"') marks |= kStraight;
      else if (c == ',') marks |= kComma;
      else if (c == ':' || c == ';') marks |= kColon;
      else if (c == '.' || c == '!' || c == '?') marks |= kStop;
      else if (c == U'\u2014' || c == U'\u2013' || c == '-') marks |= kDash;
      else if (c == '(' || c == ')' || c == '[' || c == ']') marks |= kOther;
    }
    return marks;
  }

  void tokenize() {
    for (std::size_t i = 0; i < cp_.size();) {
      if (!is_letter(cp_[i])) {
        ++i;
        continue;
      }
      const std::size_t start = i;
      while (i < cp_.size()) {
        const char32_t c = cp_[i];
        if (is_letter(c)) {
          ++i;
        } else if ((c == '\'' || c == U'\u2019' || c == '-') && i + 1 < cp_.size() && is_letter(cp_[i + 1]) &&
                   i > start) {
          ++i;  // don't, Amir-Abdollahian
        } else if (c == '.' && i + 1 < cp_.size() && i - start == 1 && is_letter(cp_[i + 1]) &&
                   is_upper(cp_[i + 1]) == is_upper(cp_[i - 1]) && (i + 2 >= cp_.size() || cp_[i + 2] == '.')) {
          ++i;  // U.S., a.m.
        } else {
          break;
        }
      }
      // "U.S." keeps its final stop when the word is initials, and so does a
      // title ("Col. Petra Ansel"), so that neither ends the sentence.
      if (i < cp_.size() && cp_[i] == '.' && i - start >= 3 && cp_[i - 2] == '.') ++i;
      if (i < cp_.size() && cp_[i] == '.' && is_title(start, i)) ++i;
      words_.push_back({start, i, std::string_view(lowered_).substr(start, i - start), is_upper(cp_[start])});
    }
  }

  bool is_title(std::size_t start, std::size_t end) const {
    static const std::unordered_set<std::string_view> kTitles = {
        "mr", "mrs", "ms", "dr", "gen", "col", "brig", "lt", "sgt", "capt", "prof", "sen", "rep", "gov",
        "st", "jr", "sr", "maj", "adm", "cmdr", "rev", "hon", "cdr", "pres", "amb"};
    return kTitles.count(std::string_view(lowered_).substr(start, end - start)) > 0;
  }

  std::u32string cp_;
  std::string lowered_;
  std::vector<std::uint32_t> byte_;  // per code point: its byte offset (texts under 4 GiB)
  std::string_view utf8_;
  std::vector<Word> words_;
  std::vector<std::uint16_t> gaps_;  // per word, and one past the last: what lies before it
};

}  // namespace gainsay::extraction
