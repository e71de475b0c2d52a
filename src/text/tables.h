// TextTables: the text core's word tables (data/text/*.tsv: month names and
// date words, number words, number cues, units, duals of counted nouns,
// abbreviations; and the skeleton keys' name variants,
// data/nlp/name_variants.tsv), loaded once with the Normalizer and Segmenter
// they are read with, and passed explicitly to the functions that read
// them: the sentence splitter, FindNumbers, FindDates, AnalyzeText,
// LemmaKey, TextAnalysis::Build, the skeleton keys (src/text/skeleton.h) and
// the search terms (src/search/terms.h).
//
// Why an object. Each of these tables used to be read on first use by a
// function-local static, folded with a process-wide Normalizer: a missing file
// left the table empty (no dates, no numbers, every abbreviation point a
// sentence end) without a word, and a run built a second Normalizer and
// Segmenter beside the ones in its Resources. Now Resources::Load
// (src/pipeline/resources.h) loads one TextTables with its own Normalizer
// and Segmenter, and a missing or damaged table is a Status naming the file.
//
// Each table's rows are kept as the loaders above wrote them (same keys,
// same order, a later row of the same key overriding an earlier one), so
// the functions give the same answers as before.
//
// Thread safety: immutable after Load; shared by every thread. Lifetime: a
// TextTables keeps references to the Normalizer and Segmenter it was loaded
// with (LoadWith), or owns them (Load).
#ifndef MARSAD_SRC_TEXT_TABLES_H_
#define MARSAD_SRC_TEXT_TABLES_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "marsad/status.h"

namespace marsad {

class Normalizer;
class Segmenter;

namespace text_internal {

// data/text/months.tsv and date_words.tsv, words folded.
struct DatePhrase {
  std::vector<std::string> words;
  std::string kind;  // month-g, month-h, weekday, day, cue, part, dir, ordinal
  int value = 0;
  std::string extra;
};
struct DateTables {
  std::vector<DatePhrase> phrases;  // longest first
  // First word -> phrases starting with it, longest first (views and
  // pointers into `phrases`).
  std::unordered_map<std::string_view, std::vector<const DatePhrase*>> by_first;
};

// data/text/number_words.tsv, number_cues.tsv, units.tsv, dual_nouns.tsv.
struct NumberWord {
  double value = 0, max = 0;
  std::string kind;
};
struct NumberCue {
  std::vector<std::string> words;
  std::string kind;
  bool after = false;
};
struct NumberTables {
  std::unordered_map<std::string, NumberWord> words;
  std::vector<NumberCue> cues;
  std::unordered_map<std::string, std::string> units;
  std::unordered_map<std::string, std::string> duals;  // dual form -> noun
};

// data/text/abbreviations.tsv: folded letters joined without spaces
// ("دبا") -> kind (agency, era).
struct Abbreviations {
  std::unordered_map<std::string, std::string> kinds;
  size_t max_letters = 0;
};

}  // namespace text_internal

class TextTables {
 public:
  // Loads data_dir + "/text/{months,date_words,number_words,number_cues,
  // units,dual_nouns,abbreviations}.tsv", folding their words with
  // `normalizer`, and data_dir + "/nlp/name_variants.tsv". Fails with the
  // Status of the first missing or damaged file (a row with too few fields, a
  // number that does not parse), naming it. REQUIRES: `normalizer` and
  // `segmenter` outlive the tables.
  static StatusOr<std::unique_ptr<const TextTables>> LoadWith(
      const std::string& data_dir, const Normalizer& normalizer,
      const Segmenter& segmenter);
  // The same with a Normalizer and Segmenter of its own, created from
  // data_dir (tools and tests that have no Resources).
  static StatusOr<std::unique_ptr<const TextTables>> Load(
      const std::string& data_dir);

  ~TextTables();
  TextTables(const TextTables&) = delete;
  TextTables& operator=(const TextTables&) = delete;

  const Normalizer& normalizer() const { return *normalizer_; }
  const Segmenter& segmenter() const { return *segmenter_; }

  const text_internal::DateTables& dates() const { return dates_; }
  const text_internal::NumberTables& numbers() const { return numbers_; }
  const text_internal::Abbreviations& abbreviations() const {
    return abbreviations_;
  }
  // A Latin word (lower case) -> the skeleton ("~...") of the Arabic name it
  // writes, where the skeleton rule misses it (src/text/skeleton.h).
  const std::unordered_map<std::string, std::string>& name_variants() const {
    return name_variants_;
  }
  // Distinct per instance: tells a per-thread memo of answers computed from
  // these tables (the search terms' memo) whose answers it holds.
  uint64_t id() const { return id_; }

 private:
  TextTables();
  // Reads the tables, folding with normalizer_.
  static Status Fill(const std::string& data_dir, TextTables* t);
  std::unique_ptr<const Normalizer> own_normalizer_;
  std::unique_ptr<const Segmenter> own_segmenter_;
  const Normalizer* normalizer_ = nullptr;
  const Segmenter* segmenter_ = nullptr;
  text_internal::DateTables dates_;
  text_internal::NumberTables numbers_;
  text_internal::Abbreviations abbreviations_;
  std::unordered_map<std::string, std::string> name_variants_;
  uint64_t id_;
};

}  // namespace marsad

#endif  // MARSAD_SRC_TEXT_TABLES_H_
