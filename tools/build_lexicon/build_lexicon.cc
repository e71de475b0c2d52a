// build_lexicon: counts folded Arabic word forms in a JSONL news corpus and
// writes data/text/stems.tsv (form<TAB>count, count >= --min), the corpus
// statistics the clitic segmenter uses to decide whether وX is و + X.
//
//   build_lexicon --min 3 ../shared/data/corpus/saudinewsnet.jsonl.gz > data/text/stems.tsv
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/ingest/reader.h"
#include "src/text/normalize.h"
#include "src/text/tokenize.h"

int main(int argc, char** argv) {
  int min_count = 3;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--min" && i + 1 < argc) {
      min_count = std::atoi(argv[++i]);
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) {
    std::cerr << "usage: build_lexicon [--min N] CORPUS.jsonl[.gz]...\n";
    return 2;
  }
  const marsad::Normalizer& norm = marsad::Normalizer::Default();
  std::unordered_map<std::string, uint32_t> counts;
  std::vector<marsad::Token> toks;
  uint64_t docs = 0;
  marsad::ReadCallbacks cb;
  cb.on_document = [&](marsad::Document&& d) {
    ++docs;
    marsad::Tokenize(d.raw, &toks);
    for (const marsad::Token& t : toks) {
      if (t.kind != marsad::TokenKind::kWord) continue;
      ++counts[norm.FoldKey(t.span.In(d.raw))];
    }
  };
  cb.on_reject = [](const std::string&, const marsad::Status&) {};
  marsad::ReadStats stats;
  for (const auto& in : inputs) {
    marsad::Status st = marsad::ReadInput(in, cb, &stats);
    if (!st.ok()) {
      std::cerr << st.ToString() << "\n";
      return 1;
    }
  }
  std::vector<std::pair<std::string, uint32_t>> rows;
  for (auto& [w, c] : counts) {
    if (c >= static_cast<uint32_t>(min_count)) rows.emplace_back(w, c);
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::cout << "# Folded word forms and their counts in the SaudiNewsNet corpus ("
            << docs << " articles), count >= " << min_count << ".\n"
            << "# Built by tools/build_lexicon from inparallel/SaudiNewsNet (CC BY-NC-SA 4.0);\n"
            << "# word counts only, no text. Used by src/text/segment.cc.\n";
  for (const auto& [w, c] : rows) std::cout << w << '\t' << c << '\n';
  return 0;
}
