#include "gainsay/claim_thread.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "gainsay/error.h"

#include "gainsay/table.h"
#include "report_common.h"

namespace gainsay {
namespace {

using namespace report;

ThreadNode grow(const Selection& selection, const StatementView& s, const Claim* claim,
                std::set<const Statement*>& placed) {
  ThreadNode node{s, s.claim != claim, {}};
  placed.insert(s.statement);
  auto answers = selection.graph().responses_to(s);
  std::sort(answers.begin(), answers.end(), earlier);
  for (const StatementView& answer : answers) {
    // A responds_to cycle would recurse forever; each statement is placed once.
    if (!selection.keeps(answer) || placed.count(answer.statement)) continue;
    node.answers.push_back(grow(selection, answer, claim, placed));
  }
  return node;
}

// "2022-08-31 · dismisses · Maria Zakharova (Russia) · on-record · via TASS"
std::string headline(const ThreadNode& node) {
  const StatementView& s = node.statement;
  std::string line = date_or_undated(s.statement->date) + " \u00b7 " + std::string(to_string(s.statement->stance)) +
                     " \u00b7 " + speaker(s) + " \u00b7 " + std::string(to_string(s.statement->attribution));
  if (s.via) line += " \u00b7 via " + s.via->name;
  if (node.elsewhere) line += " \u00b7 on claim " + s.claim->id.value;
  return line;
}

void text_node(TextWriter& w, const ThreadNode& node, const std::string& prefix, bool last) {
  const std::string branch = prefix + (last ? "\u2514\u2500 " : "\u251c\u2500 ");
  const std::string rest = prefix + (last ? "   " : "\u2502  ");
  const StatementView& s = node.statement;
  const Colour colour = is_for(s.statement->stance)     ? Colour::kGreen
                        : is_against(s.statement->stance) ? Colour::kRed
                                                          : Colour::kYellow;
  w.wrapped(headline(node), branch, rest + "  ", colour);
  const std::string inner = rest + (node.answers.empty() ? "   " : "\u2502  ");
  if (prefix.empty() && s.statement->responds_to) {
    w.wrapped("answers " + s.statement->responds_to->value + ", not on this claim or not shown", inner, inner, Colour::kDim);
  }
  if (s.source) w.wrapped("in " + source_line(s), inner, inner, Colour::kDim);
  if (!s.statement->quote.empty()) w.wrapped("\u201c" + s.statement->quote + "\u201d", inner, inner + " ");
  if (!s.statement->note.empty()) {
    w.wrapped((s.statement->stance == Stance::kPartiallyAdmits ? "concedes: " : "note: ") + s.statement->note, inner,
              inner + "  ");
  }
  for (std::size_t i = 0; i < node.answers.size(); ++i) text_node(w, node.answers[i], rest, i + 1 == node.answers.size());
}

Json node_json(const ThreadNode& node) {
  Json out = statement_json(node.statement);
  out["claim"] = node.statement.claim->id.value;
  out["answers"] = Json::array();
  for (const auto& answer : node.answers) out["answers"].push_back(node_json(answer));
  return out;
}

void markdown_node(std::ostream& out, const ThreadNode& node, int depth) {
  std::ostringstream item;
  write_markdown_statement(item, node.statement);
  std::string text = item.str();
  const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  // Indent every line of the item to its depth in the tree.
  std::string indented = indent;
  for (std::size_t i = 0; i < text.size(); ++i) {
    indented += text[i];
    if (text[i] == '\n' && i + 1 < text.size()) indented += indent;
  }
  if (node.elsewhere) indented.insert(indented.find("**: ") + 4, "*(on claim `" + node.statement.claim->id.value + "`)* ");
  out << indented;
  for (const auto& answer : node.answers) markdown_node(out, answer, depth + 1);
}

void csv_rows(Table& table, const ThreadNode& node, int depth) {
  const StatementView& s = node.statement;
  table.rows.push_back({std::to_string(depth), s.statement->id.value,
                        s.statement->responds_to ? s.statement->responds_to->value : "", s.claim->id.value,
                        s.statement->date ? s.statement->date->to_string() : "", std::string(to_string(s.statement->stance)),
                        s.actor->id.value, s.actor->name, s.side->id.value,
                        std::string(to_string(s.statement->attribution)), s.source ? s.source->id.value : "",
                        s.via ? s.via->id.value : "", s.statement->quote, s.statement->note});
  for (const auto& answer : node.answers) csv_rows(table, answer, depth + 1);
}

}  // namespace

ClaimThread claim_thread(const Selection& selection, const ClaimId& id) {
  const ClaimView claim = selection.find_claim(id);
  ClaimThread thread;
  for (auto& a : assess_claims(selection)) {
    if (a.claim.claim == claim.claim) thread.assessment = std::move(a);
  }
  if (!thread.assessment.claim.claim) {
    // The claim exists but the --actor or --side filter left it out.
    throw Error(ErrorCode::kNotFound, "claim '" + id.value + "' is not taken part in by the side selected");
  }
  thread.contradicting = selection.graph().contradicting(claim);
  // A verdict is shown as of a date only if it was certainly published by then.
  const auto& verdict = claim.claim->verdict;
  const auto& as_of = selection.filter().as_of;
  if (verdict && (!as_of || (verdict->date && verdict->date->certainly_by(*as_of)))) thread.verdict = &*verdict;
  const auto statements = selection.statements_on(claim);
  std::set<const Statement*> on_claim;
  for (const auto& s : statements) on_claim.insert(s.statement);
  std::set<const Statement*> placed;
  for (const StatementView& s : statements) {
    if (placed.count(s.statement)) continue;
    // A root answers nothing on this claim that is shown here.
    bool answers_shown = false;
    if (s.statement->responds_to) {
      for (const auto& other : statements) answers_shown |= other.statement->id == *s.statement->responds_to;
    }
    if (answers_shown) continue;
    thread.roots.push_back(grow(selection, s, claim.claim, placed));
  }
  // Statements in a responds_to cycle on this claim have no root; show them anyway.
  for (const StatementView& s : statements) {
    if (!placed.count(s.statement)) thread.roots.push_back(grow(selection, s, claim.claim, placed));
  }
  return thread;
}

void write_thread_text(std::ostream& out, const ClaimThread& thread, const TextStyle& style) {
  const ClaimAssessment& a = thread.assessment;
  TextWriter w(out, style);
  w.wrapped(a.claim.claim->text, "", "", Colour::kBold);
  std::string facts = "[" + std::string(to_string(a.status)) + "] " + a.claim.claim->id.value + " in " +
                      a.claim.story->id.value + (a.disputed ? " \u00b7 disputed" : "");
  if (!a.accused.empty()) facts += " \u00b7 about: " + names(a.accused);
  facts += " \u00b7 for: " + names(a.sides_for) + " \u00b7 against: " + names(a.sides_against);
  w.wrapped(facts, "", "  ", Colour::kCyan);
  for (const ClaimView& other : thread.contradicting) {
    w.wrapped("contradicts: " + other.claim->text + " (" + other.claim->id.value + ")", "", "  ");
  }
  if (const Verdict* v = thread.verdict) {
    w.wrapped("verdict: " + v->rating + (v->date ? " (" + v->date->to_string() + ")" : "") +
                  (v->explanation.empty() ? "" : " \u2014 " + v->explanation),
              "", "  ");
  }
  w.line();
  for (std::size_t i = 0; i < thread.roots.size(); ++i) {
    text_node(w, thread.roots[i], "", i + 1 == thread.roots.size());
  }
  if (thread.roots.empty()) w.line("No statements on this claim.");
  if (!a.shifts.empty()) {
    w.line();
    w.group("Position shifts", Colour::kBold);
    for (const auto& shift : a.shifts) w.wrapped(shift_text(shift), "    ", "      ");
  }
}

void write_thread_markdown(std::ostream& out, const ClaimThread& thread) {
  const ClaimAssessment& a = thread.assessment;
  out << "# " << markdown_escape(a.claim.claim->text) << "\n\nStatus: **" << to_string(a.status) << "** \u00b7 claim `"
      << a.claim.claim->id.value << "` \u00b7 for: " << markdown_escape(names(a.sides_for))
      << " \u00b7 against: " << markdown_escape(names(a.sides_against)) << "\n\n";
  if (const Verdict* v = thread.verdict) {
    out << "Verdict: **" << markdown_escape(v->rating) << "**" << (v->date ? " (" + v->date->to_string() + ")" : "")
        << (v->explanation.empty() ? "" : " \u2014 " + markdown_escape(v->explanation)) << "\n\n";
  }
  out << "## Thread\n\n";
  for (const auto& root : thread.roots) markdown_node(out, root, 0);
  if (!a.shifts.empty()) {
    out << "\n## Position shifts\n\n";
    for (const auto& shift : a.shifts) out << "- " << markdown_escape(shift_text(shift)) << '\n';
  }
}

void write_thread_json(std::ostream& out, const ClaimThread& thread) {
  const ClaimAssessment& a = thread.assessment;
  Json contradicting = Json::array();
  for (const ClaimView& c : thread.contradicting) contradicting.push_back(c.claim->id.value);
  Json roots = Json::array();
  for (const auto& root : thread.roots) roots.push_back(node_json(root));
  Json shifts = Json::array();
  for (const auto& shift : a.shifts) shifts.push_back(shift_json(shift));
  Json report{{"report", "show"},
              {"story", a.claim.story->id.value},
              {"claim", {{"id", a.claim.claim->id.value}, {"text", a.claim.claim->text}}},
              {"status", to_string(a.status)},
              {"disputed", a.disputed},
              {"about", actors_json(a.accused)},
              {"sides_for", actors_json(a.sides_for)},
              {"sides_against", actors_json(a.sides_against)},
              {"contradicts", contradicting},
              {"verdict", thread.verdict ? Json{{"rating", thread.verdict->rating},
                                                {"by", thread.verdict->by ? Json(thread.verdict->by->value) : Json(nullptr)},
                                                {"date", thread.verdict->date ? Json(thread.verdict->date->to_string()) : Json(nullptr)},
                                                {"url", optional_text(thread.verdict->url)},
                                                {"explanation", optional_text(thread.verdict->explanation)}}
                                         : Json(nullptr)},
              {"thread", roots},
              {"shifts", shifts}};
  out << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void write_thread_csv(std::ostream& out, const ClaimThread& thread) {
  Table table;
  table.columns = {"depth", "statement", "responds_to", "claim", "date", "stance", "actor", "actor_name",
                   "side", "attribution", "source", "via", "quote", "note"};
  for (const auto& root : thread.roots) csv_rows(table, root, 0);
  write_table_csv(out, table);
}

}  // namespace gainsay
