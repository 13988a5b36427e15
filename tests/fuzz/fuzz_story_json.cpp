// Fuzzes the story-file parser (parse_story) with story files written as
// JSON, which gainsay reads as YAML's flow style; the seeds are JSON so the
// fuzzer explores brackets, braces, escapes and numbers. Seeds:
// corpus/fuzz_story_json/.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "gainsay/story_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  gainsay::fuzz::check(gainsay::parse_story(text, "fuzz.json"), text);
  return 0;
}
