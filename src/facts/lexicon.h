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
// The class names are interned at load (ClassIndex): a question finds its
// class's bit by a hash of the name's length and first, middle and last
// letters and one compare, with no std::string built and no std::hash of
// the name (the two were 40% of the facts stage's instructions).
//
// Thread safety: a FactsLexicon is immutable after Load() and shared by every
// thread (Resources::facts_lexicon()); the per-document word table belongs to
// the FactsFinder running that document (facts.h).
#ifndef MARSAD_SRC_FACTS_LEXICON_H_
#define MARSAD_SRC_FACTS_LEXICON_H_

#include <bitset>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
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

// Classes of one table a Word's memo holds (words.tsv has 92, points.tsv 68).
inline constexpr size_t kMaxWordClasses = 128;
using WordClassBits = std::bitset<kMaxWordClasses>;

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

// Class names interned to bits 0, 1, 2, ... in the order added: open
// addressing on a short hash of the name, then one compare. Built at load;
// Find() is what every Is() question costs.
class ClassIndex {
 public:
  // The bit of `name`, a new one if it was not added before.
  int Add(std::string_view name);
  // The bit of `name`, or -1.
  int Find(std::string_view name) const {
    if (slots_.empty()) return -1;
    for (size_t i = Slot(name) & mask_;; i = (i + 1) & mask_) {
      const int bit = slots_[i];
      if (bit < 0) return -1;
      if (names_[bit] == name) return bit;
    }
  }
  size_t size() const { return names_.size(); }

 private:
  // Class names are short ASCII words that differ in their length or their
  // first and last letters; a collision costs one more compare.
  static size_t Slot(std::string_view s) {
    if (s.empty()) return 0;
    const size_t n = s.size();
    const uint64_t v = static_cast<unsigned char>(s[0]) |
                       static_cast<unsigned char>(s[n / 2]) << 8 |
                       static_cast<unsigned char>(s[n - 1]) << 16 | n << 24;
    return (v * 0x9E3779B97F4A7C15ull) >> 40;
  }
  void Rehash(size_t slots);
  std::vector<std::string> names_;  // by bit
  std::vector<int> slots_;          // bit, or -1
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
  std::unordered_map<std::string, std::vector<Entry>, StringHash,
                     std::equal_to<>>
      first_;
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
  bool Is(const Word& w, std::string_view cls) const {
    if (bits_ok_) {
      const int b = class_ids_.Find(cls);
      if (b < 0) return false;
      if (w.point_bits_of != this) {
        w.point_bits = FormBits(w);
        w.point_bits_of = this;
      }
      return w.point_bits.test(b);
    }
    auto it = words_.find(cls);
    if (it == words_.end()) return false;
    const std::set<std::string, std::less<>>& set = it->second;
    return set.count(w.stem) || set.count(w.bare) || set.count(w.key);
  }
  // Whether `folded` (FactsLexicon::Fold of a word) is a form of `cls` as
  // written.
  bool HasFolded(std::string_view folded, std::string_view cls) const {
    auto it = words_.find(cls);
    return it != words_.end() && it->second.count(folded) > 0;
  }
  // Whether the word's stem starts with a form of `cls` of three letters or
  // more (بتنفيذهما: تنفيذ), or is a shorter form.
  bool Starts(const Word& w, std::string_view cls) const {
    if (Is(w, cls)) return true;
    auto it = words_.find(cls);
    if (it == words_.end()) return false;
    for (const std::string& f : it->second) {
      if (f.size() >= 6 && w.stem.substr(0, f.size()) == f) return true;
    }
    return false;
  }
  // The population a casualty phrase counts, from the pop_* classes
  // ("pop_civilian", "pop_soldier", "pop_fighter"), or "" when its words
  // name none: 46 جنديا and 289 مدنيا are two counts.
  std::string PopulationOf(std::string_view words) const;

 private:
  friend class FactsLexicon;
  template <typename V>
  using StringMap =
      std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
  // The lexicon's Normalizer (PopulationOf folds its words with it).
  const Normalizer* normalizer_ = nullptr;
  // Adds folded `form` to class `cls`.
  void Add(const std::string& cls, std::string form);
  // The bits of the classes Is() finds for w (its stem, bare and key forms).
  WordClassBits FormBits(const Word& w) const;
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
  bool Is(const Word& w, std::string_view cls) const;
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
  using StringMap =
      std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
  WordClassBits ClassBits(const Word& w) const;
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
