// gainsay_extract_speed: extraction throughput in MB/s on one core.
//   gainsay_extract_speed CORPUS [RUNS]
// Times extract_attributions over the corpus RUNS times (default 5), article
// by article as `gainsay extract` reads them (articles are separated by a
// form feed line), and prints each run and the median; then the same with
// the whole corpus as one text, which measures the extractor on inputs far
// larger than any article. Build a corpus by repeating article texts
// (bench/make_corpus.py).
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>
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
  std::vector<std::string_view> articles;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find("\n\f\n", start), text.size());
    articles.push_back(std::string_view(text).substr(start, end - start));
    start = end + 3;
  }
  auto measure = [&](const char* what, const std::vector<std::string_view>& inputs) {
    std::vector<double> rates;
    std::size_t found = 0;
    for (int r = 0; r < runs; ++r) {
      found = 0;
      const auto start = std::chrono::steady_clock::now();
      for (std::string_view input : inputs) found += gainsay::extract_attributions(input).size();
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      rates.push_back(mb / seconds);
      std::cout << what << " run " << r + 1 << ": " << seconds << " s, " << mb / seconds << " MB/s\n";
    }
    std::sort(rates.begin(), rates.end());
    std::cout << what << ": corpus " << mb << " MB in " << inputs.size() << (inputs.size() == 1 ? " text, " : " texts, ")
              << found << " attributions; median " << rates[rates.size() / 2] << " MB/s over " << runs << " runs\n";
  };
  measure("article by article", articles);
  measure("as one text", {std::string_view(text)});
  return 0;
}
