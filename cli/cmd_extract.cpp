#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.h"
#include "gainsay/error.h"
#include "gainsay/extract_report.h"
#include "gainsay/story_file.h"

namespace gainsay::cli {

Command add_extract(CLI::App& app, const GlobalOptions& global) {
  struct Options {
    std::vector<std::string> articles;
    std::string story;
    bool db = false;
    std::string source;
    std::string format;
    bool quiet = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "extract", "propose the attributed statements (who said what) in news articles, for a person to confirm");
  command->add_option("articles", options->articles, "article text files (UTF-8)")->required()->check(CLI::ExistingFile);
  auto* story = command->add_option("--story", options->story, "match speakers to the actors of this story file")
                    ->check(CLI::ExistingFile);
  command->add_flag("--db", options->db, "match speakers to the actors in the database")->excludes(story);
  command->add_option("--source", options->source, "the source id the proposed statements cite");
  add_format_option(command, options->format, {"yaml", "json"});
  command->add_flag("-q,--quiet", options->quiet, "no progress bar");
  return {command, [options, &global] {
            KnownActors known;
            if (!options->story.empty() || options->db) {
              InputOptions input;
              if (!options->story.empty()) input.files = {options->story};
              input.db_path = global.db_path;
              const ClaimGraph& graph = graph_for_process(input, std::nullopt);
              for (const Story& s : graph.stories()) known.actors.insert(known.actors.end(), s.actors.begin(), s.actors.end());
            }
            const std::unique_ptr<Progress> progress = progress_bar(options->quiet);
            std::uint64_t done = 0;
            if (progress) {
              std::uint64_t total = 0;
              for (const std::string& path : options->articles) {
                std::error_code unknown;  // a pipe has no size; the bar then shows what is done
                const auto size = std::filesystem::file_size(path, unknown);
                if (!unknown) total += size;
              }
              progress->stage("extracting", total, Progress::Unit::kBytes);
            }
            std::vector<ExtractedArticle> articles;
            for (const std::string& path : options->articles) {
              std::ifstream in(path, std::ios::binary);
              std::stringstream text;
              text << in.rdbuf();
              if (!in && !in.eof()) throw Error(ErrorCode::kIo, path + ": cannot read");
              articles.push_back({path, extract_attributions(text.str(), known)});
              if (progress) progress->update(done += text.str().size());
            }
            if (progress) progress->finish();
            if (options->format == "json") {
              write_extract_json(std::cout, articles, options->source);
            } else {
              write_extract_yaml(std::cout, articles, options->source);
            }
            return 0;
          }};
}

}  // namespace gainsay::cli
