// Fuzzes the story-file parser (parse_story) with YAML: any bytes must give
// either a story or at least one error diagnostic, never a crash, a hang or
// a sanitizer report. Seeds: corpus/fuzz_story_yaml/.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "gainsay/story_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  gainsay::fuzz::check(gainsay::parse_story(text, "fuzz.yaml"), text);
  return 0;
}
