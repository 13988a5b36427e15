#include <memory>
#include <vector>

#include "commands.h"
#include "gainsay/error.h"

namespace gainsay::cli {
namespace {

std::optional<Date> date_option(const std::string& text, const char* option) {
  if (text.empty()) return std::nullopt;
  try {
    return Date::parse(text);
  } catch (const Error& e) {
    throw Error(ErrorCode::kInvalidData, std::string(option) + ": " + e.what());
  }
}

}  // namespace

void add_format_option(CLI::App* command, std::string& format, const std::vector<std::string>& choices) {
  format = choices.front();
  std::string list;
  for (const auto& choice : choices) list += (list.empty() ? "" : "|") + choice;
  command->add_option("--format", format, "output format: " + list)->check(CLI::IsMember(choices));
}

void add_filter_options(CLI::App* command, ReportOptions& options, bool with_files) {
  if (with_files) {
    command->add_option("files", options.files, "story files to read instead of the database")
        ->check(CLI::ExistingFile);
  }
  command->add_option("--story", options.story, "only this story (its id)");
  command->add_option("--actor", options.actor, "only claims this actor's side takes part in (id, name or alias)");
  command->add_option("--side", options.side, "only claims this side takes part in (id, name or alias)");
  command->add_option("--since", options.since, "only statements made on or after this date");
  command->add_option("--until", options.until, "only statements made on or before this date");
  command->add_option("--as-of", options.as_of, "as the dispute stood on this date (YYYY, YYYY-MM or YYYY-MM-DD)");
}

void add_report_options(CLI::App* command, ReportOptions& options, bool with_files) {
  add_filter_options(command, options, with_files);
  add_format_option(command, options.format, {"text", "markdown", "json", "csv"});
}

ReportFilter to_filter(const ReportOptions& options) {
  ReportFilter filter;
  if (!options.story.empty()) filter.story = StoryId{options.story};
  filter.actor = options.actor;
  filter.side = options.side;
  filter.since = date_option(options.since, "--since");
  filter.until = date_option(options.until, "--until");
  filter.as_of = date_option(options.as_of, "--as-of");
  return filter;
}

void write_report(const std::string& format, const Renderers& renderers) {
  if (format == "json") {
    renderers.json();
  } else if (format == "csv") {
    renderers.csv();
  } else if (format == "markdown") {
    renderers.markdown();
  } else {
    renderers.text();
  }
}

InputOptions to_input(const ReportOptions& options, const GlobalOptions& global) {
  return InputOptions{options.files, global.db_path};
}

const ClaimGraph& graph_for_process(const InputOptions& input, const std::optional<StoryId>& story) {
  static auto* const kept = new std::vector<std::unique_ptr<const ClaimGraph>>();
  kept->push_back(std::make_unique<const ClaimGraph>(load_graph(input, story)));
  return *kept->back();
}

}  // namespace gainsay::cli
