// gainsay_generate: a seeded, deterministic synthetic story of N statements,
// written as the CSV sheet (with a precomputed side column, for the peers)
// and as a YAML story file. The shape follows real disputes: sides with
// actor hierarchies 1 to 4 deep, a heavy-tailed number of statements per
// claim, about 30% of statements against, partial and missing dates,
// responds_to chains, repeats, and some actors changing position.
//
//   gainsay_generate N SEED OUT_PREFIX   -> OUT_PREFIX.csv, OUT_PREFIX.yaml
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

// splitmix64: the same numbers on every platform, unlike std's distributions.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
  bool chance(double p) { return unit() < p; }

 private:
  std::uint64_t state_;
};

const char* const kWords[] = {"drones", "missiles", "shipment", "border", "talks", "sanctions", "convoy", "factory",
                              "port",   "envoy",    "treaty",   "strike", "fuel",  "grain",     "bridge", "radar"};

std::string words(Random& random, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += (i ? " " : "") + std::string(kWords[random.below(std::size(kWords))]);
  return out;
}

std::string date(Random& random) {
  const double p = random.unit();
  if (p < 0.05) return "";
  const int year = 2020 + static_cast<int>(random.below(4));
  const int month = 1 + static_cast<int>(random.below(12));
  char buffer[40];  // room for any int, so no truncation is possible
  if (p < 0.15) {
    std::snprintf(buffer, sizeof buffer, "%04d", year);
  } else if (p < 0.40) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, 1 + static_cast<int>(random.below(28)));
  }
  return buffer;
}

struct Actor {
  std::string id, name, kind, parent;
  std::size_t side;
};

struct Statement {
  std::string id, by, claim, stance, date, source, attribution, quote, note, responds_to, repeats, via;
};

std::string csv(const std::string& field) {
  if (field.find_first_of(",\"\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: gainsay_generate N SEED OUT_PREFIX\n";
    return 2;
  }
  const std::size_t n = std::strtoull(argv[1], nullptr, 10);
  Random random(std::strtoull(argv[2], nullptr, 10));
  const std::string prefix = argv[3];

  // Sides, each a hierarchy: government -> ministries -> offices -> people.
  const std::size_t sides = 6 + n / 20000;
  std::vector<Actor> actors;
  std::vector<std::vector<std::size_t>> speakers(sides);  // per side, who may speak
  for (std::size_t s = 0; s < sides; ++s) {
    const std::string root = "side-" + std::to_string(s);
    actors.push_back({root, "Government " + std::to_string(s), "government", "", s});
    speakers[s].push_back(actors.size() - 1);
    const std::size_t depth = 1 + random.below(4);  // 1 to 4 levels
    std::vector<std::size_t> level = {actors.size() - 1};
    for (std::size_t d = 1; d < depth; ++d) {
      std::vector<std::size_t> next;
      for (std::size_t parent : level) {
        const std::size_t children = 1 + random.below(3 + n / 50000);
        for (std::size_t c = 0; c < children; ++c) {
          const std::string id = actors[parent].id + "-" + std::to_string(c);
          const bool person = d + 1 == depth;
          actors.push_back({id, (person ? "Spokesperson " : "Office ") + id, person ? "person" : "ministry",
                            actors[parent].id, s});
          next.push_back(actors.size() - 1);
          speakers[s].push_back(actors.size() - 1);
        }
      }
      level = std::move(next);
    }
  }
  const std::size_t outlets = 20;
  const std::size_t claims = std::max<std::size_t>(10, n / 8);
  const std::size_t sources = std::max<std::size_t>(5, n / 25);

  // Each claim: a claimant side and an accused side.
  std::vector<std::pair<std::size_t, std::size_t>> claim_sides(claims);
  for (auto& cs : claim_sides) {
    cs.first = random.below(sides);
    cs.second = (cs.first + 1 + random.below(sides - 1)) % sides;
  }
  // Zipf-like weights (exponent 1.1) for a heavy-tailed number of statements per claim.
  std::vector<double> cumulative(claims);
  double total = 0;
  for (std::size_t c = 0; c < claims; ++c) cumulative[c] = (total += 1.0 / std::pow(static_cast<double>(c + 1), 1.1));
  auto pick_claim = [&] {
    const double x = random.unit() * total;
    return static_cast<std::size_t>(std::lower_bound(cumulative.begin(), cumulative.end(), x) - cumulative.begin());
  };

  std::vector<Statement> statements;
  statements.reserve(n);
  std::vector<std::vector<std::size_t>> on_claim(claims);  // statements so far, per claim
  // Every actor speaks at least once, so the sheet names every actor of every hierarchy.
  std::vector<std::size_t> first_voices;
  for (std::size_t a = 0; a < actors.size(); ++a) first_voices.push_back(a);
  const char* const kFor[] = {"asserts", "corroborates", "confirms"};
  const char* const kAgainst[] = {"denies", "dismisses", "disputes", "partially-admits"};
  const char* const kEvasive[] = {"deflects", "declines", "counter-accuses"};
  const char* const kAttribution[] = {"on-record", "official-statement", "anonymous", "via-media"};
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t c = pick_claim();
    const auto [claimant, accused] = claim_sides[c];
    Statement s;
    s.id = "s" + std::to_string(i);
    s.claim = "c" + std::to_string(c);
    const double role = random.unit();
    std::size_t speaker;
    if (i < first_voices.size()) {
      speaker = first_voices[i];
    } else if (role < 0.30) {  // against: the accused side answers
      speaker = speakers[accused][random.below(speakers[accused].size())];
    } else {
      const std::size_t side = random.chance(0.7) ? claimant : random.below(sides);
      speaker = speakers[side][random.below(speakers[side].size())];
    }
    s.by = actors[speaker].id;
    const double kind = random.unit();
    if (role < 0.30 && kind < 0.92) {
      s.stance = kAgainst[random.below(4)];
    } else if (role < 0.30 || kind < 0.04) {
      s.stance = kEvasive[random.below(3)];
    } else {
      s.stance = kFor[random.below(3)];
    }
    s.date = date(random);
    if (random.chance(0.93)) s.source = "src" + std::to_string(random.below(sources));
    s.attribution = kAttribution[random.below(4)];
    if (random.chance(0.35)) s.quote = words(random, 4 + random.below(8));
    if (s.stance == "partially-admits" || random.chance(0.2)) s.note = words(random, 3 + random.below(5));
    auto& earlier = on_claim[c];
    if (!earlier.empty() && random.chance(0.4)) {
      // answers an earlier statement on the claim: responds_to chains grow
      s.responds_to = statements[earlier[earlier.size() - 1 - random.below(std::min<std::size_t>(earlier.size(), 5))]].id;
    }
    if (i >= first_voices.size() && !earlier.empty() && random.chance(0.05)) {
      // the same words reported again by another outlet (never in an actor's
      // first row, which is where the sheet states its place in the hierarchy)
      const Statement& original = statements[earlier[random.below(earlier.size())]];
      s.by = original.by;
      s.stance = original.stance;
      s.quote = original.quote;
      s.repeats = original.id;
      s.responds_to.clear();
    }
    if (random.chance(0.08)) s.via = "outlet-" + std::to_string(random.below(outlets));
    earlier.push_back(statements.size());
    statements.push_back(std::move(s));
  }

  std::vector<std::string> side_of(actors.size());
  std::ofstream sheet(prefix + ".csv", std::ios::binary);
  sheet << "story,id,by,claim,stance,date,source,attribution,quote,note,responds_to,repeats,via,claim_text,actor_name,"
           "source_url,actor_kind,actor_member_of,claim_about,side\n";
  std::vector<std::size_t> actor_index;
  std::vector<std::pair<std::string, std::size_t>> index_by_id;
  for (std::size_t a = 0; a < actors.size(); ++a) index_by_id.emplace_back(actors[a].id, a);
  std::sort(index_by_id.begin(), index_by_id.end());
  auto actor_of = [&](const std::string& id) {
    return std::lower_bound(index_by_id.begin(), index_by_id.end(), std::make_pair(id, std::size_t{0}))->second;
  };
  const std::string story = "synthetic-" + std::to_string(n);
  for (const Statement& s : statements) {
    const Actor& a = actors[actor_of(s.by)];
    const std::size_t c = std::stoul(s.claim.substr(1));
    sheet << story << ',' << s.id << ',' << s.by << ',' << s.claim << ',' << s.stance << ',' << s.date << ','
          << s.source << ',' << s.attribution << ',' << csv(s.quote) << ',' << csv(s.note) << ',' << s.responds_to
          << ',' << s.repeats << ',' << s.via << ',' << "Claim " << c << " about " << kWords[c % std::size(kWords)] << ','
          << csv(a.name) << ',' << (s.source.empty() ? "" : "https://example.org/" + s.source) << ',' << a.kind << ','
          << a.parent << ",side-" << claim_sides[c].second << ",side-" << a.side << '\n';
  }

  std::ofstream yaml(prefix + ".yaml", std::ios::binary);
  yaml << "format: 1\nstory: {id: " << story << ", title: Synthetic story of " << n << " statements}\nactors:\n";
  for (const Actor& a : actors) {
    yaml << "  - {id: " << a.id << ", name: " << a.name << ", kind: " << a.kind;
    if (!a.parent.empty()) yaml << ", member_of: " << a.parent;
    yaml << "}\n";
  }
  for (std::size_t o = 0; o < outlets; ++o) yaml << "  - {id: outlet-" << o << ", name: Outlet " << o << ", kind: outlet}\n";
  yaml << "sources:\n";
  for (std::size_t s = 0; s < sources; ++s) {
    yaml << "  - {id: src" << s << ", outlet: outlet-" << s % outlets << ", url: \"https://example.org/src" << s << "\"}\n";
  }
  yaml << "claims:\n";
  for (std::size_t c = 0; c < claims; ++c) {
    yaml << "  - {id: c" << c << ", text: Claim " << c << " about " << kWords[c % std::size(kWords)]
         << ", about: [side-" << claim_sides[c].second << "]}\n";
  }
  yaml << "statements:\n";
  for (const Statement& s : statements) {
    yaml << "  - {id: " << s.id << ", by: " << s.by << ", claim: " << s.claim << ", stance: " << s.stance;
    if (!s.date.empty()) yaml << ", date: " << s.date;
    if (!s.source.empty()) yaml << ", source: " << s.source;
    yaml << ", attribution: " << s.attribution;
    if (!s.quote.empty()) yaml << ", quote: \"" << s.quote << "\"";
    if (!s.note.empty()) yaml << ", note: \"" << s.note << "\"";
    if (!s.responds_to.empty()) yaml << ", responds_to: " << s.responds_to;
    if (!s.repeats.empty()) yaml << ", repeats: " << s.repeats;
    if (!s.via.empty()) yaml << ", via: " << s.via;
    yaml << "}\n";
  }
  std::cerr << "wrote " << prefix << ".csv and " << prefix << ".yaml: " << n << " statements, " << claims << " claims, "
            << actors.size() << " actors in " << sides << " sides\n";
  return 0;
}
