#include "gainsay/argdown.h"

#include <cstdio>
#include <map>

#include "gainsay/text.h"

namespace gainsay {
namespace {

// A YAML value in an Argdown data block: double-quoted, with the characters
// Argdown's lexer reads even inside a data block written as YAML \u escapes.
std::string yaml_string(const std::string& text) {
  std::string out = "\"";
  for (char c : inert(text)) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (std::string_view("[]{}<>#@").find(c) != std::string_view::npos) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned>(c));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

std::string argdown_escape(const std::string& text) {
  std::string out;
  for (char c : inert(text)) {
    // Brackets open statements, arguments and data; # tags; @ mentions;
    // * and _ emphasis. (Relations only start lines, which text never does.)
    if (std::string_view("[]<>{}#*_\\@").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

void write_argdown(std::ostream& out, const std::vector<Story>& stories) {
  for (const Story& story : stories) {
    std::map<std::string, const Actor*> actors;
    std::map<std::string, const Source*> sources;
    for (const Actor& a : story.actors) actors[a.id.value] = &a;
    for (const Source& s : story.sources) sources[s.id.value] = &s;
    // Titles are ids, which are slugs: safe inside [ ] and < >.
    const std::string prefix = stories.size() > 1 ? story.id.value + "/" : "";
    out << "# " << argdown_escape(story.title) << "\n\n";
    for (const Claim& claim : story.claims) {
      out << "[" << prefix << claim.id.value << "]: " << argdown_escape(claim.text);
      if (claim.verdict) out << " {verdict: " << yaml_string(claim.verdict->rating) << "}";
      out << "\n";
      for (const Statement& s : story.statements) {
        if (s.claim != claim.id) continue;
        const StanceClass c = stance_class(s.stance);
        const Actor& who = *actors.at(s.by.value);
        const char* relation = c == StanceClass::kFor ? "+ " : c == StanceClass::kEvasive ? "" : "- ";
        if (c == StanceClass::kEvasive) continue;  // written below, unrelated
        out << "  " << relation << "<" << prefix << s.id.value << ">: " << argdown_escape(who.name) << " "
            << to_string(s.stance);
        if (!s.quote.empty()) out << ": \u201c" << argdown_escape(s.quote) << "\u201d";
        if (!s.note.empty()) out << " (" << argdown_escape(s.note) << ")";
        out << " {actor: " << yaml_string(who.name) << ", stance: " << yaml_string(std::string(to_string(s.stance)));
        if (s.date) out << ", date: " << yaml_string(s.date->to_string());
        if (s.source) {
          const Source& src = *sources.at(s.source->value);
          out << ", source: " << yaml_string(src.title.empty() ? src.id.value : src.title);
          if (!src.url.empty()) out << ", url: " << yaml_string(src.url);
        }
        out << "}\n";
      }
      for (const ClaimId& other : claim.contradicts) out << "  >< [" << prefix << other.value << "]\n";
      out << "\n";
    }
    bool evasive_heading = false;
    for (const Statement& s : story.statements) {
      if (stance_class(s.stance) != StanceClass::kEvasive) continue;
      if (!evasive_heading) out << "## Evasive answers\n\n";
      evasive_heading = true;
      const Actor& who = *actors.at(s.by.value);
      out << "<" << prefix << s.id.value << ">: " << argdown_escape(who.name) << " " << to_string(s.stance) << " on @["
          << prefix << s.claim.value << "]";
      if (!s.note.empty()) out << " (" << argdown_escape(s.note) << ")";
      out << " {actor: " << yaml_string(who.name) << ", stance: " << yaml_string(std::string(to_string(s.stance)));
      if (s.date) out << ", date: " << yaml_string(s.date->to_string());
      out << "}\n\n";
    }
  }
}

}  // namespace gainsay
