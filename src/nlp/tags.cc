#include "src/nlp/tags.h"

#include <algorithm>
#include <cctype>

namespace marsad {

int TagId(std::string_view name) {
  for (int i = 0; i < kNumTags; ++i)
    if (kTagNames[i] == name) return i;
  return -1;
}

bool TagTransitionAllowed(int prev, int next) {
  if (next <= 0 || IsBegin(next)) return true;
  return prev > 0 && TagType(prev) == TagType(next);
}

int ModelTagToBio(int m) {
  if (m == 0) return 0;
  Bilou part = ModelTagPart(m);
  bool begin = part == Bilou::kB || part == Bilou::kU;
  return 2 * ModelTagType(m) - (begin ? 1 : 0);
}

bool ModelTransitionAllowed(int prev, int next) {
  bool open = prev > 0 && (ModelTagPart(prev) == Bilou::kB ||
                           ModelTagPart(prev) == Bilou::kI);
  bool continues = next > 0 && (ModelTagPart(next) == Bilou::kI ||
                                ModelTagPart(next) == Bilou::kL);
  if (open) return continues && ModelTagType(next) == ModelTagType(prev);
  return !continues;
}

void BioToModelTags(const std::vector<int>& tags, std::vector<int>* out) {
  std::vector<Chunk> chunks;
  TagChunks(tags, &chunks);
  out->assign(tags.size(), 0);
  for (const Chunk& c : chunks) {
    if (c.end - c.begin == 1) {
      (*out)[c.begin] = ModelTag(c.type, Bilou::kU);
      continue;
    }
    (*out)[c.begin] = ModelTag(c.type, Bilou::kB);
    for (int i = c.begin + 1; i + 1 < c.end; ++i)
      (*out)[i] = ModelTag(c.type, Bilou::kI);
    (*out)[c.end - 1] = ModelTag(c.type, Bilou::kL);
  }
}

EntityType EntityTypeOfTagType(int type) {
  switch (type) {
    case 1:
      return EntityType::kPerson;
    case 2:
      return EntityType::kLocation;
    case 3:
      return EntityType::kOrganization;
    default:
      return EntityType::kMisc;
  }
}

std::string_view TagTypeName(int type) {
  static constexpr std::string_view kNames[] = {"O", "PERS", "LOC", "ORG",
                                                "MISC"};
  return type >= 0 && type <= 4 ? kNames[type] : "?";
}

std::string_view CleanTag(std::string_view raw) {
  std::string t;
  for (char c : raw)
    if (c >= 'A' && c <= 'Z')
      t += c;
    else if (c >= 'a' && c <= 'z')
      t += static_cast<char>(c - 'a' + 'A');
  if (t == "O") return kTagNames[0];
  if (t.size() < 2 || (t[0] != 'B' && t[0] != 'I')) return "";
  char bi = t[0];
  std::string_view type = std::string_view(t).substr(1);
  // Typos seen in ANERcorp: ERS, PERs, OEG, ORF, and "LOCIPERS" (two tags
  // run together; the second is the one that continues the sentence).
  int ty = 0;
  if (type.ends_with("PERS") || type == "ERS" || type == "PER")
    ty = 1;
  else if (type == "LOC")
    ty = 2;
  else if (type == "ORG" || type == "OEG" || type == "ORF")
    ty = 3;
  else if (type == "MISC")
    ty = 4;
  if (ty == 0) return "";
  return kTagNames[2 * ty - (bi == 'B' ? 1 : 0)];
}

void TagChunks(const std::vector<int>& tags, std::vector<Chunk>* out) {
  out->clear();
  int prev = 0;
  for (int i = 0; i < static_cast<int>(tags.size()); ++i) {
    int t = tags[i];
    bool starts = t > 0 && (IsBegin(t) || TagType(prev) != TagType(t));
    bool continues = t > 0 && !starts;
    if (!continues && !out->empty() && out->back().end == -1)
      out->back().end = i;
    if (starts) out->push_back({i, -1, TagType(t)});
    prev = t;
  }
  if (!out->empty() && out->back().end == -1)
    out->back().end = static_cast<int>(tags.size());
}

void NerCounts::Add(const std::vector<int>& gold,
                    const std::vector<int>& pred) {
  std::vector<Chunk> g, p;
  TagChunks(gold, &g);
  TagChunks(pred, &p);
  for (const Chunk& c : p) {
    bool hit = std::find(g.begin(), g.end(), c) != g.end();
    (hit ? tp : fp)[c.type]++;
  }
  for (const Chunk& c : g)
    if (std::find(p.begin(), p.end(), c) == p.end()) fn[c.type]++;
}

namespace {
long Sum(const std::array<long, 5>& a, int type) {
  if (type != 0) return a[type];
  return a[1] + a[2] + a[3] + a[4];
}
}  // namespace

double NerCounts::Precision(int type) const {
  long t = Sum(tp, type), f = Sum(fp, type);
  return t + f ? static_cast<double>(t) / (t + f) : 0;
}
double NerCounts::Recall(int type) const {
  long t = Sum(tp, type), f = Sum(fn, type);
  return t + f ? static_cast<double>(t) / (t + f) : 0;
}
double NerCounts::F1(int type) const {
  double p = Precision(type), r = Recall(type);
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}
long NerCounts::Gold(int type) const { return Sum(tp, type) + Sum(fn, type); }

namespace {

std::string Words(const std::vector<std::string>& tokens, const Chunk& c) {
  std::string out;
  for (int i = c.begin; i < c.end; ++i) {
    if (i > c.begin) out += ' ';
    out += tokens[i];
  }
  return out;
}

}  // namespace

std::string_view NoveltyCounts::KindName(int kind) {
  static constexpr std::array<std::string_view, kNumKinds> kNames = {
      "seen", "other type", "unseen"};
  return kNames[kind];
}

void NoveltyCounts::AddTraining(const std::vector<std::string>& tokens,
                                const std::vector<int>& tags) {
  std::vector<Chunk> chunks;
  TagChunks(tags, &chunks);
  for (const Chunk& c : chunks) types_[Words(tokens, c)] |= 1u << c.type;
}

NoveltyCounts::Kind NoveltyCounts::KindOf(const std::string& words,
                                          int type) const {
  auto it = types_.find(words);
  if (it == types_.end()) return kUnseen;
  return (it->second & (1u << type)) ? kSeen : kOtherType;
}

void NoveltyCounts::Add(const std::vector<std::string>& tokens,
                        const std::vector<int>& gold,
                        const std::vector<int>& pred) {
  std::vector<Chunk> g, p;
  TagChunks(gold, &g);
  TagChunks(pred, &p);
  for (const Chunk& c : g) {
    Kind k = KindOf(Words(tokens, c), c.type);
    ++gold_[k];
    if (std::find(p.begin(), p.end(), c) != p.end()) ++found_[k];
  }
}

double NoveltyCounts::Recall(int kind) const {
  return gold_[kind] ? static_cast<double>(found_[kind]) / gold_[kind] : 0.0;
}

}  // namespace marsad
