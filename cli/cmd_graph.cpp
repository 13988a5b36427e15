#include <iostream>
#include <memory>

#include "commands.h"
#include "gainsay/graph_export.h"
#include "gainsay/standing.h"

namespace gainsay::cli {

Command add_graph(CLI::App& app, const GlobalOptions& global) {
  struct Options {
    ReportOptions report;
    std::string claim;
    std::string render;
    TrustProfile profile;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "graph", "the claim graph as Graphviz DOT, GraphML or node-link JSON; or its argumentation framework as ICCMA apx");
  add_filter_options(command, options->report);
  add_format_option(command, options->report.format, {"dot", "graphml", "json", "apx"});
  add_trust_options(command, options->profile);
  command->add_option("--claim", options->claim, "only this claim's part of the graph");
  command->add_option("--render", options->render, "draw the DOT with Graphviz into FILE.svg, .png or .pdf");
  return {command, [options, &global] {
            const ReportFilter filter = to_filter(options->report);
            const ClaimGraph& graph = graph_for_process(to_input(options->report, global), filter.story);
            const Selection selection(graph, filter);
            std::optional<ClaimId> claim;
            if (!options->claim.empty()) claim = ClaimId{options->claim};
            const GraphSubset subset{selection, claim};
            if (!options->render.empty()) {
              render_graph(subset, options->render);
              std::cerr << "gainsay: wrote " << options->render << '\n';
            } else if (options->report.format == "apx") {
              // The argumentation framework of `standing`, for any ICCMA solver.
              write_apx(std::cout, build_standing(selection, options->profile).framework);
            } else if (options->report.format == "graphml") {
              write_graph_graphml(std::cout, subset);
            } else if (options->report.format == "json") {
              write_graph_json(std::cout, subset);
            } else {
              write_graph_dot(std::cout, subset);
            }
            return 0;
          }};
}

}  // namespace gainsay::cli
