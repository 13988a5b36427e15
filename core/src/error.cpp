#include "gainsay/error.h"

#include <algorithm>
#include <atomic>

namespace gainsay {
namespace {

// Lock-free, so a signal handler may set it.
std::atomic<bool> interrupted{false};

// Input text quoted in a message ('...') is cut past this many bytes, so
// that a 100 MB key or cell still makes a one-line message.
constexpr std::size_t kMaxQuotedBytes = 80;

std::string shorten_quoted(const std::string& message) {
  std::string out;
  std::size_t pos = 0;
  for (std::size_t open; (open = message.find('\'', pos)) != std::string::npos;) {
    const std::size_t close = message.find('\'', open + 1);
    if (close == std::string::npos) break;
    const std::size_t length = close - open - 1;
    std::size_t keep = std::min(length, kMaxQuotedBytes);
    while (keep < length && keep > 0 && (static_cast<unsigned char>(message[open + 1 + keep]) & 0xc0) == 0x80) --keep;
    out.append(message, pos, open + 1 + keep - pos);
    if (keep < length) out += "... (" + std::to_string(length) + " bytes)";
    out += '\'';
    pos = close + 1;
  }
  out.append(message, pos);
  return out;
}

}  // namespace

void request_interrupt() { interrupted.store(true); }
bool interrupt_requested() { return interrupted.load(); }

std::string Diagnostic::to_string() const {
  std::string out = file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  out += severity == Severity::kError ? ": error: " : ": warning: ";
  out += message.size() > kMaxQuotedBytes ? shorten_quoted(message) : message;
  return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
    return d.severity == Diagnostic::Severity::kError;
  });
}

Error::Error(ErrorCode code, const std::string& message, std::vector<Diagnostic> diagnostics)
    : std::runtime_error(message), code_(code), diagnostics_(std::move(diagnostics)) {}

}  // namespace gainsay
