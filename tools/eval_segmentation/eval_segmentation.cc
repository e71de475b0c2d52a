// eval_segmentation: words F1 of marsad's tokenizer + clitic segmenter
// against a UD CoNLL-U file, computed as the CoNLL 2018 shared task does:
// words are aligned by their character spans in the text with whitespace
// removed (words of a multi-word token share the token's span and are
// aligned by longest common subsequence of forms). Sentences whose gold
// forms do not concatenate to the same characters as the raw `# text` are
// aligned by LCS of forms over the whole sentence, and counted.
//
// Usage: eval_segmentation FILE.conllu [--errors N]
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "src/base/data.h"
#include "src/base/file.h"
#include "src/base/utf8.h"
#include "src/text/segment.h"
#include "src/text/tokenize.h"

namespace {

struct Word {
  std::string form;
  size_t begin, end;  // code points in the whitespace-free text
};

struct Sentence {
  std::string text;
  std::vector<std::string> forms;  // gold words (no MWTs in the file we use)
  std::vector<std::pair<int, int>> mwt;  // gold multi-word ranges
};

std::vector<Word> WithSpans(const std::vector<std::string>& forms) {
  std::vector<Word> out;
  size_t at = 0;
  for (const auto& f : forms) {
    size_t len = marsad::Utf8Length(f);
    out.push_back(Word{f, at, at + len});
    at += len;
  }
  return out;
}

size_t Lcs(const std::vector<Word>& a, const std::vector<Word>& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1,
                                     std::vector<size_t>(b.size() + 1));
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j)
      d[i][j] = a[i - 1].form == b[j - 1].form
                    ? d[i - 1][j - 1] + 1
                    : std::max(d[i - 1][j], d[i][j - 1]);
  return d[a.size()][b.size()];
}

size_t AlignBySpan(const std::vector<Word>& g, const std::vector<Word>& s) {
  size_t gi = 0, si = 0, hits = 0;
  while (gi < g.size() && si < s.size()) {
    if (g[gi].begin == s[si].begin && g[gi].end == s[si].end) {
      ++hits, ++gi, ++si;
    } else if (g[gi].begin <= s[si].begin) {
      ++gi;
    } else {
      ++si;
    }
  }
  return hits;
}

std::vector<std::string> SystemWords(const marsad::Segmenter& segmenter,
                                     std::string_view text) {
  std::vector<marsad::Token> toks;
  marsad::Tokenize(text, &toks);
  marsad::Segmentation seg;
  std::vector<std::string> out;
  for (const auto& t : toks) {
    std::string_view w = t.span.In(text);
    if (t.kind != marsad::TokenKind::kWord) {
      out.emplace_back(w);
      continue;
    }
    segmenter.Segment(w, &seg);
    for (auto p : seg.parts) out.emplace_back(p.In(w));
  }
  return out;
}

std::string Concat(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x;
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: eval_segmentation FILE.conllu [--errors N]\n";
    return 2;
  }
  int show_errors = 0;
  if (argc > 3 && std::string(argv[2]) == "--errors")
    show_errors = std::atoi(argv[3]);
  auto data = marsad::ReadFile(argv[1]);
  if (!data.ok()) {
    std::cerr << data.status().ToString() << "\n";
    return 1;
  }
  auto segmenter = marsad::Segmenter::Create();  // DataDir()'s tables
  if (!segmenter.ok()) {
    std::cerr << segmenter.status().ToString() << "\n";
    return 1;
  }
  std::vector<Sentence> sents(1);
  std::istringstream in(*data);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) {
      if (!sents.back().forms.empty()) sents.emplace_back();
      continue;
    }
    if (line.rfind("# text = ", 0) == 0) {
      sents.back().text = line.substr(9);
      continue;
    }
    if (line[0] == '#') continue;
    auto cols = marsad::Split(line, '\t');
    if (cols.size() < 2) continue;
    if (cols[0].find('.') != std::string_view::npos) continue;
    if (cols[0].find('-') != std::string_view::npos) continue;  // use words
    sents.back().forms.emplace_back(cols[1]);
  }
  if (sents.back().forms.empty()) sents.pop_back();
  size_t gold_n = 0, sys_n = 0, hits = 0, fallback = 0;
  for (const auto& s : sents) {
    auto sys = SystemWords(**segmenter, s.text);
    auto g = WithSpans(s.forms), w = WithSpans(sys);
    gold_n += g.size();
    sys_n += w.size();
    size_t h;
    if (Concat(s.forms) == Concat(sys)) {
      h = AlignBySpan(g, w);
    } else {
      ++fallback;
      h = Lcs(g, w);
    }
    hits += h;
    if (show_errors > 0 && h < std::max(g.size(), w.size())) {
      --show_errors;
      std::string gs, ss;
      for (auto& x : g) gs += x.form + " ";
      for (auto& x : w) ss += x.form + " ";
      std::cout << "GOLD: " << gs << "\nSYS:  " << ss << "\n\n";
    }
  }
  double p = sys_n ? double(hits) / sys_n : 0,
         r = gold_n ? double(hits) / gold_n : 0;
  double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  std::printf(
      "sentences %zu (LCS-aligned: %zu)\ngold words %zu, system words %zu, "
      "aligned %zu\nWords P %.2f%% R %.2f%% F1 %.2f%%\n",
      sents.size(), fallback, gold_n, sys_n, hits, 100 * p, 100 * r, 100 * f);
  return 0;
}
