#include "gainsay/search.h"

#include <algorithm>
#include <map>
#include <utility>

#include "gainsay/error.h"

namespace gainsay {
namespace {

bool filters_beyond_story(const ReportFilter& filter) {
  return !filter.actor.empty() || !filter.side.empty() || filter.since || filter.until || filter.as_of;
}

// The hits the filters keep, judged on the graph of their stories exactly
// as the reports judge claims and statements.
std::vector<SearchHit> filtered(std::vector<SearchHit> hits, const Store& store, const ReportFilter& filter) {
  std::vector<StoryId> only;
  if (filter.story) only.push_back(*filter.story);
  const ClaimGraph graph(store.load(only));
  const Selection selection(graph, filter);
  std::map<std::pair<std::string, std::string>, ClaimView> claims;  // (story, claim) -> the selected claim
  for (const ClaimView& claim : selection.claims()) claims.emplace(std::pair{claim.story->id.value, claim.claim->id.value}, claim);
  std::vector<SearchHit> kept;
  for (SearchHit& hit : hits) {
    const auto claim = claims.find({hit.story.value, hit.claim.value});
    if (claim == claims.end()) continue;
    if (hit.statement) {
      bool keep = false;
      for (const StatementView& s : graph.statements_on(claim->second)) {
        if (s.statement->id == *hit.statement) keep = selection.keeps(s);
      }
      if (!keep) continue;
    } else if (filter.since || filter.until || filter.as_of) {
      // A claim is found in the dates when a statement on it is.
      if (selection.statements_on(claim->second).empty()) continue;
    }
    kept.push_back(std::move(hit));
  }
  return kept;
}

}  // namespace

Table search_table(const InputOptions& input, const std::vector<std::string>& phrases, const ReportFilter& filter,
                   std::size_t limit) {
  const Store store = open_input(input);
  if (filter.story) {
    const std::vector<StorySummary> stories = store.stories();
    if (std::none_of(stories.begin(), stories.end(), [&](const StorySummary& s) { return s.id == *filter.story; })) {
      throw Error(ErrorCode::kNotFound, "no story '" + filter.story->value + "'");
    }
  }
  std::vector<SearchHit> hits;
  if (filters_beyond_story(filter)) {
    hits = filtered(store.search(phrases, filter.story, 0), store, filter);
    if (limit != 0 && hits.size() > limit) hits.resize(limit);
  } else {
    hits = store.search(phrases, filter.story, limit);
  }
  Table table;
  table.columns = {"rank", "kind", "story", "claim", "statement", "speaker", "stance", "date", "text"};
  table.numeric = {true, false, false, false, false, false, false, false, false};
  table.text_columns = {"rank", "kind", "claim", "statement", "speaker", "stance", "date", "text"};
  std::size_t rank = 0;
  for (const SearchHit& hit : hits) {
    table.rows.push_back({std::to_string(++rank), hit.statement ? "statement" : "claim", hit.story.value,
                          hit.claim.value, hit.statement ? hit.statement->value : "", hit.speaker,
                          hit.stance ? std::string(to_string(*hit.stance)) : "", hit.date ? hit.date->to_string() : "",
                          hit.snippet});
  }
  return table;
}

}  // namespace gainsay
