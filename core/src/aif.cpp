#include "gainsay/aif.h"

#include <nlohmann/json.hpp>

#include <map>

#include "gainsay/text.h"

namespace gainsay {
namespace {

using Json = nlohmann::ordered_json;

// AIF timestamps are "YYYY-MM-DD HH:MM:SS"; a partial date takes its first day.
std::string timestamp(const std::optional<Date>& date) {
  if (!date) return "";
  const Date day = Date::from_ymd(date->year(), date->month() == 0 ? 1 : date->month(), date->day() == 0 ? 1 : date->day());
  return day.to_string() + " 00:00:00";
}

// The illocution of each stance, in the names OVA's YA-nodes use.
const char* illocution(Stance stance) {
  switch (stance) {
    case Stance::kAsserts: return "Asserting";
    case Stance::kCorroborates: case Stance::kConfirms: return "Agreeing";
    case Stance::kPartiallyAdmits: return "Conceding";
    case Stance::kDenies: case Stance::kDismisses: return "Disagreeing";
    case Stance::kDisputes: return "Challenging";
    case Stance::kDeflects: case Stance::kCounterAccuses: return "Default Illocuting";
    case Stance::kDeclines: return "Refusing";
    case Stance::kRetracts: return "Withdrawing";
  }
  return "Default Illocuting";
}

}  // namespace

void write_aif(std::ostream& out, const std::vector<Story>& stories) {
  Json nodes = Json::array(), edges = Json::array(), locutions = Json::array(), participants = Json::array();
  int next_node = 0, next_edge = 0, next_participant = 0;
  auto node = [&](const std::string& text, const char* type, const std::string& time = "") {
    const std::string id = std::to_string(++next_node);
    Json n{{"nodeID", id}, {"text", inert(text)}, {"type", type}};
    n["timestamp"] = time;
    nodes.push_back(std::move(n));
    return id;
  };
  auto edge = [&](const std::string& from, const std::string& to) {
    edges.push_back(Json{{"edgeID", std::to_string(++next_edge)}, {"fromID", from}, {"toID", to}});
  };
  for (const Story& story : stories) {
    std::map<std::string, const Actor*> actors;
    std::map<std::string, std::string> claim_node, statement_node, participant;
    for (const Actor& a : story.actors) actors[a.id.value] = &a;
    for (const Claim& c : story.claims) claim_node[c.id.value] = node(c.text, "I");
    for (const Claim& c : story.claims) {
      for (const ClaimId& other : c.contradicts) {
        const std::string conflict = node("Default Conflict", "CA");
        edge(claim_node[c.id.value], conflict);
        edge(conflict, claim_node[other.value]);
      }
    }
    for (const Statement& s : story.statements) {
      const Actor& who = *actors.at(s.by.value);
      auto [it, fresh] = participant.emplace(who.id.value, "");
      if (fresh) {
        it->second = std::to_string(++next_participant);
        // A person's name splits at its last space; an institution keeps it whole.
        const std::size_t space = who.kind == ActorKind::kPerson ? who.name.rfind(' ') : std::string::npos;
        participants.push_back(Json{{"participantID", it->second},
                                    {"firstname", inert(space == std::string::npos ? who.name : who.name.substr(0, space))},
                                    {"surname", inert(space == std::string::npos ? "" : who.name.substr(space + 1))}});
      }
      const std::string said = !s.quote.empty() ? s.quote : !s.note.empty() ? s.note : std::string(to_string(s.stance));
      const std::string time = timestamp(s.date);
      const std::string l = node(who.name + ": " + said, "L", time);
      statement_node[s.id.value] = l;
      locutions.push_back(Json{{"nodeID", l}, {"personID", it->second}, {"timestamp", time}, {"start", time}});
      const std::string ya = node(illocution(s.stance), "YA");
      edge(l, ya);
      const std::string& claim = claim_node[s.claim.value];
      switch (stance_class(s.stance)) {
        case StanceClass::kFor:
          edge(ya, claim);
          break;
        case StanceClass::kAgainst:
        case StanceClass::kPartial:
        case StanceClass::kWithdrawn: {
          // What the answer says is a proposition of its own, in conflict with the claim.
          const Claim* answered = nullptr;
          for (const Claim& c : story.claims) {
            if (c.id == s.claim) answered = &c;
          }
          const std::string content = node(
              !s.note.empty() ? s.note : !s.quote.empty() ? s.quote : "It is not the case that " + answered->text, "I", time);
          edge(ya, content);
          const std::string conflict = node("Default Conflict", "CA");
          edge(content, conflict);
          edge(conflict, claim);
          break;
        }
        case StanceClass::kEvasive:
          edge(ya, claim);  // an answer to the claim that neither affirms nor denies it
          break;
      }
    }
    for (const Statement& s : story.statements) {
      if (!s.responds_to) continue;
      const std::string transition = node("Default Transition", "TA");
      edge(statement_node[s.responds_to->value], transition);
      edge(transition, statement_node[s.id.value]);
    }
  }
  Json aif{{"nodes", nodes}, {"edges", edges}, {"locutions", locutions}, {"participants", participants}};
  out << aif.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace gainsay
