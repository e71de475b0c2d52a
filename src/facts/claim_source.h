// Who holds a claim: the source attribution of src/facts/claims.cc, and
// the classes of data/facts/points.tsv both use. Internal to src/facts.
#ifndef MARSAD_SRC_FACTS_CLAIM_SOURCE_H_
#define MARSAD_SRC_FACTS_CLAIM_SOURCE_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/document.h"
#include "src/facts/lexicon.h"
#include "src/facts/util.h"

namespace marsad {

namespace facts_internal {

// The source phrases of one document's claims: the speaker of a quotation
// as a source (SourceName), a bare head completed by the article's fullest
// phrase (FullerName), the source a claim's own sentence names
// (SentenceSource). ClaimBuilder (claims.cc) derives from it.
// REQUIRES: *doc and cx's pieces outlive the object (w_ views the
// document's word table). Not thread-safe per object.
class ClaimSources {
 protected:
  ClaimSources(Document* doc, const FinderContext& cx)
      : doc_(doc),
        t_(cx.table),
        w_(cx.table.words),
        lex_(cx.lex),
        pw_(cx.lex.points),
        cx_(cx) {}

  // QuoteModality and FindCasualties (util.h) of this document's words.
  std::string_view QuoteModality(const Document& doc, int q) const {
    return marsad::QuoteModality(lex_, t_, doc, q);
  }
  std::vector<CasualtyFound> FindCasualties(const Document& doc, size_t b,
                                            size_t e) const {
    return marsad::FindCasualties(doc, cx_, b, e);
  }

  // Who holds the claim whose words are `span`: the speaker of the
  // quotation that speaks them (SpeakingQuote), else the source its own
  // sentence names (SentenceSource), else "" (the outlet's voice).
  // `far`: a claim that is no figure (responsibility, control), whose
  // announcing verb may stand further back (SentenceSource).
  std::string SourceOf(Span span, bool far = false) const;
  // The quotation whose words hold `span`: of nested quotations (وذكرت
  // وسائل إعلام أن ...، في حين تقول السلطات أن الحصيلة 39) the innermost,
  // whose speaker said the words; -1 when none does.
  int SpeakingQuote(Span span) const;
  // The speaker of quotation q, or for "المصدر ذاته"-like speakers (a head
  // and ذاته/نفسه) the earlier quotation's speaker with the same head
  // (مصدر رسمي سوري).
  std::string SameSource(int q) const;
  // Whether a nested quotation's speaker is someone: a person or body the
  // entity stage names, or a source noun (not الفرضية التي تشير إلى أن).
  bool Speaks(const Quote& q) const;
  // The source an attribution word names inside the reported speech of
  // quotation q, between its cue and the claim or right after the claim
  // (أعلنت الوزارة أن ... مما أسفر، بحسب الحشد، عن مقتل 22); "" when none
  // does, in a direct quotation, or for a wire agency (data/facts/points.tsv
  // classes according, wire).
  std::string EmbeddedSource(int q, Span span) const;
  // The source a claim outside every quotation is attributed to in its own
  // sentence: the phrase after an attribution word (وفقا للمرصد السوري،
  // بحسب مصادر طبية، نقلا عن وزارة الصحة; the nearest to the claim), else
  // the subject of a tallying verb before it (وثق المرصد مقتل 18، أحصى
  // المرصد ... "مقتل 52"، أعلنت وزارة الصحة ارتفاع عدد القتلى). "" when
  // the sentence names none: the outlet's own voice.
  std::string SentenceSource(Span span, bool far = false) const;
  // The first word of the subject of the verb at q told in the past perfect
  // (وكانت وزارة الصحة قد أعلنت: between كان/كانت and قد, a source phrase;
  // *end: one past its last word); q when there is none.
  size_t KanaSubject(size_t q, size_t sb, size_t* end) const;
  // The source phrase of words [b, e) for display, a bare head (المرصد،
  // الحزب) completed by the fullest phrase of the article that begins
  // with the same word (المرصد السوري لحقوق الإنسان).
  // `own`: whether words [b, e) are the phrase as it stands in the claim's
  // sentence (its own continuation was cut for a reason, so it is not
  // taken again).
  std::string PhraseSource(size_t b, size_t e, bool own = true) const;
  // A one-word source (المرصد) as the article's fullest phrase that begins
  // with it; other names as they are.
  std::string FullerName(const std::string& name) const;
  // A one-word name as the article's fullest phrase that begins with it.
  std::string Completed(const std::string& name) const;
  // *w: a lookup word for one written word (its folded key as every form;
  // its views point into *w).
  void Lookup(std::string_view written, Word* w) const;
  // The subject written just before the verb at q (وسائل الإعلام السورية
  // اتهمت ...): a source phrase that ends at q, "" when none does.
  std::string SubjectBefore(size_t q, size_t sb) const;
  // The first word of the source after an attribution word at k: past a
  // detached ل، "ما"/"لما" and its verb (بحسب ما أفادت), عن, and a report
  // noun of the source (بحسب أحدث حصيلة لوزارة الصحة: the ministry).
  size_t AttributedFrom(size_t k, size_t se) const;
  // Whether w heads a source: a source, title, medium or actor noun of
  // data/facts/words.tsv, also written after ل (للمرصد، لوزارة).
  bool SourceHead(const Word& w) const;
  // A person or organisation named by the entity stage over word k: one
  // past its last word, else k.
  size_t EntityEnd(size_t k, size_t se) const;
  // What a source phrase never runs into: an event trigger, a casualty
  // word or a word of the points (رفضت السلطات الاتهامات، وثق المرصد مقتل).
  bool PointWord(size_t q, size_t se) const;
  // A function word: no part of a name (عن، في، أن، الذي ...).
  bool Particle(const Word& w) const;
  // Whether word q may go on a source phrase: a definite word (السوري،
  // للجيش) or a ل-genitive before one (لحقوق الإنسان); never a time word,
  // a date, a complementizer, a relative or a stop word.
  bool PhraseGoesOn(size_t q, size_t se) const;
  // The end of a source phrase at word k (k when none starts there): a
  // person or organisation of the entity stage, or a source head with the
  // word in construct after an indefinite head (وزارة الصحة، مصادر طبية)
  // and the definite words that qualify it (المرصد السوري لحقوق الإنسان).
  // `named`: the word is known to name a source (a speaker's one word), so
  // it needs to be no source head.
  size_t SourcePhraseEnd(size_t k, size_t se, bool named = false) const;
  // Whether word q is an indefinite relative adjective that may qualify an
  // indefinite source (مصدر عسكري سوري، وسائل إعلام محلية).
  bool Nisba(size_t q, size_t se) const;
  // A phrase ending at e taken on over في/لدى and a place or body the
  // entity stage names (مسعفون في غزة، المبعوث لدى الأمم المتحدة).
  size_t WhereEnd(size_t e, size_t se) const;
  // The display of a phrase whose first word k carries ل (للمرصد →
  // المرصد، لوزارة → وزارة), not a root ل (لبنان).
  std::string NoLam(size_t k, std::string s) const;
  // A quotation's speaker as a source: a hashtag written as words
  // (#وحدات_حماية_الشعب → وحدات حماية الشعب), and a report noun before its
  // author (أحدث حصيلة لوزارة الصحة → وزارة الصحة، بيان للجيش → الجيش).
  std::string SourceName(const std::string& speaker) const;
  // Index of the first word at or after byte `b`.
  size_t WordAt(uint32_t b) const;
  // The sentence's word range [*sb, *se) of word i.
  void SentenceOf(size_t i, size_t* sb, size_t* se) const;

  Document* doc_;
  const WordTable& t_;
  const std::vector<Word>& w_;
  const FactsLexicon& lex_;
  const PointWords& pw_;
  const FinderContext cx_;
};

}  // namespace facts_internal
}  // namespace marsad

#endif  // MARSAD_SRC_FACTS_CLAIM_SOURCE_H_
