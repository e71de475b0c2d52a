// The text core's word tables (tables.h), read from data/text.
#include "src/text/tables.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>

#include "src/base/data.h"
#include "src/text/lexicon_util.h"
#include "src/text/normalize.h"
#include "src/text/segment.h"

namespace marsad {
namespace {

using text_internal::Abbreviations;
using text_internal::DatePhrase;
using text_internal::DateTables;
using text_internal::NumberCue;
using text_internal::NumberTables;
using text_internal::NumberWord;

using Row = std::vector<std::string>;

// A whole field as a number (strtod's reading), or an error naming it.
Status ParseNumber(const std::string& field, double* v) {
  char* end = nullptr;
  errno = 0;
  *v = std::strtod(field.c_str(), &end);
  if (field.empty() || end != field.c_str() + field.size() || errno != 0)
    return CorruptionError("\"" + field + "\" is not a number");
  return Status::OK();
}

Status ParseInt(const std::string& field, int* v) {
  double d;
  RETURN_IF_ERROR(ParseNumber(field, &d));
  if (d != static_cast<int>(d))
    return CorruptionError("\"" + field + "\" is not a whole number");
  *v = static_cast<int>(d);
  return Status::OK();
}

Status LoadDates(const std::string& dir, const Normalizer& n, DateTables* t) {
  auto add = [&](const std::string& text, std::string kind, int value,
                 std::string extra) {
    DatePhrase p;
    for (auto w : Split(text, ' ')) p.words.push_back(n.FoldKey(w));
    p.kind = std::move(kind);
    p.value = value;
    p.extra = std::move(extra);
    t->phrases.push_back(std::move(p));
  };
  // name, month number, calendar (gregorian | hijri), series.
  RETURN_IF_ERROR(ForEachTsvRow(dir + "/text/months.tsv", 3, [&](const Row& r) {
    int month;
    RETURN_IF_ERROR(ParseInt(r[1], &month));
    add(r[0], r[2] == "hijri" ? "month-h" : "month-g", month, "");
    return Status::OK();
  }));
  // phrase, kind, value (a number; begin | mid | end for a part), extra.
  RETURN_IF_ERROR(
      ForEachTsvRow(dir + "/text/date_words.tsv", 3, [&](const Row& r) {
        int v;
        if (r[1] == "part") {
          v = r[2] == "begin" ? 1 : r[2] == "mid" ? 2 : 3;
        } else {
          RETURN_IF_ERROR(ParseInt(r[2], &v));
        }
        add(r[0], r[1], v, r.size() > 3 ? r[3] : "");
        return Status::OK();
      }));
  std::stable_sort(t->phrases.begin(), t->phrases.end(),
                   [](const DatePhrase& a, const DatePhrase& b) {
                     return a.words.size() > b.words.size();
                   });
  for (const DatePhrase& p : t->phrases) t->by_first[p.words[0]].push_back(&p);
  return Status::OK();
}

Status LoadNumbers(const std::string& dir, const Normalizer& n,
                   NumberTables* t) {
  // word, value, kind, [max].
  RETURN_IF_ERROR(
      ForEachTsvRow(dir + "/text/number_words.tsv", 3, [&](const Row& r) {
        NumberWord w;
        RETURN_IF_ERROR(ParseNumber(r[1], &w.value));
        w.kind = r[2];
        w.max = w.value;
        if (r.size() > 3) RETURN_IF_ERROR(ParseNumber(r[3], &w.max));
        t->words[n.FoldKey(r[0])] = w;
        return Status::OK();
      }));
  // phrase, kind, before | after.
  RETURN_IF_ERROR(
      ForEachTsvRow(dir + "/text/number_cues.tsv", 3, [&](const Row& r) {
        NumberCue c;
        for (auto w : Split(r[0], ' ')) c.words.push_back(n.FoldKey(w));
        c.kind = r[1];
        c.after = r[2] == "after";
        t->cues.push_back(std::move(c));
        return Status::OK();
      }));
  // word, unit.
  RETURN_IF_ERROR(ForEachTsvRow(dir + "/text/units.tsv", 2, [&](const Row& r) {
    t->units[n.FoldKey(r[0])] = r[1];
    return Status::OK();
  }));
  // singular noun: its duals (ـان, ـين; ة as ت) are read as the number 2.
  RETURN_IF_ERROR(
      ForEachTsvRow(dir + "/text/dual_nouns.tsv", 1, [&](const Row& r) {
        std::string s = n.FoldKey(r[0]);
        std::string base = s;
        if (text_internal::EndsWith(base, "ه"))
          base.replace(base.size() - 2, 2, "ت");
        for (const char* suf : {"ان", "ين"}) t->duals[base + suf] = s;
        return Status::OK();
      }));
  return Status::OK();
}

// letters (separated by spaces), kind.
Status LoadAbbreviations(const std::string& dir, const Normalizer& n,
                         Abbreviations* a) {
  return ForEachTsvRow(dir + "/text/abbreviations.tsv", 2, [&](const Row& row) {
    std::string key;
    size_t letters = 0;
    for (std::string_view part : Split(row[0], ' ')) {
      if (part.empty()) continue;
      key += n.FoldKey(part);
      ++letters;
    }
    a->kinds[key] = row[1];
    a->max_letters = std::max(a->max_letters, letters);
    return Status::OK();
  });
}

// data/nlp/name_variants.tsv (built by tools/train_ner/build_name_variants
// from Wikidata's and NERAr's name pairs): a Latin word, lower case, and the
// skeleton of the Arabic name it writes. Before issue 25's step 6 it was read
// on first use and a missing file left the rule alone without a word.
Status LoadNameVariants(const std::string& dir,
                        std::unordered_map<std::string, std::string>* t) {
  return ForEachTsvRow(dir + "/nlp/name_variants.tsv", 2, [&](const Row& r) {
    if (!r[1].starts_with("~"))
      return CorruptionError("\"" + r[1] + "\" is not a skeleton (\"~...\")");
    t->emplace(r[0], r[1]);
    return Status::OK();
  });
}

std::atomic<uint64_t> next_tables_id{1};

}  // namespace

TextTables::TextTables() : id_(next_tables_id.fetch_add(1)) {}
TextTables::~TextTables() = default;

Status TextTables::Fill(const std::string& data_dir, TextTables* t) {
  const Normalizer& n = *t->normalizer_;
  RETURN_IF_ERROR(LoadDates(data_dir, n, &t->dates_));
  RETURN_IF_ERROR(LoadNumbers(data_dir, n, &t->numbers_));
  RETURN_IF_ERROR(LoadAbbreviations(data_dir, n, &t->abbreviations_));
  return LoadNameVariants(data_dir, &t->name_variants_);
}

StatusOr<std::unique_ptr<const TextTables>> TextTables::LoadWith(
    const std::string& data_dir, const Normalizer& normalizer,
    const Segmenter& segmenter) {
  std::unique_ptr<TextTables> t(new TextTables());
  t->normalizer_ = &normalizer;
  t->segmenter_ = &segmenter;
  RETURN_IF_ERROR(Fill(data_dir, t.get()));
  return std::unique_ptr<const TextTables>(std::move(t));
}

StatusOr<std::unique_ptr<const TextTables>> TextTables::Load(
    const std::string& data_dir) {
  std::unique_ptr<TextTables> t(new TextTables());
  ASSIGN_OR_RETURN(t->own_normalizer_, Normalizer::Create(data_dir));
  ASSIGN_OR_RETURN(t->own_segmenter_, Segmenter::Create(data_dir));
  t->normalizer_ = t->own_normalizer_.get();
  t->segmenter_ = t->own_segmenter_.get();
  RETURN_IF_ERROR(Fill(data_dir, t.get()));
  return std::unique_ptr<const TextTables>(std::move(t));
}

}  // namespace marsad
