// gainsay_extract_speed: extraction throughput in MB/s on one core.
//   gainsay_extract_speed CORPUS [RUNS]
// Times extract_attributions over the whole corpus RUNS times (default 5)
// and prints each run and the median. Build a corpus by repeating article
// texts (bench/make_corpus.py).
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "gainsay/extract.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: gainsay_extract_speed CORPUS [RUNS]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  const double mb = static_cast<double>(text.size()) / (1 << 20);
  std::vector<double> rates;
  std::size_t found = 0;
  for (int r = 0; r < runs; ++r) {
    const auto start = std::chrono::steady_clock::now();
    found = gainsay::extract_attributions(text).size();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rates.push_back(mb / seconds);
    std::cout << "run " << r + 1 << ": " << seconds << " s, " << mb / seconds << " MB/s\n";
  }
  std::sort(rates.begin(), rates.end());
  std::cout << "corpus " << mb << " MB, " << found << " attributions; median " << rates[rates.size() / 2]
            << " MB/s over " << runs << " runs\n";
  return 0;
}
