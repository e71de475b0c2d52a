// The count-phrase reader: what a number or a noun of one sentence counts.
//
// A casualty figure is a harm predicate plus a count phrase; this reader is
// the count-phrase half, shared by the casualty scanner (casualty_scanner.cc)
// and free of any notion of which harm is meant. It answers, for words of one
// sentence: is this word inside a number (the text core's numbers, with a
// plural that the text core read as a dual after a number folded into that
// number: "4 مسلحين"), how many people does a noun count (1 for a singular
// victim noun or a title, 2 for a dual: جنديين، مسلحان، امرأتان), is this
// number a year (في 2011، منذ 2014, or four digits from 1900 to 2100
// counting no person), a period (الأيام الثمانية), a bound (على الأقل), or
// a people count written with a thousands dot ("1.700 شخص" is 1700: people
// come whole).
//
// Bounds, one convention for every producer and consumer: `min` and `max`
// of the NumberMention are the bounds written; an open upper bound is
// max = +infinity with approximate = true. "أكثر من 570" is min 570 (the
// text core keeps the written number, not 571), "570 على الأقل" and "ما لا
// يقل عن 570" are min 570; "نحو/حوالي 570" (also with و: ونحو) is min = max
// = 570 approximate; عشرات is 20..99, مئات 200..999 and الآلاف alone
// 2000..9999, approximate. An open lower bound ("ما يصل إلى 50"، "50 على
// الأكثر") is min 0, max 50, approximate: nobody counts fewer than none.
//
// Internal to src/facts. Thread safety: a reader is used by one thread; its
// number spans live in the document's CountScratch (util.h).
#ifndef MARSAD_SRC_FACTS_COUNT_PHRASE_H_
#define MARSAD_SRC_FACTS_COUNT_PHRASE_H_

#include <string>
#include <string_view>
#include <vector>

#include "marsad/document.h"
#include "src/facts/lexicon.h"
#include "src/facts/util.h"

namespace marsad {

// Reads the count phrases of words [b, e) (one sentence) of doc's word
// table (cx.table). REQUIRES: b <= e <= the table's size; doc and cx's
// pieces outlive the reader.
class CountPhraseReader {
 public:
  CountPhraseReader(const Document& doc, const FinderContext& cx, size_t b,
                    size_t e);

  // The entry of a casualty phrase at q if its position is `where` ('c'
  // accepts the 'b' words too: a verb that may stand on either side).
  const CasualtyEntry* KindAt(size_t q, char where) const;
  // True if word q is inside a number of this sentence (numbers_: the
  // sentence's few number spans, collected once per sentence).
  bool InNumber(size_t q) const;
  bool IsClass(size_t q, std::string_view cls) const;
  // "على الأقل" at q.
  bool AtLeast(size_t q) const;
  // The number n starting at word nb is one word (a dual: "مسلحين"), with
  // at most the bound it took ("مسلحين على الأقل").
  bool PluralAsDual(size_t nb, const NumberMention& n) const;
  // "N على الأقل" or "N أشخاص (مدنيين) على الأقل": the word index of على, or 0.
  size_t AtLeastAfter(size_t q) const;
  // "في 2011"، "منذ 2014", or four digits from 1900 to 2100 that count no
  // person or casualty noun after them: a year, not a count.
  bool Year(size_t nb, const NumberMention& n) const;
  // "الدقيقة 90"، "الفصل 78"، "المصاب رقم 119": a number right after a
  // definite thing or period noun or a label noun (data/facts/words.tsv
  // label) names which one, it counts nobody; unless a person or casualty
  // noun after it is its counted noun.
  bool Label(size_t nb, size_t ne) const;
  // "مصابون بالخرف"، "المصابين بالفيروس 14": an illness named by the figure's
  // words [from, ne) or the three words after them (data/facts/words.tsv
  // disease or illness): patients, not casualties.
  bool Illness(size_t from, size_t ne) const;
  // "تجاوزت حصيلة القتلى 100"، "ارتفع عدد الجرحى ليتخطى 40": a verb of
  // exceeding (data/facts/words.tsv exceed) before the number in its clause,
  // at most eight words back: 1, the number is a lower bound; -1 when the
  // verb is negated ("لا يتجاوز 50": an upper bound); 0 for none.
  int Exceeded(size_t nb) const;
  // "الأيام الثمانية الماضية": a definite number word after a period noun
  // counts the period ("الجنود الثلاثة" still counts people).
  bool DefiniteAfterThing(size_t nb) const;
  // People come whole: "1.700 شخص" and "12.000 شخص" wrote the thousands
  // with a dot (1700, 12000), never 1.7 people. Digits, one dot, and
  // exactly three digits after it are read so.
  void ThousandsDot(NumberMention* n) const;
  // A person noun at q: a singular or dual victim noun or a plural of people
  // (أشخاص، متهمين), also after من and a demonstrative (من تلك العناصر);
  // what ضبط counts when it arrests.
  bool Person(size_t q) const;
  // "نفى مقتل"، "عدم وقوع إصابات": a denied cue at q.
  bool Denied(size_t q) const;
  // How many people a noun counts: 1 for a singular victim noun or a title,
  // 2 for a dual (جنديين، مسلحان، امرأتان), else 0. A definite noun is an
  // already-counted person (وأصيب الرجل) unless listed with its article.
  int VictimCount(size_t v) const;
  // VictimCount, and one for a role noun that counts a person only after a
  // cue or a subset word (مقتل مسؤول، بينهم مسؤول; but "قال مسؤول").
  int RoleCount(size_t v) const;
  // A noun with a possessive pronoun whose head has class `cls` in
  // words.tsv (title: قائدها، زعيمه; kin_head: شقيقته، والداه): 2 for a
  // dual in construct (والداه، والديه، شقيقتاه; a head of three letters or
  // more, so أخاه and أخيه stay one), 1 for one, else 0.
  int PossessedCount(size_t v, std::string_view cls) const;
  int PossessedForm(std::string_view form, std::string_view cls) const;
  // "قائد المركبة ... ووفاة قائدها": the title of a possessed noun at v
  // stands earlier in the sentence, so it points back to that person.
  bool TitleBefore(size_t v) const;
  // Word v is inside a person's name the NER found (رضايان is no nisba
  // dual).
  bool InName(size_t v) const;
  // A word of a verb's subject between the verb and its object.
  bool SubjectWord(size_t k) const;
  // A noun with the article: ال that the stemmer takes off (not إلى، التي).
  bool Definite(size_t k) const;
  // "اعتقلت الشرطة متهما"، "قتل الجيش مسلحا": the verb's subject (definite
  // words or an actor head, at most three) stands before the counted object.
  // Returns the word after the subject, or v when there is none.
  size_t AfterSubject(size_t v) const;
  // The word after the verb's subject words starting at v (AfterSubject's
  // walk, whatever stands there), or v when there are none.
  size_t SubjectEnd(size_t v) const;

 protected:
  // Collects the sentence's number spans for InNumber. REQUIRES: b < e.
  void CollectNumbers();

  // The casualty scanner reads the sentence through these as well.
  const Document& doc_;
  const std::vector<Word>& w_;
  const FactsLexicon& lex_;
  size_t b_, e_;

 private:
  // The document's scratch (cx.count_scratch), reused across its sentences.
  std::vector<Span>& numbers_;
  std::string& scratch_;
};

}  // namespace marsad

#endif  // MARSAD_SRC_FACTS_COUNT_PHRASE_H_
