#include "gainsay/progress.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace gainsay;
using namespace std::chrono_literals;

namespace {

// A clock the test moves by hand.
struct FakeClock {
  std::chrono::steady_clock::time_point now{};
  ProgressBar::Clock clock() {
    return [this] { return now; };
  }
};

}  // namespace

TEST_CASE("ProgressBar: stage, share, rate and time left on one line") {
  std::ostringstream out;
  FakeClock time;
  ProgressBar bar(out, 80, time.clock());
  bar.stage("writing statements", 1000000, Progress::Unit::kItems);
  const std::string line = bar.line(250000, 2.0);
  CHECK(line.find("writing statements [") == 0);
  CHECK(line.find(" 25%") != std::string::npos);
  CHECK(line.find("125.0k/s") != std::string::npos);
  CHECK(line.find("0:06 left") != std::string::npos);
  CHECK(line.size() == 79);  // within the terminal, whatever the numbers
  CHECK(bar.line(1000000, 8.0).size() == 79);
  CHECK(bar.line(1000000, 8.0).find("left") == std::string::npos);
  bar.stage("reading sheet.csv", 50000000, Progress::Unit::kBytes);
  CHECK(bar.line(25000000, 1.0).find("25.0 MB/s") != std::string::npos);
}

TEST_CASE("ProgressBar: redraws at most ten times a second, and clears its line at the end") {
  std::ostringstream out;
  FakeClock time;
  {
    ProgressBar bar(out, 80, time.clock());
    CHECK(out.str().empty());  // nothing until there is work
    bar.stage("writing statements", 100, Progress::Unit::kItems);
    const auto drawn = [&] {
      std::size_t n = 0;
      for (char c : out.str()) n += c == '\r';
      return n;
    };
    CHECK(drawn() == 1);
    bar.update(10);
    time.now += 50ms;
    bar.update(20);
    CHECK(drawn() == 1);
    time.now += 60ms;
    bar.update(30);
    CHECK(drawn() == 2);
    bar.update(100);  // the end is always drawn
    CHECK(drawn() == 3);
    bar.finish();
    CHECK(out.str().substr(out.str().size() - 4) == "\r\033[K");
  }
  const std::string after = out.str();
  CHECK(after.size() == out.str().size());  // finished: the destructor adds nothing
}
