// The fact stage's lexicons (data/facts/*.tsv) and the per-document word
// table its finders share.
//
// Every rule table is data: reporting cues, closed word classes, event
// triggers, mode context, casualty words, weapons, presence words and place
// names are TSV files with their source written in the header. Entries are
// written in natural spelling and folded at load time with the text core's
// Normalizer (the one of the Resources, or one of the lexicon's own), so a
// table entry `أضافت` matches `وأضافت`, `واضافت` and `وأضافتْ` alike.
//
// Matching is on whole tokens. A token is looked up in three forms, from
// the most to the least literal: its folded key, the key without a
// proclitic و/ف ("bare"), and the bare form without ب/ل/ك and the article
// ال/لل ("stem"). Reporting cues use the first two forms only (a cue never
// carries ب or ال); triggers and argument words use all three. Phrases of
// several tokens (عبوة ناسفة، بين قتيل وجريح) are matched word by word.
//
// The finders ask a word's classes many times (FactsLexicon::Is and
// PointWords::Is, some 30 times per word): each class has a bit (up to
// kMaxWordClasses per table; beyond that Is() looks the strings up), and a
// word's bits are looked up on the first question and kept in the Word.
// The class names are interned at load (ClassIndex). A question names its
// class with a literal (Is(w, "deny")), which becomes a ClassName at compile
// time: the name's bytes packed into three words and their hash. Finding
// the class's bit is then one probe and a compare of three words, with no
// hash of the name and no call to memcmp at run time (a question by name
// cost some 80 instructions, 13% of the facts stage's). A name known only
// at run time is packed when asked. PointWords::Starts keeps its answers
// per word too: the classes of the stem's prefixes, looked up once.
//
// Thread safety: a FactsLexicon is immutable after Load() and shared by every
// thread (Resources::facts_lexicon()); the per-document word table belongs to
// the FactsFinder running that document (facts.h).
#ifndef MARSAD_SRC_FACTS_LEXICON_H_
#define MARSAD_SRC_FACTS_LEXICON_H_

#include <algorithm>
#include <bitset>
#include <concepts>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "marsad/document.h"
#include "marsad/status.h"
#include "src/base/hash.h"
#include "src/text/analysis.h"
#include "src/text/tokenize.h"

namespace marsad {

// One token of the document with its lookup forms.
class FactsLexicon;
class PointWords;
class Normalizer;

// Classes of one table a Word's memo holds (words.tsv has 92, points.tsv
// 120 on 2026-12-07).
inline constexpr size_t kMaxWordClasses = 256;
using WordClassBits = std::bitset<kMaxWordClasses>;

// A class name packed for ClassIndex: its bytes zero-padded into three
// words, its length and a hash of them. Built at compile time from a
// literal (the implicit constructor is consteval: a name longer than
// kMaxBytes does not compile), or at run time by Of(). Two ClassNames are
// the same name exactly when their words and lengths are equal.
class ClassName {
 public:
  static constexpr size_t kMaxBytes = 24;
  template <size_t N>
  consteval ClassName(const char (&s)[N])  // NOLINT: implicit on purpose
      : ClassName(std::string_view(s, N - 1), true) {}
  // `s` packed; fits() is false when it is longer than kMaxBytes (no class
  // of an index is).
  static constexpr ClassName Of(std::string_view s) {
    return ClassName(s, false);
  }
  constexpr bool fits() const { return size_ <= kMaxBytes; }
  uint64_t hash() const { return hash_; }
  bool operator==(const ClassName& o) const {
    return Word8(0) == o.Word8(0) && Word8(8) == o.Word8(8) &&
           Word8(16) == o.Word8(16) && size_ == o.size_;
  }
  // The name (REQUIRES: fits()).
  std::string_view view() const { return std::string_view(b_, size_); }

 private:
  constexpr ClassName(std::string_view s, bool literal) : size_(s.size()) {
    if (literal && s.size() > kMaxBytes) NameTooLong();  // no constant
    if (s.size() > kMaxBytes) return;                    // fits() is false
    uint64_t h = 0xCBF29CE484222325ull ^ s.size();
    for (size_t i = 0; i < s.size(); ++i) {
      b_[i] = s[i];
      h = (h ^ static_cast<unsigned char>(s[i])) * 0x100000001B3ull;
    }
    hash_ = h ^ (h >> 29);
  }
  static void NameTooLong() {}  // not constexpr: a literal too long fails
  uint64_t Word8(size_t at) const {
    uint64_t v;
    std::memcpy(&v, b_ + at, sizeof(v));
    return v;
  }
  static_assert(kMaxBytes == 24);  // three words, as operator== reads them
  char b_[kMaxBytes] = {};
  uint64_t size_ = 0;
  uint64_t hash_ = 0;
};

struct Word {
  Span span;
  TokenKind kind = TokenKind::kSymbol;
  std::string key;        // folded token
  std::string_view bare;  // key without a proclitic و/ف (views into key)
  std::string_view stem;  // bare without ب/ل/ك and ال
  int sentence = 0;       // index into WordTable::sentences
  int paragraph = 0;      // paragraphs are separated by blank lines
  bool IsPunct(std::string_view p) const;
  bool IsQuoteMark() const;
  // FactsLexicon::Is's memo: the class bits of this word in lexicon
  // `class_bits_of` (none yet if null); PointWords::Is's the same.
  mutable WordClassBits class_bits;
  mutable const FactsLexicon* class_bits_of = nullptr;
  mutable WordClassBits point_bits;
  mutable const PointWords* point_bits_of = nullptr;
  // PointWords::Starts's memo: the bits of point_bits and of the stem's
  // prefixes of three letters or more.
  mutable WordClassBits start_bits;
  mutable const PointWords* start_bits_of = nullptr;
};

// Tokens, forms and sentences of one document.
struct WordTable {
  std::vector<Word> words;
  std::vector<Span> sentences;           // byte spans
  std::vector<uint32_t> sentence_first;  // first word index of each sentence
  std::vector<uint32_t> sentence_end;    // one past the last word index
  // From the text core's analysis of the document's text
  // (src/text/analysis.h): its tokens, folded keys and sentences.
  void Build(const TextAnalysis& analysis);
};

// How strictly a token is looked up (see the file comment).
enum class Forms { kBare = 2, kStem = 3 };

// A name of a class asked at run time (a std::string, a std::string_view,
// a const char* variable); a literal converts to a ClassName instead.
template <typename S>
concept RuntimeClassName =
    std::convertible_to<const S&, std::string_view> && !std::is_array_v<S>;

// Class names interned to bits 0, 1, 2, ... in the order added: open
// addressing on the ClassName's hash, then one compare of its words. Built
// at load; Find() is what every Is() question costs.
class ClassIndex {
 public:
  // The bit of `name`, a new one if it was not added before; -1 if the name
  // is longer than ClassName::kMaxBytes (never added).
  int Add(std::string_view name);
  // The bit of `name`, or -1.
  int Find(const ClassName& name) const {
    if (slots_.empty()) return -1;
    for (size_t i = name.hash() & mask_;; i = (i + 1) & mask_) {
      const int bit = slots_[i];
      if (bit < 0) return -1;
      if (names_[bit] == name) return bit;
    }
  }
  template <RuntimeClassName S>
  int Find(const S& name) const {
    const ClassName c = ClassName::Of(name);
    return c.fits() ? Find(c) : -1;
  }
  size_t size() const { return names_.size(); }

 private:
  void Rehash(size_t slots);
  std::vector<ClassName> names_;  // by bit
  std::vector<int> slots_;        // bit, or -1
  size_t mask_ = 0;
};

// A hash of a folded word for the lexicon's maps (FlatStringMap), inline:
// two overlapping loads for a word of 4 to 16 bytes (most Arabic words),
// one 128-bit multiply per 8 bytes. std::hash (_Hash_bytes, out of line)
// cost some 60 instructions a word, 0.72 G of 300 reports' 10.4 G, most of
// it in these maps' lookups (docs/RESULTS.md, "Speed, step 10").
inline uint64_t FoldedHash(std::string_view s) {
  constexpr uint64_t k0 = 0xa0761d6478bd642full, k1 = 0xe7037ed1a0b428dbull;
  auto mum = [](uint64_t a, uint64_t b) {
    const unsigned __int128 m = static_cast<unsigned __int128>(a) * b;
    return static_cast<uint64_t>(m) ^ static_cast<uint64_t>(m >> 64);
  };
  auto load8 = [](const char* p) {
    uint64_t v;
    std::memcpy(&v, p, sizeof(v));
    return v;
  };
  auto load4 = [](const char* p) {
    uint32_t v;
    std::memcpy(&v, p, sizeof(v));
    return uint64_t{v};
  };
  const char* p = s.data();
  const size_t n = s.size();
  uint64_t a = 0, b = 0, h = k0 ^ n;
  if (n > 16) {
    size_t i = 0;
    for (; i + 16 < n; i += 16)
      h = mum(load8(p + i) ^ k1, load8(p + i + 8) ^ h);
    a = load8(p + n - 16);
    b = load8(p + n - 8);
  } else if (n >= 8) {
    a = load8(p);
    b = load8(p + n - 8);
  } else if (n >= 4) {
    a = load4(p);
    b = load4(p + n - 4);
  } else if (n > 0) {
    a = (uint64_t{static_cast<unsigned char>(p[0])} << 16) |
        (uint64_t{static_cast<unsigned char>(p[n >> 1])} << 8) |
        static_cast<unsigned char>(p[n - 1]);
  }
  return mum(a ^ k1, b ^ h);
}

// A map from folded strings to values, filled at load and then only read:
// open addressing on FoldedHash with linear probing, each slot the key's
// hash and its entry's index, so a lookup hashes once and compares bytes
// only when the whole 64-bit hash matches (most words a finder asks about
// are in no table, and such a probe ends at an empty slot or a differing
// hash). Never iterated: the order of its slots is no output.
template <typename V>
class FlatStringMap {
 public:
  // The value of `key`, default-constructed if new (at load).
  V& operator[](std::string_view key) {
    const uint64_t h = FoldedHash(key);
    if (const int32_t i = IndexOf(key, h); i >= 0) return values_[i];
    if (2 * (keys_.size() + 1) > slots_.size())
      Rehash(std::max<size_t>(16, 4 * (keys_.size() + 1)));
    keys_.emplace_back(key);
    values_.emplace_back();
    Place(h, static_cast<int32_t>(keys_.size() - 1));
    return values_.back();
  }
  // Adds key -> v unless key is there; whether it was added.
  bool Emplace(std::string_view key, V v) {
    if (Find(key)) return false;
    (*this)[key] = std::move(v);
    return true;
  }
  const V* Find(std::string_view key) const {
    const int32_t i = IndexOf(key, FoldedHash(key));
    return i < 0 ? nullptr : &values_[i];
  }
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }
  bool empty() const { return keys_.empty(); }
  size_t size() const { return keys_.size(); }

 private:
  struct Slot {
    uint64_t hash = 0;
    int32_t index = -1;  // into keys_ and values_; -1: empty
  };
  int32_t IndexOf(std::string_view key, uint64_t h) const {
    if (slots_.empty()) return -1;
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.index < 0) return -1;
      if (s.hash == h && keys_[s.index] == key) return s.index;
    }
  }
  void Place(uint64_t h, int32_t index) {
    size_t i = h & mask_;
    while (slots_[i].index >= 0) i = (i + 1) & mask_;
    slots_[i] = Slot{h, index};
  }
  void Rehash(size_t want) {
    size_t cap = 16;
    while (cap < want) cap <<= 1;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    for (size_t k = 0; k < keys_.size(); ++k)
      Place(FoldedHash(keys_[k]), static_cast<int32_t>(k));
  }
  std::vector<Slot> slots_;
  std::vector<std::string> keys_;
  std::vector<V> values_;
  size_t mask_ = 0;
};

// A phrase table: longest match of token sequences to a payload index.
class PhraseTable {
 public:
  // `phrase` is a space-separated folded phrase.
  void Add(std::string_view phrase, int payload);
  struct Match {
    int payload = -1;
    uint32_t length = 0;  // in words
  };
  // Longest phrase starting at words[i], not crossing `end`.
  Match Find(const std::vector<Word>& words, size_t i, size_t end,
             Forms forms) const;
  // The payload of the one-word phrase `key` (a folded form), or -1.
  int FindWord(std::string_view key) const;
  bool empty() const { return first_.empty(); }

 private:
  struct Entry {
    std::vector<std::string> rest;
    int payload;
  };
  FlatStringMap<std::vector<Entry>> first_;
};

enum class CueKind { kVerb, kParticiple, kSource, kChain, kAbout, kStatement };

struct CueEntry {
  CueKind kind;
  char gender;           // 'm', 'f' or '-'
  std::string modality;  // asserted | denied | alleged | hedged
};

struct TriggerEntry {
  std::string plover, mode;
  bool refine = false;
};

struct ModeContextEntry {
  std::string mode;
  int priority = 0;
};

struct CasualtyEntry {
  std::string kind;  // killed | injured | killed_or_injured | missing |
                     // arrested | kidnapped
  // 'n' noun after a number, 'c' cue before, 'b' a verb before the number or
  // after its counted noun (قتلوا), 'p' pair phrase after the counted noun.
  char where;
};

struct PresenceEntry {
  std::string cls;  // marker_present | marker_noun | personnel | nation
  std::string key;
};

struct AcledEntry {
  std::string plover, mode, type, subtype;
};

// The classes of data/facts/points.tsv, folded: the words of the points a
// claim makes beyond figures (denials, accusations, scopes, populations).
class PointWords {
 public:
  bool Is(const Word& w, const ClassName& cls) const {
    if (!bits_ok_) return IsNamed(w, cls.view());
    const int b = class_ids_.Find(cls);  // < kMaxWordClasses (bits_ok_)
    return b >= 0 && Bits(w)[b];
  }
  template <RuntimeClassName S>
  bool Is(const Word& w, const S& cls) const {
    const std::string_view name = cls;
    const ClassName c = ClassName::Of(name);
    return c.fits() ? Is(w, c) : IsNamed(w, name);
  }
  // Whether `folded` (FactsLexicon::Fold of a word) is a form of `cls` as
  // written.
  bool HasFolded(std::string_view folded, std::string_view cls) const {
    auto it = words_.find(cls);
    return it != words_.end() && it->second.count(folded) > 0;
  }
  // Whether the word's stem starts with a form of `cls` of three letters or
  // more (بتنفيذهما: تنفيذ), or is a shorter form.
  bool Starts(const Word& w, const ClassName& cls) const {
    if (!bits_ok_) return StartsNamed(w, cls.view());
    const int b = class_ids_.Find(cls);
    if (b < 0) return false;
    if (w.start_bits_of != this) {
      w.start_bits = StartBits(w);
      w.start_bits_of = this;
    }
    return w.start_bits[b];
  }
  template <RuntimeClassName S>
  bool Starts(const Word& w, const S& cls) const {
    const std::string_view name = cls;
    const ClassName c = ClassName::Of(name);
    return c.fits() ? Starts(w, c) : StartsNamed(w, name);
  }
  // The population a casualty phrase counts, from the pop_* classes
  // ("pop_civilian", "pop_soldier", "pop_fighter"), or "" when its words
  // name none: 46 جنديا and 289 مدنيا are two counts.
  std::string PopulationOf(std::string_view words) const;

 private:
  friend class FactsLexicon;
  template <typename V>
  using StringMap = FlatStringMap<V>;
  // The lexicon's Normalizer (PopulationOf folds its words with it).
  const Normalizer* normalizer_ = nullptr;
  // Adds folded `form` to class `cls`.
  void Add(const std::string& cls, std::string form);
  // The bits of the classes Is() finds for w (its stem, bare and key forms),
  // kept in the word.
  const WordClassBits& Bits(const Word& w) const {
    if (w.point_bits_of != this) {
      w.point_bits = FormBits(w);
      w.point_bits_of = this;
    }
    return w.point_bits;
  }
  WordClassBits FormBits(const Word& w) const;
  // Bits(w) and the bits of the forms of six bytes or more that the stem
  // starts with: the classes Starts() finds for w.
  WordClassBits StartBits(const Word& w) const;
  // Is() and Starts() by the class's name, from the sets (without bits).
  bool IsNamed(const Word& w, std::string_view cls) const;
  bool StartsNamed(const Word& w, std::string_view cls) const;
  std::map<std::string, std::set<std::string, std::less<>>, std::less<>> words_;
  // Bit of each class (used while there are at most kMaxWordClasses); the
  // bits of each form.
  ClassIndex class_ids_;
  StringMap<WordClassBits> form_bits_;
  bool bits_ok_ = true;
};

// A place of the gazetteer (data/nlp: GeoNames, curated, world), as the
// comparison tells two places of one count apart.
struct GazetteerPlace {
  std::string country, admin1, feature;
};

class FactsLexicon {
 public:
  // Reads data_dir + "/facts/*.tsv" (and the gazetteer's places,
  // data_dir + "/nlp/*places*.tsv"), folding the entries with `normalizer`,
  // which it keeps for Fold(); errors name the file. Fails if a table is
  // missing or malformed. REQUIRES: `normalizer` outlives the lexicon.
  static StatusOr<std::unique_ptr<const FactsLexicon>> Load(
      const std::string& data_dir, const Normalizer& normalizer);
  // The same with a Normalizer of its own, created from data_dir (tools and
  // tests that have no Resources).
  static StatusOr<std::unique_ptr<const FactsLexicon>> Load(
      const std::string& data_dir);
  // Load(DataDir()).
  static StatusOr<std::unique_ptr<const FactsLexicon>> Load();

  FactsLexicon();
  ~FactsLexicon();
  FactsLexicon(const FactsLexicon&) = delete;
  FactsLexicon& operator=(const FactsLexicon&) = delete;

  // The folded key of a word or phrase of the document, as the tables'
  // entries are folded (the text core's fold with the lexicon's Normalizer).
  std::string Fold(std::string_view s) const;
  const Normalizer& normalizer() const { return *normalizer_; }

  // First word class of a token (words.tsv), or "" (tries key, then bare).
  std::string_view ClassOf(const Word& w) const;
  // True if the token has class `cls` (a word may have several).
  bool Is(const Word& w, const ClassName& cls) const {
    if (bits_ok_) {
      if (int bit = class_ids_.Find(cls); bit >= 0) {
        if (w.class_bits_of != this) {
          w.class_bits = ClassBits(w);
          w.class_bits_of = this;
        }
        return w.class_bits[bit];  // bit < kMaxWordClasses (bits_ok_)
      }
    }
    return IsNamed(w, cls.view());
  }
  template <RuntimeClassName S>
  bool Is(const Word& w, const S& cls) const {
    const std::string_view name = cls;
    const ClassName c = ClassName::Of(name);
    return c.fits() ? Is(w, c) : IsNamed(w, name);
  }
  // Word class of a folded key, or "".
  std::string_view ClassOfKey(std::string_view key) const;
  // ACLED type and sub-type for a PLOVER type and mode.
  const AcledEntry* Acled(std::string_view plover, std::string_view mode) const;

  PhraseTable cues, triggers, mode_context, casualties, weapons, presence,
      places;
  std::vector<CueEntry> cue_entries;
  std::vector<TriggerEntry> trigger_entries;
  std::vector<ModeContextEntry> mode_entries;
  std::vector<CasualtyEntry> casualty_entries;
  std::vector<std::string> weapon_entries;
  std::vector<PresenceEntry> presence_entries;
  std::vector<AcledEntry> acled;
  // data/facts/points.tsv.
  PointWords points;
  // data/facts/parties.tsv: folded form -> alias key of a party.
  std::map<std::string, std::string, std::less<>> party_aliases;
  // The gazetteer's places by id (data/nlp/geonames_places.tsv,
  // places_curated.tsv, world_places.tsv; a later file's row wins).
  std::map<std::string, GazetteerPlace, std::less<>> gazetteer_places;

 private:
  template <typename V>
  using StringMap = FlatStringMap<V>;
  WordClassBits ClassBits(const Word& w) const;
  // Is() without the bits: the first class and the further classes by name.
  bool IsNamed(const Word& w, std::string_view cls) const;
  StringMap<std::string> classes_;                // first class
  std::unordered_set<std::string> more_classes_;  // word|class
  // Bit of each (non-empty) class name (used while there are at most
  // kMaxWordClasses); the bits of every word's further classes
  // (more_classes_).
  ClassIndex class_ids_;
  StringMap<WordClassBits> more_bits_;
  bool bits_ok_ = true;
  void AddClassBit(const std::string& key, const std::string& cls, bool more);
  // Reads the tables into *lex, folding with `normalizer` (kept).
  static Status Fill(const std::string& data_dir, const Normalizer& normalizer,
                     FactsLexicon* lex);
  std::unique_ptr<const Normalizer> own_normalizer_;
  const Normalizer* normalizer_ = nullptr;
};

}  // namespace marsad

#endif  // MARSAD_SRC_FACTS_LEXICON_H_
