#include <iostream>
#include <memory>

#include "commands.h"
#include "gainsay/claim_thread.h"

namespace gainsay::cli {

Command add_show(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<ReportOptions>();
  auto claim = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand("show", "a claim's whole thread: its statements and the answers to them, as a tree");
  command->add_option("claim", *claim, "the claim's id")->required();
  command->add_option("files", options->files, "story files to read instead of the database")->check(CLI::ExistingFile);
  add_report_options(command, *options, false);
  return {command, [options, claim, &global] {
            const ReportFilter filter = to_filter(*options);
            const ClaimGraph& graph = graph_for_process(to_input(*options, global), filter.story);
            const ClaimThread thread = claim_thread(Selection(graph, filter), ClaimId{*claim});
            write_report(options->format, {[&] { write_thread_text(std::cout, thread, stdout_style()); },
                                           [&] { write_thread_markdown(std::cout, thread); },
                                           [&] { write_thread_json(std::cout, thread); },
                                           [&] { write_thread_csv(std::cout, thread); }});
            return 0;
          }};
}

}  // namespace gainsay::cli
