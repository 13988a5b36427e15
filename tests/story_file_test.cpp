#include "gainsay/story_file.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "test_stories.h"

using namespace gainsay;
using gainsay::testing::kActors;
using gainsay::testing::parse_ok;

namespace {

std::vector<Diagnostic> errors_of(const std::string& text) {
  StoryFileResult result = parse_story(text, "bad.yaml");
  CHECK_FALSE(result.story.has_value());
  return result.diagnostics;
}

// The single error `text` has; fails the test if it has none or several.
Diagnostic only_error(const std::string& text) {
  const auto errors = errors_of(text);
  INFO(gainsay::testing::diagnostics_text(errors));
  REQUIRE(errors.size() == 1);
  return errors.front();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The 1-based line of the `nth` occurrence of `needle` in `text`.
std::size_t line_of(const std::string& text, const std::string& needle, int nth = 1) {
  std::size_t at = std::string::npos;
  for (int i = 0; i < nth; ++i) at = text.find(needle, at == std::string::npos ? 0 : at + 1);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

const std::string kClaim = R"(claims:
  - id: shelled
    text: Freedonian artillery shelled the dam
)";

}  // namespace

TEST_CASE("StoryFile: a valid story is read with every field") {
  const Story story = parse_ok(std::string(kActors) + R"(claims:
  - id: shelled
    text: Freedonian artillery shelled the dam
    about: [freedonia]
    verdict:
      rating: Unproven
      by: bugle
      date: 2031-06-20
      url: https://example.org/check
      explanation: No independent evidence.
  - id: decay
    text: The dam failed from poor upkeep
    contradicts: [shelled]
statements:
  - id: accuse
    by: ansel
    claim: shelled
    stance: asserts
    date: 2031-06-11
    source: bugle-0612
    attribution: on-record
    quote: "Their guns opened fire"
  - id: deny
    by: free-officials
    claim: shelled
    stance: denies
    responds_to: accuse
    date: 2031-06
    source: tv-0615
    attribution: anonymous
    note: no unit in range
    via: state-tv
  - id: deny-again
    by: free-officials
    claim: shelled
    stance: denies
    repeats: deny
    source: bugle-0701
)");
  CHECK(story.id.value == "dam");
  CHECK(story.title == "Who shelled the dam?");
  CHECK(story.origin == "test.yaml");
  REQUIRE(story.actors.size() == 8);
  CHECK(story.actors[2].aliases == std::vector<std::string>{"Ansel", "Petra Ansel"});
  CHECK(story.actors[2].member_of->value == "ruri-mod");
  CHECK(story.actors[2].role == "ministry spokesperson");
  CHECK(story.actors[4].kind == ActorKind::kAnonymous);
  CHECK(story.actors[7].affiliated_with->value == "freedonia");
  REQUIRE(story.sources.size() == 3);
  CHECK(story.sources[0].published->to_string() == "2031-06-12");
  CHECK(story.sources[0].url == "https://example.org/dam-breach");
  REQUIRE(story.claims.size() == 2);
  CHECK(story.claims[0].about[0].value == "freedonia");
  CHECK(story.claims[0].verdict->rating == "Unproven");
  CHECK(story.claims[0].verdict->date->to_string() == "2031-06-20");
  CHECK(story.claims[1].contradicts[0].value == "shelled");
  REQUIRE(story.statements.size() == 3);
  const Statement& deny = story.statements[1];
  CHECK(deny.stance == Stance::kDenies);
  CHECK(deny.attribution == Attribution::kAnonymous);
  CHECK(deny.date->precision() == Date::Precision::kMonth);
  CHECK(deny.responds_to->value == "accuse");
  CHECK(deny.via->value == "state-tv");
  CHECK(deny.note == "no unit in range");
  CHECK(story.statements[0].quote == "Their guns opened fire");
  CHECK(story.statements[2].repeats->value == "deny");
  CHECK(story.statements[2].attribution == Attribution::kUnknown);
  CHECK_FALSE(story.statements[2].date.has_value());
}

TEST_CASE("StoryFile: malformed YAML is reported at its place") {
  const Diagnostic d = only_error("format: 1\nstory:\n  id: x\n  title: [unclosed\n");
  CHECK(d.file == "bad.yaml");
  CHECK(d.line >= 4);
  CHECK(contains(d.message, "malformed YAML"));
  CHECK(contains(d.to_string(), "bad.yaml:" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": error: "));
}

TEST_CASE("StoryFile: a format other than 1 is refused") {
  const Diagnostic d = only_error("format: 2\nstory: {id: x, title: y}\n");
  CHECK(d.line == 1);
  CHECK(d.column == 9);
  CHECK(d.message == "unsupported format '2'; this version of gainsay reads format 1");
}

TEST_CASE("StoryFile: a missing required key is named with the record it belongs to") {
  SUBCASE("format") {
    const Diagnostic d = only_error("story: {id: x, title: y}\n");
    CHECK(d.message == "missing required key 'format' in the story file");
  }
  SUBCASE("statement stance") {
    const std::string text = std::string(kActors) + kClaim + R"(statements:
  - id: accuse
    by: ansel
    claim: shelled
)";
    const Diagnostic d = only_error(text);
    CHECK(d.line == line_of(text, "id: accuse"));
    CHECK(d.column == 5);
    CHECK(d.message == "missing required key 'stance' in statement");
  }
  SUBCASE("a required key with no value") {
    const Diagnostic d = only_error("format: 1\nstory:\n  id: x\n  title:\n");
    CHECK(d.line == 4);
    CHECK(d.message == "key 'title' in story has no value");
  }
}

TEST_CASE("StoryFile: an unknown key is an error, with the likely key suggested") {
  const std::string text = std::string(kActors) + kClaim + R"(statements:
  - id: accuse
    by: ansel
    claim: shelled
    stance: asserts
    stanse: denies
)";
  const Diagnostic d = only_error(text);
  CHECK(d.line == line_of(text, "stanse:"));
  CHECK(d.column == 5);
  CHECK(contains(d.message, "unknown key 'stanse' in statement (did you mean 'stance'?); expected one of: id, by,"));
}

TEST_CASE("StoryFile: a duplicate id points back to the first") {
  const std::string text = std::string(kActors) + R"(claims:
  - id: shelled
    text: one
  - id: shelled
    text: two
)";
  const Diagnostic d = only_error(text);
  CHECK(d.line == line_of(text, "id: shelled", 2));
  CHECK(d.column == 9);
  CHECK(d.message == "duplicate claim id 'shelled'; first defined at line " + std::to_string(line_of(text, "id: shelled")));
}

TEST_CASE("StoryFile: every kind of reference must resolve") {
  struct Row {
    const char* statement_line;
    const char* expected;
  };
  const Row rows[] = {
      {"    by: nobody\n", "unknown actor 'nobody' in 'by' of 'accuse'; expected the id of an actor defined in this story"},
      {"    via: nobody\n", "unknown actor 'nobody' in 'via' of 'accuse'"},
      {"    source: nowhere\n", "unknown source 'nowhere' in 'source' of 'accuse'"},
      {"    responds_to: ghost\n", "unknown statement 'ghost' in 'responds_to' of 'accuse'"},
      {"    repeats: ghost\n", "unknown statement 'ghost' in 'repeats' of 'accuse'"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.statement_line);
    std::string text = std::string(kActors) + kClaim + "statements:\n  - id: accuse\n    claim: shelled\n    stance: asserts\n";
    text += row.statement_line;
    if (!contains(row.statement_line, "by:")) text += "    by: ansel\n";
    const Diagnostic d = only_error(text);
    CHECK(d.line == line_of(text, row.statement_line));
    CHECK(contains(d.message, row.expected));
  }
  SUBCASE("an unknown claim") {
    const Diagnostic d = only_error(std::string(kActors) + kClaim +
                                    "statements:\n  - {id: s, by: ansel, claim: nothing, stance: asserts}\n");
    CHECK(d.message == "unknown claim 'nothing' in 'claim' of 's'; expected the id of a claim defined in this story");
  }
  SUBCASE("actors named by actors, sources and claims") {
    const auto errors = errors_of(std::string(kActors) + R"(  - id: extra
    outlet: no-outlet
claims:
  - id: c
    text: something
    about: [no-accused]
    contradicts: [no-claim]
)");
    REQUIRE(errors.size() == 3);
    CHECK(contains(errors[0].message, "unknown actor 'no-outlet' in 'outlet' of 'extra'"));
    CHECK(contains(errors[1].message, "unknown actor 'no-accused' in 'about' of 'c'"));
    CHECK(contains(errors[2].message, "unknown claim 'no-claim' in 'contradicts' of 'c'"));
  }
}

TEST_CASE("StoryFile: unknown stance and attribution words list the words expected") {
  const std::string text = std::string(kActors) + kClaim + R"(statements:
  - id: s
    by: ansel
    claim: shelled
    stance: assert
    attribution: named
)";
  const auto errors = errors_of(text);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].line == line_of(text, "stance: assert"));
  CHECK(errors[0].column == 13);
  CHECK(errors[0].message ==
        "unknown stance 'assert' (did you mean 'asserts'?); expected one of: asserts, corroborates, confirms, "
        "partially-admits, denies, dismisses, disputes, deflects, declines, counter-accuses, retracts");
  CHECK(errors[1].line == line_of(text, "attribution: named"));
  CHECK(contains(errors[1].message, "unknown attribution 'named'; expected one of: on-record, official-statement,"));
}

TEST_CASE("StoryFile: invalid and impossible dates") {
  const std::string text = std::string(kActors) + kClaim + R"(statements:
  - {id: a, by: ansel, claim: shelled, stance: asserts, date: 2022-13}
  - {id: b, by: ansel, claim: shelled, stance: asserts, date: 2022-02-30}
  - {id: c, by: ansel, claim: shelled, stance: asserts, date: June 2022}
)";
  const auto errors = errors_of(text);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].message == "invalid date '2022-13': month must be 01 to 12 in 'date' of statement 'a'");
  CHECK(errors[1].message == "invalid date '2022-02-30': February 2022 has 28 days in 'date' of statement 'b'");
  CHECK(contains(errors[2].message, "expected YYYY, YYYY-MM or YYYY-MM-DD"));
  CHECK(errors[1].line == line_of(text, "2022-02-30"));
}

TEST_CASE("StoryFile: a member_of cycle is reported once, with its path") {
  const Diagnostic d = only_error(R"(format: 1
story: {id: x, title: y}
actors:
  - {id: a, name: A, kind: person, member_of: b}
  - {id: b, name: B, kind: ministry, member_of: c}
  - {id: c, name: C, kind: government, member_of: a}
  - {id: d, name: D, kind: person, member_of: a}
)");
  CHECK(d.line == 4);
  CHECK(d.message == "member_of cycle: a -> b -> c -> a; a side must have a root actor");
}

TEST_CASE("StoryFile: a statement cannot respond to or repeat itself") {
  const auto errors = errors_of(std::string(kActors) + kClaim + R"(statements:
  - {id: s, by: ansel, claim: shelled, stance: asserts, responds_to: s}
  - {id: t, by: ansel, claim: shelled, stance: asserts, repeats: t}
)");
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].message == "statement 's' responds to itself; expected the id of another statement");
  CHECK(errors[1].message == "statement 't' repeats itself; expected the id of another statement");
}

TEST_CASE("StoryFile: a claim needs text") {
  const std::string text = std::string(kActors) + "claims:\n  - id: empty\n    text: \"   \"\n";
  const Diagnostic d = only_error(text);
  CHECK(d.line == line_of(text, "text: \"   \""));
  CHECK(d.message == "empty text of claim 'empty'; a claim needs a proposition in words");
}

TEST_CASE("StoryFile: ids must be slugs") {
  const Diagnostic d = only_error(std::string(kActors) + "claims:\n  - id: Not A Slug\n    text: t\n");
  CHECK(contains(d.message, "invalid id 'Not A Slug' of claim: expected a slug"));
}

TEST_CASE("StoryFile: records must have the right shape") {
  CHECK(only_error("- just\n- a list\n").message ==
        "expected the story file as a mapping of keys (format, story, actors, sources, claims, statements)");
  CHECK(only_error("format: 1\nstory: {id: x, title: y}\nactors: {id: a}\n").message ==
        "expected 'actors' as a list of actor records");
  CHECK(contains(only_error("format: 1\nstory: {id: x, title: [a, b]}\n").message, "expected text for 'title'"));
  CHECK(contains(only_error("").message, "empty file"));
  CHECK(contains(only_error("format: 1\nstory: {id: x, title: y}\n---\nformat: 1\n").message, "several YAML documents"));
  CHECK(contains(only_error("format: 1\nformat: 1\nstory: {id: x, title: y}\n").message, "key 'format' given twice"));
}

TEST_CASE("StoryFile: all errors of a file are reported, up to a limit") {
  std::string text = std::string(kActors) + kClaim + "statements:\n";
  for (int i = 0; i < 3; ++i) {
    text += "  - {id: s" + std::to_string(i) + ", by: nobody, claim: shelled, stance: maybe}\n";
  }
  CHECK(errors_of(text).size() == 6);

  std::string many = std::string(kActors) + kClaim + "statements:\n";
  for (int i = 0; i < 80; ++i) {
    many += "  - {id: s" + std::to_string(i) + ", by: nobody, claim: shelled, stance: asserts}\n";
  }
  const auto errors = errors_of(many);
  CHECK(errors.size() == kMaxErrorsPerFile + 1);
  CHECK(errors.front().message == "30 more errors not shown");
}

TEST_CASE("StoryFile: text that is not UTF-8, or holds NUL, is refused with its place") {
  const Diagnostic bad = only_error("format: 1\nstory:\n  id: x\n  title: caf\xe9\n");
  CHECK(bad.line == 4);
  CHECK(bad.column == 13);
  CHECK(bad.message == "invalid UTF-8 (byte 0xe9); a story file must be UTF-8 text");
  CHECK(contains(only_error("format: 1\nstory: {id: x, title: \xed\xa0\x80}\n").message, "invalid UTF-8"));
  const Diagnostic nul = only_error(std::string("format: 1\n\0story:", 17));
  CHECK(nul.line == 2);
  CHECK(nul.message == "NUL byte; a story file must be text");
  CHECK(parse_story("format: 1\nstory: {id: x, title: \"Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d\"}\n", "ok.yaml").story);
}

TEST_CASE("StoryFile: absurd inputs get an error, not a crash") {
  SUBCASE("deep nesting") {
    const std::string deep = "format: 1\nstory: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
    const Diagnostic d = only_error(deep);
    CHECK(contains(d.message, "malformed YAML"));
  }
  SUBCASE("a huge file") {
    const Diagnostic d = only_error(std::string(kMaxStoryFileBytes + 1, '#'));
    CHECK(d.line == 0);
    CHECK(contains(d.message, "story files are limited to 64 MiB"));
  }
  SUBCASE("a huge scalar is read") {
    const std::string big(1 << 20, 'x');
    CHECK(parse_story("format: 1\nstory: {id: x, title: " + big + "}\n", "big.yaml").story->title.size() == big.size());
  }
}

TEST_CASE("StoryFile: reading files, and a story given twice") {
  const auto dir = std::filesystem::temp_directory_path() / "gainsay_story_file_test";
  std::filesystem::create_directories(dir);
  const std::string a = (dir / "a.yaml").string();
  const std::string b = (dir / "b.yaml").string();
  std::ofstream(a) << "format: 1\nstory: {id: same, title: A}\n";
  std::ofstream(b) << "format: 1\nstory: {id: same, title: B}\n";

  const StoryFilesResult both = read_story_files({a, b});
  CHECK(both.stories.empty());
  REQUIRE(both.diagnostics.size() == 1);
  CHECK(both.diagnostics[0].message == "story 'same' is also in " + a + "; expected each story once per import");

  const StoryFilesResult missing = read_story_files({(dir / "none.yaml").string()});
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(contains(missing.diagnostics[0].message, "cannot read file"));
  CHECK(read_story_files({a}).stories.size() == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("issue 2: a quote left open at the end of the file is an error, not a swallowed file") {
  // yaml-cpp 0.7 accepts it and reads the rest of the file into the title.
  const Diagnostic d = only_error("format: 1\nstory:\n  id: x\n  title: \"Who moved\nactors: []\n");
  CHECK(d.line == 4);
  CHECK(d.column == 10);
  CHECK(d.message == "malformed YAML: the quoted text opened here is never closed (expected a \" before the end of the file)");
  CHECK(contains(only_error("format: 1\nstory:\n  id: x\n  title: 'it''s open\n").message, "never closed (expected a '"));
  CHECK(parse_story("format: 1\nstory: {id: x, title: \"a \\\" b\", description: 'it''s'}\n", "ok.yaml").story);
}

TEST_CASE("issue 2: deep nesting says so, and columns count characters, not bytes") {
  const Diagnostic deep = only_error("format: 1\nstory: " + std::string(5000, '[') + std::string(5000, ']') + "\n");
  CHECK(contains(deep.message, "levels deep; a story file needs at most 4"));
  // "é" and "“" are one column each, though two and three bytes.
  const Diagnostic d = only_error("format: 1\nstory: {id: x, title: \"\xc3\xa9\xe2\x80\x9c\", stanse: 1}\n");
  CHECK(d.column == 29);  // 32 if bytes were counted
}

TEST_CASE("issue 2: a stance that is the stem of a word is suggested the word") {
  const Diagnostic d = only_error(std::string(kActors) + kClaim +
                                  "statements:\n  - {id: s, by: ansel, claim: shelled, stance: deny}\n");
  CHECK(contains(d.message, "unknown stance 'deny' (did you mean 'denies'?)"));
}

TEST_CASE("issue 2: a question mark in a {...} mapping gets a hint to quote the text") {
  const Diagnostic d = only_error("format: 1\nstory: {id: x, title: Who did it?}\n");
  CHECK(d.line == 2);
  CHECK(contains(d.message, "(put text that holds ? : # , [ ] { } in double quotes)"));
}

TEST_CASE("issue 7: a stray ',' where a document should start is an error, not a hang") {
  // yaml-cpp 0.7's LoadAll looped forever on these, taking memory (found by
  // fuzz_story_yaml; tests/fuzz/regressions/fuzz_story_yaml/timeout-*).
  const Diagnostic alone = only_error(",o");
  CHECK(alone.to_string() == "bad.yaml:1:1: error: malformed YAML: unexpected ',' where a document should start");
  const Diagnostic after = only_error("- a\n,b\n");
  CHECK(after.to_string() == "bad.yaml:2:1: error: malformed YAML: unexpected ',' where a document should start");
}

TEST_CASE("issue 7: several YAML documents are reported where the second starts") {
  const Diagnostic d = only_error("format: 1\nstory: {id: x, title: T}\n---\nformat: 1\n");
  CHECK(d.to_string() == "bad.yaml:3:1: error: several YAML documents; expected one story per file");
}

TEST_CASE("issue 7: a huge key is quoted short in the message") {
  // An explicit key ("? "): YAML limits a plain one to 1024 characters.
  const Diagnostic d = only_error("format: 1\nstory: {id: x, title: T}\n? " + std::string(1 << 20, 'k') + "\n: 1\n");
  CHECK(d.message.size() > (1u << 20));
  CHECK(d.to_string() == "bad.yaml:3:3: error: unknown key '" + std::string(80, 'k') +
                             "... (1048576 bytes)' in the story file; expected one of: format, story, actors, "
                             "sources, claims, statements");
}

TEST_CASE("issue 7: a story file named .json has its syntax errors called JSON's, without YAML's hints") {
  const StoryFileResult result = parse_story("{\"format\": 1,\n \"story\": {\"id\": \"x\" \"title\": \"T\"}}", "s.json");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].to_string() == "s.json:2:22: error: malformed JSON: end of map flow not found");
}
