// Quotation finder: a cue-driven parser over one sentence at a time.
//
// For each reporting cue (data/facts/reporting_cues.tsv) the parser reads
// the frame press Arabic builds around it, in order:
//
//   verb        [speaker] [لوكالة ... = channel] [في بيان / أمس ...] opener
//   content participle  opener content           (speaker: the clause's
//   speaker) source      بحسب X، content  |  content، بحسب X chain       نقلت X
//   عن Y قوله opener content   (X = channel, Y = speaker) about       تحدثت X
//   عن content statement   جاء في بيان [لـ X] [opener] content
//
// The opener is أن/إن/بأن (also after إلى/على), a colon, a quote mark, or for
// the denial verbs a bare object (نفت الوزارة وجود ...). Direct content runs
// to the closing mark: marks are symmetric in this text ("“داعش”" opens with
// ” as often as with “), so a mark closes unless it starts a short inner pair
// (a quoted name of at most four words) — which is how nested quotations of
// organisation names are written. With no closing mark the content ends with
// the sentence (unbalanced quotes are common in scraped text). Indirect
// content runs to the end of the sentence, cut before a participle cue
// (", مشيرا إلى أن") or ", و" + another reporting verb: each of those starts
// its own quotation.
//
// Speakers: the words after the verb up to a stop word (prepositions, time
// words), a comma (one appositive after a title is allowed: "نائب الوزير،
// فلان،"), an opener or another cue. An empty subject means the speaker is
// elsewhere: before the cue ("وكان مصدر عسكري قال"), the statement named
// earlier ("أصدر بيانا قال فيه"), the latest speaker of the same sentence,
// or the previous speaker whose verb agreement matches (carry-over:
// "وأضافت" continues the last feminine speaker) — always the speaker of a
// reporting cue, never any person the text mentions. A speaker phrase is
// never a clause: it ends at a relative pronoun, a complementizer, a
// performative object (حالة الطوارئ), a pronoun addressee (لها); a quoted
// or parenthesised name stays in it. Abbreviated speakers resolve to the
// fullest mention that names the same one: an earlier speaker that contains
// them (الدفاع الروسية، البيان، لافروف), else through the NER entities — the
// longest mention of the same person, the nearest person introduced with
// the same title (الوزير، المتحدث), the nearest organisation holding the
// back-reference noun (الوزارة).
#include <algorithm>

#include "src/facts/facts.h"
#include "src/facts/lexicon.h"
#include "src/facts/util.h"

namespace marsad {

std::string DisplayOf(std::string_view text, Span s) {
  std::string out;
  std::string_view v = s.In(text);
  for (size_t i = 0; i < v.size();) {
    if (v.substr(i, 2) == "\xD8\x8C") {  // ،
      i += 2;
      continue;
    }
    char c = v[i];
    if (c == ',' || c == ' ' || c == '\n' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      ++i;
      continue;
    }
    out += c;
    ++i;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

namespace {

// Per-quote data the parser needs but Document does not keep.
struct QuoteNote {
  char gender = '-';
  bool statement = false;     // the cue region names a statement (بيان)
  std::string resolved_from;  // folded speaker words, for back-references
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
    char carry_gender =
        0;  // if set, the gender a subjectless cue carries over by
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
  bool IsCompSurface(size_t i) const {
    if (lex_.ClassOfKey(w_[i].key) == "comp") return true;
    std::string_view sf = w_[i].span.In(text_);
    return sf.find("\xD8\xA3") != std::string_view::npos ||
           sf.find("\xD8\xA5") != std::string_view::npos;
  }

  // "علي" the name, not "على" folded: the surface ends in ي.
  bool IsAliName(size_t i) const {
    std::string_view sf = w_[i].span.In(text_);
    return w_[i].key == fk::kAla && sf.size() >= 2 &&
           sf.substr(sf.size() - 2) == "\xD9\x8A";
  }

  // بيان، البيان، بيانها: a statement.
  bool IsBayan(size_t i) const {
    constexpr std::string_view kBayan = "\xD8\xA8\xD9\x8A\xD8\xA7\xD9\x86";
    return KeyStarts(w_[i].bare, kBayan) || KeyStarts(w_[i].stem, kBayan);
  }
  bool IsWord(size_t i) const {
    return w_[i].kind == TokenKind::kWord || w_[i].kind == TokenKind::kLatin;
  }

  // لوكالة، لصحيفة: a channel after the speaker.
  bool IsMediumLam(size_t i) const {
    std::string_view b = w_[i].bare;
    if (!KeyStarts(b, fk::kLam)) return false;
    std::string_view rest = b.substr(fk::kLam.size());
    if (lex_.ClassOfKey(rest) == "medium") return true;
    return KeyStarts(rest, fk::kLam) &&
           lex_.ClassOfKey(std::string(fk::kAl) +
                           std::string(rest.substr(2))) == "medium";
  }

  // Speaker phrase from j: returns its end. A phrase that has a title or a
  // source head (مصدر، مسؤول) continues through "في" + a noun phrase
  // ("مصدر في قيادة العمليات") unless what follows is a speech event or a
  // time ("في بيان"، "في تصريح"، "في وقت سابق").
  size_t SpeakerEnd(size_t j, size_t e) const {
    size_t k = j;
    bool title = false, appositive = false;
    while (k < e && k - j < (title ? 16 : 12)) {
      const Word& w = w_[k];
      if (w.IsQuoteMark()) {
        size_t n = QuotedName(k, e);
        if (n == 0) break;
        k = n;  // صحيفة "ديلي ميل"، وقالت "الوزارة":
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
      if (k > j &&
          (IsAddressee(k) || IsFactObject(k) || lex_.Is(w, "say_adverb") ||
           lex_.Is(w, "act_object") || lex_.Is(w, "issued") ||
           (KeyStarts(w.bare, "\xD8\xA8") &&
            lex_.ClassOfKey(w.stem) == "medium"))) {
        break;  // ... بمصرع، ... بالقول، تقرير صدر، ... بموقع إنستغرام
      }
      if (w.IsQuoteMark() || w.IsPunct(":")) break;
      if (IsAliName(k)) {
        ++k;
        continue;
      }
      std::string_view cls = lex_.ClassOf(w);
      if (cls == "comp" && !IsCompSurface(k)) cls = "";
      if (cls == "comp" || cls == "say_pro" || cls == "rel") break;
      if (cls == "stop" || cls == "weekday") {
        std::string_view next = k + 1 < e ? lex_.ClassOf(w_[k + 1]) : "stop";
        bool in = w.key == fk::kFi && k > j && title && k + 1 < e &&
                  IsWord(k + 1) && next != "stop" && next != "speech" &&
                  next != "comp" && next != "weekday" && !IsBayan(k + 1) &&
                  !lex_.Is(w_[k + 1], "place_adv");
        // محمد الخميس رئيس ...: a weekday inside a name, before a title or a
        // word.
        in |= cls == "weekday" && k > j && k + 1 < e && IsWord(k + 1) &&
              (next.empty() || next == "title");
        if (!in) break;
      }
      if (w.bare == fk::kAn) break;
      if (k > j && IsCueAt(k, e)) break;
      if (AdverbialAt(k, e) ||
          (k > j && (AfterName(k) || lex_.Is(w, "anon_verb"))))
        break;
      if (k > j && NumberAt(k)) break;  // أغلقت الوزارة ثلاثة مصانع: the object
      if (k > j && IsHal(k)) break;  // وقال فلان مخاطبا الحضور
      if (k > j && IsBaToken(k)) break;  // بـ"الوحش"
      if (k > j &&
          (lex_.Is(w, "adverb") ||
           (k + 1 < e && lex_.Is(w_[k + 1], "comp") && lex_.Is(w, "prep")))) {
        break;  // وزارة الدفاع أخيرا أن؛ حذر نقاد من أن
      }
      if (w.kind == TokenKind::kPunct) {
        if (IsComma(k) && (title || Apposed(k + 1)) && !appositive &&
            k + 1 < e && IsWord(k + 1)) {
          std::string_view next =
              IsAliName(k + 1) ? "" : lex_.ClassOf(w_[k + 1]);
          if (next != "stop" && next != "comp" && !IsCueAt(k + 1, e)) {
            appositive = true;
            ++k;
            continue;
          }
        }
        break;
      }
      if (IsMediumLam(k)) break;
      if (cls == "title" || lex_.Is(w, "source_head")) title = true;
      ++k;
    }
    return k;
  }

  // True if an adverbial of time starts at k: a temporal preposition (قبل،
  // بعد، منذ), a time noun in construct (أواخر، مطلع، ليلة) or a noun with a
  // time adjective (الأسبوع الماضي، الشهر الجاري). Such a phrase never belongs
  // to a speaker, wherever it stands.
  bool AdverbialAt(size_t k, size_t e) const {
    if (lex_.Is(w_[k], "temporal") || lex_.Is(w_[k], "time_noun")) return true;
    return k + 1 < e && IsWord(k) && lex_.Is(w_[k + 1], "time_adj");
  }

  // True if word k is the preposition ب written apart (ووصفتها X بـ"...").
  bool IsBaToken(size_t k) const {
    return w_[k].key == "\xD8\xA8" || w_[k].key == "\xD8\xA8\xD9\x80";
  }

  // True if word k has the shape of a circumstantial participle (حال): مـ...ا
  // of five letters or more, indefinite accusative (مخاطبا، متحدثا، معلقا).
  // It describes the speaker while speaking and ends the speaker phrase.
  bool IsHal(size_t k) const {
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

  // True if a number (digits or a number word of the text core) starts at
  // word k. A count after a subject is the verb's object, never a speaker.
  bool NumberAt(size_t k) const {
    if (w_[k].kind == TokenKind::kNumber) return true;
    const auto& n = doc_->numbers;
    auto it = std::lower_bound(
        n.begin(), n.end(), w_[k].span.begin,
        [](const NumberMention& m, uint32_t a) { return m.span.begin < a; });
    return it != n.end() && it->span.begin == w_[k].span.begin;
  }

  // True if word k follows the end of a person's name (NER) and is a
  // definite word that is no title: the name's phrase is complete, so what
  // follows is the verb's object or a clause (ترامب المشرعين، فلان التغريدة
  // التالية), never part of the speaker. A title continues it as an
  // apposition (فلان المتحدث باسم ...).
  bool AfterName(size_t k) const {
    if (!IsWord(k) || !KeyStarts(w_[k].key, fk::kAl)) return false;
    if (lex_.Is(w_[k], "title") || lex_.Is(w_[k], "source_head")) return false;
    uint32_t prev_end = w_[k - 1].span.end;
    for (const EntityMention& m : doc_->entities) {
      if (m.type == EntityType::kPerson && m.span.end == prev_end) return true;
    }
    return false;
  }

  // "لـCNN"، "لبي بي سي": an addressee after the speaker (ل written on a
  // Latin name or with a tatweel, or ل + a medium).
  bool IsAddressee(size_t k) const {
    std::string_view sf = w_[k].span.In(text_);
    if (w_[k].key == fk::kLam || w_[k].key == "\xD9\x84\xD9\x80") return true;
    if (sf.size() >= 3 && sf.substr(0, 2) == "\xD9\x84" &&
        (sf.substr(2, 2) == "\xD9\x80" ||
         static_cast<unsigned char>(sf[2]) < 0x80)) {
      return true;
    }
    return IsMediumLam(k) || lex_.Is(w_[k], "addressee");
  }

  // If the "(" at k opens a short name (at most six words, then ")"),
  // returns the word after ")"; else 0.
  size_t ParenthesisEnd(size_t k, size_t e) const {
    size_t r = k + 1;
    while (r < e && r <= k + 6 &&
           (IsWord(r) || w_[r].kind == TokenKind::kNumber))
      ++r;
    return r > k + 1 && r < e && w_[r].IsPunct(")") ? r + 1 : 0;
  }

  // If the dash (or "(") at k opens an aside closed by the same mark within
  // eight words ("شاهد عيان - فضل عدم ذكر اسمه - أن"), returns the word
  // after it; else 0.
  size_t AsideEnd(size_t k, size_t e) const {
    std::string_view open = w_[k].span.In(text_);
    bool paren = open == "(";
    if (!paren && open != "-" && open != "\xE2\x80\x93") return 0;
    for (size_t r = k + 1; r < e && r <= k + 9; ++r) {
      if (paren ? w_[r].IsPunct(")") : w_[r].span.In(text_) == open)
        return r > k + 1 ? r + 1 : 0;
      if (!IsWord(r) && w_[r].kind != TokenKind::kNumber) return 0;
    }
    return 0;
  }

  // مقتل، بمقتل، وقوع ...: a verbal noun of a fact.
  bool IsFactObject(size_t k) const {
    return lex_.Is(w_[k], "fact_object") ||
           lex_.ClassOfKey(w_[k].stem) == "fact_object";
  }

  // After a comma: a title or a name (NER person) continues the speaker
  // ("محمد فلان، سفير ..."، "المرشد الإيراني، علي خامنئي").
  bool Apposed(size_t k) const {
    if (k >= w_.size()) return false;
    if (lex_.Is(w_[k], "title") || lex_.Is(w_[k], "source_head")) return true;
    for (const EntityMention& m : doc_->entities) {
      if (m.type == EntityType::kPerson && m.span.begin == w_[k].span.begin)
        return true;
    }
    return false;
  }

  // "لـ«الجزيرة»"، "للصحفيين"، "لوكالة ...": an addressee or channel right
  // after the verb. Returns the end of it (j if there is none).
  size_t AddresseeEnd(size_t j, size_t e) const {
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

  // The content opener at or after k (within the sentence).
  //
  // Between the speaker and the opener only adverbials may stand: a phrase
  // opened by a preposition or time word (في تصريح صحفي، أمس الخميس، خلال
  // مؤتمر)، an addressee (لـ«عكاظ»)، punctuation. A plain word there is the
  // verb's object ("أكد أهمية ..."، "أعلن حالة الطوارئ")، and a report with a
  // nominal object is not a quotation.
  // `budget`: plain words allowed before the first adverbial (an apposition
  // left after a name, AfterName).
  Opener FindOpener(size_t k, size_t e, CueKind kind, int budget = 0) const {
    for (size_t q = k; q < e && q < k + 25; ++q) {
      const Word& w = w_[q];
      if (size_t n = w.kind == TokenKind::kPunct ? AsideEnd(q, e) : 0; n) {
        q = n - 1;
        continue;
      }
      if (IsWord(q) && !w.IsQuoteMark() && !lex_.Is(w, "comp") &&
          !w.IsPunct(":")) {
        std::string_view cls = lex_.ClassOf(w);
        const CueEntry* src = q > k ? CueAt(q, e) : nullptr;
        if (cls == "stop" || cls == "speech" || cls == "weekday" ||
            cls == "rel" || cls == "say_adverb" ||
            (src && src->kind == CueKind::kSource) || IsMediumLam(q) ||
            IsAddressee(q) || AddresseeEnd(q, e) > q || w.bare == fk::kAla ||
            w.bare == fk::kIla || w.bare == fk::kAn || AdverbialAt(q, e) ||
            lex_.Is(w, "anon_verb") || lex_.Is(w, "adverb") || IsHal(q) ||
            lex_.Is(w, "prep") || IsBaToken(q)) {
          budget = 8;
        } else if (!(kind == CueKind::kAbout && w.bare == fk::kAn)) {
          if (budget == 0) return {};
          --budget;
        }
      }
      if (w.IsQuoteMark()) {
        size_t n = QuotedName(q, e);
        if (n == 0) return {Opener::kQuote, q};
        q = n - 1;  // a quoted name (لـ"سبق"، "المرحلة الثانية")، not speech
        continue;
      }
      if (w.IsPunct(":")) {
        size_t r = q + 1;
        if (r < e && (w_[r].bare == fk::kIla || w_[r].bare == fk::kAla)) ++r;
        if (r < e && w_[r].IsQuoteMark()) return {Opener::kQuote, r};
        if (r < e && lex_.Is(w_[r], "comp")) {
          if (r + 1 < e && w_[r + 1].IsQuoteMark())
            return {Opener::kQuote, r + 1};
          return {Opener::kComp, r};
        }
        return {Opener::kColon, q};
      }
      if (lex_.Is(w, "comp") && IsCompSurface(q)) {
        if (q > k && lex_.Is(w_[q - 1], "temporal"))
          return {};  // بعد أن، قبل أن
        if (q + 1 < e && w_[q + 1].IsQuoteMark())
          return {Opener::kQuote, q + 1};
        return {Opener::kComp, q};
      }
      if (kind == CueKind::kAbout && w.bare == fk::kAn)
        return {Opener::kAbout, q};
      const CueEntry* c = q > k ? CueAt(q, e) : nullptr;
      // وكشف X، وفقا لـY، أنه: an aside; عدم ذكر اسمه is no cue.
      if (c && c->kind != CueKind::kSource && Plausible(*c, q, k, e)) break;
    }
    return {};
  }

  // If the mark at q opens a short quoted name (at most three words, then a
  // mark not followed by the end of the sentence), returns the word after
  // its closing mark; else 0.
  size_t QuotedName(size_t q, size_t e) const {
    size_t r = q + 1;
    while (r < e && r <= q + 3 &&
           (IsWord(r) || w_[r].kind == TokenKind::kNumber))
      ++r;
    if (r == q + 1 || r >= e || !w_[r].IsQuoteMark()) return 0;
    std::string_view first = lex_.ClassOf(w_[q + 1]);
    if (first == "rel" || first == "comp" || first == "neg")
      return 0;  // “الذين أطلقوا ...“: speech
    if (r + 1 >= e) return 0;
    const Word& next = w_[r + 1];
    if (next.IsPunct(".") || next.IsPunct("!") || next.IsPunct("?") ||
        next.IsPunct("\xD8\x9F")) {
      return 0;
    }
    return r + 1;
  }

  // Closing mark of a direct quotation opened at `o`, or 0.
  size_t FindClose(size_t o) const {
    int para = w_[o].paragraph;
    for (size_t q = o + 1; q < w_.size() && q < o + 400; ++q) {
      if (w_[q].paragraph != para) break;
      if (!w_[q].IsQuoteMark()) continue;
      size_t r = q + 1;
      while (r < w_.size() && r <= q + 5 && IsWord(r)) ++r;
      bool inner = r > q + 1 && r < w_.size() && r <= q + 5 &&
                   w_[r].IsQuoteMark() && w_[r].paragraph == para;
      if (inner) {
        for (size_t x = q + 1; x < r && inner; ++x) inner = !IsCueAt(x, r);
      }
      if (inner) {
        q = r;  // skip the inner pair
        continue;
      }
      return q;
    }
    return 0;
  }

  // End (exclusive) of indirect content starting at b.
  size_t IndirectEnd(size_t b, size_t e) const {
    for (size_t q = b; q < e; ++q) {
      const CueEntry* c = CueAt(q, e);
      if (c && c->kind == CueKind::kParticiple && q > b) return TrimEnd(b, q);
      if (IsComma(q) && q + 1 < e && w_[q + 1].key != w_[q + 1].bare &&
          IsCueAt(q + 1, e)) {
        return TrimEnd(b, q);
      }
    }
    return TrimEnd(b, e);
  }
  size_t TrimEnd(size_t b, size_t e) const {
    while (e > b && w_[e - 1].kind == TokenKind::kPunct &&
           !w_[e - 1].IsQuoteMark())
      --e;
    return e;
  }

  // Content after the opener.
  bool Content(Parsed* p, size_t e) const {
    size_t o = p->open.at;
    if (p->open.kind == Opener::kQuote) {
      p->direct = true;
      size_t c = FindClose(o);
      p->content_b = o + 1;
      if (c) {
        p->content_e = c;
        p->close = c;
        p->has_close = true;
      } else {
        p->content_e = TrimEnd(o + 1, e);
      }
    } else {
      p->content_b = p->open.kind == Opener::kObject ? o : o + 1;
      p->content_e = IndirectEnd(p->content_b, e);
      // The verb's own preposition opens what is reported: "أعلنت X عن
      // الانتهاء"، "حذر X من أن" — the content starts at عن/من.
      size_t lead = o;
      if (lead > 0 &&
          (p->open.kind == Opener::kObject || p->open.kind == Opener::kComp) &&
          (w_[lead - 1].key == fk::kAn || w_[lead - 1].key == fk::kMin)) {
        p->content_b = lead - 1;
      }
    }
    return p->content_e > p->content_b;
  }

  // "وكان مصدر عسكري سوري قال ...", "الدفاع الروسية تقول إن": subject before i.
  std::pair<size_t, size_t> SubjectBefore(size_t i, size_t b) const {
    size_t c = b;
    for (size_t q = b; q < i; ++q) {
      if ((w_[q].kind == TokenKind::kPunct && !w_[q].IsQuoteMark()) ||
          lex_.Is(w_[q], "comp")) {
        c = q + 1;
      }
    }
    if (c + 1 < i && lex_.Is(w_[c], "conj")) ++c;  // لكن المرصد قال
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
    while (end > c && lex_.Is(w_[end - 1], "aux"))
      --end;  // (و)كان X قد قال، فقد أشارت
    if (end > c + 1 && lex_.Is(w_[end - 1], "rel")) {
      // فلان الذي قال: the antecedent is the subject only when the relative
      // agrees with the verb (الخيارات التي قال إنها: the subject is another).
      if (!RelAgrees(end - 1, i)) return {0, 0};
      --end;
    }
    if (end == c && c > b + 1 && IsComma(c - 1)) {
      // "وكان الناطق الإعلامي، قد أكد"، "أما الخوذ البيض، فقد أشارت": the
      // subject before the comma, after كان or أما.
      for (size_t q = c - 1; q > b;) {
        --q;
        if (w_[q].kind == TokenKind::kPunct) break;
        if (w_[q].bare == fk::kKana || w_[q].bare == fk::kKanat ||
            lex_.Is(w_[q], "topic")) {
          if (c - 1 > q + 1 && c - 1 - q <= 13) return {q + 1, c - 1};
          break;
        }
      }
      return {0, 0};
    }
    i = end;
    // Up to five words; a quoted name among them (وكانت منظمة "X Y" قالت).
    size_t words = 0, marks = 0;
    for (size_t q = c; q < i; ++q) {
      if (w_[q].IsQuoteMark()) {
        ++marks;
        continue;
      }
      std::string_view cls = lex_.ClassOf(w_[q]);
      if (!IsWord(q) || cls == "comp" || cls == "stop" || IsCueAt(q, i) ||
          lex_.Is(w_[q], "prep") || w_[q].bare == fk::kAn)
        return {0, 0};
      ++words;
    }
    // Up to five words, or nine that name a source (لكن المتحدثة باسم البيت
    // الأبيض سارة ساندرز قالت).
    if (words == 0 || words > (SourceLike(c, i) ? 9 : 5) || marks % 2 == 1)
      return {0, 0};
    return {c, i};
  }

  // True if the relative pronoun at r agrees in gender with the cue verb at
  // i (الذي قال، التي قالت; الذين with any).
  bool RelAgrees(size_t r, size_t i) const {
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

  // The person or organisation (NER) whose mention ends right before word k,
  // with its title and apposition: "سفير البلاد، الأمير فلان، الذي قال".
  std::pair<size_t, size_t> NameBefore(size_t k, size_t b) const {
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

  // "أصدر ... بيانا ... قال فيه": the definite subject after كان.
  std::pair<size_t, size_t> StatementSubject(size_t i, size_t b) const {
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

  // Leading definite noun phrase (or one name) for object-taking denials.
  size_t DefiniteEnd(size_t j, size_t e) const {
    size_t k = j;
    if (j < e && IsFactObject(j)) return j;  // ونفى مقتل ...: no subject
    if (j < e && IsWord(j)) ++k;             // مسلحو المعارضة
    while (k < e && k < j + 5 && IsWord(k) && !IsFactObject(k) &&
           (KeyStarts(w_[k].key, fk::kAl) || lex_.Is(w_[k], "title"))) {
      ++k;
    }
    return k;
  }

  void Sentence(size_t b, size_t e) {
    size_t skip = b;
    size_t first_in_sentence = doc_->quotes.size();
    for (size_t i = b; i < e; ++i) {
      if (i < skip) continue;
      auto m = lex_.cues.Find(w_, i, e, Forms::kBare);
      if (m.payload < 0) continue;
      const CueEntry& cue = lex_.cue_entries[m.payload];
      if (!Plausible(cue, i, b, e)) continue;
      Parsed p;
      p.span_begin = i;
      bool ok = false;
      switch (cue.kind) {
        case CueKind::kVerb:
          if (i + m.length < e && lex_.Is(w_[i + m.length], "say_adverb"))
            ++m.length;
          ok = Verb(cue, i, i + m.length, b, e, &p);
          break;
        case CueKind::kParticiple:
          ok = Participle(i, e, &p);
          break;
        case CueKind::kSource:
          ok = Source(i, b, e, &p);
          break;
        case CueKind::kChain:
          ok = Chain(cue, i, b, e, &p);
          break;
        case CueKind::kAbout:
          ok = About(i, b, e, &p);
          break;
        case CueKind::kStatement:
          ok = Statement(i, i + m.length, e, &p);
          break;
      }
      if (!ok) continue;
      Emit(cue, i, i + m.length, p, first_in_sentence);
      // Cues inside the content are quotations too (nested reporting).
      skip = std::max({i + m.length, p.speaker_e,
                       p.open.at + (p.open.kind == Opener::kObject ? 0 : 1)});
      if (cue.kind == CueKind::kSource && p.content_e <= i)
        skip = std::max(skip, p.speaker_e);
    }
  }

  // Filters cue words that are not reporting here: a verbal noun after a
  // preposition or عدم (على ذكر، عدم ذكر)، بين the preposition (بين الجانبين)،
  // the inference idiom (مما يشير إلى)، and يُذكر أن ("it is worth noting").
  bool Plausible(const CueEntry& cue, size_t i, size_t b, size_t e) const {
    const Word& w = w_[i];
    bool proclitic = w.key != w.bare;
    if (cue.kind != CueKind::kVerb) return true;
    if (!proclitic && i > b && IsWord(i - 1)) {
      std::string_view prev = lex_.ClassOf(w_[i - 1]);
      if (prev == "neg" && w_[i - 1].key != "\xD9\x84\xD9\x85")
        return false;  // عدم ذكر (not لم)
      if (prev == "stop" &&
          (w_[i - 1].key == fk::kAla || w_[i - 1].key == fk::kFi ||
           w_[i - 1].key == fk::kIla)) {
        return false;
      }
      if (lex_.Is(w_[i - 1], "rel") && KeyStarts(w.key, "\xD9\x8A"))
        return false;  // الذي يشير
    }
    constexpr std::string_view kByn = "\xD8\xA8\xD9\x8A\xD9\x86";  // بين
    if (w.bare == kByn && !proclitic && i != b &&
        w.span.In(text_).find("\xD9\x91") == std::string_view::npos) {
      return false;
    }
    constexpr std::string_view kYudhkar =
        "\xD9\x8A\xD8\xB0\xD9\x83\xD8\xB1";  // يذكر
    if (w.bare == kYudhkar && i + 1 < e && lex_.Is(w_[i + 1], "comp"))
      return false;
    return true;
  }

  bool Verb(const CueEntry& cue, size_t i, size_t ce, size_t b, size_t e,
            Parsed* p) {
    size_t after = AddresseeEnd(ce, e);
    if (after > ce && p->via_span.empty())
      p->via_span = SpanOfWords(w_, ce, after);
    p->speaker_b = after;
    // وقال لبي بي سي إن: an addressee right after the verb; the subject is
    // elsewhere (before the verb or carried over).
    p->speaker_e =
        after < e && IsAddressee(after) ? after : SpeakerEnd(after, e);
    size_t k = p->speaker_e;
    if (k < e && IsMediumLam(k)) {
      size_t v = k;
      while (v < e && v < k + 8 && !lex_.Is(w_[v], "comp") &&
             !w_[v].IsPunct(":") && !IsComma(v) && !IsFactObject(v)) {
        if (w_[v].IsQuoteMark()) {  // لصحيفة "ميرور" البريطانية
          size_t n = QuotedName(v, e);
          if (n == 0) break;
          v = n;
          continue;
        }
        ++v;
      }
      p->via_span = SpanOfWords(w_, k, v);
      k = v;
    }
    if (k + 1 < e && w_[k].bare == "\xD9\x86\xD9\x82\xD9\x84\xD8\xA7" &&
        w_[k + 1].bare == fk::kAn) {
      // "ذكرت وكالة X نقلا عن مصدر أن": the named subject is the channel.
      p->via_span = SpanOfWords(w_, p->speaker_b, p->speaker_e);
      p->speaker_b = k + 2;
      p->speaker_e = SpeakerEnd(k + 2, e);
      k = p->speaker_e;
    }
    p->open = FindOpener(k, e, cue.kind,
                         k < e && k > p->speaker_b && AfterName(k) ? 6 : 0);
    if (p->open.kind == Opener::kNone && TakesAla(i)) {
      // أكدت الوزارة على عدم ...: content after على.
      for (size_t q = k; q < e && q < k + 6; ++q) {
        if (w_[q].bare == fk::kAla && q + 1 < e && IsWord(q + 1)) {
          p->open = {Opener::kObject, q + 1};
          break;
        }
        if (IsCueAt(q, e) || w_[q].kind == TokenKind::kPunct) break;
      }
    }
    if (p->open.kind == Opener::kNone) p->open = FactObject(i, k, e);
    if (p->open.kind == Opener::kNone && cue.modality == "denied") {
      // نفت الدفاع الروسية وجود جنود روس: a definite subject, then the object.
      p->speaker_e = DefiniteEnd(ce, e);
      if (p->speaker_e < e && IsWord(p->speaker_e))
        p->open = {Opener::kObject, p->speaker_e};
    }
    if (p->open.kind == Opener::kNone) return false;
    if (p->speaker_e > p->open.at) p->speaker_e = p->open.at;
    if (p->speaker_e == p->speaker_b) {
      p->speaker_b = p->speaker_e = 0;
      std::pair<size_t, size_t> sub{0, 0};
      if (ce < e && (w_[ce].key == fk::kFih || w_[ce].key == fk::kFiha)) {
        sub = StatementSubject(i, b);
      }
      if (sub.second == 0) sub = SubjectBefore(i, b);
      if (sub.second) {
        p->speaker_b = sub.first;
        p->speaker_e = sub.second;
        p->span_begin = sub.first;
      } else if (i > b + 1) {
        p->clause_subject = true;  // "وخالف المحامي فلان الرأي، حين أكد أن"
      }
    }
    return Content(p, e);
  }

  // "أعلن X أمس مقتل ..."، "أفاد مصدر بمقتل ..."، "أشارت الوزارة إلى وجود ...":
  // a verbal noun of a fact (fact_object) as the reported content, after
  // adverbials only; أشار/لفت take any noun after إلى.
  Opener FactObject(size_t i, size_t k, size_t e) const {
    for (size_t q = k; q < e && q < k + 6; ++q) {
      const Word& w = w_[q];
      if (IsFactObject(q)) return {Opener::kObject, q};
      if (w.bare == fk::kAn && lex_.Is(w_[i], "an_verb") && q + 1 < e &&
          IsWord(q + 1)) {
        return {Opener::kObject,
                q + 1};  // كشف X عن خروج ...، أعلنت X عن تعرض ...
      }
      if (w.bare == fk::kIla && lex_.Is(w_[i], "ila_verb") && q + 1 < e &&
          IsWord(q + 1) && !lex_.Is(w_[q + 1], "comp")) {
        return {Opener::kObject, q + 1};
      }
      std::string_view cls = lex_.ClassOf(w);
      bool adverbial =
          IsComma(q) || cls == "weekday" ||
          (cls == "stop" && w.bare != fk::kIla && w.bare != fk::kAla);
      if (!adverbial) break;
    }
    return {};
  }

  // أكد / شدد take their content after على.
  bool TakesAla(size_t i) const {
    std::string_view b = w_[i].bare;
    for (std::string_view v :
         {"\xD8\xA7\xD9\x83\xD8\xAF", "\xD8\xB4\xD8\xAF\xD8\xAF",
          "\xD9\x8A\xD8\xA4\xD9\x83\xD8\xAF",
          "\xD8\xAA\xD8\xA4\xD9\x83\xD8\xAF",
          "\xD9\x8A\xD8\xB4\xD8\xAF\xD8\xAF",
          "\xD8\xAA\xD8\xB4\xD8\xAF\xD8\xAF"}) {
      if (KeyStarts(b, v))
        return true;  // اكد(ت)، شدد(ت)، يؤكد، تؤكد، يشدد، تشدد
    }
    return false;
  }

  bool Participle(size_t i, size_t e, Parsed* p) {
    size_t a = i + 1;
    if (a < e && IsComma(a) && a + 1 < e && lex_.Is(w_[a + 1], "comp"))
      ++a;  // مضيفا، أن
    size_t k = a;
    if (k < e && (w_[k].bare == fk::kIla || w_[k].bare == fk::kAla)) ++k;
    constexpr std::string_view kAdam = "\xD8\xB9\xD8\xAF\xD9\x85";  // عدم
    if (k < e && (IsFactObject(a) || w_[a].key == kAdam)) {
      p->open = {Opener::kObject, a};  // مؤكدة مقتل ...، مؤكدة عدم ...
    } else if (k == a + 1 &&
               (w_[a].bare == fk::kIla || w_[a].bare == fk::kAla) && k < e &&
               IsWord(k) && !lex_.Is(w_[k], "comp")) {
      p->open = {Opener::kObject, k};  // مشيرة إلى العنف، مشددا على عدم ...
    } else if (k < e && w_[k].IsPunct(":")) {
      p->open = FindOpener(k, std::min(e, k + 3), CueKind::kParticiple);
    } else if (k < e && (lex_.Is(w_[k], "comp") || w_[k].IsQuoteMark())) {
      p->open = FindOpener(k, std::min(e, k + 2), CueKind::kParticiple);
    }
    if (p->open.kind == Opener::kNone) return false;
    return Content(p, e);
  }

  // بحسب X: the source phrase runs to a comma, a channel (لـ«...»)، an
  // opener or the sentence end; quoted names stay inside it. With words after
  // it the content follows ("بحسب الوزارة، أصيب ...")؛ at the sentence end the
  // content is the clause before the cue ("...، بحسب ناشطين").
  bool Source(size_t i, size_t b, size_t e, Parsed* p) {
    if (w_[i].key != w_[i].bare && KeyStarts(w_[i].key, "\xD9\x81")) {
      return false;  // فحسب = "only"
    }
    size_t k = i + 1;
    if (k < e && (w_[k].key == fk::kLam || w_[k].key == "\xD9\x84\xD9\x80"))
      ++k;  // ل / لـ
    bool speech = false;
    constexpr std::string_view kMa = "\xD9\x85\xD8\xA7",
                               kLima = "\xD9\x84\xD9\x85\xD8\xA7";
    if (k < e && (w_[k].key == kMa || w_[k].key == kLima)) {
      ++k;  // بحسب ما أفادت X، وفقا لما تداولته X: the verb, whatever it is
      if (k < e && IsWord(k)) ++k;
      speech = true;
    } else if (k < e && IsCueAt(k, e)) {
      ++k;
      speech = true;
    }
    if (k < e && (lex_.Is(w_[k], "speech") ||
                  lex_.ClassOfKey(w_[k].stem) == "speech" || IsBayan(k))) {
      // وفقا لتصريح X، وفقا لبيان صادر عن X: the statement's author.
      size_t r = k + 1;
      if (r < e && lex_.Is(w_[r], "issued")) ++r;
      if (r < e && (w_[r].bare == fk::kAn || w_[r].bare == fk::kMin)) ++r;
      if (r < e && IsWord(r)) {
        speech = r > k + 1;  // صادر عن X: X is the author whatever it is
        k = r;
      }
    }
    for (size_t q = k; speech && q < e && q < k + 7; ++q) {
      // وفقا لما نقلته الوكالة عن مصادر: the source is after عن.
      if (w_[q].bare == fk::kAn && q + 1 < e && IsWord(q + 1)) {
        k = q + 1;
        break;
      }
      if (!IsWord(q)) break;
    }
    if (KeyStarts(w_[i].key, "\xD8\xAD\xD8\xB3\xD8\xA8\xD9\x85\xD8\xA7"))
      speech = true;  // حسبما
    if (speech && k + 1 < e && lex_.Is(w_[k], "an_pronoun"))
      ++k;  // حسبما أعلنت عنه الوزارة
    size_t s = k;
    bool boundary =
        false;  // the phrase ended on a comma, negation or complementizer
    while (s < e && s < k + 16) {
      if (w_[s].IsQuoteMark()) {
        size_t n = QuotedName(s, e);
        if (n == 0) break;
        s = n;
        continue;
      }
      if (IsComma(s) || lex_.Is(w_[s], "comp") || lex_.Is(w_[s], "neg")) {
        boundary = true;
        break;
      }
      if (!IsWord(s) || w_[s].key == fk::kLam ||
          w_[s].key == "\xD9\x84\xD9\x80" || (s > k && IsMediumLam(s))) {
        break;
      }
      // A relative or circumstantial clause, another cue, an adverbial of
      // time: the source phrase is complete (بحسب مصادر تحدثت للوكالة).
      if (s > k &&
          (lex_.Is(w_[s], "rel") || IsCueAt(s, e) || AdverbialAt(s, e) ||
           lex_.Is(w_[s], "anon_verb") || AfterName(s))) {
        break;
      }
      if (s > k &&
          (lex_.ClassOf(w_[s]) == "stop" || lex_.ClassOf(w_[s]) == "weekday") &&
          w_[s].key != fk::kFi) {
        break;  // وفق فلان على مستويين، بحسب المرصد السبت
      }
      ++s;
    }
    if (s == k || (!speech && !SourceLike(k, s))) return false;
    p->speaker_b = k;
    p->speaker_e = s;
    size_t rest = s;
    while (rest < e && !IsWord(rest)) ++rest;
    // At the start of the sentence or of a reported clause (أنه وفقا لـ ...).
    bool at_start =
        i == b || (i == b + 1 && !IsWord(b)) || lex_.Is(w_[i - 1], "comp");
    if (at_start && rest < e && boundary) {
      p->open = {Opener::kObject, rest};
      return Content(p, e);
    }
    size_t c = b;
    for (size_t q = b; q < i; ++q) {
      if (w_[q].IsPunct(".") || w_[q].IsPunct(":")) c = q + 1;
    }
    size_t end = TrimEnd(c, i);
    if (end <= c) return false;
    p->span_begin = c;
    p->content_b = c;
    p->content_e = end;
    p->open = {Opener::kObject, c};
    return true;
  }

  // A phrase that can be a source: it names a person, body, document or
  // medium (بحسب ناشطين، وفق بيان، حسب الوزارة)، not a criterion (بحسب نوع).
  bool SourceLike(size_t b, size_t e) const {
    for (size_t q = b; q < e; ++q) {
      std::string_view c = lex_.ClassOf(w_[q]);
      if (c == "source" || c == "medium" || c == "title" ||
          c == "source_head" || c == "source_noun" || c == "anaphor" ||
          IsBayan(q) || lex_.Is(w_[q], "actor_head")) {
        return true;
      }
      if (lex_.ClassOfKey(w_[q].stem) == "source") return true;
    }
    for (const EntityMention& m : doc_->entities) {
      if ((m.type == EntityType::kPerson ||
           m.type == EntityType::kOrganization) &&
          m.span.begin >= w_[b].span.begin &&
          m.span.end <= w_[e - 1].span.end) {
        return true;
      }
    }
    return false;
  }

  bool Chain(const CueEntry& cue, size_t i, size_t b, size_t e, Parsed* p) {
    size_t k = i + 1, an = 0;
    for (size_t q = k; q < e && q < k + 8; ++q) {
      if (w_[q].bare == fk::kAn) {
        an = q;
        break;
      }
      if (w_[q].kind == TokenKind::kPunct && !w_[q].IsPunct("(") &&
          !w_[q].IsPunct(")") && !w_[q].IsQuoteMark())
        break;
    }
    constexpr std::string_view kNasab = "\xD9\x86\xD8\xB3\xD8\xA8";  // نسب
    if (KeyStarts(w_[i].bare, kNasab)) return Attributed(cue, i, e, p);
    if (k < e && lex_.Is(w_[k], "an_pronoun")) {
      // "ونقل عنه موقع X أن": the speaker is the one the pronoun stands for
      // (carried over), the phrase after it the channel.
      size_t v = SpeakerEnd(k + 1, e);
      if (v > k + 1) p->via_span = SpanOfWords(w_, k + 1, v);
      p->open = FindOpener(v, e, cue.kind);
      std::string_view pro = w_[k].bare;  // عنه، عنها، عنهم
      p->carry_gender = pro.ends_with("\xD9\x87\xD8\xA7") ? 'f'
                        : pro.ends_with("\xD9\x87")       ? 'm'
                                                          : '-';
      return p->open.kind != Opener::kNone && Content(p, e);
    }
    if (!an) return Verb(cue, i, i + 1, b, e, p);
    // التحذيرات الصادرة عن X بأن: a nominal cue, no channel.
    if (an > k && !lex_.Is(w_[k], "issued"))
      p->via_span = SpanOfWords(w_, k, an);
    p->speaker_b = an + 1;
    p->speaker_e = SpeakerEnd(an + 1, e);
    size_t r = p->speaker_e;
    if (r < e && lex_.Is(w_[r], "say_pro")) ++r;
    p->open = FindOpener(r, e, cue.kind);
    if (p->open.kind == Opener::kNone) return false;
    return Content(p, e);
  }

  // "نسبت الوكالة لفلان القول إن ...": X the channel, the word after ل the
  // speaker up to القول.
  bool Attributed(const CueEntry& cue, size_t i, size_t e, Parsed* p) {
    constexpr std::string_view kQawl =
        "\xD8\xA7\xD9\x84\xD9\x82\xD9\x88\xD9\x84";  // القول
    size_t qawl = 0, lam = 0;
    for (size_t q = i + 1; q < e && q < i + 12; ++q) {
      if (w_[q].bare == kQawl) {
        qawl = q;
        break;
      }
      if (!IsWord(q)) return false;
      if (!lam && q > i + 1 && KeyStarts(w_[q].bare, fk::kLam)) lam = q;
    }
    if (!qawl || !lam || lam >= qawl) return false;
    p->via_span = SpanOfWords(w_, i + 1, lam);
    p->speaker_b = lam;
    p->speaker_e = qawl;
    p->lam_speaker = true;
    p->open = FindOpener(qawl + 1, e, cue.kind);
    if (p->open.kind == Opener::kNone) return false;
    return Content(p, e);
  }

  bool About(size_t i, size_t b, size_t e, Parsed* p) {
    p->speaker_b = i + 1;
    size_t q = i + 1;
    while (q < e && q < i + 7 && w_[q].bare != fk::kAn && IsWord(q)) ++q;
    if (q >= e || w_[q].bare != fk::kAn || q + 1 >= e) return false;
    // The subject ends by structure (تحدثت فلانة لبي بي سي عن), else it
    // stands before the verb (وسائل الإعلام تتحدث عن).
    p->speaker_e = i + 1 < q ? std::min(q, SpeakerEnd(i + 1, q)) : q;
    if (p->speaker_e == p->speaker_b) {
      p->speaker_b = p->speaker_e = 0;
      auto [sb, se] = SubjectBefore(i, b);
      if (se) {
        p->speaker_b = sb;
        p->speaker_e = se;
        p->span_begin = sb;
      }
    }
    p->open = {Opener::kObject, q + 1};
    return Content(p, e);
  }

  bool Statement(size_t i, size_t ce, size_t e, Parsed* p) {
    size_t k = ce;
    if (k < e && KeyStarts(w_[k].bare, fk::kLam) && IsWord(k)) {
      p->speaker_b = k;
      p->speaker_e = SpeakerEnd(k, e);
      k = p->speaker_e;
    }
    // "ونقلته وسائل إعلام روسية": the channel.
    const CueEntry* c = k < e ? CueAt(k, e) : nullptr;
    if (c && c->kind == CueKind::kChain) {
      size_t v = k + 1;
      while (v < e && v < k + 6 && IsWord(v) && !lex_.Is(w_[v], "comp")) ++v;
      if (v > k + 1) p->via_span = SpanOfWords(w_, k + 1, v);
      k = v;
    }
    p->open = FindOpener(k, std::min(e, k + 12), CueKind::kStatement);
    if (p->open.kind == Opener::kNone) {
      while (k < e && w_[k].kind == TokenKind::kPunct) ++k;
      if (k >= e) return false;
      p->open = {Opener::kObject, k};
    }
    return Content(p, e);
  }

  // Folded words of a phrase without the article, for containment tests.
  std::vector<std::string> Keys(size_t b, size_t e) const {
    std::vector<std::string> out;
    for (size_t q = b; q < e; ++q) {
      if (!IsWord(q)) continue;
      // The key, not the bare form: a speaker's first letter و is its own
      // (وزارة), not a conjunction.
      std::string_view k = w_[q].key;
      if (KeyStarts(k, fk::kAl) && k.size() > 4)
        k.remove_prefix(fk::kAl.size());
      out.emplace_back(k);
    }
    return out;
  }

  static bool Contains(const std::string& hay,
                       const std::vector<std::string>& keys) {
    for (const std::string& k : keys) {
      if (("|" + hay + "|").find("|" + k + "|") == std::string::npos)
        return false;
    }
    return !keys.empty();
  }

  // Resolves an abbreviated or anaphoric speaker to an earlier fuller one.
  int Antecedent(size_t b, size_t e, bool statement_anaphor) const {
    std::vector<std::string> keys = Keys(b, e);
    const std::string wizara =
        "\xD9\x88\xD8\xB2\xD8\xA7\xD8\xB1\xD9\x87";  // وزاره
    bool ministry = keys.size() == 1 && keys[0] == wizara;
    bool title_head = b < e && lex_.Is(w_[b], "title");
    for (int q = static_cast<int>(doc_->quotes.size()) - 1; q >= 0; --q) {
      const std::string& from = notes_[q].resolved_from;
      if (statement_anaphor) {
        if (notes_[q].statement && !from.empty()) return q;
        continue;
      }
      if (ministry && from.find(wizara) != std::string::npos) return q;
      if (!ministry && Contains(from, keys) && from.size() > 0) return q;
      if (title_head && !keys.empty() && Contains(from, {keys[0]})) return q;
    }
    return -1;
  }

  // The latest quotation with a speaker: of the same grammatical gender if
  // there is one, else any.
  int CarryOver(char gender) const {
    for (int pass = 0; pass < 2; ++pass) {
      for (int q = static_cast<int>(doc_->quotes.size()) - 1; q >= 0; --q) {
        if (doc_->quotes[q].speaker.empty()) continue;
        char g = notes_[q].gender;
        if (pass == 1 || gender == '-' || g == '-' || g == gender) return q;
      }
    }
    return -1;
  }

  // The latest quotation of the sentence (from `first`), preferring one whose
  // cue agrees in gender; -1 if the sentence has none yet.
  int LatestInSentence(char gender, size_t first) const {
    int n = static_cast<int>(doc_->quotes.size());
    for (int q = n - 1; q >= static_cast<int>(first); --q) {
      char g = notes_[q].gender;
      if (gender == '-' || g == '-' || g == gender) return q;
    }
    return n > static_cast<int>(first) ? n - 1 : -1;
  }

  // True if word i stands after an odd number of quote marks of its
  // sentence: the sentence opens inside a quotation begun earlier
  // ("... على الحافلة"، مشيرا إلى"), so its first words are no subject.
  bool InsideQuotation(size_t i) const {
    size_t b = t_.sentence_first[w_[i].sentence];
    int marks = 0;
    for (size_t q = b; q < i; ++q) marks += w_[q].IsQuoteMark();
    return marks % 2 == 1;
  }

  void SetSpeakerFrom(int q, Quote* out, QuoteNote* note) const {
    const Quote& src = doc_->quotes[q];
    out->speaker = src.speaker;
    out->entity_id = src.entity_id;
    note->resolved_from = notes_[q].resolved_from;
  }

  void Emit(const CueEntry& cue, size_t i, size_t ce, const Parsed& p,
            size_t first_in_sentence) {
    Quote q;
    QuoteNote note;
    // A chain's verb agrees with its channel (نقلت الوكالة عن فلان), not
    // with the speaker.
    note.gender = cue.kind == CueKind::kChain && p.speaker_e > p.speaker_b
                      ? '-'
                      : cue.gender;
    q.cue = SpanOfWords(w_, i, ce);
    q.direct = p.direct;
    q.content = SpanOfWords(w_, p.content_b, p.content_e);
    size_t end_word = p.has_close ? p.close + 1 : p.content_e;
    size_t begin_word = std::min(p.span_begin, i);
    q.span = SpanOfWords(w_, begin_word, end_word);
    if (!p.via_span.empty()) {
      q.via = DisplayOf(text_, p.via_span);
      if (KeyStarts(q.via, "\xD9\x84")) q.via.erase(0, 2);
      if (KeyStarts(q.via, "\xD9\x80")) q.via.erase(0, 2);  // tatweel of لـ
    }
    for (size_t x = i; x < p.content_b && x < w_.size(); ++x) {
      if (IsBayan(x)) note.statement = true;
    }
    if (cue.kind == CueKind::kParticiple || p.speaker_e == p.speaker_b) {
      // A subjectless cue continues the latest speaker of its own sentence
      // (of its gender when there is one), then the subject of the
      // sentence's verb, then the latest speaker before the sentence.
      int src = -1;
      if (cue.kind == CueKind::kParticiple || p.clause_subject) {
        src = LatestInSentence(cue.gender, first_in_sentence);
      }
      if (src >= 0) {
        // carried inside the sentence (an unknown source stays unknown)
      } else if ((cue.kind == CueKind::kParticiple || p.clause_subject) &&
                 !InsideQuotation(i) && ClauseSubject(i, &q, &note)) {
        doc_->quotes.push_back(std::move(q));
        notes_.push_back(std::move(note));
        return;
      } else {
        src = CarryOver(p.carry_gender ? p.carry_gender : cue.gender);
        if (src < 0 && PreviousClauseSubject(i, &q, &note)) {
          doc_->quotes.push_back(std::move(q));
          notes_.push_back(std::move(note));
          return;
        }
      }
      if (src >= 0) {
        SetSpeakerFrom(src, &q, &note);
        q.speaker_span = doc_->quotes[src].speaker_span;
        q.carried_over = true;
        if (note.gender == '-') note.gender = notes_[src].gender;
      }
    } else {
      Speaker(p, cue, &q, &note);
    }
    doc_->quotes.push_back(std::move(q));
    notes_.push_back(std::move(note));
  }

  // A participle whose clause has no reported speech before it: the subject
  // of the sentence's first verb ("وعرض نائب الوزير أمثلة ...، مشيرا إلى").
  bool ClauseSubject(size_t i, Quote* q, QuoteNote* note) const {
    return ClauseSubjectIn(t_.sentence_first[w_[i].sentence], i, q, note);
  }

  // A short definite noun phrase (at most three words, the first with ال and
  // no preposition): a possible subject (المسن). Not a demonstrative, a
  // prepositional phrase or a longer chain (هذه الصور، بالتجسس).
  bool PlainDefinite(size_t b, size_t e) const {
    return e - b <= 3 && KeyStarts(w_[b].key, fk::kAl) &&
           lex_.ClassOf(w_[b]).empty();
  }

  // A subjectless cue with no speaker before it in the article: the subject
  // of the previous sentence's verb ("اعتقلت الشرطة 20 شخصا. وقالت إن ...").
  bool PreviousClauseSubject(size_t i, Quote* q, QuoteNote* note) const {
    int s = w_[i].sentence;
    if (s == 0 || t_.sentence_end[s - 1] == 0) return false;
    return ClauseSubjectIn(t_.sentence_first[s - 1], t_.sentence_end[s - 1], q,
                           note);
  }

  // The subject after the first (reporting, else any) verb of words [b, i),
  // if it names a possible source (SourceLike): a person, body, title or
  // source noun, never any noun phrase (القرار، هذه الصور).
  bool ClauseSubjectIn(size_t b, size_t i, Quote* q, QuoteNote* note) const {
    if (i <= b + 1) return false;
    size_t v = b;  // the verb: the first reporting verb of the sentence, else
                   // its first word
    for (size_t q = b; q < i; ++q) {
      const CueEntry* c = CueAt(q, i);
      if (c && c->kind == CueKind::kVerb) {
        v = q;
        break;
      }
    }
    if (!IsWord(v) || lex_.ClassOf(w_[v]) == "stop" || AdverbialAt(v, i))
      return false;
    size_t e = SpeakerEnd(v + 1, i);
    if (e <= v + 1 || e - v - 1 > 12 ||
        !(SourceLike(v + 1, e) || PlainDefinite(v + 1, e))) {
      return false;
    }
    Parsed p;
    p.speaker_b = v + 1;
    p.speaker_e = e;
    CueEntry verb{CueKind::kVerb, '-', "asserted"};
    Speaker(p, verb, q, note);
    q->carried_over = true;
    return !q->speaker.empty();
  }

  void Speaker(const Parsed& p, const CueEntry& cue, Quote* q,
               QuoteNote* note) const {
    size_t b = p.speaker_b, e = p.speaker_e;
    while (e > b && w_[e - 1].kind == TokenKind::kPunct &&
           !w_[e - 1].IsQuoteMark())
      --e;
    if (e > b + 1 && w_[b].IsQuoteMark() && w_[e - 1].IsQuoteMark()) {
      ++b;  // وقالت "الوزارة":
      --e;
    }
    // A mark left without its pair (جمعية "النور الخيرية" keeps both).
    size_t marks = 0;
    for (size_t x = b; x < e; ++x) marks += w_[x].IsQuoteMark();
    while (marks % 2 == 1 && e > b && w_[e - 1].IsQuoteMark()) --e, --marks;
    while (marks % 2 == 1 && b < e && w_[b].IsQuoteMark()) ++b, --marks;
    while (e > b && w_[e - 1].kind == TokenKind::kPunct &&
           !w_[e - 1].IsQuoteMark())
      --e;
    if (e == b + 1 && lex_.Is(w_[b], "no_source"))
      return;  // ذكرت تقارير: unknown
    if (cue.kind == CueKind::kSource && e > b + 1 &&
        lex_.Is(w_[b], "source_noun"))
      ++b;
    if (e <= b) return;
    q->speaker_span = SpanOfWords(w_, b, e);
    std::string display = DisplayOf(text_, q->speaker_span);
    bool lam = KeyStarts(w_[b].bare, fk::kLam) &&
               (cue.kind == CueKind::kStatement || p.lam_speaker ||
                (cue.kind == CueKind::kSource && w_[b].stem != w_[b].bare));
    if (lam) {  // لوزارة → وزارة، لوسائل إعلام → وسائل إعلام
      if (KeyStarts(display, "\xD9\x84\xD9\x84")) {
        display = "\xD8\xA7" + display.substr(2);  // للجنة → اللجنة
      } else {
        display.erase(0, 2);
        if (KeyStarts(display, "\xD9\x80")) display.erase(0, 2);
      }
    }
    std::string keys;
    for (const std::string& k : Keys(b, e))
      keys += (keys.empty() ? "" : "|") + k;
    if ((cue.kind == CueKind::kStatement || p.lam_speaker) &&
        KeyStarts(w_[b].bare, fk::kLam) && !keys.empty()) {
      keys.erase(0, 2);  // لوزارة → وزارة
    }
    note->resolved_from = keys;
    bool anaphor = e == b + 1 && lex_.Is(w_[b], "anaphor");
    bool statement_anaphor = anaphor && IsBayan(b);
    int ante = Antecedent(b, e, statement_anaphor);
    if (ante < 0 && statement_anaphor)
      ante = CarryOver('f');  // institutions are feminine
    // An entity mention nearer than the quotation antecedent wins (the
    // article's fullest naming of the same person or body).
    Mention m = statement_anaphor ? Mention{} : FullestMention(b, e);
    bool by_quote = ante >= 0 && (anaphor || doc_->quotes[ante].speaker.size() >
                                                 display.size());
    if (by_quote && m.entity >= 0 &&
        doc_->entities[m.entity].span.begin >
            doc_->quotes[ante].speaker_span.begin) {
      by_quote = false;
    }
    if (by_quote) {
      display = doc_->quotes[ante].speaker;
      q->entity_id = doc_->quotes[ante].entity_id;
      note->resolved_from = notes_[ante].resolved_from;
    } else if (m.entity >= 0) {
      std::string full = DisplayOf(text_, m.extent);
      if (full.size() > display.size()) {
        display = StripLam(full);
        note->resolved_from = KeysOf(m.extent);
      }
    }
    q->speaker = display;
    if (statement_anaphor || cue.kind == CueKind::kStatement)
      note->statement = true;
    Entity(q);
    if (!by_quote && m.entity >= 0 &&
        !doc_->entities[m.entity].entity_id.empty()) {
      q->entity_id = doc_->entities[m.entity].entity_id;
    }
  }

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
  Mention FullestMention(size_t b, size_t e) const {
    const auto& ents = doc_->entities;
    uint32_t pb = w_[b].span.begin, pe = w_[e - 1].span.end;
    int inside = -1;
    for (size_t x = 0; x < ents.size(); ++x) {
      const EntityMention& m = ents[x];
      if (m.type == EntityType::kPerson && m.span.begin >= pb &&
          m.span.end <= pe) {
        inside = static_cast<int>(x);
        break;
      }
    }
    Mention best;
    if (inside >= 0) {
      const std::string& id = ents[inside].entity_id;
      if (id.empty()) return best;
      size_t most = 0;
      for (size_t x = 0; x < ents.size(); ++x) {
        const EntityMention& m = ents[x];
        if (m.span.begin >= pe || m.entity_id != id) continue;
        Span ext = Extent(m);
        if (ext.end - ext.begin >= most) {
          most = ext.end - ext.begin;
          best = {static_cast<int>(x), ext};
        }
      }
      return best;
    }
    bool title = lex_.Is(w_[b], "title");
    bool anaphor = e == b + 1 && lex_.Is(w_[b], "anaphor");
    if (!title && !anaphor) return best;
    for (size_t x = 0; x < ents.size(); ++x) {
      const EntityMention& m = ents[x];
      if (m.span.end > pb) continue;
      if (best.entity >= 0 && m.span.begin < ents[best.entity].span.begin)
        continue;
      bool fits = false;
      Span ext = Extent(m);
      if (m.type == EntityType::kPerson && title) {
        fits = HasWordOf(ext, w_[b]);
      } else if (m.type == EntityType::kOrganization && anaphor) {
        fits = HasWordOf(m.span, w_[b]);
      }
      if (fits) best = {static_cast<int>(x), ext};
    }
    return best;
  }

  // A person's mention with its title words (NER role) and an apposition
  // after a comma that starts with a title ("فلان، المتحدث باسم ...").
  Span Extent(const EntityMention& m) const {
    Span ext = m.span;
    if (m.type != EntityType::kPerson) return ext;
    if (!m.role_span.empty() && m.role_span.end <= m.span.begin)
      ext.begin = m.role_span.begin;
    size_t k = WordAfter(m.span.end);
    if (k + 1 < w_.size() && IsComma(k) && lex_.Is(w_[k + 1], "title") &&
        w_[k + 1].sentence == w_[k].sentence) {
      size_t e = SpeakerEnd(k + 1, t_.sentence_end[w_[k].sentence]);
      while (e > k + 1 && w_[e - 1].kind == TokenKind::kPunct) --e;
      if (e > k + 1) ext.end = w_[e - 1].span.end;
    }
    return ext;
  }

  // Index of the first word starting at or after byte `at`.
  size_t WordAfter(uint32_t at) const {
    auto it = std::lower_bound(
        w_.begin(), w_.end(), at,
        [](const Word& w, uint32_t a) { return w.span.begin < a; });
    return static_cast<size_t>(it - w_.begin());
  }

  // True if a word of span s is `w` without the article or a proclitic
  // (وزير الخارجية holds الوزير; وزارة الدفاع holds الوزارة).
  bool HasWordOf(Span s, const Word& w) const {
    std::string_view want = NoAl(w.key);
    for (size_t k = WordAfter(s.begin);
         k < w_.size() && w_[k].span.end <= s.end; ++k) {
      if (!IsWord(k)) continue;
      if (NoAl(w_[k].key) == want ||
          (w_[k].stem.size() >= 6 && w_[k].stem == w.stem))
        return true;
    }
    return false;
  }
  static std::string_view NoAl(std::string_view k) {
    if (KeyStarts(k, fk::kAl) && k.size() > 4) k.remove_prefix(fk::kAl.size());
    return k;
  }

  std::string KeysOf(Span s) const {
    std::string keys;
    size_t k = WordAfter(s.begin), e = k;
    while (e < w_.size() && w_[e].span.end <= s.end) ++e;
    for (const std::string& x : Keys(k, e))
      keys += (keys.empty() ? "" : "|") + x;
    return keys;
  }

  // للجنة → اللجنة، لوزارة → وزارة (a mention written after the preposition).
  static std::string StripLam(std::string d) {
    if (KeyStarts(d, "\xD9\x84\xD9\x84")) return "\xD8\xA7" + d.substr(2);
    if (KeyStarts(d, "\xD9\x84\xD9\x80")) return d.substr(4);
    return d;
  }

  // Entity id (and canonical name with role) from the NER stage, if any.
  void Entity(Quote* q) const {
    for (const EntityMention& m : doc_->entities) {
      if (m.type != EntityType::kPerson && m.type != EntityType::kOrganization)
        continue;
      if (m.span.end <= q->speaker_span.begin ||
          m.span.begin >= q->speaker_span.end)
        continue;
      if (!m.entity_id.empty()) q->entity_id = m.entity_id;
      return;
    }
  }

  Document* doc_;
  std::string_view text_;
  const std::vector<Word>& w_;
  const WordTable& t_;
  const FactsLexicon& lex_;
  std::vector<QuoteNote> notes_;
};

}  // namespace

void FindQuotes(Document* doc) {
  const WordTable& t = WordsOf(doc->text);
  QuoteParser(doc, t, FactsLexicon::Default()).Run();
}

}  // namespace marsad
