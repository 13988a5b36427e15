#include <iostream>
#include <memory>

#include "commands.h"
#include "gainsay/standing.h"

namespace gainsay::cli {

void add_trust_options(CLI::App* command, TrustProfile& profile) {
  command->add_option("--trust", profile.trust, "sides whose statements prevail over the neutral (repeatable)");
  command->add_option("--distrust", profile.distrust, "sides whose statements are discounted (repeatable)");
}

Command add_standing(CLI::App& app, const GlobalOptions& global) {
  struct Options {
    ReportOptions report;
    TrustProfile profile;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "standing", "which claims stand if you trust these sides and not those (grounded argumentation semantics)");
  add_report_options(command, options->report);
  add_trust_options(command, options->profile);
  return {command, [options, &global] {
            const ReportFilter filter = to_filter(options->report);
            const ClaimGraph& graph = graph_for_process(to_input(options->report, global), filter.story);
            const Standing standing = build_standing(Selection(graph, filter), options->profile);
            write_report(options->report.format,
                         {[&] { write_standing_text(std::cout, standing, stdout_style()); },
                          [&] { write_standing_markdown(std::cout, standing); },
                          [&] { write_standing_json(std::cout, standing); },
                          [&] { write_standing_csv(std::cout, standing); }});
            return 0;
          }};
}

}  // namespace gainsay::cli
