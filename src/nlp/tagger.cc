#include "src/nlp/tagger.h"

#include <zstd.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>

#include "src/base/file.h"
#include "src/nlp/features.h"

namespace marsad {
namespace {

constexpr char kMagic[4] = {'M', 'N', 'E', 'R'};
// 2: BILOU tags; 3: + document pass; 4: + link blocks; 5: + the net.
constexpr uint32_t kFormatVersion = 5;

template <typename T>
void Put(std::string* out, const T& v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof(T));
}
template <typename T, typename A>
void PutArray(std::string* out, const std::vector<T, A>& v) {
  out->append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

// Reads fixed-size values from a byte string, remembering if it ran short.
class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}
  template <typename T>
  bool Get(T* v) {
    if (s_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(v, s_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  template <typename T, typename A>
  bool GetArray(size_t n, std::vector<T, A>* v) {
    if (n > (s_.size() - pos_) / sizeof(T)) return false;
    v->resize(n);
    std::memcpy(v->data(), s_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  bool AtEnd() const { return pos_ == s_.size(); }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

inline uint64_t Slot(uint64_t key) {
  return (key ^ (key >> 29)) * 0x9E3779B97F4A7C15ull;
}

std::atomic<uint64_t> next_model_id{1};

}  // namespace

std::unique_ptr<TaggerModel> TaggerModel::FromWeights(
    std::vector<uint64_t> keys, std::vector<float> weights,
    std::vector<float> transitions, TaggerNet net) {
  std::unique_ptr<TaggerModel> m(new TaggerModel());
  m->keys_ = std::move(keys);
  m->transitions_ = std::move(transitions);
  m->net_ = std::move(net);
  m->transitions_.resize(kTransitionSize, 0.f);  // one block: no link blocks
  m->BuildIndex(HugePageVector<float>(weights.begin(), weights.end()));
  return m;
}

void TaggerModel::BuildIndex(const HugePageVector<float>& weights) {
  constexpr int T = kNumModelTags;
  const size_t h = net_.hidden, rows = keys_.size();
  record_weights_ = (h + 3) & ~size_t{3};
  record_used_ = record_weights_ + (T + (h > 0)) * sizeof(float);
  record_bytes_ = (record_used_ + 63) & ~size_t{63};
  records_.assign(rows * record_bytes_, 0);
  for (size_t r = 0; r < rows; ++r) {
    uint8_t* rec = &records_[r * record_bytes_];
    if (h > 0) {
      std::memcpy(rec, &net_.rows[r * h], h);
      std::memcpy(rec + record_weights_ + T * sizeof(float), &net_.scale[r],
                  sizeof(float));
    }
    std::memcpy(rec + record_weights_, &weights[r * T], T * sizeof(float));
  }
  id_ = next_model_id.fetch_add(1);
  linked_.resize(kLinkedSize);
  LinkTransitions(transitions_.data(), linked_.data());
  // The net's output weights by tag, for one dot product per tag.
  out_t_.assign(h * kNumModelTags, 0.f);
  for (size_t j = 0; j < h; ++j)
    for (int y = 0; y < kNumModelTags; ++y)
      out_t_[y * h + j] = net_.out[j * kNumModelTags + y];
  size_t cap = 16;
  while (cap < keys_.size() * 2) cap <<= 1;
  mask_ = cap - 1;
  slots_.assign(cap, SlotEntry{});
  for (size_t r = 0; r < keys_.size(); ++r) {
    uint64_t i = Slot(keys_[r]) & mask_;
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i] = SlotEntry{keys_[r], static_cast<int32_t>(r)};
  }
}

int TaggerModel::Row(uint64_t key) const {
  for (uint64_t i = Slot(key) & mask_;; i = (i + 1) & mask_) {
    if (slots_[i].key == key) return slots_[i].row;
    if (slots_[i].key == 0) return -1;
  }
}

std::string TaggerModel::Serialize() const {
  std::string payload;
  Put(&payload, static_cast<uint32_t>(kNumModelTags));
  Put(&payload, static_cast<uint32_t>(FeatureExtractor::kFeaturesPerToken));
  Put(&payload, FeatureExtractor::kFeatureVersion);
  Put(&payload, static_cast<uint64_t>(keys_.size()));
  PutArray(&payload, keys_);
  const size_t h = net_.hidden;
  for (size_t r = 0; r < keys_.size(); ++r)
    payload.append(reinterpret_cast<const char*>(Weights(r)),
                   kNumModelTags * sizeof(float));
  PutArray(&payload, transitions_);
  Put(&payload, doc_.beta);
  Put(&payload, static_cast<int32_t>(doc_.window));
  Put(&payload, static_cast<int32_t>(net_.hidden));
  if (net_.hidden > 0) {
    Put(&payload, net_.weight);
    for (size_t r = 0; r < keys_.size(); ++r)
      payload.append(reinterpret_cast<const char*>(Record(r)), h);
    for (size_t r = 0; r < keys_.size(); ++r)
      payload.append(reinterpret_cast<const char*>(Weights(r) + kNumModelTags),
                     sizeof(float));
    PutArray(&payload, net_.bias);
    PutArray(&payload, net_.out);
    PutArray(&payload, net_.out_bias);
  }
  std::string out(kMagic, 4);
  Put(&out, kFormatVersion);
  Put(&out, static_cast<uint64_t>(payload.size()));
  size_t bound = ZSTD_compressBound(payload.size());
  size_t head = out.size();
  out.resize(head + bound);
  size_t n = ZSTD_compress(out.data() + head, bound, payload.data(),
                           payload.size(), 19);
  out.resize(ZSTD_isError(n) ? head : head + n);
  return out;
}

StatusOr<std::unique_ptr<const TaggerModel>> TaggerModel::Parse(
    std::string_view bytes) {
  Reader head(bytes);
  char magic[4];
  uint32_t format = 0;
  uint64_t raw_size = 0;
  if (!head.Get(&magic) || std::memcmp(magic, kMagic, 4) != 0)
    return CorruptionError("not a marsad NER model (bad magic)");
  if (!head.Get(&format) || !head.Get(&raw_size))
    return CorruptionError("NER model: truncated header");
  if (format < 2 || format > kFormatVersion)
    return UnsupportedError("NER model format " + std::to_string(format) +
                            ", expected " + std::to_string(kFormatVersion));
  if (raw_size > (1ull << 31))
    return CorruptionError("NER model: implausible size");
  std::string payload(raw_size, '\0');
  std::string_view frame = bytes.substr(16);
  size_t got = ZSTD_decompress(payload.data(), payload.size(), frame.data(),
                               frame.size());
  if (ZSTD_isError(got) || got != raw_size)
    return CorruptionError("NER model: damaged compressed data");
  Reader r(payload);
  uint32_t tags = 0, per_token = 0, version = 0;
  uint64_t rows = 0;
  if (!r.Get(&tags) || !r.Get(&per_token) || !r.Get(&version) || !r.Get(&rows))
    return CorruptionError("NER model: truncated payload");
  if (tags != kNumModelTags)
    return CorruptionError("NER model: " + std::to_string(tags) + " tags");
  if (per_token != FeatureExtractor::kFeaturesPerToken ||
      version != FeatureExtractor::kFeatureVersion)
    return UnsupportedError("NER model built for feature version " +
                            std::to_string(version) +
                            "; this build extracts version " +
                            std::to_string(FeatureExtractor::kFeatureVersion) +
                            " (retrain with make train-ner)");
  std::unique_ptr<TaggerModel> m(new TaggerModel());
  HugePageVector<float> weights;
  if (!r.GetArray(rows, &m->keys_) ||
      !r.GetArray(rows * kNumModelTags, &weights) ||
      !r.GetArray(format >= 4 ? kTransitionSize : kTransitionBlock,
                  &m->transitions_))
    return CorruptionError(
        "NER model: payload size does not match its row count");
  // Older formats have no link blocks: zeros.
  m->transitions_.resize(kTransitionSize, 0.f);
  if (format >= 3) {
    int32_t window = 0;
    if (!r.Get(&m->doc_.beta) || !r.Get(&window))
      return CorruptionError("NER model: truncated document-pass options");
    if (!std::isfinite(m->doc_.beta) || m->doc_.beta < 0 || window < 0)
      return CorruptionError("NER model: bad document-pass options");
    m->doc_.window = window;
  }
  if (format >= 5) {
    int32_t hidden = 0;
    if (!r.Get(&hidden) || hidden < 0 || hidden > 4096)
      return CorruptionError("NER model: bad net size");
    TaggerNet& net = m->net_;
    net.hidden = hidden;
    if (hidden > 0) {
      const size_t h = hidden;
      if (!r.Get(&net.weight) || !r.GetArray(rows * h, &net.rows) ||
          !r.GetArray(rows, &net.scale) || !r.GetArray(h, &net.bias) ||
          !r.GetArray(h * kNumModelTags, &net.out) ||
          !r.GetArray(kNumModelTags, &net.out_bias))
        return CorruptionError("NER model: truncated net");
      auto finite = [](const auto& v) {
        return std::all_of(v.begin(), v.end(),
                           [](float x) { return std::isfinite(x); });
      };
      if (!std::isfinite(net.weight) || net.weight < 0 || !finite(net.scale) ||
          !finite(net.bias) || !finite(net.out) || !finite(net.out_bias))
        return CorruptionError("NER model: net weights not finite");
    }
  }
  if (!r.AtEnd())
    return CorruptionError(
        "NER model: payload size does not match its row count");
  for (size_t i = 0; i < m->keys_.size(); ++i)
    if (m->keys_[i] == 0 || (i > 0 && m->keys_[i] <= m->keys_[i - 1]))
      return CorruptionError("NER model: feature keys not sorted and distinct");
  std::string().swap(payload);  // read: its memory goes before the records
  m->BuildIndex(weights);
  // The records hold the net's rows and scales now.
  m->net_.rows = HugePageVector<int8_t>();
  m->net_.scale = HugePageVector<float>();
  return std::unique_ptr<const TaggerModel>(std::move(m));
}

StatusOr<std::unique_ptr<const TaggerModel>> TaggerModel::Load(
    const std::string& path) {
  ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
  auto m = Parse(bytes);
  if (!m.ok()) return m.status().WithContext(path);
  return m;
}

namespace {

// The rows of AddRows and AddRowsAvx2: records of `stride` bytes from
// `base`, picked by `rows`; a row's int8 weights first, its float scale at
// byte `scale_at`.
struct RowRecords {
  const uint8_t* base;
  size_t stride;
  size_t scale_at;
  const int* rows;
  const int8_t* Row(int k) const {
    return reinterpret_cast<const int8_t*>(base + static_cast<size_t>(rows[k]) *
                                                      stride);
  }
  float Scale(int k) const {
    float sc;
    std::memcpy(&sc, base + static_cast<size_t>(rows[k]) * stride + scale_at,
                sizeof(float));
    return sc;
  }
};

// The net's hot loops, compiled twice (AVX2 and the baseline) and chosen
// when the program starts, so that one binary runs everywhere and uses
// AVX2 where the machine has it.
//
// AddRows adds four rows per pass over z: z is read and written a quarter
// as often, and each z[j] still receives its rows one by one in their
// order, with a rounded product then a rounded sum each (no FMA in either
// clone), so the sums are bit for bit those of one row per pass.
//
// The rows are RowRecords: h int8 weights, then the row's scale.
__attribute__((target_clones("avx2", "default"))) void AddRows(
    const uint8_t* base, size_t stride, size_t scale_at, const int* rows,
    int found, int h, float* z) {
  constexpr int kAtOnce = 4;
  const RowRecords rec{base, stride, scale_at, rows};
  int k = 0;
  for (; k + kAtOnce <= found; k += kAtOnce) {
    const int8_t* q[kAtOnce];
    float sc[kAtOnce];
    for (int u = 0; u < kAtOnce; ++u) {
      q[u] = rec.Row(k + u);
      sc[u] = rec.Scale(k + u);
    }
    for (int j = 0; j < h; ++j) {
      float v = z[j];
      for (int u = 0; u < kAtOnce; ++u)
        v += sc[u] * static_cast<float>(q[u][j]);
      z[j] = v;
    }
  }
  for (; k < found; ++k) {
    const int8_t* q = rec.Row(k);
    const float sc = rec.Scale(k);
    for (int j = 0; j < h; ++j) z[j] += sc * static_cast<float>(q[j]);
  }
}

// The linear weights of rows[0 .. found) (kNumModelTags each, at byte
// `at` of records of `stride` bytes from `base`) added to e, row after row.
__attribute__((target_clones("avx2", "default"))) void AddWeights(
    const uint8_t* base, size_t stride, size_t at, const int* rows, int found,
    float* __restrict e) {
  constexpr int T = kNumModelTags;
  for (int k = 0; k < found; ++k) {
    const float* w = reinterpret_cast<const float*>(
        base + static_cast<size_t>(rows[k]) * stride + at);
    for (int y = 0; y < T; ++y) e[y] += w[y];
  }
}

__attribute__((target_clones("avx2", "default"))) float Dot(const float* a,
                                                            const float* b,
                                                            int n) {
  // Eight running sums, so that the compiler may vectorize without
  // reordering one float sum (no -ffast-math).
  float acc[8] = {};
  int j = 0;
  for (; j + 8 <= n; j += 8)
    for (int k = 0; k < 8; ++k) acc[k] += a[j + k] * b[j + k];
  float sum = 0;
  for (; j < n; ++j) sum += a[j] * b[j];
  for (int k = 0; k < 8; ++k) sum += acc[k];
  return sum;
}

#if defined(__x86_64__)
// The same hot loops written with AVX2 intrinsics (speed step 8). The
// compiler's clones above widen the int8 weights through int16 and split
// registers in halves, add the linear weights one tag at a time and call
// Dot() once per tag, reading z 17 times. Here each row's eight net weights
// are one sign-extending load and one conversion, eight tags' linear sums
// take one add, and the tags' dot products share each load of z. Every
// float is still a rounded product then a rounded sum in the same order
// (AVX2 without FMA, which this target does not enable), so the sums are
// bit for bit those of the clones (TaggerModelTest.NetSumsAreTheScalarOnes,
// PrefixMemoNeverChangesScores).
bool HasAvx2() {
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return has;
}

__attribute__((target("avx2"))) inline __m256 EightWeights(const int8_t* q) {
  return _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(
      _mm_loadl_epi64(reinterpret_cast<const __m128i*>(q))));
}

// AddRows for h a multiple of 8.
__attribute__((target("avx2"))) void AddRowsAvx2(const uint8_t* base,
                                                 size_t stride, size_t scale_at,
                                                 const int* rows, int found,
                                                 int h, float* z) {
  constexpr int kAtOnce = 4;
  const RowRecords rec{base, stride, scale_at, rows};
  int k = 0;
  for (; k + kAtOnce <= found; k += kAtOnce) {
    const int8_t* q0 = rec.Row(k);
    const int8_t* q1 = rec.Row(k + 1);
    const int8_t* q2 = rec.Row(k + 2);
    const int8_t* q3 = rec.Row(k + 3);
    const __m256 s0 = _mm256_set1_ps(rec.Scale(k));
    const __m256 s1 = _mm256_set1_ps(rec.Scale(k + 1));
    const __m256 s2 = _mm256_set1_ps(rec.Scale(k + 2));
    const __m256 s3 = _mm256_set1_ps(rec.Scale(k + 3));
    for (int j = 0; j < h; j += 8) {
      __m256 v = _mm256_loadu_ps(z + j);
      v = _mm256_add_ps(v, _mm256_mul_ps(s0, EightWeights(q0 + j)));
      v = _mm256_add_ps(v, _mm256_mul_ps(s1, EightWeights(q1 + j)));
      v = _mm256_add_ps(v, _mm256_mul_ps(s2, EightWeights(q2 + j)));
      v = _mm256_add_ps(v, _mm256_mul_ps(s3, EightWeights(q3 + j)));
      _mm256_storeu_ps(z + j, v);
    }
  }
  for (; k < found; ++k) {
    const int8_t* q = rec.Row(k);
    const __m256 sc = _mm256_set1_ps(rec.Scale(k));
    for (int j = 0; j < h; j += 8) {
      _mm256_storeu_ps(z + j,
                       _mm256_add_ps(_mm256_loadu_ps(z + j),
                                     _mm256_mul_ps(sc, EightWeights(q + j))));
    }
  }
}

// AddWeights with the tags' sums in registers, eight tags per instruction:
// each e[y] still receives the rows' weights one by one in their order.
__attribute__((target("avx2"))) void AddWeightsAvx2(const uint8_t* base,
                                                    size_t stride, size_t at,
                                                    const int* rows, int found,
                                                    float* e) {
  constexpr int T = kNumModelTags, V = T / 8;
  __m256 acc[V];
  float rest[T % 8 + 1];
  for (int v = 0; v < V; ++v) acc[v] = _mm256_loadu_ps(e + 8 * v);
  for (int y = 8 * V; y < T; ++y) rest[y - 8 * V] = e[y];
  for (int k = 0; k < found; ++k) {
    const float* w = reinterpret_cast<const float*>(
        base + static_cast<size_t>(rows[k]) * stride + at);
    for (int v = 0; v < V; ++v)
      acc[v] = _mm256_add_ps(acc[v], _mm256_loadu_ps(w + 8 * v));
    for (int y = 8 * V; y < T; ++y) rest[y - 8 * V] += w[y];
  }
  for (int v = 0; v < V; ++v) _mm256_storeu_ps(e + 8 * v, acc[v]);
  for (int y = 8 * V; y < T; ++y) e[y] = rest[y - 8 * V];
}

// Dot's sum of eight running sums: 0, then each lane in order.
__attribute__((target("avx2"))) inline float LaneSum(__m256 acc) {
  alignas(32) float lane[8];
  _mm256_store_ps(lane, acc);
  float sum = 0;
  for (int k = 0; k < 8; ++k) sum += lane[k];
  return sum;
}

// out[y] = Dot(a + y * n, z, n) for y < count, n a multiple of 8: up to
// eight rows of a at once over one load of z.
__attribute__((target("avx2"))) void DotsAvx2(const float* a, const float* z,
                                              int n, int count, float* out) {
  constexpr int kAtOnce = 8;
  int y = 0;
  for (; y + kAtOnce <= count; y += kAtOnce) {
    const float* r = a + static_cast<size_t>(y) * n;
    __m256 acc[kAtOnce];
    for (int u = 0; u < kAtOnce; ++u) acc[u] = _mm256_setzero_ps();
    for (int j = 0; j < n; j += 8) {
      const __m256 zj = _mm256_loadu_ps(z + j);
      for (int u = 0; u < kAtOnce; ++u)
        acc[u] = _mm256_add_ps(
            acc[u], _mm256_mul_ps(_mm256_loadu_ps(r + u * n + j), zj));
    }
    for (int u = 0; u < kAtOnce; ++u) out[y + u] = LaneSum(acc[u]);
  }
  for (; y < count; ++y) {
    const float* r = a + static_cast<size_t>(y) * n;
    __m256 acc = _mm256_setzero_ps();
    for (int j = 0; j < n; j += 8)
      acc = _mm256_add_ps(
          acc, _mm256_mul_ps(_mm256_loadu_ps(r + j), _mm256_loadu_ps(z + j)));
    out[y] = LaneSum(acc);
  }
}
#endif

// AddRows through the AVX2 loop where it applies.
void AddNetRows(const uint8_t* base, size_t stride, size_t scale_at,
                const int* rows, int found, int h, float* z) {
#if defined(__x86_64__)
  if (h % 8 == 0 && HasAvx2())
    return AddRowsAvx2(base, stride, scale_at, rows, found, h, z);
#endif
  AddRows(base, stride, scale_at, rows, found, h, z);
}

// AddWeights through the AVX2 loop where the machine has it.
void AddRowWeights(const uint8_t* base, size_t stride, size_t at,
                   const int* rows, int found, float* e) {
#if defined(__x86_64__)
  if (HasAvx2()) return AddWeightsAvx2(base, stride, at, rows, found, e);
#endif
  AddWeights(base, stride, at, rows, found, e);
}

}  // namespace

int TaggerModel::FindRows(const uint64_t* f, int from, int per_token, int found,
                          Scratch* s) const {
  for (int k = from; k < per_token; ++k) {
    int row = Row(f[k]);
    if (row < 0) continue;
    const uint8_t* rec = Record(row);
    for (size_t b = 0; b < record_used_; b += 64) __builtin_prefetch(rec + b);
    s->rows[found++] = row;
  }
  return found;
}

TaggerModel::Prefix* TaggerModel::PrefixOf(const uint64_t* f, int used,
                                           Scratch* s, bool* hit) const {
  uint64_t h = 0;
  for (int k = 0; k < used; ++k) h = (h ^ f[k]) * 0x9E3779B97F4A7C15ull;
  Prefix* p = &s->prefix[(h >> 40) & (kPrefixMemoSize - 1)];
  *hit = used > 0 && p->used == used &&
         std::memcmp(p->feats, f, used * sizeof(uint64_t)) == 0;
  return p;
}

// Emission scores, then Viterbi, then BILOU to BIO. A hot loop.
void TaggerModel::Decode(const uint64_t* feats, size_t n, int per_token,
                         Scratch* s, std::vector<int>* tags) const {
  constexpr int T = kNumModelTags;
  const int H = net_.hidden;
  tags->assign(n, 0);
  if (n == 0) return;
  s->emit.assign(n * T, 0.f);
  s->rows.resize(per_token);
  s->hidden.resize(H);
  if (s->prefix_owner != id_) {
    s->prefix.assign(kPrefixMemoSize, Prefix{});
    s->prefix_hidden.resize(kPrefixMemoSize * H);
    s->prefix_owner = id_;
  }
  const int used = std::min(per_token, kPrefixSlots);
  const size_t scale_at = record_weights_ + T * sizeof(float);
  // Two passes per token, so that the cache misses of one token's table
  // probes, and then of its weight rows (and the net's), overlap instead of
  // queueing; the next token's probes are prefetched meanwhile, but for
  // the slots whose sums the memo holds. (Finding the next token's rows a
  // token ahead was slower: the prefetched lines of two tokens do not fit
  // in L1.)
  bool hit = false;
  Prefix* p = PrefixOf(feats, used, s, &hit);
  for (int k = hit ? used : 0; k < per_token; ++k)
    __builtin_prefetch(&slots_[Slot(feats[k]) & mask_]);
  for (size_t i = 0; i < n; ++i) {
    const uint64_t* f = feats + i * per_token;
    bool next_hit = false;
    Prefix* next = nullptr;
    if (i + 1 < n) {
      next = PrefixOf(f + per_token, used, s, &next_hit);
      for (int k = next_hit ? used : 0; k < per_token; ++k)
        __builtin_prefetch(&slots_[Slot(f[per_token + k]) & mask_]);
    }
    float* e = &s->emit[i * T];
    float* z = s->hidden.data();
    // No net (H == 0): both hidden arrays are empty and no sum is copied.
    float* memo_z = s->prefix_hidden.data() + (p - s->prefix.data()) * H;
    int first = 0;  // rows[0 .. first) are in the sums already
    int found;
    if (hit) {
      std::memcpy(e, p->emit, sizeof(p->emit));
      if (H > 0) std::memcpy(z, memo_z, H * sizeof(float));
      found = FindRows(f, used, per_token, 0, s);
    } else {
      const int own = FindRows(f, 0, used, 0, s);
      found = FindRows(f, used, per_token, own, s);
      // The prefix's sums, into the memo, then on from there.
      AddRowWeights(records_.data(), record_bytes_, record_weights_,
                    s->rows.data(), own, e);
      std::copy(net_.bias.begin(), net_.bias.end(), z);
      if (H > 0)
        AddNetRows(records_.data(), record_bytes_, scale_at, s->rows.data(),
                   own, H, z);
      std::memcpy(p->feats, f, used * sizeof(uint64_t));
      std::memcpy(p->emit, e, sizeof(p->emit));
      if (H > 0) std::memcpy(memo_z, z, H * sizeof(float));
      p->used = used;
      first = own;
      if (next == p) PrefixOf(f + per_token, used, s, &next_hit);  // rewritten
    }
    AddRowWeights(records_.data(), record_bytes_, record_weights_,
                  s->rows.data() + first, found - first, e);
    if (H > 0) {
      AddNetRows(records_.data(), record_bytes_, scale_at,
                 s->rows.data() + first, found - first, H, z);
      AddNetOutput(z, e);
    }
    p = next;
    hit = next_hit;
  }
  s->links.resize(n);
  for (size_t i = 0; i < n; ++i)
    s->links[i] =
        static_cast<uint8_t>(FeatureExtractor::LinkOf(feats[i * per_token]));
  Viterbi(s->emit.data(), n, s->links.data(), s, tags);
  for (int& t : *tags) t = ModelTagToBio(t);
}

// The net's log-probabilities of the tags, times its weight, added to e.
void TaggerModel::AddNetOutput(float* z, float* e) const {
  constexpr int T = kNumModelTags;
  const int H = net_.hidden;
  for (int j = 0; j < H; ++j) z[j] = z[j] > 0 ? z[j] : 0;  // ReLU
  float o[T];
#if defined(__x86_64__)
  if (H % 8 == 0 && HasAvx2()) {
    DotsAvx2(out_t_.data(), z, H, T, o);
    for (int y = 0; y < T; ++y) o[y] = net_.out_bias[y] + o[y];
  } else
#endif
  {
    for (int y = 0; y < T; ++y)
      o[y] = net_.out_bias[y] + Dot(&out_t_[static_cast<size_t>(y) * H], z, H);
  }
  float mx = o[0];
  for (int y = 1; y < T; ++y) mx = std::max(mx, o[y]);
  float sum = 0;
  for (int y = 0; y < T; ++y) sum += std::exp(o[y] - mx);
  const float lz = mx + std::log(sum);
  for (int y = 0; y < T; ++y) e[y] += net_.weight * (o[y] - lz);
}

void TaggerModel::LinkTransitions(const float* transitions, float* linked) {
  constexpr int T = kNumModelTags;
  constexpr float kNo = -std::numeric_limits<float>::infinity();
  for (int c = 0; c < FeatureExtractor::kNumLinks; ++c) {
    float* out = linked + c * kTransitionBlock;
    const float* extra = transitions + c * kTransitionBlock;
    for (size_t k = 0; k < kTransitionBlock; ++k)
      out[k] = c == 0 ? transitions[k] : transitions[k] + extra[k];
    for (int p = -1; p < T; ++p)
      for (int y = 0; y < T; ++y)
        if (!ModelTransitionAllowed(p, y)) out[(p + 1) * T + y] = kNo;
  }
}

void TaggerModel::Viterbi(const float* emit, size_t n, const float* transitions,
                          const uint8_t* links, Scratch* s,
                          std::vector<int>* tags) {
  std::array<float, kLinkedSize> linked;
  LinkTransitions(transitions, linked.data());
  BestPath(emit, n, linked.data(), links, s, tags);
}

void TaggerModel::Viterbi(const float* emit, size_t n, const uint8_t* links,
                          Scratch* s, std::vector<int>* tags) const {
  BestPath(emit, n, linked_.data(), links, s, tags);
}

namespace {

// One step of Viterbi: the best predecessor of each tag y, over every tag
// p in order (a pair BILOU forbids has -infinity and never wins; of equal
// scores the first p wins), as a dense 17 × 17 loop the compiler
// vectorizes over y. A hot loop.
__attribute__((target_clones("avx2", "default"))) void Step(const float* prev,
                                                            const float* tr,
                                                            const float* emit,
                                                            float* score,
                                                            int8_t* back) {
  constexpr int T = kNumModelTags;
  constexpr float kNo = -std::numeric_limits<float>::infinity();
  float best[T];
  int32_t arg[T];
  for (int y = 0; y < T; ++y) best[y] = kNo, arg[y] = 0;
  for (int p = 0; p < T; ++p) {
    const float pp = prev[p];
    const float* row = tr + (p + 1) * T;
    for (int y = 0; y < T; ++y) {
      const float v = pp + row[y];
      const bool better = v > best[y];
      best[y] = better ? v : best[y];
      arg[y] = better ? p : arg[y];
    }
  }
  for (int y = 0; y < T; ++y) {
    score[y] = best[y] + emit[y];
    back[y] = static_cast<int8_t>(arg[y]);
  }
}

}  // namespace

// Viterbi over the BILOU model tags, under ModelTransitionAllowed (the
// -infinity of `linked`) and ending outside any open entity.
void TaggerModel::BestPath(const float* emit, size_t n, const float* linked,
                           const uint8_t* links, Scratch* s,
                           std::vector<int>* tags) {
  constexpr int T = kNumModelTags;
  tags->assign(n, 0);
  if (n == 0) return;
  s->score.resize(n * T);
  s->back.resize(n * T);
  auto into = [&](size_t i) {
    return linked + (links ? links[i] : 0) * kTransitionBlock;
  };
  const float* t0 = into(0);
  for (int y = 0; y < T; ++y) {
    s->score[y] = emit[y] + t0[y];  // -infinity where no entity may start
    s->back[y] = 0;
  }
  for (size_t i = 1; i < n; ++i)
    Step(&s->score[(i - 1) * T], into(i), &emit[i * T], &s->score[i * T],
         &s->back[i * T]);
  int y = 0;
  for (int k = 1; k < T; ++k)
    if (ModelTagMayEnd(k) &&
        s->score[(n - 1) * T + k] > s->score[(n - 1) * T + y])
      y = k;
  for (size_t i = n; i-- > 0;) {
    (*tags)[i] = y;
    y = s->back[i * T + y];
  }
}

void DocumentPass::Clear() {
  offset_.clear();
  length_.clear();
  emit_.clear();
  keys_.clear();
  links_.clear();
  tags_.clear();
  evidence_.clear();
  sorted_ = true;
}

void DocumentPass::Tags(size_t i, std::vector<int>* tags) const {
  tags->assign(tags_.begin() + offset_[i],
               tags_.begin() + offset_[i] + length_[i]);
}

namespace {

// Whether a pass-1 tag of this type (TagType) pushes other occurrences.
// Not O, and not LOC: the tagger alone already finds 90% of places, and a
// place name elsewhere is weak evidence, being reused for clubs (ليون,
// بورتو) and governments (واشنطن); pushing LOC at half strength scored
// 0.15-0.75 points lower than not at all, over four models.
bool Pushes(int type) { return type != 0 && type != 2; }

}  // namespace

void DocumentPass::Add(const TaggerModel::Scratch& s,
                       std::span<const uint64_t> keys,
                       const std::vector<int>& tags) {
  const uint32_t sentence = static_cast<uint32_t>(offset_.size());
  offset_.push_back(keys_.size());
  length_.push_back(tags.size());
  emit_.insert(emit_.end(), s.emit.begin(),
               s.emit.begin() + tags.size() * kNumModelTags);
  tags_.insert(tags_.end(), tags.begin(), tags.end());
  keys_.insert(keys_.end(), keys.begin(), keys.begin() + tags.size());
  links_.insert(links_.end(), s.links.begin(), s.links.begin() + tags.size());
  for (size_t t = 0; t < tags.size(); ++t) {
    int type = TagType(tags[t]);
    if (keys[t] == 0 || !Pushes(type)) continue;
    evidence_.push_back(Occurrence{keys[t], sentence, static_cast<uint32_t>(t),
                                   static_cast<uint8_t>(type)});
    sorted_ = false;
  }
}

void DocumentPass::Redecode(const TaggerModel& m, const DocumentPassOptions& o,
                            size_t i, TaggerModel::Scratch* s,
                            std::vector<int>* tags) const {
  if (o.beta == 0) return Tags(i, tags);
  if (!sorted_) {
    std::stable_sort(evidence_.begin(), evidence_.end());
    sorted_ = true;
  }
  constexpr int T = kNumModelTags;
  const size_t n = length_[i], first = offset_[i];
  e_.assign(emit_.begin() + first * T, emit_.begin() + (first + n) * T);
  for (size_t t = 0; t < n; ++t) {
    uint64_t key = keys_[first + t];
    if (key == 0) continue;
    auto [lo, hi] = std::equal_range(evidence_.begin(), evidence_.end(),
                                     Occurrence{key, 0, 0, 0});
    bool seen[5] = {};
    for (auto c = lo; c != hi; ++c) {
      if (c->sentence == i && c->token == t) continue;
      long d = static_cast<long>(c->sentence) - static_cast<long>(i);
      if (d >= -o.window && d <= o.window) seen[c->type] = true;
    }
    // Every type seen gets the same push, and the sentence's own scores
    // choose among them: pushing only the majority type scored 1.0 point
    // lower on the dev split, pushing in proportion to the counts 0.03-0.3.
    for (int x = 1; x <= 4; ++x) {
      if (!seen[x]) continue;
      for (int part = 0; part < 4; ++part)
        e_[t * T + ModelTag(x, static_cast<Bilou>(part))] += o.beta;
    }
  }
  m.Viterbi(e_.data(), n, links_.data() + first, s, tags);
  for (int& y : *tags) y = ModelTagToBio(y);
}

}  // namespace marsad
