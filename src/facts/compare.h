// The per-story comparison: each outlet's claims side by side, with the
// disagreements between them.
//
// Design. Systems that fuse figures (EMM) or keep the lowest (ACLED) hide
// exactly what an analyst needs: that the ministry says 25 injured while
// unnamed sources say about 150 killed and wounded. So the comparison never
// merges. Its unit is the POINT an analyst lines up across sources, each
// once per story: the killed (or injured, killed-or-injured, missing) of the
// incident, whether the attack happened (occurred), the weapon (chemical;
// weapon:cause, what an explosion, crash or fire came from: an accident
// against a deliberate act, or a cause and its denial), who is
// responsible (also the doer a strike's own words name, responsibility:doer,
// which contests only a denial naming its party: the two sides of an
// exchange of fire are two strikes), whose forces were present, and "other"
// points a conflict turns on (other:control, control of a place claimed
// against partial control or its denial; other:election_fraud, fraud alleged
// against a fair vote; other:deliberate, a killing or shooting meant against
// a mistake or the denial of deliberate fire; other:interception, missiles
// intercepted against missiles that hit their targets or an interception
// denied; other:legality, an act or a building called illegal against its
// recognized legality; other:talks, an agreement reached or progress made
// against failed talks at comparable times; other:began, a demolition, an
// eviction or a withdrawal begun against a later denial that it began;
// other:allegation, an accusation whose charge is no attack (harassment,
// fraud) against the denial that answers it, a point only when the charge's
// words are in the story's titles: a denied allegation a report recalls in
// a story about something else is background). A point holds POSITIONS:
// one value held by one source (speaker, else the outlet itself), with the
// outlets and reports that carry it, the earliest report and every claim's
// exact span. A point is CONTESTED when two of its positions really differ:
//
//  * figures of one kind from different sources whose ranges are apart by
//    more than a quarter (17 vs 18 dead is one count; an approximate figure
//    is ±10%, a lower bound [n, ∞)), given at comparable times: by one
//    report, or by reports published within three hours, unless the later
//    report, more than an hour after the earlier, has the higher figure (a
//    toll rising over the morning through several voices). A toll that grows
//    over the day or over days, or one source's own updates (a spokesman
//    speaks for the body his role names, before or after his name), is a
//    TIMELINE, not a dispute. A vague quantity (عشرات = 20-99) is shown, never
//    contests a count ("about 100" vs "dozens" is no conflict); a figure
//    inside a denial is not its speaker's count.
//  * a combined count against one of its kinds only when clearly
//    inconsistent (about 150 killed and wounded vs 25 injured: more than
//    twice, or fewer than the kind alone); the point then shows both.
//  * assertion against denial from different sources (presence, occurred,
//    weapon, responsibility, other), different parties held responsible,
//    and full against partial control at comparable times.
//  * never across incidents or populations: figures of events dated to
//    different days, or counting different people (46 جنديا, 289 مدنيا);
//    figures whose sentences place them in different towns or provinces
//    (3 injured in Basra, 30 in Baghdad: the place written with في or ب
//    near the figure, or opening its sentence; a country and a place in it,
//    or two places of one province, stay one count; data/nlp gazetteers);
//    one victim (مقتل مزارع) against a toll of several; a later count of a
//    roundup report (one that gives two different whole counts of a kind:
//    42 Houthis killed on one front, then 5 on another; a day's accidents)
//    against another report's figure, unless both name one place: each of
//    its counts after the first is its own incident; a figure of an
//    earlier incident the report recalls (its event dated more than a week
//    before the happening's day, the day most figures are dated to, also by
//    a bare year of its own: "last year"; or undated after an event dated
//    to such a day or month in the report); another happening (scope
//    "other": حكم بإعدام 75 متهما). Names of one party (data/facts/
//    parties.tsv: داعش = تنظيم الدولة الإسلامية; a name within a longer
//    one: غولن) are no competing parties, nor are attackers named by what
//    they are (مسلحين) against a claimant; commanders and officers
//    (ثلاثة من أبرز القيادات) are a count of their own.
//  * a missing count that moves between reports more than an hour apart, a
//    figure its sentence gives as said earlier (في وقت سابق), and an initial
//    toll (في حصيلة أولية) are a timeline.
//  * figures of one kind that one source gives in one sentence are a
//    breakdown (4 killed in one state, 5 in another) and no rival of another
//    source's total; the largest stays the whole when it is at least the sum
//    of the others.
//
// Figures are anchored to the happening by the facts stage's Claim::scope,
// read again where a toll rises (بمقتل الستة يرتفع عدد القتلى منذ 30 مارس
// إلى 200: the day's six are the incident's, the total after the rise word
// is wider) or follows منذ بدء anywhere in its sentence:
// a wider total (since the offensive began, this year, الحصيلة الإجمالية)
// is its own point, kept apart; a part of a toll (بينهم 5 أطفال) is its own
// point and never contested; a past event (an anniversary, an earlier year)
// is no point of the story. Points are ranked contested first, then the
// incident before wider scopes, by weight (casualties > occurred/weapon >
// responsibility/presence) and by number of sources.
//
// The slot × outlet matrix of claims and the pairwise "disagreements" (one
// per contested point, its two sides) are kept for the web page.
//
// Thread safety: pure functions.
#ifndef MARSAD_SRC_FACTS_COMPARE_H_
#define MARSAD_SRC_FACTS_COMPARE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "marsad/document.h"

namespace marsad {

class FactsLexicon;

struct ComparedClaim {
  int64_t article = 0;
  std::string outlet;
  Claim claim;
  std::string via;   // channel of the quotation the claim sits in
  std::string text;  // the claim's exact words (claim.span in the article)
};

struct ComparisonCell {
  std::string outlet;
  std::vector<int> claims;  // indexes into Comparison::claims
};

struct ComparisonRow {
  std::string slot;
  std::vector<ComparisonCell> cells;
};

struct Disagreement {
  std::vector<std::string> slots;
  std::string kind;  // size | kind | kind_and_size | assertion_vs_denial
  std::string reason;
  std::vector<int> claims;  // indexes into Comparison::claims
  size_t first_side = 0;    // claims[0, first_side) are one side
};

// One position on a point: a value held by one source, with every report
// that carries it.
struct PointPosition {
  std::string value;  // "25", "~150", ">=20", "20-99", "asserted", "denied",
                      // "partial", a party
  std::string slot;   // the claims' slot (a point may line up related kinds)
  double min = 0, max = 0;
  bool approximate = false;
  std::string modality;  // asserted | denied | alleged | hedged
  std::string source;    // the speaker; empty = the outlet itself
  std::vector<std::string> outlets;
  int reports = 0;
  std::string first_seen;  // the earliest report's publication time
  int64_t first_article = 0;
  std::vector<int> claims;  // indexes into Comparison::claims (spans, words)
};

// A point an analyst lines up across sources: a casualty figure of one
// incident, whether it happened, the weapon, who is responsible, presence.
struct ContestedPoint {
  std::string kind;   // killed | injured | killed_or_injured | missing |
                      // occurred | weapon | responsibility | presence | other
  std::string about;  // the slot: "killed", "weapon:chemical",
                      // "presence:russian_personnel"
  std::string scope =
      "incident";  // incident | wider (a whole offensive, a year)
  bool contested = false;
  bool timeline = false;  // a value that moved over time (a rising toll)
  std::string reason;
  std::vector<PointPosition> positions;
  std::vector<std::pair<int, int>>
      conflicts;  // position index pairs that differ
  int sources = 0;
};

struct Comparison {
  std::vector<std::string> outlets;
  std::vector<ContestedPoint> points;  // ranked: contested first
  std::vector<ComparedClaim> claims;
  std::vector<ComparisonRow> matrix;
  std::vector<Disagreement> disagreements;
  int agreements = 0;
};

// The outlet label of a report: its outlet, else its agency, else
// "تقرير <id>".
std::string OutletLabel(const Document& d);

// Arabic labels for readers (no slot names): "قتلى", "استخدام سلاح كيميائي",
// "المسؤولية (…)"; a position's value ("أكثر من 20", "نفي", "يحمّل X").
std::string PointLabel(const ContestedPoint& p);
std::string PositionLabel(const PointPosition& pos);

// REQUIRES: every report has its analysis (claims, quotes) and text; the
// pointers outlive the call only. The lexicon gives the comparison's tables
// (points.tsv's populations and generic doers, parties.tsv, the gazetteer's
// places): Resources::facts_lexicon().
Comparison CompareStory(const FactsLexicon& lexicon,
                        const std::vector<const Document*>& reports);

// JSON for the API and `marsad story --json`: {outlets, matrix:[{slot,
// cells:[{outlet, claims}]}], disagreements:[{slots, kind, reason, claims}],
// agreements}. Each claim: article, outlet, slot, value, min, max (null when
// unbounded or not numeric), approximate, speaker, via, modality, text,
// span {begin, end} (UTF-8 bytes into that article's text), event.
//
// Each claim also carries "disputed": whether any disagreement names it.
// With limits (0 = none), a long-running story stays a readable page: one
// story of the SaudiNewsNet corpus gathered 233 reports, 1,047
// disagreements and a 3.8 MB comparison. The disagreements kept are the
// denials first, then the ones with the most claims; a list of claims longer
// than max_claims keeps its first ones (for a disagreement, half from each
// side) and says "claims_total"; "disagreements_total" is always written.
//
// "points" (ranked, contested first): [{kind, about, scope, contested,
// timeline, reason, sources, positions:[{value, slot, min, max, approximate,
// modality, source, outlets, reports, articles, first_seen, first_article,
// claims}], conflicts:[[i, j]]}], with "points_total" and "contested_total";
// max_points caps the list (the rest is "more").
struct ComparisonJsonLimits {
  size_t max_points = 0;
  size_t max_disagreements = 0;
  size_t max_claims = 0;  // per matrix cell and per disagreement
};
nlohmann::json ComparisonToJson(const Comparison& c,
                                const ComparisonJsonLimits& limits = {});

}  // namespace marsad

#endif  // MARSAD_SRC_FACTS_COMPARE_H_
