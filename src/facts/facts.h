// Facts with provenance: who said what (quotations), what happened (events
// with PLOVER and ACLED types, arguments and casualty figures) and the
// claims an outlet makes (one per event argument or notable assertion).
//
// Design. Arabic news attributes almost every fact: "قالت وزارة الدفاع إن",
// "وحسب معطيات الوزارة، أسفر ...", "نقلت وكالة إنترفاكس عن لافروف قوله".
// The value marsad adds is to keep that attribution next to each fact, with
// the exact words, so that a story's outlets can be compared claim by claim.
// So the stage is built bottom-up on provenance:
//
//   1. FindQuotes finds reporting cues (data/facts/reporting_cues.tsv) and
//      parses around them with a small, explicit grammar of press Arabic:
//      cue + speaker phrase (titles and names up to a stop word) + optional
//      channel (لوكالة ...) + a content opener (أن/إن/بأن, ':', a quote mark,
//      عن for تحدث) + content to the closing mark or the end of the clause.
//      Subjectless verbs (وأضافت) carry the previous speaker of the same
//      grammatical gender; participles (مشيرا إلى أن) the speaker of their
//      clause; back-references (البيان، الوزارة، الدفاع الروسية) resolve to
//      the fuller earlier speaker they abbreviate.
//   2. FindEvents finds triggers (event_triggers.tsv) per sentence, refines
//      the mode from context (قصف near طائرات is an air strike), maps to
//      ACLED, and fills arguments from the sentence: casualty figures from
//      the text core's numbers (with their min/max/approximate), dates from
//      the text core's resolved dates, places from entities or the
//      gazetteer, actor/target/weapon by local patterns. Modality comes from
//      negation, hedges and the quotation the event sits in.
//   3. BuildClaims turns every event argument and each presence assertion
//      (وجود جنود روس / بينهم جنود روس) into a Claim whose speaker and
//      modality are those of the quotation containing its own words.
//
// Rules rather than a trained model: there is no Arabic attribution corpus
// to train on, the cue inventory of news Arabic is small and closed, and a
// rule that fails is visible in its spans. The evaluator
// (tools/eval_facts) measures the rules on hand-annotated corpus sentences.
//
// Entities: when the NER stage has filled doc->entities, a speaker phrase
// overlapping a PER/ORG mention takes its entity id and a LOC mention is the
// preferred event location; without entities the stage falls back to its
// own phrase rules and the GeoNames place list, so it works in either build.
//
// Tables and scratch. The word tables (data/facts/*.tsv) come in a
// FactsLexicon loaded once (Resources::facts_lexicon()) and passed in. The
// three steps read one table of the document's words (tokens with their
// folded, bare and stem forms, and sentences): a FactsFinder builds it once
// for its document from the text core's analysis it is given
// (src/text/analysis.h) and owns it, with the scratch its finders reuse
// across sentences, so nothing is cached per thread or keyed by the text.
//
// Every item has UTF-8 byte spans into doc->text. Thread safety: the
// lexicon is immutable and shared; a FactsFinder is one document's, used by
// one thread; distinct documents may be run concurrently.
#ifndef MARSAD_SRC_FACTS_FACTS_H_
#define MARSAD_SRC_FACTS_FACTS_H_

#include "marsad/document.h"
#include "src/facts/lexicon.h"
#include "src/facts/util.h"

namespace marsad {

// The facts stage on one document: its word table built once at
// construction from `analysis`, the text core's analysis of doc->text,
// read by the three steps. REQUIRES: analysis.IsOf(doc->text); `lexicon`
// and *doc outlive the finder and doc->text is not changed while it lives
// (the table is that text's). Not thread-safe; one finder per document.
class FactsFinder {
 public:
  FactsFinder(const FactsLexicon& lexicon, const TextAnalysis& analysis,
              Document* doc);
  FactsFinder(const FactsFinder&) = delete;
  FactsFinder& operator=(const FactsFinder&) = delete;

  // FindQuotes, FindEvents and BuildClaims in order.
  void Run();
  // Fills doc->quotes (replacing them) from doc->text (and doc->entities
  // when present).
  void FindQuotes();
  // Fills doc->events (replacing them). REQUIRES: AnalyzeText (numbers,
  // dates) and FindQuotes have run on doc, so that casualty figures, dates
  // and attributions can be used.
  void FindEvents();
  // Fills doc->claims (replacing them) from doc->events, doc->quotes and the
  // text's presence assertions. REQUIRES: FindQuotes and FindEvents have run.
  void BuildClaims();

 private:
  FinderContext Context() { return {lex_, table_, &count_scratch_}; }

  const FactsLexicon& lex_;
  Document* doc_;
  WordTable table_;
  CountScratch count_scratch_;
};

// One step on its own (a finder made for the call; the table built for it).
void FindQuotes(const FactsLexicon& lexicon, const TextAnalysis& analysis,
                Document* doc);
void FindEvents(const FactsLexicon& lexicon, const TextAnalysis& analysis,
                Document* doc);
void BuildClaims(const FactsLexicon& lexicon, const TextAnalysis& analysis,
                 Document* doc);

}  // namespace marsad

#endif  // MARSAD_SRC_FACTS_FACTS_H_
