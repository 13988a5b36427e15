// Fuzzes the attribution extractor (extract_attributions) on any bytes, with
// two known actors so that name and alias matching runs too. Every span must
// lie inside the text, counted in code points. Seeds: corpus/fuzz_extract/.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "gainsay/extract.h"

namespace {

gainsay::KnownActors known_actors() {
  gainsay::KnownActors known;
  gainsay::Actor ansel;
  ansel.id = gainsay::ActorId{"col-ansel"};
  ansel.name = "Col. Petra Ansel";
  ansel.aliases = {"Ansel", "Petra Ansel"};
  gainsay::Actor ministry;
  ministry.id = gainsay::ActorId{"ruri-mod"};
  ministry.name = "Ruritanian Ministry of Defence";
  ministry.kind = gainsay::ActorKind::kMinistry;
  known.actors = {ansel, ministry};
  return known;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const gainsay::KnownActors known = known_actors();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::size_t code_points = gainsay::fuzz::code_points(text);
  for (const gainsay::Extracted& e : gainsay::extract_attributions(text, known)) {
    for (const auto* span : {&e.content, e.speaker ? &*e.speaker : nullptr, e.cue ? &*e.cue : nullptr}) {
      if (span) gainsay::fuzz::expect(span->start <= span->end && span->end <= code_points, "a span outside the text");
    }
  }
  return 0;
}
