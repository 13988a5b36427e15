#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "commands.h"

namespace gainsay::cli {

TextStyle stdout_style() {
  TextStyle style;
  const bool terminal = isatty(STDOUT_FILENO) == 1;
  winsize size{};
  if (terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 40) {
    style.width = size.ws_col;
  }
  const char* no_colour = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  style.colour = terminal && !(no_colour && *no_colour) && !(term && std::string(term) == "dumb");
  return style;
}

std::unique_ptr<Progress> progress_bar(bool quiet) {
  if (quiet || isatty(STDERR_FILENO) != 1) return nullptr;
  winsize size{};
  const std::size_t width = ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 40 ? size.ws_col : 80;
  return std::make_unique<ProgressBar>(std::cerr, width);
}

}  // namespace gainsay::cli
