#include "gainsay/claim_graph.h"

#include <doctest/doctest.h>

#include "gainsay/error.h"
#include "test_stories.h"

using namespace gainsay;
using gainsay::testing::graph_with;
using gainsay::testing::story_with;

namespace {

const std::string kRest = R"(claims:
  - id: shelled
    text: Freedonian artillery shelled the dam
    about: [free-officials, freedonia]
  - id: decay
    text: The dam failed from poor upkeep
    contradicts: [shelled]
  - id: sabotage
    text: Saboteurs blew up the dam
    contradicts: [shelled, decay]
statements:
  - {id: accuse, by: ansel, claim: shelled, stance: asserts, source: bugle-0612}
  - {id: deny, by: free-officials, claim: shelled, stance: denies, responds_to: accuse, via: state-tv, source: tv-0615}
  - {id: deny-again, by: free-officials, claim: shelled, stance: denies, repeats: deny, source: bugle-0701}
  - {id: marsh-answer, by: marsh, claim: shelled, stance: deflects, responds_to: accuse}
  - {id: decay-claim, by: marsh, claim: decay, stance: asserts}
)";

std::vector<std::string> ids(const std::vector<StatementView>& views) {
  std::vector<std::string> out;
  for (const auto& v : views) out.push_back(v.statement->id.value);
  return out;
}

}  // namespace

TEST_CASE("ClaimGraph: every record is a vertex and every reference an edge") {
  const ClaimGraph graph = graph_with(kRest);
  // 8 actors + 3 sources + 3 claims + 5 statements.
  CHECK(graph.size().vertices == 19);
  // member_of 4, affiliated_with 1, outlet 3, about 2, contradicts 3,
  // by 5, stance 5, reported_in 3, via 1, responds_to 2, repeats 1.
  CHECK(graph.size().edges == 30);
}

TEST_CASE("ClaimGraph: a side is the root of the member_of chain") {
  const ClaimGraph graph = graph_with(kRest);
  const Story& story = graph.stories()[0];
  CHECK(graph.side_of(story, ActorId{"ansel"}).id.value == "ruritania");
  CHECK(graph.side_of(story, ActorId{"ruri-mod"}).id.value == "ruritania");
  CHECK(graph.side_of(story, ActorId{"ruritania"}).id.value == "ruritania");
  CHECK(graph.side_of(story, ActorId{"free-officials"}).id.value == "freedonia");
  // Affiliation is not membership: state TV is its own side.
  CHECK(graph.side_of(story, ActorId{"state-tv"}).id.value == "state-tv");
  CHECK_THROWS_AS(graph.side_of(story, ActorId{"nobody"}), Error);
}

TEST_CASE("ClaimGraph: statements on a claim, resolved, in file order") {
  const ClaimGraph graph = graph_with(kRest);
  const auto claims = graph.claims();
  REQUIRE(claims.size() == 3);
  CHECK(claims[0].claim->id.value == "shelled");
  const auto on = graph.statements_on(claims[0]);
  CHECK(ids(on) == std::vector<std::string>{"accuse", "deny", "deny-again", "marsh-answer"});
  CHECK(on[1].actor->id.value == "free-officials");
  CHECK(on[1].side->id.value == "freedonia");
  CHECK(on[1].source->id.value == "tv-0615");
  CHECK(on[1].outlet->id.value == "state-tv");
  CHECK(on[1].via->id.value == "state-tv");
  CHECK(on[1].claim == claims[0].claim);
  CHECK(on[3].source == nullptr);
  CHECK(on[3].outlet == nullptr);
}

TEST_CASE("ClaimGraph: answers, repeats and contradictions") {
  const ClaimGraph graph = graph_with(kRest);
  const auto claims = graph.claims();
  const auto on = graph.statements_on(claims[0]);
  CHECK(ids(graph.responses_to(on[0])) == std::vector<std::string>{"deny", "marsh-answer"});
  CHECK(ids(graph.repeats_of(on[1])) == std::vector<std::string>{"deny-again"});
  CHECK(graph.responses_to(on[1]).empty());

  // Declared on either claim, a contradiction is seen from both.
  const auto against_shelled = graph.contradicting(claims[0]);
  REQUIRE(against_shelled.size() == 2);
  CHECK(against_shelled[0].claim->id.value == "decay");
  CHECK(against_shelled[1].claim->id.value == "sabotage");
  CHECK(graph.contradicting(claims[1]).size() == 2);
}

TEST_CASE("ClaimGraph: accused sides, members and actor look-up") {
  const ClaimGraph graph = graph_with(kRest);
  const Story& story = graph.stories()[0];
  const auto accused = graph.accused_sides(graph.claims()[0]);
  REQUIRE(accused.size() == 1);  // two accused actors, one side
  CHECK(accused[0]->id.value == "freedonia");

  std::vector<std::string> members;
  for (const Actor* a : graph.members_under(story, ActorId{"ruritania"})) members.push_back(a->id.value);
  std::sort(members.begin(), members.end());
  CHECK(members == std::vector<std::string>{"ansel", "ruri-mod", "ruritania"});

  REQUIRE(graph.match_actor("petra ansel").size() == 1);
  CHECK(graph.match_actor("ANSEL")[0].actor->id.value == "ansel");
  CHECK(graph.match_actor("Government of Freedonia")[0].actor->id.value == "freedonia");
  CHECK(graph.match_actor("Petra").empty());
  CHECK(graph.find_actor(story, ActorId{"marsh"})->name == "Minister Oda Marsh");
  CHECK(graph.find_actor(story, ActorId{"nobody"}) == nullptr);
}

TEST_CASE("ClaimGraph: a reference that does not resolve is refused") {
  Story story = story_with(kRest);
  story.statements[0].by = ActorId{"nobody"};
  try {
    ClaimGraph graph({story});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kInvalidData);
    CHECK(std::string(e.what()) == "story 'dam' refers to unknown actor 'nobody'");
  }
}

TEST_CASE("issue 6: links a reader left are used only where the record there has the id named") {
  Story story = gainsay::testing::story_with(kRest);
  // Every link wrong: pointing at other records, past the end, or at a
  // record for a reference the statement does not make.
  story.links.statements.assign(story.statements.size(), StatementLinks{0, 2, 1, 1, 3, 99});
  const ClaimGraph graph({story});
  CHECK(graph.size().edges == 30);
  for (const ClaimView& claim : graph.claims()) {
    for (const StatementView& view : graph.statements_on(claim)) {
      const Statement& s = *view.statement;
      CAPTURE(s.id.value);
      CHECK(view.actor->id == s.by);
      CHECK(claim.claim->id == s.claim);
      CHECK((s.source ? view.source && view.source->id == *s.source : view.source == nullptr));
      CHECK((s.via ? view.via && view.via->id == *s.via : view.via == nullptr));
    }
  }
  const auto on = graph.statements_on(graph.claims()[0]);
  CHECK(ids(graph.responses_to(on[0])) == std::vector<std::string>{"deny", "marsh-answer"});
  CHECK(ids(graph.repeats_of(on[1])) == std::vector<std::string>{"deny-again"});

  // A link to a real record does not make an unknown id known.
  story.statements[0].by = ActorId{"nobody"};
  CHECK_THROWS_WITH_AS(ClaimGraph({story}), "story 'dam' refers to unknown actor 'nobody'", Error);
}

TEST_CASE("ClaimGraph: two statements with one id are refused, before any unknown reference") {
  Story story = story_with(kRest);
  story.statements.push_back(story.statements[1]);
  CHECK_THROWS_WITH_AS(ClaimGraph({story}), "story 'dam' has two statements with the id 'deny'", Error);
  // The statements' ids are indexed beside the resolving of references; an
  // unknown actor found first still yields to the duplicate, whether a
  // statement or a member_of chain names it.
  story.statements[0].by = ActorId{"nobody"};
  CHECK_THROWS_WITH_AS(ClaimGraph({story}), "story 'dam' has two statements with the id 'deny'", Error);
  story.statements[0].by = ActorId{"ansel"};
  story.actors[0].member_of = ActorId{"nobody"};
  CHECK_THROWS_WITH_AS(ClaimGraph({story}), "story 'dam' has two statements with the id 'deny'", Error);
  story.actors[0].member_of.reset();
  story.statements.pop_back();
  // Unknown references are named in file order: a statement's answer to a
  // statement not there before a later statement's unknown actor.
  story.statements[1].responds_to = StatementId{"never-said"};
  CHECK_THROWS_WITH_AS(ClaimGraph({story}), "story 'dam' refers to unknown statement 'never-said'", Error);
  story.statements[3].by = ActorId{"nobody"};
  CHECK_THROWS_WITH_AS(ClaimGraph({story}), "story 'dam' refers to unknown statement 'never-said'", Error);
}

TEST_CASE("issue 6: among many statements, ids are indexed each under its own hash: a late duplicate is refused, answers resolve") {
  // More statements than the index looks ahead when it hashes ids.
  Story story = story_with(kRest);
  for (int i = 0; i < 30; ++i) {
    Statement s = story.statements[0];
    s.id = StatementId{"more-" + std::to_string(i)};
    s.responds_to = StatementId{"more-" + std::to_string((i * 11 + 3) % 30)};
    story.statements.push_back(std::move(s));
  }
  story.links.statements.clear();  // no reader's links: every answer is looked up by id
  {
    const ClaimGraph graph({story});
    const Story& built = graph.stories()[0];
    const ClaimView shelled = graph.claims()[0];
    std::size_t answered = 0;
    for (const StatementView& s : graph.statements_on(shelled)) {
      for (const StatementView& answer : graph.responses_to(s)) {
        CHECK(answer.statement->responds_to == s.statement->id);
        ++answered;
      }
    }
    CHECK(answered >= 30);
    CHECK(built.statements.size() == story.statements.size());
  }
  story.statements.push_back(story.statements[20]);
  CHECK_THROWS_WITH_AS(ClaimGraph({story}), ("story 'dam' has two statements with the id '" + story.statements[20].id.value + "'").c_str(), Error);
}
