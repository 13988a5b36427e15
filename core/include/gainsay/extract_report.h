// What gainsay extract prints: a story-file fragment (YAML) that a person
// reviews and pastes, with proposed new actors and statements and the spans
// as comments; or JSON carrying every span, for programs.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "gainsay/extract.h"

namespace gainsay {

struct ExtractedArticle {
  std::string file;
  std::vector<Extracted> attributions;
};

// `source`: the source id the statements cite (empty: none).
void write_extract_yaml(std::ostream& out, const std::vector<ExtractedArticle>& articles, const std::string& source);
void write_extract_json(std::ostream& out, const std::vector<ExtractedArticle>& articles, const std::string& source);

// The id a new actor named `name` would get: a slug of it.
std::string proposed_actor_id(const std::string& name);

}  // namespace gainsay
