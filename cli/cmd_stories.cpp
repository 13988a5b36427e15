#include <iostream>
#include <memory>

#include "commands.h"
#include "gainsay/store.h"
#include "gainsay/table.h"

namespace gainsay::cli {

Command add_stories(CLI::App& app, const GlobalOptions& global) {
  auto format = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand("stories", "list the stories in the database, with their counts");
  add_format_option(command, *format, {"text", "markdown", "json", "csv"});
  return {command, [format, &global] {
            const Store store = Store::open(global.db_path, Store::Mode::kReadOnly);
            Table table;
            table.columns = {"id", "title", "actors", "sources", "claims", "statements", "imported_at", "origin"};
            table.numeric = {false, false, true, true, true, true, false, false};
            for (const StorySummary& s : store.stories()) {
              table.rows.push_back({s.id.value, s.title, std::to_string(s.actors), std::to_string(s.sources),
                                    std::to_string(s.claims), std::to_string(s.statements), s.imported_at, s.origin});
            }
            write_table(std::cout, table, *format, stdout_style());
            return 0;
          }};
}

}  // namespace gainsay::cli
