// The subcommands of the gainsay executable. Each add_* function registers
// its options with CLI11 and returns the function that runs it once the
// whole command line has been parsed; the work itself is done in core/.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gainsay/dispute.h"
#include "gainsay/input.h"
#include "gainsay/progress.h"
#include "gainsay/standing.h"
#include "gainsay/text.h"

namespace gainsay::cli {

struct GlobalOptions {
  std::string db_path = "gainsay.db";
};

struct Command {
  CLI::App* app;
  std::function<int()> run;  // returns the exit status
};

Command add_import(CLI::App& app, const GlobalOptions& global);
Command add_stories(CLI::App& app, const GlobalOptions& global);
Command add_disputed(CLI::App& app, const GlobalOptions& global);
Command add_show(CLI::App& app, const GlobalOptions& global);
Command add_actor(CLI::App& app, const GlobalOptions& global);
Command add_graph(CLI::App& app, const GlobalOptions& global);
Command add_export(CLI::App& app, const GlobalOptions& global);
Command add_check(CLI::App& app, const GlobalOptions& global);
Command add_report(CLI::App& app, const GlobalOptions& global);
Command add_standing(CLI::App& app, const GlobalOptions& global);
Command add_extract(CLI::App& app, const GlobalOptions& global);
Command add_search(CLI::App& app, const GlobalOptions& global);
// --trust and --distrust, for standing and graph --format apx.
void add_trust_options(CLI::App* command, TrustProfile& profile);
// timeline, shifts, contradictions, matrix, claims, actors: the table reports.
std::vector<Command> add_listings(CLI::App& app, const GlobalOptions& global);

// A progress bar on stderr when it is a terminal and not `quiet`; else null.
std::unique_ptr<Progress> progress_bar(bool quiet);

// Options shared by the reports: the story files or database to read, the
// filters, and the output format.
struct ReportOptions {
  std::vector<std::string> files;
  std::string story;
  std::string actor;
  std::string side;
  std::string since;
  std::string until;
  std::string as_of;
  std::string format = "text";
};
// Adds the filters and --format; and the positional story files unless
// `with_files` is false (for commands whose positionals come first).
void add_report_options(CLI::App* command, ReportOptions& options, bool with_files = true);
// The same without --format, for commands with formats of their own.
void add_filter_options(CLI::App* command, ReportOptions& options, bool with_files = true);
ReportFilter to_filter(const ReportOptions& options);
InputOptions to_input(const ReportOptions& options, const GlobalOptions& global);
// The graph of the stories a report reads (load_graph), kept until the
// process ends: freeing a story of a million statements piece by piece at
// exit takes a tenth of a second that nobody needs. It stays reachable, so
// leak checkers do not count it.
const ClaimGraph& graph_for_process(const InputOptions& input, const std::optional<StoryId>& story);
// Adds --format with these choices, the first being the default.
void add_format_option(CLI::App* command, std::string& format, const std::vector<std::string>& choices);

// A report's four renderings; write_report calls the one --format names.
struct Renderers {
  std::function<void()> text, markdown, json, csv;
};
void write_report(const std::string& format, const Renderers& renderers);

// How text goes to stdout here: its width, and colour only on a terminal
// and never with NO_COLOR.
TextStyle stdout_style();

}  // namespace gainsay::cli
