// Fuzzes the ClaimReview JSON-LD importer (parse_claim_reviews), and the
// sniffing that routes a file to it (looks_like_json_ld). Seeds:
// corpus/fuzz_claim_review/.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "gainsay/claim_review.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)gainsay::looks_like_json_ld(text);
  gainsay::fuzz::check(gainsay::parse_claim_reviews(text, "fuzz.jsonld"), text);
  return 0;
}
