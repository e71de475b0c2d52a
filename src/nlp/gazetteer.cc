#include "src/nlp/gazetteer.h"

#include <charconv>
#include <filesystem>
#include <limits>

#include "src/base/data.h"
#include "src/base/hash.h"
#include "src/base/utf8.h"
#include "src/text/normalize.h"
#include "src/text/skeleton.h"
#include "src/text/tables.h"

namespace marsad {
namespace {

Status RowError(const std::string& path, size_t row, std::string_view what) {
  return CorruptionError(path + ": row " + std::to_string(row + 1) + ": " +
                         std::string(what));
}

std::optional<double> ParseCoord(std::string_view s) {
  s = Trim(s);
  if (s.empty()) return std::nullopt;
  double v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

EntityType TypeFromName(std::string_view t) {
  if (t == "PER" || t == "PERS") return EntityType::kPerson;
  if (t == "ORG") return EntityType::kOrganization;
  if (t == "LOC") return EntityType::kLocation;
  return EntityType::kMisc;
}

}  // namespace

void Gazetteer::FinishWordKey(std::string* k) {
  // Quotes and brackets around a name are not part of it.
  while (!k->empty() &&
         (k->back() == '"' || k->back() == '\'' || k->back() == ')'))
    k->pop_back();
  size_t start = k->find_first_not_of("\"'(");
  if (start == std::string::npos) {
    k->clear();
    return;
  }
  if (start > 0) k->erase(0, start);
  if (EndsWith(*k, "يه") && Utf8Length(*k) >= 4)
    k->replace(k->size() - 4, 4, "يا");
}

std::string Gazetteer::WordKey(std::string_view word) const {
  std::string k = norm_->FoldKey(word);
  FinishWordKey(&k);
  return k;
}

void Gazetteer::AppendWordKey(std::string* key, std::string_view k) {
  if (k.empty()) return;
  std::string& out = *key;
  // عبد الله = عبدالله: the two spellings of a compound name.
  bool join = EndsWith(out, "عبد") &&
              (out.size() == 6 || out[out.size() - 7] == ' ') &&
              k.starts_with("ال");
  if (!out.empty() && !join) out += ' ';
  out += k;
}

std::string Gazetteer::Key(std::string_view phrase) const {
  std::string out;
  for (std::string_view w : Split(phrase, ' ')) {
    if (w.empty()) continue;
    AppendWordKey(&out, WordKey(w));
  }
  return out;
}

std::string Gazetteer::SkeletonId(std::string_view prefix,
                                  std::string_view name) const {
  std::string id(prefix);
  id += ':';
  bool first = true;
  const std::string key = Key(name);
  for (std::string_view w : Split(key, ' ')) {
    if (w.empty()) continue;
    if (!first) id += '_';
    first = false;
    std::string sk = SkeletonKey(*tables_, w);
    id += sk.empty() ? std::string(w) : sk;
  }
  return id;
}

const GazetteerEntry* Gazetteer::FindActor(const std::string& id) const {
  auto it = actors_by_id_.find(id);
  return it == actors_by_id_.end() ? nullptr : &entries_[it->second];
}

uint64_t Gazetteer::Chain(uint64_t prev, uint64_t word_hash) {
  uint64_t x = prev * 0x9E3779B97F4A7C15ull + word_hash;
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 29;
  return x;
}

void Gazetteer::AddName(std::string_view name, int entry, bool trusted) {
  std::string key = Key(name);
  if (key.empty()) return;
  NameRef ref{entry, trusted};
  first_words_.emplace(key.substr(0, key.find(' ')));
  auto [it, added] = by_key_.emplace(key, ref);
  if (!added) {
    const NameRef& old = it->second;
    if (trusted != old.trusted
            ? trusted
            : entries_[entry].population > entries_[old.entry].population)
      it->second = ref;
  }
  // The phrase chain for features, over per-word keys (no عبد joining, as
  // the tagger sees tokens).
  uint64_t h = 0;
  int n = 0;
  std::vector<std::string_view> words;
  for (std::string_view w : Split(name, ' '))
    if (!w.empty()) words.push_back(w);
  if (words.size() > kMaxPhraseWords) return;
  for (std::string_view w : words) {
    h = Chain(h, Hash64(WordKey(w)));
    ++n;
    PhraseHit& hit = phrases_[h];
    if (n == static_cast<int>(words.size()))
      hit.types |=
          static_cast<uint8_t>(1u << static_cast<int>(entries_[entry].type));
    else
      hit.prefix = true;
  }
}

Status Gazetteer::LoadPlaces(const std::string& path, bool curated,
                             std::unordered_map<std::string, int>* ids) {
  ASSIGN_OR_RETURN(TsvRows rows, ReadTsv(path));
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& f = rows[r];
    if (f.size() < 9) return RowError(path, r, "expected at least 9 fields");
    GazetteerEntry e;
    e.type = EntityType::kLocation;
    e.id = f[0];
    e.canonical = f[1];
    e.english = f[2];
    e.feature = f[3];
    e.country = f[4];
    e.admin1 = f[5];
    e.lat = ParseCoord(f[6]);
    e.lon = ParseCoord(f[7]);
    if (!f[6].empty() && !e.lat) return RowError(path, r, "bad latitude");
    if (!f[7].empty() && !e.lon) return RowError(path, r, "bad longitude");
    std::vector<std::string> names = {f[1]};
    std::string_view variants;
    if (curated)
      variants = f[8];
    else if (f.size() > 9)
      variants = f[9];
    if (!curated) {
      int64_t pop = 0;
      std::from_chars(f[8].data(), f[8].data() + f[8].size(), pop);
      e.population = pop;
    } else {
      e.population = std::numeric_limits<int32_t>::max();
    }
    for (std::string_view v : Split(variants, '|'))
      if (!v.empty()) names.emplace_back(v);
    if (!curated) {
      // Display the spelling the corpus uses most.
      int best = std::numeric_limits<int>::max();
      for (const std::string& n : names) {
        auto it = corpus_rank_.find(Key(n));
        if (it != corpus_rank_.end() && it->second < best) {
          best = it->second;
          e.canonical = n;
        }
      }
    }
    e.trusted = curated || ((e.feature == "PPLC" || e.feature == "PPLA") &&
                            e.population >= 200000);
    // A place already loaded under the same id (a curated country that
    // world_places.tsv lists too) keeps its entry; the other table only adds
    // names to it.
    auto [seen, fresh] = ids->emplace(e.id, static_cast<int>(entries_.size()));
    if (!fresh) {
      for (const std::string& n : names) AddName(n, seen->second, false);
      continue;
    }
    if (e.feature == "PCLI") countries_.emplace(e.country, e.canonical);
    int id = static_cast<int>(entries_.size());
    entries_.push_back(e);
    // Of GeoNames' variants only the usual spelling is trusted (some are
    // junk, e.g. historical names); the others still feed the features.
    for (const std::string& n : names)
      AddName(n, id, curated || (e.trusted && n == e.canonical));
  }
  return Status::OK();
}

Status Gazetteer::LoadAliases(const std::string& path) {
  ASSIGN_OR_RETURN(TsvRows rows, ReadTsv(path));
  std::unordered_map<std::string, int> by_id;
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& f = rows[r];
    if (f.size() < 4)
      return RowError(path, r, "expected alias, canonical, type, id");
    auto it = by_id.find(f[3]);
    if (it == by_id.end()) {
      GazetteerEntry e;
      e.type = TypeFromName(f[2]);
      e.id = f[3];
      e.canonical = f[1];
      e.trusted = true;
      e.population = std::numeric_limits<int32_t>::max();
      it = by_id.emplace(f[3], static_cast<int>(entries_.size())).first;
      entries_.push_back(e);
    }
    AddName(f[0], it->second, true);
  }
  return Status::OK();
}

Status Gazetteer::LoadOrganisations(const std::string& path) {
  ASSIGN_OR_RETURN(TsvRows rows, ReadTsv(path));
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& f = rows[r];
    if (f.size() < 3 || f[0].empty() || f[2].empty())
      return RowError(path, r, "expected name, kind, English name, variants");
    GazetteerEntry e;
    e.type = EntityType::kOrganization;
    e.canonical = f[0];
    e.feature = f[1];
    e.english = f[2];
    e.id = SkeletonId("org", f[0]);
    int id = static_cast<int>(entries_.size());
    entries_.push_back(e);
    AddName(f[0], id, false);
    if (f.size() > 3)
      for (std::string_view v : Split(f[3], '|'))
        if (!v.empty()) AddName(v, id, false);
  }
  return Status::OK();
}

Status Gazetteer::LoadActors(const std::string& path) {
  ASSIGN_OR_RETURN(TsvRows rows, ReadTsv(path));
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& f = rows[r];
    if (f.size() < 3) return RowError(path, r, "expected name, type, codes");
    GazetteerEntry e;
    e.type = TypeFromName(f[1]);
    e.canonical = f[0];
    e.codes = f[2];
    e.id = SkeletonId(e.type == EntityType::kPerson ? "per" : "org", f[0]);
    int id = static_cast<int>(entries_.size());
    entries_.push_back(e);
    actors_by_id_.emplace(e.id, id);
    AddName(f[0], id, false);
  }
  return Status::OK();
}

Status Gazetteer::LoadNameWords(const std::string& path) {
  ASSIGN_OR_RETURN(TsvRows rows, ReadTsv(path));
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& f = rows[r];
    if (f.size() < 3)
      return RowError(path, r, "expected arabic, classes, english");
    uint8_t bits = 0;
    for (std::string_view c : Split(f[1], '|'))
      bits |= c == "PER"   ? kWordPer
              : c == "LOC" ? kWordLoc
              : c == "ORG" ? kWordOrg
                           : 0;
    std::string k = WordKey(f[0]);
    word_class_[k] |= bits;
    english_.emplace(k, f[2]);
  }
  return Status::OK();
}

Status Gazetteer::LoadClusters(const std::string& path) {
  ASSIGN_OR_RETURN(TsvRows rows, ReadTsv(path));
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& f = rows[r];
    int c = 0, fine = 0;
    if (f.size() < 3 ||
        std::from_chars(f[1].data(), f[1].data() + f[1].size(), c).ec !=
            std::errc() ||
        std::from_chars(f[2].data(), f[2].data() + f[2].size(), fine).ec !=
            std::errc())
      return RowError(path, r, "expected word, coarse, fine");
    WordClusters& wc = clusters_[f[0]];
    wc.coarse = static_cast<int16_t>(c);
    wc.fine = static_cast<int16_t>(fine);
    corpus_rank_.emplace(Key(f[0]), static_cast<int>(r));
  }
  return Status::OK();
}

// Optional: a data folder without the table (a model trained without it)
// reads list_class 0 for every word.
Status Gazetteer::LoadNameLists(const std::string& path) {
  if (!std::filesystem::exists(path)) return Status::OK();
  ASSIGN_OR_RETURN(TsvRows rows, ReadTsv(path));
  has_name_lists_ = true;
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& f = rows[r];
    if (f.size() < 2) return RowError(path, r, "expected word, classes");
    uint8_t bits = 0;
    for (std::string_view c : Split(f[1], '|'))
      bits |= c == "PER"     ? kListPer
              : c == "LOC"   ? kListLoc
              : c == "ORG"   ? kListOrg
              : c == "FIRST" ? kListFirst
              : c == "LAST"  ? kListLast
                             : 0;
    clusters_[WordKey(f[0])].list_class |= bits;
  }
  return Status::OK();
}

Status Gazetteer::LoadRoles(const std::string& path) {
  ASSIGN_OR_RETURN(TsvRows rows, ReadTsv(path));
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& f = rows[r];
    if (f.size() < 2 || (f[1] != "head" && f[1] != "part"))
      return RowError(path, r, "expected word, head|part");
    word_class_[WordKey(f[0])] |=
        f[1] == "head" ? kWordRoleHead : kWordRolePart;
  }
  return Status::OK();
}

StatusOr<std::unique_ptr<const Gazetteer>> Gazetteer::Load(
    const std::string& dir, const TextTables& tables) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->norm_ = &tables.normalizer();
  g->tables_ = &tables;
  RETURN_IF_ERROR(g->LoadClusters(dir + "/clusters.tsv"));
  RETURN_IF_ERROR(g->LoadEmbedClusters(dir + "/embed_clusters.tsv"));
  std::unordered_map<std::string, int> place_ids;
  RETURN_IF_ERROR(g->LoadPlaces(dir + "/places_curated.tsv", true, &place_ids));
  RETURN_IF_ERROR(g->LoadAliases(dir + "/aliases.tsv"));
  RETURN_IF_ERROR(
      g->LoadPlaces(dir + "/geonames_places.tsv", false, &place_ids));
  RETURN_IF_ERROR(g->LoadPlaces(dir + "/world_places.tsv", false, &place_ids));
  RETURN_IF_ERROR(g->LoadActors(dir + "/actors.tsv"));
  RETURN_IF_ERROR(g->LoadOrganisations(dir + "/organisations.tsv"));
  RETURN_IF_ERROR(g->LoadNameWords(dir + "/name_words.tsv"));
  RETURN_IF_ERROR(g->LoadRoles(dir + "/roles.tsv"));
  RETURN_IF_ERROR(g->LoadNameLists(dir + "/name_lists.tsv"));
  for (const auto& [word, bits] : g->word_class_)
    g->clusters_[word].word_class = bits;
  RETURN_IF_ERROR(g->Flatten(dir));
  return std::unique_ptr<const Gazetteer>(std::move(g));
}

template <typename V>
void Gazetteer::FlatTable<V>::Reserve(size_t n) {
  size_t cap = 16;
  while (cap < n * 2) cap <<= 1;
  mask_ = cap - 1;
  slots_.assign(cap, Slot{});
}

template <typename V>
bool Gazetteer::FlatTable<V>::Insert(uint64_t key, const V& v) {
  if (key == 0) {
    if (has_zero_) return false;
    has_zero_ = true;
    zero_ = v;
    return true;
  }
  uint64_t i = key & mask_;
  for (; slots_[i].key != 0; i = (i + 1) & mask_)
    if (slots_[i].key == key) return false;
  slots_[i] = Slot{key, v};
  return true;
}

// The word and phrase tables into their flat form (see the header); the
// string maps they were built in are then freed.
Status Gazetteer::Flatten(const std::string& dir) {
  clusters_by_hash_.Reserve(clusters_.size());
  for (const auto& [word, c] : clusters_)
    if (!clusters_by_hash_.Insert(Hash64(word), c))
      return CorruptionError(dir + ": two words of the word tables share a " +
                             "64-bit hash: '" + word + "'");
  phrases_by_chain_.Reserve(phrases_.size());
  for (const auto& [chain, hit] : phrases_)
    phrases_by_chain_.Insert(chain, hit);  // keys of a map: distinct
  StringMap<WordClusters>().swap(clusters_);
  StringMap<uint8_t>().swap(word_class_);
  std::unordered_map<uint64_t, PhraseHit>().swap(phrases_);
  return Status::OK();
}

const GazetteerEntry* Gazetteer::Find(std::string_view key,
                                      bool* trusted) const {
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return nullptr;
  if (trusted) *trusted = it->second.trusted;
  return &entries_[it->second.entry];
}

Status Gazetteer::LoadEmbedClusters(const std::string& path) {
  ASSIGN_OR_RETURN(TsvRows rows, ReadTsv(path));
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& f = rows[r];
    if (f.size() < 4)
      return RowError(path, r, "expected word and three classes");
    WordClusters& wc = clusters_[f[0]];
    for (int k = 0; k < 3; ++k) {
      int c = -1;
      const std::string& v = f[1 + k];
      if (std::from_chars(v.data(), v.data() + v.size(), c).ec != std::errc() ||
          c < 0 || c > 32767)
        return RowError(path, r, "expected word and three classes");
      wc.embed[k] = static_cast<int16_t>(c);
    }
  }
  return Status::OK();
}

// Every word of word_class_ has its bits in clusters_ too (Load).
uint8_t Gazetteer::WordClass(std::string_view folded) const {
  return Clusters(folded).word_class;
}

std::string_view Gazetteer::English(const std::string& folded) const {
  auto it = english_.find(folded);
  return it == english_.end() ? std::string_view()
                              : std::string_view(it->second);
}

const Gazetteer::WordClusters& Gazetteer::Clusters(
    std::string_view folded) const {
  static constexpr WordClusters kNone;
  const WordClusters* c = clusters_by_hash_.Find(Hash64(folded));
  return c ? *c : kNone;
}

std::string_view Gazetteer::CountryName(std::string_view code) const {
  auto it = countries_.find(code);
  return it == countries_.end() ? std::string_view()
                                : std::string_view(it->second);
}

Gazetteer::PhraseHit Gazetteer::Phrase(uint64_t chain) const {
  const PhraseHit* hit = phrases_by_chain_.Find(chain);
  return hit ? *hit : PhraseHit{};
}

}  // namespace marsad
