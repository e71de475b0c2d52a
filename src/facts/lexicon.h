// The fact stage's lexicons (data/facts/*.tsv) and the per-document word
// table its finders share.
//
// Every rule table is data: reporting cues, closed word classes, event
// triggers, mode context, casualty words, weapons, presence words and place
// names are TSV files with their source written in the header. Entries are
// written in natural spelling and folded at load time with the text core's
// Normalizer, so a table entry `أضافت` matches `وأضافت`, `واضافت` and
// `وأضافتْ` alike.
//
// Matching is on whole tokens. A token is looked up in three forms, from
// the most to the least literal: its folded key, the key without a
// proclitic و/ف ("bare"), and the bare form without ب/ل/ك and the article
// ال/لل ("stem"). Reporting cues use the first two forms only (a cue never
// carries ب or ال); triggers and argument words use all three. Phrases of
// several tokens (عبوة ناسفة، بين قتيل وجريح) are matched word by word.
//
// The finders ask a word's classes many times (FactsLexicon::Is, some 30
// times per word): each class has a bit, and a word's bits are looked up on
// the first question and kept in the Word.
//
// Thread safety: a FactsLexicon is immutable after Load(); Default() is built
// once (thread-safe static) and shared by every thread.
#ifndef MARSAD_SRC_FACTS_LEXICON_H_
#define MARSAD_SRC_FACTS_LEXICON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "marsad/document.h"
#include "marsad/status.h"
#include "src/base/hash.h"
#include "src/text/tokenize.h"

namespace marsad {

// One token of the document with its lookup forms.
class FactsLexicon;

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
  // `class_bits_of` (none yet if null).
  mutable uint64_t class_bits = 0;
  mutable const FactsLexicon* class_bits_of = nullptr;
};

// Tokens, forms and sentences of one document.
struct WordTable {
  std::vector<Word> words;
  std::vector<Span> sentences;           // byte spans
  std::vector<uint32_t> sentence_first;  // first word index of each sentence
  std::vector<uint32_t> sentence_end;    // one past the last word index
  void Build(std::string_view text);
};

// How strictly a token is looked up (see the file comment).
enum class Forms { kBare = 2, kStem = 3 };

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

class FactsLexicon {
 public:
  // Reads DataPath("facts/*.tsv"). Fails if a table is missing or malformed.
  static StatusOr<std::unique_ptr<const FactsLexicon>> Load();
  // The same from data_dir + "/facts/*.tsv"; errors name the file.
  static StatusOr<std::unique_ptr<const FactsLexicon>> Load(
      const std::string& data_dir);
  // Process-wide instance; with unreadable data it is empty (and the finders
  // find nothing) after logging once to stderr.
  static const FactsLexicon& Default();

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

 private:
  template <typename V>
  using StringMap =
      std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
  uint64_t ClassBits(const Word& w) const;
  StringMap<std::string> classes_;                // first class
  std::unordered_set<std::string> more_classes_;  // word|class
  // Bit of each (non-empty) class name, while there are at most 64; the
  // bits of every word's further classes (more_classes_).
  StringMap<int> class_bit_;
  StringMap<uint64_t> more_bits_;
  bool bits_ok_ = true;
  void AddClassBit(const std::string& key, const std::string& cls, bool more);
};

// The word table of `text`, cached per thread for the last text seen, so that
// FindQuotes, FindEvents and BuildClaims on one document tokenize it once.
// The reference is valid until the next call on this thread.
const WordTable& WordsOf(std::string_view text);

// Folded key of a phrase (the text core's fold).
std::string FoldPhrase(std::string_view s);

}  // namespace marsad

#endif  // MARSAD_SRC_FACTS_LEXICON_H_
