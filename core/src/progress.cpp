#include "gainsay/progress.h"

#include <algorithm>
#include <cstdio>

namespace gainsay {
namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(100);

std::string rate_text(double per_second, Progress::Unit unit) {
  char text[32];
  if (unit == Progress::Unit::kBytes) {
    std::snprintf(text, sizeof text, "%.1f MB/s", per_second / 1e6);
  } else if (per_second >= 1e3) {
    std::snprintf(text, sizeof text, "%.1fk/s", per_second / 1e3);
  } else {
    std::snprintf(text, sizeof text, "%.0f/s", per_second);
  }
  return text;
}

std::string duration_text(double seconds) {
  const auto s = static_cast<long>(seconds + 0.5);
  char text[32];
  if (s >= 3600) {
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
  }
  return text;
}

}  // namespace

ProgressBar::ProgressBar(std::ostream& out, std::size_t width, Clock clock)
    : out_(out), width_(std::max<std::size_t>(width, 40)), clock_(std::move(clock)) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::stage(std::string_view name, std::uint64_t total, Unit unit) {
  name_ = name;
  total_ = total;
  unit_ = unit;
  started_ = clock_();
  draw(0, true);
}

void ProgressBar::update(std::uint64_t done) { draw(done, done >= total_); }

void ProgressBar::finish() {
  if (!visible_) return;
  out_ << "\r\033[K" << std::flush;  // clear the line
  visible_ = false;
}

std::string ProgressBar::line(std::uint64_t done, double seconds) const {
  const double share = total_ == 0 ? 1.0 : std::min(1.0, static_cast<double>(done) / static_cast<double>(total_));
  std::string tail = " " + std::to_string(static_cast<int>(share * 100)) + "%";
  if (seconds > 0.2 && done > 0) {
    const double rate = static_cast<double>(done) / seconds;
    tail += "  " + rate_text(rate, unit_);
    if (done < total_) tail += "  " + duration_text(static_cast<double>(total_ - done) / rate) + " left";
  }
  // The tail takes a fixed width, so the bar keeps its length as it fills.
  constexpr std::size_t kTailWidth = 34;
  if (tail.size() < kTailWidth) tail.append(kTailWidth - tail.size(), ' ');
  std::string head = name_.substr(0, width_ / 3) + " [";
  const std::size_t used = head.size() + 1 + tail.size();
  const std::size_t room = width_ - 1 > used + 10 ? width_ - 1 - used : 10;
  const auto filled = static_cast<std::size_t>(share * static_cast<double>(room));
  return head + std::string(filled, '#') + std::string(room - filled, '.') + "]" + tail;
}

void ProgressBar::draw(std::uint64_t done, bool force) {
  const auto now = clock_();
  if (!force && visible_ && now - drawn_ < kRedrawEvery) return;
  drawn_ = now;
  visible_ = true;
  out_ << '\r' << line(done, std::chrono::duration<double>(now - started_).count()) << "\033[K" << std::flush;
}

}  // namespace gainsay
