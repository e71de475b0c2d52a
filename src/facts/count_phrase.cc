// The count-phrase reader (see count_phrase.h).
#include "src/facts/count_phrase.h"

#include <cmath>

#include "src/facts/util.h"

namespace marsad {

CountPhraseReader::CountPhraseReader(const Document& doc,
                                     const FinderContext& cx, size_t b,
                                     size_t e)
    : doc_(doc),
      w_(cx.table.words),
      lex_(cx.lex),
      b_(b),
      e_(e),
      numbers_(cx.count_scratch->numbers),
      scratch_(cx.count_scratch->form) {}

void CountPhraseReader::CollectNumbers() {
  uint32_t lo = w_[b_].span.begin, hi = w_[e_ - 1].span.end;
  numbers_.clear();
  for (const NumberMention& n : doc_.numbers) {
    if (n.span.begin < lo || n.span.end > hi) continue;
    // "4 مسلحين": a plural read as a dual right after a number is that
    // number's counted noun, not a number (a verb after it still counts),
    // also with the bound the dual took ("ستة مدنيين على الأقل قتلوا").
    size_t nb = WordAt(w_, n.span.begin);
    bool noun = w_[nb].kind == TokenKind::kWord && PluralAsDual(nb, n) &&
                !numbers_.empty() && WordAt(w_, numbers_.back().end) == nb;
    if (!noun) numbers_.push_back(n.span);
  }
}

bool CountPhraseReader::PluralAsDual(size_t nb, const NumberMention& n) const {
  size_t ne = WordAt(w_, n.span.end);
  return ne == nb + 1 || (nb + 3 == ne && AtLeast(nb + 1));
}

const CasualtyEntry* CountPhraseReader::KindAt(size_t q, char where) const {
  auto m = lex_.casualties.Find(w_, q, e_, Forms::kStem);
  if (m.payload < 0) return nullptr;
  const CasualtyEntry& c = lex_.casualty_entries[m.payload];
  if (c.where == where || (where == 'c' && c.where == 'b')) return &c;
  return nullptr;
}

bool CountPhraseReader::InNumber(size_t q) const {
  for (const Span& m : numbers_) {
    if (m.begin <= w_[q].span.begin && w_[q].span.end <= m.end) return true;
  }
  return false;
}

bool CountPhraseReader::IsClass(size_t q, std::string_view cls) const {
  return lex_.Is(w_[q], cls) || lex_.ClassOfKey(w_[q].stem) == cls;
}

bool CountPhraseReader::AtLeast(size_t q) const {
  return q + 1 < e_ && w_[q].bare == fk::kAla &&
         w_[q + 1].key == "\xD8\xA7\xD9\x84\xD8\xA7\xD9\x82\xD9\x84";  // الاقل
}

size_t CountPhraseReader::AtLeastAfter(size_t q) const {
  for (size_t k = q; k < e_ && k < q + 5; ++k) {
    if (AtLeast(k)) return k;
    if (!IsWordTok(w_[k]) && !w_[k].IsQuoteMark())
      break;  // "20 طفلا" على الأقل
  }
  return 0;
}

bool CountPhraseReader::Year(size_t nb, const NumberMention& n) const {
  if (n.min != n.max || n.min < 1900 || n.min > 2100 ||
      n.min != std::floor(n.min))
    return false;
  if (nb > b_ && IsClass(nb - 1, "year_prep")) return true;
  size_t ne = WordAt(w_, n.span.end);
  return w_[nb].kind == TokenKind::kNumber && !Person(ne) &&
         !(ne < e_ && KindAt(ne, 'n'));
}

bool CountPhraseReader::DefiniteAfterThing(size_t nb) const {
  if (nb == b_ || w_[nb].kind != TokenKind::kWord ||
      !KeyStarts(w_[nb].bare, fk::kAl)) {
    return false;
  }
  return IsClass(nb - 1, "period");
}

bool CountPhraseReader::Label(size_t nb, size_t ne) const {
  if (nb == b_ || !IsWordTok(w_[nb - 1]) || InNumber(nb - 1)) return false;
  bool label = IsClass(nb - 1, "label") ||
               (Definite(nb - 1) &&
                (IsClass(nb - 1, "thing") || IsClass(nb - 1, "period")));
  return label && !Person(ne) && !(ne < e_ && KindAt(ne, 'n'));
}

bool CountPhraseReader::Illness(size_t from, size_t ne) const {
  for (size_t q = from; q < e_ && q < ne + 3; ++q) {
    if (q >= ne && !IsWordTok(w_[q])) break;
    if (IsClass(q, "disease") || IsClass(q, "illness")) return true;
  }
  return false;
}

int CountPhraseReader::Exceeded(size_t nb) const {
  for (size_t q = nb + 1; q > b_ && q + 8 > nb;) {
    --q;  // the number's own first word too: "لا يتجاوز 15" is one number
    if (q < nb && (!IsWordTok(w_[q]) || InNumber(q))) return 0;
    if (!IsWordTok(w_[q]) || !IsClass(q, "exceed")) continue;
    return q > b_ && lex_.Is(w_[q - 1], "neg") ? -1 : 1;
  }
  return 0;
}

void CountPhraseReader::ThousandsDot(NumberMention* n) const {
  if (n->min != n->max) return;
  std::string_view t = n->span.In(doc_.text);
  int after = -1;    // digits after the dot, -1 before it
  size_t first = 0;  // the first digit, after a cue (نحو 1.700)
  while (first < t.size() && !(t[first] >= '0' && t[first] <= '9') &&
         !(static_cast<unsigned char>(t[first]) == 0xD9 &&
           first + 1 < t.size() &&
           static_cast<unsigned char>(t[first + 1]) >= 0xA0 &&
           static_cast<unsigned char>(t[first + 1]) <= 0xA9)) {
    ++first;
  }
  for (size_t i = first; i < t.size();) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == '.' && after < 0) {
      after = 0;
      ++i;
    } else if (c >= '0' && c <= '9') {
      after += after >= 0;
      ++i;
    } else if (c == 0xD9 && i + 1 < t.size() &&  // ٠..٩
               static_cast<unsigned char>(t[i + 1]) >= 0xA0 &&
               static_cast<unsigned char>(t[i + 1]) <= 0xA9) {
      after += after >= 0;
      i += 2;
    } else {
      break;  // the end of the digits
    }
  }
  if (after == 3) n->value = n->min = n->max = std::round(n->min * 1000);
}

bool CountPhraseReader::Person(size_t q) const {
  if (q + 1 < e_ && w_[q].bare == fk::kMin) {
    ++q;  // "المئات من الأفراد"
    // "24 من تلك العناصر": a demonstrative before the group's noun.
    if (q + 1 < e_ && IsClass(q, "demonstrative")) ++q;
  }
  if (q >= e_ || !IsWordTok(w_[q])) return false;
  return VictimCount(q) > 0 || IsClass(q, "person");
}

bool CountPhraseReader::Denied(size_t q) const {
  // "قضت المحكمة ... بإعدام 17 متهما"، "حكمت بالإعدام على سبعة": an
  // execution masdar after a word of sentencing (words.tsv sentence, at most
  // ten words back) is a death sentence, no killing yet; unless a word of
  // carrying out stands there too (نفذت السلطات حكم الإعدام).
  if (IsClass(q, "execution")) {
    bool sentenced = false;
    for (size_t k = q; k > b_ && k + 10 >= q;) {
      --k;
      if (IsClass(k, "carry_out")) {
        sentenced = false;
        break;
      }
      sentenced = sentenced || IsClass(k, "sentence");
    }
    if (sentenced) return true;
  }
  // "التهديد بقتلها وبقتل والدها"، "هدد بإعدام 5 رهائن": a harm threatened
  // (a cue with ب after a threat word, words.tsv threat) has not happened.
  if (std::string_view b = w_[q].bare;
      b.size() > 2 && KeyStarts(b, "\xD8\xA8") && w_[q].stem != b) {  // ب
    for (size_t k = q; k > b_ && k + 3 >= q;) {
      if (IsClass(--k, "threat")) return true;
      if (!IsWordTok(w_[k])) break;
    }
  }
  // "احتمال إصابة مدنيين"، "خشية مقتل"، "قد يؤدي القتال ... إلى مقتل ما يصل
  // إلى 250 ألفا": a harm that may come (a word of possibility or fear up to
  // two words before the cue, words.tsv maybe; قد before an imperfect verb
  // of causing, may_cause, in the cue's clause) has not happened.
  for (size_t k = q; k > b_ && k + 8 >= q;) {
    --k;
    if (!IsWordTok(w_[k])) break;
    if (k + 2 >= q && IsClass(k, "maybe")) return true;
    if (k > b_ && IsClass(k, "may_cause") &&
        w_[k - 1].bare == "\xD9\x82\xD8\xAF")  // قد
      return true;
  }
  for (size_t k = q; k > b_ && k + 2 >= q;) {
    --k;
    std::string_view c = lex_.ClassOf(w_[k]);
    bool still =
        k + 1 < q && IsClass(k + 1, "still");  // "لا يزال": still, no negation
    if ((c == "neg" && !still) || c == "deny") return true;
    if (!IsWordTok(w_[k])) break;
  }
  return false;
}

int CountPhraseReader::VictimCount(size_t v) const {
  if (v >= e_ || !IsWordTok(w_[v])) return 0;
  const Word& w = w_[v];
  if (lex_.Is(w, "title") || lex_.Is(w, "victim"))
    return 1;  // memoized class bits
  if (KeyStarts(w.bare, fk::kAl)) return 0;
  // A nisba noun's dual (بريطانيان، فلسطينيان، سوريان): six letters or more
  // ending in يان (not بيان، سريان).
  std::string_view nisba = "\xD9\x8A\xD8\xA7\xD9\x86";  // يان
  if (w.bare.size() >= 12 &&
      w.bare.substr(w.bare.size() - nisba.size()) == nisba && !InName(v))
    return 2;
  // The stem differs from the key only after a clitic (بشرطي): one lookup.
  std::string_view cls =
      w.stem != w.bare ? lex_.ClassOfKey(w.stem) : std::string_view();
  if (cls == "title" || cls == "victim") return 1;
  // "قائدا كبيرا": a title's accusative with its tanween alif.
  std::string_view alif = "\xD8\xA7";  // ا
  if (w.bare.size() >= 8 && w.bare.substr(w.bare.size() - 2) == alif) {
    cls = lex_.ClassOfKey(w.bare.substr(0, w.bare.size() - 2));
    if (cls == "title") return 1;
  }
  std::string_view s = w_[v].stem;
  if (s.size() < 8) return 0;
  std::string_view end = s.substr(s.size() - 4);
  bool an = end == "\xD8\xA7\xD9\x86",
       in = end == "\xD9\x8A\xD9\x86";  // ان، ين
  if (!an && !in) return 0;
  if (an) {
    std::string& one = scratch_;  // reused: no allocation per word
    one.assign(s.substr(0, s.size() - 4));
    if (KeyStarts(std::string_view(one).substr(one.size() - 2), "\xD8\xAA")) {
      one.replace(one.size() - 2, 2, "\xD9\x87");  // امرأتان → امراه
    }
    if (lex_.ClassOfKey(one) == "victim") return 2;
  }
  return lex_.Is(w_[v], "dual") ? 2
                                : 0;  // ين: a listed dual, not a sound plural
}

bool CountPhraseReader::InName(size_t v) const {
  for (const EntityMention& m : doc_.entities) {
    if (m.type == EntityType::kPerson && m.span.begin <= w_[v].span.begin &&
        w_[v].span.end <= m.span.end)
      return true;
  }
  return false;
}

int CountPhraseReader::PossessedCount(size_t v, std::string_view cls) const {
  if (v >= e_ || !IsWordTok(w_[v])) return 0;
  // The stem, else the whole key: "والداه" is no و + الداه.
  std::string_view s = w_[v].stem;
  if (int n = PossessedForm(s, cls)) return n;
  return s != w_[v].key && KeyStarts(w_[v].key, "\xD9\x88\xD8\xA7\xD9\x84")
             ? PossessedForm(w_[v].key, cls)
             : 0;  // وال
}

int CountPhraseReader::PossessedForm(std::string_view s,
                                     std::string_view cls) const {
  for (std::string_view pron :
       {"\xD9\x87\xD9\x85\xD8\xA7", "\xD9\x87\xD9\x85", "\xD9\x87\xD8\xA7",
        "\xD9\x87"}) {  // هما هم ها ه
    if (s.size() < pron.size() + 6 || s.substr(s.size() - pron.size()) != pron)
      continue;
    std::string_view r = s.substr(0, s.size() - pron.size());
    // The construct's ة is written ت (شقيقت+ه); the key folds ة to ه.
    auto head_is = [&](std::string_view h) {
      std::string& k = scratch_;
      k.assign(h);
      if (k.size() >= 2 && KeyStarts(std::string_view(k).substr(k.size() - 2),
                                     "\xD8\xAA"))  // ت
        k.replace(k.size() - 2, 2, "\xD9\x87");
      return lex_.ClassOfKey(k) == cls;
    };
    std::string_view tail = r.substr(r.size() - 2);
    if (r.size() >= 8 && (tail == "\xD8\xA7" || tail == "\xD9\x8A") &&
        head_is(r.substr(0, r.size() - 2)))
      return 2;  // ا، ي: a dual in construct
    return head_is(r) ? 1 : 0;
  }
  return 0;
}

bool CountPhraseReader::TitleBefore(size_t v) const {
  std::string_view s = w_[v].stem;
  for (size_t k = b_; k < v; ++k) {
    std::string_view t = w_[k].stem;
    if (t.size() >= 4 && t.size() < s.size() && s.substr(0, t.size()) == t &&
        IsClass(k, "title"))
      return true;
  }
  return false;
}

int CountPhraseReader::RoleCount(size_t v) const {
  if (int n = VictimCount(v)) return n;
  if (v < e_ && IsClass(v, "kin")) return 1;
  // "أصيب والداه وشقيقه"، "اختطاف قائدها": a relative or a title with its
  // possessor's pronoun.
  if (int n = PossessedCount(v, "kin_head")) return n;
  if (PossessedCount(v, "title") && !TitleBefore(v)) return 1;
  return v < e_ && IsWordTok(w_[v]) && !KeyStarts(w_[v].bare, fk::kAl) &&
                 IsClass(v, "role")
             ? 1
             : 0;
}

bool CountPhraseReader::SubjectWord(size_t k) const {
  return IsWordTok(w_[k]) && !InNumber(k) && VictimCount(k) == 0 &&
         (Definite(k) || IsClass(k, "actor_head") || IsClass(k, "when") ||
          IsClass(k, "weekday"));
}

bool CountPhraseReader::Definite(size_t k) const {
  const Word& w = w_[k];
  return KeyStarts(w.bare, fk::kAl) && w.stem.size() < w.bare.size() &&
         w.bare.size() > 6 && !IsClass(k, "rel");
}

size_t CountPhraseReader::AfterSubject(size_t v) const {
  if (v >= e_ || VictimCount(v) > 0) return v;
  size_t k = SubjectEnd(v);
  return k > v && k < e_ && IsWordTok(w_[k]) && w_[k].stem == w_[k].bare &&
                 (VictimCount(k) > 0 ||
                  (PossessedCount(k, "title") > 0 && !TitleBefore(k)))
             ? k
             : v;
}

size_t CountPhraseReader::SubjectEnd(size_t v) const {
  size_t k = v, words = 0;
  // "اختطاف «جبهة النصرة» قائدها": quotation marks around the subject (any
  // words inside: a name); "قتل بعد ذلك رجلا": an adverb before the object.
  bool quoted = v > b_ && w_[v - 1].IsQuoteMark();  // the cue skipped it
  while (k < e_ && words < 3) {
    if (quoted && !w_[k].IsQuoteMark() && IsWordTok(w_[k]) && !InNumber(k)) {
      ++k, ++words;
    } else if (k + 1 < e_ && w_[k].key == "\xD8\xA8\xD8\xB9\xD8\xAF" &&  // بعد
               w_[k + 1].key == "\xD8\xB0\xD9\x84\xD9\x83") {  // ذلك
      k += 2, ++words;
    } else if (SubjectWord(k) || IsClass(k, "adverb")) {
      ++k, ++words;
    } else if (w_[k].IsQuoteMark()) {
      quoted = !quoted;
      ++k;
    } else {
      break;
    }
  }
  return words > 0 ? k : v;
}
}  // namespace marsad
