// Story features: the stemmed words a report is about, weighted by how much
// they tell it apart from other news (tf-idf), plus the title's words, the
// entities and places, the dates and the numbers it mentions.
//
// Weighting. A term's weight is (1 + ln tf) * idf, where tf counts title
// occurrences three times and the first 60 words of the body twice: news is
// written as an inverted pyramid, so the title and the lead name the event
// and the rest adds background shared with many other stories. idf comes
// from a table computed over the SaudiNewsNet corpus (data/story/idf.tsv,
// written by `eval_stories --write-idf`); a word the table never saw is
// treated as rare (df = 2.5; the table keeps df >= 3). Only the kMaxStoryTerms
// heaviest terms are kept: they carry almost all of the cosine mass, and the
// cap bounds both memory per report and the cost of a comparison.
//
// Numbers 0-10 and year-like integers are dropped: "two", "three" and "2015"
// occur in every other report, while "25 injured" or "150" single out an
// event. Dates keep month and day only, because reports say "7 شباط" without
// the year and the publication date already carries it.
#include "src/story/story_features.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "src/base/data.h"
#include "src/base/hash.h"
#include "src/dedup/days.h"
#include "src/story/story_tables.h"
#include "src/story/terms.h"

namespace marsad {
namespace {

constexpr int kTitleBoost = 3;
constexpr int kLeadBoost = 2;
constexpr size_t kLeadWords = 60;
constexpr float kMinTitleIdf = 2.0f;  // drop title words in > 13% of reports

bool KeepNumber(double v) {
  // Small counts (3 dead, 2 days) are everywhere; a decimal (a 5.1
  // magnitude, 3.5 percent) is specific even when small.
  if (v >= 0 && v <= 10 && v == std::floor(v)) return false;
  if (v >= 1900 && v <= 2100 && v == std::floor(v)) return false;
  return true;
}

// The first day-precision date of the lead, as a day number (see
// StoryFeatures::event_day).
int32_t LeadDay(const Document& doc) {
  for (const DateMention& d : doc.dates) {
    if (d.span.begin >= kLeadBytes) break;
    if (d.precision != DatePrecision::kDay) continue;
    std::string iso = d.value;
    if (iso.rfind("--", 0) == 0 && doc.published.size() >= 4) {
      iso = doc.published.substr(0, 4) + iso.substr(1);
    }
    if (std::optional<int32_t> day = DayNumber(iso)) return *day;
  }
  return kNoDay;
}

// The kind class of a PLOVER type (Event::plover), as a bit: attacks and
// armed clashes are one class (outlets call one battle either), every other
// type its own; unknown types share a last bit.
uint16_t KindBit(std::string_view plover) {
  static constexpr std::string_view kKinds[] = {"ASSAULT",  "FIGHT",   "COERCE",
                                                "PROTEST",  "CONSULT", "ACCUSE",
                                                "THREATEN", "ACCIDENT"};
  for (size_t i = 0; i < std::size(kKinds); ++i) {
    if (plover == kKinds[i]) {
      if (i == 1) return 1;  // FIGHT: ASSAULT's class
      return static_cast<uint16_t>(1u << i);
    }
  }
  return plover.empty() ? 0 : uint16_t{1u << 15};
}

uint16_t LeadKinds(const Document& doc) {
  uint16_t kinds = 0;
  for (const Event& e : doc.events) {
    if (e.trigger.begin >= kLeadBytes) continue;
    kinds |= KindBit(e.plover);
  }
  return kinds;
}

// Detached leads at the end of a text. Some pages end with the opening
// sentences of other reports (a site's "more news" teasers that cleaning did
// not cut, a round-up's headlines): short paragraphs that open with their
// own verb or subject and share at most one rare word with the report's
// title and lead. Counted in the report's terms, they make it look like
// whatever those other reports are about, and it joins their story (on
// ant_2018_multisource, 2018-10-15..16: a border crossing's opening and an
// air-force crash joined the Khashoggi story through CNN teasers of it). A run
// of at least kMinDetached such paragraphs ending the text is left out of the
// story features (terms, entities, dates, figures). docs/RESULTS.md, Stories
// round 9: it moves no dev figure and fires on 321 of the 22,812 reports of
// ant_2018_multisource (200 of them CNN pages with teasers).
constexpr size_t kMinDetached = 2;
constexpr size_t kMaxDetachedBytes = 600;
// Rare words: idf >= kDetachedIdf (in fewer than 5% of SaudiNewsNet's
// reports; day names and news verbs, "أعلن", "أكد", lie below). A paragraph
// sharing at most kMaxDetachedShared of them with the title and lead (one
// country's name) is detached.
constexpr float kDetachedIdf = 3.0f;
constexpr int kMaxDetachedShared = 1;

// A paragraph that continues the report's telling: it opens with a
// connective (و، ف، كما، ثم، من جانبه) or is an item of a list ("- 2017: ..."),
// where a teaser of another report opens with its own verb or subject.
bool OpensAsContinuation(std::string_view para) {
  static constexpr std::string_view kOpeners[] = {"و",       "ف", "كما ", "ثم ",
                                                  "من جانب", "-", "•",    "*"};
  for (std::string_view o : kOpeners)
    if (para.substr(0, o.size()) == o) return true;
  return !para.empty() && para[0] >= '0' && para[0] <= '9';
}

// The byte offset where the trailing run of detached paragraphs begins, or
// text.size() when there is none. `keys` and `begins`: the text's term keys
// and their offsets (ExtractTermKeys); `title_keys` the title's.
size_t DetachedTailStart(const StoryTables& tables, std::string_view text,
                         const std::vector<uint32_t>& title_keys,
                         const std::vector<uint32_t>& keys,
                         const std::vector<uint32_t>& begins) {
  if (keys.size() <= kLeadWords) return text.size();
  // The report's own rare words: its title's and its lead's.
  thread_local std::vector<uint32_t> core, para;
  core.clear();
  for (uint32_t k : title_keys)
    if (tables.Idf(k) >= kDetachedIdf) core.push_back(k);
  for (size_t i = 0; i < kLeadWords; ++i)
    if (tables.Idf(keys[i]) >= kDetachedIdf) core.push_back(keys[i]);
  std::sort(core.begin(), core.end());
  const size_t lead_end = begins[kLeadWords - 1];
  // Paragraphs (lines) from the last one back.
  size_t start = text.size();
  size_t run = 0;
  size_t end = text.size();
  size_t k = keys.size();  // keys[k..] lie after the paragraph examined
  while (end > lead_end) {
    while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == '\r' ||
                       text[end - 1] == ' '))
      --end;
    if (end == 0) break;
    size_t nl = text.rfind('\n', end - 1);
    size_t begin = nl == std::string_view::npos ? 0 : nl + 1;
    if (begin <= lead_end || end - begin > kMaxDetachedBytes) break;
    if (OpensAsContinuation(text.substr(begin, end - begin))) break;
    para.clear();
    while (k > 0 && begins[k - 1] >= begin) {
      --k;
      if (tables.Idf(keys[k]) >= kDetachedIdf) para.push_back(keys[k]);
    }
    std::sort(para.begin(), para.end());
    para.erase(std::unique(para.begin(), para.end()), para.end());
    int shared = 0;
    for (uint32_t p : para)
      shared += std::binary_search(core.begin(), core.end(), p);
    if (para.empty() || shared > kMaxDetachedShared) break;
    ++run;
    start = begin;
    end = begin;
  }
  return run >= kMinDetached ? start : text.size();
}

}  // namespace

uint32_t TermKey(std::string_view stem) {
  return static_cast<uint32_t>(Hash64(stem, 0x5354));
}

StoryFeatures ComputeStoryFeatures(const StoryTables& tables,
                                   const Document& doc) {
  TextAnalysis analysis;
  analysis.Build(doc.text, tables.text());
  return ComputeStoryFeatures(tables, doc, analysis);
}

StoryFeatures ComputeStoryFeatures(const StoryTables& tables,
                                   const Document& doc,
                                   const TextAnalysis& analysis) {
  StoryFeatures f;
  // Scratch reused across reports (per thread: the function is called from
  // the ingest's worker threads).
  thread_local std::vector<uint32_t> keys, title_keys, begins;
  // (term, count) pairs, summed after sorting: no hash map per report.
  thread_local std::vector<WeightedTerm> tf;
  tf.clear();
  f.title = doc.title.empty() ? LeadTitle(analysis) : doc.title;
  ExtractTermKeys(tables, f.title, &title_keys);
  for (uint32_t key : title_keys) {
    tf.push_back({key, kTitleBoost});
    if (tables.Idf(key) >= kMinTitleIdf) f.title_terms.push_back(key);
  }
  ExtractTermKeys(tables, analysis, &keys, &begins);
  // What the features read of the text: all of it but detached leads at
  // its end (DetachedTailStart).
  const size_t body_end =
      DetachedTailStart(tables, analysis.text, title_keys, keys, begins);
  for (size_t i = 0; i < keys.size() && begins[i] < body_end; ++i) {
    tf.push_back({keys[i], i < kLeadWords ? float{kLeadBoost} : 1.0f});
  }
  std::sort(tf.begin(), tf.end(),
            [](const WeightedTerm& a, const WeightedTerm& b) {
              return a.term < b.term;
            });
  for (size_t i = 0; i < tf.size();) {
    size_t j = i;
    float count = 0;
    for (; j < tf.size() && tf[j].term == tf[i].term; ++j)
      count += tf[j].weight;
    f.terms.push_back(
        {tf[i].term, (1.0f + std::log(count)) * tables.Idf(tf[i].term)});
    i = j;
  }
  if (f.terms.size() > kMaxStoryTerms) {
    std::nth_element(f.terms.begin(), f.terms.begin() + kMaxStoryTerms,
                     f.terms.end(),
                     [](const WeightedTerm& a, const WeightedTerm& b) {
                       return a.weight > b.weight;
                     });
    f.terms.resize(kMaxStoryTerms);
  }
  double norm = 0;
  for (const WeightedTerm& t : f.terms) norm += double{t.weight} * t.weight;
  norm = std::sqrt(norm);
  for (WeightedTerm& t : f.terms) t.weight = norm > 0 ? t.weight / norm : 0;
  std::sort(f.terms.begin(), f.terms.end(),
            [](const WeightedTerm& a, const WeightedTerm& b) {
              return a.term < b.term;
            });

  for (const EntityMention& e : doc.entities) {
    if (e.span.begin >= body_end) continue;
    f.entities.push_back(e.entity_id.empty()
                             ? TermKey(FoldForKey(tables.text(), e.text))
                             : TermKey(e.entity_id));
  }
  for (const DateMention& d : doc.dates) {
    if (d.span.begin >= body_end) continue;
    if (d.precision != DatePrecision::kDay || d.value.size() < 7) continue;
    std::string_view md = std::string_view(d.value).substr(d.value.size() - 5);
    if (md[2] != '-') continue;
    int m = std::atoi(std::string(md.substr(0, 2)).c_str());
    int day = std::atoi(std::string(md.substr(3, 2)).c_str());
    if (m >= 1 && m <= 12 && day >= 1 && day <= 31) {
      f.dates.push_back(static_cast<uint16_t>(m * 32 + day));
    }
  }
  for (const NumberMention& n : doc.numbers) {
    // "18" of "18 حزيران" is a date, already counted as one.
    bool in_date = std::any_of(
        doc.dates.begin(), doc.dates.end(), [&](const DateMention& d) {
          return d.span.begin <= n.span.begin && n.span.end <= d.span.end;
        });
    if (!in_date && n.span.begin < body_end && KeepNumber(n.value)) {
      f.numbers.push_back(static_cast<float>(n.value));
    }
  }
  auto sort_unique = [](auto& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  };
  sort_unique(f.title_terms);
  sort_unique(f.entities);
  sort_unique(f.dates);
  sort_unique(f.numbers);
  if (std::optional<int32_t> day = DayNumber(doc.published)) f.day = *day;
  f.event_day = LeadDay(doc);
  f.lead_kinds = LeadKinds(doc);
  return f;
}

}  // namespace marsad
