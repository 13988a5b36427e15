// Prints gainsay's grounded labelling of an .apx file, one "name label"
// line per argument sorted by name, to compare with grounded.py.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "gainsay/argumentation.h"
#include "gainsay/error.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: apx_grounded FILE.apx\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  std::stringstream text;
  text << in.rdbuf();
  try {
    const gainsay::Framework framework = gainsay::parse_apx(text.str());
    const auto labels = gainsay::grounded_labelling(framework);
    std::vector<std::pair<std::string, std::string>> lines;
    for (std::size_t a = 0; a < framework.size(); ++a) {
      lines.emplace_back(framework.name(a), std::string(gainsay::to_string(labels[a])));
    }
    std::sort(lines.begin(), lines.end());
    for (const auto& [name, label] : lines) std::cout << name << ' ' << label << '\n';
  } catch (const gainsay::Error& e) {
    std::cerr << argv[1] << ": " << e.what() << '\n';
    return 2;
  }
  return 0;
}
