#include "gainsay/error.h"

#include <algorithm>
#include <atomic>

namespace gainsay {
namespace {

// Lock-free, so a signal handler may set it.
std::atomic<bool> interrupted{false};

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
  out += message;
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
