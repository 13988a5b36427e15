#include <iostream>
#include <memory>

#include "commands.h"
#include "gainsay/disputed_report.h"

namespace gainsay::cli {

Command add_disputed(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* command = app.add_subcommand(
      "disputed", "claims with an actor for them and an actor of another side against them");
  add_report_options(command, *options);
  return {command, [options, &global] {
            const ReportFilter filter = to_filter(*options);
            const ClaimGraph& graph = graph_for_process(to_input(*options, global), filter.story);
            const auto claims = find_disputed(graph, filter);
            ReportHeading heading{{}, filter};
            for (const Story& story : graph.stories()) heading.stories.push_back(story.id);
            write_report(options->format,
                         {[&] { write_disputed_text(std::cout, claims, heading, stdout_style()); },
                          [&] { write_disputed_markdown(std::cout, claims, heading); },
                          [&] { write_disputed_json(std::cout, claims, heading); },
                          [&] { write_disputed_csv(std::cout, claims); }});
            return 0;
          }};
}

}  // namespace gainsay::cli
