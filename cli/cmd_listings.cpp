#include <filesystem>
#include <iostream>
#include <memory>

#include "commands.h"
#include "gainsay/error.h"
#include "gainsay/listings.h"

namespace gainsay::cli {
namespace {

using TableBuilder = std::function<Table(const Selection&)>;

// A report that is one table: parse the shared options, select, build, write.
Command add_table_report(CLI::App& app, const GlobalOptions& global, const std::string& name,
                         const std::string& description, std::shared_ptr<ReportOptions> options,
                         TableBuilder build, bool with_files = true) {
  CLI::App* command = app.add_subcommand(name, description);
  add_report_options(command, *options, with_files);
  return {command, [options, &global, build] {
            const ReportFilter filter = to_filter(*options);
            const ClaimGraph& graph = graph_for_process(to_input(*options, global), filter.story);
            write_table(std::cout, build(Selection(graph, filter)), options->format, stdout_style());
            return 0;
          }};
}

}  // namespace

std::vector<Command> add_listings(CLI::App& app, const GlobalOptions& global) {
  std::vector<Command> commands;

  // timeline [CLAIM] [FILE...]: a first argument that is not a file is the claim.
  auto timeline = std::make_shared<ReportOptions>();
  auto claim = std::make_shared<std::optional<ClaimId>>();
  commands.push_back(add_table_report(
      app, global, "timeline", "statements in date order; partial dates before the days inside them, undated apart",
      timeline,
      [claim](const Selection& selection) { return timeline_table(selection, *claim); }, false));
  commands.back().app->add_option("claim_or_files", timeline->files, "a claim id, then story files")
      ->type_name("[CLAIM] [FILE...]");
  const auto run_timeline = commands.back().run;
  commands.back().run = [timeline, claim, run_timeline] {
    // A name that looks like a story file is one, even if it is mistyped.
    auto looks_like_file = [](const std::string& arg) {
      const auto ext = std::filesystem::path(arg).extension();
      return ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".csv" || arg.find('/') != std::string::npos;
    };
    if (!timeline->files.empty() && !std::filesystem::is_regular_file(timeline->files.front()) &&
        !looks_like_file(timeline->files.front())) {
      *claim = ClaimId{timeline->files.front()};
      timeline->files.erase(timeline->files.begin());
    }
    for (const auto& file : timeline->files) {
      if (!std::filesystem::exists(file)) throw Error(ErrorCode::kNotFound, file + ": no such story file");
    }
    return run_timeline();
  };

  commands.push_back(add_table_report(app, global, "shifts",
                                      "actors and sides whose stance toward a claim changed, step by step",
                                      std::make_shared<ReportOptions>(), shifts_table));
  commands.push_back(add_table_report(app, global, "contradictions",
                                      "actors and sides both for and against a claim, or for two contradicting claims",
                                      std::make_shared<ReportOptions>(), contradictions_table));
  commands.push_back(add_table_report(app, global, "matrix",
                                      "side x side: how many claims of one side each other side is against, by stance",
                                      std::make_shared<ReportOptions>(), matrix_table));

  auto statuses = std::make_shared<std::vector<std::string>>();
  commands.push_back(add_table_report(app, global, "claims", "claims with their status and counts",
                                      std::make_shared<ReportOptions>(), [statuses](const Selection& selection) {
                                        std::vector<ClaimStatus> wanted;
                                        for (const auto& word : *statuses) wanted.push_back(*parse_claim_status(word));
                                        return claims_table(selection, wanted);
                                      }));
  commands.back().app->add_option("--status", *statuses, "only claims with this status (repeatable)")
      ->check(CLI::IsMember({"retracted", "contested-within-side", "conceded", "partially-conceded", "disputed",
                             "evaded", "unanswered", "unasserted"}));

  auto kinds = std::make_shared<std::vector<std::string>>();
  commands.push_back(add_table_report(app, global, "actors", "actors with their side and counts",
                                      std::make_shared<ReportOptions>(), [kinds](const Selection& selection) {
                                        std::vector<ActorKind> wanted;
                                        for (const auto& word : *kinds) wanted.push_back(*parse_actor_kind(word));
                                        return actors_table(selection, wanted);
                                      }));
  std::vector<std::string> kind_words(actor_kind_words().begin(), actor_kind_words().end());
  commands.back().app->add_option("--kind", *kinds, "only actors of this kind (repeatable)")
      ->check(CLI::IsMember(kind_words));
  return commands;
}

}  // namespace gainsay::cli
