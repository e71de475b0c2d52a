#include "src/facts/compare.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <set>

#include "src/base/data.h"
#include "src/facts/claim_source.h"
#include "src/facts/lexicon.h"
#include "src/facts/util.h"
#include "src/text/dates.h"

namespace marsad {

namespace {

using json = nlohmann::json;

constexpr const char* kCasualtyKinds[] = {
    "killed",  "injured",  "killed_or_injured",
    "missing", "arrested", "kidnapped"};

bool IsCasualty(const std::string& slot) {
  for (const char* k : kCasualtyKinds) {
    if (slot == k) return true;
  }
  return false;
}

struct Range {
  double lo, hi;
};

// A figure's range. An approximate figure (نحو 150) stands for ±10%; a
// vague quantity (عشرات، مئات) keeps its range.
Range RangeOf(const Claim& c) {
  double lo = c.min, hi = c.max;
  if (c.approximate && hi == lo) {
    lo *= 0.9;
    hi *= 1.1;
  }
  return {lo, hi};
}

// A vague quantity (عشرات = 20-99, مئات، آلاف) says "many", not a count: it
// is shown but never contests a figure.
bool Vague(const Claim& c) {
  return std::isfinite(c.max) && c.max >= 3 * std::max(c.min, 1.0);
}

// A figure of exactly one victim.
bool OneVictim(const Claim& c) { return c.min == 1 && c.max == 1; }

// Figures differ when their ranges are apart by more than a quarter: 17 and
// 18 dead, 12 and 14 are the same count at different minutes.
bool FiguresDiffer(const Claim& a, const Claim& b) {
  Range x = RangeOf(a), y = RangeOf(b);
  if (x.lo > y.hi) std::swap(x, y);
  if (x.hi >= y.lo) return false;
  return y.lo > 1.25 * x.hi && y.lo - x.hi > 2;
}

// Two reports' figures are comparable when one report gives both or they
// were published within three hours: a toll that grew over the day is a
// timeline, not a dispute.
constexpr double kComparableSeconds = 3 * 3600;
constexpr double kRiseSeconds = 3600;

int KindWeight(const std::string& kind) {
  if (kind == "killed") return 6;
  if (kind == "killed_or_injured" || kind == "injured") return 5;
  if (kind == "missing") return 4;
  if (kind == "occurred" || kind == "weapon") return 3;
  if (kind == "responsibility" || kind == "presence") return 2;
  return 1;
}

// The point kind of a claim's slot ("" = not a point).
std::string PointKind(const std::string& slot) {
  if (IsCasualty(slot)) return slot;
  if (slot.rfind("presence:", 0) == 0) return "presence";
  if (slot == "attack") return "occurred";
  if (slot.rfind("weapon:", 0) == 0) return "weapon";
  if (slot == "responsibility" || slot == "responsibility:doer")
    return "responsibility";
  if (slot.rfind("other:", 0) == 0) return "other";
  return "";
}

// The alias key of a folded party name: the longest form of
// data/facts/parties.tsv it begins with (whole words), "" when none.
std::string PartyAlias(const FactsLexicon& lex, std::string_view folded) {
  std::string best, key;
  for (const auto& [form, k] : lex.party_aliases) {
    if (form.size() <= best.size() || folded.size() < form.size() ||
        folded.compare(0, form.size(), form) != 0)
      continue;
    if (folded.size() > form.size() && folded[form.size()] != ' ') continue;
    best = form;
    key = k;
  }
  return key;
}

class Comparer {
 public:
  Comparer(const FactsLexicon& lex, const std::vector<const Document*>& reports)
      : lex_(lex), reports_(reports) {}

  Comparison Run() {
    Collect();
    StoryDay();
    Matrix();
    Points();
    for (ContestedPoint& p : c_.points) Conflicts(&p);
    AllegationsOnce();
    Rank();
    Disagreements();
    return std::move(c_);
  }

 private:
  void Collect() {
    for (const Document* d : reports_) {
      std::string outlet = OutletLabel(*d);
      if (std::find(c_.outlets.begin(), c_.outlets.end(), outlet) ==
          c_.outlets.end()) {
        c_.outlets.push_back(outlet);
      }
      std::set<std::string> seen;
      for (const Claim& cl : d->claims) {
        std::string dedup =
            cl.slot + "|" + cl.value + "|" + cl.speaker + "|" + cl.modality;
        if (!seen.insert(dedup).second) continue;
        ComparedClaim cc;
        cc.article = d->id;
        cc.outlet = outlet;
        cc.claim = cl;
        if (cl.span.end <= d->text.size())
          cc.text = std::string(cl.span.In(d->text));
        int q = QuoteContaining(*d, cl.span);
        if (q >= 0) cc.via = d->quotes[q].via;
        docs_.push_back(d);
        time_.push_back(EpochSeconds(d->published));
        c_.claims.push_back(std::move(cc));
      }
    }
  }

  static int SlotRank(const std::string& slot) {
    if (IsCasualty(slot)) return 0;
    if (slot.rfind("presence:", 0) == 0) return 1;
    if (slot == "attack") return 2;
    return 3;
  }

  void Matrix() {
    std::vector<std::string> slots;
    for (const ComparedClaim& cc : c_.claims) {
      if (std::find(slots.begin(), slots.end(), cc.claim.slot) == slots.end()) {
        slots.push_back(cc.claim.slot);
      }
    }
    std::stable_sort(slots.begin(), slots.end(),
                     [](const std::string& a, const std::string& b) {
                       return SlotRank(a) < SlotRank(b);
                     });
    for (const std::string& slot : slots) {
      ComparisonRow row;
      row.slot = slot;
      for (const std::string& outlet : c_.outlets) {
        ComparisonCell cell;
        cell.outlet = outlet;
        for (size_t i = 0; i < c_.claims.size(); ++i) {
          if (c_.claims[i].claim.slot == slot &&
              c_.claims[i].outlet == outlet) {
            cell.claims.push_back(static_cast<int>(i));
          }
        }
        if (!cell.claims.empty()) row.cells.push_back(std::move(cell));
      }
      c_.matrix.push_back(std::move(row));
    }
  }

  // Who holds a claim: the head of its speaker (folded), else the outlet
  // itself. The head drops a role (مدير، المتحدث باسم) and keeps one word,
  // or two after a generic noun (وزارة الصحة، مصادر طبية): "مدير المرصد
  // رامي عبد الرحمن" and "المرصد السوري لحقوق الإنسان" are one source, and
  // a source that updates its own toll does not dispute it.
  std::string SourceKey(int i) const {
    const ComparedClaim& cc = c_.claims[i];
    if (cc.claim.speaker.empty()) return "outlet:" + cc.outlet;
    static const std::set<std::string, std::less<>> kRole = [] {
      std::set<std::string, std::less<>> s;
      for (const fk::FoldedWord& w : fk::kRoleWords) s.emplace(w.folded);
      return s;
    }();
    static const std::set<std::string, std::less<>> kGeneric = [] {
      std::set<std::string, std::less<>> s;
      for (const fk::FoldedWord& w : fk::kGenericSourceWords)
        s.emplace(w.folded);
      return s;
    }();
    std::vector<std::string> words;
    const std::string folded = lex_.Fold(cc.claim.speaker);
    // A name before its role (فرانس بارونغ المتحدث باسم شرطة جاوة، ديمتري
    // بيسكوف المتحدث باسم الكرملين) speaks for the body after the role, as
    // the role before the name does.
    std::vector<std::string_view> all = Split(folded, ' ');
    size_t from = 0;
    for (size_t k = 1; k + 1 < all.size() && from == 0; ++k) {
      if (kRole.count(all[k]) && !kRole.count(all[0])) from = k;
    }
    for (size_t k = from; k < all.size(); ++k) {
      std::string x(all[k]);
      if (!x.empty() && x[0] == '#') x.erase(0, 1);
      if (x.size() > 6 && KeyStarts(x, "\xD9\x84\xD9\x84"))
        x = WithoutLam(x);  // للمرصد → المرصد
      if (x.size() > 6 && x.compare(0, 4, "\xD8\xA7\xD9\x84") == 0 &&
          !kGeneric.count(x))
        x.erase(0, 4);
      if (x.empty() || kRole.count(x) || kRole.count("\xD8\xA7\xD9\x84" + x))
        continue;
      words.push_back(x);
    }
    if (words.empty()) return lex_.Fold(cc.claim.speaker);
    std::string key = words[0];
    if (words.size() > 1 && (kGeneric.count(words[0]) ||
                             kGeneric.count("\xD8\xA7\xD9\x84" + words[0]))) {
      key += " " + words[1];
    }
    return key;
  }

  // The value a position stands for: the figure, the modality of an
  // assertion, or the party held responsible.
  std::string ValueKey(int i) const {
    const Claim& cl = c_.claims[i].claim;
    if (IsCasualty(cl.slot)) return cl.value;
    // A cause and its denial: accident, deliberate, accident:denied.
    if (cl.slot == "weapon:cause" || cl.slot == "other:deliberate" ||
        cl.slot == "other:interception" || cl.slot == "other:legality" ||
        cl.slot == "other:talks" || cl.slot == "other:began")
      return cl.value + (cl.modality == "denied" ? ":denied" : "");
    if (cl.modality == "denied") return "denied";
    if (cl.slot == "responsibility" || cl.slot == "responsibility:doer")
      return PartyKey(cl.value);
    if (cl.slot == "other:control") return cl.value;  // asserted | partial
    return "asserted";
  }

  // A party: its alias key (data/facts/parties.tsv: "تنظيم الدولة
  // الإسلامية" and "تنظيم داعش" are one party, "فيلق القدس" is Iran's),
  // else its first word without the article: "الجيش الإسرائيلي" and
  // "الجيش" are one party.
  std::string PartyKey(const std::string& v) const {
    std::string k = lex_.Fold(v);
    std::string alias = PartyAlias(lex_, k);
    if (alias.empty()) {
      // A leading generic noun (تنظيم داعش، جماعة الحوثي) names no party.
      static const std::set<std::string, std::less<>> kGeneric = [] {
        std::set<std::string, std::less<>> s;
        for (const fk::FoldedWord& w : fk::kGenericPartyWords)
          s.emplace(w.folded);
        return s;
      }();
      size_t sp = k.find(' ');
      if (sp != std::string::npos && kGeneric.count(k.substr(0, sp)))
        alias = PartyAlias(lex_, k.substr(sp + 1));
      // A state noun and a nation's adjective (الدولة الروسية، الحكومة
      // البريطانية: points.tsv state_noun) name the nation's party.
      if (alias.empty() && sp != std::string::npos &&
          lex_.points.HasFolded(StripWa(k.substr(0, sp)), "state_noun")) {
        std::string adj = k.substr(sp + 1);
        adj = adj.substr(0, adj.find(' '));
        if (adj.size() > 6 && adj.compare(0, 4, "\xD8\xA7\xD9\x84") == 0)
          adj.erase(0, 4);
        alias = PartyAlias(lex_, adj);
      }
    }
    if (!alias.empty()) return "=" + alias;
    k = k.substr(0, k.find(' '));
    if (k.size() > 6 && k.compare(0, 4, "\xD8\xA7\xD9\x84") == 0) k.erase(0, 4);
    return k;
  }

  // The happening's day: the day most casualty figures' events are dated
  // to (NaN when none is).
  void StoryDay() {
    std::map<std::string, int> days;
    for (size_t i = 0; i < c_.claims.size(); ++i) {
      const Claim& cl = c_.claims[i].claim;
      const Document* d = docs_[i];
      if (!IsCasualty(cl.slot) || cl.event < 0 ||
          cl.event >= static_cast<int>(d->events.size()))
        continue;
      const std::string& date = d->events[cl.event].date;
      if (date.size() == 10 && date[0] != '-') ++days[date];
    }
    int best = 0;
    for (const auto& [date, n] : days) {
      if (n > best) {
        best = n;
        story_day_ = EpochSeconds(date);
      }
    }
  }

  // Whether event e is dated (to the day or the month; with `year`, to a
  // bare year too) more than a week before the happening's day (else the
  // report's publication). A month stands for its last days, a year for
  // its last day.
  bool EarlierEvent(const marsad::Event& e, double published,
                    bool year = false) const {
    if (!std::isnan(story_day_)) published = story_day_;
    std::string date = e.date;
    if (date.size() == 7) date += "-28";             // a month: its last days
    if (date.size() == 4 && year) date += "-12-31";  // a year: its last day
    if (date.size() != 10 || date[0] == '-') return false;
    double day = EpochSeconds(date);
    return !std::isnan(day) && !std::isnan(published) &&
           published - day > 7 * 86400.0;
  }

  // A figure of an earlier incident the report recalls (the year's other
  // crashes, "in 6 March ..."): its own event is dated more than a week
  // before the happening's day, also by a bare year (وكان 500 شخص لقوا
  // مصرعهم في انفجار ... في أكتوبر من العام الماضي: the event of "last
  // year"), or it is undated and follows an event dated to a day or a
  // month before it in the report (the background a report ends with; a
  // year named in passing, منذ حرب عام 2014، ends no report's present).
  // No point of this story.
  bool EarlierIncident(int i) const {
    const Claim& cl = c_.claims[i].claim;
    const Document* d = docs_[i];
    if (!IsCasualty(cl.slot)) return false;
    bool own = cl.event >= 0 && cl.event < static_cast<int>(d->events.size());
    if (own && EarlierEvent(d->events[cl.event], time_[i], /*year=*/true))
      return true;
    if (own && d->events[cl.event].date.size() >= 7) return false;
    for (const marsad::Event& e : d->events) {
      if (e.sentence.begin < cl.span.begin && EarlierEvent(e, time_[i]))
        return true;
    }
    return false;
  }

  // The point a claim belongs to: kind and slot, and for figures the scope.
  // Past events (an anniversary, an earlier year) are no point of this story.
  bool PointOf(int i, std::string* kind, std::string* about,
               std::string* scope) const {
    const Claim& cl = c_.claims[i].claim;
    *kind = PointKind(cl.slot);
    if (kind->empty() || cl.scope == "past" || cl.scope == "other" ||
        EarlierIncident(i))
      return false;
    // أعلن داعش مسؤوليته عن هجوم الشهر الماضي: the claim of an earlier
    // attack the report recalls.
    if (*kind == "responsibility" && PastSentence(i)) return false;
    // An allegation is the story's point only when its charge is the
    // story's subject, and a denial only when it answers such an
    // allegation: a rouble story's line on a denied poisoning is
    // background.
    if (cl.slot == "other:allegation") {
      if (cl.modality != "denied") {
        if (!OnTopic(i)) return false;
      } else {
        bool answers = false;
        for (size_t j = 0; j < c_.claims.size() && !answers; ++j) {
          int k = static_cast<int>(j);
          answers = c_.claims[j].claim.slot == cl.slot &&
                    c_.claims[j].claim.modality != "denied" && OnTopic(k) &&
                    Answers(i, k);
        }
        if (!answers) return false;
      }
    }
    // The doer of a strike is one more position on who is responsible.
    *about = *kind == "responsibility" ? *kind : cl.slot;
    *scope = Wider(i) ? "wider" : "incident";
    if (cl.scope == "part") *about += ":part";
    return true;
  }

  void Points() {
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < c_.claims.size(); ++i) {
      std::string kind, about, scope;
      if (!PointOf(static_cast<int>(i), &kind, &about, &scope)) continue;
      std::string key = about + "|" + scope;
      auto [it, fresh] = index.emplace(key, c_.points.size());
      if (fresh) {
        ContestedPoint p;
        p.kind = kind;
        p.about = about;
        p.scope = scope;
        c_.points.push_back(std::move(p));
      }
      AddToPoint(&c_.points[it->second], static_cast<int>(i));
    }
    CombinedCounts();
  }

  // A combined count (killed or injured) takes in the figures of one kind
  // it clearly contradicts, so that the point shows both.
  void CombinedCounts() {
    for (ContestedPoint& p : c_.points) {
      if (p.about != "killed_or_injured" || p.scope != "incident") continue;
      std::vector<int> mine;
      for (const PointPosition& pos : p.positions)
        mine.insert(mine.end(), pos.claims.begin(), pos.claims.end());
      for (size_t i = 0; i < c_.claims.size(); ++i) {
        const Claim& cl = c_.claims[i].claim;
        if ((cl.slot != "killed" && cl.slot != "injured") ||
            (cl.scope != "incident" && cl.scope != "wider") ||
            Wider(static_cast<int>(i)))
          continue;
        bool timeline = false, differ = false;
        for (int k : mine) differ |= Differ(k, static_cast<int>(i), &timeline);
        if (differ) AddToPoint(&p, static_cast<int>(i));
      }
    }
  }

  void AddToPoint(ContestedPoint* p, int i) {
    const ComparedClaim& cc = c_.claims[i];
    std::string value = ValueKey(i), source = SourceKey(i);
    for (PointPosition& pos : p->positions) {
      const ComparedClaim& first = c_.claims[pos.claims[0]];
      if (ValueKey(pos.claims[0]) == value &&
          SourceKey(pos.claims[0]) == source &&
          first.claim.slot == cc.claim.slot) {
        Join(&pos, i);
        return;
      }
    }
    PointPosition pos;
    pos.value = cc.claim.value;
    pos.slot = cc.claim.slot;
    pos.min = cc.claim.min;
    pos.max = cc.claim.max;
    pos.approximate = cc.claim.approximate;
    pos.modality = cc.claim.modality;
    pos.source = cc.claim.speaker;
    Join(&pos, i);
    p->positions.push_back(std::move(pos));
  }

  void Join(PointPosition* pos, int i) {
    const ComparedClaim& cc = c_.claims[i];
    bool new_article = true;
    for (int k : pos->claims) new_article &= c_.claims[k].article != cc.article;
    pos->claims.push_back(i);
    if (std::find(pos->outlets.begin(), pos->outlets.end(), cc.outlet) ==
        pos->outlets.end()) {
      pos->outlets.push_back(cc.outlet);
    }
    if (!new_article) return;
    ++pos->reports;
    const std::string& published = docs_[i]->published;
    // The earliest report; undated reports keep the order they came in.
    bool earlier = pos->first_article == 0 ||
                   (!published.empty() &&
                    (pos->first_seen.empty() ||
                     EpochSeconds(published) < EpochSeconds(pos->first_seen)));
    if (earlier) {
      pos->first_seen = published;
      pos->first_article = cc.article;
    }
  }

  bool Comparable(int a, int b) const {
    if (c_.claims[a].article == c_.claims[b].article) return true;
    double ta = time_[a], tb = time_[b];
    if (std::isnan(ta) || std::isnan(tb))
      return true;  // no dates: no timeline either
    return std::fabs(ta - tb) <= kComparableSeconds;
  }

  // A toll that rose: the later report, more than an hour after the
  // earlier one, gives the higher figure (13 injured at dawn, 35 three hours
  // later), and no report after the higher figure goes back below it. Voices
  // an hour apart, a later report with a lower figure, or a higher count
  // that another voice keeps contradicting afterwards (a ministry at 8, 14,
  // 21 while civil defence holds 30) still disagree.
  bool Rose(int a, int b) const {
    if (c_.claims[a].article == c_.claims[b].article) return false;
    double ta = time_[a], tb = time_[b];
    if (std::isnan(ta) || std::isnan(tb) || std::fabs(ta - tb) <= kRiseSeconds)
      return false;
    if (ta > tb) std::swap(a, b);
    if (RangeOf(c_.claims[b].claim).lo <= RangeOf(c_.claims[a].claim).hi)
      return false;
    return !FellBackAfter(b);
  }

  // Whether a later report of the same count (slot, incident, population)
  // gives a figure clearly below claim `high`: the series is then two
  // voices apart, not one toll rising.
  bool FellBackAfter(int high) const {
    const Claim& h = c_.claims[high].claim;
    for (size_t k = 0; k < c_.claims.size(); ++k) {
      const Claim& o = c_.claims[k].claim;
      int i = static_cast<int>(k);
      if (i == high || o.slot != h.slot || o.scope != h.scope ||
          o.modality == "denied" || std::isnan(time_[i]) ||
          time_[i] <= time_[high])
        continue;
      if (!SameIncident(i, high) || !SamePopulation(i, high) ||
          !SamePlace(i, high))
        continue;
      if (OneVictim(o) != OneVictim(h) || Vague(o)) continue;
      if (RangeOf(o).hi < RangeOf(h).lo && FiguresDiffer(o, h)) return true;
    }
    return false;
  }

  // The day of the incident a claim's event names (its resolved date), NaN
  // when it names none.
  double EventDay(int i) const {
    const Claim& cl = c_.claims[i].claim;
    const Document* d = docs_[i];
    if (cl.event < 0 || cl.event >= static_cast<int>(d->events.size()))
      return NAN;
    const std::string& date = d->events[cl.event].date;
    return date.size() == 10 ? EpochSeconds(date) : NAN;
  }

  // Figures of events dated to different days count different incidents
  // (a strike on Friday, another on Saturday): never a disagreement.
  bool SameIncident(int a, int b) const {
    double da = EventDay(a), db = EventDay(b);
    return std::isnan(da) || std::isnan(db) || std::fabs(da - db) < 86400;
  }

  // A figure's words and the two words after them (46 جنديا: the counted
  // noun when the facts stage's span is the number alone), three after من.
  std::string_view CountedWords(int i) const {
    return CountedWordsAt(docs_[i]->text, c_.claims[i].claim.span);
  }
  static std::string_view CountedWordsAt(const std::string& text, Span span) {
    if (span.end > text.size() || span.begin >= span.end) return {};
    size_t end = span.end;
    // N من + a noun: the counted noun may stand two words on (ثلاثة من أبرز
    // القيادات).
    static const std::string kMin = " \xD9\x85\xD9\x86 ";  // من
    int limit = text.compare(end, kMin.size(), kMin) == 0 ? 4 : 3;
    for (int words = 0; words < limit && end < text.size(); ++end) {
      if (text[end] == ' ' && ++words == limit) break;
      if (text[end] == '.' || text[end] == '\n') break;
    }
    return std::string_view(text).substr(span.begin, end - span.begin);
  }

  // Figures that name different populations (46 جنديا، 289 مدنيا) count
  // different people.
  // Commanders and officers (ثلاثة من أبرز القيادات، ضابطين) are a count of
  // their own, the notable dead a report names, also against a count that
  // names no population.
  // The members of a named group (4 من أفراد الشرطة، 7 أفراد من قوات الجيش،
  // 3 من عناصره) are the group's own count: no rival of a figure that names
  // no population (the police's 4 injured officers against the 35 injured
  // protesters the Red Crescent counts).
  bool SamePopulation(int a, int b) const {
    static const std::string kLeader = "pop_leader";
    std::string pa = lex_.points.PopulationOf(CountedWords(a)),
                pb = lex_.points.PopulationOf(CountedWords(b));
    if ((pa == kLeader) != (pb == kLeader)) return false;
    if (pa.empty() && pb.empty() && GroupCount(a) != GroupCount(b))
      return false;
    return pa.empty() || pb.empty() || pa == pb;
  }

  // Whether a figure counts the members of a group: a member noun (points.tsv
  // member: أفراد، عناصر، منتسبي; عناصره with the group's pronoun) among its
  // counted words.
  bool GroupCount(int i) const {
    const std::string folded = lex_.Fold(CountedWords(i));
    for (std::string_view w : Split(folded, ' ')) {
      if (lex_.points.HasFolded(w, "member")) return true;
    }
    return false;
  }

  // The place a figure's sentence names for it: the place written with a
  // locative في or ب (في البصرة، بالناصرية، في محافظة الديوانية) nearest to
  // the figure in its sentence and at most kPlaceWords words from it, or
  // kCommaWords across a comma (a place further on names another happening
  // the sentence adds: the embassy in Jerusalem after the toll at Gaza's
  // border), else the place
  // that opens the sentence as its frame (وفي كربلاء، تجمع ... أسفرت عن
  // سقوط 30 جريحا); "" when none. The key is the place's entity id (one
  // place under its variants).
  std::string PlaceKey(int i) const {
    constexpr int kPlaceWords = 12, kCommaWords = 4;
    static const std::string kComma = "\xD8\x8C";  // ،
    const Claim& cl = c_.claims[i].claim;
    const std::string& text = docs_[i]->text;
    if (cl.span.end > text.size() || cl.span.begin >= cl.span.end) return "";
    size_t sb = text.find_last_of(".\n", cl.span.begin);
    sb = sb == std::string::npos ? 0 : sb + 1;
    while (sb < text.size() && text[sb] == ' ') ++sb;
    size_t se = text.find_first_of(".\n", cl.span.end);
    if (se == std::string::npos) se = text.size();
    const EntityMention* best = nullptr;
    const EntityMention* frame = nullptr;
    int best_gap = 0;
    bool best_country = false;
    for (const EntityMention& m : docs_[i]->entities) {
      if (m.type != EntityType::kLocation || m.span.begin < sb ||
          m.span.end > se || m.entity_id.empty() || PlaceNoun(m.text))
        continue;
      int before = 0;
      if (!LocativeAt(text, m, sb, &before)) continue;
      // وفي كربلاء، ...: the place and a comma open the sentence.
      if (std::count(text.begin() + sb, text.begin() + m.span.begin, ' ') <=
              before + 1 &&
          m.span.end + 2 <= text.size() &&
          text.compare(m.span.end, 2, kComma) == 0)
        frame = &m;
      size_t lo = std::min(m.span.end, cl.span.end),
             hi = std::max(m.span.begin, cl.span.begin);
      int gap = lo < hi ? static_cast<int>(std::count(text.begin() + lo,
                                                      text.begin() + hi, ' '))
                        : 0;
      // A comma between: the place of a nearby clause only.
      bool comma = lo < hi && (std::search(text.begin() + lo, text.begin() + hi,
                                           kComma.begin(),
                                           kComma.end()) != text.begin() + hi ||
                               std::find(text.begin() + lo, text.begin() + hi,
                                         ',') != text.begin() + hi);
      if (gap > (comma ? kCommaWords : kPlaceWords)) continue;
      // A town before its country (في الديوانية جنوبي العراق): the town.
      bool country = IsCountry(m.entity_id);
      if (best == nullptr || (!country && best_country) ||
          (country == best_country && gap < best_gap)) {
        best = &m;
        best_gap = gap;
        best_country = country;
      }
    }
    if (best == nullptr) best = frame;
    return best == nullptr ? "" : best->entity_id;
  }

  // A place noun taken for a name (في المدينة: "in the city", not Medina).
  bool PlaceNoun(std::string_view mention) const {
    std::string k = lex_.Fold(mention);
    if (k.find(' ') != std::string::npos) return false;
    for (const char* p : {"\xD9\x88", "\xD8\xA8", "\xD8\xA7\xD9\x84"}) {
      std::string_view pre(p);
      if (k.size() > pre.size() + 4 && k.compare(0, pre.size(), pre) == 0)
        k.erase(0, pre.size());
    }
    return lex_.ClassOfKey(k) == "placenoun";
  }

  bool IsCountry(const std::string& id) const {
    auto it = lex_.gazetteer_places.find(id);
    return it != lex_.gazetteer_places.end() &&
           it->second.feature.rfind("PCL", 0) == 0;
  }

  // Two places of one count: the same place, a country and a place in it,
  // or two places of one province (a town and its district: دوما and
  // الغوطة الشرقية).
  bool OnePlace(const std::string& a, const std::string& b) const {
    if (a == b) return true;
    const auto& places = lex_.gazetteer_places;  // GeoNames, curated, world
    auto ia = places.find(a), ib = places.find(b);
    if (ia == places.end() || ib == places.end()) return true;
    const GazetteerPlace &x = ia->second, &y = ib->second;
    if (x.country.empty() || y.country.empty()) return true;
    if (x.country != y.country) return false;
    if (x.feature.rfind("PCL", 0) == 0 || y.feature.rfind("PCL", 0) == 0)
      return true;
    return x.admin1.empty() || y.admin1.empty() || x.admin1 == y.admin1;
  }

  // A place mention governed by a locative preposition: written with ب
  // (بالبصرة, the ب inside or just before the mention), or في (وفي) up to
  // four words before it with no comma between (في محافظة الديوانية، في
  // ساحة التحرير وسط بغداد). *words: the words between.
  static bool LocativeAt(const std::string& text, const EntityMention& m,
                         size_t sentence, int* words) {
    static const std::string kBa = "\xD8\xA8", kWaBa = "\xD9\x88\xD8\xA8";
    *words = 0;
    std::string_view own(text.data() + m.span.begin, m.span.end - m.span.begin);
    if (own.substr(0, 2) == kBa || own.substr(0, 4) == kWaBa) {
      std::string_view canon = m.canonical;
      if (canon.substr(0, 2) != kBa) return true;
    }
    size_t b = m.span.begin;
    if (b >= 2 && text.compare(b - 2, 2, kBa) == 0 &&
        (b == 2 || text[b - 3] == ' ' ||
         (b >= 4 && text.compare(b - 4, 2, "\xD9\x88") == 0)))
      return true;
    size_t end = b;  // the end of the word before, plus its space
    for (int k = 0; k < 4; ++k) {
      if (end <= sentence + 1 || text[end - 1] != ' ') return false;
      size_t w = text.rfind(' ', end - 2);
      w = (w == std::string::npos || w < sentence) ? sentence : w + 1;
      std::string_view prev(text.data() + w, end - 1 - w);
      if (prev == "\xD9\x81\xD9\x8A" ||          // في
          prev == "\xD9\x88\xD9\x81\xD9\x8A" ||  // وفي
          prev == "\xD9\x81\xD9\x89")            // فى
        return true;
      // Words of the place's own phrase stand between (محافظة، ساحة
      // التحرير، وسط), no comma.
      if (prev.find("\xD8\x8C") != std::string_view::npos ||
          prev.find(',') != std::string_view::npos)
        return false;
      ++*words;
      end = w;
    }
    return false;
  }

  // Figures whose sentences name different places (3 injured in Basra, 30
  // in Baghdad; Saada against Hodeidah's districts) count different people,
  // as different populations do. An unknown place, a country and a place
  // in it, or two places of one province say nothing.
  //
  // Within one report, two named places are two counts even in one province
  // (19 dead in Quebec, 12 of them in Montreal): the report itself tells
  // them apart.
  bool SamePlace(int a, int b) const {
    std::string pa = PlaceKey(a), pb = PlaceKey(b);
    if (pa.empty() || pb.empty()) return true;
    if (c_.claims[a].article == c_.claims[b].article) return pa == pb;
    return OnePlace(pa, pb);
  }

  // Whether claims a and b of one point really differ.
  bool Differ(int a, int b, bool* timeline) const {
    const Claim& x = c_.claims[a].claim;
    const Claim& y = c_.claims[b].claim;
    if (IsCasualty(x.slot) &&
        (!SameIncident(a, b) || !SamePopulation(a, b) || !SamePlace(a, b)))
      return false;
    // A figure inside a denial (نفى ... الذي أوقع 250 قتيلا) is not its
    // speaker's count.
    if (IsCasualty(x.slot) &&
        (x.modality == "denied" || y.modality == "denied"))
      return false;
    // A part of one source's breakdown (4 in Florida, 5 in Virginia) or the
    // day's toll that raised a total (بمقتل الستة يرتفع العدد إلى 204) is
    // no rival count.
    if (IsCasualty(x.slot) && (InBreakdown(a) || InBreakdown(b))) return false;
    if (IsCasualty(x.slot) && !OwnIncident(a, b)) return false;
    if (IsCasualty(x.slot) && x.slot != y.slot) {
      // A combined count against one of its kinds: only a clear
      // inconsistency (about 150 killed and wounded against 25 injured).
      // The wounded outnumber the dead: a combined count far above a
      // death toll (40 killed, 150 killed and wounded) is consistent.
      const Claim& k = x.slot == "killed_or_injured" ? x : y;
      const Claim& o = x.slot == "killed_or_injured" ? y : x;
      if (SourceKey(a) == SourceKey(b) || !Comparable(a, b) || Vague(k) ||
          Vague(o))
        return false;
      Range rk = RangeOf(k), ro = RangeOf(o);
      if (rk.hi * 1.25 < ro.lo) return true;
      return o.slot == "injured" && rk.lo > 2 * ro.hi;
    }
    if (IsCasualty(x.slot)) {
      if (!FiguresDiffer(x, y)) return false;
      // One victim (مقتل مزارع في قصف) against a toll of several counts
      // someone else: a death the report adds, not a rival count.
      if (OneVictim(x) != OneVictim(y)) return false;
      if (SourceKey(a) == SourceKey(b) || !Comparable(a, b) || Rose(a, b) ||
          MissingMoved(a, b) || EarlierStatement(a) != EarlierStatement(b)) {
        *timeline = true;
        return false;
      }
      return !Vague(x) && !Vague(y);
    }
    if (SourceKey(a) == SourceKey(b)) return false;
    if (x.slot == "responsibility:doer" || y.slot == "responsibility:doer")
      return DoerDenied(a, b);
    bool da = x.modality == "denied", db = y.modality == "denied";
    // An accident against a deliberate act (a gas cylinder, an explosive
    // device), or one cause asserted and denied; an accident denied agrees
    // with a deliberate act.
    if (x.slot == "weapon:cause") return (x.value != y.value) != (da != db);
    // A deliberate act against a mistake, or one asserted and denied.
    if (x.slot == "other:deliberate") return (x.value != y.value) != (da != db);
    // Intercepted against hit, or an interception denied; a hit denied (قبل
    // وصوله إلى هدفه) agrees with an interception.
    if (x.slot == "other:interception")
      return (x.value != y.value) != (da != db);
    // Legal against illegal, or one asserted and denied.
    if (x.slot == "other:legality") return (x.value != y.value) != (da != db);
    // Failed talks against an agreement or progress at comparable times
    // (talks that failed and then reached a deal are a timeline), or one
    // outcome asserted and denied.
    // An act begun against its denial: a denial published more than three
    // hours before the beginning is a timeline (not yet, then begun); a
    // later one contradicts it. Different acts never meet.
    if (x.slot == "other:began") {
      if (x.value != y.value || da == db) return false;
      if (Comparable(a, b)) return true;
      int denial = da ? a : b, begun = da ? b : a;
      return time_[denial] > time_[begun];
    }
    // An allegation against the denial that answers it.
    if (x.slot == "other:allegation")
      return da != db && (da ? Answers(a, b) : Answers(b, a));
    if (x.slot == "other:talks") {
      if (TwoOutcomes(a) || TwoOutcomes(b)) return false;
      return TalksFailed(a) != TalksFailed(b) && Comparable(a, b);
    }
    if (da != db) return true;
    // Full control claimed against partial control at comparable times.
    if (x.slot == "other:control" && x.value != y.value)
      return Comparable(a, b);
    // Competing parties held responsible; attackers named by what they are
    // (مسلحين هم من شنوا الهجوم) compete with no party that claims the act.
    return x.slot == "responsibility" && !da && !GenericDoer(x.value) &&
           !GenericDoer(y.value) && PartyKey(x.value) != PartyKey(y.value) &&
           !NameWithin(x.value, y.value) && !NameWithin(y.value, x.value);
  }

  // The content words of a folded phrase, each past و/ف, ب/ل and ال: a
  // run of Arabic letters (or Latin letters and digits) of three letters or
  // more that is no accusation or denial word.
  std::vector<std::string> ContentWords(std::string_view text) const {
    const std::string folded = lex_.Fold(text);
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
      std::string_view w = cur;
      for (int pass = 0; pass < 2; ++pass) {  // و/ف then ب/ل
        if (w.size() > 8 && (w.compare(0, 2, "\xD9\x88") == 0 ||
                             w.compare(0, 2, "\xD9\x81") == 0 ||
                             w.compare(0, 2, "\xD8\xA8") == 0 ||
                             w.compare(0, 2, "\xD9\x84") == 0))
          w.remove_prefix(2);
      }
      if (w.size() > 8 && w.compare(0, 4, "\xD8\xA7\xD9\x84") == 0)
        w.remove_prefix(4);
      const PointWords& pw = lex_.points;
      std::string x(w);
      if (x.size() >= 6 && !pw.HasFolded(x, "accusation") &&
          !pw.HasFolded(x, "accuse") && !pw.HasFolded(x, "deny") &&
          !pw.HasFolded(x, "reject") && !pw.HasFolded(cur, "accusation") &&
          !pw.HasFolded(cur, "accuse") && !pw.HasFolded(cur, "deny") &&
          !pw.HasFolded(cur, "reject") &&
          !pw.HasFolded(cur, "allegation_filler") &&
          lex_.ClassOfKey(cur) != "stop")
        out.push_back(std::move(x));
      cur.clear();
    };
    for (size_t k = 0; k < folded.size();) {
      unsigned char c = folded[k];
      size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      std::string_view ch(folded.data() + k, std::min(n, folded.size() - k));
      bool letter = n == 1 ? std::isalnum(c) != 0
                           : n == 2 && (c >= 0xD8 && c <= 0xDB) &&
                                 ch != "\xD8\x8C" && ch != "\xD8\x9B" &&
                                 ch != "\xD8\x9F";
      if (letter)
        cur += ch;
      else if (!cur.empty())
        flush();
      k += n;
    }
    if (!cur.empty()) flush();
    return out;
  }

  // Two content words are one when equal or one begins the other and the
  // shorter has four letters or more (تحرش، تحرشه).
  static bool SameWord(const std::string& a, const std::string& b) {
    if (a == b) return true;
    const std::string& s = a.size() < b.size() ? a : b;
    const std::string& l = a.size() < b.size() ? b : a;
    return s.size() >= 8 && l.compare(0, s.size(), s) == 0;
  }

  static bool Share(const std::vector<std::string>& a,
                    const std::vector<std::string>& b) {
    for (const std::string& x : a) {
      for (const std::string& y : b) {
        if (SameWord(x, y)) return true;
      }
    }
    return false;
  }

  // The words of allegation claim i that tell what it is about: its words
  // but those of its accused, its source and every name of its report
  // (بريطانيا in اتهم بتجسسه لصالح بريطانيا is no charge).
  const std::vector<std::string>& TopicWords(int i) const {
    auto cached = topic_.find(i);
    if (cached != topic_.end()) return cached->second;
    const ComparedClaim& cc = c_.claims[i];
    std::vector<std::string> names = ContentWords(cc.claim.value);
    for (std::string& w : ContentWords(cc.claim.speaker))
      names.push_back(std::move(w));
    const Document& d = *docs_[i];
    for (const EntityMention& m : d.entities) {
      if (m.span.end > d.text.size() || m.span.begin >= m.span.end) continue;
      for (std::string& w : ContentWords(m.span.In(d.text)))
        names.push_back(std::move(w));
    }
    std::vector<std::string>& out = topic_[i];
    for (std::string& w : ContentWords(cc.text)) {
      if (!Share({w}, names)) out.push_back(std::move(w));
    }
    return out;
  }

  // The story's own words: its reports' titles (a report with no title:
  // its opening).
  const std::vector<std::string>& Profile() const {
    if (!profile_read_) {
      profile_read_ = true;
      for (const Document* d : reports_) {
        std::string head = d->title + " " + d->standfirst;
        if (d->title.empty()) head += d->text.substr(0, 300);
        for (std::string& w : ContentWords(head))
          profile_.push_back(std::move(w));
      }
    }
    return profile_;
  }

  // Whether allegation claim i charges what the story is about: a word of
  // its charge in the story's titles.
  bool OnTopic(int i) const { return Share(TopicWords(i), Profile()); }

  // Whether denial claim d answers allegation claim a: the denier is the
  // accused (one party, or one name within the other), the denial's words
  // name the charge, or it is a bare denial (نفت بكين هذه المزاعم) in the
  // report that makes the allegation.
  bool Answers(int d, int a) const {
    if (c_.claims[d].article == c_.claims[a].article && TopicWords(d).empty())
      return true;
    const Claim& den = c_.claims[d].claim;
    const Claim& al = c_.claims[a].claim;
    if (!al.value.empty() && !den.speaker.empty() &&
        (PartyKey(al.value) == PartyKey(den.speaker) ||
         NameWithin(al.value, den.speaker) ||
         NameWithin(den.speaker, al.value)))
      return true;
    return Share(TopicWords(d), TopicWords(a));
  }

  // One contest, one point: an allegation whose denial a contested
  // responsibility or occurred point already sets against its rival (the
  // same source's denial in the same report: نفى كافانو الاتهامات, read
  // there as a denied assault and a denied part) is shown, not flagged
  // again.
  void AllegationsOnce() {
    std::set<std::pair<int64_t, std::string>> denials;
    for (const ContestedPoint& p : c_.points) {
      if (!p.contested || (p.kind != "responsibility" && p.kind != "occurred"))
        continue;
      for (const PointPosition& pos : p.positions) {
        if (pos.modality != "denied") continue;
        for (int i : pos.claims)
          denials.insert({c_.claims[i].article, SourceKey(i)});
      }
    }
    for (ContestedPoint& p : c_.points) {
      if (!p.contested || p.about != "other:allegation") continue;
      bool again = false;
      for (const PointPosition& pos : p.positions) {
        if (pos.modality != "denied") continue;
        for (int i : pos.claims)
          again |= denials.count({c_.claims[i].article, SourceKey(i)}) > 0;
      }
      if (!again) continue;
      p.contested = false;
      p.conflicts.clear();
      p.reason.clear();
    }
  }

  // Whether talks claim i tells of failure: failed asserted, or an
  // agreement or progress denied.
  bool TalksFailed(int i) const {
    const Claim& cl = c_.claims[i].claim;
    return (cl.value == "failed") != (cl.modality == "denied");
  }

  // Whether the source of talks claim i gives both outcomes in its report (a
  // press review's failed talks and another's deal, a summit's progress and
  // its expected failure): it tells of several talks, and none of its
  // outcomes contests another source's.
  bool TwoOutcomes(int i) const {
    for (size_t j = 0; j < c_.claims.size(); ++j) {
      if (c_.claims[j].article == c_.claims[i].article &&
          c_.claims[j].claim.slot == "other:talks" &&
          TalksFailed(static_cast<int>(j)) != TalksFailed(i) &&
          SourceKey(static_cast<int>(j)) == SourceKey(i))
        return true;
    }
    return false;
  }

  // A doer of the strike (responsibility:doer, طائرات تابعة للتحالف قصفت)
  // contests only a denial that names its party, in the denier's words or
  // its sentence (لم تشن الولايات المتحدة أو التحالف الضربة): an exchange
  // of fire has a doer on each side, and the other side's denial, or its
  // accusation, is about another strike.
  bool DoerDenied(int a, int b) const {
    const Claim& x = c_.claims[a].claim;
    const Claim& y = c_.claims[b].claim;
    if (x.slot == y.slot) return false;
    const Claim& doer = x.slot == "responsibility:doer" ? x : y;
    int other = x.slot == "responsibility:doer" ? b : a;
    const Claim& o = c_.claims[other].claim;
    if (o.modality != "denied" || GenericDoer(doer.value)) return false;
    // A denial of the attack itself (نفى الجيش استهداف المستشفى) is the
    // occurred point's; and the denial must be of a strike, not of other
    // accusations (استخدام أسلحة كيميائية).
    for (const ComparedClaim& cc : c_.claims) {
      if (cc.article == c_.claims[other].article && cc.claim.slot == "attack" &&
          cc.claim.modality == "denied" && cc.claim.span.begin == o.span.begin)
        return false;
    }
    std::string key = PartyKey(doer.value);
    std::string words = lex_.Fold(SentenceText(other)) + " " +
                        lex_.Fold(o.speaker);  // outlive the views
    std::vector<std::string_view> w = Split(words, ' ');
    bool strike = false;
    for (std::string_view v : w) strike |= StrikeWord(v);
    if (!strike) return false;
    for (size_t k = 0; k < w.size(); ++k) {
      std::string phrase(StripWa(w[k]));
      for (size_t n = k + 1; n < std::min(w.size(), k + 3); ++n)
        phrase += " " + std::string(w[n]);
      if (!phrase.empty() && PartyKey(phrase) == key) return true;
    }
    return false;
  }

  // A folded word of a strike (غارات، الضربة، شن، قصفت: points.tsv
  // strike_noun, strike_verb, doer_verb), past و and ال.
  bool StrikeWord(std::string_view w) const {
    const PointWords& pw = lex_.points;
    w = StripWa(w);
    if (w.size() > fk::kAl.size() + 4 && w.substr(0, fk::kAl.size()) == fk::kAl)
      w.remove_prefix(fk::kAl.size());
    return pw.HasFolded(w, "strike_noun") || pw.HasFolded(w, "strike_verb") ||
           pw.HasFolded(w, "doer_verb");
  }

  // Whether every word of party `a` is a word of party `b` (غولن in فتح
  // الله غولن): one party under a shorter name.
  bool NameWithin(const std::string& a, const std::string& b) const {
    auto words = [&](const std::string& v) {
      std::set<std::string, std::less<>> out;
      const std::string folded = lex_.Fold(v);  // outlives the views
      for (std::string_view w : Split(folded, ' ')) {
        std::string x(w);
        if (x.size() > 6 && x.compare(0, 4, "\xD8\xA7\xD9\x84") == 0)
          x.erase(0, 4);  // ال
        if (!x.empty()) out.insert(x);
      }
      return out;
    };
    auto wa = words(a), wb = words(b);
    if (wa.empty()) return false;
    for (const std::string& w : wa) {
      if (!wb.count(w)) return false;
    }
    return true;
  }

  // A doer named by what it is, not who (مسلحين، مجهولون، انتحاري: points.tsv
  // generic_doer).
  bool GenericDoer(const std::string& party) const {
    const PointWords& pw = lex_.points;
    const std::string folded = lex_.Fold(party);  // outlives the views
    for (std::string_view w : Split(folded, ' ')) {
      if (pw.HasFolded(w, "generic_doer")) return true;
    }
    return false;
  }

  // Whether figures a and b of two reports may count one incident. A report
  // that itself gives two different whole counts of one kind (42 Houthis
  // killed on one front, 5 on another; a day's accidents; floods in three
  // countries) tells several incidents: its first such count is its lead,
  // the story's happening, and each later one is its own incident, which
  // meets another report's figure only where both name one place.
  bool OwnIncident(int a, int b) const {
    if (c_.claims[a].article == c_.claims[b].article) return true;
    if (!(LaterInRoundup(a) || LaterInRoundup(b))) return true;
    std::string pa = PlaceKey(a), pb = PlaceKey(b);
    return !pa.empty() && !pb.empty() && OnePlace(pa, pb);
  }

  // Whether claim i is a later whole count of its kind in a report that
  // gives another, different one before it (cached).
  bool LaterInRoundup(int i) const {
    if (roundup_.size() != c_.claims.size())
      roundup_.assign(c_.claims.size(), -1);
    if (roundup_[i] < 0) roundup_[i] = ReadLaterInRoundup(i) ? 1 : 0;
    return roundup_[i] == 1;
  }
  bool ReadLaterInRoundup(int i) const {
    const Claim& cl = c_.claims[i].claim;
    if (!WholeCount(i)) return false;
    for (size_t k = 0; k < c_.claims.size(); ++k) {
      int j = static_cast<int>(k);
      const Claim& o = c_.claims[k].claim;
      if (j == i || c_.claims[k].article != c_.claims[i].article ||
          o.slot != cl.slot || o.span.begin >= cl.span.begin ||
          !WholeCount(j) || !FiguresDiffer(cl, o))
        continue;
      return true;
    }
    return false;
  }
  bool WholeCount(int i) const {
    const Claim& cl = c_.claims[i].claim;
    return IsCasualty(cl.slot) && cl.scope == "incident" &&
           cl.modality != "denied" && !Vague(cl) && !InBreakdown(i) &&
           !Wider(i) && !EarlierIncident(i);
  }

  // Whether claim i is no whole count of its own (cached ReadInBreakdown).
  bool InBreakdown(int i) const {
    if (breakdown_.size() != c_.claims.size())
      breakdown_.assign(c_.claims.size(), -1);
    if (breakdown_[i] < 0) breakdown_[i] = ReadInBreakdown(i) ? 1 : 0;
    return breakdown_[i] == 1;
  }

  // Figures of one kind that one source gives in one sentence, of one
  // population, are a breakdown (4 killed in Florida, 5 in Virginia, 3 in
  // North Carolina; two died at once, 3 more in hospital), or a total with
  // its parts: the largest stands for the whole only when it is at least
  // the sum of the others, and every other figure is a part. A sentence
  // where a toll rises (ارتفع ... إلى) is a timeline, read by Wider.
  bool ReadInBreakdown(int i) const {
    const Claim& cl = c_.claims[i].claim;
    if (Vague(cl)) return false;
    if (RiseSentence(i)) return false;
    const Document& d = *docs_[i];
    Span s = SentenceSpan(d.text, cl.span);
    std::string pop = lex_.points.PopulationOf(CountedWords(i));
    double largest = RangeOf(cl).lo, sum = 0;
    bool others = false, more = MoreOf(d.text, cl.span);
    for (const Claim& o : d.claims) {
      if (o.slot != cl.slot || o.span.begin < s.begin || o.span.end > s.end ||
          o.speaker != cl.speaker || o.modality == "denied" ||
          o.scope != cl.scope || Vague(o) || o.value == cl.value)
        continue;
      if (lex_.points.PopulationOf(CountedWordsAt(d.text, o.span)) != pop)
        continue;
      others = true;
      more |= MoreOf(d.text, o.span);
      largest = std::max(largest, RangeOf(o).lo);
      sum += RangeOf(o).lo;
    }
    if (!others) return false;
    // N more (بينما أصيب 15 آخرون): the figures add up, each a part, and
    // the whole is their sum, which the sentence does not give.
    if (more) return true;
    // The whole: the largest, at least the sum of the others.
    return !(RangeOf(cl).lo == largest && largest >= sum);
  }

  // Whether the figure at `span` counts more people of the kind before it:
  // a word of others (words.tsv other_ref: آخرون، آخرين، أخرى; not منهم,
  // "of them") within its words or the two words after them.
  bool MoreOf(const std::string& text, Span span) const {
    if (span.end > text.size() || span.begin >= span.end) return false;
    size_t end = span.end;
    for (int words = 0; end < text.size(); ++end) {
      if (text[end] == '.' || text[end] == '\n') break;
      if (text[end] == ' ' && end > span.end && ++words == 2) break;
    }
    static const std::string kOfThem = "\xD9\x85\xD9\x86\xD9\x87\xD9\x85";
    const std::string folded =
        lex_.Fold(std::string_view(text).substr(span.begin, end - span.begin));
    const std::string of_them = lex_.Fold(kOfThem);
    for (std::string_view w : Split(folded, ' ')) {
      w = StripWa(w);
      if (w != of_them && lex_.ClassOfKey(w) == "other_ref") return true;
    }
    return false;
  }

  // The byte span of the sentence (to a full stop or a line end) that
  // holds `span`.
  static Span SentenceSpan(const std::string& text, Span span) {
    if (span.end > text.size()) return {0, 0};
    size_t sb = text.find_last_of(".\n", span.begin);
    sb = sb == std::string::npos ? 0 : sb + 1;
    size_t se = text.find_first_of(".\n", span.end);
    if (se == std::string::npos) se = text.size();
    return {static_cast<uint32_t>(sb), static_cast<uint32_t>(se)};
  }

  // The words of claim i's sentence before (`before`) or after its words:
  // each folded, with the byte where it begins.
  struct SentenceWord {
    std::string folded;
    size_t at;
  };
  std::vector<SentenceWord> SentenceWords(int i, bool before) const {
    const std::string& text = docs_[i]->text;
    Span span = c_.claims[i].claim.span;
    Span s = SentenceSpan(text, span);
    std::vector<SentenceWord> out;
    if (s.end <= s.begin) return out;
    size_t b = before ? s.begin : span.end, e = before ? span.begin : s.end;
    while (b < e) {
      while (b < e && text[b] == ' ') ++b;
      size_t w = b;
      while (w < e && text[w] != ' ') ++w;
      if (w > b) out.push_back({lex_.Fold(text.substr(b, w - b)), b});
      b = w;
    }
    return out;
  }

  // A rise word (ارتفع، ليرتفع، ليصل: points.tsv rise), also after و.
  bool RiseWord(std::string_view w) const {
    return lex_.points.HasFolded(w, "rise") ||
           lex_.points.HasFolded(StripWa(w), "rise");
  }

  // A figure's scope as the comparison reads it: the facts stage's, but
  // where a sentence tells a toll rising to a total (points.tsv rise), the
  // day's toll before the rise word is the incident's (بمقتل الستة، الجمعة،
  // يرتفع عدد القتلى منذ 30 مارس إلى أكثر من 200) and the total after it
  // is wider: a total the toll rose to since a date (RoseSince), or after
  // a figure of the same kind that raised it (RiseTotal: مقتل 43 وإصابة
  // 1700، ليرتفع عدد قتلى المسيرة إلى نحو 100).
  bool Wider(int i) const {
    const Claim& cl = c_.claims[i].claim;
    if (!IsCasualty(cl.slot)) return cl.scope == "wider";
    if (Increment(i)) return false;
    return cl.scope == "wider" || RoseSince(i) || RiseTotal(i) || SinceStart(i);
  }

  // A toll since a campaign or a term began (ومنذ بدء قوات النظام تصعيدها
  // على الغوطة في 18 شباط الذي تسبب بمقتل 1160 مدنيا، منذ توليه السلطة):
  // منذ and a word of a beginning (points.tsv since_start) anywhere before
  // the figure in its sentence, however far (the facts stage reads منذ up
  // to eight words before a figure).
  bool SinceStart(int i) const {
    std::vector<SentenceWord> before = SentenceWords(i, true);
    for (size_t k = 0; k + 1 < before.size(); ++k) {
      if (StripWa(before[k].folded) == fk::kMundh &&
          lex_.points.HasFolded(before[k + 1].folded, "since_start"))
        return true;
    }
    return false;
  }

  // Whether claim i's sentence has a rise word.
  bool RiseSentence(int i) const {
    for (bool before : {true, false}) {
      for (const SentenceWord& w : SentenceWords(i, before))
        if (RiseWord(w.folded)) return true;
    }
    return false;
  }

  // A total after a rise word and إلى, with a figure of the same kind
  // before the rise word in the sentence (the increment).
  bool RiseTotal(int i) const {
    const Claim& cl = c_.claims[i].claim;
    std::vector<SentenceWord> before = SentenceWords(i, true);
    size_t k = before.size();
    while (k > 0 && !RiseWord(before[k - 1].folded)) --k;
    if (k == 0) return false;
    bool to = false;
    for (size_t n = k; n < before.size(); ++n)
      to |= before[n].folded == fk::kIla;
    if (!to) return false;
    Span s = SentenceSpan(docs_[i]->text, cl.span);
    for (const Claim& o : docs_[i]->claims) {
      if (o.slot == cl.slot && o.span.begin >= s.begin &&
          o.span.end <= before[k - 1].at)
        return true;
    }
    return false;
  }

  // The day's toll that raised a total: a rise word at most six words after
  // the figure, with إلى after it, and no figure of another kind between
  // the figure and four words past the rise word (قتل 30 وارتفع عدد الجرحى
  // إلى 50 is no increment).
  bool Increment(int i) const {
    std::vector<SentenceWord> after = SentenceWords(i, false);
    size_t k = 0;
    while (k < after.size() && k < 6 && !RiseWord(after[k].folded)) ++k;
    if (k == after.size() || k == 6) return false;
    bool to = false;
    for (size_t n = k; n < after.size(); ++n) to |= after[n].folded == fk::kIla;
    if (!to) return false;
    const Claim& cl = c_.claims[i].claim;
    size_t until = k + 5 < after.size()
                       ? after[k + 5].at
                       : SentenceSpan(docs_[i]->text, cl.span).end;
    for (const Claim& o : docs_[i]->claims) {
      if (IsCasualty(o.slot) && o.slot != cl.slot &&
          o.span.begin >= cl.span.end && o.span.begin < until)
        return false;
    }
    return true;
  }

  // A total a toll rose to since a date (يرتفع عدد القتلى منذ 30 مارس إلى
  // أكثر من 200 شخص، وأكثر من 22 ألف مصاب): منذ and a rise word before
  // the figure in its sentence make it cumulative, however far the figure
  // stands from منذ.
  // The span may also follow the figure: منذ or بين and a day right after
  // it (يرتفع إلى 170 عدد المهاجرين الذين فقدوا ... بين الجمعة والأحد،
  // ليرتفع إلى 170 ... منذ الجمعة; points.tsv weekday, since_wider).
  bool RoseSince(int i) const {
    if (!IsCasualty(c_.claims[i].claim.slot)) return false;
    bool rise = false;
    for (const SentenceWord& w : SentenceWords(i, true)) {
      if (RiseWord(w.folded)) rise = true;
      if (rise && StripWa(w.folded) == fk::kMundh) return true;
    }
    if (!rise) return false;
    std::vector<SentenceWord> after = SentenceWords(i, false);
    for (size_t k = 0; k + 1 < after.size(); ++k) {
      std::string_view w = StripWa(after[k].folded);
      if (w != fk::kMundh && w != fk::kBayn) continue;
      std::string_view next = StripWa(after[k + 1].folded);
      if (lex_.points.HasFolded(next, "weekday") ||
          lex_.points.HasFolded(next, "since_wider"))
        return true;
    }
    return false;
  }

  // A figure its sentence gives as said earlier (قالت في وقت سابق إن عدد
  // المفقودين يقدر بمئة، وكانت الوزارة قد أعلنت سابقا), or as an initial
  // toll (في حصيلة أولية، الحصيلة الأولية: a toll noun, points.tsv
  // doc_noun, then an initial adjective): a point of the timeline the
  // reports update, not a rival of a later or fuller figure.
  bool EarlierStatement(int i) const {
    if (earlier_.size() != c_.claims.size())
      earlier_.assign(c_.claims.size(), -1);
    if (earlier_[i] < 0) earlier_[i] = ReadEarlierStatement(i) ? 1 : 0;
    return earlier_[i] == 1;
  }

  // Whether claim i's sentence names an earlier period (الشهر الماضي،
  // العام المنصرم: points.tsv past_period then past_adj).
  bool PastSentence(int i) const {
    const PointWords& pw = lex_.points;
    std::string sentence = lex_.Fold(SentenceText(i));
    std::vector<std::string_view> words = Split(sentence, ' ');
    for (size_t k = 0; k + 1 < words.size(); ++k) {
      if (pw.HasFolded(StripWa(words[k]), "past_period") &&
          pw.HasFolded(words[k + 1], "past_adj"))
        return true;
    }
    return false;
  }

  // The sentence (to a full stop or a line end) of claim i's words.
  std::string_view SentenceText(int i) const {
    const std::string& text = docs_[i]->text;
    Span span = c_.claims[i].claim.span;
    if (span.end > text.size()) return {};
    size_t sb = text.find_last_of(".\n", span.begin);
    sb = sb == std::string::npos ? 0 : sb + 1;
    size_t se = text.find_first_of(".\n", span.end);
    if (se == std::string::npos) se = text.size();
    return std::string_view(text).substr(sb, se - sb);
  }

  // A folded word without a leading و (وفي، والعام).
  static std::string_view StripWa(std::string_view w) {
    if (w.size() > fk::kWa.size() + 4 && w.substr(0, fk::kWa.size()) == fk::kWa)
      w.remove_prefix(fk::kWa.size());
    return w;
  }

  bool ReadEarlierStatement(int i) const {
    std::string sentence = " " + lex_.Fold(SentenceText(i)) + " ";
    return sentence.find(" " + std::string(fk::kFiWaqtSabiq) + " ") !=
               std::string::npos ||
           sentence.find(" " + std::string(fk::kSabiqan) + " ") !=
               std::string::npos ||
           InitialToll(sentence);
  }

  // Whether folded words hold a toll noun and an initial adjective after
  // it (حصيلة أولية، الحصيلة المبدئية).
  bool InitialToll(const std::string& folded) const {
    const PointWords& pw = lex_.points;
    std::vector<std::string_view> words = Split(folded, ' ');
    for (size_t k = 0; k + 1 < words.size(); ++k) {
      std::string_view w = StripWa(words[k]);
      if (w.size() > 2 && w.substr(0, 2) == "\xD8\xA8") w.remove_prefix(2);
      if (pw.HasFolded(w, "doc_noun") && pw.HasFolded(words[k + 1], "initial"))
        return true;
    }
    return false;
  }

  // A missing count moves both ways over time (the missing rise as reports
  // come in and fall as people are found): figures of reports more than an
  // hour apart are a timeline.
  bool MissingMoved(int a, int b) const {
    if (c_.claims[a].claim.slot != "missing" ||
        c_.claims[a].article == c_.claims[b].article)
      return false;
    double ta = time_[a], tb = time_[b];
    return !std::isnan(ta) && !std::isnan(tb) &&
           std::fabs(ta - tb) > kRiseSeconds;
  }

  void Conflicts(ContestedPoint* p) {
    std::set<std::string> sources;
    for (const PointPosition& pos : p->positions) {
      for (int i : pos.claims) sources.insert(SourceKey(i));
    }
    p->sources = static_cast<int>(sources.size());
    // A part of a toll (children among the dead) is a different count.
    bool comparable = p->about.find(":part") == std::string::npos;
    for (size_t a = 0; a < p->positions.size(); ++a) {
      for (size_t b = a + 1; b < p->positions.size(); ++b) {
        bool differ = false;
        for (int i : p->positions[a].claims) {
          for (int j : p->positions[b].claims)
            differ |= Differ(i, j, &p->timeline);
        }
        if (differ && comparable)
          p->conflicts.push_back({static_cast<int>(a), static_cast<int>(b)});
      }
    }
    p->contested = !p->conflicts.empty();
    if (p->contested) p->reason = Reason(*p);
  }

  std::string Describe(const PointPosition& pos) const {
    std::string who = pos.source.empty() ? pos.outlets[0] : pos.source;
    return (IsCasualty(pos.slot) || pos.slot == "responsibility" ||
                    pos.slot == "responsibility:doer" ||
                    pos.slot == "weapon:cause" ||
                    pos.slot == "other:deliberate" ||
                    pos.slot == "other:interception" ||
                    pos.slot == "other:legality" || pos.slot == "other:talks" ||
                    pos.slot == "other:began"
                ? pos.value
                : pos.modality) +
           " (" + who + ")";
  }

  std::string Reason(const ContestedPoint& p) const {
    std::set<int> shown;
    std::string s;
    for (auto [a, b] : p.conflicts) {
      for (int k : {a, b}) {
        if (!shown.insert(k).second || shown.size() > 4) continue;
        s += (s.empty() ? "" : " / ") + Describe(p.positions[k]);
      }
    }
    return s;
  }

  void Rank() {
    std::stable_sort(c_.points.begin(), c_.points.end(),
                     [](const ContestedPoint& a, const ContestedPoint& b) {
                       if (a.contested != b.contested) return a.contested;
                       if ((a.scope == "incident") != (b.scope == "incident")) {
                         return a.scope == "incident";
                       }
                       int wa = KindWeight(a.kind), wb = KindWeight(b.kind);
                       if (wa != wb) return wa > wb;
                       return a.sources > b.sources;
                     });
  }

  // The pairwise view the web page still reads: one disagreement per
  // contested point, its two sides, and the agreements (a value held by two
  // reports or more).
  void Disagreements() {
    for (const ContestedPoint& p : c_.points) {
      std::map<std::string, std::set<int64_t>> held;
      for (const PointPosition& pos : p.positions) {
        for (int i : pos.claims) held[ValueKey(i)].insert(c_.claims[i].article);
      }
      for (const auto& [value, articles] : held)
        c_.agreements += articles.size() >= 2;
      if (!p.contested) continue;
      std::set<int> side_a, side_b;
      for (auto [a, b] : p.conflicts) {
        bool a_first = Lower(p.positions[a], p.positions[b]);
        (a_first ? side_a : side_b).insert(a);
        (a_first ? side_b : side_a).insert(b);
      }
      for (int k : side_a) side_b.erase(k);
      Disagreement d;
      for (const std::set<int>* side : {&side_a, &side_b}) {
        for (int k : *side) {
          const PointPosition& pos = p.positions[k];
          if (std::find(d.slots.begin(), d.slots.end(), pos.slot) ==
              d.slots.end()) {
            d.slots.push_back(pos.slot);
          }
          d.claims.insert(d.claims.end(), pos.claims.begin(), pos.claims.end());
        }
        if (side == &side_a) d.first_side = d.claims.size();
      }
      bool figures = IsCasualty(p.kind);
      d.kind = !figures             ? "assertion_vs_denial"
               : d.slots.size() > 1 ? "kind_and_size"
                                    : "size";
      if (!figures && side_b.size() &&
          p.positions[*side_b.begin()].modality != "denied") {
        d.kind = "competing";
      }
      d.reason = p.about + ": " + p.reason;
      c_.disagreements.push_back(std::move(d));
    }
  }

  // Which of two conflicting positions is shown first: the lower figure, or
  // the assertion before the denial.
  static bool Lower(const PointPosition& a, const PointPosition& b) {
    if (IsCasualty(a.slot)) return a.min <= b.min;
    return a.modality != "denied";
  }

  const FactsLexicon& lex_;
  const std::vector<const Document*>& reports_;
  std::vector<const Document*> docs_;  // parallel to c_.claims
  std::vector<double> time_;  // publication time of each claim's report
  double story_day_ = NAN;    // the happening's day (StoryDay)
  // EarlierStatement of each claim: -1 not yet read, else 0 or 1.
  mutable std::vector<int> earlier_;
  // InBreakdown of each claim: -1 not yet read, else 0 or 1.
  mutable std::vector<int> breakdown_;
  mutable std::vector<int> roundup_;  // LaterInRoundup, -1 unread
  mutable bool profile_read_ = false;
  mutable std::vector<std::string> profile_;               // Profile()
  mutable std::map<int, std::vector<std::string>> topic_;  // TopicWords()
  Comparison c_;
};

json ClaimJson(const ComparedClaim& cc) {
  const Claim& cl = cc.claim;
  bool numeric = IsCasualty(cl.slot);
  auto num = [&](double v) {
    return numeric && std::isfinite(v) ? json(v) : json();
  };
  return {{"article", cc.article},
          {"outlet", cc.outlet},
          {"slot", cl.slot},
          {"value", cl.value},
          {"min", num(cl.min)},
          {"max", num(cl.max)},
          {"approximate", cl.approximate},
          {"speaker", cl.speaker},
          {"via", cc.via},
          {"modality", cl.modality},
          {"text", cc.text},
          {"span", {{"begin", cl.span.begin}, {"end", cl.span.end}}},
          {"event", cl.event}};
}

std::string ModalityLabel(const std::string& m) {
  if (m == "denied") return "نفي";
  if (m == "alleged") return "ادعاء";
  if (m == "hedged") return "ترجيح";
  return "تأكيد";
}

json PositionJson(const Comparison& c, const PointPosition& pos) {
  bool numeric = IsCasualty(pos.slot);
  auto num = [&](double v) {
    return numeric && std::isfinite(v) ? json(v) : json();
  };
  std::set<int64_t> articles;
  for (int i : pos.claims) articles.insert(c.claims[i].article);
  return {
      {"value", pos.value},
      {"label", PositionLabel(pos)},
      {"slot", pos.slot},
      {"min", num(pos.min)},
      {"max", num(pos.max)},
      {"approximate", pos.approximate},
      {"modality", pos.modality},
      {"source", pos.source},
      {"outlets", pos.outlets},
      {"reports", pos.reports},
      {"articles", articles},
      {"first_seen", pos.first_seen.empty() ? json() : json(pos.first_seen)},
      {"first_article", pos.first_article}};
}

}  // namespace

std::string PointLabel(const ContestedPoint& p) {
  static const std::map<std::string, std::string> kLabels = {
      {"killed", "قتلى"},
      {"injured", "جرحى"},
      {"killed_or_injured", "قتلى وجرحى"},
      {"missing", "مفقودون"},
      {"arrested", "معتقلون"},
      {"kidnapped", "مختطفون"},
      {"occurred", "وقوع الهجوم"},
      {"weapon", "استخدام سلاح كيميائي"},
      {"responsibility", "المسؤولية"},
      {"presence", "الحضور العسكري"}};
  static const std::map<std::string, std::string> kOther = {
      {"other:election_fraud", "تزوير الانتخابات"},
      {"other:control", "السيطرة على المكان"},
      {"weapon:cause", "سبب الانفجار أو الحادث"},
      {"other:deliberate", "هل كان الاستهداف متعمدا"},
      {"other:interception", "اعتراض الصواريخ أو إصابتها أهدافها"},
      {"other:legality", "قانونية الفعل"},
      {"other:talks", "نتيجة المحادثات"},
      {"other:began", "هل بدأ التنفيذ"},
      {"other:allegation", "الاتهام ونفيه"}};
  auto it = kLabels.find(p.kind);
  std::string s = it == kLabels.end() ? "نقطة أخرى" : it->second;
  if (auto o = kOther.find(p.about); o != kOther.end()) s = o->second;
  if (p.kind == "presence") {
    static const std::map<std::string, std::string> kNations = {
        {"russian", "روس"},    {"american", "أمريكيون"},
        {"turkish", "أتراك"},  {"iranian", "إيرانيون"},
        {"french", "فرنسيون"}, {"british", "بريطانيون"}};
    size_t colon = p.about.find(':'), us = p.about.find('_');
    std::string nation = colon == std::string::npos
                             ? ""
                             : p.about.substr(colon + 1, us - colon - 1);
    auto n = kNations.find(nation);
    if (n != kNations.end()) s += ": " + n->second;
  }
  if (p.about.find(":part") != std::string::npos) s += " (جزء من الحصيلة)";
  if (p.scope == "wider") s += " (حصيلة أوسع من الحدث)";
  return s;
}

std::string PositionLabel(const PointPosition& pos) {
  if (IsCasualty(pos.slot)) {
    std::string v = pos.value;
    if (v.rfind(">=", 0) == 0) return "أكثر من " + v.substr(2);
    if (v.rfind("~", 0) == 0) return "نحو " + v.substr(1);
    size_t dash = v.find('-');
    if (dash != std::string::npos && dash > 0)
      return "بين " + v.substr(0, dash) + " و" + v.substr(dash + 1);
    return v;
  }
  if (pos.slot == "responsibility:doer") return "المنفّذ: " + pos.value;
  if (pos.slot == "responsibility" && pos.modality != "denied")
    return "يحمّل " + pos.value;
  if (pos.value == "partial") return "سيطرة جزئية";
  if (pos.slot == "other:deliberate") {
    std::string intent = pos.value == "mistake" ? "خطأ غير مقصود" : "عمل متعمد";
    return pos.modality == "denied" ? "نفي: " + intent : intent;
  }
  if (pos.slot == "other:interception") {
    std::string v = pos.value == "hit" ? "أصابت أهدافها" : "اعتُرضت";
    return pos.modality == "denied" ? "نفي: " + v : v;
  }
  if (pos.slot == "other:legality") {
    std::string v = pos.value == "legal" ? "قانوني" : "غير قانوني";
    return pos.modality == "denied" ? "نفي: " + v : v;
  }
  if (pos.slot == "other:began") {
    std::string v = "بدء " + pos.value;
    return pos.modality == "denied" ? "نفي: " + v : v;
  }
  if (pos.slot == "other:talks") {
    std::string v = pos.value == "failed"     ? "فشل المحادثات"
                    : pos.value == "progress" ? "إحراز تقدم"
                                              : "التوصل إلى اتفاق";
    return pos.modality == "denied" ? "نفي: " + v : v;
  }
  if (pos.slot == "other:allegation" && pos.modality != "denied")
    return pos.value.empty() ? "اتهام" : "يتهم " + pos.value;
  if (pos.slot == "weapon:cause") {
    std::string cause = pos.value == "accident" ? "حادث عرضي" : "عمل متعمد";
    return pos.modality == "denied" ? "نفي: " + cause : cause;
  }
  return ModalityLabel(pos.modality);
}

std::string OutletLabel(const Document& d) {
  if (!d.outlet.empty()) return d.outlet;
  if (!d.agency.empty()) return d.agency;
  return "\xD8\xAA\xD9\x82\xD8\xB1\xD9\x8A\xD8\xB1 " +
         std::to_string(d.id);  // تقرير
}

Comparison CompareStory(const FactsLexicon& lexicon,
                        const std::vector<const Document*>& reports) {
  return Comparer(lexicon, reports).Run();
}

json ComparisonToJson(const Comparison& c, const ComparisonJsonLimits& limits) {
  std::vector<bool> disputed(c.claims.size(), false);
  for (const Disagreement& d : c.disagreements)
    for (int i : d.claims) disputed[i] = true;
  json claims = json::array();
  for (size_t i = 0; i < c.claims.size(); ++i) {
    claims.push_back(ClaimJson(c.claims[i]));
    claims.back()["disputed"] = static_cast<bool>(disputed[i]);
  }
  const size_t max_claims = limits.max_claims
                                ? limits.max_claims
                                : std::numeric_limits<size_t>::max();
  auto list_of = [&](const std::vector<int>& ids, size_t first_side,
                     json* out) {
    json list = json::array();
    if (ids.size() <= max_claims) {
      for (int i : ids) list.push_back(claims[i]);
    } else {
      // Both sides of a disagreement stay visible: half from each.
      size_t a = first_side
                     ? std::min(first_side, max_claims / 2 + max_claims % 2)
                     : max_claims;
      size_t b = max_claims - a;
      for (size_t k = 0; k < a; ++k) list.push_back(claims[ids[k]]);
      for (size_t k = 0; k < b && first_side + k < ids.size(); ++k)
        list.push_back(claims[ids[first_side + k]]);
      (*out)["claims_total"] = ids.size();
    }
    (*out)["claims"] = std::move(list);
  };
  json matrix = json::array();
  for (const ComparisonRow& row : c.matrix) {
    json cells = json::array();
    for (const ComparisonCell& cell : row.cells) {
      json jc = {{"outlet", cell.outlet}};
      list_of(cell.claims, 0, &jc);
      cells.push_back(std::move(jc));
    }
    matrix.push_back({{"slot", row.slot}, {"cells", std::move(cells)}});
  }
  std::vector<const Disagreement*> order;
  for (const Disagreement& d : c.disagreements) order.push_back(&d);
  if (limits.max_disagreements && order.size() > limits.max_disagreements) {
    std::stable_sort(order.begin(), order.end(),
                     [](const Disagreement* x, const Disagreement* y) {
                       bool dx = x->kind == "assertion_vs_denial";
                       bool dy = y->kind == "assertion_vs_denial";
                       if (dx != dy) return dx;
                       return x->claims.size() > y->claims.size();
                     });
    order.resize(limits.max_disagreements);
  }
  json dis = json::array();
  for (const Disagreement* d : order) {
    json jd = {{"slots", d->slots}, {"kind", d->kind}, {"reason", d->reason}};
    list_of(d->claims, d->first_side, &jd);
    dis.push_back(std::move(jd));
  }
  json points = json::array();
  size_t shown = 0;
  for (const ContestedPoint& p : c.points) {
    if (limits.max_points && shown >= limits.max_points) break;
    ++shown;
    json positions = json::array();
    for (const PointPosition& pos : p.positions) {
      json jp = PositionJson(c, pos);
      std::vector<int> ids = pos.claims;
      if (ids.size() > max_claims) {
        jp["claims_total"] = ids.size();
        ids.resize(max_claims);
      }
      json cl = json::array();
      for (int i : ids) cl.push_back(claims[i]);
      jp["claims"] = std::move(cl);
      positions.push_back(std::move(jp));
    }
    json conflicts = json::array();
    for (auto [a, b] : p.conflicts) conflicts.push_back({a, b});
    points.push_back({{"kind", p.kind},
                      {"label", PointLabel(p)},
                      {"about", p.about},
                      {"scope", p.scope},
                      {"contested", p.contested},
                      {"timeline", p.timeline},
                      {"reason", p.reason},
                      {"sources", p.sources},
                      {"positions", std::move(positions)},
                      {"conflicts", std::move(conflicts)}});
  }
  return {{"outlets", c.outlets},
          {"points", std::move(points)},
          {"points_total", c.points.size()},
          {"contested_total",
           std::count_if(c.points.begin(), c.points.end(),
                         [](const ContestedPoint& p) { return p.contested; })},
          {"matrix", std::move(matrix)},
          {"disagreements", std::move(dis)},
          {"disagreements_total", c.disagreements.size()},
          {"agreements", c.agreements}};
}

}  // namespace marsad
