#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "commands.h"
#include "gainsay/error.h"
#include "gainsay/aif.h"
#include "gainsay/argdown.h"
#include "gainsay/claim_review.h"
#include "gainsay/story_writer.h"

namespace gainsay::cli {

Command add_export(CLI::App& app, const GlobalOptions& global) {
  struct Options {
    ReportOptions report;
    std::string out_dir;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "export", "write stories as story files (YAML, JSON), a CSV sheet, ClaimReview JSON-LD, AIF or Argdown");
  command->add_option("files", options->report.files, "story files to read instead of the database")
      ->check(CLI::ExistingFile);
  command->add_option("--story", options->report.story, "only this story (its id)");
  add_format_option(command, options->report.format, {"yaml", "json", "csv", "claimreview", "aif", "argdown"});
  command->add_option("--out", options->out_dir, "write one file per story into this folder instead of stdout");
  return {command, [options, &global] {
            const auto& format = options->report.format;
            std::optional<StoryId> story;
            if (!options->report.story.empty()) story = StoryId{options->report.story};
            const ClaimGraph& graph = graph_for_process(to_input(options->report, global), story);
            const auto& stories = graph.stories();
            auto write = [&](std::ostream& out, const std::vector<Story>& some) {
              if (format == "claimreview") {
                const std::size_t skipped = write_claim_reviews(out, some);
                if (skipped > 0) {
                  std::cerr << "gainsay: " << skipped << (skipped == 1 ? " claim has" : " claims have")
                            << " no verdict and no ClaimReview\n";
                }
              } else if (format == "aif") {
                write_aif(out, some);
              } else if (format == "argdown") {
                write_argdown(out, some);
              } else if (format == "csv") {
                write_stories_csv(out, some);
              } else if (format == "json") {
                write_story_json(out, some.front());
              } else {
                write_story_yaml(out, some.front());
              }
            };
            if (options->out_dir.empty()) {
              // These hold one story; the others can hold several.
              if ((format == "yaml" || format == "json") && stories.size() != 1) {
                throw Error(ErrorCode::kInvalidData,
                            std::to_string(stories.size()) + " stories to export; a story file holds one: choose one "
                                                             "with --story, or write each to a file with --out DIR");
              }
              write(std::cout, stories);
              return 0;
            }
            std::error_code ec;
            std::filesystem::create_directories(options->out_dir, ec);
            if (ec || !std::filesystem::is_directory(options->out_dir)) {
              throw Error(ErrorCode::kIo, "--out " + options->out_dir + ": cannot make this folder" +
                                              (ec ? " (" + ec.message() + ")" : std::string(" (a file is in the way)")));
            }
            // One file per story, named after it (a CSV sheet's story is its file's name).
            for (const Story& each : stories) {
              const std::string extension = format == "claimreview" ? "jsonld" : format == "aif" ? "json" : format;
              const auto path = std::filesystem::path(options->out_dir) / (each.id.value + "." + extension);
              std::ofstream out(path);
              write(out, {each});
              if (!out) throw Error(ErrorCode::kIo, "cannot write " + path.string());
              std::cerr << "gainsay: wrote " << path.string() << '\n';
            }
            return 0;
          }};
}

}  // namespace gainsay::cli
