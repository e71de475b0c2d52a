// Serialization of StoryFeatures: a version byte, then each field as a
// little-endian count followed by fixed-width little-endian values. The store
// keeps this blob so that the story index can be rebuilt without re-reading
// or re-analysing the text.
#include <cstring>

#include "src/story/story_features.h"

namespace marsad {
namespace {

// 'U' added lead_kinds after event_day; 'T' added event_day after day. 'T'
// and 'S' blobs (stores written before them) are still read, with the newer
// fields unknown.
constexpr char kVersion = 'U';
constexpr char kVersionNoLeadKinds = 'T';
constexpr char kVersionNoEventDay = 'S';

template <typename T>
void Put(T v, std::string* out) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));  // marsad targets little-endian hosts
  out->append(buf, sizeof(T));
}

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  template <typename T>
  bool Get(T* v) {
    if (data_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  template <typename T>
  bool GetVector(std::vector<T>* v) {
    uint32_t n;
    if (!Get(&n) || n > (data_.size() - pos_) / sizeof(T)) return false;
    v->resize(n);
    for (T& x : *v) Get(&x);
    return true;
  }
  bool GetString(std::string* s) {
    uint32_t n;
    if (!Get(&n) || n > data_.size() - pos_) return false;
    s->assign(data_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  bool done() const { return pos_ == data_.size(); }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

template <typename T>
void PutVector(const std::vector<T>& v, std::string* out) {
  Put(static_cast<uint32_t>(v.size()), out);
  for (const T& x : v) Put(x, out);
}

}  // namespace

std::string StoryFeatures::Serialize() const {
  std::string out;
  out.push_back(kVersion);
  Put(static_cast<uint32_t>(terms.size()), &out);
  for (const WeightedTerm& t : terms) {
    Put(t.term, &out);
    Put(t.weight, &out);
  }
  PutVector(title_terms, &out);
  PutVector(entities, &out);
  PutVector(dates, &out);
  PutVector(numbers, &out);
  Put(day, &out);
  Put(event_day, &out);
  Put(lead_kinds, &out);
  Put(static_cast<uint32_t>(title.size()), &out);
  out.append(title);
  return out;
}

StatusOr<StoryFeatures> StoryFeatures::Deserialize(std::string_view data) {
  if (data.empty() || (data[0] != kVersion && data[0] != kVersionNoLeadKinds &&
                       data[0] != kVersionNoEventDay)) {
    return CorruptionError("story features: unknown version");
  }
  const bool has_event_day = data[0] != kVersionNoEventDay;
  const bool has_lead_kinds = data[0] == kVersion;
  Reader r(data.substr(1));
  StoryFeatures f;
  uint32_t n;
  bool ok = r.Get(&n) && n <= data.size() / 8;
  if (ok) {
    f.terms.resize(n);
    for (WeightedTerm& t : f.terms)
      ok = ok && r.Get(&t.term) && r.Get(&t.weight);
  }
  ok = ok && r.GetVector(&f.title_terms) && r.GetVector(&f.entities) &&
       r.GetVector(&f.dates) && r.GetVector(&f.numbers) && r.Get(&f.day) &&
       (!has_event_day || r.Get(&f.event_day)) &&
       (!has_lead_kinds || r.Get(&f.lead_kinds)) && r.GetString(&f.title) &&
       r.done();
  if (!ok) return CorruptionError("story features: truncated or malformed");
  return f;
}

}  // namespace marsad
