// Same story or not: a blend of what journalists' readers would notice.
//
// Two reports tell one story when they describe the same event: the same
// actors doing the same thing at the same place and time. Outlets word it
// differently (their own lead, synonyms, Egyptian or Levantine spelling), so
// exact text overlap -- what dedup measures -- is the wrong signal here. We
// combine evidence that survives rewording:
//
//  * terms: cosine of tf-idf vectors over *stemmed, folded* words. Folding
//    erases spelling variants (أ/ا/إ, ى/ي, ة/ه, diacritics), stemming merges
//    "الهجوم/بهجوم/هجوما", and idf makes the rare words (a village name, a
//    minister, "الصالحية") count more than "قال" or "اليوم". This is the
//    backbone of every news-clustering system since TDT (Allan et al. 1998)
//    and is still the strongest single signal (Miranda et al. 2018).
//  * title: headlines are the outlet's own one-line summary of the event;
//    shared headline words are strong evidence even when bodies diverge.
//  * entities and places, when the NER stage found enough of them.
//  * numbers and dates: "25 injured" and "7 February" pin down an event;
//    two reports on the same topic but a different event rarely share them.
//  * time: publication days far apart lower the score (a slow decay, not a
//    wall, so that a late report of an old story can still join it).
//  * the happening's day, as each lead dates it ("أمس", "السبت", "7 شباط"
//    resolved against the publication date): the same day corroborates,
//    days two or more apart mean two happenings of one topic. Publication
//    dates alone cannot tell a Monday strike reported on Tuesday from
//    Tuesday's strike.
//
// The hard cases are "same topic, different event" (two different bombings
// in Yemen on the same day) and "same event, different wording". The first
// is why numbers, dates and title words add to the term cosine instead of
// replacing it, and why the term vector keeps proper names (high idf) over
// topic words (lower idf). The second is why the score is not a single
// cosine: two rewrites that share only 0.25 of their term mass but the same
// headline words and figures still clear the threshold.
//
// The weights were set by hand on the structure above (not fitted: a
// logistic fit of the same parts on the dev pairs, scored on those pairs,
// ranked them no better:
// AUC 0.984 against 0.983; raising the entity weight to 0.20 did not help;
// in round 5, fitted on SaudiNewsNet's judged pairs and cross-validated on
// them, it scored below these weights: Pearson 0.723 against 0.755,
// scripts/story-pairs-cv.py).
// The join threshold was chosen with entities in the score, as ingest
// computes it (eval_stories --sweep prints the table), on the dev windows of
// tests/gold/stories_ant and tests/gold/stories together: BCubed F1 dev
// 0.881 / 0.890 / 0.884 / 0.879 / 0.878 at 0.36 / 0.39 / 0.40 / 0.42 /
// 0.45, SaudiNewsNet 0.915 at 0.39, 0.920 at 0.42, 0.937 at 0.45. 0.39 is
// the dev optimum, keeps SaudiNewsNet above where it was (0.905), joins
// every same-story pair of the bundled sample and keeps the seed story
// {000, 002, 003} together (its pairs score 0.40 and 0.41). A heavily
// reworded report that still falls short starts its own story, linked to
// the story as related. Figures: docs/RESULTS.md.
#include "src/story/story_similarity.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "src/story/terms.h"

namespace marsad {
namespace {

constexpr double kTermWeight = 0.65;
constexpr double kTitleWeight = 0.25;
constexpr double kEntityWeight = 0.10;
constexpr double kNumberBonus = 0.04;  // per shared number, at most 3
constexpr double kDateBonus = 0.04;    // per shared date, at most 2
constexpr double kGapFree = 1;         // days without penalty
constexpr double kGapPenalty = 0.03;   // per further day
constexpr size_t kMinEntities = 2;

// The happening's day (StoryFeatures::event_day): the same day named in both
// leads corroborates (like a shared figure, only with shared words); days two
// or more apart are two happenings of one topic (Monday's strike and
// Wednesday's), whatever vocabulary they share. Chosen on the dev windows of
// tests/gold/stories_ant (flat from 0.02 to 0.06 and 0.06 to 0.10).
constexpr double kEventDayBonus = 0.04;
constexpr double kEventDayPenalty = 0.06;

// The happening's kind (StoryFeatures::lead_kinds, from the facts stage's
// events in the lead) and the reports' entities. Chosen on the dev parts of
// both gold sets (docs/RESULTS.md, Stories round 4): a same-kind same-day
// bonus of 0.03 / 0.06 alone gives ant2018 windows 0.899 / 0.901 (0.897
// without); SaudiNewsNet moves with the entity penalty alone (0.923 -> 0.925
// at 0.05-0.10); together (0.04, 0.10) windows 0.901, SaudiNewsNet 0.925,
// the whole ant2018 stream 0.886 (0.882). Penalising different kinds instead
// split true pairs
// (windows 0.889 at 0.06): the facts stage's lead events include background,
// so a missing shared kind proves nothing, a shared one corroborates.
constexpr double kSameKindBonus = 0.04;
constexpr double kNoSharedEntityPenalty = 0.10;

double Dot(const std::vector<WeightedTerm>& a,
           const std::vector<WeightedTerm>& b) {
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].term < b[j].term) {
      ++i;
    } else if (b[j].term < a[i].term) {
      ++j;
    } else {
      dot += double{a[i].weight} * b[j].weight;
      ++i, ++j;
    }
  }
  return std::min(1.0, dot);
}

template <typename T>
int Shared(const std::vector<T>& a, const std::vector<T>& b) {
  int n = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

template <typename T>
double Ochiai(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.empty() || b.empty()) return 0;
  return Shared(a, b) / std::sqrt(double(a.size()) * double(b.size()));
}

}  // namespace

double DayGapPenalty(int gap_days) {
  return kGapPenalty * std::max(0.0, gap_days - kGapFree);
}

namespace {

// The score; `timed`: false leaves the publication and happening days out,
// as if both reports were undated.
SimilarityParts Explain(const StoryFeatures& a, const StoryFeatures& b,
                        bool timed) {
  SimilarityParts p;
  p.terms = Dot(a.terms, b.terms);
  p.title = Ochiai(a.title_terms, b.title_terms);
  double term_weight = kTermWeight;
  if (a.entities.size() >= kMinEntities && b.entities.size() >= kMinEntities) {
    p.entities = Ochiai(a.entities, b.entities);
  } else {
    term_weight += kEntityWeight;
  }
  p.shared_entities = Shared(a.entities, b.entities);
  p.shared_numbers = Shared(a.numbers, b.numbers);
  p.shared_dates = Shared(a.dates, b.dates);
  double s = term_weight * p.terms + kTitleWeight * p.title +
             kEntityWeight * std::max(0.0, p.entities);
  // Figures and dates corroborate topical similarity; alone they prove
  // nothing (two unrelated reports can both mention "15").
  double corroboration = std::min(1.0, p.terms / 0.15);
  s += corroboration * (kNumberBonus * std::min(p.shared_numbers, 3) +
                        kDateBonus * std::min(p.shared_dates, 2));
  if (timed && a.day != kNoDay && b.day != kNoDay) {
    p.day_gap = std::abs(a.day - b.day);
    s -= DayGapPenalty(p.day_gap);
  }
  if (timed && a.event_day != kNoDay && b.event_day != kNoDay) {
    p.event_gap = std::abs(a.event_day - b.event_day);
    if (p.event_gap == 0) s += corroboration * kEventDayBonus;
    if (p.event_gap >= 2) s -= kEventDayPenalty;
  }
  // Both name several entities and share none: two happenings (Sweden's
  // match and England's, one strike in Daraa and the talks in Amman).
  if (p.entities >= 0 && p.shared_entities == 0) s -= kNoSharedEntityPenalty;
  // The same kind of happening on the same day (a strike and a raid, both on
  // Saturday) corroborates like a shared figure.
  if ((a.lead_kinds & b.lead_kinds) != 0 && p.event_gap == 0)
    s += corroboration * kSameKindBonus;
  p.score = std::clamp(s, 0.0, 1.0);
  return p;
}

}  // namespace

SimilarityParts ExplainSimilarity(const StoryFeatures& a,
                                  const StoryFeatures& b) {
  return Explain(a, b, /*timed=*/true);
}

double Similarity(const StoryFeatures& a, const StoryFeatures& b) {
  return Explain(a, b, /*timed=*/true).score;
}

double TimelessSimilarity(const StoryFeatures& a, const StoryFeatures& b) {
  return Explain(a, b, /*timed=*/false).score;
}

std::string ChooseTitle(const TextTables& tables,
                        std::span<const std::string> titles) {
  if (titles.empty()) return "";
  std::vector<std::vector<uint32_t>> keys(titles.size());
  std::vector<std::string> stems;
  for (size_t i = 0; i < titles.size(); ++i) {
    ExtractStems(tables, titles[i], &stems);
    for (const std::string& s : stems) keys[i].push_back(TermKey(s));
    std::sort(keys[i].begin(), keys[i].end());
    keys[i].erase(std::unique(keys[i].begin(), keys[i].end()), keys[i].end());
  }
  size_t best = 0;
  double best_score = -1;
  for (size_t i = 0; i < titles.size(); ++i) {
    if (keys[i].empty()) continue;
    double score = 0;
    for (size_t j = 0; j < titles.size(); ++j) {
      if (j != i) score += Ochiai(keys[i], keys[j]);
    }
    if (score > best_score) best_score = score, best = i;
  }
  return titles[best];
}

}  // namespace marsad
