#include <iostream>
#include <memory>

#include "commands.h"
#include "gainsay/check_report.h"

namespace gainsay::cli {

Command add_check(CLI::App& app, const GlobalOptions& global) {
  struct Options {
    ReportOptions report;
    std::string texts;
    std::vector<std::string> only;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "check", "verify every quote against its source's text and flag weak sourcing; exit 1 when problems are found");
  add_filter_options(command, options->report);
  add_format_option(command, options->report.format, {"text", "json"});
  command->add_option("--texts", options->texts, "folder holding the sources' texts (default: beside the story file)")
      ->check(CLI::ExistingDirectory);
  command->add_option("--only", options->only, "run only these checks: quotes, sourcing, integrity (repeatable)")
      ->check(CLI::IsMember({"quotes", "sourcing", "integrity"}));
  return {command, [options, &global] {
            auto wants = [&](const char* part) {
              return options->only.empty() ||
                     std::find(options->only.begin(), options->only.end(), part) != options->only.end();
            };
            const ReportFilter filter = to_filter(options->report);
            const InputOptions input = to_input(options->report, global);
            const ClaimGraph& graph = graph_for_process(input, filter.story);
            const Selection selection(graph, filter);
            CheckReport report;
            report.checked_quotes = wants("quotes");
            report.checked_sourcing = wants("sourcing");
            if (report.checked_quotes) report.quotes = check_quotes(selection, options->texts);
            if (report.checked_sourcing) report.sourcing = check_sourcing(selection);
            // Story files are read into memory; only a database has integrity to check.
            if (wants("integrity") && input.files.empty()) report.integrity = database_integrity(input.db_path);
            if (options->report.format == "json") {
              write_check_json(std::cout, report);
            } else {
              write_check_text(std::cout, report, stdout_style());
            }
            return report.problems() == 0 ? 0 : 1;
          }};
}

}  // namespace gainsay::cli
