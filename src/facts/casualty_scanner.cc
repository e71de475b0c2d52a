// The casualty scanner: the harm figures of one sentence.
//
// Casualties are the text core's numbers (so "نحو 150" is approximate and
// "أكثر من 20" a lower bound) given a kind by the words around them: the
// counted noun (24 قتيلا), a pair phrase after it (150 عنصرا بين قتيل وجريح →
// killed_or_injured, kept distinct from killed and injured), or a cue before
// it (مقتل 5، أصيب 25). A cue before a title or a singular victim noun
// (مقتل الفريق فلان، استشهاد جندي) is one casualty. The event finder
// (events.cc) gives each figure its event.
//
// A figure is found from any side of its number: the cue before it (مقتل 5),
// the counted noun after it (24 قتيلا), a verb after the counted noun (45
// مدنيا قتلوا، 387 شخصا لقوا حتفهم), the toll noun (عدد القتلى إلى 105), the
// group it belongs to (طفلين بين الضحايا), or the figure before it (و19
// طفلا، بينهم 8، وستة آخرون). A noun with no number counts people too: one
// for a singular victim noun or title (مقتل شرطي، وأصيب آخر، بينهم رضيع), two
// for a dual (جنديين، مسلحان). Not figures: ages (عمرها 11 عاما), denied
// cues (نفى مقتل), a plural noun after a number or أي read as a dual, and a
// number counting something else (و2.6 مليون نازح).
//
// Bounds follow one convention, written in count_phrase.h.
//
// The rules are written as grammar, not as the forms one sentence showed:
// each harm predicate is listed with its paradigm (perfect and imperfect,
// masculine and feminine, dual and plural, passive, masdar, participle) in
// data/facts/casualties.tsv, and a figure is a predicate plus a count phrase
// in either order within a bounded window: a verb may stand across its
// subject (قتلت حركة الشباب خمسة رجال، اعتقلت الشرطة متهما), a count may be
// coordinated to the figure before (مقتل جندي وشرطيين), a toll noun may be a
// clause before "إلى N" (عدد القتلى ... ارتفع إلى 122). Counts of things
// (دجاجة، مخالفة، سفينة), years (في 2011), periods (الأيام الثمانية), released
// detainees and survivors are not figures; people come whole, so "1.700
// شخص" is 1700.
//
// Precision rests on one principle: a figure needs a harm predicate that
// governs its count. A number governed by a word of another act inherits
// nothing from the figure before it (ونقل 66 آخرون، خرج ثلاثة منهم، كما أسر
// 5 آخرون); a number after a label noun names which one (الدقيقة 90، الفصل
// 78); fractions, incidents (20 غارة) and patients of an illness (مصابون
// بالخرف، أصيب بنوبة قلبية) count no casualties; "أحد المفقودين" points back
// to a group already counted; "مقتل أو اعتقال 20" fits no kind. Recall
// follows the same grammar from the other side: a verb of exceeding (تجاوزت
// الحصيلة 100: more than 100; لا يتجاوز: at most), a toll head after its
// number (إلى 96 عدد القتلى), a counterpart after مقابل, a passive masdar
// after its counted noun (تم القبض عليهم), a relative clause's harm verb
// (المحتجزين الذين قضوا نحبهم), and a subject that splits a verb pair (شخصا
// قتل وأصيب 20).
#include <algorithm>
#include <cmath>
#include <limits>

#include "src/facts/count_phrase.h"
#include "src/facts/facts.h"
#include "src/facts/lexicon.h"
#include "src/facts/util.h"

namespace marsad {

namespace {

// Casualty figures of one sentence (see the file comment). A small state
// machine per number, then one pass for counted nouns without a number.
class CasualtyScanner : public CountPhraseReader {
 public:
  using CountPhraseReader::CountPhraseReader;

  std::vector<CasualtyFound> Run() {
    if (b_ >= e_) return {};
    uint32_t lo = w_[b_].span.begin, hi = w_[e_ - 1].span.end;
    CollectNumbers();
    pending_.clear();
    for (const NumberMention& n : doc_.numbers) {
      if (n.span.begin < lo || n.span.end > hi) continue;
      if (!n.unit.empty() && static_cast<unsigned char>(n.unit[0]) < 0x80)
        continue;
      Number(n, /*inherit_only=*/false);
    }
    Counted();
    // A number after a counted noun's figure ("توقيف قائد المركب وثلاثة من
    // مساعديه") inherits once those figures exist.
    for (const NumberMention& n : pending_) Number(n, /*inherit_only=*/true);
    std::sort(out_.begin(), out_.end(),
              [](const CasualtyFound& a, const CasualtyFound& c) {
                return a.span.begin < c.span.begin;
              });
    return std::move(out_);
  }

 private:
  void Number(NumberMention n, bool inherit_only) {
    size_t nb = WordAt(w_, n.span.begin), ne = WordAt(w_, n.span.end);
    if (ne > e_) return;
    if (nb > b_ && lex_.Is(w_[nb - 1], "year_word")) return;  // عام 1893
    if (Year(nb, n)) return;
    if (Label(nb, ne)) return;  // الدقيقة 90، الفصل 78
    // "حالتي وفاة"، "3 حالات حرجة": cases of a triage report (a dual case
    // noun read as the number, or the number's counted case noun) after a
    // figure of its sentence (خمس إصابات وحالتي وفاة); alone, cases are as
    // often an illness's or a year's statistics.
    if (size_t c = ne == nb + 1 && IsCase(nb) ? nb : ne;
        c < e_ && IsCase(c) && Before(nb) && n.min == std::floor(n.min)) {
      std::string k = CaseKindAt(c, nb);
      if (!k.empty() && !Illness(nb, c + 2)) {
        out_.push_back({k, n, n.span});
        return;
      }
    }
    if (ne < e_ &&
        (IsClass(ne, "thing") || (IsClass(ne, "incident") && !Proclitic(ne))))
      return;  // ضبط 21 مخالفة، 10 آلاف دجاجة
    if (ne > nb && IsClass(ne - 1, "thing"))
      return;  // a dual of a thing: قبل أكثر من عامين
    dual_noun_ =
        ne == nb + 1 && w_[nb].kind == TokenKind::kWord && !n.unit.empty() &&
        KeyStarts(w_[nb].bare, n.unit) &&
        !lex_.Is(w_[nb], "dual");  // "ضحايا مدنيين": a plural read as a dual
    // "عائلة واحدة": واحد after a noun that is no person is its adjective.
    if (n.min == 1 && n.max == 1 && ne == nb + 1 &&
        w_[nb].kind == TokenKind::kWord && nb > b_ && IsWordTok(w_[nb - 1]) &&
        !InNumber(nb - 1) && !Person(nb - 1) && !KindAt(nb - 1, 'c')) {
      return;
    }
    if (DefiniteAfterThing(nb)) return;
    // "تفجير سيارتين": the dual of a thing (its noun the unit) counts nobody.
    if (ne == nb + 1 && w_[nb].kind == TokenKind::kWord && !n.unit.empty()) {
      std::string_view cls = lex_.ClassOfKey(n.unit);
      if (cls == "thing" || cls == "not_victim" || cls == "incident") return;
    }
    if (ne < e_ && lex_.Is(w_[ne], "age")) return;  // عمرها 11 عاما
    if (ne + 1 < e_ && w_[ne].bare == fk::kMin && IsClass(ne + 1, "age_of"))
      return;  // "طفل في الـ12 من عمره"
    if (nb > b_ && PluralAsDual(nb, n) && w_[nb].kind == TokenKind::kWord &&
        (InNumber(nb - 1) || lex_.Is(w_[nb - 1], "any"))) {
      return;  // "أربعة مسلحين"، "أي مدنيين": a plural noun read as a dual
    }
    // "مقتل مستشارين عسكريين": a dual-looking word after a noun of the same
    // ending is its agreeing adjective; the noun is a plural as often as a
    // dual, so neither counts.
    if (ne == nb + 1 && nb > b_ && w_[nb].kind == TokenKind::kWord &&
        !n.unit.empty() && KeyStarts(w_[nb].bare, n.unit) &&
        IsWordTok(w_[nb - 1]) && EndsIn(nb, "\xD9\x8A\xD9\x86") &&
        EndsIn(nb - 1, "\xD9\x8A\xD9\x86") && w_[nb - 1].bare.size() >= 8)
      return;  // ين
    std::string kind;
    Span span = n.span;
    // "نحو نصف مليون قتيل": half of a thousands or millions word.
    if (nb > b_ && IsClass(nb - 1, "half") && n.min == n.max && n.min >= 1000 &&
        w_[nb].kind == TokenKind::kWord) {
      --nb;
      n.min = n.max = n.value = n.min / 2;
      span.begin = n.span.begin = w_[nb].span.begin;
      if (nb > b_ && IsClass(nb - 1, "approx")) n.approximate = true;  // بنحو
    }
    if (inherit_only) {
      kind = Inherited(nb, ne, n);
      if (kind.empty() || Released(nb, kind)) return;
      out_.push_back({kind, n, span});
      return;
    }
    // "سقط قتيلان": a dual casualty noun is its own count (not "مصابين",
    // a plural as often as a dual).
    std::string_view an = "\xD8\xA7\xD9\x86";  // ان
    bool dual_form =
        w_[nb].bare.size() > an.size() &&
        (w_[nb].bare.substr(w_[nb].bare.size() - an.size()) == an ||
         lex_.Is(w_[nb], "dual"));
    // "قتيلين على الأقل": the dual with the bound the number took.
    bool bounded = ne == nb + 3 && AtLeast(nb + 1);
    if ((ne == nb + 1 || bounded) && w_[nb].kind == TokenKind::kWord &&
        dual_form) {
      if (const CasualtyEntry* c = KindAt(nb, 'n')) kind = c->kind;
    }
    // The pair phrase after the counted noun, not after a later number
    // ("اغتيال تسعة مرشحين وسقوط مئات بين قتيل وجريح": the hundreds').
    for (size_t q = ne; q < e_ && q < ne + 4 && kind.empty() && !InNumber(q);
         ++q) {
      auto m = lex_.casualties.Find(w_, q, e_, Forms::kStem);
      if (m.payload >= 0 && lex_.casualty_entries[m.payload].where == 'p') {
        kind = lex_.casualty_entries[m.payload].kind;
        span.end = w_[q + m.length - 1].span.end;
      }
      if (w_[q].kind == TokenKind::kPunct) break;
    }
    if (kind.empty() && ne < e_) {
      // "(144) موقوفا": a number in parentheses before its counted noun.
      size_t cn = ne;
      if (cn + 1 < e_ && nb > b_ && w_[nb - 1].IsPunct("(") &&
          w_[cn].IsPunct(")"))
        ++cn;
      if (const CasualtyEntry* c = KindAt(cn, 'n')) {
        kind = Combined(cn, c->kind);
        span.end = w_[cn].span.end;
        HarmOfStatus(nb, ne, &kind, &span);
      }
    }
    if (kind.empty()) kind = AmongAfter(ne);
    if (kind.empty()) kind = TollNounBefore(nb);
    if (kind.empty()) kind = CaseMasdarAfter(ne, n, &span);
    if (kind.empty()) {
      kind = CueBefore(nb, &span);
      // ضبط seizes goods too, فقد loses money, مصير is anyone's fate: a
      // figure only when it counts people. فقد before a reporting verb is
      // the particle ف + قد (فقد أظهر الاستطلاع أن 74 ...).
      size_t cue = WordAt(w_, span.begin);
      // "كما فقد 12 آخرون": others of the people counted before.
      bool others = ne < e_ && IsClass(ne, "other_ref") && Before(nb);
      // "إيقاف شخصين": a dual noun is its own counted person.
      bool dual_person =
          ne == nb + 1 && w_[nb].kind == TokenKind::kWord && Person(nb);
      if (!kind.empty() && lex_.Is(w_[cue], "seize") && !Person(ne) &&
          !others && !dual_person)
        return;
      if (!kind.empty() && lex_.Is(w_[cue], "particle_qad") && cue + 1 < nb &&
          (lex_.cues.Find(w_, cue + 1, e_, Forms::kBare).payload >= 0 ||
           (!Definite(cue + 1) && !IsClass(cue + 1, "after_qad")))) {
        return;  // "فقد غادر 28 سجينا": a verb after فقد, not a loss
      }
      if (!kind.empty() && Warrant(cue))
        return;  // "مذكرات توقيف بحق 200": no arrest yet
      // "مقتل جندي و3 مسلحين": a number joined by و shares the cue with the
      // conjunct before it, whose own count its span must not cover.
      // (واحد is no و + أحد.)
      bool joined =
          (w_[nb].key != w_[nb].bare && KeyStarts(w_[nb].key, "\xD9\x88") &&
           !KeyStarts(w_[nb].key, "\xD9\x88\xD8\xA7\xD8\xAD\xD8\xAF")) ||
          (nb > b_ && w_[nb - 1].key == "\xD9\x88");  // و
      if (!kind.empty() && joined) span.begin = n.span.begin;
    }
    if (kind.empty()) kind = CompanyCue(nb);
    if (kind.empty()) kind = VerbAfter(ne);
    if (kind.empty()) kind = PredicateAfter(ne);
    if (kind.empty()) kind = TollBefore(nb, ne);
    if (kind.empty()) kind = TollAfter(ne);
    if (kind.empty()) kind = CountOfNamed(nb);
    if (kind.empty()) kind = Inherited(nb, ne, n);
    if (kind.empty()) kind = EarlierToll(nb);
    if (kind.empty()) pending_.push_back(n);
    // "عشرات المحتجزين الذين قضوا نحبهم": a harm verb of a relative clause
    // on the counted noun says what befell them.
    if (!kind.empty()) {
      if (std::string r = RelativeVerb(ne); !r.empty()) kind = r;
    }
    if (kind.empty() || Released(nb, kind)) return;
    if (size_t at = AtLeastAfter(ne)) {
      n.max = std::numeric_limits<double>::infinity();
      n.approximate = true;
      span.end = std::max(span.end, w_[at + 1].span.end);
    }
    if (nb > b_ && lex_.Is(w_[nb - 1], "approx") && n.min == n.max)
      n.approximate = true;
    if (int x = Exceeded(nb)) {
      // "تجاوزت حصيلة القتلى 100": an open bound; "لا يتجاوز 50": at most.
      if (x > 0 && n.min == n.max)
        n.max = std::numeric_limits<double>::infinity();
      if (x < 0) n.max = n.min, n.min = 0;
      n.approximate = true;
    }
    ThousandsDot(&n);
    if (n.min != std::floor(n.min)) return;  // 0.64 كيلو، 2.4 مرة: no people
    if ((kind == "injured" || kind == "killed") &&
        Illness(PhraseStart(span, nb), ne))
      return;  // "مصابون بالخرف": patients
    out_.push_back({kind, n, span});
  }

  // The first word of a figure's phrase (its cue, else the number) and up
  // to eight tokens before it in the same clause (a toll noun: عدد المصابين
  // بالفيروس 14; the clause's subject: وتصيب الملاريا نحو 200 مليون شخص
  // سنويا وقتلت 584 ألفا).
  size_t PhraseStart(Span span, size_t nb) const {
    size_t from = std::min(WordAt(w_, span.begin), nb);
    for (int k = 0;
         k < 8 && from > b_ && w_[from - 1].kind != TokenKind::kPunct; ++k)
      --from;
    return from;
  }

  // "5 بحارة مفقودين"، "3 أشخاص مصابين": the counted noun's predicate
  // adjective right after it gives the kind.
  // "7 أشخاص آخرين مصابين": the noun's other-adjective before it too.
  std::string PredicateAfter(size_t ne) const {
    if (ne + 2 < e_ && IsWordTok(w_[ne]) && !InNumber(ne) &&
        IsClass(ne + 1, "other_ref") && IsWordTok(w_[ne + 1]) &&
        w_[ne + 1].key == w_[ne + 1].bare)
      ++ne;
    if (ne + 1 >= e_ || !IsWordTok(w_[ne]) || InNumber(ne) ||
        !IsWordTok(w_[ne + 1]))
      return "";
    if (KeyStarts(w_[ne + 1].bare, fk::kAl))
      return "";  // "5 من القتلى" is TollBefore's
    if (Proclitic(ne + 1, /*prepositions_only=*/true))
      return "";  // "17966 بلاغا لإصابات": a noun after a preposition
    const CasualtyEntry* c = KindAt(ne + 1, 'n');
    return c ? c->kind : "";
  }

  // "آلاف القتلى والمصابين"، "10 قتلى وجرحى": a killed noun joined by و to
  // an injured noun (or the reverse) counts both, killed_or_injured, as the
  // pair phrases do (بين قتيل وجريح).
  std::string Combined(size_t q, const std::string& kind) const {
    auto harm = [](std::string_view k) {
      return k == "killed" || k == "injured";
    };
    size_t k = q + 1;
    if (!harm(kind) || k >= e_ || w_[k].key == w_[k].bare ||
        !KeyStarts(w_[k].key, "\xD9\x88"))  // و
      return kind;
    const CasualtyEntry* c = KindAt(k, 'n');
    return c && harm(c->kind) && c->kind != kind ? "killed_or_injured" : kind;
  }

  // "قتل مئات المعتقلين"، "عدد الضحايا ... إلى 120 مختطفا": a counted noun of
  // a status (detained, kidnapped, missing) names who the people are; a
  // harm cue or toll governing the number says what befell them.
  void HarmOfStatus(size_t nb, size_t ne, std::string* kind, Span* span) const {
    if (*kind != "arrested" && *kind != "kidnapped" && *kind != "missing")
      return;
    Span cue = *span;
    std::string harm = CueBefore(nb, &cue);
    if (harm.empty() && nb > b_ && IsClass(nb - 1, "toll_to"))
      harm = TollBefore(nb, ne);  // not "عشرات القتلى ومئات المفقودين"
    if (harm == "killed" || harm == "injured" || harm == "killed_or_injured") {
      *kind = harm;
      span->begin = std::min(span->begin, cue.begin);
    }
  }

  // "طفلين بين الضحايا"، "امرأة من بين القتلى": the group the number is in.
  // "4 من الضحايا أطفال" too: من and the definite toll noun.
  std::string AmongAfter(size_t ne) const {
    size_t q = ne;
    if (q < e_ && w_[q].bare == fk::kMin) {
      ++q;
      // "6 من جرحى الحوثيين": a casualty noun in construct with a definite
      // word is as definite.
      if (q < e_ && (Definite(q) || (q + 1 < e_ && Definite(q + 1)))) {
        if (const CasualtyEntry* c = KindAt(q, 'n'))
          return Combined(q, c->kind);
      }
    }
    if (q + 1 >= e_ || w_[q].bare != "\xD8\xA8\xD9\x8A\xD9\x86")
      return "";  // بين
    const CasualtyEntry* c = KindAt(q + 1, 'n');
    return c ? c->kind : "";
  }

  // "القتلى الـ82"، "الرهائن الـ 4": a definite casualty noun, then the
  // number with its own article, names the whole group by its size.
  std::string TollNounBefore(size_t nb) const {
    if (nb < b_ + 2 || w_[nb - 1].bare != fk::kAl || !Definite(nb - 2))
      return "";
    const CasualtyEntry* c = KindAt(nb - 2, 'n');
    return c ? c->kind : "";
  }

  // "تسببت في 17 إصابة"، "سجلت 12 وفاة": a number of eleven or more counts
  // its noun in the singular, so a harm masdar right after it (class
  // case_masdar) is the counted cases, each a person. After a number its cue
  // governs, a masdar with و opens a conjunct of its own (مقتل 58 وإصابة
  // العشرات: 58 killed).
  std::string CaseMasdarAfter(size_t ne, const NumberMention& n,
                              Span* span) const {
    if (ne >= e_ || n.min < 11 || !IsClass(ne, "case_masdar")) return "";
    if (w_[ne].key != w_[ne].bare && KeyStarts(w_[ne].key, "\xD9\x88")) {
      Span cue = n.span;  // و: a conjunct, when a cue governs the number
      if (!CueBefore(WordAt(w_, n.span.begin), &cue).empty()) return "";
    }
    const CasualtyEntry* c = KindAt(ne, 'c');
    if (c == nullptr) return "";
    span->end = w_[ne].span.end;
    return c->kind;
  }

  // مقتل 5، أصيب 25: a cue at most three words before the number.
  // Beyond three words only across the verb's subject ("قتلت حركة الشباب
  // الإرهابية الصومالية خمسة رجال"): definite words and actor heads.
  std::string CueBefore(size_t nb, Span* span) const {
    // "اعتقلت منذ الجمعة في جميع أنحاء البلاد 590 شخصا": a number counting
    // people may stand after the verb's adverbial phrases.
    size_t ne = nb + 1;
    while (ne < e_ && InNumber(ne)) ++ne;
    bool people = ne < e_ && (Person(ne) || KindAt(ne, 'n'));
    // "قتلت جماعة ... قبل أيام عشرة من صيادي السمك"، "قتلت سلسلة تفجيرات في
    // كابول العشرات": a count of people, or a count standing alone as the
    // object, may stand after the verb's indefinite subject and adverbials
    // (Reach) when no word between could be the counted people.
    bool object = people || OfPeople(ne) || Alone(nb, ne) ||
                  (ne > nb + 1 && (Person(ne - 1) || KindAt(ne - 1, 'n')));
    bool far = false;  // a word passed only as Reach allows
    for (size_t q = nb; q > b_ && q + 8 >= nb;) {
      --q;
      // "قتلت في 14 يوليو - تموز ثلاثة": a date between is an adverbial.
      auto dash = [&](size_t k) {
        return k > b_ && InDate(k - 1) &&
               (w_[k].IsPunct("-") || w_[k].IsPunct("/"));
      };
      // A construct head (حركة الشباب), not a prepositional phrase (بالجلطة
      // الدماغية).
      bool construct =
          q + 1 < nb && Definite(q + 1) && w_[q].stem == w_[q].bare;
      bool beyond = q + 3 < nb && !SubjectWord(q) && !construct &&
                    !KindAt(q, 'c') && !(people && InAdverbial(q));
      if (object && (InDate(q) || dash(q) || (q > b_ && dash(q - 1)))) {
        // (far: only where the walk would have stopped without it.)
        far = far || beyond || w_[q].kind == TokenKind::kNumber ||
              InNumber(q) || w_[q].kind == TokenKind::kPunct;
        continue;
      }
      if (beyond) {
        if (!object || !NoPeople(q)) break;
        far = true;
      }
      if (far && KindAt(q, 'c') && !Reach(q, nb)) return "";
      if (w_[q].kind == TokenKind::kNumber || InNumber(q))
        break;                         // that number's cue
      if (IsClass(q, "carry")) break;  // "سفينة تقل 234 مهاجرا": passengers
      // "جثث 5 أشخاص"، "جثتي رجلين": a casualty noun in construct with the
      // count.
      if (q + 1 == nb && !Definite(q) && !dual_noun_ &&
          (q == b_ || !InNumber(q - 1))) {
        if (const CasualtyEntry* c = KindAt(q, 'n')) {
          span->begin = w_[q].span.begin;
          return c->kind;
        }
      }
      if (q + 1 == nb && (people || Person(nb))) {
        if (const CasualtyEntry* c = DoerMasdar(q)) {
          span->begin = w_[q].span.begin;
          return c->kind;
        }
      }
      if (const CasualtyEntry* c = KindAt(q, 'c')) {
        // "مقتل وإصابة 70": the longer phrase that ends at this cue; not
        // when its first verb has a subject of its own before it (شخصا قتل
        // وأصيب 20: one killed, 20 injured).
        for (size_t p = q > b_ + 2 ? q - 2 : b_; p < q; ++p) {
          const CasualtyEntry* l = KindAt(p, 'c');
          if (l &&
              !(p > b_ &&
                (VictimCount(p - 1) > 0 || Person(p - 1) || InNumber(p - 1))) &&
              p + lex_.casualties.Find(w_, p, e_, Forms::kStem).length > q) {
            c = l;
            q = p;
            break;
          }
        }
        if (Denied(q) || Alternative(q, *c)) return "";
        // "الأسر المنتجة"، "أسر المستفيدين 300": families, not a capture
        // (words.tsv capture), unless its count follows it (وأسر 66 آخرين).
        if (IsClass(q, "capture") && (Definite(q) || q + 1 != nb)) return "";
        span->begin = w_[q].span.begin;
        return c->kind;
      }
      // "أعلن عن مقتل، 39 شخصا": a comma between a cue and its count of
      // people.
      bool comma = w_[q].bare == "\xD8\x8C" || w_[q].bare == ",";  // ،
      if (comma && q + 1 == nb && people && q > b_ && KindAt(q - 1, 'c'))
        continue;
      // "واعتقل الأمن، الاثنين، العشرات": commas around a time word.
      if (comma && object &&
          ((q + 1 < nb && TimeWord(q + 1)) || (q > b_ && TimeWord(q - 1)))) {
        far = true;
        continue;
      }
      if (w_[q].kind == TokenKind::kPunct && !w_[q].IsQuoteMark()) break;
      // "قتلوا وتعرضت 120 امرأة للاغتصاب": a new conjunct is a new clause.
      if (KeyStarts(w_[q].key, "\xD9\x88") && w_[q].key != w_[q].bare) break;
    }
    return "";
  }

  // "عشرة من صيادي السمك"، "ستة من الحوثيين": a count with من and a
  // definite or construct plural of people after it (ne: the word after the
  // number).
  bool OfPeople(size_t ne) const {
    if (ne + 1 >= e_ || w_[ne].bare != fk::kMin || !IsWordTok(w_[ne + 1]))
      return false;
    size_t k = ne + 1;
    return Person(k) || KindAt(k, 'n') || Definite(k) ||
           (k + 1 < e_ && IsWordTok(w_[k + 1]) && Definite(k + 1));
  }

  // "قتلت ... العشرات"، "ثلاثة." : a number word with no counted noun after
  // it (the sentence's end, punctuation or a preposition follows).
  bool Alone(size_t nb, size_t ne) const {
    if (ne != nb + 1 || w_[nb].kind != TokenKind::kWord) return false;
    return ne >= e_ || !IsWordTok(w_[ne]) || Preposition(ne) ||
           Proclitic(ne, /*prepositions_only=*/true);
  }

  // A free-standing preposition that opens an adverbial phrase (في، على،
  // قبل، خلال، قرب), not a clause conjunction (فيما، حيث).
  bool AdverbialPrep(size_t k) const {
    return IsWordTok(w_[k]) && w_[k].key == w_[k].bare &&
           (IsClass(k, "locprep") || IsClass(k, "year_prep") ||
            IsClass(k, "adverbial_prep") || IsClass(k, "temporal") ||
            lex_.ClassOf(w_[k]) == "prep");
  }

  // "بعدما طعن": a conjunction that opens a clause of its own (بعد + ما),
  // no preposition written on its noun.
  bool Subordinator(size_t k) const {
    std::string_view b = w_[k].bare;
    return KeyStarts(b, "\xD8\xA8\xD8\xB9\xD8\xAF") && b.size() == 10 &&  // بعد
           b.substr(6) == "\xD9\x85\xD8\xA7";  // ما
  }

  // "ذبحا"، "حرقا": an indefinite accusative word (ending in ا) that is no
  // person: an adverb of manner.
  bool MannerWord(size_t k) const {
    std::string_view t = w_[k].span.In(doc_.text);
    return IsWordTok(w_[k]) && !Definite(k) && !Proclitic(k) &&
           w_[k].bare.size() >= 6 && NoPeople(k) &&
           (t.substr(t.size() - 2) == "\xD8\xA7" ||
            (t.size() >= 4 &&
             (t.substr(t.size() - 4) == "\xD8\xA7\xD9\x8B" ||
              t.substr(t.size() - 4) == "\xD9\x8B\xD8\xA7")));  // ا، اً، ًا
  }

  // The words between a cue at v and a count at nb far after it are the
  // verb's subject (at most three words right after it, none of them
  // people) and adverbials: a preposition with one or two words, a time
  // word, an adverb, an adverb of manner, a date, commas around a time
  // word. Not after a definite masdar (قيد الاعتقال: a state), a cue with a
  // count or person right before it (its own subject: 11 مولودا توفوا), nor
  // for a count after a preposition or كل (على 4، من بين كل 5 آلاف).
  bool Reach(size_t v, size_t nb) const {
    if (Definite(v) || nb == b_) return false;
    if (v > b_ && (InNumber(v - 1) || VictimCount(v - 1) > 0 || Person(v - 1)))
      return false;
    if (Preposition(nb - 1) || w_[nb - 1].bare == "\xD9\x83\xD9\x84" ||  // كل
        Proclitic(nb, /*prepositions_only=*/true))
      return false;
    size_t k = v + 1;
    for (int n = 0; k < nb && n < 3 && NoPeople(k) && !AdverbialPrep(k) &&
                    !Proclitic(k, /*prepositions_only=*/true) &&
                    !IsClass(k, "adverb") && !TimeWord(k) && !MannerWord(k);
         ++n)
      ++k;
    while (k < nb) {
      bool comma = w_[k].bare == "\xD8\x8C" || w_[k].bare == ",";  // ،
      if (InDate(k)) {
        ++k;
      } else if (k > v && InDate(k - 1) &&
                 (w_[k].IsPunct("-") || w_[k].IsPunct("/"))) {
        k += k + 1 < nb && IsWordTok(w_[k + 1]) ? 2 : 1;  // يوليو - تموز
      } else if (comma &&
                 ((k + 1 < nb && TimeWord(k + 1)) || TimeWord(k - 1))) {
        ++k;
      } else if (TimeWord(k) || IsClass(k, "adverb") || MannerWord(k)) {
        ++k;
      } else if (AdverbialPrep(k) ||
                 (Proclitic(k, /*prepositions_only=*/true) && NoPeople(k) &&
                  !Subordinator(k))) {
        // في كابول؛ بمدينة درعا: a preposition written on its noun.
        size_t j = k + 1;
        for (int n = 0; j < nb && (InDate(j) ||
                                   (n < 2 && NoPeople(j) && !AdverbialPrep(j)));
             ++n)
          ++j;
        if (j == k + 1 && AdverbialPrep(k)) return false;
        k = j;
      } else {
        return false;
      }
    }
    return true;
  }

  // Word q is inside a date the text core read (14 يوليو - تموز).
  bool InDate(size_t q) const {
    for (const DateMention& d : doc_.dates) {
      if (d.span.begin <= w_[q].span.begin && w_[q].span.end <= d.span.end)
        return true;
    }
    return false;
  }

  // A time word: a weekday, a word of the time of day, or inside a date.
  bool TimeWord(size_t q) const {
    return IsWordTok(w_[q]) &&
           (IsClass(q, "weekday") || IsClass(q, "when") || InDate(q));
  }

  // Word q, between a verb and a count far after it, cannot itself be the
  // people the verb befell: a word of its subject (وحدات، سلسلة تفجيرات)
  // or an adverbial, not a person, title, name, relative pronoun or
  // complementizer (which would open a clause of its own).
  bool NoPeople(size_t q) const {
    return IsWordTok(w_[q]) && !InNumber(q) && VictimCount(q) == 0 &&
           RoleCount(q) == 0 && !Person(q) && !InName(q) &&
           PossessedCount(q, "title") == 0 &&
           PossessedCount(q, "kin_head") == 0 && !IsClass(q, "rel") &&
           !lex_.Is(w_[q], "comp") && !IsClass(q, "carry") &&
           !IsClass(q, "rescue") && !IsClass(q, "release") && !KindAt(q, 'n');
  }

  // A case noun (words.tsv case_one حالة، case_two حالتان، case_many حالات).
  bool IsCase(size_t c) const {
    return IsWordTok(w_[c]) &&
           (IsClass(c, "case_one") || IsClass(c, "case_two") ||
            IsClass(c, "case_many"));
  }

  // The kind of the people a case noun at c counts (its phrase opening at
  // first): a harm masdar after it (حالة وفاة: killed; حالتا إصابة:
  // injured) or a word of an injured person's state (حالتان متوسطة، 3 حالات
  // حرجة: injured); "" when the noun is definite (الحالات), has a
  // preposition (بحالة حرجة، في حالة حرجة: a victim's state) or follows أي
  // or a negation.
  std::string CaseKindAt(size_t c, size_t first) const {
    if (c + 1 >= e_ || Definite(c) || Proclitic(c, /*prepositions_only=*/true))
      return "";
    if (first > b_ && (Preposition(first - 1) || IsClass(first - 1, "any") ||
                       IsClass(first - 1, "neg") ||
                       Proclitic(first, /*prepositions_only=*/true)))
      return "";
    if (IsClass(c + 1, "severity")) return "injured";
    const CasualtyEntry* h = KindAt(c + 1, 'c');
    if (h && (h->kind == "killed" || h->kind == "injured") &&
        IsClass(c + 1, "case_masdar"))
      return h->kind;
    return "";
  }

  // "قتل القائد في الجبهة برفقة العشرات من مرافقيه": a count after a word
  // of company (words.tsv company) shares the harm of the verb before it in
  // its clause (at most ten words back, no punctuation or number between).
  std::string CompanyCue(size_t nb) const {
    if (nb == b_ || !IsClass(nb - 1, "company")) return "";
    for (size_t q = nb - 1; q > b_ && q + 11 >= nb;) {
      --q;
      if (!IsWordTok(w_[q]) || InNumber(q)) return "";
      if (const CasualtyEntry* c = KindAt(q, 'c'))
        return Denied(q) ? "" : c->kind;
    }
    return "";
  }

  // True if word q is a free-standing preposition of place, time or cause
  // (في، منذ، خلال، جراء) or one of the two words after one (في جميع
  // أنحاء): inside an adverbial phrase of the verb before it. A preposition
  // written as a clitic (بالحمى، لكل) more often ties a noun to a noun, so it
  // opens no such phrase.
  bool InAdverbial(size_t q) const {
    for (size_t k = q + 1; k > b_ && k + 3 > q + 1;) {
      --k;
      if (!IsWordTok(w_[k]) || InNumber(k)) return false;
      if (IsClass(k, "locprep") || IsClass(k, "year_prep") ||
          IsClass(k, "adverbial_prep"))
        return w_[k].key == w_[k].bare;
      if (lex_.Is(w_[k], "comp") || Preposition(k)) return false;
    }
    return false;
  }

  // "387 شخصا لقوا حتفهم"، "خمسة أشخاص على الأقل قتلوا": a verb after the
  // counted noun, in the same clause (no punctuation, complementizer or
  // other number between).
  std::string VerbAfter(size_t ne) const {
    size_t limit = ne + 7;
    // "نحو 25 من ميليشيات الجماعة وقوات موالية للرئيس السابق قتلوا": a group
    // after من may run longer before its verb; only a verb that agrees with
    // the group (a plural or dual, words listed both) is its verb.
    bool group = ne < e_ && w_[ne].bare == fk::kMin;
    if (group) limit = ne + 12;
    bool relative = false;
    for (size_t q = ne; q < e_ && q < limit; ++q) {
      // "14 شخصا من بينهم 12 امرأة اعتقلوا": a subset phrase on the counted
      // noun (its number and noun) stands between it and its verb.
      if (IsWordTok(w_[q]) && IsClass(q, "subset") && q + 1 < e_ &&
          (InNumber(q + 1) || RoleCount(q + 1) > 0)) {
        size_t k = q + 1;
        while (k < e_ && InNumber(k)) ++k;
        if (k < e_ && IsWordTok(w_[k]) && (Person(k) || KindAt(k, 'n'))) ++k;
        limit += k - q;
        q = k - 1;
        continue;
      }
      if (!IsWordTok(w_[q]) || InNumber(q) || lex_.Is(w_[q], "comp")) break;
      // "اثنين من المسلحين الذين شاركوا في الهجوم على المركز ... لقيا
      // حتفهما": across a relative clause on the counted noun (up to a
      // dozen words, no punctuation), only a plural or dual verb agrees.
      if (!relative && IsClass(q, "rel")) {
        relative = true;
        limit = std::max(limit, q + 14);
        continue;
      }
      const CasualtyEntry* c = KindAt(q, 'c');
      if (c && relative && c->where != 'b') continue;
      // "مئات من العناصر تم القبض عليهم": a masdar after a passive
      // auxiliary is the counted noun's verb.
      if (c && q > ne && IsClass(q - 1, "passive_aux")) return c->kind;
      if (c) return c->where == 'b' && w_[q].key == w_[q].bare ? c->kind : "";
      // "6 من أفراد الطاقم مفقودين": a predicate adjective after the من group.
      if (q > ne + 1 && !Definite(q) && Definite(q - 1) &&
          w_[ne].bare == fk::kMin) {
        if (const CasualtyEntry* n = KindAt(q, 'n')) return n->kind;
      }
    }
    return "";
  }

  // "ارتفاع عدد القتلى إلى 105"، "عدد الضحايا من 321"، "حصيلة الضحايا 40":
  // the toll's noun after its head (عدد، حصيلة); or a toll noun anywhere
  // before "إلى N" when N counts people ("قتلى التنظيم ارتفع إلى 25 مسلحا",
  // not "نقل الجرحى إلى 3 مستشفيات").
  std::string TollBefore(size_t nb, size_t ne) const {
    bool to =
        nb > b_ && IsClass(nb - 1, "toll_to") &&
        (ne >= e_ || !IsWordTok(w_[ne]) || Person(ne) || KindAt(ne, 'n') ||
         IsClass(ne, "stop") || IsClass(ne, "year_prep"));
    // "القتلى أربعة مدنيين": the toll noun as the subject right before.
    if (nb > b_ && KeyStarts(w_[nb - 1].bare, fk::kAl) && !dual_noun_) {
      if (const CasualtyEntry* c = KindAt(nb - 1, 'n')) return c->kind;
    }
    // "عدد القتلى بسبب الأمطار التي اجتاحت البلاد ارتفع إلى 122": with إلى
    // the head and its noun may stand a clause away.
    size_t reach = to ? 20 : 6;
    for (size_t q = nb; q > b_ && q + reach >= nb;) {
      --q;
      if (w_[q].kind == TokenKind::kPunct && !w_[q].IsQuoteMark()) break;
      const CasualtyEntry* c = KindAt(q, 'n');
      if (!c) continue;
      bool head = q > b_ && IsClass(q - 1, "toll_head");
      if (head || (to && q + 6 >= nb)) return c->kind;
    }
    return "";
  }

  // "يرتفع إلى 96 عدد القتلى"، "إلى 96 عدد العناصر الذين قتلوا": the toll
  // head right after the number, then its casualty noun or a plural harm
  // verb in the same clause.
  std::string TollAfter(size_t ne) const {
    if (ne >= e_ || !IsClass(ne, "toll_head")) return "";
    for (size_t k = ne + 1; k < e_ && k < ne + 12; ++k) {
      if (!IsWordTok(w_[k]) || InNumber(k)) break;
      if (const CasualtyEntry* c = KindAt(k, 'n')) return c->kind;
      const CasualtyEntry* c = KindAt(k, 'c');
      if (c && c->where == 'b') return c->kind;
    }
    return "";
  }

  // "القبض على أفراد العصابة البالغ عددهم 6": a count of the people just
  // named takes the kind of the nearest cue before it in the sentence.
  std::string CountOfNamed(size_t nb) const {
    if (nb == b_ || !IsClass(nb - 1, "count_ref")) return "";
    for (size_t q = nb - 1; q > b_ && q + 15 >= nb;) {
      --q;
      if (const CasualtyEntry* c = KindAt(q, 'c'))
        return Denied(q) ? "" : c->kind;
    }
    return "";
  }

  // "مذكرات توقيف"، "مذكرتي اعتقال": a warrant, not an arrest.
  bool Warrant(size_t cue) const {
    return cue > b_ && IsClass(cue - 1, "warrant");
  }

  // "أفرجت السلطات عن 20 معتقلا": released detainees are no casualty (a
  // released hostage was still kidnapped: "أفرج الخاطفون عن 5 مختطفين").
  // "أنقذت الشرطة 94 ضحية": rescued people are survivors, no toll.
  bool Released(size_t nb, const std::string& kind) const {
    if (kind != "arrested" && kind != "killed") return false;
    for (size_t q = nb; q > b_ && q + 4 >= nb;) {
      --q;
      // "أنقذت الفرق 7 أشخاص احتجزوا داخل شقة": rescued people were trapped
      // (not "أنقذت الرهائن واعتقلت 3": a cue of its own between).
      if (KindAt(q, 'c')) break;
      if (IsClass(q, "rescue") || (kind == "arrested" && IsClass(q, "release")))
        return true;
      if (w_[q].kind == TokenKind::kPunct) break;
    }
    return false;
  }

  // "مقتل أو اعتقال 20": a cue after أو whose alternative before it is of
  // another nature (harm or arrest): no kind fits the number.
  bool Alternative(size_t q, const CasualtyEntry& c) const {
    if (q < b_ + 2 || w_[q - 1].bare != "\xD8\xA7\xD9\x88")  // او
      return false;
    const CasualtyEntry* a = KindAt(q - 2, 'c');
    auto harm = [](const std::string& k) {
      return k == "killed" || k == "injured" || k == "killed_or_injured";
    };
    return a && harm(a->kind) != harm(c.kind);
  }

  // The kind of a plural harm verb right after a relative pronoun within
  // three words after the number (الذين قضوا، اللذين قتلا), or "".
  std::string RelativeVerb(size_t ne) const {
    for (size_t q = ne; q + 1 < e_ && q < ne + 3; ++q) {
      if (!IsWordTok(w_[q])) break;
      if (!IsClass(q, "rel")) continue;
      const CasualtyEntry* c = KindAt(q + 1, 'c');
      return c && c->where == 'b' ? c->kind : "";
    }
    return "";
  }

  // "أعلنت الشرطة اعتقالها 5 أشخاص"، "باعتقالها قائد"، "لقتله فتاة": a
  // masdar with a pronoun, then a count of people: the pronoun is the doer
  // and the count its object. A masdar by its form: a derived verb's
  // (افتعال، إفعال، تفعيل: ا or ي before the last letter) or after ب or ل
  // (بقتله); a verb with an object pronoun (اعتقلها 5 عناصر: the five are
  // its doers) is none; nor after a word of time (بعد اعتقاله). The cue's
  // entry, or nullptr.
  const CasualtyEntry* DoerMasdar(size_t q) const {
    if (q + 1 >= e_ || !IsWordTok(w_[q]) || InNumber(q) || Definite(q))
      return nullptr;
    // "حتى اعتقاله مراسلا"، "بعد اعتقاله": after a word of time the pronoun
    // is the one the act befell.
    if (q > b_ && IsClass(q - 1, "temporal")) return nullptr;
    // The key folds ة to ه: "وإصابة العشرات" has no pronoun.
    std::string_view text = w_[q].span.In(doc_.text);
    if (text.size() >= 2 && text.substr(text.size() - 2) == "\xD8\xA9")
      return nullptr;  // ة
    std::string_view s = w_[q].stem;
    bool preposition = s != w_[q].bare && (KeyStarts(w_[q].bare, "\xD8\xA8") ||
                                           KeyStarts(w_[q].bare, "\xD9\x84"));
    for (std::string_view pron :
         {"\xD9\x87\xD9\x85\xD8\xA7", "\xD9\x87\xD9\x85", "\xD9\x87\xD8\xA7",
          "\xD9\x87"}) {  // هما هم ها ه
      if (s.size() < pron.size() + 6 ||
          s.substr(s.size() - pron.size()) != pron)
        continue;
      std::string_view r = s.substr(0, s.size() - pron.size());
      std::string_view penult = r.substr(r.size() - 4, 2);
      bool masdar =
          preposition || penult == "\xD8\xA7" || penult == "\xD9\x8A";  // ا، ي
      int p = lex_.casualties.FindWord(r);
      // "بفقدهما ابنيهما": a loss with its doer is a bereavement, no
      // missing person.
      if (!masdar || p < 0 || lex_.casualty_entries[p].where != 'c' ||
          lex_.casualty_entries[p].kind == "missing")
        return nullptr;
      return Denied(q) ? nullptr : &lex_.casualty_entries[p];
    }
    return nullptr;
  }

  bool EndsIn(size_t k, std::string_view end) const {
    std::string_view b = w_[k].bare;
    return b.size() > end.size() && b.substr(b.size() - end.size()) == end;
  }

  // True if word k carries a preposition or conjunction (بحادث، وغارات):
  // not a counted noun then.
  // With prepositions_only, و and ف do not count (وشاب: a conjunct).
  bool Proclitic(size_t k, bool prepositions_only = false) const {
    std::string_view b = w_[k].bare, st = w_[k].stem;
    if (b.size() < 2 || st.substr(0, 2) == b.substr(0, 2)) return false;
    for (std::string_view p : {"\xD8\xA8", "\xD9\x84", "\xD9\x83", "\xD9\x88",
                               "\xD9\x81"}) {  // ب ل ك و ف
      if (prepositions_only && (p == "\xD9\x88" || p == "\xD9\x81")) continue;
      if (KeyStarts(b, p)) return true;
    }
    return false;
  }

  // True if punctuation stands between the figure prev and word nb.
  bool Punct(size_t nb, const CasualtyFound* prev) const {
    for (size_t k = WordAt(w_, prev->span.end); k < nb; ++k) {
      if (w_[k].kind == TokenKind::kPunct) return true;
    }
    return false;
  }

  // True if the word before the number at nb governs it as a verb or
  // masdar of another act (ونقل 66 آخرون، خرج ثلاثة منهم، فيما يعاني 13
  // آخرون): a content word that is no harm word, person noun, subset word,
  // approximation or bound, and not the object of a preposition (وفاة ستة
  // أشخاص في ولاية مدنين 5 منهم). A word with و or ف always opens a clause.
  bool Governed(size_t nb) const {
    if (nb == b_ || !IsWordTok(w_[nb - 1]) || InNumber(nb - 1)) return false;
    size_t g = nb - 1;
    if (KindAt(g, 'c') || KindAt(g, 'n') || Person(g) || IsClass(g, "subset") ||
        IsClass(g, "other_ref") || IsClass(g, "approx") ||
        (g > b_ && (AtLeast(g - 1) || InNumber(g - 1))))
      return false;  // a number's counted noun: 7 متمردين اثنين منهم
    std::string_view key = w_[g].key;
    bool clitic = key != w_[g].bare;
    if (clitic && (KeyStarts(key, "\xD9\x88") || KeyStarts(key, "\xD9\x81")))
      return true;  // و، ف
    if (clitic || Preposition(g)) return false;
    for (size_t k = g; k > b_ && k + 2 >= g;) {
      if (lex_.Is(w_[--k], "conj")) return true;  // فيما نقل 66
      if (Preposition(k)) return false;  // the object of في، من ...
      if (!IsWordTok(w_[k])) break;
    }
    return true;
  }
  bool Preposition(size_t k) const {
    std::string_view cls = lex_.ClassOf(w_[k]);
    return cls == "prep" || cls == "locprep" || cls == "year_prep" ||
           cls == "toll_to" || cls == "stop" || cls == "conj" ||
           lex_.Is(w_[k], "locprep");
  }

  // "17 منهم"، "وستة آخرون"، "و19 طفلا": the kind of the figure just before
  // in the same sentence, unless the number counts something else (و2.6
  // مليون نازح).
  std::string Inherited(size_t nb, size_t ne, const NumberMention& n) const {
    (void)n;
    const CasualtyFound* prev = Before(nb);
    if (!prev) return "";
    if (ne < e_ && lex_.Is(w_[ne], "not_victim")) return "";
    bool other = (ne < e_ && lex_.Is(w_[ne], "other_ref")) ||
                 (nb > b_ && lex_.Is(w_[nb - 1], "subset"));
    // "وفاة 20 شخصا ومحاصرة نحو ألف ... من بينهم نحو 50": the group of a
    // subset is the number just before it, here no figure.
    if (other && GroupNotCounted(prev, nb)) return "";
    // "قتل 96 من قوات النظام مقابل 59 من الفصائل": a counterpart toll is
    // joined like و (words.tsv versus).
    // "مقتل جنديين و"13 ارهابيا"": a quotation mark between و and the
    // number.
    size_t before = nb > b_ + 1 && w_[nb - 1].IsQuoteMark() ? nb - 1 : nb;
    bool conj = w_[nb].key != w_[nb].bare ||
                (before > b_ && (w_[before - 1].key == "\xD9\x88" ||
                                 IsClass(before - 1, "versus")));
    // "ونقل 66 آخرون"، "مكافحة الآلاف منهم": a word of its own governs the
    // number (a verb or masdar of another act), not the figure before.
    if (!conj && Governed(nb)) return "";
    size_t gap = nb - WordAt(w_, prev->span.end);
    if (nb > b_ && IsClass(nb - 1, "versus") && gap <= 16 && !Punct(nb, prev))
      return prev->kind;  // the counterpart may stand a clause away
    return other || (conj && gap <= 8) ? prev->kind : "";
  }

  // Counted nouns without a number: after a cue (مقتل شرطي، وإصابة آخر)،
  // before a verb (جنديين من الجيش قتلا)، or a subset (بينهم رضيع).
  void Counted() {
    for (size_t q = b_; q < e_; ++q) {
      auto m = lex_.casualties.Find(w_, q, e_, Forms::kStem);
      if (m.payload >= 0 && lex_.casualty_entries[m.payload].where != 'n' &&
          lex_.casualty_entries[m.payload].where != 'p') {
        size_t v = q + m.length;
        // "مقتل "إيراني و4 سوريين"": the counted noun inside quotation
        // marks.
        if (v + 1 < e_ && w_[v].IsQuoteMark()) ++v;
        if (v < e_ && InNumber(v)) continue;
        if (!KeyStarts(w_[q].bare, fk::kAl)) {
          size_t s = AfterSubject(v);  // a verb, not "الإصابة"
          // "واعتقلت قوات الاحتلال الفتى فلان": a named definite victim
          // after the subject.
          if (s == v && VictimCount(v) == 0 && !NamedVictim(v)) {
            for (size_t k = v + 1, end = SubjectEnd(v); k <= end && k < e_; ++k)
              if (NamedVictim(k)) {
                s = k;
                break;
              }
          }
          v = s;
        }
        // A relative after a natural death or a loss is no casualty (وفاة
        // والدتها).
        // A victim noun that folds like a kin word (طفلة as طفله) is a
        // victim.
        bool natural = IsClass(q, "natural") && v < e_ &&
                       (IsClass(v, "kin") || PossessedCount(v, "kin_head")) &&
                       !lex_.Is(w_[v], "victim");
        // "وفاة زعيم الحركة": a leader's death, an obituary; a title that
        // also names a fighter (قائد) may have fallen.
        natural |= IsClass(q, "natural") && v < e_ &&
                   (IsClass(v, "title") || PossessedCount(v, "title")) &&
                   !IsClass(v, "victim");
        if (int n = RoleCount(v);
            n && !Denied(q) && !natural && !Nobody(q, v)) {
          // "وإصابة شخص آخر": the noun's adjective counts nobody more.
          bool other = v + 1 < e_ && w_[v + 1].key == w_[v + 1].bare &&
                       lex_.Is(w_[v + 1], "other_adj");
          Add(lex_.casualty_entries[m.payload].kind, n, q, other ? v + 1 : v);
        } else if (!n && !Denied(q) && !IsClass(q, "natural") &&
                   NamedVictim(v) &&
                   !KindBefore(lex_.casualty_entries[m.payload].kind, q))
          Add(lex_.casualty_entries[m.payload].kind, 1, q, v);
        continue;
      }
      if (const CasualtyEntry* c = DoerMasdar(q)) {
        if (int n = RoleCount(q + 1); n && !Definite(q + 1))
          Add(c->kind, n, q, q + 1);
        continue;
      }
      if (const CasualtyFound* prev = Coordinated(q)) {
        Add(prev->kind, std::max(RoleCount(q), 1), q, q);
        continue;
      }
      if (const CasualtyEntry* c = PassiveAfterSubject(q)) {
        if (VictimCount(q) == 1 || !KindBefore(c->kind, q))
          Add(c->kind, 1, q, q);
        continue;
      }
      // "ومن بين المفقودين صبي"، "من بين القتلى ضابطا": one counted by its
      // noun inside the group a casualty noun names.
      if (const CasualtyEntry* g = GroupBefore(q)) {
        if (int n = RoleCount(q); n && !Counts(q)) Add(g->kind, n, q, q);
        continue;
      }
      // "وحالة وفاة"، "وحالة بسيطة": one case (or two) of a triage report,
      // after a figure of its sentence; cases without a number (حالات
      // حرجة) are no count.
      if (IsCase(q) && !InNumber(q) && !(q > b_ && InNumber(q - 1))) {
        if (IsClass(q, "case_many") || !Before(q)) continue;
        if (std::string k = CaseKindAt(q, q); !k.empty())
          Add(k, IsClass(q, "case_two") ? 2 : 1, q, q + 1);
        continue;
      }
      if (lex_.Is(w_[q], "title")) continue;  // a title counts only after a cue
      bool subset = q > b_ && lex_.Is(w_[q - 1], "subset");
      int n = subset ? RoleCount(q) : VictimCount(q);
      if (n == 0 || Counts(q) || InNumber(q) || (q > b_ && InNumber(q - 1)))
        continue;
      if (subset) {
        const CasualtyFound* before = Before(q);
        if (before && !GroupNotCounted(before, q)) {
          // "قتل مدني وأصيب آخرون بجروح من بينهم امرأة": a harm cue after
          // that figure, with no count of its own, governs the group the
          // subset is of.
          std::string kind = before->kind;
          for (size_t k = WordAt(w_, before->span.end); k + 1 < q; ++k) {
            const CasualtyEntry* c = KindAt(k, 'c');
            if (c && !Denied(k)) kind = c->kind;
          }
          Add(kind, n, q, q);
        }
        continue;
      }
      for (size_t k = q + 1; k < e_ && k < q + 5; ++k) {
        if (!IsWordTok(w_[k]) || InNumber(k)) break;
        // "طفل مختطف"، "شخص آخر مفقودا"، "طفلين بين الضحايا".
        const CasualtyEntry* noun = KindAt(k, 'n');
        // "أحد المفقودين": one of a group counted before, in construct with
        // it, is no new figure.
        if (noun && k == q + 1 && Definite(k)) break;
        bool among = w_[k - 1].bare == "\xD8\xA8\xD9\x8A\xD9\x86";  // بين
        if (noun && (k <= q + 2 || among)) {
          // "شخص آخر مفقودا": the figure spans the noun's adjective آخر,
          // which counts nobody more.
          Add(noun->kind, n, q,
              k == q + 2 && VictimCount(q + 1) > 0 ? q + 1 : q);
          break;
        }
        const CasualtyEntry* c = KindAt(k, 'c');
        if (!c) continue;
        // "شخصا قتل وأصيب 20": the subject belongs to the first verb of a
        // pair alone.
        size_t obj = k + lex_.casualties.Find(w_, k, e_, Forms::kStem).length;
        if (auto one = lex_.casualties.Find(w_, k, k + 1, Forms::kStem);
            one.payload >= 0 && one.length == 1) {
          c = &lex_.casualty_entries[one.payload];
          obj = k + 1;
        }
        // "جنديا قتل": a singular verb right after its one-person subject,
        // unless it has an object of its own (شخص قتل 5).
        // A cue of several words (أودى بحياة 12) has its object after it.
        bool next_counts =
            (k + 1 < e_ && (InNumber(k + 1) || VictimCount(k + 1) > 0)) ||
            (obj < e_ && (InNumber(obj) || VictimCount(obj) > 0));
        // "لم يكن باستطاعة أحد إيقاف الآلة": nobody after a negation.
        bool singular = c->where == 'c' && k == q + 1 && n == 1 &&
                        !next_counts && !KeyStarts(w_[k].bare, fk::kAl) &&
                        !Nobody(q, q);
        // "مقطع فيديو لرجل يلقي قصيدة": a noun after a preposition is no
        // subject of the verb after it.
        if ((c->where == 'b' || singular) && w_[k].key == w_[k].bare &&
            !Proclitic(q, /*prepositions_only=*/true))
          Add(c->kind, n, q, q);
        break;
      }
    }
  }

  // "بين القتلى ضابط": the entry of the definite casualty noun after بين
  // right before the indefinite noun at q, or nullptr.
  const CasualtyEntry* GroupBefore(size_t q) const {
    if (q < b_ + 2 || InNumber(q) || !IsWordTok(w_[q]) || Definite(q) ||
        w_[q - 2].bare != "\xD8\xA8\xD9\x8A\xD9\x86" || !Definite(q - 1))
      return nullptr;  // بين
    return KindAt(q - 1, 'n');
  }

  // "ارتفع عدد القتلى إلى 66، بعد أن كان 49": the toll's earlier value, after
  // كان in a clause of time (بعد أن، بعدما), is a figure of the toll that
  // rose to the number before it (إلى N at most six words back).
  std::string EarlierToll(size_t nb) const {
    if (nb < b_ + 3 ||
        (w_[nb - 1].bare != fk::kKana && w_[nb - 1].bare != fk::kKanat))
      return "";
    size_t k = nb - 2;
    bool when =
        w_[k].bare == "\xD8\xA8\xD8\xB9\xD8\xAF\xD9\x85\xD8\xA7" ||  // بعدما
        (lex_.Is(w_[k], "comp") &&
         w_[k - 1].bare == "\xD8\xA8\xD8\xB9\xD8\xAF");  // بعد أن
    const CasualtyFound* prev = when ? Before(nb) : nullptr;
    if (!prev) return "";
    size_t pb = WordAt(w_, prev->span.begin), pe = WordAt(w_, prev->span.end);
    return pb > b_ && IsClass(pb - 1, "toll_to") && pe + 6 >= k ? prev->kind
                                                                : "";
  }

  // "أكدت القوات أن قائد التنظيم في البلاد قتل في هجوم": a singular title or
  // victim noun opening the clause after a complementizer, up to eight tokens
  // of its complement (an apposition's commas allowed), then a singular harm
  // verb with no object (a preposition, punctuation or the end after it).
  // The verb's entry, or nullptr.
  const CasualtyEntry* PassiveAfterSubject(size_t q) const {
    // After a complementizer, or after كان with قد before the verb (وكان
    // مواطن ... قد توفي برصاصة).
    bool opener =
        q > b_ && (lex_.Is(w_[q - 1], "comp") || w_[q - 1].bare == fk::kKana ||
                   w_[q - 1].bare == fk::kKanat);
    // A definite noun with a name after it is one person too (أن المواطن
    // فلان (38 عاما) قتل).
    if (!opener || InNumber(q) || (VictimCount(q) != 1 && !NamedVictim(q)))
      return nullptr;
    for (size_t k = q + 1; k < e_ && k < q + 10; ++k) {
      if (InNumber(k)) {
        // "يبلغ من العمر 65 سنة": an age inside the complement.
        while (k + 1 < e_ && InNumber(k + 1)) ++k;
        if (k + 1 < e_ && (IsClass(k + 1, "age") || IsClass(k + 1, "thing"))) {
          ++k;
          continue;
        }
        return nullptr;
      }
      if (lex_.Is(w_[k], "comp") ||
          (!IsWordTok(w_[k]) && w_[k].bare != "\xD8\x8C" &&  // ،
           w_[k].bare != "," && !w_[k].IsPunct("(") && !w_[k].IsPunct(")")))
        return nullptr;  // an apposition's commas and an age's brackets
      const CasualtyEntry* c = KindAt(k, 'c');
      if (!c) continue;
      // "أن الوزير فلان أعلن عن مقتل": a harm masdar after a preposition is
      // the object of another verb, which the noun is the subject of.
      if (Preposition(k - 1) || IsClass(k - 1, "lead_prep")) return nullptr;
      size_t after = k + lex_.casualties.Find(w_, k, e_, Forms::kStem).length;
      // "أن مسلحا مجهولا قتل 5 أشخاص": a count after the verb is its
      // object, and the noun before it the doer.
      // "قتل حرقا": a manner of death (words.tsv death_manner) is no object.
      bool no_object = after >= e_ ||
                       (!IsWordTok(w_[after]) && !InNumber(after)) ||
                       Preposition(after) || Proclitic(after) ||
                       IsClass(after, "death_manner") ||
                       w_[after].bare == "\xD9\x85\xD8\xB9";  // مع
      if (after < e_ && (InNumber(after) || Person(after))) no_object = false;
      return c->where == 'c' && w_[k].key == w_[k].bare &&
                     !KeyStarts(w_[k].bare, fk::kAl) && no_object
                 ? c
                 : nullptr;
    }
    return nullptr;
  }

  // "مقتل جندي وشرطيين"، "بينهم طفلان وامرأة"، "مقتل 3 أطفال ومسن": a victim
  // noun joined by و to the figure just before (its counted noun at most one
  // word between) has that figure's kind.
  const CasualtyFound* Coordinated(size_t q) const {
    if (q <= b_ || w_[q].key == w_[q].bare || !KeyStarts(w_[q].key, "\xD9\x88"))
      return nullptr;
    if ((VictimCount(q) == 0 && !IsClass(q, "kin") &&
         !PossessedCount(q, "kin_head")) ||
        InNumber(q))
      return nullptr;
    const CasualtyFound* prev = Before(q);
    if (!prev) return nullptr;
    size_t end = WordAt(w_, prev->span.end);  // first word after the figure
    if (end == q) return prev;
    if (end + 1 == q && IsWordTok(w_[end]) && !InNumber(end)) return prev;
    // "قتل رجلا آخر بالقرب من الشركة وشخصين آخرين": an "other" conjunct
    // after the figure's prepositional phrase (up to four words, no harm
    // word, number or punctuation in it).
    bool other = q + 1 < e_ && (IsClass(q + 1, "other_ref") ||
                                lex_.Is(w_[q + 1], "other_adj"));
    if (end < q && Person(end) && InNumber(end - 1)) ++end;  // its noun
    if (!other || q > end + 4 || end >= q ||
        !(Preposition(end) || Proclitic(end, /*prepositions_only=*/true)))
      return nullptr;
    for (size_t k = end; k < q; ++k) {
      if (!IsWordTok(w_[k]) || InNumber(k) || KindAt(k, 'c') || KindAt(k, 'n'))
        return nullptr;
    }
    return prev;
  }
  // "استشهاد الجندي أول فلان"، "مقتل المواطن فلان": a definite victim or
  // title noun that a person's name follows (at most two rank words
  // between) introduces that person, one casualty. Without the name the
  // definite noun points back to someone counted before (وأصيب الرجل). Not
  // after a natural death's cue (وفاة الأمير فلان: an obituary).
  bool NamedVictim(size_t v) const {
    if (v >= e_ || !Definite(v)) return false;
    std::string_view cls =
        lex_.ClassOfKey(std::string_view(w_[v].bare).substr(fk::kAl.size()));
    if (cls != "victim" && cls != "title") return false;
    uint32_t lo = w_[v].span.end, hi = w_[std::min(v + 3, e_ - 1)].span.end;
    for (const EntityMention& m : doc_.entities) {
      if (m.type == EntityType::kPerson && m.span.begin > lo &&
          m.span.begin <= hi)
        return true;
    }
    return false;
  }

  // A figure of this kind earlier in the sentence: a named person after it
  // is one of its people (لقي مراهقان حتفهما ... إذ قتل المراهق فلان).
  bool KindBefore(std::string_view kind, size_t q) const {
    for (const CasualtyFound& c : out_) {
      if (c.kind == kind && c.span.end <= w_[q].span.begin) return true;
    }
    return false;
  }

  // "دون أن يتسبب في مقتل أحد"، "ولم يصب أحد": أحد after a negation earlier
  // in its clause (up to eight words before the cue) is nobody.
  bool Nobody(size_t q, size_t v) const {
    if (v >= e_ || w_[v].bare != "\xD8\xA7\xD8\xAD\xD8\xAF")
      return false;  // احد
    for (size_t k = q; k > b_ && k + 8 >= q;) {
      --k;
      if (!IsWordTok(w_[k])) return false;
      if (IsClass(k, "neg")) return true;  // "بعدم قتل أحد" too
    }
    return false;
  }
  // True if a number that no figure covers stands between the figure prev
  // and word v: a subset or "others" after it belongs to that number.
  bool GroupNotCounted(const CasualtyFound* prev, size_t v) const {
    for (const NumberMention& n : doc_.numbers) {
      const Span& m = n.span;
      if (m.begin < prev->span.end || m.end > w_[v].span.begin) continue;
      size_t nb = WordAt(w_, m.begin), ne = WordAt(w_, m.end);
      if (!InNumber(nb) || Year(nb, n) || (ne < e_ && IsClass(ne, "age")))
        continue;  // a dual's noun, a year, an age
      bool covered = false;
      for (const CasualtyFound& c : out_)
        covered |= c.span.begin <= m.begin && m.end <= c.span.end;
      if (!covered) return true;
    }
    return false;
  }
  bool Counts(size_t v) const {
    for (const CasualtyFound& c : out_) {
      if (c.span.begin <= w_[v].span.begin && w_[v].span.end <= c.span.end)
        return true;
    }
    return false;
  }
  const CasualtyFound* Before(size_t v) const {
    const CasualtyFound* best = nullptr;
    for (const CasualtyFound& c : out_) {
      if (c.span.end <= w_[v].span.begin &&
          (!best || c.span.begin > best->span.begin))
        best = &c;
    }
    return best;
  }
  // One figure of n people counted by the noun at v (cue at q <= v).
  void Add(const std::string& kind, int n, size_t q, size_t v) {
    if (Counts(v)) return;
    if ((kind == "injured" || kind == "killed") && Illness(q, v + 1))
      return;  // "وأصيب الرئيس بنوبة قلبية": a patient
    NumberMention one;
    one.span = SpanOfWords(w_, q, v + 1);
    one.value = one.min = one.max = n;
    if (size_t at = AtLeastAfter(v + 1)) {
      one.max = std::numeric_limits<double>::infinity();
      one.approximate = true;
      (void)at;
    }
    out_.push_back({kind, one, one.span});
  }

  std::vector<CasualtyFound> out_;
  std::vector<NumberMention>
      pending_;             // numbers with no kind on the first pass
  bool dual_noun_ = false;  // the number at hand is a noun read as a dual
};

}  // namespace

std::vector<CasualtyFound> FindCasualties(const Document& doc,
                                          const FinderContext& cx, size_t b,
                                          size_t e) {
  return CasualtyScanner(doc, cx, b, e).Run();
}

}  // namespace marsad
