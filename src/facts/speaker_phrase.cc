// Speaker phrases bounded by the sentence's structure.
//
// A speaker is a noun phrase: an entity (a person or body the NER stage
// found), a role (وزير الخارجية، المتحدث باسم الجيش) or a source noun
// (مصادر، شهود عيان، ناشطون), with its titles, a construct complement, an
// apposition after a comma. Where it ends is decided by what starts after
// it, not by a list of what may follow a given name: a complementizer or
// colon (the content), another reporting cue, a preposition opening an
// adverbial (في بيان، لـCNN، أمام الصحفيين), a time adverbial (قبل، أواخر،
// الأسبوع الماضي), a relative or circumstantial clause (الذي، وهو، مخاطبا),
// an anonymity clause (طلب عدم ذكر اسمه), a number (the verb's object), a
// definite non-title word after a complete name (its object). The same
// bounds serve every position of the speaker: after the verb (قال فلان),
// before it (فلان قال، وكان فلان قد قال، لكن فلان قال), after بحسب/وفق and
// inside chains (نقل X عن Y).
#include <algorithm>

#include "src/facts/quote_parser.h"

namespace marsad {
namespace facts_internal {

bool QuoteParser::IsCompSurface(size_t i) const {
  if (lex_.ClassOfKey(w_[i].key) == "comp") return true;
  std::string_view sf = w_[i].span.In(text_);
  return sf.find("\xD8\xA3") != std::string_view::npos ||
         sf.find("\xD8\xA5") != std::string_view::npos;
}

bool QuoteParser::IsAliName(size_t i) const {
  std::string_view sf = w_[i].span.In(text_);
  return w_[i].key == fk::kAla && sf.size() >= 2 &&
         sf.substr(sf.size() - 2) == "\xD9\x8A";
}

bool QuoteParser::IsBayan(size_t i) const {
  constexpr std::string_view kBayan = "\xD8\xA8\xD9\x8A\xD8\xA7\xD9\x86";
  return KeyStarts(w_[i].bare, kBayan) || KeyStarts(w_[i].stem, kBayan);
}

bool QuoteParser::IsMediumLam(size_t i) const {
  std::string_view b = w_[i].bare;
  if (!KeyStarts(b, fk::kLam)) return false;
  std::string_view rest = b.substr(fk::kLam.size());
  if (lex_.ClassOfKey(rest) == "medium") return true;
  return KeyStarts(rest, fk::kLam) &&
         lex_.ClassOfKey(std::string(fk::kAl) + std::string(rest.substr(2))) ==
             "medium";
}

size_t QuoteParser::SpeakerEnd(size_t j, size_t e) const {
  // وتابع يقول:، قال وفقا لما نقله ...: a cue right after the verb (not
  // joined by و: أكد ويقول فلان) starts no subject; the speaker is carried.
  if (j < e &&
      (NoSubjectStart(j) || (IsCueAt(j, e) && w_[j].key == w_[j].bare)))
    return j;
  size_t k = j;
  bool title = false, appositive = false;
  while (k < e && k - j < (title ? 16 : 12)) {
    const Word& w = w_[k];
    // فلان "بحزن شديد": quoted words after a complete name are no part of it.
    if (w.IsQuoteMark() && k > j && PersonEndsAt(k)) break;
    if (w.IsQuoteMark()) {
      size_t n = QuotedName(k, e);
      if (n == 0) break;
      k = n;  // صحيفة "ديلي ميل"، وقالت "الوزارة":
      // صحيفة "النهار" (السعودية) تفاصيل الخطة: after a quoted name only
      // definite adjectives go on; an indefinite word is the verb's object.
      while (k < e && IsWord(k) && KeyStarts(w_[k].bare, fk::kAl) &&
             lex_.ClassOf(w_[k]).empty()) {
        ++k;
      }
      if (k < e && IsWord(k) && lex_.ClassOf(w_[k]).empty() && !PersonAt(k))
        return k;
      continue;
    }
    if (k > j && w.IsPunct("(")) {
      if (k + 1 < e && w_[k + 1].kind == TokenKind::kNumber)
        break;  // فلان (58 عاما)
      size_t n = ParenthesisEnd(k, e);
      if (n == 0) break;
      k = n;  // موقع (فلايت أوير) المتخصص
      continue;
    }
    if (k > j && k + 1 < e && w_[k + 1].IsQuoteMark() && IsAddressee(k)) {
      // الناطق الإعلامي لـ"شرطة عسير" الرائد فلان: a quoted body in construct
      // after لـ, followed by a title or a name, belongs to the speaker.
      size_t n = QuotedName(k + 1, e);
      if (n && n < e && (TitleLike(n) || PersonAt(n))) {
        k = n;
        continue;
      }
    }
    if (k > j && (IsAddressee(k) || IsFactObject(k) ||
                  lex_.Is(w, "say_adverb") || lex_.Is(w, "act_object") ||
                  lex_.Is(w, "idiom_object") || lex_.Is(w, "issued") ||
                  (KeyStarts(w.bare, "\xD8\xA8") &&
                   lex_.ClassOfKey(w.stem) == "medium"))) {
      break;  // ... بمصرع، ... بالقول، تقرير صدر، ... بموقع إنستغرام
    }
    // تقترب الشركة من التوصل، أعلن المجلس عن الانتهاء: من/عن + a definite
    // verbal noun is the verb's complement, not the subject's من phrase
    // (unlike باحث من الجامعة).
    if (k > j && (w.bare == fk::kMin || w.bare == fk::kAn) && k + 1 < e &&
        DefiniteMasdar(k + 1)) {
      break;
    }
    if (w.IsQuoteMark() || w.IsPunct(":")) break;
    if (k > j && lex_.Is(w, "aux")) break;  // وكان فلان، قد عبر
    // وقال شهود كانوا في المطعم: كان after the subject opens a clause on it
    // (a relative or a predicate), never part of the noun phrase.
    if (k > j &&
        (w.bare == fk::kKana || w.bare == fk::kKanat || w.bare == fk::kKanu) &&
        !InPersonName(k))
      break;
    // وقال الوزير بشأن الحادث، حول الخطة: the topic of the words, never part
    // of who speaks (عن after a statement is its issuer: صادر عن).
    if (k > j && lex_.Is(w, "lead_prep") && w.bare != fk::kAn) break;
    if (IsAliName(k)) {
      ++k;
      continue;
    }
    // فلان من جانبه، المصدر بدوره: a clause lead after the subject; ونوه
    // المصدر بالدعم، فلان، بالتآمر: a complement after a complete phrase;
    // تقرير نشرته قناة: a clause on the noun. The phrase ends.
    if (k > j && (SideLead(k) || BaComplement(j, k) ||
                  lex_.Is(w, "author_verb") || NewPhrase(j, k, title)))
      break;
    std::string_view cls = lex_.ClassOf(w);
    if (cls == "comp" && !IsCompSurface(k)) cls = "";
    if (cls == "comp" || cls == "say_pro" || cls == "rel") break;
    if (k > j && SourcePlace(j, k)) break;
    if (cls == "stop" || cls == "weekday") {
      std::string_view next = k + 1 < e ? lex_.ClassOf(w_[k + 1]) : "stop";
      // مسؤول في الشرطة: a title's في phrase; after a person's name it is
      // an adverbial (وقال الوزير فلان في المطار), and so is a speech event
      // with or without the article (في التغريدة ذاتها).
      // الباحث في المناخ فلان: a profession's في phrase when a name
      // follows it within three words.
      bool role_named = false;
      for (size_t n = k + 2; n < e && n < k + 5 && IsWord(n - 1); ++n) {
        role_named |= lex_.Is(w_[j], "role_noun") && PersonAt(n);
      }
      bool in = w.key == fk::kFi && k > j && (title || role_named) &&
                !PersonEndsAt(k) && k + 1 < e && IsWord(k + 1) &&
                next != "stop" && next != "speech" && next != "comp" &&
                next != "weekday" && !IsBayan(k + 1) &&
                !lex_.Is(w_[k + 1], "place_adv") &&
                !lex_.Is(w_[k + 1], "speech") &&
                lex_.ClassOfKey(NoAl(w_[k + 1].key)) != "speech";
      // محمد الخميس رئيس ...: a weekday inside a name, before a title or a
      // word.
      // (Only after a person's first word: وأعلنت طالبان الجمعة تعيين، the
      // weekday is the time and the word after it the verb's object.)
      in |= cls == "weekday" && k > j && k + 1 < e && IsWord(k + 1) &&
            (next.empty() || next == "title") &&
            (InPersonName(k) || PersonEndsAt(k));
      if (!in) break;
    }
    if (w.bare == fk::kAn) break;
    if (k > j && NamedAs(k)) {
      k += 2;  // مسؤول في الشرطة يدعى فلان: the name, then its other words
      while (k < e && PersonAt(k - 1) && InPersonName(k)) ++k;
      continue;
    }
    if (k > j && IsCueAt(k, e)) break;
    if (AdverbialAt(k, e) ||
        (k > j && (AfterName(k) || lex_.Is(w, "anon_verb"))))
      break;
    // أغلقت الوزارة ثلاثة مصانع: the object (not a definite number after a
    // definite noun, its adjective: الدول الأربع).
    if (k > j && NumberAt(k) &&
        !(KeyStarts(w.bare, fk::kAl) && KeyStarts(w_[k - 1].bare, fk::kAl)))
      break;
    if (k > j && IsHal(k)) break;  // وقال فلان مخاطبا الحضور
    if (k > j && IsBaToken(k)) break;  // بـ"الوحش"
    // A definite noun is never the head of a construct nor followed by an
    // indefinite adjective: an indefinite verbal noun after it is the verb's
    // object (وأكدت الحكومة تواصل الجهود).
    // (Not a conjunct: المسؤولون وأصحاب القرار.)
    if (k > j && KeyStarts(w_[k - 1].bare, fk::kAl) &&
        w_[k].key == w_[k].bare && MasdarShape(k) && !PersonAt(k)) {
      break;
    }
    // A statement noun after the subject is the verb's object (نشر فلان
    // تغريدة قال فيها، أصدر الجيش بيانا).
    if (k > j && (lex_.Is(w, "speech") || IsBayan(k))) break;
    if (k > j &&
        (lex_.Is(w, "adverb") ||
         (k + 1 < e && lex_.Is(w_[k + 1], "comp") && lex_.Is(w, "prep")))) {
      break;  // وزارة الدفاع أخيرا أن؛ حذر نقاد من أن
    }
    if (w.kind == TokenKind::kPunct) {
      if (IsComma(k) && (title || Apposed(k + 1)) && !appositive && k + 1 < e &&
          IsWord(k + 1)) {
        std::string_view next = IsAliName(k + 1) ? "" : lex_.ClassOf(w_[k + 1]);
        if (next != "stop" && next != "comp" && !IsCueAt(k + 1, e)) {
          appositive = true;
          ++k;
          continue;
        }
      }
      break;
    }
    if (IsMediumLam(k)) break;
    if (TitleLike(k)) title = true;
    ++k;
  }
  return ApposedNameEnd(j, SecondNameEnd(j, k), e);
}

size_t QuoteParser::ApposedNameEnd(size_t j, size_t k, size_t e) const {
  // وقال الخبير في إدارة الأزمات بمنظمة العفو، فلان، إن: a title or a
  // role with its complement, closed by a comma, then the person's name
  // (after at most one more title word) closed by a comma, a complementizer
  // or a colon: the name is the speaker's, and the phrase runs through it.
  // (j may be the sentence's end: SpeakerEnd finds no subject there.)
  if (k <= j || k >= e) return k;
  std::string_view key = w_[j].key;
  bool role = lex_.Is(w_[j], "role_noun") ||
              (KeyStarts(key, fk::kAl) &&
               lex_.ClassOfKey(key.substr(fk::kAl.size())) == "role_noun");
  if (!(TitleLike(j) || role)) return k;
  for (size_t x = j; x < k; ++x) {
    if (PersonAt(x)) return k;  // a name already in the phrase
  }
  size_t c = k;
  while (c < e && c < k + 10 && IsWord(c) && !PersonAt(c) && !IsCueAt(c, e) &&
         lex_.ClassOf(w_[c]) != "comp") {
    ++c;
  }
  if (c >= e || !IsComma(c)) return k;
  size_t n = c + 1;
  while (n < e && n < c + 4 && IsWord(n) && !PersonAt(n) && TitleLike(n)) ++n;
  if (n >= e || !PersonAt(n)) return k;
  size_t p = n + 1;
  while (p < e && p < n + 8 && !PersonEndsAt(p)) ++p;
  if (p >= e || !PersonEndsAt(p)) return k;
  bool closed = w_[p].IsPunct(":") || lex_.ClassOf(w_[p]) == "comp" ||
                (IsComma(p) && p + 1 < e && lex_.ClassOf(w_[p + 1]) == "comp");
  return closed ? p : k;
}

bool QuoteParser::NewPhrase(size_t j, size_t k, bool title) const {
  // وزير الداخلية فلان موسكو: a place or body right after a person's name.
  if (PersonEndsAt(k)) {
    for (const EntityMention& m : doc_->entities) {
      if (m.span.begin == w_[k].span.begin && m.type != EntityType::kPerson &&
          m.type != EntityType::kMisc)
        return true;
    }
  }
  // الشرطة الهولندية هوية المشتبه به: after two definite words, a plain
  // indefinite word (no article, no proclitic) in construct with a definite
  // one heads a new noun phrase; a definite phrase takes no indefinite
  // adjective and heads no construct. (Not in a title's phrase nor right
  // after a name, and not a word with no definite one after it: a name NER
  // missed may follow, الممثلة الجزائرية فلانة.)
  return !title && k >= j + 2 && k + 1 < w_.size() && IsWord(k) &&
         KeyStarts(w_[k + 1].bare, fk::kAl) && !PersonEndsAt(k) &&
         w_[k].stem == w_[k].key && KeyStarts(w_[k - 1].bare, fk::kAl) &&
         KeyStarts(w_[k - 2].bare, fk::kAl) && lex_.ClassOf(w_[k]).empty() &&
         !PersonAt(k) && !InPersonName(k) && !TitleLike(k);
}

bool QuoteParser::PlaceBeginsIn(size_t k) const {
  for (const EntityMention& m : doc_->entities) {
    if (m.type == EntityType::kLocation && m.span.begin >= w_[k].span.begin &&
        m.span.begin < w_[k].span.end)
      return true;
  }
  return false;
}

bool QuoteParser::SourcePlace(size_t j, size_t k) const {
  // (Only an indefinite source noun: a title or a body keeps its place, مدير
  // الدفاع المدني بغرب كردفان، مصلحة الأرصاد الجوية في تالاهاسي.)
  if (!lex_.Is(w_[j], "source_head") || KeyStarts(w_[j].key, fk::kAl) ||
      !IsWord(k) || k + 1 >= w_.size())
    return false;
  auto place_from = [&](size_t q) {
    if (PlaceBeginsIn(q)) return true;
    return (lex_.Is(w_[q], "locprep") || lex_.Is(w_[q], "placenoun")) &&
           q + 1 < w_.size() && IsWord(q + 1) && PlaceBeginsIn(q + 1);
  };
  // (Not ب + a place, مصدر طبي بشمال سيناء: the gold keeps it in one file
  // and not in another.)
  return w_[k].key == fk::kFi && IsWord(k + 1) && place_from(k + 1);
}

bool QuoteParser::IsNisba(size_t k) const {
  std::string_view b = w_[k].bare;
  constexpr std::string_view kYa = "\xD9\x8A", kYah = "\xD9\x8A\xD9\x87";
  return !KeyStarts(b, fk::kAl) && w_[k].key == b && b.size() >= 8 &&
         (b.ends_with(kYa) || b.ends_with(kYah)) && !IsCueAt(k, k + 1);
}

bool QuoteParser::IsLoneWa(size_t k) const {
  return w_[k].key == "\xD9\x88" || w_[k].key == "\xD9\x81";  // و، ف
}

bool QuoteParser::SideLead(size_t k) const {
  if (w_[k].bare == fk::kMin)
    return k + 1 < w_.size() && lex_.Is(w_[k + 1], "clause_lead") &&
           w_[k + 1].bare != fk::kMin;
  return lex_.Is(w_[k], "clause_lead") && KeyStarts(w_[k].bare, "\xD8\xA8");
}

bool QuoteParser::BaComplement(size_t j, size_t k) const {
  constexpr std::string_view kBiAl = "\xD8\xA8\xD8\xA7\xD9\x84";  // بال
  if (!IsWord(k) || !KeyStarts(w_[k].bare, kBiAl) ||
      w_[k].bare.size() <= kBiAl.size() + 2)
    return false;
  return PersonEndsAt(k) || (k == j + 1 && lex_.Is(w_[j], "anaphor")) ||
         (k > j + 1 && IsComma(k - 1));
}

size_t QuoteParser::SecondNameEnd(size_t j, size_t k) const {
  // وصف الرئيس فلان موظفة البيت الأبيض السابقة فلانة بأنها: a person's
  // name, then a word that is no title, a conjunct (وفلانة) or an
  // apposition (a comma), then another person's name: the second is the
  // verb's object and the speaker ends with the first. (A relative's noun
  // describes the first: فلان أخو المتوفى فلان.)
  for (size_t x = j + 1; x + 1 < k; ++x) {
    if (!PersonEndsAt(x) || !IsWord(x) || InPersonName(x) ||
        w_[x].key != w_[x].bare || TitleLike(x) ||
        lex_.Is(w_[x], "role_noun") || lex_.Is(w_[x], "kin_head"))
      continue;
    for (size_t n = x + 1; n < k && n < x + 6 && IsWord(n); ++n) {
      if (PersonAt(n)) return x;
    }
  }
  return k;
}

bool QuoteParser::AdverbialAt(size_t k, size_t e) const {
  if (lex_.Is(w_[k], "temporal") || lex_.Is(w_[k], "time_noun")) return true;
  return k + 1 < e && IsWord(k) && lex_.Is(w_[k + 1], "time_adj");
}

bool QuoteParser::IsBaToken(size_t k) const {
  return w_[k].key == "\xD8\xA8" || w_[k].key == "\xD8\xA8\xD9\x80";
}

bool QuoteParser::IsHal(size_t k) const {
  std::string_view b = w_[k].bare;
  if (w_[k].kind != TokenKind::kWord || b.size() < 10 ||
      !KeyStarts(b, "\xD9\x85") || b.substr(b.size() - 2) != "\xD8\xA7") {
    return false;
  }
  for (const EntityMention& m :
       doc_->entities) {  // a name (دي ميستورا) is no participle
    if (m.span.begin <= w_[k].span.begin && w_[k].span.end <= m.span.end)
      return false;
  }
  return true;
}

bool QuoteParser::NumberAt(size_t k) const {
  if (w_[k].kind == TokenKind::kNumber) return true;
  const auto& n = doc_->numbers;
  auto it = std::lower_bound(
      n.begin(), n.end(), w_[k].span.begin,
      [](const NumberMention& m, uint32_t a) { return m.span.begin < a; });
  return it != n.end() && it->span.begin == w_[k].span.begin;
}

bool QuoteParser::AfterName(size_t k) const {
  if (!IsWord(k) || !KeyStarts(w_[k].key, fk::kAl)) return false;
  if (lex_.Is(w_[k], "title") || lex_.Is(w_[k], "source_head")) return false;
  return PersonEndsAt(k);
}

bool QuoteParser::NamedAs(size_t k) const {
  constexpr std::string_view kYud = "\xD9\x8A\xD8\xAF\xD8\xB9\xD9\x8A",
                             kTud = "\xD8\xAA\xD8\xAF\xD8\xB9\xD9\x8A";
  return (w_[k].bare == kYud || w_[k].bare == kTud) && k + 1 < w_.size() &&
         PersonAt(k + 1);
}

bool QuoteParser::InPersonName(size_t k) const {
  for (const EntityMention& m : doc_->entities) {
    if (m.type == EntityType::kPerson && m.span.begin < w_[k].span.begin &&
        w_[k].span.end <= m.span.end)
      return true;
  }
  return false;
}

bool QuoteParser::PersonEndsAt(size_t k) const {
  if (k == 0) return false;
  uint32_t prev_end = w_[k - 1].span.end;
  for (const EntityMention& m : doc_->entities) {
    if (m.type == EntityType::kPerson && m.span.end == prev_end) return true;
  }
  return false;
}

bool QuoteParser::IsAddressee(size_t k) const {
  std::string_view sf = w_[k].span.In(text_);
  if (w_[k].key == fk::kLam || w_[k].key == "\xD9\x84\xD9\x80") return true;
  if (sf.size() >= 3 && sf.substr(0, 2) == "\xD9\x84" &&
      (sf.substr(2, 2) == "\xD9\x80" ||
       static_cast<unsigned char>(sf[2]) < 0x80)) {
    return true;
  }
  return IsMediumLam(k) || lex_.Is(w_[k], "addressee");
}

size_t QuoteParser::ParenthesisEnd(size_t k, size_t e) const {
  size_t r = k + 1;
  while (r < e && r <= k + 6 && (IsWord(r) || w_[r].kind == TokenKind::kNumber))
    ++r;
  return r > k + 1 && r < e && w_[r].IsPunct(")") ? r + 1 : 0;
}

bool QuoteParser::IsFactObject(size_t k) const {
  return lex_.Is(w_[k], "fact_object") ||
         lex_.ClassOfKey(w_[k].stem) == "fact_object";
}

bool QuoteParser::Apposed(size_t k) const {
  if (k >= w_.size()) return false;
  if (TitleLike(k)) return true;
  for (const EntityMention& m : doc_->entities) {
    if (m.type == EntityType::kPerson && m.span.begin == w_[k].span.begin)
      return true;
  }
  return false;
}

size_t QuoteParser::AddresseeEnd(size_t j, size_t e) const {
  if (j >= e) return j;
  size_t k = j;
  if (lex_.Is(w_[k], "addressee_pro")) return k + 1;  // وأكد لها أن
  if (w_[k].kind == TokenKind::kWord &&
      (w_[k].key == fk::kLam || w_[k].key == "\xD9\x84\xD9\x80")) {
    ++k;  // a separate ل / لـ
    if (k < e && w_[k].IsQuoteMark()) {
      size_t c = k + 1;
      while (c < e && c < k + 5 && !w_[c].IsQuoteMark()) ++c;
      return c < e && w_[c].IsQuoteMark() ? c + 1 : j;
    }
    return k < e && IsWord(k) ? k + 1 : j;
  }
  bool lam = KeyStarts(w_[k].bare, fk::kLam) && w_[k].stem != w_[k].bare;
  if (lam && IsWord(k) && !IsMediumLam(k) && lex_.ClassOf(w_[k]).empty()) {
    if (k + 1 < e && w_[k + 1].IsQuoteMark()) return j;
    return k + 1;
  }
  return j;
}

std::pair<size_t, size_t> QuoteParser::SubjectBefore(size_t i, size_t b) const {
  constexpr std::string_view kLakin = "\xD9\x84\xD9\x83\xD9\x86";  // لكن
  constexpr std::string_view kIdha = "\xD8\xA7\xD8\xB0\xD8\xA7";   // اذا
  size_t c = b;
  for (size_t q = b; q < i; ++q) {
    if ((w_[q].kind == TokenKind::kPunct && !w_[q].IsQuoteMark()) ||
        lex_.Is(w_[q], "comp")) {
      c = q + 1;
    }
  }
  // لكن المرصد قال; also with no comma before it (... مع واشنطن لكن رئيس
  // الوزراء فلان قال): the subject starts after the clause's last
  // conjunction.
  for (size_t q = i; q > c; --q) {
    // (ولكن: لكن after و opens a clause too.)
    if (lex_.Is(w_[q - 1], "conj") &&
        (w_[q - 1].key == w_[q - 1].bare || w_[q - 1].bare == kLakin)) {
      c = q - 1;
      break;
    }
  }
  if (c + 1 < i && lex_.Is(w_[c], "conj")) ++c;
  // "و أضاف": the conjunction written apart is no subject.
  if (c < i && IsLoneWa(c)) ++c;
  if (c < i && (w_[c].bare == fk::kKana || w_[c].bare == fk::kKanat)) ++c;
  if (c + 1 == i && lex_.Is(w_[c], "rel") && c > b + 1 && IsComma(c - 1) &&
      RelAgrees(c, i)) {
    return NameBefore(c - 1, b);  // فلان، الذي قال
  }
  // "... إن المدينة آمنة وأكد أن": a verb joined by و starts a new clause;
  // its subject is never the words before it.
  if (w_[i].key != w_[i].bare) return {0, 0};
  if (c < i && AdverbialAt(c, i)) return {0, 0};  // وقبل ساعات قال
  size_t end = i;
  bool relative = false;
  while (end > c && lex_.Is(w_[end - 1], "aux"))
    --end;  // (و)كان X قد قال، فقد أشارت
  if (end > c + 1 &&
      (w_[end - 1].bare == fk::kKana || w_[end - 1].bare == fk::kKanat))
    --end;  // يذكر أن الوزارة كانت قد أعلنت: كان after its subject
  if (end > c + 1 && lex_.Is(w_[end - 1], "rel")) {
    // فلان الذي قال: the antecedent is the subject only when the relative
    // agrees with the verb (الخيارات التي قال إنها: the subject is another).
    if (!RelAgrees(end - 1, i)) return {0, 0};
    --end;
    relative = true;
  }
  if (end == c && c > b + 1 && IsComma(c - 1)) {
    // "وكان الناطق الإعلامي، قد أكد"، "أما الخوذ البيض، فقد أشارت": the
    // subject before the comma, after كان or أما.
    for (size_t q = c - 1; q > b;) {
      --q;
      if (w_[q].kind == TokenKind::kPunct) break;
      // (ما إذا كانت ...: a conditional's كان is no subject frame.)
      if (q > b && w_[q - 1].bare == kIdha) break;
      if (w_[q].bare == fk::kKana || w_[q].bare == fk::kKanat ||
          lex_.Is(w_[q], "topic")) {
        // (Longer when it ends with a person's name: وكان المتحدث باسم مجلس
        // ... الشيخ فلان، قال.)
        if (c - 1 > q + 1 && c - 1 - q <= (PersonEndsAt(c - 1) ? 18u : 13u)) {
          // وكان المتمردون الذين وصلوا ...، أعلنوا: the antecedent of a
          // relative.
          for (size_t r = q + 2; r < c - 1; ++r) {
            if (lex_.Is(w_[r], "rel")) return {q + 1, r};
          }
          return {q + 1, c - 1};
        }
        break;
      }
    }
    std::pair<size_t, size_t> opening = OpeningSubject(b, c - 1);
    if (opening.second) return opening;
    // "ويذكر أن الشركة، اتهمت": the subject opens the clause after the
    // sentence's last complementizer.
    for (size_t q = c - 1; q > b + 1;) {
      --q;
      if (lex_.Is(w_[q], "comp") && IsCompSurface(q)) {
        size_t f = q + 1;
        while (f < c - 1 && f < q + 6 && IsWord(f) && !IsCueAt(f, c - 1)) ++f;
        if (f == c - 1 && f > q + 1 && SourceLike(q + 1, f)) return {q + 1, f};
        break;
      }
    }
    // "...، لكن الرئيس اليمني، فلان، قال": the same after the sentence's
    // last conjunction.
    for (size_t q = c - 1; q > b + 1;) {
      --q;
      if (lex_.Is(w_[q], "conj") && w_[q].key == w_[q].bare)
        return OpeningSubject(q, c - 1);
    }
    return opening;
  }
  i = end;
  // Up to five words; a quoted name among them (وكانت منظمة "X Y" قالت).
  // فلان الذي أعلن with a longer clause before the name: the person or body
  // the relative follows.
  std::pair<size_t, size_t> none =
      relative ? NameBefore(i, c) : std::pair<size_t, size_t>{0, 0};
  size_t words = 0, marks = 0;
  for (size_t q = c; q < i; ++q) {
    if (w_[q].IsQuoteMark()) {
      ++marks;
      continue;
    }
    std::string_view cls = lex_.ClassOf(w_[q]);
    if (!IsWord(q) || cls == "comp" || cls == "stop" || cls == "rel" ||
        cls == "neg" || IsCueAt(q, i) || lex_.Is(w_[q], "prep") ||
        w_[q].bare == fk::kAn || (q == c && NoSubjectStart(q)))
      return none;
    ++words;
  }
  // Up to five words, or nine that name a source (لكن المتحدثة باسم البيت
  // الأبيض سارة ساندرز قالت).
  // A longer phrase only where a subject can start: after a conjunction,
  // كان or a comma, or on a word without a proclitic (ونشر فلان تغريدة قال
  // فيها: the verb ونشر, not a subject).
  bool open = c > b || w_[c].key == w_[c].bare;
  if (words == 0 || words > (open && SourceLike(c, i) ? 9 : 5) ||
      marks % 2 == 1)
    return none;
  return {c, i};
}

std::pair<size_t, size_t> QuoteParser::OpeningSubject(size_t b,
                                                      size_t comma) const {
  // "(لكن) فلان، الأستاذ في جامعة ...، حذر من أن": the clause opens with a
  // source (up to four words) closed by a comma, then one apposition up to
  // the comma before the verb.
  size_t s = b;
  if (s < comma && lex_.Is(w_[s], "conj") && w_[s].key == w_[s].bare) ++s;
  // (وكانت فلانة، ...، قالت: the كان frame has its own reading.)
  if (s < comma && (w_[s].bare == fk::kKana || w_[s].bare == fk::kKanat))
    return {0, 0};
  size_t f = s;
  while (f < comma && f < s + 5 && !IsComma(f)) {
    std::string_view cls = lex_.ClassOf(w_[f]);
    if (!IsWord(f) || cls == "comp" || cls == "stop" || cls == "rel" ||
        cls == "neg" || lex_.Is(w_[f], "prep") || IsCueAt(f, comma) ||
        (f == s && NoSubjectStart(f)))
      return {0, 0};
    ++f;
  }
  if (f == s || f >= comma || !IsComma(f) || comma - f > 15) return {0, 0};
  for (size_t q = f + 1; q < comma; ++q) {
    if (w_[q].kind == TokenKind::kPunct && !w_[q].IsQuoteMark())
      return {0, 0};  // one apposition only
  }
  if (!SourceLike(s, f)) return {0, 0};
  // الرئيس اليمني، فلان، قال: a title, then the person's name as the
  // apposition: both are the speaker.
  if (TitleLike(s) && f + 1 < comma && PersonAt(f + 1)) {
    for (const EntityMention& m : doc_->entities) {
      if (m.type == EntityType::kPerson &&
          m.span.begin == w_[f + 1].span.begin &&
          m.span.end == w_[comma - 1].span.end)
        return {s, comma};
    }
  }
  return {s, f};
}

std::pair<size_t, size_t> QuoteParser::StatementAuthor(size_t i,
                                                       size_t b) const {
  size_t noun = i;
  for (size_t q = i; q > b;) {
    --q;
    if (IsBayan(q) || lex_.Is(w_[q], "speech")) {
      noun = q;
      break;
    }
  }
  if (noun == i) return {0, 0};
  // تصريحات محام للحكومة أكد فيها: the complement of the statement noun.
  size_t e = SpeakerEnd(noun + 1, i);
  if (e > noun + 1 && SourceLike(noun + 1, e)) return {noun + 1, e};
  // أصدرت الوزارة بيانا قالت فيه: the subject of the sentence's verb.
  if (noun <= b + 1) return {0, 0};
  e = SpeakerEnd(b + 1, noun);
  if (e > b + 1 && (SourceLike(b + 1, e) || PlainDefinite(b + 1, e)))
    return {b + 1, e};
  return {0, 0};
}

bool QuoteParser::TitleLike(size_t k) const {
  if (lex_.Is(w_[k], "title") || lex_.Is(w_[k], "source_head")) return true;
  std::string_view key = w_[k].key;  // المسؤول: the class of مسؤول
  if (!KeyStarts(key, fk::kAl) || key.size() <= fk::kAl.size() + 4)
    return false;
  std::string_view c = lex_.ClassOfKey(key.substr(fk::kAl.size()));
  return c == "title" || c == "source_head";
}

bool QuoteParser::PersonAt(size_t k) const {
  for (const EntityMention& m : doc_->entities) {
    if (m.type == EntityType::kPerson && m.span.begin == w_[k].span.begin)
      return true;
  }
  return false;
}

bool QuoteParser::NoSubjectStart(size_t k) const {
  constexpr std::string_view kBiAl = "\xD8\xA8\xD8\xA7\xD9\x84";  // بال
  // قال علي فلان: the name (NER), not على written with ي.
  if (IsAliName(k) && PersonAt(k)) return false;
  bool bal =
      KeyStarts(w_[k].bare, kBiAl) && w_[k].bare.size() > kBiAl.size() + 2;
  // وقال بالمر: a name that opens with the letters of بال, tagged here or
  // the last word of an earlier person's mention (والتر بالمر).
  if (bal && (PersonAt(k) || EndsEarlierName(k))) return false;
  return IsBaToken(k) || lex_.Is(w_[k], "prep") || lex_.Is(w_[k], "neg") ||
         lex_.Is(w_[k], "not_subject") || lex_.Is(w_[k], "lead_prep") || bal;
}

bool QuoteParser::EndsEarlierName(size_t k) const {
  std::string_view sf = w_[k].span.In(text_);
  for (const EntityMention& m : doc_->entities) {
    if (m.type == EntityType::kPerson && m.span.end <= w_[k].span.begin &&
        m.text.size() > sf.size() && m.text.ends_with(sf) &&
        m.text[m.text.size() - sf.size() - 1] == ' ') {
      return true;
    }
  }
  return false;
}

bool QuoteParser::RelAgrees(size_t r, size_t i) const {
  const CueEntry* c = CueAt(i, i + 1);
  if (!c || c->gender == '-') return true;
  constexpr std::string_view kAllati =
      "\xD8\xA7\xD9\x84\xD8\xAA\xD9\x8A";  // التي
  constexpr std::string_view kAlladhi =
      "\xD8\xA7\xD9\x84\xD8\xB0\xD9\x8A";  // الذي
  if (w_[r].bare == kAllati) return c->gender == 'f';
  if (w_[r].bare == kAlladhi) return c->gender == 'm';
  return true;
}

std::pair<size_t, size_t> QuoteParser::NameBefore(size_t k, size_t b) const {
  size_t end = k;
  if (end > b && IsComma(end - 1)) --end;  // an apposition closed by a comma
  if (end <= b) return {0, 0};
  for (const EntityMention& m : doc_->entities) {
    if ((m.type != EntityType::kPerson &&
         m.type != EntityType::kOrganization) ||
        m.span.end != w_[end - 1].span.end) {
      continue;
    }
    size_t first = WordAfter(m.span.begin);
    if (first < b) return {0, 0};
    return {first, end};
  }
  return {0, 0};
}

std::pair<size_t, size_t> QuoteParser::StatementSubject(size_t i,
                                                        size_t b) const {
  for (size_t q = b; q < i; ++q) {
    if (w_[q].bare != fk::kKana && w_[q].bare != fk::kKanat) continue;
    size_t r = q + 1;
    while (r < i && r < q + 5 && KeyStarts(w_[r].key, fk::kAl) &&
           lex_.ClassOf(w_[r]) != "rel") {
      ++r;
    }
    if (r > q + 1) return {q + 1, r};
  }
  return {0, 0};
}

size_t QuoteParser::DefiniteEnd(size_t j, size_t e) const {
  size_t k = j;
  if (j < e && IsFactObject(j)) return j;  // ونفى مقتل ...: no subject
  if (j < e && IsWord(j)) ++k;             // مسلحو المعارضة
  // نفى مصدر عسكري سوري التوصل: an indefinite source takes its indefinite
  // relative adjectives; the definite word after them is the object.
  if (k == j + 1 && lex_.Is(w_[j], "source_head") &&
      !KeyStarts(w_[j].key, fk::kAl)) {
    while (k < e && k < j + 4 && IsWord(k) && IsNisba(k)) ++k;
    return k;
  }
  // (وينفي فلان الذي يعيش ...: a relative pronoun ends the phrase.)
  // نفى المتحدث باسم الحركة ...: a title's باسم phrase names its body.
  constexpr std::string_view kBism = "\xD8\xA8\xD8\xA7\xD8\xB3\xD9\x85";
  for (size_t limit = j + 5; k < e && k < limit && IsWord(k);) {
    if (w_[k].span.In(text_) == kBism && lex_.Is(w_[j], "title") && k + 1 < e &&
        IsWord(k + 1)) {
      // (its name, and one definite word after a name in construct:
      // باسم وزارة الخارجية; باسم الحركة الخبر ends with الحركة)
      limit = KeyStarts(w_[k + 1].key, fk::kAl) ? k + 2 : k + 3;
      k += 2;
      continue;
    }
    if (IsFactObject(k) || lex_.Is(w_[k], "rel") ||
        !(KeyStarts(w_[k].key, fk::kAl) || lex_.Is(w_[k], "title"))) {
      break;
    }
    ++k;
  }
  return k;
}

bool QuoteParser::SourceLike(size_t b, size_t e) const {
  for (size_t q = b; q < e; ++q) {
    std::string_view c = lex_.ClassOf(w_[q]);
    if (c == "source" || c == "medium" || c == "title" || c == "source_head" ||
        c == "source_noun" || c == "anaphor" || IsBayan(q) ||
        lex_.Is(w_[q], "actor_head")) {
      return true;
    }
    // لمسؤول، لمصادر: the class of the word without its preposition.
    std::string_view sc = lex_.ClassOfKey(w_[q].stem);
    if (sc == "source" || sc == "title" || sc == "source_head" ||
        sc == "medium")
      return true;
  }
  for (const EntityMention& m : doc_->entities) {
    if ((m.type == EntityType::kPerson ||
         m.type == EntityType::kOrganization) &&
        m.span.begin >= w_[b].span.begin && m.span.end <= w_[e - 1].span.end) {
      return true;
    }
  }
  return false;
}

}  // namespace facts_internal
}  // namespace marsad
