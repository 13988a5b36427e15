// gainsay: a claim-versus-denial contradiction tracker. This file builds the
// command line, runs the chosen subcommand, and is the one place where
// errors become messages and exit statuses.
#include <CLI/CLI.hpp>

#include <csignal>
#include <iostream>

#include "commands.h"
#include "gainsay/error.h"

namespace {

constexpr const char* kFooter = R"(Exit status: 0 success, 1 a check found problems, 2 bad usage, bad input
or an unusable database (nothing is changed). The database is ./gainsay.db
unless --db or GAINSAY_DB names another.)";

int report(const gainsay::Error& e) {
  for (const auto& d : e.diagnostics()) std::cerr << d.to_string() << '\n';
  if (e.code() == gainsay::ErrorCode::kInterrupted) {
    std::cerr << "gainsay: " << e.what() << '\n';
    return 130;  // 128 + SIGINT, as shells report it
  }
  std::cerr << "gainsay: error: " << e.what() << '\n';
  return 2;
}

// Ctrl-C asks long work to stop at its next safe point; a second Ctrl-C
// ends the process at once (SQLite's journal keeps the database whole).
extern "C" void on_interrupt(int) {
  gainsay::request_interrupt();
  std::signal(SIGINT, SIG_DFL);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace gainsay::cli;
  CLI::App app{"gainsay: who claimed what, who denied it, and who changed their story"};
  app.set_version_flag("--version", GAINSAY_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  app.footer(kFooter);
  GlobalOptions global;
  app.add_option("--db", global.db_path, "database file")->envname("GAINSAY_DB")->capture_default_str();

  std::vector<Command> commands = {
      add_import(app, global),
      add_stories(app, global),
      add_disputed(app, global),
      add_show(app, global),
      add_actor(app, global),
      add_graph(app, global),
      add_export(app, global),
      add_check(app, global),
      add_report(app, global),
      add_standing(app, global),
      add_extract(app, global),
      add_search(app, global),
  };
  for (Command& command : add_listings(app, global)) commands.push_back(std::move(command));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 takes a mistyped command for a stray argument; name it instead.
    const auto rest = app.remaining();
    if (dynamic_cast<const CLI::RequiredError*>(&e) && !rest.empty() && rest.front().rfind('-', 0) != 0) {
      std::string names;
      for (const Command& command : commands) names += (names.empty() ? "" : ", ") + command.app->get_name();
      std::cerr << "gainsay: error: unknown command '" << rest.front() << "'; expected one of: " << names << '\n';
      return 2;
    }
    const int status = app.exit(e);
    return status == 0 ? 0 : 2;
  }
  std::signal(SIGINT, on_interrupt);
  try {
    for (const Command& command : commands) {
      if (command.app->parsed()) return command.run();
    }
  } catch (const gainsay::Error& e) {
    return report(e);
  } catch (const std::exception& e) {
    std::cerr << "gainsay: internal error: " << e.what() << '\n';
    return 2;
  }
  return 2;
}
