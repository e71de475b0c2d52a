// Who holds each claim (the claims themselves: claims.cc): the speaker of
// the quotation containing its words, the innermost where reporting
// clauses nest (وذكرت وسائل إعلام أن ...، في حين تقول السلطات أن 39) and
// its subject is someone; in reported speech, an attribution between the
// cue and the claim or right after it (مما أسفر، بحسب الحشد، عن مقتل 22;
// not a wire agency, which only carried the words); outside every
// quotation, the source its own sentence names (وفقا للمرصد، بحسب مصادر
// طبية، the subject of وثق/أحصى/أعلنت فيه, or of كانت ... قد أعلنت), else ""
// (the outlet's voice). A bare head (المرصد، الحزب) is completed by the
// article's fullest phrase beginning with it, a title before its body's bare
// head has the head completed in place (مدير المرصد رامي عبد الرحمن), and a
// report noun names its author (أحدث حصيلة لوزارة الصحة: وزارة الصحة).
// An indefinite source goes on with its relative adjectives (مصدر عسكري
// سوري) and any source over في/لدى and the place or body it stands in
// (مصادر طبية في غزة، المبعوث لدى الأمم المتحدة).
#include "src/facts/claim_source.h"

#include <set>

#include "src/base/data.h"
#include "src/facts/util.h"

namespace marsad {
namespace facts_internal {

std::string ClaimSources::SourceOf(Span span, bool far) const {
  int q = SpeakingQuote(span);
  std::string s;
  if (q >= 0) s = EmbeddedSource(q, span);
  if (q >= 0 && s.empty()) s = FullerName(SourceName(SameSource(q)));
  if (s.empty()) s = SentenceSource(span, far);
  return s;
}

// Quotations nest when the stage finds a reporting clause inside another's
// words; the narrowest content holding the span is the voice that says it.
int ClaimSources::SpeakingQuote(Span span) const {
  int best = -1;
  for (size_t q = 0; q < doc_->quotes.size(); ++q) {
    const Span& c = doc_->quotes[q].content;
    if (c.begin > span.begin || span.end > c.end) continue;
    if (best >= 0 && !Speaks(doc_->quotes[q])) continue;
    if (best < 0 || c.end - c.begin < doc_->quotes[best].content.end -
                                          doc_->quotes[best].content.begin)
      best = static_cast<int>(q);
  }
  return best >= 0 ? best : QuoteContaining(*doc_, span);
}

// In reported speech the outlet's paraphrase runs on after the cue, and an
// attribution inside it (نفت الولايات المتحدة أن تكون قصفت ... مما أسفر،
// بحسب الحشد الشعبي، عن مقتل 22) or right after the claim (أعلنت الوزارة
// أن ... حيث قتل أكثر من 20، وفق المرصد) names who gave the figure. Words
// in quote marks are the speaker's own, and a wire agency after the claim
// (وفقا لوكالة فرانس برس) only carried them.
std::string ClaimSources::EmbeddedSource(int q, Span span) const {
  const Quote& quote = doc_->quotes[q];
  if (quote.direct) return "";
  size_t i = WordAt(span.begin);
  if (i >= w_.size()) return "";
  size_t sb, se;
  SentenceOf(i, &sb, &se);
  size_t lo = std::max(sb, WordAt(quote.content.begin));
  size_t last = WordAt(span.end);  // first word after the claim
  size_t hi = std::min(se, last + 3);
  size_t best_b = se, best_e = se, best_d = SIZE_MAX;
  for (size_t k = lo; k < hi; ++k) {
    if (k >= i && k < last) continue;
    if (!pw_.Is(w_[k], "according")) continue;
    size_t b = AttributedFrom(k + 1, se);
    size_t e = SourcePhraseEnd(b, se);
    if (e == b || pw_.Is(w_[b], "wire")) continue;
    size_t d = k > i ? k - i : i - k;
    if (d < best_d) {
      best_d = d;
      best_b = b;
      best_e = e;
    }
  }
  return best_b == se ? "" : PhraseSource(best_b, best_e);
}

// "وذكر المصدر ذاته أن 5 ..." names no one new: the source named before
// whose head is the same noun (قال مصدر رسمي سوري). A one-word head
// before ذاته/نفسه (المصدر، المصادر، الوزارة) is matched on its stem to
// the first word of an earlier quotation's speaker.
std::string ClaimSources::SameSource(int q) const {
  static const std::set<std::string, std::less<>> kSelf = [] {
    std::set<std::string, std::less<>> out;
    for (const fk::FoldedWord& w : fk::kSelfWords) out.emplace(w.folded);
    return out;
  }();
  const Quote& quote = doc_->quotes[q];
  const std::string folded = lex_.Fold(quote.speaker);
  std::vector<std::string_view> words = Split(folded, ' ');
  if (words.size() != 2 || !kSelf.count(words[1])) return quote.speaker;
  auto head = [](std::string_view w) {
    std::string x(w);
    if (KeyStarts(x, fk::kLam) && x.size() > 6) x = WithoutLam(x);
    if (KeyStarts(x, fk::kAl) && x.size() > 6) x.erase(0, fk::kAl.size());
    return x;
  };
  const std::string own = head(words[0]);
  const Quote* best = nullptr;
  for (const Quote& o : doc_->quotes) {
    if (o.speaker_span.begin >= quote.speaker_span.begin || o.speaker.empty())
      continue;
    const std::string of = lex_.Fold(o.speaker);
    std::vector<std::string_view> ow = Split(of, ' ');
    if (ow.size() < 2 || head(ow[0]) != own || kSelf.count(ow[1])) continue;
    if (best == nullptr || o.speaker_span.begin > best->speaker_span.begin)
      best = &o;
  }
  return best == nullptr ? quote.speaker : best->speaker;
}

// A nested clause's subject may be no one (وقال بيسكوف إن الفرضية التي
// تشير إلى أن ...): a speaker the entity stage names or a source noun.
bool ClaimSources::Speaks(const Quote& q) const {
  const Span& s = q.speaker_span;
  if (s.end <= s.begin) return false;
  for (const EntityMention& m : doc_->entities) {
    if ((m.type == EntityType::kPerson ||
         m.type == EntityType::kOrganization) &&
        m.span.begin < s.end && s.begin < m.span.end)
      return true;
  }
  size_t k = WordAt(s.begin);
  return k < w_.size() && SourceHead(w_[k]);
}

// The source a claim outside every quotation is attributed to in its own
// sentence: the phrase after an attribution word (وفقا للمرصد السوري،
// بحسب مصادر طبية، نقلا عن وزارة الصحة; the nearest to the claim), else
// the subject of a tallying verb before it (وثق المرصد مقتل 18، أحصى
// المرصد ... "مقتل 52"، أعلنت وزارة الصحة ارتفاع عدد القتلى). "" when
// the sentence names none: the outlet's own voice.
std::string ClaimSources::SentenceSource(Span span, bool far) const {
  size_t i = WordAt(span.begin);
  if (i >= w_.size()) return "";
  size_t sb, se;
  SentenceOf(i, &sb, &se);
  size_t best_b = se, best_e = se, best_d = SIZE_MAX;
  for (size_t q = sb; q < se; ++q) {
    if (!pw_.Is(w_[q], "according")) continue;
    size_t k = AttributedFrom(q + 1, se);
    size_t e = SourcePhraseEnd(k, se);
    size_t d = q > i ? q - i : i - q;
    if (e > k && d < best_d) {
      best_d = d;
      best_b = k;
      best_e = e;
    }
  }
  // A claim that is no figure may stand further from its verb, past an
  // aside (أعلن الرئيس فلان، في خطاب له بمناسبة ...، الأحد، عن "السيطرة
  // الكاملة"); a figure that far is the outlet's background.
  const size_t window = far ? 30 : 20;
  for (size_t q = i; best_b == se && q > sb && q + window > i;) {
    --q;
    if (!pw_.Is(w_[q], "tally_verb")) continue;
    size_t k = q + 1;  // أعلنت فيه وزارة الصحة
    if (k < se && (w_[k].key == fk::kFih || w_[k].key == fk::kFiha)) ++k;
    size_t e = SourcePhraseEnd(k, se);
    if (e > k && e <= i) {
      best_b = k;
      best_e = e;
    } else if (size_t b = KanaSubject(q, sb, &e); b < q) {
      best_b = b;  // وكانت وزارة الصحة قد أعلنت، فجر الثلاثاء، عن استشهاد
      best_e = e;
    }
  }
  if (best_b == se) return "";
  return PhraseSource(best_b, best_e);
}

// The subject of a verb at q told in the past perfect, between كان/كانت
// and قد (وكانت وزارة الصحة قد أعلنت): its first word (*end: one past its
// last), q when there is none.
size_t ClaimSources::KanaSubject(size_t q, size_t sb, size_t* end) const {
  size_t p = q;
  while (p > sb && lex_.Is(w_[p - 1], "aux")) --p;  // قد
  if (p == q) return q;
  for (size_t k = p > sb + 6 ? p - 6 : sb; k + 1 < p; ++k) {
    if (w_[k].bare != fk::kKana && w_[k].bare != fk::kKanat) continue;
    if (SourcePhraseEnd(k + 1, p) != p) continue;
    *end = p;
    return k + 1;
  }
  return q;
}

// The source phrase of words [b, e) for display, a bare head (المرصد،
// الحزب) completed by the fullest phrase of the article that begins
// with the same word (المرصد السوري لحقوق الإنسان).
// `own`: whether words [b, e) are the phrase as it stands in the claim's
// sentence (its own continuation was cut for a reason, so it is not
// taken again).
std::string ClaimSources::PhraseSource(size_t b, size_t e, bool own) const {
  if (e == b + 1 && KeyStarts(w_[b].bare, fk::kAl)) {
    size_t best = b, best_e = e;
    for (size_t k = 0; k < w_.size(); ++k) {
      if ((own && k == b) || w_[k].stem != w_[b].stem ||
          w_[k].kind != TokenKind::kWord)
        continue;
      size_t se = t_.sentence_end[w_[k].sentence];
      size_t n = SourcePhraseEnd(k, se, /*named=*/true);
      if (n - k > best_e - best) {
        best = k;
        best_e = n;
      }
    }
    b = best;
    e = best_e;
  }
  return NoLam(b, DisplayOf(doc_->text, SpanOfWords(w_, b, e)));
}

// A one-word source (المرصد) as the article's fullest phrase that begins
// with it; other names as they are.
std::string ClaimSources::FullerName(const std::string& name) const {
  if (name.empty()) return name;
  if (name.find(' ') == std::string::npos) return Completed(name);
  // A title and its body's bare head (مدير المرصد رامي عبد الرحمن): the
  // head completed in place when no qualifier follows it.
  std::vector<std::string_view> words = Split(name, ' ');
  if (words.size() < 2) return name;
  Word title, head;
  Lookup(words[0], &title);
  Lookup(words[1], &head);
  if (!lex_.Is(title, "title") || !KeyStarts(head.key, fk::kAl) ||
      !SourceHead(head) ||
      (words.size() > 2 && KeyStarts(lex_.Fold(words[2]), fk::kAl)))
    return name;
  std::string full = Completed(std::string(words[1]));
  std::string out(words[0]);
  out += " " + full;
  for (size_t k = 2; k < words.size(); ++k) out += " " + std::string(words[k]);
  return out;
}

// A one-word name as the article's fullest phrase that begins with it.
std::string ClaimSources::Completed(const std::string& name) const {
  std::string key = lex_.Fold(name);
  for (size_t k = 0; k < w_.size(); ++k) {
    if (w_[k].key == key || w_[k].bare == key)
      return PhraseSource(k, k + 1, /*own=*/false);
  }
  return name;
}

// *w: a lookup word for one written word (its folded key as every form;
// its views point into *w).
void ClaimSources::Lookup(std::string_view written, Word* w) const {
  w->kind = TokenKind::kWord;
  w->key = lex_.Fold(written);
  w->bare = w->key;
  w->stem = w->key;
}

// The subject written just before the verb at q (وسائل الإعلام السورية
// اتهمت ...): a source phrase that ends at q, "" when none does.
std::string ClaimSources::SubjectBefore(size_t q, size_t sb) const {
  for (size_t k = q > sb + 6 ? q - 6 : sb; k < q; ++k) {
    if (SourcePhraseEnd(k, q) == q) return PhraseSource(k, q);
  }
  return "";
}

// The first word of the source after an attribution word at k: past a
// detached ل، "ما"/"لما" and its verb (بحسب ما أفادت), عن, and a report
// noun of the source (بحسب أحدث حصيلة لوزارة الصحة: the ministry).
size_t ClaimSources::AttributedFrom(size_t k, size_t se) const {
  if (k < se && (w_[k].key == fk::kLam || w_[k].key == fk::kLamTatweel)) ++k;
  if (k + 1 < se && (w_[k].key == fk::kMa || w_[k].key == fk::kLima)) k += 2;
  if (k < se && w_[k].bare == fk::kAn) ++k;
  size_t r = k;
  while (r < se && r < k + 3 && pw_.Is(w_[r], "doc_noun")) ++r;
  if (r > k && r < se && KeyStarts(w_[r].bare, fk::kLam)) k = r;
  return k;
}

// Whether w heads a source: a source, title, medium or actor noun of
// data/facts/words.tsv, also written after ل (للمرصد، لوزارة).
bool ClaimSources::SourceHead(const Word& w) const {
  auto is = [&](const Word& x) {
    return lex_.Is(x, "source") || lex_.Is(x, "source_head") ||
           lex_.Is(x, "title") || lex_.Is(x, "medium") ||
           lex_.Is(x, "actor_head");
  };
  if (is(w)) return true;
  if (w.stem == w.bare) return false;
  for (const std::string& form :
       {std::string(fk::kAl) + std::string(w.stem), std::string(w.stem)}) {
    Word x;
    x.kind = w.kind;
    x.key = form;
    x.bare = x.key;
    x.stem = x.key;
    if (is(x)) return true;
  }
  return false;
}

// A person or organisation named by the entity stage over word k: one
// past its last word, else k.
size_t ClaimSources::EntityEnd(size_t k, size_t se) const {
  for (const EntityMention& m : doc_->entities) {
    if ((m.type != EntityType::kPerson &&
         m.type != EntityType::kOrganization) ||
        m.span.end <= w_[k].span.begin || m.span.begin >= w_[k].span.end)
      continue;
    size_t e = k;
    while (e < se && w_[e].span.begin < m.span.end) ++e;
    return e;
  }
  return k;
}

// What a source phrase never runs into: an event trigger, a casualty
// word or a word of the points (رفضت السلطات الاتهامات، وثق المرصد مقتل).
bool ClaimSources::PointWord(size_t q, size_t se) const {
  return lex_.triggers.Find(w_, q, se, Forms::kStem).payload >= 0 ||
         lex_.casualties.Find(w_, q, se, Forms::kStem).payload >= 0 ||
         pw_.Is(w_[q], "accusation") || pw_.Is(w_[q], "involve") ||
         pw_.Is(w_[q], "deny") || pw_.Is(w_[q], "accuse");
}

// A function word: no part of a name (عن، في، أن، الذي ...).
bool ClaimSources::Particle(const Word& w) const {
  return lex_.Is(w, "stop") || lex_.Is(w, "comp") || lex_.Is(w, "rel") ||
         lex_.Is(w, "prep") || lex_.Is(w, "neg") || w.bare == fk::kAn ||
         w.bare == fk::kAla || w.bare == fk::kFi || w.bare == fk::kMin ||
         w.bare == fk::kIla;
}

// Whether word q may go on a source phrase: a definite word (السوري،
// للجيش) or a ل-genitive before one (لحقوق الإنسان); never a time word,
// a date, a complementizer, a relative or a stop word.
bool ClaimSources::PhraseGoesOn(size_t q, size_t se) const {
  const Word& w = w_[q];
  if (w.kind != TokenKind::kWord || Particle(w) || lex_.Is(w, "weekday") ||
      lex_.Is(w, "time_adj") || PointWord(q, se))
    return false;
  for (const DateMention& d : doc_->dates) {
    if (d.span.begin < w.span.end && w.span.begin < d.span.end) return false;
  }
  if (KeyStarts(w.bare, fk::kAl) || KeyStarts(w.bare, fk::kLl)) return true;
  // لوسائل الإعلام، لوكالة: whom the source spoke to, not its name.
  if (lex_.Is(w, "medium") || lex_.ClassOfKey(w.stem) == "medium") return false;
  return KeyStarts(w.bare, fk::kLam) && q + 1 < se &&
         KeyStarts(w_[q + 1].bare, fk::kAl);
}

// The end of a source phrase at word k (k when none starts there): a
// person or organisation of the entity stage, or a source head with the
// word in construct after an indefinite head (وزارة الصحة، مصادر طبية)
// and the definite words that qualify it (المرصد السوري لحقوق الإنسان).
// `named`: the word is known to name a source (a speaker's one word), so
// it needs to be no source head.
size_t ClaimSources::SourcePhraseEnd(size_t k, size_t se, bool named) const {
  if (k >= se || w_[k].kind != TokenKind::kWord) return k;
  size_t e = EntityEnd(k, se);
  if (e == k) {
    if (!named && !SourceHead(w_[k])) return k;
    e = k + 1;
    bool definite =
        KeyStarts(w_[k].bare, fk::kAl) || KeyStarts(w_[k].bare, fk::kLl);
    if (!definite && e < se && w_[e].kind == TokenKind::kWord &&
        !Particle(w_[e]))
      ++e;
    // مصدر عسكري سوري، وسائل إعلام محلية: an indefinite phrase goes on
    // with its relative adjectives.
    while (!definite && e < se && e < k + 4 && Nisba(e, se)) ++e;
  }
  while (e < se && e < k + 8) {
    size_t n = EntityEnd(e, se);
    if (n > e) {
      e = n;
    } else if (PhraseGoesOn(e, se)) {
      ++e;
    } else {
      break;
    }
  }
  return WhereEnd(e, se);
}

// Whether word q is an indefinite relative adjective (سوري، محلية، طبية)
// that may qualify a source: no particle, verb-like point word or date.
bool ClaimSources::Nisba(size_t q, size_t se) const {
  const Word& w = w_[q];
  if (w.kind != TokenKind::kWord || KeyStarts(w.bare, fk::kAl) ||
      w.bare.size() < 8 || Particle(w) || lex_.Is(w, "weekday") ||
      lex_.Is(w, "time_adj") || PointWord(q, se))
    return false;
  auto ends = [&](std::string_view x) {
    return w.key.size() > x.size() &&
           w.key.compare(w.key.size() - x.size(), x.size(), x) == 0;
  };
  return ends(fk::kYa) || ends(fk::kIyya);
}

// The end of a source phrase ending at e, taken on over where the source
// stands: في or لدى and a place or body the entity stage names (مصادر
// طبية في إقليم كردستان العراق، المبعوث الفلسطيني لدى الأمم المتحدة).
size_t ClaimSources::WhereEnd(size_t e, size_t se) const {
  if (e + 1 >= se || (w_[e].bare != fk::kFi && w_[e].key != fk::kLada))
    return e;
  // A place noun may come first (في إقليم كردستان العراق).
  size_t p = e + 1;
  if (p + 1 < se && lex_.Is(w_[p], "placenoun")) ++p;
  for (const EntityMention& m : doc_->entities) {
    if ((m.type != EntityType::kLocation &&
         m.type != EntityType::kOrganization) ||
        m.span.begin < w_[p].span.begin || m.span.begin >= w_[p].span.end)
      continue;
    size_t n = e + 1;
    while (n < se && w_[n].span.begin < m.span.end) ++n;
    return n;
  }
  return e;
}

// The display of a phrase whose first word k carries ل (للمرصد →
// المرصد، لوزارة → وزارة), not a root ل (لبنان).
std::string ClaimSources::NoLam(size_t k, std::string s) const {
  if (w_[k].stem == w_[k].bare || !KeyStarts(w_[k].bare, fk::kLam)) return s;
  return KeyStarts(s, fk::kLam) ? WithoutLam(s) : s;
}

// A quotation's speaker as a source: a hashtag written as words
// (#وحدات_حماية_الشعب → وحدات حماية الشعب), and a report noun before its
// author (أحدث حصيلة لوزارة الصحة → وزارة الصحة، بيان للجيش → الجيش).
std::string ClaimSources::SourceName(const std::string& speaker) const {
  std::string s;
  for (char ch : speaker) {
    if (ch == '#') continue;
    s += ch == '_' ? ' ' : ch;
  }
  std::vector<std::string_view> words = Split(s, ' ');
  size_t k = 0;
  for (; k < words.size() && k < 3; ++k) {
    Word w;
    w.key = lex_.Fold(words[k]);
    w.bare = w.key;
    w.stem = w.key;
    if (!pw_.Is(w, "doc_noun")) break;
  }
  if (k == 0 || k >= words.size() || !KeyStarts(words[k], "\xD9\x84")) return s;
  size_t at = words[k].data() - s.data();
  std::string rest = s.substr(at);
  return WithoutLam(rest);
}

// Index of the first word at or after byte `b`.
size_t ClaimSources::WordAt(uint32_t b) const {
  size_t i = 0;
  while (i < w_.size() && w_[i].span.end <= b) ++i;
  return i;
}

// The sentence's word range [*sb, *se) of word i.
void ClaimSources::SentenceOf(size_t i, size_t* sb, size_t* se) const {
  size_t s = static_cast<size_t>(w_[i].sentence);
  *sb = t_.sentence_first[s];
  *se = t_.sentence_end[s];
}

}  // namespace facts_internal
}  // namespace marsad
