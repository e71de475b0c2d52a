// Online story clustering: single pass, centroid + recent members, inverted
// index for candidates, sliding window for memory.
//
// News arrives as a stream and an analyst wants the story id of a report the
// moment it is stored, so the clustering is single-pass (the "online
// clustering" of TDT first-story detection and of Event Registry / Miranda et
// al. 2018): each report is compared with the stories alive in the window and
// joins the best one above a calibrated threshold, or starts a new story.
// Nothing already assigned is ever recomputed, so the cost of a report does
// not grow with the archive.
//
// A story is represented twice. Its *profile* is the normalized sum of its
// reports' term vectors (truncated to the heaviest profile_terms), the most
// frequent title words and entities, and the union of its dates and figures:
// a centroid that is robust to one odd report. Its *recent members* (the last
// few reports, compared one by one) let a story drift as it develops -- day
// two of a story talks about funerals, not the blast -- which a centroid alone
// follows too slowly. The score against a story is the better of the two,
// with one limit: the profile's score may lie at most profile_lift (0.10)
// above the best member's. The profile grows from every report that joins,
// so reports telling the happening and a later one (the strike and the aid
// convoy that reached the town) pull it towards the later happening, which
// then joins through the profile although no anchor report tells it (a
// story drifting along its joiners). On the dev parts of both gold sets
// (docs/RESULTS.md, Stories round 6): lift 0.06 / 0.08 / 0.10 / 0.11 / 0.12
// and no limit give ant2018 windows 0.883 / 0.901 / 0.908 / 0.902 / 0.889 /
// 0.901, the whole ant2018 stream 0.890 / 0.902 / 0.902 / 0.905 / - /
// 0.886, SaudiNewsNet 0.938 / 0.935 / 0.933 / 0.929 / - / 0.925.
//
// Candidates come from an inverted index: each story is posted under its
// index_terms heaviest terms, and a report looks up its own query_terms
// heaviest terms, accumulating partial dot products; only the top
// max_candidates stories are scored in full. Because terms are idf-weighted,
// the heaviest terms are the rare, specific ones, so posting lists stay short
// and the candidate set contains the stories that matter. Cost per report is
// O(query_terms * posting length + max_candidates * (profile + members)).
//
// Related stories: a report that scores above related_threshold against a
// story it did not join links that story with its own. Stories sharing actors
// and places but not the event (the seeds' three Russian-MoD stories) end up
// linked, not merged.
//
// Time: every story remembers the days of its first and latest report. When
// the stream's clock (the median date of recent arrivals, robust to a stray
// 2099 date and to an archive back-filled newest-first) lies more than
// window_days from a story's latest report and the story has gained nothing
// for grace_reports arrivals, the story is evicted from memory (its id stays
// valid in the store, it just stops attracting reports). Undated reports carry
// no time evidence: they are compared without a time penalty and leave a
// story's days alone; a story of undated reports only is forgotten after
// undated_window further reports (a folder of mixed dated and undated files
// must not lose its undated stories just because a dated report of another
// month came first). A late report (dated before the window) can still join any
// live story; the time penalty makes that unlikely unless the story was live at
// its date.
//
// Span: a report dated more than max_span_days (4) after a story's first
// report does not join it; it starts a story of its own, linked to the old
// one as related (a follow-up, or a story of the same thread). A happening is
// reported within days; without the limit each report only had to be close to
// the story's latest days, and a story chained along a topic for weeks (on
// June 2018 of the international corpus: a summit, its preparations and two
// weeks of aftermath, 66 reports over 18 days; an offensive, 59 over 14).
// Chosen on the dev parts of both gold sets (docs/RESULTS.md, Stories).
//
// Merging (merge_threshold; off by default): one happening's first reports,
// worded apart by two outlets (a presenter's death told as his death and as
// the stars' mourning), score 0.2-0.37 against each other and start two
// stories; a later report telling both scores high against both (0.74 and
// 0.59 in docs/RESULTS.md, Stories round 10). With merging on, such a report
// merges the two when their anchors score at least merge_floor against each
// other (judged before the report joins), their first reports lie at most a
// day apart and the smaller holds at most merge_max_reports: the older story
// keeps its id, the other id becomes an alias (Resolve), and
// Assignment::merged tells the caller whose reports to relabel. Without the
// day and size limits merges chained a topic's stories (a spy's poisoning
// with the expulsions and a boycott). At 0.55 / 0.30 / 2 reports the dev
// figures barely move (docs/RESULTS.md, Stories round 11) and the store
// cannot relabel yet, so it stays off; eval_stories measures it.
#include "src/story/story_index.h"

#include <algorithm>
#include <cmath>

#include "src/dedup/days.h"

namespace marsad {
namespace {

constexpr size_t kProfileTitleTerms = 12;
constexpr size_t kProfileEntities = 32;
constexpr size_t kProfileFacts = 64;
// Below this profile score a report is not compared with the members one by
// one: a story whose centroid shares this little with the report rarely has a
// member close enough to join, and skipping them halves the comparisons.
constexpr double kMemberFloor = 0.08;

bool ByWeightDesc(const WeightedTerm& a, const WeightedTerm& b) {
  return a.weight > b.weight;
}
bool ByTerm(const WeightedTerm& a, const WeightedTerm& b) {
  return a.term < b.term;
}

// Adds `add` into `sum`, both sorted by term, term by term; past `cap` terms
// keeps the `cap` heaviest, sorted by term again (a story's profile as a
// report joins it, or as another story is merged into it).
void AddToSum(const std::vector<WeightedTerm>& add, size_t cap,
              std::vector<WeightedTerm>* sum) {
  std::vector<WeightedTerm> merged;
  merged.reserve(sum->size() + add.size());
  std::merge(sum->begin(), sum->end(), add.begin(), add.end(),
             std::back_inserter(merged), ByTerm);
  sum->clear();
  for (const WeightedTerm& t : merged) {
    if (!sum->empty() && sum->back().term == t.term) {
      sum->back().weight += t.weight;
    } else {
      sum->push_back(t);
    }
  }
  if (sum->size() > cap) {
    std::nth_element(sum->begin(), sum->begin() + cap, sum->end(),
                     ByWeightDesc);
    sum->resize(cap);
    std::sort(sum->begin(), sum->end(), ByTerm);
  }
}

// Adds each key of `keys` to the sorted (key, count) list.
void AddCounts(const std::vector<uint32_t>& keys,
               std::vector<std::pair<uint32_t, int>>* counts) {
  for (uint32_t k : keys) {
    auto it = std::lower_bound(counts->begin(), counts->end(),
                               std::make_pair(k, INT32_MIN));
    if (it != counts->end() && it->first == k) {
      ++it->second;
    } else {
      counts->insert(it, {k, 1});
    }
  }
}

std::vector<uint32_t> TopKeys(std::vector<std::pair<uint32_t, int>> counts,
                              size_t n) {
  if (counts.size() > n) {
    std::partial_sort(
        counts.begin(), counts.begin() + n, counts.end(),
        [](const auto& a, const auto& b) { return a.second > b.second; });
    counts.resize(n);
  }
  std::vector<uint32_t> keys;
  for (const auto& [k, c] : counts) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  return keys;
}

template <typename T>
void UnionInto(const std::vector<T>& add, std::vector<T>* into) {
  if (into->size() >= kProfileFacts) return;
  std::vector<T> merged;
  std::set_union(into->begin(), into->end(), add.begin(), add.end(),
                 std::back_inserter(merged));
  if (merged.size() > kProfileFacts) merged.resize(kProfileFacts);
  *into = std::move(merged);
}

}  // namespace

StoryIndex::StoryIndex(const TextTables& tables, StoryOptions options)
    : text_tables_(tables), options_(options) {}

int32_t StoryIndex::DayOf(std::string_view date) const {
  return DayNumber(date).value_or(kNoDay);
}

void StoryIndex::Advance(int32_t day) {
  if (day != kNoDay) clock_.Observe(day);
  std::optional<int32_t> now = clock_.Now();
  if (!now) return;
  const int64_t lo = int64_t{*now} - options_.window_days;
  const int64_t hi = int64_t{*now} + options_.window_days;
  auto stale = [&](const DayId& e) {
    return (e.first < lo || e.first > hi) &&
           stories_.at(e.second).last_seq + options_.grace_reports <= seq_;
  };
  while (!expiry_.empty() && stale(*expiry_.begin()))
    Evict(expiry_.begin()->second);
  while (!expiry_.empty() && stale(*expiry_.rbegin()))
    Evict(expiry_.rbegin()->second);
}

void StoryIndex::EvictUndated() {
  while (!undated_.empty() &&
         undated_.front().first + options_.undated_window < seq_) {
    auto [seq, id] = undated_.front();
    undated_.pop_front();
    auto it = stories_.find(id);
    if (it != stories_.end() && it->second.last_day == kNoDay &&
        it->second.last_seq == seq)
      Evict(id);
  }
}

void StoryIndex::Evict(int64_t story_id) {
  Story& s = stories_.at(story_id);
  if (s.last_day != kNoDay) expiry_.erase({s.last_day, s.id});
  for (uint32_t term : s.indexed) {
    auto p = postings_.find(term);
    if (p == postings_.end()) continue;
    auto& ids = p->second;
    auto it = std::find(ids.begin(), ids.end(), story_id);  // old: near front
    if (it != ids.end()) ids.erase(it);
    if (ids.empty()) postings_.erase(p);
  }
  for (int64_t alias : s.aliases) alias_.erase(alias);
  stories_.erase(story_id);
}

StoryIndex::Story& StoryIndex::Create(int64_t story_id, int32_t day) {
  Story& s = stories_[story_id];
  s.id = story_id;
  next_id_ = std::max(next_id_, story_id + 1);
  return s;
}

void StoryIndex::Update(Story& s, int32_t day, const StoryFeatures& f) {
  if (day != kNoDay) {
    if (s.last_day != kNoDay) expiry_.erase({s.last_day, s.id});
    s.first_day = s.first_day == kNoDay ? day : std::min(s.first_day, day);
    s.last_day = s.last_day == kNoDay ? day : std::max(s.last_day, day);
  }
  s.last_seq = ++seq_;
  if (s.last_day == kNoDay) undated_.push_back({s.last_seq, s.id});
  if (options_.profile_reports > 0 &&
      static_cast<size_t>(s.reports) >= options_.profile_reports) {
    ++s.reports;  // joins without moving the profile
    if (s.titles.size() < options_.kept_titles && !f.title.empty() &&
        std::find(s.titles.begin(), s.titles.end(), f.title) ==
            s.titles.end()) {
      s.titles.push_back(f.title);
    }
    if (s.last_day != kNoDay) expiry_.insert({s.last_day, s.id});
    return;
  }
  AddToSum(f.terms, 2 * options_.profile_terms, &s.sum);
  AddCounts(f.title_terms, &s.title_counts);
  AddCounts(f.entities, &s.entity_counts);
  if (s.profile.event_day == kNoDay) s.profile.event_day = f.event_day;
  // The story's kinds are those its anchor reports told (like its event day,
  // they do not drift as later reports join).
  if (s.recent.size() < options_.kept_members)
    s.profile.lead_kinds |= f.lead_kinds;
  UnionInto(f.dates, &s.profile.dates);
  UnionInto(f.numbers, &s.profile.numbers);
  if (s.recent.size() < options_.kept_members) {
    s.recent.push_back(f);
  } else if (options_.kept_members > 0 && !options_.anchor_members) {
    s.recent[s.recent_next] = f;
    s.recent_next = (s.recent_next + 1) % options_.kept_members;
  }
  if (s.titles.size() < options_.kept_titles && !f.title.empty() &&
      std::find(s.titles.begin(), s.titles.end(), f.title) == s.titles.end()) {
    s.titles.push_back(f.title);
  }
  ++s.reports;
  RebuildProfile(s);
  IndexTerms(s);
  if (s.last_day != kNoDay) expiry_.insert({s.last_day, s.id});
}

void StoryIndex::RebuildProfile(Story& s) {
  std::vector<WeightedTerm>& terms = s.profile.terms;
  terms = s.sum;
  if (terms.size() > options_.profile_terms) {
    std::nth_element(terms.begin(), terms.begin() + options_.profile_terms,
                     terms.end(), ByWeightDesc);
    terms.resize(options_.profile_terms);
    std::sort(terms.begin(), terms.end(), ByTerm);
  }
  double norm = 0;
  for (const WeightedTerm& t : terms) norm += double{t.weight} * t.weight;
  norm = std::sqrt(norm);
  for (WeightedTerm& t : terms) t.weight = norm > 0 ? t.weight / norm : 0;
  s.profile.title_terms = TopKeys(s.title_counts, kProfileTitleTerms);
  s.profile.entities = TopKeys(s.entity_counts, kProfileEntities);
  s.profile.day = kNoDay;  // the time penalty is applied in Score()
}

void StoryIndex::IndexTerms(Story& s) {
  std::vector<WeightedTerm> top = s.profile.terms;
  size_t n = std::min(top.size(), options_.index_terms);
  std::partial_sort(top.begin(), top.begin() + n, top.end(), ByWeightDesc);
  for (size_t i = 0; i < n; ++i) {
    uint32_t term = top[i].term;
    auto it = std::lower_bound(s.indexed.begin(), s.indexed.end(), term);
    if (it != s.indexed.end() && *it == term) continue;
    s.indexed.insert(it, term);
    std::vector<int64_t>& ids = postings_[term];
    ids.push_back(s.id);
    if (ids.size() > options_.max_posting) {
      ids.erase(ids.begin(), ids.begin() + ids.size() / 4);  // oldest quarter
    }
  }
}

double StoryIndex::Score(const Story& s, int32_t day,
                         const StoryFeatures& f) const {
  double best = Similarity(f, s.profile);
  if (day != kNoDay && s.first_day != kNoDay) {
    int gap = day < s.first_day  ? s.first_day - day
              : day > s.last_day ? day - s.last_day
                                 : 0;
    best = std::max(0.0, best - DayGapPenalty(gap));
  }
  // Members can only matter for a story already close to the report.
  if (best < kMemberFloor || s.recent.empty()) return best;
  double member = 0;
  for (const StoryFeatures& m : s.recent)
    member = std::max(member, Similarity(f, m));
  // The profile grew from every report that joined; it may lift the report
  // only a little above the story's own members (its anchor), so that later
  // joiners cannot pull in what the anchor reports do not tell.
  if (options_.profile_lift >= 0)
    best = std::min(best, member + options_.profile_lift);
  return std::max(best, member);
}

bool StoryIndex::Joinable(const Story& s, int32_t day) const {
  return options_.max_span_days <= 0 || day == kNoDay ||
         s.first_day == kNoDay || day - s.first_day <= options_.max_span_days;
}

std::vector<int64_t> StoryIndex::Candidates(const StoryFeatures& f) {
  std::vector<WeightedTerm> top = f.terms;
  size_t n = std::min(top.size(), options_.query_terms);
  std::partial_sort(top.begin(), top.begin() + n, top.end(), ByWeightDesc);
  if (acc_keys_.empty()) {
    size_t cap = 1024;
    while (cap < 2 * options_.query_terms * options_.max_posting) cap *= 2;
    acc_keys_.assign(cap, 0);
    acc_vals_.assign(cap, 0);
  }
  const size_t mask = acc_keys_.size() - 1;
  acc_used_.clear();
  for (size_t i = 0; i < n; ++i) {
    auto p = postings_.find(top[i].term);
    if (p == postings_.end()) continue;
    const float w = top[i].weight;
    for (int64_t id : p->second) {
      size_t h = static_cast<size_t>(
                     static_cast<uint64_t>(id) * 0x9E3779B97F4A7C15ull >> 20) &
                 mask;
      while (acc_keys_[h] != 0 && acc_keys_[h] != id) h = (h + 1) & mask;
      if (acc_keys_[h] == 0) {
        acc_keys_[h] = id;
        acc_vals_[h] = 0;
        acc_used_.push_back(static_cast<uint32_t>(h));
      }
      acc_vals_[h] += w;
    }
  }
  std::vector<std::pair<float, int64_t>> ranked;
  ranked.reserve(acc_used_.size());
  for (uint32_t h : acc_used_) {
    ranked.push_back({acc_vals_[h], acc_keys_[h]});
    acc_keys_[h] = 0;
  }
  size_t k = std::min(ranked.size(), options_.max_candidates);
  std::partial_sort(ranked.begin(), ranked.begin() + k, ranked.end(),
                    std::greater<>());
  std::vector<int64_t> ids;
  for (size_t i = 0; i < k; ++i) {
    if (stories_.count(ranked[i].second)) ids.push_back(ranked[i].second);
  }
  return ids;
}

const StoryFeatures* StoryIndex::FirstReport(int64_t story_id) const {
  auto it = stories_.find(story_id);
  if (it == stories_.end() || it->second.recent.empty()) return nullptr;
  return &it->second.recent.front();
}

void StoryIndex::Link(int64_t a, int64_t b) {
  a = Resolve(a);
  b = Resolve(b);
  if (a == b) return;
  for (auto [x, y] : {std::pair{a, b}, std::pair{b, a}}) {
    auto it = stories_.find(x);
    if (it == stories_.end()) continue;
    std::vector<int64_t>& rel = it->second.related;
    if (rel.size() < options_.max_related &&
        std::find(rel.begin(), rel.end(), y) == rel.end()) {
      rel.push_back(y);
    }
  }
}

int64_t StoryIndex::Resolve(int64_t story_id) const {
  auto it = alias_.find(story_id);
  return it == alias_.end() ? story_id : it->second;
}

bool StoryIndex::Mergeable(const Story& a, const Story& b) const {
  // One happening's first reports come within a day of each other (no split
  // of the SaudiNewsNet dev gold lies 2 or more days apart; Stories round 10).
  if (a.first_day != kNoDay && b.first_day != kNoDay &&
      std::abs(a.first_day - b.first_day) > 1)
    return false;
  if (options_.merge_max_reports > 0 &&
      std::min(a.reports, b.reports) > options_.merge_max_reports)
    return false;
  double anchors = 0;
  for (const StoryFeatures& m : a.recent)
    for (const StoryFeatures& n : b.recent)
      anchors = std::max(anchors, Similarity(m, n));
  return anchors >= options_.merge_floor;
}

void StoryIndex::Merge(Story& a, int64_t from) {
  Story& b = stories_.at(from);
  if (a.last_day != kNoDay) expiry_.erase({a.last_day, a.id});
  if (b.first_day != kNoDay) {
    a.first_day = a.first_day == kNoDay ? b.first_day
                                        : std::min(a.first_day, b.first_day);
    a.last_day =
        a.last_day == kNoDay ? b.last_day : std::max(a.last_day, b.last_day);
  }
  AddToSum(b.sum, 2 * options_.profile_terms, &a.sum);
  for (auto [counts, add] : {std::pair{&a.title_counts, &b.title_counts},
                             std::pair{&a.entity_counts, &b.entity_counts}}) {
    for (const auto& [k, c] : *add) {
      auto it = std::lower_bound(counts->begin(), counts->end(),
                                 std::make_pair(k, INT32_MIN));
      if (it != counts->end() && it->first == k) {
        it->second += c;
      } else {
        counts->insert(it, {k, c});
      }
    }
  }
  if (a.profile.event_day == kNoDay) a.profile.event_day = b.profile.event_day;
  a.profile.lead_kinds |= b.profile.lead_kinds;
  UnionInto(b.profile.dates, &a.profile.dates);
  UnionInto(b.profile.numbers, &a.profile.numbers);
  for (StoryFeatures& m : b.recent) {
    if (a.recent.size() >= options_.kept_members) break;
    a.recent.push_back(std::move(m));
  }
  for (std::string& t : b.titles) {
    if (a.titles.size() >= options_.kept_titles) break;
    if (std::find(a.titles.begin(), a.titles.end(), t) == a.titles.end())
      a.titles.push_back(std::move(t));
  }
  a.reports += b.reports;
  a.last_seq = std::max(a.last_seq, b.last_seq);
  for (int64_t r : b.related) {
    if (r != a.id && a.related.size() < options_.max_related &&
        std::find(a.related.begin(), a.related.end(), r) == a.related.end())
      a.related.push_back(r);
  }
  std::erase(a.related, b.id);
  b.aliases.push_back(b.id);
  for (int64_t alias : b.aliases) {
    alias_[alias] = a.id;
    a.aliases.push_back(alias);
  }
  b.aliases.clear();
  Evict(from);
  RebuildProfile(a);
  IndexTerms(a);
  if (a.last_day != kNoDay) expiry_.insert({a.last_day, a.id});
}

Assignment StoryIndex::Add(int64_t article_id, std::string_view date,
                           const StoryFeatures& features) {
  const int32_t day = DayOf(date);
  Advance(day);
  EvictUndated();
  StoryFeatures f = features;
  f.day = day;
  std::vector<std::pair<double, int64_t>> scored;
  for (int64_t id : Candidates(f)) {
    scored.push_back({Score(stories_.at(id), day, f), id});
  }
  std::sort(scored.begin(), scored.end(), std::greater<>());
  Assignment a;
  for (const auto& [score, id] : scored) {
    if (score < options_.join_threshold) break;
    if (!Joinable(stories_.at(id), day)) continue;
    a.story_id = id;
    a.score = score;
    break;
  }
  if (a.story_id == 0) {
    a.story_id = next_id_;
    a.is_new_story = true;
    Create(next_id_, day);
  }
  // Stories to merge with the joined one, judged by their reports before
  // this one joins (the anchors' own likeness, not the bridging report's).
  std::vector<int64_t> merge;
  if (options_.merge_threshold > 0 && !a.is_new_story &&
      a.score >= options_.merge_threshold) {
    for (const auto& [score, id] : scored) {
      if (score < options_.merge_threshold) break;
      if (id == a.story_id) continue;
      const Story& other = stories_.at(id);
      if (Joinable(other, day) && Mergeable(stories_.at(a.story_id), other))
        merge.push_back(id);
    }
  }
  Update(stories_.at(a.story_id), day, f);
  for (int64_t id : merge) {
    // The older story (the smaller id) keeps its id.
    const int64_t keep = std::min(a.story_id, id);
    const int64_t gone = std::max(a.story_id, id);
    Merge(stories_.at(keep), gone);
    a.merged.push_back(gone);
    a.story_id = keep;
  }
  for (const auto& [score, id] : scored) {
    if (id == a.story_id || score < options_.related_threshold) continue;
    if (std::find(a.merged.begin(), a.merged.end(), id) != a.merged.end())
      continue;
    if (score >= options_.join_threshold && !a.is_new_story &&
        Joinable(stories_.at(id), day))
      continue;
    Link(a.story_id, id);
    a.related.push_back(id);
  }
  return a;
}

void StoryIndex::Join(int64_t article_id, int64_t story_id,
                      std::string_view date, const StoryFeatures& features) {
  const int32_t day = DayOf(date);
  Advance(day);
  StoryFeatures f = features;
  f.day = day;
  story_id = Resolve(story_id);
  auto it = stories_.find(story_id);
  Story& s = it != stories_.end() ? it->second : Create(story_id, day);
  Update(s, day, f);
}

void StoryIndex::Restore(int64_t article_id, int64_t story_id,
                         std::string_view date, const StoryFeatures& features,
                         std::span<const int64_t> related) {
  Join(article_id, story_id, date, features);
  for (int64_t r : related) Link(story_id, r);
}

std::optional<StoryInfo> StoryIndex::Info(int64_t story_id) const {
  auto it = stories_.find(story_id);
  if (it == stories_.end()) return std::nullopt;
  const Story& s = it->second;
  return StoryInfo{s.id,       ChooseTitle(text_tables_, s.titles),
                   s.reports,  s.first_day,
                   s.last_day, s.related};
}

std::vector<int64_t> StoryIndex::LiveStories() const {
  std::vector<int64_t> ids;
  for (const auto& [id, s] : stories_) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

size_t StoryIndex::MemoryBytes() const {
  auto features_bytes = [](const StoryFeatures& f) {
    return sizeof(StoryFeatures) + f.terms.capacity() * sizeof(WeightedTerm) +
           (f.title_terms.capacity() + f.entities.capacity()) * 4 +
           f.dates.capacity() * 2 + f.numbers.capacity() * 4 +
           f.title.capacity();
  };
  size_t bytes = stories_.bucket_count() * sizeof(void*) + expiry_.size() * 16 +
                 undated_.size() * 16;
  for (const auto& [id, s] : stories_) {
    bytes += sizeof(Story) + 32 + s.sum.capacity() * sizeof(WeightedTerm) +
             (s.title_counts.capacity() + s.entity_counts.capacity()) * 8 +
             features_bytes(s.profile) + s.indexed.capacity() * 4 +
             s.related.capacity() * 8;
    for (const StoryFeatures& m : s.recent) bytes += features_bytes(m);
    for (const std::string& t : s.titles)
      bytes += sizeof(std::string) + t.capacity();
  }
  for (const auto& [term, ids] : postings_) bytes += 48 + ids.capacity() * 8;
  bytes += alias_.bucket_count() * sizeof(void*) + alias_.size() * 32;
  bytes += acc_keys_.capacity() * 8 + acc_vals_.capacity() * 4 +
           acc_used_.capacity() * 4;
  return bytes;
}

}  // namespace marsad
