#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "commands.h"
#include "gainsay/error.h"
#include "gainsay/story_writer.h"

namespace gainsay::cli {

Command add_export(CLI::App& app, const GlobalOptions& global) {
  struct Options {
    ReportOptions report;
    std::string out_dir;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("export", "write stories back as story files (YAML, JSON) or a CSV sheet");
  command->add_option("files", options->report.files, "story files to read instead of the database")
      ->check(CLI::ExistingFile);
  command->add_option("--story", options->report.story, "only this story (its id)");
  add_format_option(command, options->report.format, {"yaml", "json", "csv"});
  command->add_option("--out", options->out_dir, "write one file per story into this folder instead of stdout");
  return {command, [options, &global] {
            const auto& format = options->report.format;
            std::optional<StoryId> story;
            if (!options->report.story.empty()) story = StoryId{options->report.story};
            const ClaimGraph graph = load_graph(to_input(options->report, global), story);
            const auto& stories = graph.stories();
            auto write = [&](std::ostream& out, const std::vector<Story>& some) {
              if (format == "csv") {
                write_stories_csv(out, some);
              } else if (format == "json") {
                write_story_json(out, some.front());
              } else {
                write_story_yaml(out, some.front());
              }
            };
            if (options->out_dir.empty()) {
              if (format != "csv" && stories.size() != 1) {
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
              const auto path = std::filesystem::path(options->out_dir) / (each.id.value + "." + format);
              std::ofstream out(path);
              write(out, {each});
              if (!out) throw Error(ErrorCode::kIo, "cannot write " + path.string());
              std::cerr << "gainsay: wrote " << path.string() << '\n';
            }
            return 0;
          }};
}

}  // namespace gainsay::cli
