// Attribution extraction (gainsay extract): proposes the attributed
// statements in a news article for a person to confirm. Direct quotes with
// their cue and speaker on either side (a quote split around its cue, one
// running over several sentences or paragraphs, curly or straight marks),
// and indirect speech ("X said that ...", "according to X, ...", "X denied
// ...", "X declined to comment"). Spans are counted in Unicode code points
// into the input, as Python and brat count them. One linear pass over the
// text, no regular expressions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gainsay/model.h"

namespace gainsay {

struct TextSpan32 {
  std::size_t start = 0;  // code points, inclusive
  std::size_t end = 0;    // code points, exclusive
  std::string text;
};

struct Extracted {
  std::optional<TextSpan32> speaker;  // none: a quote with no speaker in reach
  std::optional<TextSpan32> cue;      // none for an unattributed quote
  TextSpan32 content;                 // empty (start == end) when nothing is reported: "X declined to comment"
  bool direct = false;
  Stance stance = Stance::kAsserts;          // guessed from the cue
  Attribution attribution = Attribution::kUnknown;  // guessed from the speaker
  std::string speaker_name;           // the named speaker a pronoun or role noun resolves to
  std::optional<ActorId> actor;       // a known actor, when one matches
};

// Who may be speaking: actors known from a story or the database, matched by
// name, alias or surname. Empty: every speaker is proposed as new.
struct KnownActors {
  std::vector<Actor> actors;
};

std::vector<Extracted> extract_attributions(std::string_view text, const KnownActors& known = {});

}  // namespace gainsay
