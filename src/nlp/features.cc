#include "src/nlp/features.h"

#include <array>
#include <atomic>
#include <cassert>

#include "src/base/hash.h"
#include "src/base/utf8.h"
#include "src/text/normalize.h"

namespace marsad {
namespace {

inline uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  x ^= x >> 31;
  return x;
}

inline uint64_t H(std::string_view s, uint64_t attr) {
  return Hash64(s, attr + 1);
}

// Byte length of the first / last `n` code points of s.
size_t PrefixBytes(std::string_view s, int n) {
  size_t i = 0;
  for (int k = 0; k < n && i < s.size(); ++k) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
      ++i;
  }
  return i;
}
size_t SuffixBytes(std::string_view s, int n) {
  size_t i = s.size();
  for (int k = 0; k < n && i > 0; ++k) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  }
  return s.size() - i;
}

enum class Kind { kArabic, kNumber, kLatin, kOther };

Kind KindOf(std::string_view t) {
  size_t i = 0;
  char32_t cp = DecodeUtf8(t, &i);
  if (cp >= '0' && cp <= '9') return Kind::kNumber;
  if (cp >= 0x660 && cp <= 0x669) return Kind::kNumber;
  if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') return Kind::kLatin;
  if (IsArabicCodePoint(cp) && cp >= 0x621) return Kind::kArabic;
  return Kind::kOther;
}

// Boundary attribute values: before the sentence and after it.
constexpr uint64_t kBos = 0x5B05B05B05B05B0ull;
// The feature hash of value v in template slot k (never 0).
inline uint64_t SlotHash(uint64_t v, int k) {
  return Mix(v + 0x9E3779B97F4A7C15ull * (k + 1)) | 1;
}
constexpr uint64_t kEos = 0xE05E05E05E05E05ull;

std::atomic<uint64_t> next_extractor_id{1};

}  // namespace

FeatureExtractor::FeatureExtractor(const Gazetteer& gazetteer,
                                   const Segmenter& segmenter,
                                   const CorpusLexicon* lexicon,
                                   const CorpusLexicon* patterns)
    : gazetteer_(gazetteer),
      lexicon_(lexicon),
      patterns_(patterns),
      segmenter_(segmenter),
      id_(next_extractor_id.fetch_add(1)) {}

// One token's attributes. A table of cases, long on purpose.
void FeatureExtractor::Describe(std::string_view token, Scratch* s,
                                TokenAttrs* t, uint64_t* key_hash,
                                uint64_t* alt_hash, uint8_t* link) const {
  const Normalizer& norm = gazetteer_.normalizer();
  norm.FoldKey(token, &s->fold);
  const std::string& f = s->fold;
  Kind kind = KindOf(token);
  t->a[kSurface] = H(token, kSurface);
  t->a[kFold] = H(f, kFold);
  std::string_view stem = f, procl, encl;
  bool has_al = false;
  if (kind == Kind::kArabic) {
    segmenter_.Segment(token, &s->seg);
    norm.FoldKey(s->seg.stem.In(token), &s->stem);
    if (s->stem.rfind("ال", 0) == 0 && Utf8Length(s->stem) > 3) {
      has_al = true;
      s->stem.erase(0, 4);
    }
    stem = s->stem;
    procl = s->seg.proclitics.In(token);
    encl = s->seg.enclitic.In(token);
  }
  // The segmenter splits a conjunction off words it knows; before a name
  // it does not (وديانا), so a leading و/ف also counts when the corpus
  // writes the rest more often than the whole word (وديانا, not وليد).
  if (!procl.empty()) {
    *link = procl.starts_with("و") || procl.starts_with("ف") ? kLinkConjunction
                                                             : kLinkPreposition;
  } else if (kind == Kind::kArabic &&
             (token.starts_with("و") || token.starts_with("ف")) &&
             Utf8Length(token) >= 4 &&
             segmenter_.Count(token.substr(2)) > segmenter_.Count(token)) {
    *link = kLinkConjunction;
  } else {
    *link = kLinkNone;
  }
  t->a[kStem] = H(stem, kStem);
  std::string_view fv = f;
  t->a[kPre1] = H(fv.substr(0, PrefixBytes(f, 1)), kPre1);
  t->a[kPre2] = H(fv.substr(0, PrefixBytes(f, 2)), kPre2);
  t->a[kPre3] = H(fv.substr(0, PrefixBytes(f, 3)), kPre3);
  t->a[kPre4] = H(fv.substr(0, PrefixBytes(f, 4)), kPre4);
  t->a[kSuf1] = H(fv.substr(f.size() - SuffixBytes(f, 1)), kSuf1);
  t->a[kSuf2] = H(fv.substr(f.size() - SuffixBytes(f, 2)), kSuf2);
  t->a[kSuf3] = H(fv.substr(f.size() - SuffixBytes(f, 3)), kSuf3);
  t->a[kSuf4] = H(fv.substr(f.size() - SuffixBytes(f, 4)), kSuf4);
  t->a[kStemPre2] = H(stem.substr(0, PrefixBytes(stem, 2)), kStemPre2);
  t->a[kStemSuf2] =
      H(stem.substr(stem.size() - SuffixBytes(stem, 2)), kStemSuf2);
  s->buf.clear();
  switch (kind) {
    case Kind::kArabic:
      s->buf += 'A';  // buf is empty
      s->buf += static_cast<char>('0' + std::min<size_t>(Utf8Length(f), 9));
      if (has_al) s->buf += '+';
      break;
    case Kind::kNumber:
      s->buf = f.size() == 4 ? "N4" : "N";
      break;
    case Kind::kLatin:
      s->buf = (token[0] >= 'A' && token[0] <= 'Z') ? "Lu" : "L";
      break;
    case Kind::kOther:
      s->buf = token.substr(0, 3);
      break;
  }
  t->a[kShape] = H(s->buf, kShape);
  Gazetteer::WordClusters cl = gazetteer_.Clusters(f);
  if ((cl.coarse < 0 || cl.embed[0] < 0) && kind == Kind::kArabic &&
      !procl.empty()) {
    // Clitics attached: the classes of what follows them (وموسكو → موسكو),
    // for each table that does not know the whole word.
    s->buf.assign(f, norm.FoldKey(procl).size());
    const Gazetteer::WordClusters& bare = gazetteer_.Clusters(s->buf);
    if (cl.coarse < 0) cl.coarse = bare.coarse, cl.fine = bare.fine;
    if (cl.embed[0] < 0) cl.embed = bare.embed;
  }
  t->a[kClusterCoarse] =
      Mix((static_cast<uint64_t>(cl.coarse + 2) << 8) ^ kClusterCoarse);
  t->a[kClusterFine] =
      Mix((static_cast<uint64_t>(cl.fine + 2) << 8) ^ kClusterFine);
  for (int k = 0; k < 3; ++k)
    t->a[kEmbed0 + k] =
        Mix((static_cast<uint64_t>(cl.embed[k] + 2) << 8) ^ (kEmbed0 + k));
  uint64_t wc = cl.word_class;  // of f, not of a bare form (see Clusters)
  if (kind == Kind::kArabic)
    wc |= static_cast<uint64_t>(gazetteer_.WordClass(s->stem)) << 8;
  // The name lists' classes of the word, else of its stem (0 without the
  // table: the attribute is then what it was before the lists).
  uint8_t lists = cl.list_class;
  if (!lists && kind == Kind::kArabic && gazetteer_.has_name_lists())
    lists = gazetteer_.Clusters(s->stem).list_class;
  wc |= static_cast<uint64_t>(lists) << 16;
  t->a[kWordClass] = Mix((wc << 8) ^ kWordClass);
  s->buf.assign(procl);
  s->buf += '|';
  s->buf.append(encl);
  if (has_al) s->buf += "+al";
  t->a[kClitics] = H(s->buf, kClitics);
  // Gazetteer word keys: the word, and the word without its proclitics
  // (للعراق → العراق, بدمشق → دمشق).
  s->buf = f;
  Gazetteer::FinishWordKey(&s->buf);
  *key_hash = Hash64(s->buf);
  *alt_hash = *key_hash;
  if (!procl.empty()) {
    std::string pf = norm.FoldKey(procl);
    s->buf.assign(f, std::min(pf.size(), f.size()));
    if (pf.size() >= 2 && pf.compare(pf.size() - 2, 2, "ل") == 0 &&
        s->buf.rfind("ل", 0) == 0)
      s->buf.insert(0, "ا");
    Gazetteer::FinishWordKey(&s->buf);
    *alt_hash = Hash64(s->buf);
  }
  if (s->keep_keys) s->alt_key.push_back(s->buf);
  uint64_t code = lexicon_ ? lexicon_->Code(*alt_hash) : 0;
  t->a[kCorpus] = Mix((code << 8) ^ kCorpus);
  uint64_t pattern = patterns_ ? patterns_->Code(*alt_hash) : 0;
  t->a[kPattern] = Mix((pattern << 8) ^ kPattern);
}

void FeatureExtractor::DescribeMemo(std::string_view token, Scratch* s,
                                    size_t i) const {
  if (s->memo_owner != id_) {
    s->memo.assign(kMemoSize, Description{});
    s->memo_owner = id_;
  }
  const uint64_t surface = H(token, kSurface);
  Description& d = s->memo[surface & (kMemoSize - 1)];
  if (d.surface != surface || d.token != token) {
    const size_t keys = s->alt_key.size();
    Describe(token, s, &d.attrs, &d.key_hash, &d.alt_hash, &d.link);
    d.surface = surface;
    d.token.assign(token);
    d.alt_key.assign(s->buf);  // the alt key's string, as Describe left it
    if (s->keep_keys) s->alt_key.resize(keys);  // pushed again below
  }
  s->attrs[i] = d.attrs;
  s->key_hash[i] = d.key_hash;
  s->alt_hash[i] = d.alt_hash;
  s->link[i] = d.link;
  if (s->keep_keys) s->alt_key.push_back(d.alt_key);
}

// Longest gazetteer phrase at each position, left to right; the tokens it
// covers get (B|I, type bits) as their gazetteer attribute.
void FeatureExtractor::MarkPhrases(size_t n, Scratch* s) const {
  for (size_t i = 0; i < n; ++i) s->attrs[i].a[kGazetteer] = Mix(kGazetteer);
  for (size_t i = 0; i < n;) {
    size_t best_end = i;
    uint8_t best_types = 0;
    for (int variant = 0; variant < 2; ++variant) {
      uint64_t first = variant ? s->alt_hash[i] : s->key_hash[i];
      if (variant && first == s->key_hash[i]) break;
      uint64_t chain = 0;
      for (size_t j = i; j < n && j < i + Gazetteer::kMaxPhraseWords; ++j) {
        chain = Gazetteer::Chain(chain, j == i ? first : s->key_hash[j]);
        Gazetteer::PhraseHit hit = gazetteer_.Phrase(chain);
        if (hit.types && j + 1 > best_end)
          best_end = j + 1, best_types = hit.types;
        if (!hit.prefix) break;
      }
    }
    if (best_end == i) {
      ++i;
      continue;
    }
    for (size_t j = i; j < best_end; ++j)
      s->attrs[j].a[kGazetteer] = Mix((static_cast<uint64_t>(best_types) << 4) |
                                      (j == i ? 1u : 2u) | (kGazetteer << 12));
    i = best_end;
  }
}

// The templates: a fixed list, one feature each. Long on purpose.
namespace {

// The feature templates of one token, into o[0 .. kFeaturesPerToken): `link`
// its link class, at(d, attr) the attribute `attr` of the token d places
// away (a boundary value off the sentence).
template <typename At>
inline void Templates(uint64_t link, uint64_t* o, const At& at) {
  using F = FeatureExtractor;
  int k = 0;
  auto emit = [&](uint64_t v) { o[k] = SlotHash(v, k), ++k; };
  emit(link);  // bias, by link class (LinkOf)
  for (int a = 0; a < F::kNumAttrs; ++a) emit(at(0, a));
  for (int d : {-1, 1}) {
    for (int a : {F::kFold, F::kStem, F::kClusterFine, F::kClusterCoarse,
                  F::kShape, F::kGazetteer, F::kWordClass, F::kSuf2})
      emit(at(d, a));
  }
  for (int d : {-2, 2}) {
    for (int a : {F::kFold, F::kClusterCoarse, F::kGazetteer}) emit(at(d, a));
  }
  emit(Mix(at(-1, F::kFold)) ^ at(0, F::kFold));
  emit(Mix(at(0, F::kFold)) ^ at(1, F::kFold));
  emit(Mix(at(-1, F::kStem)) ^ at(0, F::kStem));
  emit(Mix(at(-1, F::kClusterCoarse)) ^ at(0, F::kClusterCoarse));
  emit(Mix(at(0, F::kClusterCoarse)) ^ at(1, F::kClusterCoarse));
  emit(Mix(Mix(at(-1, F::kShape)) ^ at(0, F::kShape)) ^ at(1, F::kShape));
  emit(at(-1, F::kCorpus));
  emit(at(1, F::kCorpus));
  // Vector classes of the neighbours, and coarse × middle pairs (+0.3 F1
  // over three seeds, most of it MISC).
  emit(at(-1, F::kEmbed1));
  emit(at(1, F::kEmbed1));
  emit(Mix(at(-1, F::kEmbed0)) ^ at(0, F::kEmbed1));
  emit(Mix(at(0, F::kEmbed1)) ^ at(1, F::kEmbed0));
  emit(at(-1, F::kPattern));
  emit(at(1, F::kPattern));
  assert(k == F::kFeaturesPerToken);
}

}  // namespace

void FeatureExtractor::Extract(std::span<const std::string_view> tokens,
                               Scratch* s, std::vector<uint64_t>* out) const {
  const size_t n = tokens.size();
  s->attrs.resize(n);
  s->key_hash.resize(n);
  s->alt_hash.resize(n);
  s->link.resize(n);
  s->alt_key.clear();
  for (size_t i = 0; i < n; ++i) DescribeMemo(tokens[i], s, i);
  MarkPhrases(n, s);
  out->resize(n * kFeaturesPerToken);
  // A token two or more from either end reads its neighbours' attributes
  // without a bounds check; the first and last two read the boundary value
  // where a neighbour is off the sentence. The same templates either way.
  const TokenAttrs* attrs = s->attrs.data();
  for (size_t i = 0; i < n; ++i) {
    uint64_t* o = &(*out)[i * kFeaturesPerToken];
    if (i >= 2 && i + 2 < n) {
      const TokenAttrs* row = attrs + i;
      Templates(s->link[i], o,
                [row](int d, int attr) -> uint64_t { return row[d].a[attr]; });
    } else {
      Templates(s->link[i], o, [&](int d, int attr) -> uint64_t {
        const long j = static_cast<long>(i) + d;
        if (j < 0) return kBos + d;
        if (j >= static_cast<long>(n)) return kEos + d;
        return attrs[j].a[attr];
      });
    }
  }
}

int FeatureExtractor::LinkOf(uint64_t bias_feature) {
  static const std::array<uint64_t, kNumLinks> kBias = [] {
    std::array<uint64_t, kNumLinks> b;
    for (int c = 0; c < kNumLinks; ++c) b[c] = SlotHash(c, 0);
    return b;
  }();
  for (int c = 1; c < kNumLinks; ++c)
    if (bias_feature == kBias[c]) return c;
  return kLinkNone;
}

void FeatureExtractor::DocumentKeys(std::span<const std::string_view> tokens,
                                    const Scratch& s,
                                    std::vector<uint64_t>* keys) {
  keys->resize(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i)
    (*keys)[i] = Utf8Length(tokens[i]) < 3 ? 0 : s.alt_hash[i];
}

}  // namespace marsad
