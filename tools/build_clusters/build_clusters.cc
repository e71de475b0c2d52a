// build_clusters: word classes learned without labels from a news corpus,
// for the NER tagger's cluster features (data/nlp/clusters.tsv).
//
//   build_clusters CORPUS.jsonl.gz OUT.tsv [--words N] [--contexts C]
//   build_clusters --text CORPUS.jsonl.gz OUT.txt
//   build_clusters --vectors VECS.vec OUT.tsv [--words N] [--k 100,500,1000]
//                  [--assign M] [--source CORPUS.jsonl.gz]...
//
// The last two make data/nlp/embed_clusters.tsv (scripts/embed-clusters.sh):
// --text writes the corpus as the same folded tokens for fastText to learn
// skip-gram vectors from, --vectors groups the N most frequent words of the
// resulting .vec file by the same spherical k-means, once per class count.
// With --assign M, the next M words of the file (0: all of them) join the
// table too, each in the class of its nearest centre: rare words, whose
// vectors come from their character n-grams (fastText -minn/-maxn), get a
// class without moving the centres the frequent words set. --source names
// the corpora the vectors were learned from, for the table's header (a .vec
// file does not say); the other modes name the corpus they read.
//
// Why not Brown clustering: exact Brown merging over a 40k vocabulary is
// quadratic in the number of active clusters and takes hours on two cores;
// what the tagger needs is only "words used like this one", at two
// granularities. So each frequent word is described by the words seen just
// before and just after it (positive PMI over the C most frequent context
// words, left and right kept apart), squeezed to 128 dimensions by a fixed
// random ±1 projection (Johnson–Lindenstrauss keeps the cosines), and grouped
// by spherical k-means twice: 64 coarse classes and 512 fine ones. Names,
// places, months, verbs of saying and gentilics come out as classes of their
// own, which is what lets the tagger generalise to a name it never saw
// labelled. Deterministic: fixed seeds, corpus order.
//
// Words are keyed by the text core's folded form (Normalizer::FoldKey), the
// key the tagger looks clusters up by.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/base/file.h"
#include "src/text/normalize.h"
#include "src/text/tokenize.h"

namespace marsad {
namespace {

constexpr int kDims = 128;

struct Options {
  std::string corpus, out;
  size_t words = 40000;
  size_t contexts = 300;
  // --text: write the corpus as folded tokens, one document per line (the
  // input of fastText). --vectors: cluster a fastText .vec file instead.
  bool text = false;
  std::string vectors;
  std::vector<int> ks = {100, 500, 1000};
  size_t assign = 0;
  bool assign_all = false;
  std::vector<std::string> sources;  // --source, for the header
  // --extend TABLE: keep TABLE's rows and classes; the centre of each of
  // its classes is the mean vector of its words, and the other words of the
  // .vec file (up to --assign) join in the class of the nearest centre.
  std::string extend;
};

// The header's source line: each corpus by its file name, with the credit
// and licence of the ones ../shared/data describes.
std::string SourceLine(const std::vector<std::string>& paths) {
  std::string out = "# Source corpus: ";
  for (size_t i = 0; i < paths.size(); ++i) {
    std::string name = paths[i].substr(paths[i].find_last_of('/') + 1);
    if (i > 0) out += "; ";
    out += name;
    if (name.starts_with("saudinewsnet"))
      out += " (SaudiNewsNet, inparallel/SaudiNewsNet, CC BY-NC-SA 4.0)";
    else if (name.starts_with("ant_"))
      out +=
          " (ANT corpus, antcorpus, Apache-2.0 with a citation "
          "requirement; texts of the outlets)";
  }
  if (paths.empty()) out += "unnamed";
  return out + "; only word classes are kept, no text.\n";
}

// The corpus as sequences of folded token ids (one per sentence-ish line).
struct Corpus {
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::string> forms;
  std::vector<uint64_t> counts;
  std::vector<std::vector<uint32_t>> docs;
  uint32_t Id(const std::string& w) {
    auto [it, added] = ids.emplace(w, static_cast<uint32_t>(forms.size()));
    if (added) {
      forms.push_back(w);
      counts.push_back(0);
    }
    ++counts[it->second];
    return it->second;
  }
};

std::string TokenKey(std::string_view text, const Token& t,
                     const Normalizer& norm) {
  switch (t.kind) {
    case TokenKind::kNumber:
      return "<num>";
    case TokenKind::kUrl:
    case TokenKind::kEmail:
      return "<url>";
    default:
      return norm.FoldKey(t.span.In(text));
  }
}

StatusOr<Corpus> ReadCorpus(const std::string& path) {
  ASSIGN_OR_RETURN(std::string raw, ReadFile(path));
  ASSIGN_OR_RETURN(std::string data, Gunzip(raw));
  ASSIGN_OR_RETURN(std::unique_ptr<const Normalizer> normalizer,
                   Normalizer::Create());  // DataDir()'s tables
  const Normalizer& norm = *normalizer;
  Corpus c;
  std::vector<Token> toks;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) nl = data.size();
    auto j = nlohmann::json::parse(std::string_view(data).substr(pos, nl - pos),
                                   nullptr, false);
    pos = nl + 1;
    if (!j.is_object() || !j.contains("content") || !j["content"].is_string())
      continue;
    std::string text = j["content"].get<std::string>();
    Tokenize(text, &toks);
    std::vector<uint32_t> doc;
    doc.reserve(toks.size());
    for (const Token& t : toks) doc.push_back(c.Id(TokenKey(text, t, norm)));
    c.docs.push_back(std::move(doc));
  }
  return c;
}

// Rows of `vocab` words: left and right context counts over `ctx` words.
std::vector<float> ContextCounts(const Corpus& c,
                                 const std::vector<int32_t>& row,
                                 const std::vector<int32_t>& col, size_t n_rows,
                                 size_t n_cols) {
  std::vector<float> m(n_rows * 2 * n_cols, 0.f);
  for (const auto& d : c.docs) {
    for (size_t i = 0; i < d.size(); ++i) {
      int32_t r = row[d[i]];
      if (r < 0) continue;
      if (i > 0 && col[d[i - 1]] >= 0) m[r * 2 * n_cols + col[d[i - 1]]] += 1;
      if (i + 1 < d.size() && col[d[i + 1]] >= 0)
        m[r * 2 * n_cols + n_cols + col[d[i + 1]]] += 1;
    }
  }
  return m;
}

// The centre nearest the unit vector v (largest cosine).
int Nearest(const float* v, const std::vector<float>& cent, int k, int dims) {
  int best = 0;
  float best_s = -2;
  for (int c = 0; c < k; ++c) {
    const float* m = &cent[c * dims];
    float s = 0;
    for (int d = 0; d < dims; ++d) s += v[d] * m[d];
    if (s > best_s) best_s = s, best = c;
  }
  return best;
}

// PPMI, random projection to kDims, unit length.
std::vector<float> Embed(std::vector<float>& m, size_t n_rows, size_t width) {
  std::vector<double> row_sum(n_rows, 0), col_sum(width, 0);
  double total = 0;
  for (size_t r = 0; r < n_rows; ++r)
    for (size_t k = 0; k < width; ++k) {
      row_sum[r] += m[r * width + k];
      col_sum[k] += m[r * width + k];
      total += m[r * width + k];
    }
  std::mt19937_64 rng(42);
  std::vector<float> proj(width * kDims);
  for (float& p : proj) p = (rng() & 1) ? 1.f : -1.f;
  std::vector<float> out(n_rows * kDims, 0.f);
  for (size_t r = 0; r < n_rows; ++r) {
    float* o = &out[r * kDims];
    for (size_t k = 0; k < width; ++k) {
      float v = m[r * width + k];
      if (v <= 0 || row_sum[r] == 0) continue;
      double pmi = std::log(v * total / (row_sum[r] * col_sum[k]));
      if (pmi <= 0) continue;
      const float* p = &proj[k * kDims];
      for (int d = 0; d < kDims; ++d) o[d] += static_cast<float>(pmi) * p[d];
    }
    double norm = 0;
    for (int d = 0; d < kDims; ++d) norm += o[d] * o[d];
    norm = std::sqrt(norm);
    if (norm > 0)
      for (int d = 0; d < kDims; ++d) o[d] /= static_cast<float>(norm);
  }
  return out;
}

// Spherical k-means; rows are unit vectors. Returns the class of each row.
std::vector<int> KMeans(const std::vector<float>& x, size_t n, int k,
                        int iterations, int dims = kDims,
                        std::vector<float>* centres = nullptr) {
  std::mt19937_64 rng(7);
  std::vector<float> cent(k * dims);
  // Seeds: evenly spaced over the frequency-ranked rows, so both frequent
  // and rare words get centres.
  for (int c = 0; c < k; ++c) {
    size_t r = (n * c) / k + rng() % std::max<size_t>(1, n / k);
    std::memcpy(&cent[c * dims], &x[std::min(r, n - 1) * dims],
                dims * sizeof(float));
  }
  std::vector<int> cls(n, 0);
  for (int it = 0; it < iterations; ++it) {
    size_t moved = 0;
    for (size_t r = 0; r < n; ++r) {
      const int best = Nearest(&x[r * dims], cent, k, dims);
      if (cls[r] != best) ++moved, cls[r] = best;
    }
    std::fill(cent.begin(), cent.end(), 0.f);
    for (size_t r = 0; r < n; ++r)
      for (int d = 0; d < dims; ++d) cent[cls[r] * dims + d] += x[r * dims + d];
    for (int c = 0; c < k; ++c) {
      float* m = &cent[c * dims];
      double norm = 0;
      for (int d = 0; d < dims; ++d) norm += m[d] * m[d];
      norm = std::sqrt(norm);
      if (norm > 0)
        for (int d = 0; d < dims; ++d) m[d] /= static_cast<float>(norm);
    }
    std::cerr << "  k=" << k << " iteration " << it + 1 << ": " << moved
              << " moved\n";
    if (moved < n / 1000) break;
  }
  if (centres) *centres = std::move(cent);
  return cls;
}

// The corpus as fastText reads it: folded tokens (TokenKey) separated by
// spaces, one document per line. A temporary file, never committed.
int WriteText(const Options& o) {
  auto raw = ReadFile(o.corpus);
  auto data = raw.ok() ? Gunzip(*raw) : StatusOr<std::string>(raw.status());
  if (!data.ok())
    return std::cerr << "build_clusters: " << data.status().ToString() << "\n",
           1;
  auto normalizer = Normalizer::Create();  // DataDir()'s tables
  if (!normalizer.ok())
    return std::cerr << "build_clusters: " << normalizer.status().ToString()
                     << "\n",
           1;
  const Normalizer& norm = **normalizer;
  std::vector<Token> toks;
  std::string out;
  for (size_t pos = 0; pos < data->size();) {
    size_t nl = data->find('\n', pos);
    if (nl == std::string::npos) nl = data->size();
    auto j = nlohmann::json::parse(
        std::string_view(*data).substr(pos, nl - pos), nullptr, false);
    pos = nl + 1;
    if (!j.is_object() || !j.contains("content") || !j["content"].is_string())
      continue;
    std::string text = j["content"].get<std::string>();
    Tokenize(text, &toks);
    for (const Token& t : toks) {
      std::string k = TokenKey(text, t, norm);
      if (k.empty() || k.find_first_of(" \t\n\r") != std::string::npos)
        continue;
      out += k;
      out += ' ';
    }
    out += '\n';
  }
  Status s = WriteFileAtomic(o.out, out);
  if (!s.ok())
    return std::cerr << "build_clusters: " << s.ToString() << "\n", 1;
  return 0;
}

// --extend: o.extend's rows as they are, then the words of `words` it lacks,
// each in the class whose members' mean vector is nearest, per column.
int ExtendTable(const Options& o, const std::vector<std::string>& words,
                const std::vector<float>& x, int dims) {
  auto table = ReadFile(o.extend);
  if (!table.ok())
    return std::cerr << "build_clusters: " << table.status().ToString() << "\n",
           1;
  std::vector<std::string> header, rows;
  std::unordered_map<std::string, std::vector<int>> old;
  size_t cols = 0;
  std::istringstream in(*table);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    if (line[0] == '#') {
      header.push_back(line);
      continue;
    }
    std::vector<std::string> f;
    std::stringstream ls(line);
    for (std::string v; std::getline(ls, v, '\t');) f.push_back(v);
    if (f.size() < 2) continue;
    std::vector<int> c;
    for (size_t i = 1; i < f.size(); ++i) c.push_back(std::stoi(f[i]));
    cols = std::max(cols, c.size());
    old.emplace(f[0], std::move(c));
    rows.push_back(line);
  }
  std::vector<int> ks(cols, 0);
  for (const auto& [w, c] : old)
    for (size_t j = 0; j < c.size(); ++j) ks[j] = std::max(ks[j], c[j] + 1);
  std::vector<std::vector<float>> cent(cols);
  for (size_t j = 0; j < cols; ++j) cent[j].assign(ks[j] * dims, 0.f);
  size_t shared = 0;
  for (size_t r = 0; r < words.size(); ++r) {
    auto it = old.find(words[r]);
    if (it == old.end()) continue;
    ++shared;
    for (size_t j = 0; j < it->second.size(); ++j)
      for (int d = 0; d < dims; ++d)
        cent[j][it->second[j] * dims + d] += x[r * dims + d];
  }
  for (size_t j = 0; j < cols; ++j)
    for (int c = 0; c < ks[j]; ++c) {
      float* m = &cent[j][c * dims];
      double norm = 0;
      for (int d = 0; d < dims; ++d) norm += m[d] * m[d];
      norm = std::sqrt(norm);
      if (norm > 0)
        for (int d = 0; d < dims; ++d) m[d] /= static_cast<float>(norm);
    }
  std::ostringstream out;
  size_t added = 0;
  std::ostringstream body;
  for (size_t r = 0; r < words.size(); ++r) {
    if (old.count(words[r])) continue;
    body << words[r];
    for (size_t j = 0; j < cols; ++j)
      body << '\t' << Nearest(&x[r * dims], cent[j], ks[j], dims);
    body << '\n';
    ++added;
  }
  for (const std::string& h : header) {
    if (h.rfind("# folded_word", 0) == 0) {
      out << "# Extended by build_clusters --extend: the next " << added
          << " words of fastText vectors, each in the class of the nearest "
             "mean vector of a class's words.\n"
          << SourceLine(o.sources.empty() ? std::vector<std::string>{o.vectors}
                                          : o.sources);
    }
    out << h << '\n';
  }
  for (const std::string& r : rows) out << r << '\n';
  out << body.str();
  std::cerr << "build_clusters: " << rows.size() << " rows kept (" << shared
            << " with a vector), " << added << " added\n";
  Status s = WriteFileAtomic(o.out, out.str());
  if (!s.ok())
    return std::cerr << "build_clusters: " << s.ToString() << "\n", 1;
  return 0;
}

// Classes of the first o.words words of a fastText .vec file (most frequent
// first), by spherical k-means at each granularity of o.ks.
int ClusterVectors(const Options& o) {
  auto vec = ReadFile(o.vectors);
  if (!vec.ok())
    return std::cerr << "build_clusters: " << vec.status().ToString() << "\n",
           1;
  std::istringstream in(*vec);
  size_t count = 0;
  int dims = 0;
  in >> count >> dims;
  std::vector<std::string> words;
  std::vector<float> x;
  std::string w;
  const size_t limit = o.assign_all ? SIZE_MAX : o.words + o.assign;
  while (words.size() < limit && in >> w) {
    std::vector<float> v(dims);
    double norm = 0;
    for (float& f : v) in >> f, norm += f * f;
    if (!in) break;
    if (w == "</s>" || w[0] == '#' || w[0] == '<') continue;
    norm = std::sqrt(norm);
    for (float& f : v) f = norm > 0 ? static_cast<float>(f / norm) : 0.f;
    words.push_back(w);
    x.insert(x.end(), v.begin(), v.end());
  }
  if (!o.extend.empty()) return ExtendTable(o, words, x, dims);
  const size_t clustered = std::min(words.size(), o.words);
  std::cerr << "build_clusters: " << words.size() << " of " << count
            << " vectors, " << dims << " dimensions, " << clustered
            << " clustered\n";
  std::vector<std::vector<int>> classes;
  for (int k : o.ks) {
    std::vector<float> cent;
    classes.push_back(KMeans(x, clustered, k, 15, dims, &cent));
    for (size_t r = clustered; r < words.size(); ++r)
      classes.back().push_back(Nearest(&x[r * dims], cent, k, dims));
  }
  std::ostringstream out;
  out << "# Word classes for the NER tagger from fastText skip-gram vectors "
         "(make embed-clusters):\n"
         "# the "
      << clustered << " most frequent folded words, spherical k-means into";
  for (int k : o.ks) out << ' ' << k;
  out << " classes";
  if (words.size() > clustered)
    out << ", and the next " << words.size() - clustered
        << " words in the class of their nearest centre";
  out << ".\n"
      << SourceLine(o.sources.empty() ? std::vector<std::string>{o.vectors}
                                      : o.sources)
      << "# folded_word";
  for (int k : o.ks) out << "\tk" << k;
  out << '\n';
  for (size_t r = 0; r < words.size(); ++r) {
    out << words[r];
    for (const auto& c : classes) out << '\t' << c[r];
    out << '\n';
  }
  Status s = WriteFileAtomic(o.out, out.str());
  if (!s.ok())
    return std::cerr << "build_clusters: " << s.ToString() << "\n", 1;
  return 0;
}

int Run(const Options& o) {
  if (o.text) return WriteText(o);
  if (!o.vectors.empty()) return ClusterVectors(o);
  auto corpus = ReadCorpus(o.corpus);
  if (!corpus.ok()) {
    std::cerr << "build_clusters: " << corpus.status().ToString() << "\n";
    return 1;
  }
  const Corpus& c = *corpus;
  std::vector<uint32_t> by_freq(c.forms.size());
  for (uint32_t i = 0; i < by_freq.size(); ++i) by_freq[i] = i;
  std::stable_sort(by_freq.begin(), by_freq.end(), [&](uint32_t a, uint32_t b) {
    return c.counts[a] > c.counts[b];
  });
  size_t n = 0;
  std::vector<int32_t> row(c.forms.size(), -1), col(c.forms.size(), -1);
  for (uint32_t id : by_freq) {
    if (n >= o.words || c.counts[id] < 5) break;
    row[id] = static_cast<int32_t>(n++);
  }
  for (size_t i = 0; i < std::min(o.contexts, by_freq.size()); ++i)
    col[by_freq[i]] = static_cast<int32_t>(i);
  std::cerr << "build_clusters: " << c.docs.size() << " documents, "
            << c.forms.size() << " forms, clustering " << n << "\n";
  std::vector<float> m = ContextCounts(c, row, col, n, o.contexts);
  std::vector<float> x = Embed(m, n, 2 * o.contexts);
  m.clear();
  m.shrink_to_fit();
  std::vector<int> coarse = KMeans(x, n, 64, 20);
  std::vector<int> fine = KMeans(x, n, 512, 20);
  std::ostringstream out;
  out << "# Word classes for the NER tagger (coarse of 64, fine of 512), by "
         "tools/build_clusters:\n# PPMI left/right context vectors, random "
         "projection, spherical k-means.\n"
      << SourceLine({o.corpus}) << "# folded_word\tcoarse\tfine\n";
  for (uint32_t id : by_freq) {
    if (row[id] < 0) continue;
    const std::string& w = c.forms[id];
    if (w.find_first_of("\t\n") != std::string::npos || w.empty() ||
        w[0] == '#')
      continue;
    out << w << '\t' << coarse[row[id]] << '\t' << fine[row[id]] << '\n';
  }
  Status s = WriteFileAtomic(o.out, out.str());
  if (!s.ok()) {
    std::cerr << "build_clusters: " << s.ToString() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace marsad

int main(int argc, char** argv) {
  marsad::Options o;
  std::vector<std::string> pos;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--words" && i + 1 < argc)
      o.words = std::stoul(argv[++i]);
    else if (a == "--text")
      o.text = true;
    else if (a == "--vectors" && i + 1 < argc)
      o.vectors = argv[++i];
    else if (a == "--k" && i + 1 < argc) {
      o.ks.clear();
      std::stringstream ks(argv[++i]);
      for (std::string k; std::getline(ks, k, ',');)
        o.ks.push_back(std::stoi(k));
    } else if (a == "--contexts" && i + 1 < argc)
      o.contexts = std::stoul(argv[++i]);
    else if (a == "--assign" && i + 1 < argc) {
      o.assign = std::stoul(argv[++i]);
      o.assign_all = o.assign == 0;
    } else if (a == "--extend" && i + 1 < argc)
      o.extend = argv[++i];
    else if (a == "--source" && i + 1 < argc)
      o.sources.push_back(argv[++i]);
    else
      pos.push_back(a);
  }
  if (!o.vectors.empty() && pos.size() == 1) {
    o.out = pos[0];
    return marsad::Run(o);
  }
  if (pos.size() != 2) {
    std::cerr << "usage: build_clusters CORPUS.jsonl.gz OUT.tsv [--words N] "
                 "[--contexts C]\n"
                 "       build_clusters --text CORPUS.jsonl.gz OUT.txt\n"
                 "       build_clusters --vectors VECS.vec OUT.tsv [--words N] "
                 "[--k 100,500,1000] [--assign M] [--source CORPUS]...\n";
    return 2;
  }
  o.corpus = pos[0];
  o.out = pos[1];
  return marsad::Run(o);
}
