// build_lexicon: counts unvocalized Arabic word forms in a JSONL(.gz) news
// corpus (fields `title`, `content`) and writes data/text/lexicon.tsv, the
// stem lexicon of the clitic segmenter. A training tool: never linked into
// the runtime.
//
// Usage: build_lexicon CORPUS.jsonl.gz OUT.tsv [MIN_COUNT=3]
#include <algorithm>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/base/file.h"
#include "src/text/normalize.h"
#include "src/text/tokenize.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: build_lexicon CORPUS.jsonl.gz OUT.tsv [MIN_COUNT]\n";
    return 2;
  }
  uint32_t min_count = argc > 3 ? std::stoul(argv[3]) : 3;
  auto raw = marsad::ReadFile(argv[1]);
  if (!raw.ok()) {
    std::cerr << raw.status().ToString() << "\n";
    return 1;
  }
  std::string data = std::move(raw).value();
  if (marsad::IsGzip(data)) {
    auto g = marsad::Gunzip(data);
    if (!g.ok()) {
      std::cerr << g.status().ToString() << "\n";
      return 1;
    }
    data = std::move(g).value();
  }
  auto normalizer = marsad::Normalizer::Create();  // DataDir()'s tables
  if (!normalizer.ok()) {
    std::cerr << normalizer.status().ToString() << "\n";
    return 1;
  }
  const marsad::Normalizer& norm = **normalizer;
  std::unordered_map<std::string, uint32_t> counts;
  marsad::NormalizedText disp;
  std::vector<marsad::Token> toks;
  std::string key;
  size_t docs = 0, bad = 0, pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) nl = data.size();
    std::string_view line(data.data() + pos, nl - pos);
    pos = nl + 1;
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      ++bad;
      continue;
    }
    ++docs;
    for (const char* field : {"title", "content"}) {
      if (!j.contains(field) || !j[field].is_string()) continue;
      norm.Display(j[field].get<std::string>(), &disp);
      marsad::Tokenize(disp.text, &toks);
      for (const auto& t : toks) {
        if (t.kind != marsad::TokenKind::kWord) continue;
        norm.Unvocalize(t.span.In(disp.text), &key);
        ++counts[key];
      }
    }
  }
  std::vector<std::pair<std::string, uint32_t>> rows;
  for (auto& [w, c] : counts)
    if (c >= min_count) rows.emplace_back(w, c);
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::ofstream out(argv[2]);
  out << "# Unvocalized Arabic word forms and their counts, the stem lexicon "
         "of\n"
         "# src/text/segment.cc. Derived by tools/build_lexicon from "
         "SaudiNewsNet\n"
         "# (inparallel/SaudiNewsNet, 31,030 articles, CC BY-NC-SA 4.0); "
         "counts\n"
         "# only, no text. Forms seen fewer than "
      << min_count << " times are pruned.\n";
  for (auto& [w, c] : rows) out << w << '\t' << c << '\n';
  std::cerr << "build_lexicon: " << docs << " documents (" << bad
            << " bad lines), " << counts.size() << " forms, " << rows.size()
            << " written\n";
  return out ? 0 : 1;
}
