#include <iostream>
#include <memory>

#include "commands.h"
#include "gainsay/search.h"

namespace gainsay::cli {

Command add_search(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<ReportOptions>();
  auto phrases = std::make_shared<std::vector<std::string>>();
  auto limit = std::make_shared<std::size_t>(20);
  CLI::App* command = app.add_subcommand(
      "search", "claims and statements by their words (claim text, quotes, notes, speakers), best match first");
  command->add_option("words", *phrases, "words to find; quote several as one phrase; end one with * for a prefix")
      ->required();
  command->add_option("--file", options->files, "a story file to search instead of the database (repeatable)")
      ->check(CLI::ExistingFile);
  command->add_option("--limit", *limit, "at most this many results; 0 for all")->capture_default_str();
  add_filter_options(command, *options, false);
  add_format_option(command, options->format, {"text", "markdown", "json", "csv"});
  return {command, [options, phrases, limit, &global] {
            const Table table = search_table(to_input(*options, global), *phrases, to_filter(*options), *limit);
            write_table(std::cout, table, options->format, stdout_style());
            return 0;
          }};
}

}  // namespace gainsay::cli
