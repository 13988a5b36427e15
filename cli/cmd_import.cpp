#include <iostream>
#include <memory>

#include "commands.h"
#include "gainsay/input.h"

namespace gainsay::cli {

Command add_import(CLI::App& app, const GlobalOptions& global) {
  struct Options {
    std::vector<std::string> files;
    bool quiet = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "import", "validate story files and replace their stories in the database, all or nothing");
  command->add_option("files", options->files, "story files (YAML, format 1)")->required();
  command->add_flag("-q,--quiet", options->quiet, "print nothing on success, and no progress bar");
  return {command, [options, &global] {
            const std::unique_ptr<Progress> progress = progress_bar(options->quiet);
            const auto imported = import_story_files(options->files, global.db_path, progress.get());
            if (!options->quiet) {
              for (const StorySummary& s : imported) {
                std::cout << "imported " << s.id.value << ": " << s.actors << " actors, " << s.sources
                          << " sources, " << s.claims << " claims, " << s.statements << " statements into "
                          << global.db_path << '\n';
              }
            }
            return 0;
          }};
}

}  // namespace gainsay::cli
