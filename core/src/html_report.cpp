#include "gainsay/html_report.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <set>

#include "gainsay/contradiction.h"
#include "gainsay/dispute.h"
#include "gainsay/listings.h"
#include "gainsay/sourcing.h"
#include "gainsay/text.h"

namespace gainsay {
namespace {

constexpr Stance kAgainstOrder[] = {Stance::kDenies, Stance::kDismisses, Stance::kDisputes, Stance::kPartiallyAdmits};
constexpr Stance kEvasiveOrder[] = {Stance::kDeflects, Stance::kDeclines, Stance::kCounterAccuses};

constexpr const char* kStyle = R"css(
:root { --ink: #1b1b1b; --muted: #5a5a5a; --line: #d6d6d6; --paper: #fff; --for: #1e6b34; --for-bg: #e6f3e9;
  --against: #a3262a; --against-bg: #f8e7e7; --partial: #9a5300; --evasive: #7a6400; --evasive-bg: #faf4d9; }
* { box-sizing: border-box; }
html { font-size: 112.5%; }
body { margin: 0; color: var(--ink); background: var(--paper); font: 1rem/1.5 "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
header.page, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
header.page { padding-top: 1.5rem; border-bottom: 3px solid var(--ink); }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 1rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.2rem; margin: 0 0 .25rem; }
h4 { font-size: 1rem; margin: 1rem 0 .5rem; text-transform: uppercase; letter-spacing: .04em; }
.meta, figcaption, .note { color: var(--muted); font-size: .9rem; }
nav ol { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: 0; list-style: none; }
a { color: #0b4f8a; }
article.claim { border: 1px solid var(--line); border-left: 6px solid var(--against); border-radius: 6px;
  padding: 1rem 1.25rem; margin: 0 0 1.5rem; break-inside: avoid; }
.status { display: inline-block; padding: .05rem .5rem; border-radius: 1rem; font-size: .85rem; font-weight: bold;
  background: var(--against-bg); color: var(--against); }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1.25rem; }
.sides > section { border-radius: 4px; padding: .25rem .75rem .5rem; }
.for { background: var(--for-bg); } .for h4 { color: var(--for); }
.against { background: var(--against-bg); } .against h4 { color: var(--against); }
.evasive { background: var(--evasive-bg); border-radius: 4px; padding: .25rem .75rem .5rem; margin-top: 1rem; }
.evasive h4 { color: var(--evasive); }
ul.statements { list-style: none; margin: 0; padding: 0; }
ul.statements > li { margin: 0 0 .9rem; }
.stance { font-weight: bold; }
.badge { display: inline-block; border: 1px solid currentColor; border-radius: 3px; padding: 0 .3rem; font-size: .8rem; }
.badge-anonymous { color: var(--against); } .badge-named { color: var(--for); }
blockquote { margin: .25rem 0 .25rem .25rem; padding-left: .75rem; border-left: 3px solid var(--line); font-style: italic; }
.warnings { margin-top: 1rem; font-size: .9rem; } .warnings li { margin-bottom: .2rem; }
td ul { margin: 0; padding-left: 1.1rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.heat td.num { font-weight: bold; text-align: center; }
.heat-0 { background: #fff; } .heat-1 { background: #fbe3e3; } .heat-2 { background: #f5c2c2; }
.heat-3 { background: #ee9f9f; } .heat-4 { background: #e27a7a; } .heat-5 { background: #b83c3c; color: #fff; }
.heat td .meta { color: inherit; font-weight: normal; }
caption { text-align: left; padding-bottom: .35rem; }
.table-scroll { overflow-x: auto; }
figure { margin: 0; } figure svg { width: 100%; height: auto; border: 1px solid var(--line); }
footer { margin-top: 3rem; padding-bottom: 2rem; color: var(--muted); font-size: .85rem; }
@media (max-width: 44rem) {
  html { font-size: 100%; }
  .sides { grid-template-columns: 1fr; }
  h1 { font-size: 1.6rem; }
}
@media print {
  html { font-size: 10.5pt; }
  nav, .skip { display: none; }
  header.page, main, footer { max-width: none; padding: 0; }
  article.claim, figure, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .8em; color: var(--muted); word-break: break-all; }
  .for, .against, .evasive, .heat td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

std::string esc(const std::string& text) { return html_escape(text); }

// A link only for http(s) URLs: anything else (javascript:, data:) is text.
std::string link(const std::string& url, const std::string& text) {
  if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) return esc(text);
  return "<a href=\"" + esc(url) + "\" rel=\"noopener noreferrer\">" + esc(text) + "</a>";
}

std::string time_element(const std::optional<Date>& date) {
  if (!date) return "<span class=\"undated\">undated</span>";
  // A year alone is not a valid datetime value; month and day are.
  if (date->precision() == Date::Precision::kYear) return esc(date->to_string());
  return "<time datetime=\"" + date->to_string() + "\">" + date->to_string() + "</time>";
}

std::string badge(Attribution attribution) {
  switch (attribution) {
    case Attribution::kOnRecord: return "<span class=\"badge badge-named\">named</span>";
    case Attribution::kOfficialStatement: return "<span class=\"badge badge-named\">official statement</span>";
    case Attribution::kAnonymous: return "<span class=\"badge badge-anonymous\">anonymous</span>";
    case Attribution::kViaMedia: return "<span class=\"badge badge-media\">via media</span>";
    case Attribution::kUnknown: return "<span class=\"badge\">unattributed</span>";
  }
  return "";
}

std::string names(const std::vector<const Actor*>& actors) {
  std::string out;
  for (const Actor* a : actors) out += (out.empty() ? "" : ", ") + esc(a->name);
  return out.empty() ? "none" : out;
}

void statement_item(std::ostream& out, const StatementView& s) {
  out << "<li><p><span class=\"stance\">" << to_string(s.statement->stance) << "</span> \u00b7 <strong>"
      << esc(s.actor->name) << "</strong>";
  if (s.side != s.actor) out << " <span class=\"meta\">(" << esc(s.side->name) << ")</span>";
  out << "</p>\n<p class=\"meta\">" << time_element(s.statement->date) << " \u00b7 " << badge(s.statement->attribution);
  if (s.via) out << " \u00b7 via " << esc(s.via->name);
  if (s.source) {
    std::string where = s.outlet ? s.outlet->name : s.source->id.value;
    if (!s.source->title.empty()) where += ", \u201c" + s.source->title + "\u201d";
    out << " \u00b7 " << link(s.source->url, where);
  }
  out << "</p>\n";
  if (!s.statement->quote.empty()) out << "<blockquote>\u201c" << esc(s.statement->quote) << "\u201d</blockquote>\n";
  if (!s.statement->note.empty()) {
    out << "<p class=\"note\">" << (s.statement->stance == Stance::kPartiallyAdmits ? "Concedes: " : "")
        << esc(s.statement->note) << "</p>\n";
  }
  out << "</li>\n";
}

void statement_list(std::ostream& out, const std::vector<StatementView>& list) {
  out << "<ul class=\"statements\">\n";
  for (const auto& s : list) statement_item(out, s);
  out << "</ul>\n";
}

std::vector<StatementView> in_order(const std::vector<StatementView>& list, const Stance* order, std::size_t n) {
  std::vector<StatementView> out;
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto& s : list) {
      if (s.statement->stance == order[i]) out.push_back(s);
    }
  }
  return out;
}

std::string shift_line(const PositionShift& shift) {
  std::string out = "<strong>" + esc(shift.who->name) + "</strong>" + (shift.is_side ? " (side)" : "") + ": ";
  for (std::size_t i = 0; i < shift.steps.size(); ++i) {
    const StatementView& s = shift.steps[i].statement;
    if (i > 0) out += shift.steps[i].order_uncertain ? " \u2192<abbr title=\"order uncertain: the dates overlap\">?</abbr> " : " \u2192 ";
    out += std::string(to_string(s.statement->stance)) + " (" + time_element(s.statement->date) +
           (shift.is_side ? ", " + esc(s.actor->name) : "") + ")";
  }
  if (!shift.undated.empty()) {
    out += "; undated, cannot be ordered: ";
    for (std::size_t i = 0; i < shift.undated.size(); ++i) {
      out += (i ? ", " : "") + std::string(to_string(shift.undated[i].statement->stance));
    }
  }
  return out;
}

// Table rows from the shared table reports, as an HTML table.
void html_table(std::ostream& out, const Table& table, const std::vector<std::string>& columns, const char* caption) {
  std::vector<std::size_t> keep;
  for (const auto& name : columns) {
    keep.push_back(static_cast<std::size_t>(std::find(table.columns.begin(), table.columns.end(), name) - table.columns.begin()));
  }
  out << "<div class=\"table-scroll\"><table>\n<caption class=\"meta\">" << esc(caption) << "</caption>\n<thead><tr>";
  for (std::size_t i : keep) out << "<th scope=\"col\">" << esc(table.columns[i]) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  std::size_t next_break = 0;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    for (; next_break < table.breaks.size() && table.breaks[next_break].row == r; ++next_break) {
      out << "<tr><th scope=\"rowgroup\" colspan=\"" << keep.size() << "\">" << esc(table.breaks[next_break].title)
          << "</th></tr>\n";
    }
    out << "<tr>";
    for (std::size_t i : keep) {
      const bool numeric = i < table.numeric.size() && table.numeric[i];
      out << (numeric ? "<td class=\"num\">" : "<td>") << esc(table.rows[r][i]) << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody></table></div>\n";
}

// The drawn SVG, scaled to the page: without its fixed size and its XML
// prologue, which cannot stand inside HTML.
std::string inline_svg(const std::string& svg) {
  const std::size_t start = svg.find("<svg");
  if (start == std::string::npos) return "";
  std::string out = svg.substr(start);
  const std::size_t tag_end = out.find('>');
  std::string tag = out.substr(0, tag_end);
  for (const char* attribute : {" width=\"", " height=\""}) {
    const std::size_t at = tag.find(attribute);
    if (at != std::string::npos) tag.erase(at, tag.find('"', at + std::strlen(attribute)) + 1 - at);
  }
  return tag + " role=\"img\" aria-labelledby=\"graph-caption\"" + out.substr(tag_end);
}

}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  for (char c : inert(text)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

void write_html_report(std::ostream& out, const Selection& selection, const HtmlOptions& options) {
  const auto& stories = selection.graph().stories();
  std::vector<const Story*> shown;
  for (const Story& s : stories) {
    if (selection.in_story(s)) shown.push_back(&s);
  }
  const std::string title = shown.size() == 1 ? shown.front()->title : std::to_string(shown.size()) + " stories";
  const auto disputed = find_disputed(selection);
  const auto warnings = check_sourcing(selection);
  const Table timeline = timeline_table(selection, std::nullopt);
  const Table shifts = shifts_table(selection);
  const Table contradictions = contradictions_table(selection);
  const Table matrix = matrix_table(selection);
  const ReportFilter& f = selection.filter();

  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "img-src data:\">\n<meta name=\"generator\" content=\""
      << esc(options.generator) << "\">\n<title>" << esc(title) << " \u2014 who claims, who denies</title>\n<style>"
      << kStyle << "</style>\n</head>\n<body>\n";

  out << "<header class=\"page\">\n<h1>" << esc(title) << "</h1>\n";
  for (const Story* s : shown) {
    if (!s->description.empty()) out << "<p>" << esc(s->description) << "</p>\n";
  }
  out << "<p class=\"meta\">" << disputed.size() << " disputed claims";
  if (f.as_of) out << " \u00b7 as a reader could know it on " << time_element(f.as_of);
  if (f.since) out << " \u00b7 statements since " << time_element(f.since);
  if (f.until) out << " \u00b7 until " << time_element(f.until);
  if (!f.actor.empty()) out << " \u00b7 claims " << esc(f.actor) << "\u2019s side takes part in";
  if (!f.side.empty()) out << " \u00b7 side: " << esc(f.side);
  out << "</p>\n<nav aria-label=\"Contents\"><ol>"
         "<li><a href=\"#disputed\">Disputed claims</a></li><li><a href=\"#graph\">Graph</a></li>"
         "<li><a href=\"#timeline\">Timeline</a></li><li><a href=\"#shifts\">Shifts</a></li>"
         "<li><a href=\"#contradictions\">Contradictions</a></li><li><a href=\"#matrix\">Who answers whom</a></li>"
         "<li><a href=\"#sourcing\">Sourcing</a></li><li><a href=\"#sources\">Sources</a></li></ol></nav>\n</header>\n<main>\n";

  out << "<section id=\"disputed\" aria-labelledby=\"h-disputed\">\n<h2 id=\"h-disputed\">Disputed claims</h2>\n"
         "<p class=\"meta\">Claims that someone is for and someone on another side is against, the most opposed "
         "first.</p>\n";
  if (disputed.empty()) out << "<p>No claim is disputed here.</p>\n";
  std::size_t number = 0;
  for (const ClaimAssessment& a : disputed) {
    const std::string id = "claim-" + std::to_string(++number);
    out << "<article class=\"claim\" id=\"" << id << "\" aria-labelledby=\"" << id << "-h\">\n<header><h3 id=\"" << id
        << "-h\">" << esc(a.claim.claim->text) << "</h3>\n<p class=\"meta\"><span class=\"status\">"
        << to_string(a.status) << "</span> \u00b7 <code>" << esc(a.claim.claim->id.value) << "</code>";
    if (!a.accused.empty()) out << " \u00b7 about " << names(a.accused);
    out << " \u00b7 for: " << names(a.sides_for) << " \u00b7 against: " << names(a.sides_against) << "</p></header>\n";
    out << "<div class=\"sides\">\n<section class=\"for\" aria-label=\"For\"><h4>For</h4>\n";
    statement_list(out, a.for_claim);
    out << "</section>\n<section class=\"against\" aria-label=\"Against\"><h4>Against</h4>\n";
    statement_list(out, in_order(a.against, kAgainstOrder, std::size(kAgainstOrder)));
    out << "</section>\n</div>\n";
    if (!a.evasive.empty()) {
      out << "<section class=\"evasive\" aria-label=\"Evasive answers\"><h4>Evasive answers</h4>\n";
      statement_list(out, in_order(a.evasive, kEvasiveOrder, std::size(kEvasiveOrder)));
      out << "</section>\n";
    }
    if (!a.shifts.empty()) {
      out << "<h4>Position shifts</h4>\n<ul>\n";
      for (const auto& shift : a.shifts) out << "<li>" << shift_line(shift) << "</li>\n";
      out << "</ul>\n";
    }
    std::vector<const SourcingWarning*> mine;
    for (const auto& w : warnings) {
      if (w.claim.claim == a.claim.claim) mine.push_back(&w);
    }
    if (!mine.empty()) {
      out << "<aside class=\"warnings\" aria-label=\"Sourcing warnings\"><h4>Sourcing</h4>\n<ul>\n";
      for (const auto* w : mine) out << "<li><strong>" << to_string(w->flag) << "</strong>: " << esc(w->message) << "</li>\n";
      out << "</ul></aside>\n";
    }
    out << "</article>\n";
  }
  out << "</section>\n";

  out << "<section id=\"graph\" aria-labelledby=\"h-graph\">\n<h2 id=\"h-graph\">Claim graph</h2>\n";
  if (options.graph_svg) {
    out << "<figure>\n" << inline_svg(*options.graph_svg)
        << "\n<figcaption id=\"graph-caption\">The disputed claims (boxes), the statements on them coloured by stance "
           "(green for, red against, orange partial, yellow evasive), their speakers grouped by side, and the sources."
           "</figcaption>\n</figure>\n";
  } else {
    out << "<p class=\"note\">The graph is not drawn: Graphviz is not installed where this page was made "
           "(Debian's graphviz package provides it).</p>\n";
  }
  out << "</section>\n";

  out << "<section id=\"timeline\" aria-labelledby=\"h-timeline\">\n<h2 id=\"h-timeline\">Timeline</h2>\n";
  html_table(out, timeline, {"date", "claim", "actor", "stance", "attribution", "words"},
             "Every statement in date order; a partial date (a year or a month) comes before the days inside it.");
  out << "</section>\n<section id=\"shifts\" aria-labelledby=\"h-shifts\">\n<h2 id=\"h-shifts\">Position shifts</h2>\n";
  if (shifts.rows.empty()) {
    out << "<p>No actor or side changed its stance on a claim.</p>\n";
  } else {
    html_table(out, shifts, {"step", "date", "stance", "actor", "source"}, "Who changed their stance, step by step.");
  }
  out << "</section>\n<section id=\"contradictions\" aria-labelledby=\"h-contradictions\">\n"
         "<h2 id=\"h-contradictions\">Contradictions</h2>\n";
  if (contradictions.rows.empty()) {
    out << "<p>No actor or side is both for and against a claim, or for two claims that contradict each other.</p>\n";
  } else {
    html_table(out, contradictions, {"claim", "role", "date", "stance", "actor", "words"},
               "Actors or sides on both sides of a claim, with the statements that show it.");
  }
  out << "</section>\n";

  out << "<section id=\"matrix\" aria-labelledby=\"h-matrix\">\n<h2 id=\"h-matrix\">Who answers whom</h2>\n";
  std::vector<std::string> claimants, answerers;
  std::map<std::pair<std::string, std::string>, const std::vector<std::string>*> cells;
  std::size_t most = 1;
  for (const auto& row : matrix.rows) {
    if (std::find(claimants.begin(), claimants.end(), row[0]) == claimants.end()) claimants.push_back(row[0]);
    if (std::find(answerers.begin(), answerers.end(), row[1]) == answerers.end()) answerers.push_back(row[1]);
    cells[{row[0], row[1]}] = &row;
    most = std::max<std::size_t>(most, std::stoul(row[2]));
  }
  if (claimants.empty()) {
    out << "<p>No side answers another side's claims here.</p>\n";
  } else {
    out << "<div class=\"table-scroll\"><table class=\"heat\">\n<caption class=\"meta\">How many claims of each side "
           "(rows) each other side (columns) is against; hover or print for the split by stance.</caption>\n"
           "<thead><tr><th scope=\"col\">claims of \u2193 / against by \u2192</th>";
    for (const auto& a : answerers) out << "<th scope=\"col\">" << esc(a) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (const auto& c : claimants) {
      out << "<tr><th scope=\"row\">" << esc(c) << "</th>";
      for (const auto& a : answerers) {
        auto it = cells.find({c, a});
        if (it == cells.end()) {
          out << "<td class=\"num heat-0\"></td>";
          continue;
        }
        const auto& row = *it->second;
        const std::size_t count = std::stoul(row[2]);
        const long level = count == 0 ? 0 : std::lround(std::ceil(5.0 * static_cast<double>(count) / static_cast<double>(most)));
        std::string split;
        for (std::size_t i = 3; i < row.size(); ++i) {
          if (row[i] != "0") split += (split.empty() ? "" : ", ") + matrix.columns[i] + " " + row[i];
        }
        out << "<td class=\"num heat-" << level << "\" title=\"" << esc(split) << "\">" << count
            << (split.empty() ? "" : "<br><span class=\"meta\">" + esc(split) + "</span>") << "</td>";
      }
      out << "</tr>\n";
    }
    out << "</tbody></table></div>\n";
  }
  out << "</section>\n";

  out << "<section id=\"sourcing\" aria-labelledby=\"h-sourcing\">\n<h2 id=\"h-sourcing\">Sourcing warnings</h2>\n";
  if (warnings.empty()) {
    out << "<p>No claim rests on thin sourcing.</p>\n";
  } else {
    out << "<div class=\"table-scroll\"><table>\n<caption class=\"meta\">Where a claim rests on thin sourcing, for every "
           "claim (not only the disputed ones).</caption>\n<thead><tr><th scope=\"col\">claim</th><th scope=\"col\">"
           "warnings</th></tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < warnings.size();) {
      const Claim* claim = warnings[i].claim.claim;
      out << "<tr><td>" << esc(claim->text) << "</td><td><ul>";
      for (; i < warnings.size() && warnings[i].claim.claim == claim; ++i) {
        out << "<li><strong>" << to_string(warnings[i].flag) << "</strong>: " << esc(warnings[i].message) << "</li>";
      }
      out << "</ul></td></tr>\n";
    }
    out << "</tbody></table></div>\n";
  }
  out << "</section>\n";

  out << "<section id=\"sources\" aria-labelledby=\"h-sources\">\n<h2 id=\"h-sources\">Sources</h2>\n<ol>\n";
  for (const Story* story : shown) {
    for (const Source& s : story->sources) {
      const Actor* outlet = s.outlet ? selection.graph().find_actor(*story, *s.outlet) : nullptr;
      out << "<li>" << (outlet ? esc(outlet->name) + ", " : "") << link(s.url, s.title.empty() ? s.id.value : s.title);
      if (s.author.size()) out << ", by " << esc(s.author);
      if (s.published) out << ", " << time_element(s.published);
      out << " <span class=\"meta\">(" << esc(s.id.value) << ")</span></li>\n";
    }
  }
  out << "</ol>\n</section>\n</main>\n<footer><p>Made by " << esc(options.generator)
      << ". Stances are as the sources reported them; gainsay does not rule on truth.</p></footer>\n</body>\n</html>\n";
}

}  // namespace gainsay
