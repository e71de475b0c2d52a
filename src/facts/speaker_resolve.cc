// Who a quotation's speaker is.
//
// A cue with a speaker phrase names it; the phrase is then resolved to the
// fullest mention in the article of the same one (an earlier speaker that
// contains it, the longest NER mention of the same person, the person
// introduced with the same title, the organisation holding a back-reference
// noun such as الوزارة). A cue without one (وأضاف، وتابعت، مشيرا) continues a
// speaker: the latest of its own sentence (by gender), the subject of the
// sentence's verb when it can be a source, the latest earlier speaker whose
// verb agrees in gender (carry-over), and with none before, the subject of
// the previous sentence. A chain through a pronoun (نقل عنه X) continues the
// speaker the pronoun stands for. An impersonal or unnamed source (أفيد،
// ذكرت تقارير) stays without a speaker: a speaker is never invented.
#include <algorithm>

#include "src/facts/quote_parser.h"

namespace marsad {
namespace facts_internal {

namespace {

// A phrase written after the proclitic ل as it reads without it: util.h's
// WithoutLam (للجنة → اللجنة), and the tatweel of لـ (لـ"عكاظ" → "عكاظ").
// REQUIRES: `s` starts with ل.
std::string DropLam(std::string_view s) {
  std::string d = WithoutLam(s);
  if (KeyStarts(d, "\xD9\x80")) d.erase(0, 2);
  return d;
}

}  // namespace

std::vector<std::string> QuoteParser::Keys(size_t b, size_t e) const {
  std::vector<std::string> out;
  for (size_t q = b; q < e; ++q) {
    if (!IsWord(q)) continue;
    // The key, not the bare form: a speaker's first letter و is its own
    // (وزارة), not a conjunction.
    std::string_view k = w_[q].key;
    if (KeyStarts(k, fk::kAl) && k.size() > 4) k.remove_prefix(fk::kAl.size());
    out.emplace_back(k);
  }
  return out;
}

bool QuoteParser::Contains(const std::string& hay,
                           const std::vector<std::string>& keys) {
  for (const std::string& k : keys) {
    if (("|" + hay + "|").find("|" + k + "|") == std::string::npos)
      return false;
  }
  return !keys.empty();
}

int QuoteParser::Antecedent(size_t b, size_t e, bool statement_anaphor) const {
  std::vector<std::string> keys = Keys(b, e);
  const std::string wizara =
      "\xD9\x88\xD8\xB2\xD8\xA7\xD8\xB1\xD9\x87";  // وزاره
  bool ministry = keys.size() == 1 && keys[0] == wizara;
  bool title_head = b < e && lex_.Is(w_[b], "title");
  // المصدر after مصادر تركية، المصادر after مصدر في المقاومة: the definite
  // source noun alone takes up the earlier source of either number.
  const std::string masdar = "\xD9\x85\xD8\xB5\xD8\xAF\xD8\xB1";  // مصدر
  const std::string masadir =
      "\xD9\x85\xD8\xB5\xD8\xA7\xD8\xAF\xD8\xB1";  // مصادر
  std::string other_number;  // its key, with | after it in a source's keys
  if (e == b + 1 && keys.size() == 1) {
    std::string_view k = w_[b].key;
    constexpr std::string_view kLil = "\xD9\x84\xD9\x84";  // لل
    if (KeyStarts(k, kLil))
      k.remove_prefix(kLil.size());
    else if (KeyStarts(k, fk::kAl))
      k.remove_prefix(fk::kAl.size());
    else
      k = {};
    if (k == masdar) other_number = masadir;
    if (k == masadir) other_number = masdar;
  }
  const std::string other_first = other_number + "|";
  bool person = false;  // the phrase holds a person's name (NER)
  for (const EntityMention& m : doc_->entities) {
    person |= b < e && m.type == EntityType::kPerson &&
              m.span.begin >= w_[b].span.begin &&
              m.span.end <= w_[e - 1].span.end;
  }
  for (int q = static_cast<int>(doc_->quotes.size()) - 1; q >= 0; --q) {
    const std::string& from = notes_[q].resolved_from;
    if (statement_anaphor) {
      if (notes_[q].statement && !from.empty()) return q;
      continue;
    }
    if (ministry && from.find(wizara) != std::string::npos) return q;
    // (وذكر المرصد after مدير المرصد فلان: a body named in a title's
    // construct is not the titled person.)
    if (!title_head && !person && !keys.empty() && TitledOther(from, keys[0]))
      continue;
    if (!ministry && Contains(from, keys) && from.size() > 0) return q;
    if (!other_number.empty() &&
        (from == other_number || from.starts_with(other_first)))
      return q;
    if (title_head && !keys.empty() && Contains(from, {keys[0]}) &&
        !ForeignBody(b, e, Span{}, from)) {
      return q;
    }
  }
  return -1;
}

bool QuoteParser::TitledOther(std::string_view from,
                              std::string_view head) const {
  size_t bar = from.find('|');
  if (bar == std::string_view::npos) return false;
  std::string_view first = from.substr(0, bar), rest = from.substr(bar + 1);
  if (rest.substr(0, rest.find('|')) != head) return false;
  std::string_view c = lex_.ClassOfKey(first);
  return c == "title" || c == "role_noun";
}

int QuoteParser::CarryOver(char gender) const {
  for (int pass = 0; pass < 2; ++pass) {
    for (int q = static_cast<int>(doc_->quotes.size()) - 1; q >= 0; --q) {
      if (doc_->quotes[q].speaker.empty() || notes_[q].nested) continue;
      char g = notes_[q].gender;
      if (pass == 1 || gender == '-' || g == '-' || g == gender) return q;
    }
  }
  return -1;
}

int QuoteParser::LatestInSentence(char gender, size_t first) const {
  int n = static_cast<int>(doc_->quotes.size());
  int last = -1;  // the latest that is not a relative clause's
  for (int q = n - 1; q >= static_cast<int>(first); --q) {
    if (notes_[q].relative || notes_[q].nested) continue;
    if (last < 0) last = q;
    char g = notes_[q].gender;
    if (gender == '-' || g == '-' || g == gender) return q;
  }
  return last;
}

bool QuoteParser::InsideQuotation(size_t i) const {
  size_t b = t_.sentence_first[w_[i].sentence];
  int marks = 0;
  for (size_t q = b; q < i; ++q) marks += w_[q].IsQuoteMark();
  return marks % 2 == 1;
}

void QuoteParser::SetSpeakerFrom(int q, Quote* out, QuoteNote* note) const {
  const Quote& src = doc_->quotes[q];
  out->speaker = src.speaker;
  out->entity_id = src.entity_id;
  note->resolved_from = notes_[q].resolved_from;
}

void QuoteParser::Emit(const CueEntry& cue, size_t i, size_t ce,
                       const Parsed& p, size_t first_in_sentence) {
  Quote q;
  QuoteNote note;
  // A chain's verb agrees with its channel (نقلت الوكالة عن فلان), not
  // with the speaker.
  note.gender = cue.kind == CueKind::kChain && p.speaker_e > p.speaker_b
                    ? '-'
                    : cue.gender;
  q.cue = SpanOfWords(w_, i, ce);
  // (A quotation of the same sentence only: an unclosed mark lets a content
  // run on across sentences.)
  for (size_t o = first_in_sentence; o < doc_->quotes.size(); ++o) {
    const Span& c = doc_->quotes[o].content;
    if (q.cue.begin >= c.begin && q.cue.end <= c.end) note.nested = true;
  }
  q.direct = p.direct;
  q.content = SpanOfWords(w_, p.content_b, p.content_e);
  size_t end_word = p.has_close ? p.close + 1 : p.content_e;
  size_t begin_word = std::min(p.span_begin, i);
  q.span = SpanOfWords(w_, begin_word, end_word);
  if (!p.via_span.empty()) {
    q.via = DisplayOf(text_, p.via_span);
    if (KeyStarts(q.via, "\xD9\x84")) q.via = DropLam(q.via);
  }
  for (size_t x = i; x < p.content_b && x < w_.size(); ++x) {
    if (IsBayan(x)) note.statement = true;
  }
  if ((cue.kind == CueKind::kVerb || cue.kind == CueKind::kAbout) &&
      p.speaker_e == p.speaker_b && i > 0 && lex_.Is(w_[i - 1], "rel") &&
      RelAgrees(i - 1, i)) {
    // التقارير التي تحدثت عن: the antecedent of a relative that agrees
    // with the verb, not found as a source, is the subject; nobody is
    // carried over to it (الخيارات التي قال إنها: another subject, carried).
    note.relative = true;
  } else if (cue.kind == CueKind::kParticiple || p.speaker_e == p.speaker_b) {
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
               !InsideQuotation(i) &&
               ((cue.kind == CueKind::kParticiple &&
                 LastClauseSubject(i, cue.gender, &q, &note)) ||
                ClauseSubject(i, &q, &note))) {
      doc_->quotes.push_back(std::move(q));
      notes_.push_back(std::move(note));
      return;
    } else {
      char g = p.carry_gender ? p.carry_gender : cue.gender;
      src = CarryOver(g);
      if ((src < 0 && PreviousClauseSubject(i, &q, &note)) ||
          (src >= 0 && NewSubjectSince(src, i, g, &q, &note))) {
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

bool QuoteParser::ClauseSubject(size_t i, Quote* q, QuoteNote* note) const {
  return ClauseSubjectIn(t_.sentence_first[w_[i].sentence], i, q, note);
}

bool QuoteParser::LastClauseSubject(size_t i, char gender, Quote* q,
                                    QuoteNote* note) const {
  size_t sb = t_.sentence_first[w_[i].sentence];
  size_t c = i;  // the last clause joined by و after a comma
  while (c > sb + 1 && !(IsComma(c - 1) && w_[c].key != w_[c].bare &&
                         KeyStarts(w_[c].key, "\xD9\x88"))) {
    --c;
  }
  if (gender == '-' || c <= sb + 1 || c + 1 >= i || VerbGender(c) != gender)
    return false;
  size_t e = 0;  // a named subject: the mention (a state speaks too)
  for (const EntityMention& m : doc_->entities) {
    if (m.type != EntityType::kMisc && m.span.begin == w_[c + 1].span.begin)
      e = WordAfter(m.span.end);
  }
  if (e == 0 || e > i) {  // else a source phrase (وشبه نفسه بـ...: none)
    e = SpeakerEnd(c + 1, i);
    if (e <= c + 1 || !SourceLike(c + 1, c + 2)) return false;
  }
  Parsed p;
  p.speaker_b = c + 1;
  p.speaker_e = e;
  CueEntry verb{CueKind::kVerb, gender, "asserted"};
  Speaker(p, verb, q, note);
  q->carried_over = true;
  return !q->speaker.empty();
}

bool QuoteParser::PlainDefinite(size_t b, size_t e) const {
  return e - b <= 3 && KeyStarts(w_[b].key, fk::kAl) &&
         lex_.ClassOf(w_[b]).empty();
}

bool QuoteParser::PreviousClauseSubject(size_t i, Quote* q,
                                        QuoteNote* note) const {
  int s = w_[i].sentence;
  if (s == 0 || t_.sentence_end[s - 1] == 0) return false;
  return ClauseSubjectIn(t_.sentence_first[s - 1], t_.sentence_end[s - 1], q,
                         note);
}

bool QuoteParser::ClauseSubjectIn(size_t b, size_t i, Quote* q, QuoteNote* note,
                                  char gender) const {
  if (i <= b + 1) return false;
  size_t v = b;  // the verb: the first reporting verb of the sentence, else
                 // its first word
  bool cue_verb = false;
  for (size_t q = b; q < i && gender == 0; ++q) {
    const CueEntry* c = CueAt(q, i);
    if (c && c->kind == CueKind::kVerb) {
      v = q;
      cue_verb = true;
      break;
    }
  }
  // وألقى فلان مسؤولية ...، وقدر عدد القتلى: a reporting verb whose
  // subject is no source leaves the sentence's first verb.
  if (cue_verb && v > b && SubjectAfter(v, i, gender) == 0 &&
      VerbGender(b) != '-') {
    return ClauseSubjectIn(b, v, q, note, gender);
  }
  // بدورها، نشرت الصحيفة ...: a leading adverbial closed by a comma is not
  // the verb.
  // (ودان فلان، أول رئيس ...، القادة: a verb and its source subject before
  // the comma are the clause, the apposition after it is no verb.)
  for (size_t q = b + 1; !cue_verb && q < b + 3 && q + 1 < i; ++q) {
    if (IsComma(q)) {
      if (SubjectAfter(b, q, gender) != q) v = q + 1;
      break;
    }
  }
  // أوضح ذلك المهندس فلان: the demonstrative object ذلك between a reporting
  // verb and its subject.
  constexpr std::string_view kDhalika = "\xD8\xB0\xD9\x84\xD9\x83";  // ذلك
  // ووافقها الرأي فلان، كشف النقاب الوزير: the object of the verb's idiom
  // (any verb: وافق is no reporting verb) stands before the subject too.
  if (v + 2 < i && ((cue_verb && w_[v + 1].bare == kDhalika &&
                     w_[v + 1].key == w_[v + 1].bare) ||
                    lex_.Is(w_[v + 1], "idiom_object") ||
                    lex_.Is(w_[v + 1], "lead_object"))) {
    size_t e2 = SubjectAfter(v + 1, i, gender);
    if (e2 > v + 2) v = v + 1;
  }
  size_t e = SubjectAfter(v, i, gender);
  // صحيفة ليكيب وضعت ...، وكتبت: a sentence opening with a medium or a
  // title right before a name (NER) has its subject first; the verb follows
  // the name.
  if (!cue_verb && v == b && gender == 0 && b + 2 < i &&
      (lex_.Is(w_[b], "medium") || TitleLike(b))) {
    for (const EntityMention& m : doc_->entities) {
      if ((m.type != EntityType::kPerson &&
           m.type != EntityType::kOrganization) ||
          m.span.begin != w_[b + 1].span.begin)
        continue;
      size_t end = WordAfter(m.span.end);
      if (end < i && IsWord(end) &&
          (lex_.ClassOf(w_[end]).empty() || lex_.Is(w_[end], "author_verb")) &&
          !KeyStarts(w_[end].key, fk::kAl)) {
        Parsed p;
        p.speaker_b = b;
        p.speaker_e = end;
        CueEntry verb{CueKind::kVerb, '-', "asserted"};
        Speaker(p, verb, q, note);
        q->carried_over = true;
        return !q->speaker.empty();
      }
    }
  }
  if (e == 0 && !cue_verb && v == b && gender == 0) {
    // وسرعان ما ندد فلان، ومن جهته يرجع فلان، وعندما سئلت فلانة: the verb
    // stands after a lead of clause_lead words; its subject must name a
    // source (not any definite noun).
    for (v = b; v < i && v < b + 3 && lex_.Is(w_[v], "clause_lead");) ++v;
    e = v > b ? SubjectAfter(v, i, gender) : 0;
    if (e != 0 && !SourceLike(v + 1, e)) e = 0;
  }
  if (e == 0) return false;
  // وكان الرئيس الأميركي استهل جولته ...، متهما: after كان, a plain word
  // (no article, no proclitic, in no class, no name) after the definite
  // subject is the predicate's verb; the subject ends before it.
  if (!cue_verb && (w_[v].bare == fk::kKana || w_[v].bare == fk::kKanat)) {
    for (size_t k = v + 2; k < e; ++k) {
      if (KeyStarts(w_[k - 1].key, fk::kAl) && IsWord(k) &&
          w_[k].key == w_[k].stem && lex_.ClassOf(w_[k]).empty() &&
          !PersonAt(k) && !InPersonName(k) && !TitleLike(k) && !IsNisba(k)) {
        e = k;
        break;
      }
    }
  }
  // ووبخت النقابة الوزارة، ...، منتقدة: a named subject (NER) of a
  // verb that reports nothing ends with its name; what follows is the
  // verb's object.
  if (!cue_verb && v + 1 < e) {
    for (const EntityMention& m : doc_->entities) {
      if (m.type == EntityType::kMisc || m.span.begin != w_[v + 1].span.begin)
        continue;
      size_t end = WordAfter(m.span.end);
      if (end > v + 1 && end < e) e = end;
    }
  }
  Parsed p;
  p.speaker_b = v + 1;
  p.speaker_e = e;
  CueEntry verb{CueKind::kVerb, '-', "asserted"};
  Speaker(p, verb, q, note);
  q->carried_over = true;
  return !q->speaker.empty();
}

size_t QuoteParser::SubjectAfter(size_t v, size_t i, char gender) const {
  // (وعن موعد الزيارة قال: a preposition opening the sentence is no verb.)
  if (!IsWord(v) || lex_.ClassOf(w_[v]) == "stop" || AdverbialAt(v, i) ||
      lex_.Is(w_[v], "prep") || lex_.Is(w_[v], "lead_prep"))
    return 0;
  if (gender != 0 && VerbGender(v) != gender) return 0;
  size_t e = SpeakerEnd(v + 1, i);
  if (e <= v + 1 || e - v - 1 > 12) return 0;
  // وألقى المستشار فلان مسؤولية ...: a clause subject that holds a person's
  // name ends with it; what follows is the verb's object.
  for (const EntityMention& m : doc_->entities) {
    if (m.type == EntityType::kPerson && m.span.begin >= w_[v + 1].span.begin &&
        m.span.end < w_[e - 1].span.end) {
      e = WordAfter(m.span.end);
      break;
    }
  }
  if (SourceLike(v + 1, e) || (gender == 0 && PlainDefinite(v + 1, e)))
    return e;
  return 0;
}

char QuoteParser::VerbGender(size_t v) const {
  const CueEntry* c = CueAt(v, v + 1);
  if (c && c->gender != '-') return c->gender;
  std::string_view b = w_[v].bare;  // without و/ف
  constexpr std::string_view kTa = "\xD8\xAA", kYa = "\xD9\x8A";
  if (w_[v].kind != TokenKind::kWord || b.size() < 6) return '-';
  if (b.ends_with(kTa)) return 'f';   // وتبنت، وأشارت
  if (KeyStarts(b, kYa)) return 'm';  // ويقول
  // تقول/تحدث; a definite noun (its surface opens with ال; وألقى folds to
  // القي but keeps its hamza in the text).
  std::string_view sf = w_[v].span.In(text_);
  if (w_[v].key != w_[v].bare && sf.size() > 2) sf.remove_prefix(2);  // و، ف
  if (KeyStarts(b, kTa) || KeyStarts(sf, fk::kAl)) return '-';
  return 'm';  // وأشاد، وزار
}

bool QuoteParser::NewSubjectSince(int src, size_t i, char gender, Quote* q,
                                  QuoteNote* note) const {
  int s = w_[i].sentence;
  if (gender == '-' || s == 0 || t_.sentence_end[s - 1] == 0) return false;
  size_t pb = t_.sentence_first[s - 1], pe = t_.sentence_end[s - 1];
  if (doc_->quotes[src].cue.begin >= w_[pb].span.begin) return false;
  for (const Quote& o : doc_->quotes) {
    if (o.cue.begin >= w_[pb].span.begin && o.cue.begin < w_[pe - 1].span.end)
      return false;  // the previous sentence reports someone
  }
  return ClauseSubjectIn(pb, pe, q, note, gender);
}

void QuoteParser::Speaker(const Parsed& p, const CueEntry& cue, Quote* q,
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
  // ابنة المعلمة رحمها الله: a formula of blessing closes the phrase.
  constexpr std::string_view kAllah = "\xD8\xA7\xD9\x84\xD9\x84\xD9\x87";
  if (e >= b + 3 && w_[e - 1].bare == kAllah && lex_.Is(w_[e - 2], "blessing"))
    e -= 2;
  // فلان ضيف برنامج ...: a program's guest is the occasion of the words, not
  // who speaks (the parse, which reads the opener past it, is unchanged).
  for (size_t x = b + 1; x < e; ++x) {
    if (lex_.Is(w_[x], "guest")) {
      e = x;
      break;
    }
  }
  while (e > b && w_[e - 1].kind == TokenKind::kPunct &&
         !w_[e - 1].IsQuoteMark())
    --e;
  if (e == b + 1 && lex_.Is(w_[b], "no_source"))
    return;  // ذكرت تقارير: unknown
  // تقارير عسكرية، تقارير من داخل المدينة: reports that name no person, body
  // or outlet are no source either (تقارير الأمم المتحدة is one).
  if (lex_.Is(w_[b], "no_source")) {
    bool named = false;
    for (size_t x = b + 1; x < e && !named; ++x) {
      named = w_[x].IsQuoteMark() || TitleLike(x) || lex_.Is(w_[x], "medium");
    }
    for (const EntityMention& m : doc_->entities) {
      named |= (m.type == EntityType::kPerson ||
                m.type == EntityType::kOrganization) &&
               m.span.begin < w_[e - 1].span.end &&
               m.span.end > w_[b].span.begin;
    }
    if (!named) return;
  }
  if (cue.kind == CueKind::kSource && e > b + 1 &&
      lex_.Is(w_[b], "source_noun"))
    ++b;
  if (e <= b) return;
  q->speaker_span = SpanOfWords(w_, b, e);
  std::string display = DisplayOf(text_, q->speaker_span);
  bool lam = KeyStarts(w_[b].bare, fk::kLam) &&
             (cue.kind == CueKind::kStatement || p.lam_speaker ||
              (cue.kind == CueKind::kSource && w_[b].stem != w_[b].bare));
  // لوزارة → وزارة، لوسائل إعلام → وسائل إعلام، للجنة → اللجنة
  if (lam) display = DropLam(display);
  std::string keys;
  for (const std::string& k : Keys(b, e)) keys += (keys.empty() ? "" : "|") + k;
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
  // (A bare name's own mention is no nearer naming: وقالت هدى after the
  // article's quotation of الباحثة هدى سالم keeps the full one. A phrase
  // opening with a title is matched by its title alone, so its own name
  // still wins.)
  // (A profession noun alone, وأضاف الطبيب, keeps the earlier quotation's
  // speaker it matches: that one holds the role with the name.)
  bool role_only = lex_.Is(w_[b], "role_noun") && !lex_.Is(w_[b], "title");
  if (by_quote && !role_only && m.entity >= 0 &&
      doc_->entities[m.entity].span.begin >
          doc_->quotes[ante].speaker_span.begin &&
      (m.extent.end <= w_[b].span.begin || lex_.Is(w_[b], "title") ||
       m.extent.end - m.extent.begin >= doc_->quotes[ante].speaker.size())) {
    by_quote = false;
  }
  if (by_quote) {
    display = doc_->quotes[ante].speaker;
    q->entity_id = doc_->quotes[ante].entity_id;
    note->resolved_from = notes_[ante].resolved_from;
  } else if (m.entity >= 0 || !m.extent.empty()) {
    std::string full = DisplayOf(text_, m.extent);
    // وقال الحارس البلجيكي after حارس الفريق، فلان: the person named
    // earlier, after the role phrase when the name is shorter than it.
    bool named_before = m.entity >= 0 && m.extent.end <= w_[b].span.begin &&
                        lex_.Is(w_[b], "role_noun") && e - b <= 3;
    if (named_before && full.size() <= display.size()) {
      display += " " + StripLam(full);  // الحارس البلجيكي فلان
      note->resolved_from = KeysOf(m.extent);
    } else if (full.size() > display.size()) {
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

QuoteParser::Mention QuoteParser::FullestMention(size_t b, size_t e) const {
  const auto& ents = doc_->entities;
  uint32_t pb = w_[b].span.begin, pe = w_[e - 1].span.end;
  int inside = -1;
  for (size_t x = 0; x < ents.size(); ++x) {
    const EntityMention& m = ents[x];
    if (m.type == EntityType::kPerson && m.span.begin >= pb &&
        m.span.end <= pe) {
      if (KinOf(m)) return Mention{};  // زوجة فلان: not فلان
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
  // (A profession noun with at most two more words: a longer phrase holds a
  // name NER may have missed, حارس الفريق الإيطالي فلان.)
  bool title =
      lex_.Is(w_[b], "title") || (lex_.Is(w_[b], "role_noun") && e - b <= 3);
  bool anaphor = e == b + 1 && lex_.Is(w_[b], "anaphor");
  if (e == b + 1 && lex_.Is(w_[b], "document")) return Author(b);
  if (!title && !anaphor) return best;
  Mention apposed;  // the latest named with the title in apposition before
  int best_agree = 0;
  for (size_t x = 0; x < ents.size(); ++x) {
    const EntityMention& m = ents[x];
    if (m.span.end > pb) continue;
    bool fits = false;
    Span ext = Extent(m);
    if (m.type == EntityType::kPerson && title) {
      fits = HasWordOf(ext, w_[b]);
      size_t near = lex_.Is(w_[b], "title") ? 0 : 3;
      if (!fits && HasWordOf(ApposedBefore(m, near), w_[b]))
        apposed = {static_cast<int>(x), ext};
    } else if (m.type == EntityType::kOrganization && anaphor) {
      fits = HasWordOf(m.span, w_[b]);
    }
    // (وقال الرئيس القبرصي after الرئيس المصري فلان and فلان، رئيس جمهورية
    // قبرص: the mention holding more of the title's modifiers wins, the
    // nearest among equals.)
    if (fits && ForeignBody(b, e, ext, "")) fits = false;
    int agree = fits ? ModifiersIn(b, e, ext) : 0;
    if (fits && (best.entity < 0 || agree >= best_agree)) {
      best = {static_cast<int>(x), ext};
      best_agree = agree;
    }
  }
  // (A mention whose own extent holds the title is preferred: it keeps the
  // role with the name.)
  return best.entity >= 0 ? best : apposed;
}

int QuoteParser::ModifiersIn(size_t b, size_t e, Span ext) const {
  int n = 0;
  for (size_t q = b + 1; q < e; ++q) {
    if (!IsWord(q)) continue;
    if (HasWordOf(ext, w_[q])) {
      ++n;
      continue;
    }
    // القبرصي in قبرص: a relative adjective names its country or body.
    std::string_view k = NoAl(w_[q].key);
    constexpr std::string_view kYa = "\xD9\x8A";
    if (k.size() < 8 || !k.ends_with(kYa)) continue;
    std::string_view base = k.substr(0, k.size() - kYa.size());
    for (size_t x = WordAfter(ext.begin);
         x < w_.size() && w_[x].span.end <= ext.end; ++x) {
      if (IsWord(x) && NoAl(w_[x].key) == base) {
        ++n;
        break;
      }
    }
  }
  return n;
}

bool QuoteParser::ForeignBody(size_t b, size_t e, Span ext,
                              const std::string& from) const {
  uint32_t pb = w_[b].span.begin, pe = w_[e - 1].span.end;
  for (const EntityMention& m : doc_->entities) {
    if (m.type != EntityType::kOrganization || m.span.begin < pb ||
        m.span.end > pe) {
      continue;
    }
    bool shared = false;
    for (size_t x = WordAfter(m.span.begin);
         x < w_.size() && w_[x].span.end <= m.span.end && !shared; ++x) {
      shared = IsWord(x) && (ext.empty() ? Contains(from, Keys(x, x + 1))
                                         : HasWordOf(ext, w_[x]));
    }
    if (!shared) return true;
  }
  return false;
}

QuoteParser::Mention QuoteParser::Author(size_t b) const {
  Mention best;
  for (size_t k = 0; k < b; ++k) {
    if (!IsWord(k) ||
        lex_.ClassOfKey(std::string(fk::kAl) + std::string(NoAl(w_[k].key))) !=
            "document") {
      continue;
    }
    // The article's first report noun: the organisation within six words
    // after it.
    size_t last = std::min(k + 7, w_.size() - 1);
    for (size_t x = 0; x < doc_->entities.size(); ++x) {
      const EntityMention& m = doc_->entities[x];
      if (m.type == EntityType::kOrganization &&
          m.span.begin >= w_[k].span.end &&
          m.span.begin <= w_[last].span.begin &&
          w_[WordAfter(m.span.begin)].sentence == w_[k].sentence) {
        return {static_cast<int>(x), m.span};
      }
    }
    // No organisation found: the phrase after an author verb (إحصائية
    // أعدها مركز ...).
    size_t end = t_.sentence_end[w_[k].sentence];
    if (k + 2 < end && lex_.Is(w_[k + 1], "author_verb")) {
      size_t e = SpeakerEnd(k + 2, end);
      while (e > k + 2 && w_[e - 1].kind == TokenKind::kPunct) --e;
      if (e > k + 2 && e - k - 2 <= 8) best.extent = SpanOfWords(w_, k + 2, e);
    }
    return best;
  }
  return best;
}

Span QuoteParser::Extent(const EntityMention& m) const {
  Span ext = m.span;
  // بول فلان tagged from its second letter (ب taken for a proclitic): the
  // name keeps its first letter unless another mention of the same one
  // starts where this one does without a letter before it (لترامب after
  // ترامب). Not و or ف: before a name they are the conjunction (وكين).
  size_t k0 = WordAfter(m.span.begin);
  if (k0 > 0 && w_[k0 - 1].span.end > m.span.begin && !m.entity_id.empty() &&
      !KeyStarts(w_[k0 - 1].key, "\xD9\x88") &&
      !KeyStarts(w_[k0 - 1].key, "\xD9\x81") && !ProcliticBefore(m))
    ext.begin = w_[k0 - 1].span.begin;
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

bool QuoteParser::ProcliticBefore(const EntityMention& m) const {
  size_t k = WordAfter(m.span.begin) - 1;  // the word m starts inside
  std::string_view rest =
      text_.substr(m.span.begin, w_[k].span.end - m.span.begin);
  for (const EntityMention& o : doc_->entities) {
    if (o.entity_id != m.entity_id) continue;
    size_t x = WordAfter(o.span.begin);
    if (x < w_.size() && w_[x].span.begin == o.span.begin &&
        w_[x].span.In(text_) == rest)
      return true;
  }
  return false;
}

Span QuoteParser::ApposedBefore(const EntityMention& m, size_t near) const {
  // حارس الفريق الثاني، فلان: up to six words before the name's comma;
  // المعالج الفيزيائي فلان: up to `near` right before the name; in its
  // sentence and after any other punctuation.
  size_t k = WordAfter(m.span.begin);
  if (k < 2) return Span{};
  size_t end = IsComma(k - 1) ? k - 1 : k, most = end < k ? 6 : near;
  size_t first = t_.sentence_first[w_[k].sentence], b = end;
  while (b > first && b + most > end && w_[b - 1].kind != TokenKind::kPunct)
    --b;
  if (b >= end) return Span{};
  return Span{w_[b].span.begin, w_[end - 1].span.end};
}

size_t QuoteParser::WordAfter(uint32_t at) const {
  auto it = std::lower_bound(
      w_.begin(), w_.end(), at,
      [](const Word& w, uint32_t a) { return w.span.begin < a; });
  return static_cast<size_t>(it - w_.begin());
}

bool QuoteParser::HasWordOf(Span s, const Word& w) const {
  std::string_view want = NoAl(w.key);
  for (size_t k = WordAfter(s.begin); k < w_.size() && w_[k].span.end <= s.end;
       ++k) {
    if (!IsWord(k)) continue;
    if (NoAl(w_[k].key) == want ||
        (w_[k].stem.size() >= 6 && w_[k].stem == w.stem))
      return true;
  }
  return false;
}

std::string_view QuoteParser::NoAl(std::string_view k) {
  if (KeyStarts(k, fk::kAl) && k.size() > 4) k.remove_prefix(fk::kAl.size());
  return k;
}

std::string QuoteParser::KeysOf(Span s) const {
  std::string keys;
  size_t k = WordAfter(s.begin), e = k;
  while (e < w_.size() && w_[e].span.end <= s.end) ++e;
  for (const std::string& x : Keys(k, e)) keys += (keys.empty() ? "" : "|") + x;
  return keys;
}

std::string QuoteParser::StripLam(std::string d) {
  // للجنة، لـ"فلان": the proclitic; any other ل is the name's (لبنان).
  if (KeyStarts(d, "\xD9\x84\xD9\x84") || KeyStarts(d, "\xD9\x84\xD9\x80"))
    return DropLam(d);
  return d;
}

bool QuoteParser::KinOf(const EntityMention& m) const {
  size_t k = WordAfter(m.span.begin);
  return k > 0 && k < w_.size() && lex_.Is(w_[k - 1], "kin_head");
}

void QuoteParser::Entity(Quote* q) const {
  for (const EntityMention& m : doc_->entities) {
    if (m.type != EntityType::kPerson && m.type != EntityType::kOrganization)
      continue;
    if (m.span.end <= q->speaker_span.begin ||
        m.span.begin >= q->speaker_span.end)
      continue;
    if (KinOf(m)) return;  // زوجة فلان is not فلان
    if (!m.entity_id.empty()) q->entity_id = m.entity_id;
    return;
  }
}

}  // namespace facts_internal
}  // namespace marsad
