// The quotation parser shared by the files that implement it (internal to
// src/facts; the stage's API is FindQuotes in facts.h):
//
//   quotes.cc           the cue frames: for each reporting cue, where its
//                       speaker, channel, opener and content stand
//   speaker_phrase.cc   where a speaker phrase begins and ends, by the
//                       sentence's structure
//   speaker_resolve.cc  who a quotation's speaker is: carry-over for
//                       subjectless cues, the fullest mention in the article
//
// One QuoteParser reads one document, sentence by sentence; it is not shared
// between threads.
#ifndef MARSAD_SRC_FACTS_QUOTE_PARSER_H_
#define MARSAD_SRC_FACTS_QUOTE_PARSER_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "marsad/document.h"
#include "src/facts/lexicon.h"
#include "src/facts/util.h"

namespace marsad {
namespace facts_internal {

// Per-quote data the parser needs but Document does not keep.
struct QuoteNote {
  char gender = '-';
  bool statement = false;     // the cue region names a statement (بيان)
  std::string resolved_from;  // folded speaker words, for back-references
  bool relative = false;  // a cue after a relative pronoun (التي قالت)
                          // whose antecedent was not taken as a source
  // The cue stands inside an earlier quotation's content (وأضاف: «هناك ...
  // وفقا لتقارير الأمم المتحدة»، موضحا): its source is quoted, and no later
  // subjectless cue is carried over to it.
  bool nested = false;
};

struct Opener {
  enum Kind { kNone, kComp, kColon, kQuote, kAbout, kObject } kind = kNone;
  size_t at = 0;  // the opener word (content starts after it)
};

class QuoteParser {
 public:
  QuoteParser(Document* doc, const WordTable& t, const FactsLexicon& lex)
      : doc_(doc), text_(doc->text), w_(t.words), t_(t), lex_(lex) {}

  void Run() {
    doc_->quotes.clear();
    for (size_t s = 0; s < t_.sentences.size(); ++s) {
      if (t_.sentence_end[s] == 0) continue;
      Sentence(t_.sentence_first[s], t_.sentence_end[s]);
    }
  }

 private:
  struct Parsed {
    size_t span_begin = 0;  // first word of the quotation
    size_t speaker_b = 0, speaker_e = 0;
    Span via_span;
    std::string via;
    Opener open;
    size_t content_b = 0, content_e = 0;  // words
    size_t close = 0;                     // closing mark word, if direct
    bool direct = false, has_close = false;
    bool clause_subject = false;  // speaker: the subject of the sentence's verb
    bool lam_speaker = false;  // speaker written after ل (نسبت X لفلان القول)
    // If set, the gender by which a subjectless cue carries a speaker over
    // (نقل عنها: 'f').
    char carry_gender = 0;
  };

  bool IsCueAt(size_t i, size_t e) const {
    return lex_.cues.Find(w_, i, e, Forms::kBare).payload >= 0;
  }
  const CueEntry* CueAt(size_t i, size_t e) const {
    auto m = lex_.cues.Find(w_, i, e, Forms::kBare);
    return m.payload < 0 ? nullptr : &lex_.cue_entries[m.payload];
  }
  bool IsComma(size_t i) const {
    return w_[i].IsPunct("\xD8\x8C") || w_[i].IsPunct(",");
  }
  // A complementizer found through its bare form (فإن، وأن) must be written
  // with a hamza: "فان" is a name (فان جال).
  bool IsCompSurface(size_t i) const;

  // "علي" the name, not "على" folded: the surface ends in ي.
  bool IsAliName(size_t i) const;

  // بيان، البيان، بيانها: a statement.
  bool IsBayan(size_t i) const;
  bool IsWord(size_t i) const {
    return w_[i].kind == TokenKind::kWord || w_[i].kind == TokenKind::kLatin;
  }

  // لوكالة، لصحيفة: a channel after the speaker.
  bool IsMediumLam(size_t i) const;

  // Speaker phrase from j: returns its end. A phrase that has a title or a
  // source head (مصدر، مسؤول) continues through "في" + a noun phrase
  // ("مصدر في قيادة العمليات") unless what follows is a speech event or a
  // time ("في بيان"، "في تصريح"، "في وقت سابق").
  size_t SpeakerEnd(size_t j, size_t e) const;
  // The end of a speaker phrase [j, k) that holds two persons' names with
  // no conjunction, comma or title between them: the end of the first
  // (the second is the verb's object); else k.
  size_t SecondNameEnd(size_t j, size_t k) const;
  // The end of a title's phrase [j, k) extended through ", name" when the
  // name is closed by a comma before a complementizer, a complementizer or
  // a colon (الباحث في المعهد، فلان، إن); else k.
  size_t ApposedNameEnd(size_t j, size_t k, size_t e) const;

  // True if an adverbial of time starts at k: a temporal preposition (قبل،
  // بعد، منذ), a time noun in construct (أواخر، مطلع، ليلة) or a noun with a
  // time adjective (الأسبوع الماضي، الشهر الجاري). Such a phrase never belongs
  // to a speaker, wherever it stands.
  bool AdverbialAt(size_t k, size_t e) const;

  // True if word k is the preposition ب written apart (ووصفتها X بـ"...").
  bool IsBaToken(size_t k) const;

  // True if word k has the shape of a circumstantial participle (حال): مـ...ا
  // of five letters or more, indefinite accusative (مخاطبا، متحدثا، معلقا).
  // It describes the speaker while speaking and ends the speaker phrase.
  bool IsHal(size_t k) const;

  // True if word k (of a speaker phrase begun at j; `title` if a title was
  // seen in it) starts another noun phrase: a place or body (NER) right
  // after a person's name, or a plain indefinite word after two definite
  // ones. It is the verb's object.
  bool NewPhrase(size_t j, size_t k, bool title) const;

  // True if word k of a speaker phrase begun at j is في before a place (a
  // place name of the NER stage, or a direction or place noun before one)
  // after an unnamed source (مصدر طبي في مصر، مصادر أمنية في شمال سيناء):
  // where the source is, not who it is; the phrase ends.
  bool SourcePlace(size_t j, size_t k) const;

  // True if a place name (NER) begins inside word k (بالعريش: after ب).
  bool PlaceBeginsIn(size_t k) const;

  // True if word k has the shape of an indefinite relative adjective
  // (عسكري، سورية: ي or ية, no article, in no word class).
  bool IsNisba(size_t k) const;

  // True if word k is و or ف written apart ("و أضاف"): a conjunction.
  bool IsLoneWa(size_t k) const;

  // True if word k opens a clause lead after a subject (من جهته، من
  // جانبها، بدوره): the phrase before it is complete.
  bool SideLead(size_t k) const;

  // True if word k (of a speaker phrase begun at j) is ب + a definite noun
  // after a complete phrase: a person's name, a lone back-reference
  // (المصدر), or an apposition's comma. It opens the verb's complement
  // (ونوه المصدر بالدعم، أقر فلان، المستشار ...، بالتآمر), never an
  // apposition (a noun phrase).
  bool BaComplement(size_t j, size_t k) const;

  // True if a number (digits or a number word of the text core) starts at
  // word k. A count after a subject is the verb's object, never a speaker.
  bool NumberAt(size_t k) const;

  // True if word k follows the end of a person's name (NER) and is a
  // definite word that is no title: the name's phrase is complete, so what
  // follows is the verb's object or a clause (ترامب المشرعين، فلان التغريدة
  // التالية), never part of the speaker. A title continues it as an
  // apposition (فلان المتحدث باسم ...).
  bool AfterName(size_t k) const;

  // True if a person's name (NER) ends right before word k.
  bool PersonEndsAt(size_t k) const;

  // True if word k is يدعى/تدعى ("is named", folded like يدعي "claims")
  // right before a person's name: part of a phrase, never a cue.
  bool NamedAs(size_t k) const;

  // True if word k lies inside a person's name (NER) begun before it.
  bool InPersonName(size_t k) const;

  // "لـCNN"، "لبي بي سي": an addressee after the speaker (ل written on a
  // Latin name or with a tatweel, or ل + a medium).
  bool IsAddressee(size_t k) const;

  // If the "(" at k opens a short name (at most six words, then ")"),
  // returns the word after ")"; else 0.
  size_t ParenthesisEnd(size_t k, size_t e) const;

  // If the dash (or "(") at k opens an aside closed by the same mark within
  // eight words ("شاهد عيان - فضل عدم ذكر اسمه - أن"), returns the word
  // after it; else 0.
  size_t AsideEnd(size_t k, size_t e) const;

  // مقتل، بمقتل، وقوع ...: a verbal noun of a fact.
  bool IsFactObject(size_t k) const;

  // After a comma: a title or a name (NER person) continues the speaker
  // ("محمد فلان، سفير ..."، "المرشد الإيراني، علي خامنئي").
  bool Apposed(size_t k) const;

  // "لـ«الجزيرة»"، "للصحفيين"، "لوكالة ...": an addressee or channel right
  // after the verb. Returns the end of it (j if there is none).
  size_t AddresseeEnd(size_t j, size_t e) const;

  // The content opener at or after k (within the sentence).
  //
  // Between the speaker and the opener only adverbials may stand: a phrase
  // opened by a preposition or time word (في تصريح صحفي، أمس الخميس، خلال
  // مؤتمر)، an addressee (لـ«عكاظ»)، punctuation. A plain word there is the
  // verb's object ("أكد أهمية ..."، "أعلن حالة الطوارئ")، and a report with a
  // nominal object is not a quotation.
  // `budget`: plain words allowed before the first adverbial (an apposition
  // left after a name, AfterName).
  Opener FindOpener(size_t k, size_t e, CueKind kind, int budget = 0) const;

  // If the mark at q opens a short quoted name (at most three words, then a
  // mark not followed by the end of the sentence), returns the word after
  // its closing mark; else 0.
  size_t QuotedName(size_t q, size_t e) const;

  // Closing mark of a direct quotation opened at `o`, or 0.
  size_t FindClose(size_t o) const;

  // End (exclusive) of indirect content starting at b.
  size_t IndirectEnd(size_t b, size_t e) const;
  size_t TrimEnd(size_t b, size_t e) const;

  // Content after the opener.
  bool Content(Parsed* p, size_t e) const;

  // "وكان مصدر عسكري سوري قال ...", "الدفاع الروسية تقول إن": subject before i.
  std::pair<size_t, size_t> SubjectBefore(size_t i, size_t b) const;

  // True if word k has the shape of a verbal noun of the derived verb forms
  // without the article (إفعال، افتعال، انفعال، استفعال، تفعيل، تفاعل:
  // إخراج، انتهاء، انطلاق، تشكيل، تواصل).
  bool MasdarShape(size_t k) const;
  // True if word k is ال + a verbal noun of the derived forms (those of
  // MasdarShape, and تفعّل: التوصل، التدخل) outside every word class: after
  // من/عن it is the verb's complement, not part of the subject (تقترب
  // الشركة من التوصل، أعلن المجلس عن الانتهاء).
  bool DefiniteMasdar(size_t k) const;

  // True if a relative's noun (words.tsv kin_head: زوجة، شقيق) stands right
  // before person mention m: the phrase names the relative, not m.
  bool KinOf(const EntityMention& m) const;

  // The phrase in apposition before person mention m: closed by a comma
  // right before the name (حارس الفريق الثاني، فلان), up to six words, else
  // up to `near` words right before it (المعالج الفيزيائي فلان); in its
  // sentence, after any other punctuation. Empty if there is none.
  Span ApposedBefore(const EntityMention& m, size_t near) const;
  // The author of the statement a cue + فيه/فيها reports ("أصدرت الوزارة
  // بيانا قالت فيه": الوزارة; "تصريحات محام للحكومة أكد فيها": محام
  // للحكومة): the complement of the statement noun before the cue, else the
  // subject of the sentence's verb. {0, 0} if neither can be a source.
  std::pair<size_t, size_t> StatementAuthor(size_t i, size_t b) const;
  // The subject opening a clause [b, comma) before a verb after a comma:
  // "(لكن) فلان، الأستاذ في جامعة ...، حذر" gives فلان (a source of up to four
  // words closed by a comma, then one apposition). {0, 0} otherwise.
  std::pair<size_t, size_t> OpeningSubject(size_t b, size_t comma) const;
  // True if word k is a title or a source head, with or without the article
  // (وزير، المسؤول، مصادر).
  bool TitleLike(size_t k) const;
  // True if a person's name (NER) starts at word k.
  bool PersonAt(size_t k) const;
  // True if word k is written as the last word of an earlier person's
  // mention (NER): بالمر after والتر بالمر.
  bool EndsEarlierName(size_t k) const;
  // True if no speaker phrase can start at word k: a preposition (بـ، من،
  // بالإضافة), a demonstrative or other pronoun-like word (ذلك، هناك، ما).
  bool NoSubjectStart(size_t k) const;
  // True if the relative pronoun at r agrees in gender with the cue verb at
  // i (الذي قال، التي قالت; الذين with any).
  bool RelAgrees(size_t r, size_t i) const;

  // The person or organisation (NER) whose mention ends right before word k,
  // with its title and apposition: "سفير البلاد، الأمير فلان، الذي قال".
  std::pair<size_t, size_t> NameBefore(size_t k, size_t b) const;

  // "أصدر ... بيانا ... قال فيه": the definite subject after كان.
  std::pair<size_t, size_t> StatementSubject(size_t i, size_t b) const;

  // Leading definite noun phrase (or one name) for object-taking denials.
  size_t DefiniteEnd(size_t j, size_t e) const;

  void Sentence(size_t b, size_t e);

  // Filters cue words that are not reporting here: a verbal noun after a
  // preposition or عدم (على ذكر، عدم ذكر)، بين the preposition (بين الجانبين)،
  // the inference idiom (مما يشير إلى)، and يُذكر أن ("it is worth noting").
  bool Plausible(const CueEntry& cue, size_t i, size_t b, size_t e) const;

  // A present-tense cue inside another quotation's content with no source
  // for its subject (speakers round 12).
  bool NestedNonSource(const CueEntry& cue, size_t i, const Parsed& p,
                       size_t first_in_sentence) const;

  // "وقالت الشركة إن ...، وفق ما نقلت رويترز": a medium (or a source after
  // a verb of relaying) named after a clause that already holds a
  // quotation of this sentence relays that quotation (it becomes its
  // channel, `via`); it is no quotation itself.
  bool Relays(size_t i, const Parsed& p, size_t first_in_sentence);

  bool Verb(const CueEntry& cue, size_t i, size_t ce, size_t b, size_t e,
            Parsed* p);

  // "أعلن X أمس مقتل ..."، "أفاد مصدر بمقتل ..."، "أشارت الوزارة إلى وجود ...":
  // a verbal noun of a fact (fact_object) as the reported content, after
  // adverbials only; أشار/لفت take any noun after إلى.
  Opener FactObject(size_t i, size_t k, size_t e) const;

  // True if the cue at i follows "، كما": a clause before it, the verb
  // attributing it ("...، كما أعلن X"), not "also" (كما قال X إن, which
  // opens its own content).
  bool PostPosedKama(size_t i, size_t b) const;

  // اتهمت X Y بقتل ...: the content is the accused Y (after adverbials from
  // k) when a word with the proclitic ب follows it (the charge).
  Opener AccusedOf(size_t k, size_t e) const;

  // أكد / شدد take their content after على.
  bool TakesAla(size_t i) const;

  bool Participle(size_t i, size_t e, Parsed* p);

  // بحسب X: the source phrase runs to a comma, a channel (لـ«...»)، an
  // opener or the sentence end; quoted names stay inside it. With words after
  // it the content follows ("بحسب الوزارة، أصيب ...")؛ at the sentence end the
  // content is the clause before the cue ("...، بحسب ناشطين").
  bool Source(size_t i, size_t b, size_t e, Parsed* p);

  // A phrase that can be a source: it names a person, body, document or
  // medium (بحسب ناشطين، وفق بيان، حسب الوزارة)، not a criterion (بحسب نوع).
  bool SourceLike(size_t b, size_t e) const;

  bool Chain(const CueEntry& cue, size_t i, size_t b, size_t e, Parsed* p);

  // "نسبت الوكالة لفلان القول إن ...": X the channel, the word after ل the
  // speaker up to القول.
  bool Attributed(const CueEntry& cue, size_t i, size_t e, Parsed* p);

  bool About(size_t i, size_t b, size_t e, Parsed* p);

  bool Statement(size_t i, size_t ce, size_t e, Parsed* p);

  // Folded words of a phrase without the article, for containment tests.
  std::vector<std::string> Keys(size_t b, size_t e) const;

  static bool Contains(const std::string& hay,
                       const std::vector<std::string>& keys);

  // True if speaker keys `from` open with a title or role word whose
  // construct complement is `head` (مدير|مرصد|... for the head مرصد): that
  // speaker is the titled person, not the body.
  bool TitledOther(std::string_view from, std::string_view head) const;

  // Resolves an abbreviated or anaphoric speaker to an earlier fuller one.
  int Antecedent(size_t b, size_t e, bool statement_anaphor) const;

  // The latest quotation with a speaker: of the same grammatical gender if
  // there is one, else any.
  int CarryOver(char gender) const;

  // The latest quotation of the sentence (from `first`), preferring one whose
  // cue agrees in gender; -1 if the sentence has none yet.
  int LatestInSentence(char gender, size_t first) const;

  // True if word i stands after an odd number of quote marks of its
  // sentence: the sentence opens inside a quotation begun earlier
  // ("... على الحافلة"، مشيرا إلى"), so its first words are no subject.
  bool InsideQuotation(size_t i) const;

  void SetSpeakerFrom(int q, Quote* out, QuoteNote* note) const;

  void Emit(const CueEntry& cue, size_t i, size_t ce, const Parsed& p,
            size_t first_in_sentence);

  // A participle whose clause has no reported speech before it: the subject
  // of the sentence's first verb ("وعرض نائب الوزير أمثلة ...، مشيرا إلى").
  bool ClauseSubject(size_t i, Quote* q, QuoteNote* note) const;

  // A participle in a sentence with no quotation before it, after a clause
  // joined by و after a comma whose verb agrees with it: that verb's
  // subject, a named entity or a phrase opening with a source word
  // ("...، وأعلنت الدولة مسؤوليتها عنها، قائلة").
  bool LastClauseSubject(size_t i, char gender, Quote* q,
                         QuoteNote* note) const;

  // A short definite noun phrase (at most three words, the first with ال and
  // no preposition): a possible subject (المسن). Not a demonstrative, a
  // prepositional phrase or a longer chain (هذه الصور، بالتجسس).
  bool PlainDefinite(size_t b, size_t e) const;

  // A subjectless cue with no speaker before it in the article: the subject
  // of the previous sentence's verb ("اعتقلت الشرطة 20 شخصا. وقالت إن ...").
  bool PreviousClauseSubject(size_t i, Quote* q, QuoteNote* note) const;

  // The subject after the first (reporting, else any) verb of words [b, i),
  // if it names a possible source (SourceLike): a person, body, title or
  // source noun, never any noun phrase (القرار، هذه الصور).
  // With `gender` set, only a source (never a plain definite noun) after
  // the sentence's first verb, of that gender.
  bool ClauseSubjectIn(size_t b, size_t i, Quote* q, QuoteNote* note,
                       char gender = 0) const;

  // End of the subject after verb v (before i) if it can be a source, else
  // 0; with `gender` set, the verb must agree (VerbGender).
  size_t SubjectAfter(size_t v, size_t i, char gender) const;

  // The gender a verb shows: a cue's own, a perfect's feminine ت (وتبنت),
  // an imperfect's ي (masculine); '-' where the form does not tell
  // (تحدث، تقول).
  char VerbGender(size_t v) const;

  // A carried cue (وقالت) whose previous sentence reports nobody but opens
  // with a verb whose subject is a source of the cue's gender ("وتبنت
  // الحركة ... الهجوم. وقالت إن"): that new subject, not the older speaker
  // `src`.
  bool NewSubjectSince(int src, size_t i, char gender, Quote* q,
                       QuoteNote* note) const;

  void Speaker(const Parsed& p, const CueEntry& cue, Quote* q,
               QuoteNote* note) const;

  // The fullest mention in the article of who a speaker phrase [b, e) names:
  //  * a phrase holding a person (NER) names that person: the longest mention
  //    of the same entity id before the phrase's end (its title words
  //    included: "ليروي ساني" for "ساني");
  //  * a title or role with no person in it (الوزير، المتحدث باسم الجيش)
  //    names the nearest earlier person introduced with that title word,
  //    before the name (role) or in an apposition after it;
  //  * an institution back-reference (الوزارة، المنظمة، الوكالة) names the
  //    nearest earlier organisation whose name holds that noun.
  // One pass over the document's entities per speaker phrase.
  struct Mention {
    int entity = -1;  // index into doc_->entities
    Span extent;      // title + name (+ apposition)
  };
  Mention FullestMention(size_t b, size_t e) const;

  // A person's mention with its title words (NER role) and an apposition
  // after a comma that starts with a title ("فلان، المتحدث باسم ...").
  Span Extent(const EntityMention& m) const;

  // True if another mention of m's entity starts, at a word's start, with
  // the letters of the word m starts inside (ترامب for لترامب): the letters
  // before m are a proclitic, not the name's.
  bool ProcliticBefore(const EntityMention& m) const;

  // How many words of a title phrase [b, e) after its head are in span
  // `ext` (a relative adjective also as its base: القبرصي in قبرص).
  int ModifiersIn(size_t b, size_t e, Span ext) const;

  // True if title phrase [b, e) holds an organisation (NER) no word of which
  // is in span `ext` (or, if `ext` is empty, in the folded speaker words
  // `from`): المتحدث باسم الحركة is not the spokesman of another body named
  // earlier.
  bool ForeignBody(size_t b, size_t e, Span ext, const std::string& from) const;

  // The body that wrote the report named by word b (التقرير، الدراسة): the
  // organisation (NER) within six words after the article's first report
  // noun (class document, definite or not), else the phrase after an
  // author verb right after that noun (إحصائية أعدها مركز ...); an empty
  // extent otherwise.
  Mention Author(size_t b) const;

  // Index of the first word starting at or after byte `at`.
  size_t WordAfter(uint32_t at) const;

  // True if a word of span s is `w` without the article or a proclitic
  // (وزير الخارجية holds الوزير; وزارة الدفاع holds الوزارة).
  bool HasWordOf(Span s, const Word& w) const;
  static std::string_view NoAl(std::string_view k);

  std::string KeysOf(Span s) const;

  // للجنة → اللجنة، لوزارة → وزارة (a mention written after the preposition).
  static std::string StripLam(std::string d);

  // Entity id (and canonical name with role) from the NER stage, if any.
  void Entity(Quote* q) const;

  Document* doc_;
  std::string_view text_;
  const std::vector<Word>& w_;
  const WordTable& t_;
  const FactsLexicon& lex_;
  std::vector<QuoteNote> notes_;
};

}  // namespace facts_internal
}  // namespace marsad

#endif  // MARSAD_SRC_FACTS_QUOTE_PARSER_H_
