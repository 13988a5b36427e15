// Fuzzes the CSV sheet importer (parse_csv_sheet): any bytes must give
// stories or at least one error diagnostic, never both, and never a crash,
// a hang or a sanitizer report. Seeds: corpus/fuzz_csv_sheet/.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "gainsay/csv_sheet.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  gainsay::fuzz::check(gainsay::parse_csv_sheet(text, "fuzz.csv"), text);
  return 0;
}
