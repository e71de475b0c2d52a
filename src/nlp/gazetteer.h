// The entities stage's dictionaries, loaded once from data/nlp/ and shared
// read-only by every thread:
//
//  * places: GeoNames (geonames_places.tsv, the Middle East and North
//    Africa) plus a curated list (places_curated.tsv: countries, capitals
//    outside the region, villages, bases, oil fields, crossings, rivers) and
//    the rest of the world (world_places.tsv: countries and time-zone cities
//    from CLDR and tzdata), with coordinates and country / admin1 codes where
//    known;
//  * organisations with several names (aliases.tsv: داعش = تنظيم الدولة
//    الإسلامية), actors with CAMEO role codes (actors.tsv) and well-known
//    organisations by kind (organisations.tsv: car makers, clubs,
//    broadcasters, parties, companies, international bodies);
//  * single name words with their class and English form (name_words.tsv,
//    ANETAC), used as tagger features and as the Latin side of names;
//  * word clusters learned from the corpus (clusters.tsv, and classes of
//    fastText vectors, embed_clusters.tsv);
//  * title and role words (roles.tsv);
//  * optionally, name words of other lists (name_lists.tsv: NERAr, Wikidata
//    name tokens, given and family names), tagger features only: their
//    classes (kList*) are not WordClass() and name nothing by themselves.
//
// Names are looked up by Key(): folded words (the Normalizer given to Load(),
// src/text/normalize.h: alef
// forms, ى→ي, final ة→ه, diacritics dropped), a final يه unified with يا
// (سورية = سوريا), and `عبد ال…` written as one word (عبد الله = عبدالله).
//
// Thread safety: immutable after Load(); every method is const. Lifetime:
// the Normalizer given to Load() must outlive the Gazetteer (the pipeline's
// Resources own both).
#ifndef MARSAD_SRC_NLP_GAZETTEER_H_
#define MARSAD_SRC_NLP_GAZETTEER_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "marsad/document.h"
#include "marsad/status.h"
#include "src/base/hash.h"
#include "src/nlp/huge_pages.h"

namespace marsad {

class Normalizer;
class TextTables;

struct GazetteerEntry {
  EntityType type = EntityType::kLocation;
  std::string id;         // "geo:170794", "ctry:SY", "cur:khasham", "org:isis"
  std::string canonical;  // display name
  std::string english;
  std::string feature;  // GeoNames feature code or curated kind (PCLI, MILB...)
  std::string country;  // ISO 3166 alpha-2
  std::string admin1;   // GeoNames admin1 code
  std::optional<double> lat, lon;
  int64_t population = 0;
  std::string codes;  // CAMEO codes of an actor, "CODE:FROM-TO|..."
  // Curated, an alias, or a large city: its usual name may be found in text
  // by the dictionary alone, without the tagger.
  bool trusted = false;
};

// Bits of Gazetteer::WordClass.
enum : uint8_t {
  kWordPer = 1,
  kWordLoc = 2,
  kWordOrg = 4,
  kWordRoleHead = 8,
  kWordRolePart = 16
};

// Bits of WordClusters::list_class (name_lists.tsv).
enum : uint8_t {
  kListPer = 1,
  kListLoc = 2,
  kListOrg = 4,
  kListFirst = 8,  // a person-name word first in a name, or a given name
  kListLast = 16   // last in a name, or a family name
};

class Gazetteer {
 public:
  // Loads every table from `dir` (normally DataPath("nlp")), keying names
  // with the folding of `tables`' Normalizer and skeletons with its
  // skeleton keys (src/text/skeleton.h). A missing or malformed table is an
  // error naming the file and line.
  // REQUIRES: `tables` outlives the Gazetteer.
  static StatusOr<std::unique_ptr<const Gazetteer>> Load(
      const std::string& dir, const TextTables& tables);

  // The folding the keys are made with.
  const Normalizer& normalizer() const { return *norm_; }
  // The lookup key of one word or of a phrase (see the file comment).
  std::string WordKey(std::string_view word) const;
  // WordKey of a word already folded, in place.
  static void FinishWordKey(std::string* folded);
  std::string Key(std::string_view phrase) const;
  // Extends a phrase key by the WordKey of its next word, as Key() does
  // (Key(a b) is AppendWordKey(AppendWordKey("", WordKey(a)), WordKey(b))),
  // so that keys of overlapping phrases are built from word keys computed
  // once.
  static void AppendWordKey(std::string* key, std::string_view word_key);

  // An id from the consonant skeletons of a name's words (src/search/terms.h
  // SkeletonKey; the folded word when too short): "per:~srg_~lfrf" for
  // سيرغي لافروف, سيرجى لافروف and Sergei Lavrov alike.
  std::string SkeletonId(std::string_view prefix, std::string_view name) const;
  // The actor (actors.tsv) whose SkeletonId is `id`, or nullptr.
  const GazetteerEntry* FindActor(const std::string& id) const;

  // The entry a name key denotes, preferring trusted names, then larger
  // places; nullptr if none. *trusted (optional) tells whether this name
  // may be found in text by the dictionary alone.
  const GazetteerEntry* Find(std::string_view key,
                             bool* trusted = nullptr) const;
  // False if no name key begins with the word `first` (the part of a key
  // before its first space): Find() of any key beginning so finds nothing.
  bool MayBeginName(std::string_view first) const {
    return first_words_.count(first) > 0;
  }
  const GazetteerEntry& entry(int i) const { return entries_[i]; }

  // Class bits of one folded word (kWord*), 0 if unknown.
  uint8_t WordClass(std::string_view folded) const;
  // English form of a name word (ANETAC), or "".
  std::string_view English(const std::string& folded) const;
  // Word classes of a folded word: coarse and fine (clusters.tsv), and three
  // granularities of classes of fastText vectors (embed_clusters.tsv); -1
  // where the word is not in a table.
  // word_class is WordClass(folded), kept here too so that the tagger reads
  // both with one lookup.
  struct WordClusters {
    int16_t coarse = -1, fine = -1;
    std::array<int16_t, 3> embed = {-1, -1, -1};
    uint8_t word_class = 0;
    uint8_t list_class = 0;  // kList* bits, 0 without name_lists.tsv
  };
  const WordClusters& Clusters(std::string_view folded) const;
  // Whether name_lists.tsv was loaded (else every list_class is 0).
  bool has_name_lists() const { return has_name_lists_; }
  // Cluster ids of a folded word: {coarse, fine}, {-1, -1} if unknown.
  std::pair<int, int> Cluster(std::string_view folded) const {
    const WordClusters& c = Clusters(folded);
    return {c.coarse, c.fine};
  }
  // Arabic name of a country (ISO alpha-2), or "".
  std::string_view CountryName(std::string_view code) const;

  // Phrase matching over word keys' hashes (Hash64(WordKey(w))), for tagger
  // features: `MaxPhraseWords` words at most.
  static constexpr int kMaxPhraseWords = 5;
  // Type bits (1 << EntityType) of the phrase whose word-hash chain is `h`,
  // and whether some longer phrase continues it.
  struct PhraseHit {
    uint8_t types = 0;
    bool prefix = false;
  };
  PhraseHit Phrase(uint64_t chain) const;
  static uint64_t Chain(uint64_t prev, uint64_t word_hash);

  size_t size() const { return entries_.size(); }

 private:
  Gazetteer() = default;
  // `ids`: place id -> entry, of every place table loaded so far.
  Status LoadPlaces(const std::string& path, bool curated,
                    std::unordered_map<std::string, int>* ids);
  Status LoadAliases(const std::string& path);
  Status LoadActors(const std::string& path);
  Status LoadOrganisations(const std::string& path);
  Status LoadNameWords(const std::string& path);
  Status LoadClusters(const std::string& path);
  Status LoadEmbedClusters(const std::string& path);
  Status LoadRoles(const std::string& path);
  Status LoadNameLists(const std::string& path);
  void AddName(std::string_view name, int entry, bool trusted);
  Status Flatten(const std::string& dir);

  // Open addressing on a 64-bit key (0 is kept aside): one probe sequence
  // over slots of key and value side by side, no string hashed or compared.
  template <typename V>
  class FlatTable {
   public:
    // False if `key` is already in.
    bool Insert(uint64_t key, const V& v);
    void Reserve(size_t n);
    const V* Find(uint64_t key) const {
      if (key == 0) return has_zero_ ? &zero_ : nullptr;
      if (slots_.empty()) return nullptr;
      for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
        if (slots_[i].key == key) return &slots_[i].value;
        if (slots_[i].key == 0) return nullptr;
      }
    }

   private:
    struct Slot {
      uint64_t key = 0;
      V value{};
    };
    HugePageVector<Slot> slots_;
    uint64_t mask_ = 0;
    bool has_zero_ = false;
    V zero_{};
  };

  const Normalizer* norm_ = nullptr;
  const TextTables* tables_ = nullptr;  // norm_ is its normalizer
  std::vector<GazetteerEntry> entries_;
  struct NameRef {
    int entry = 0;
    bool trusted = false;
  };
  template <typename V>
  using StringMap =
      std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
  StringMap<NameRef> by_key_;
  std::unordered_set<std::string, StringHash, std::equal_to<>>
      first_words_;                                  // of by_key_
  std::unordered_map<uint64_t, PhraseHit> phrases_;  // while loading
  // What the tagger's features read once per token, flattened at the end
  // of Load() (Flatten): the word tables by the word's Hash64, the phrase
  // chains by their value. One cache line per lookup, where a string map
  // costs a string hash, a bucket, a node and the string's bytes. Two
  // table words with one 64-bit hash are refused at load; a word outside
  // the tables that shares a hash with one inside would read its classes
  // (odds about 1e-14 a lookup), as the Segmenter's and CorpusLexicon's
  // tables accept.
  FlatTable<WordClusters> clusters_by_hash_;
  FlatTable<PhraseHit> phrases_by_chain_;
  std::unordered_map<std::string, int> actors_by_id_;
  StringMap<uint8_t> word_class_;  // while loading
  std::unordered_map<std::string, std::string> english_;
  StringMap<WordClusters> clusters_;                  // while loading
  std::unordered_map<std::string, int> corpus_rank_;  // frequency rank
  StringMap<std::string> countries_;
  bool has_name_lists_ = false;
};

}  // namespace marsad

#endif  // MARSAD_SRC_NLP_GAZETTEER_H_
