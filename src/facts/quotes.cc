// Quotation finder: a cue-driven parser over one sentence at a time.
//
// For each reporting cue (data/facts/reporting_cues.tsv) the parser reads
// the frame press Arabic builds around it, in order:
//
//   verb:       [speaker] [لوكالة ... = channel] [في بيان، أمس ...]
//               opener content
//   participle: opener content (speaker: the clause's speaker)
//   source:     بحسب X، content | content، بحسب X
//   chain:      نقلت X عن Y قوله opener content (X channel, Y speaker)
//   about:      تحدثت X عن content
//   statement:  جاء في بيان [لـ X] [opener] content
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
// its own quotation. A preposition the verb governs opens the content
// (أعلن عن ...، حذر من أن ...).
//
// Between the speaker and the opener only adverbials may stand (a phrase
// opened by a preposition or a time word, an addressee, an adverb, a
// circumstantial participle, an aside between dashes): a plain word there is
// the verb's object, and a report with a nominal object (أعلن حالة الطوارئ)
// is no quotation. Where a speaker phrase ends is speaker_phrase.cc's
// business; who the speaker is (carry-over, the fullest mention),
// speaker_resolve.cc's.
#include <algorithm>

#include "src/facts/facts.h"
#include "src/facts/quote_parser.h"

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

namespace facts_internal {

size_t QuoteParser::AsideEnd(size_t k, size_t e) const {
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

Opener QuoteParser::FindOpener(size_t k, size_t e, CueKind kind,
                               int budget) const {
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
      if (cls == "stop" || lex_.Is(w, "speech") || cls == "weekday" ||
          cls == "rel" || cls == "say_adverb" ||
          (src && src->kind == CueKind::kSource) || IsMediumLam(q) ||
          IsAddressee(q) || AddresseeEnd(q, e) > q || w.bare == fk::kAla ||
          w.bare == fk::kIla || w.bare == fk::kAn || AdverbialAt(q, e) ||
          lex_.Is(w, "anon_verb") || lex_.Is(w, "adverb") || IsHal(q) ||
          lex_.Is(w, "prep") || lex_.Is(w, "lead_prep") || IsBaToken(q)) {
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
      if (q > k && lex_.Is(w_[q - 1], "temporal")) return {};  // بعد أن، قبل أن
      if (q + 1 < e && w_[q + 1].IsQuoteMark()) return {Opener::kQuote, q + 1};
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

size_t QuoteParser::QuotedName(size_t q, size_t e) const {
  size_t r = q + 1;
  while (r < e && r <= q + 3 && (IsWord(r) || w_[r].kind == TokenKind::kNumber))
    ++r;
  if (r == q + 1 || r >= e || !w_[r].IsQuoteMark()) return 0;
  // (After a medium noun the quoted words are its name wherever they stand
  // and whatever they start with: بحسب ما نشرته صحيفة "فلان". at the end of
  // the sentence, صحيفة "لا ...".)
  if (q > 0 && (lex_.Is(w_[q - 1], "medium") || IsMediumLam(q - 1)))
    return r + 1;
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

size_t QuoteParser::FindClose(size_t o) const {
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

size_t QuoteParser::IndirectEnd(size_t b, size_t e) const {
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

size_t QuoteParser::TrimEnd(size_t b, size_t e) const {
  while (e > b && w_[e - 1].kind == TokenKind::kPunct &&
         !w_[e - 1].IsQuoteMark())
    --e;
  return e;
}

bool QuoteParser::Content(Parsed* p, size_t e) const {
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

void QuoteParser::Sentence(size_t b, size_t e) {
  size_t skip = b;
  size_t first_in_sentence = doc_->quotes.size();
  for (size_t i = b; i < e; ++i) {
    if (i < skip) continue;
    auto m = lex_.cues.Find(w_, i, e, Forms::kBare);
    if (m.payload < 0) continue;
    const CueEntry& cue = lex_.cue_entries[m.payload];
    if (!Plausible(cue, i, b, e)) continue;
    // المتحدث فلان فيري: a word inside a person's name (NER) that reads as
    // a cue (ف + يرى) is part of the name.
    if (i > b && InPersonName(i)) continue;
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
    if (NestedNonSource(cue, i, p, first_in_sentence)) continue;
    if (cue.kind == CueKind::kSource && p.content_e <= i &&
        Relays(i, p, first_in_sentence)) {
      continue;
    }
    Emit(cue, i, i + m.length, p, first_in_sentence);
    // Cues inside the content are quotations too (nested reporting).
    skip = std::max({i + m.length, p.speaker_e,
                     p.open.at + (p.open.kind == Opener::kObject ? 0 : 1)});
    if (cue.kind == CueKind::kSource && p.content_e <= i)
      skip = std::max(skip, p.speaker_e);
  }
}

bool QuoteParser::NestedNonSource(const CueEntry& cue, size_t i,
                                  const Parsed& p,
                                  size_t first_in_sentence) const {
  // قال الوزير إن نتائج التحقيق تكشف أن ...، وأكد أن ...، يرجح أنه: a verb
  // in the present inside another quotation's content whose subject is no
  // source (no name, title, body or source noun), or with no subject and no
  // و, is part of what is reported, not a quotation of its own.
  if (cue.kind != CueKind::kVerb && cue.kind != CueKind::kAbout) return false;
  const Word& w = w_[i];
  if (!KeyStarts(w.bare, "\xD9\x8A") && !KeyStarts(w.bare, "\xD8\xAA"))
    return false;  // يـ، تـ
  bool nested = false;
  for (size_t q = first_in_sentence; q < doc_->quotes.size(); ++q) {
    const Span& c = doc_->quotes[q].content;
    if (w.span.begin >= c.begin && w.span.end <= c.end) nested = true;
  }
  if (!nested) return false;
  if (p.speaker_e > p.speaker_b) return !SourceLike(p.speaker_b, p.speaker_e);
  return w.key == w.bare;
}

bool QuoteParser::Relays(size_t i, const Parsed& p, size_t first_in_sentence) {
  // A medium (وكالة، رويترز) or a verb of relaying (وفقا لما نقلته X): a
  // ministry or a spokesman after حسبما is a second source of its own.
  bool medium =
      lex_.ClassOf(w_[p.speaker_b]) == "medium" || IsMediumLam(p.speaker_b);
  constexpr std::string_view kNaql = "\xD9\x86\xD9\x82\xD9\x84";  // نقل
  for (size_t k = i + 1; k < p.speaker_b; ++k)
    medium |= KeyStarts(w_[k].bare, kNaql);
  if (!medium) return false;
  uint32_t from = w_[p.content_b].span.begin, to = w_[p.content_e - 1].span.end;
  int inner = -1;
  for (size_t q = first_in_sentence; q < doc_->quotes.size(); ++q) {
    const Span& c = doc_->quotes[q].cue;
    if (c.begin >= from && c.end <= to) inner = static_cast<int>(q);
  }
  if (inner < 0) return false;
  Quote& q = doc_->quotes[inner];
  if (q.via.empty())
    q.via = DisplayOf(text_, SpanOfWords(w_, p.speaker_b, p.speaker_e));
  return true;
}

bool QuoteParser::Plausible(const CueEntry& cue, size_t i, size_t b,
                            size_t e) const {
  const Word& w = w_[i];
  bool proclitic = w.key != w.bare;
  if (cue.kind != CueKind::kVerb) return true;
  if (NamedAs(i)) return false;  // رجل يدعى فلان
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

bool QuoteParser::Verb(const CueEntry& cue, size_t i, size_t ce, size_t b,
                       size_t e, Parsed* p) {
  size_t after = AddresseeEnd(ce, e);
  // كشف النقاب وزير الصحة عن، شاطره الرأي الخبير فلان: the idiom's object
  // before the subject is no part of it.
  if (after == ce && after + 1 < e && IsWord(after + 1) &&
      (lex_.Is(w_[after], "idiom_object") ||
       lex_.Is(w_[after], "lead_object"))) {
    ++after;
  }
  if (after > ce && p->via_span.empty())
    p->via_span = SpanOfWords(w_, ce, after);
  // في الوقت الذي نفى فيه البنتاغون ...: the pronoun after a cue in a
  // relative clause points back to the antecedent; the subject follows it.
  if (after == ce && after + 1 < e && i > b && lex_.Is(w_[i - 1], "rel") &&
      (w_[after].key == fk::kFih || w_[after].key == fk::kFiha) &&
      IsWord(after + 1) && !lex_.Is(w_[after + 1], "comp") &&
      !NoSubjectStart(after + 1)) {
    ++after;
  }
  p->speaker_b = after;
  // وقال لبي بي سي إن: an addressee right after the verb; the subject is
  // elsewhere (before the verb or carried over).
  p->speaker_e = after < e && IsAddressee(after) ? after : SpeakerEnd(after, e);
  // وكان المرصد قد أعلن مقتل ...: a fact's verbal noun right after the verb
  // is its object, never its subject; the subject stands before the verb.
  if (after == ce && after + 1 < e && i > b && IsFactObject(after) &&
      w_[after + 1].kind != TokenKind::kPunct) {
    p->speaker_e = after;
  }
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
  // وقال بيان صادر عن الشرطة إن: the statement's issuer belongs to its
  // phrase.
  if (k + 2 < e && k > p->speaker_b && lex_.Is(w_[k], "issued") &&
      (w_[k + 1].bare == fk::kAn || w_[k + 1].bare == fk::kMin) &&
      IsWord(k + 2)) {
    k = p->speaker_e = std::max(k + 2, SpeakerEnd(k + 2, e));
  }
  int budget = 0;
  // كشفت دراسة أعدها مركز ... عن، كشف استطلاع نشرت صحيفة ... نتائجه أن: a
  // clause on the speaker (its author) stands before the content.
  if (k < e && k > p->speaker_b && lex_.Is(w_[k], "author_verb")) {
    k = std::max(k + 1, SpeakerEnd(k + 1, e));
    budget = 4;
  }
  // (وأبلغ الوزير فلان موسكو أن: the object NewPhrase ended the speaker
  // before stands before the opener.)
  if (k < e && k > p->speaker_b &&
      (AfterName(k) || NewPhrase(p->speaker_b, k, false)))
    budget = 6;
  // وقال شهود كانوا في المكان إنهم: the clause كان opens on the subject
  // stands before the opener.
  if (k < e && k > p->speaker_b &&
      (w_[k].bare == fk::kKana || w_[k].bare == fk::kKanat ||
       w_[k].bare == fk::kKanu))
    budget = 8;
  // وقال فلان (68 عاما) وزير المالية السابق لمؤيديه: an apposition after
  // the age in parentheses that follows a name.
  if (k < e && k > p->speaker_b && w_[k].IsPunct("(") && PersonEndsAt(k) &&
      AsideEnd(k, e)) {
    budget = 6;
  }
  // وصف فلان مساعدته فلانة بأنها: the object a second name ended
  // (SecondNameEnd) stands before the opener.
  for (size_t n = k + 1; k < e && k > p->speaker_b && PersonEndsAt(k) &&
                         n < e && n < k + 6 && IsWord(n);
       ++n) {
    if (PersonAt(n)) budget = 10;
  }
  // قالت فلانة، محامية في مشروع ...، وهي منظمة ...، إن: an indefinite
  // apposition after a person's name and a comma describes the speaker.
  if (k + 1 < e && k > p->speaker_b && IsComma(k) && PersonEndsAt(k) &&
      IsWord(k + 1) && !KeyStarts(w_[k + 1].key, fk::kAl)) {
    budget = 10;
  }
  p->open = FindOpener(k, e, cue.kind, budget);
  // أعلنت الوزارة، أمس، انطلاق مهرجان "..."، أعلن "مقتل" ...: a verbal noun
  // before a quoted name, or quoted itself, is the object the verb reports.
  if (p->open.kind == Opener::kQuote ||
      (p->open.kind == Opener::kNone && k < e && w_[k].IsQuoteMark())) {
    size_t from = k;
    if (p->open.kind == Opener::kNone && k + 1 < e) from = k + 1;
    Opener obj = FactObject(i, from, e);
    if (obj.kind == Opener::kObject &&
        (p->open.kind == Opener::kNone || obj.at < p->open.at)) {
      p->open = {Opener::kObject, obj.at == from && from > k ? k : obj.at};
    }
  }
  // أشارت وسائل إعلام إلى إمكانية أن ...: what إلى governs is the content,
  // not only the clause of أن after it.
  for (size_t q = k; p->open.kind == Opener::kComp && q + 1 < p->open.at; ++q) {
    if (w_[q].bare == fk::kIla && lex_.Is(w_[i], "ila_verb") && IsWord(q + 1) &&
        !lex_.Is(w_[q + 1], "comp")) {
      p->open = {Opener::kObject, q + 1};
    }
  }
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
  // (اتُّهم بقتل: a passive, no accuser and no quotation.)
  if (p->open.kind == Opener::kNone && lex_.Is(w_[i], "accuse_verb") &&
      p->speaker_e > p->speaker_b &&
      !KeyStarts(w_[p->speaker_b].bare, "\xD8\xA8"))
    p->open = AccusedOf(k, e);
  if (p->open.kind == Opener::kNone) p->open = FactObject(i, k, e);
  if (p->open.kind == Opener::kNone && PostPosedKama(i, b)) {
    // "...، كما أعلن المركز الوطني، صباح الأربعاء": the clause before كما
    // is what the speaker said (as بحسب at the end).
    size_t c = b;
    for (size_t q = b; q + 1 < i; ++q) {
      if (w_[q].IsPunct(".") || w_[q].IsPunct(":")) c = q + 1;
    }
    size_t end = TrimEnd(c, i - 1);
    if (end > c && p->speaker_e > p->speaker_b) {
      p->span_begin = c;
      p->content_b = c;
      p->content_e = end;
      p->open = {Opener::kObject, c};
      return true;
    }
  }
  if (p->open.kind == Opener::kNone && cue.modality == "denied") {
    // نفت الدفاع الروسية وجود جنود روس: a definite subject, then the object.
    p->speaker_e = DefiniteEnd(ce, e);
    if (p->speaker_e < e && IsWord(p->speaker_e))
      p->open = {Opener::kObject, p->speaker_e};
  }
  if (p->open.kind == Opener::kNone) return false;
  if (p->speaker_e > p->open.at) p->speaker_e = p->open.at;
  if (lex_.Is(w_[i], "describe_verb") && p->speaker_e == p->speaker_b + 1 &&
      !SourceLike(p->speaker_b, p->speaker_e)) {
    // ووصف الوضع (في المدينة) بأنه: the one word before بأن is the object
    // and the verb has no subject after it.
    for (size_t k = p->speaker_e; k <= p->open.at && k < p->speaker_e + 6;
         ++k) {
      if (lex_.Is(w_[k], "comp") && KeyStarts(DisplayOf(text_, w_[k].span),
                                              "\xD8\xA8")) {  // بأن
        p->speaker_e = p->speaker_b;
        break;
      }
    }
  }
  if (p->speaker_e == p->speaker_b) {
    p->speaker_b = p->speaker_e = 0;
    std::pair<size_t, size_t> sub{0, 0};
    if (ce < e && (w_[ce].key == fk::kFih || w_[ce].key == fk::kFiha)) {
      sub = StatementSubject(i, b);
      if (sub.second == 0) sub = StatementAuthor(i, b);
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

namespace {

// The verbal-noun shapes of MasdarShape on a bare form without the article;
// `tafaccul` also takes تفعّل (four letters from ت), which only the definite
// complement test asks for.
bool MasdarLetters(std::string_view b, bool tafaccul) {
  std::vector<std::string_view> l;  // the letters (two bytes each in Arabic)
  for (size_t x = 0; x + 1 < b.size(); x += 2) l.push_back(b.substr(x, 2));
  if (l.size() * 2 != b.size()) return false;
  constexpr std::string_view kAlif = "\xD8\xA7", kTa = "\xD8\xAA",
                             kNun = "\xD9\x86", kYa = "\xD9\x8A",
                             kSin = "\xD8\xB3";
  size_t n = l.size();
  if (n == 5 && l[0] == kAlif && l[3] == kAlif) return true;  // إفعال
  if (n == 6 && l[0] == kAlif && l[2] == kTa && l[4] == kAlif)
    return true;  // افتعال
  if (n == 6 && l[0] == kAlif && l[1] == kNun && l[4] == kAlif)
    return true;  // انفعال
  if (n == 7 && l[0] == kAlif && l[1] == kSin && l[2] == kTa &&
      l[5] == kAlif) {  // استفعال
    return true;
  }
  if (n == 5 && l[0] == kTa && (l[3] == kYa || l[2] == kAlif))
    return true;                             // تفعيل، تفاعل
  return tafaccul && n == 4 && l[0] == kTa;  // تفعّل
}

}  // namespace

bool QuoteParser::MasdarShape(size_t k) const {
  if (w_[k].kind != TokenKind::kWord || KeyStarts(w_[k].bare, fk::kAl))
    return false;
  return MasdarLetters(w_[k].bare, false);
}

bool QuoteParser::DefiniteMasdar(size_t k) const {
  if (w_[k].kind != TokenKind::kWord || !KeyStarts(w_[k].bare, fk::kAl) ||
      !lex_.ClassOf(w_[k]).empty() || PersonAt(k)) {
    return false;
  }
  return MasdarLetters(w_[k].bare.substr(fk::kAl.size()), true);
}

Opener QuoteParser::FactObject(size_t i, size_t k, size_t e) const {
  for (size_t q = k; q < e && q < k + 6; ++q) {
    const Word& w = w_[q];
    if (IsFactObject(q)) return {Opener::kObject, q};
    // كشفت الشركة النقاب عن هاتف: the idiom's own object comes first.
    if (q == k && lex_.Is(w, "idiom_object")) continue;
    // أعلنت X انطلاق ...، أكدت X تواصل ...: a verbal noun in construct.
    if (lex_.Is(w_[i], "masdar_verb") && q + 1 < e && IsWord(q + 1) &&
        MasdarShape(q) && !lex_.Is(w, "act_object")) {
      return {Opener::kObject, q};
    }
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
    if (adverbial && (w.key == fk::kFi || w.key == fk::kMin)) {
      // أعلنت القوات في البحرية التايلاندية إخراج ...: the phrase's
      // definite words.
      while (q + 2 < e && KeyStarts(w_[q + 1].key, fk::kAl) &&
             lex_.ClassOf(w_[q + 1]).empty())
        ++q;
    }
    if (!adverbial) break;
  }
  return {};
}

bool QuoteParser::PostPosedKama(size_t i, size_t b) const {
  constexpr std::string_view kKama = "\xD9\x83\xD9\x85\xD8\xA7";  // كما
  return i >= b + 4 && w_[i].key == w_[i].bare && w_[i - 1].key == kKama &&
         IsComma(i - 2);
}

Opener QuoteParser::AccusedOf(size_t k, size_t e) const {
  size_t first = k;  // the accused, after adverbials (الثلاثاء، أمس)
  while (first < e &&
         (!IsWord(first) || lex_.ClassOf(w_[first]) == "weekday" ||
          (lex_.ClassOf(w_[first]) == "stop" && w_[first].stem.size() > 6) ||
          AdverbialAt(first, e))) {
    ++first;
  }
  for (size_t q = first; q < e && q < first + 10; ++q) {
    if (w_[q].kind == TokenKind::kPunct && !IsComma(q)) break;
    if (q > first && IsCueAt(q, e)) break;
    if (q > first && IsWord(q) && KeyStarts(w_[q].bare, "\xD8\xA8") &&
        w_[q].stem.size() + 2 == w_[q].bare.size() && w_[q].stem.size() >= 6 &&
        lex_.ClassOfKey(w_[q].stem) != "placenoun" &&
        lex_.ClassOfKey(std::string(fk::kAl) + std::string(w_[q].stem)) !=
            "placenoun")
      return {Opener::kObject, first};  // ... بقتل، باستخدام
  }
  return {};
}

bool QuoteParser::TakesAla(size_t i) const {
  std::string_view b = w_[i].bare;
  for (std::string_view v :
       {"\xD8\xA7\xD9\x83\xD8\xAF", "\xD8\xB4\xD8\xAF\xD8\xAF",
        "\xD9\x8A\xD8\xA4\xD9\x83\xD8\xAF", "\xD8\xAA\xD8\xA4\xD9\x83\xD8\xAF",
        "\xD9\x8A\xD8\xB4\xD8\xAF\xD8\xAF",
        "\xD8\xAA\xD8\xB4\xD8\xAF\xD8\xAF"}) {
    if (KeyStarts(b, v)) return true;  // اكد(ت)، شدد(ت)، يؤكد، تؤكد، يشدد، تشدد
  }
  return false;
}

bool QuoteParser::Participle(size_t i, size_t e, Parsed* p) {
  size_t a = i + 1;
  if (a < e && IsComma(a) && a + 1 < e && lex_.Is(w_[a + 1], "comp"))
    ++a;  // مضيفا، أن
  size_t k = a;
  if (k < e && (w_[k].bare == fk::kIla || w_[k].bare == fk::kAla)) ++k;
  constexpr std::string_view kAdam = "\xD8\xB9\xD8\xAF\xD9\x85";  // عدم
  if (k < e && (IsFactObject(a) || w_[a].key == kAdam)) {
    p->open = {Opener::kObject, a};  // مؤكدة مقتل ...، مؤكدة عدم ...
  } else if (k == a + 1 && (w_[a].bare == fk::kIla || w_[a].bare == fk::kAla) &&
             k < e && IsWord(k) && !lex_.Is(w_[k], "comp")) {
    p->open = {Opener::kObject, k};  // مشيرة إلى العنف، مشددا على عدم ...
  } else if (k < e && w_[k].IsPunct(":")) {
    p->open = FindOpener(k, std::min(e, k + 3), CueKind::kParticiple);
  } else if (k < e && (lex_.Is(w_[k], "comp") || w_[k].IsQuoteMark())) {
    p->open = FindOpener(k, std::min(e, k + 2), CueKind::kParticiple);
  } else if (k == a && a == i + 1 && a < e && IsWord(a) &&
             lex_.Is(w_[i], "object_participle") && i > 0 &&
             (IsComma(i - 1) ||
              (IsWord(i - 1) && KeyStarts(w_[i - 1].bare, fk::kAl))) &&
             !IsMediumLam(a) && !IsAddressee(a) && !AdverbialAt(a, e) &&
             !IsHal(a)) {
    std::string_view cls = lex_.ClassOf(w_[a]);
    // منتقدة التأخير، مؤكدا رفض المقترح، متهمة إياها بـ: a participle
    // after a clause (a comma or a definite word before it, not a noun it
    // qualifies: حالات مؤكدة) takes its object as what is reported.
    // (Not a preposition, time word or adverb: those are adverbials.)
    bool adverbial = false;
    for (std::string_view no :
         {"stop", "prep", "lead_prep", "weekday", "temporal", "time_noun",
          "adverb", "rel", "neg", "say_adverb", "speech"}) {
      adverbial |= cls == no;
    }
    if (!adverbial) p->open = {Opener::kObject, a};
  }
  if (p->open.kind == Opener::kNone) return false;
  return Content(p, e);
}

bool QuoteParser::Source(size_t i, size_t b, size_t e, Parsed* p) {
  if (w_[i].key != w_[i].bare && KeyStarts(w_[i].key, "\xD9\x81")) {
    return false;  // فحسب = "only"
  }
  size_t k = i + 1;
  if (k < e && (w_[k].key == fk::kLam || w_[k].key == "\xD9\x84\xD9\x80"))
    ++k;  // ل / لـ
  bool speech = false;
  constexpr std::string_view kMa = "\xD9\x85\xD8\xA7",
                             kLima = "\xD9\x84\xD9\x85\xD8\xA7";
  // (حسبما أظهرت X: ما written on the cue.)
  bool hasabama =
      KeyStarts(w_[i].key, "\xD8\xAD\xD8\xB3\xD8\xA8\xD9\x85\xD8\xA7");
  if (k < e && (w_[k].key == kMa || w_[k].key == kLima || hasabama)) {
    if (!hasabama) ++k;
    // بحسب ما أفادت X، وفقا لما تداولته X: the verb, whatever it is (بحسب
    // ما جاء في X: with its في)
    if (k < e && IsWord(k)) ++k;
    if (k + 1 < e && w_[k].key == fk::kFi && IsWord(k + 1)) ++k;
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
  // حسبما أعلنت عنه الوزارة، وفق ما صرح به فلان (not before an addressee
  // or a mark, وفق ما صرح به لـ"...": the phrase read as before).
  if (speech && k + 1 < e &&
      (lex_.Is(w_[k], "an_pronoun") ||
       (lex_.Is(w_[k], "bi_pronoun") && IsWord(k + 1) && !IsAddressee(k + 1))))
    ++k;
  size_t s = k;
  // The phrase ended on a comma, negation or complementizer.
  bool boundary = false, appositive = false;
  while (s < e && s < k + 16) {
    if (w_[s].IsQuoteMark()) {
      size_t n = QuotedName(s, e);
      if (n == 0) break;
      s = n;
      continue;
    }
    if (!appositive && s > k && IsComma(s) && s + 1 < e && Apposed(s + 1)) {
      appositive = true;  // حسبما أفاد المتحدث العسكري، العقيد فلان
      ++s;
      continue;
    }
    if (IsComma(s) || lex_.Is(w_[s], "comp") || lex_.Is(w_[s], "neg")) {
      boundary = true;
      break;
    }
    if (!IsWord(s) || w_[s].key == fk::kLam ||
        w_[s].key == "\xD9\x84\xD9\x80" ||
        (s > k && (IsMediumLam(s) || lex_.Is(w_[s], "addressee")))) {
      break;
    }
    // A relative or circumstantial clause, another cue, an adverbial of
    // time: the source phrase is complete (بحسب مصادر تحدثت للوكالة).
    // A word with ف opens the main clause after the fronted source (بحسب
    // تقرير نشرته X فهناك ...).
    if (s > k &&
        (lex_.Is(w_[s], "rel") || IsCueAt(s, e) || AdverbialAt(s, e) ||
         lex_.Is(w_[s], "anon_verb") || AfterName(s) ||
         (KeyStarts(w_[s].key, "\xD9\x81") && w_[s].key != w_[s].bare))) {
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
  // ووفقا لمصادر أمنية أكدت لـX أن ...: a cue right after the source opens
  // the clause it reports (two cues, one content).
  const CueEntry* next = rest < e ? CueAt(rest, e) : nullptr;
  if (at_start && rest < e &&
      (boundary || (next && next->kind == CueKind::kVerb))) {
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

bool QuoteParser::Chain(const CueEntry& cue, size_t i, size_t b, size_t e,
                        Parsed* p) {
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
  // خدمات نقل الشحنات، شركة نقل بحري: with no عن and no proclitic, the
  // word after a noun is that noun's complement (transport), not a verb.
  if (!an && w_[i].key == w_[i].bare && i > b && IsWord(i - 1) &&
      !PersonEndsAt(i) && lex_.ClassOf(w_[i - 1]).empty() &&
      !KeyStarts(w_[i - 1].key, fk::kAl))
    return false;
  if (!an) return Verb(cue, i, i + 1, b, e, p);
  // التحذيرات الصادرة عن X بأن: a nominal cue, no channel.
  if (an > k && !lex_.Is(w_[k], "issued")) p->via_span = SpanOfWords(w_, k, an);
  p->speaker_b = an + 1;
  p->speaker_e = SpeakerEnd(an + 1, e);
  size_t r = p->speaker_e;
  if (r < e && lex_.Is(w_[r], "say_pro")) ++r;
  p->open = FindOpener(r, e, cue.kind);
  if (p->open.kind == Opener::kNone) return false;
  return Content(p, e);
}

bool QuoteParser::Attributed(const CueEntry& cue, size_t i, size_t e,
                             Parsed* p) {
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

bool QuoteParser::About(size_t i, size_t b, size_t e, Parsed* p) {
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

bool QuoteParser::Statement(size_t i, size_t ce, size_t e, Parsed* p) {
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

}  // namespace facts_internal

void FactsFinder::FindQuotes() {
  facts_internal::QuoteParser(doc_, table_, lex_).Run();
}

}  // namespace marsad
