// Errors: one exception type for everything that stops a command, and
// Diagnostic values for problems in input data, so one run reports them all.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace gainsay {

enum class ErrorCode {
  kInvalidData,  // an input file or argument is wrong; the message says where
  kNotFound,     // a named story, actor, claim or file does not exist
  kStorage,      // the database could not be opened, read or written
  kIo,           // a file could not be read or written
  kInterrupted,  // the user pressed Ctrl-C; what was under way was undone
};

// Set by the CLI's SIGINT handler; long work checks it and stops cleanly.
void request_interrupt();
bool interrupt_requested();

// A problem at a place in an input file. Line and column count from 1;
// 0 means the place is the whole file.
struct Diagnostic {
  enum class Severity { kError, kWarning };

  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  Severity severity = Severity::kError;
  std::string message;

  // "file:line:column: error: message", the form compilers use.
  std::string to_string() const;
};

bool has_errors(const std::vector<Diagnostic>& diagnostics);

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message,
        std::vector<Diagnostic> diagnostics = {});

  ErrorCode code() const { return code_; }
  // The problems behind an kInvalidData error, each with its place.
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  ErrorCode code_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace gainsay
