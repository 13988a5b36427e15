// The HTML report (gainsay report --html): one self-contained page for
// readers and classrooms. Disputed claims as cards, sourcing warnings, the
// claim graph as inline SVG, the timeline, shifts, contradictions and the
// side matrix as a heat table. No script, no network (a Content-Security-
// Policy forbids both); every story text escaped.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "gainsay/filter.h"

namespace gainsay {

struct HtmlOptions {
  // The drawn graph: an SVG document from render_svg, or nullopt to say
  // plainly that Graphviz is not installed.
  std::optional<std::string> graph_svg;
  std::string generator = "gainsay";  // named in the footer
};

void write_html_report(std::ostream& out, const Selection& selection, const HtmlOptions& options);

// Text safe in HTML content and attribute values.
std::string html_escape(const std::string& text);

}  // namespace gainsay
