// libFuzzer target for the entities stage's readers of outside bytes: the
// NER model file (TaggerModel::Parse; a damaged model must be an error,
// never a crash) and the CoNLL readers behind `marsad ner`, `eval_ner` and
// `train_ner` (ParseConll under each option set, ReadConllLines).
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "src/nlp/conll.h"
#include "src/nlp/features.h"
#include "src/nlp/tagger.h"
#include "src/nlp/tags.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto model = marsad::TaggerModel::Parse(in);
  if (model.ok()) {
    // A model that loads decodes any features into valid BIO tags.
    constexpr int P = 3;
    std::vector<uint64_t> feats;
    for (size_t i = 0; i < 4 * P; ++i)
      feats.push_back(i * 0x9E3779B97F4A7C15ull + 1);
    marsad::TaggerModel::Scratch s;
    std::vector<int> tags;
    (*model)->Decode(feats.data(), 4, P, &s, &tags);
    if (tags.size() != 4) abort();
    for (int t : tags)
      if (t < 0 || t >= marsad::kNumTags) abort();
  }
  for (int mode = 0; mode < 4; ++mode) {
    marsad::ConllOptions o;
    o.tagged = mode != 0;
    o.split_on_final_punct = mode >= 2;
    o.repair = mode == 3;
    auto sents = marsad::ParseConll(in, o);
    if (!sents.ok()) continue;
    for (const auto& s : *sents)
      if (o.tagged && s.tags.size() != s.tokens.size()) abort();
  }
  size_t lines = 0;
  for (char c : in) lines += c == '\n';
  auto read = marsad::ReadConllLines(in);
  if (read.size() > lines + 1) abort();
  return 0;
}
