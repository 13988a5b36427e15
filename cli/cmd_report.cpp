#include <fstream>
#include <iostream>
#include <memory>

#include "commands.h"
#include "gainsay/error.h"
#include "gainsay/graph_export.h"
#include "gainsay/html_report.h"

namespace gainsay::cli {

Command add_report(CLI::App& app, const GlobalOptions& global) {
  struct Options {
    ReportOptions report;
    std::string html;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("report", "the whole dispute as one self-contained HTML page for readers");
  add_filter_options(command, options->report);
  command->add_option("--html", options->html, "write the page to this file (- for stdout)")->required();
  return {command, [options, &global] {
            const ReportFilter filter = to_filter(options->report);
            const ClaimGraph& graph = graph_for_process(to_input(options->report, global), filter.story);
            const Selection selection(graph, filter);
            HtmlOptions html;
            html.generator = std::string("gainsay ") + GAINSAY_VERSION;
            html.graph_svg = render_svg(GraphSubset{selection, std::nullopt, true});
            if (options->html == "-") {
              write_html_report(std::cout, selection, html);
              return 0;
            }
            std::ofstream out(options->html, std::ios::binary);
            write_html_report(out, selection, html);
            if (!out) throw Error(ErrorCode::kIo, "cannot write " + options->html);
            std::cerr << "gainsay: wrote " << options->html << (html.graph_svg ? "" : " (no graph: Graphviz is not installed)")
                      << '\n';
            return 0;
          }};
}

}  // namespace gainsay::cli
