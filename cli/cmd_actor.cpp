#include <iostream>
#include <memory>

#include "commands.h"
#include "gainsay/actor_record.h"

namespace gainsay::cli {

Command add_actor(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<ReportOptions>();
  auto actor = std::make_shared<std::string>();
  auto with_members = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand("actor", "who-said-what for one actor: its statements by claim, shifts, contradictions");
  command->add_option("actor", *actor, "the actor's id, name or alias")->required();
  command->add_option("files", options->files, "story files to read instead of the database")->check(CLI::ExistingFile);
  command->add_flag("--with-members", *with_members, "include everyone under the actor (its member_of tree)");
  add_report_options(command, *options, false);
  return {command, [options, actor, with_members, &global] {
            const ReportFilter filter = to_filter(*options);
            const ClaimGraph& graph = graph_for_process(to_input(*options, global), filter.story);
            const ActorRecord record = actor_record(Selection(graph, filter), *actor, *with_members);
            write_report(options->format, {[&] { write_actor_text(std::cout, record, stdout_style()); },
                                           [&] { write_actor_markdown(std::cout, record); },
                                           [&] { write_actor_json(std::cout, record); },
                                           [&] { write_actor_csv(std::cout, record); }});
            return 0;
          }};
}

}  // namespace gainsay::cli
