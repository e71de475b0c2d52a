// Event finder: triggers per sentence, arguments from the same sentence.
//
// A sentence is the unit: news Arabic states an incident in one sentence
// ("قصف طيران التحالف قوات موالية قرب دير الزور") and its toll in the same or
// the next one ("أسفر الحادث عن إصابة 25"). Triggers come from
// data/facts/event_triggers.tsv; a refinable trigger (قصف، ضربة، هجوم) takes
// its mode from the strongest context word within five tokens (طائرات → air
// strike, هاون → shelling, انتحاري → suicide attack). Triggers of one PLOVER
// type in a sentence are one event unless their modes differ ("تعرضت لقصف
// من مدافع الهاون ... ثم لضربة من مروحيات" is shelling and an air strike).
// Two guards keep precision: an accident word (حادث مروري، حريق) turns the
// sentence's killings into an ACCIDENT, and sports vocabulary (مباراة،
// ركلة جزاء) silences generic attack words, which the sports pages use.
//
// Casualty figures come from the casualty scanner (casualty_scanner.cc,
// FindCasualties). A toll in a sentence without a trigger belongs to the
// last violent event of the three sentences before it; with none, it makes
// its own ASSAULT event. Arrests and kidnappings (اعتقل، القبض على،
// مختطفين) go to a COERCE event instead.
#include <algorithm>

#include "src/facts/facts.h"
#include "src/facts/lexicon.h"
#include "src/facts/util.h"

namespace marsad {

int QuoteContaining(const Document& doc, Span s) {
  int best = -1;
  for (size_t q = 0; q < doc.quotes.size(); ++q) {
    const Quote& x = doc.quotes[q];
    if (x.content.begin <= s.begin && s.end <= x.content.end)
      return static_cast<int>(q);
    if (best < 0 && x.span.begin <= s.begin && s.end <= x.span.end)
      best = static_cast<int>(q);
  }
  return best;
}

std::string_view QuoteModality(const FactsLexicon& lex, const WordTable& t,
                               const Document& doc, int q) {
  if (q < 0) return "asserted";
  size_t i = WordAt(t.words, doc.quotes[q].cue.begin);
  auto m = lex.cues.Find(t.words, i, t.words.size(), Forms::kBare);
  return m.payload < 0 ? "asserted"
                       : std::string_view(lex.cue_entries[m.payload].modality);
}

namespace {

struct Candidate {
  size_t b, e;  // trigger words
  const TriggerEntry* entry;
  std::string mode;
};

class EventFinder {
 public:
  EventFinder(Document* doc, const FinderContext& cx)
      : doc_(doc),
        text_(doc->text),
        w_(cx.table.words),
        t_(cx.table),
        lex_(cx.lex),
        cx_(cx) {}

  void Run() {
    doc_->events.clear();
    for (size_t s = 0; s < t_.sentences.size(); ++s) {
      if (t_.sentence_end[s] == 0) continue;
      Sentence(s, t_.sentence_first[s], t_.sentence_end[s]);
    }
  }

 private:
  bool IsWord(size_t i) const { return IsWordTok(w_[i]); }

  std::string RefinedMode(size_t b, size_t e, size_t sb, size_t se) const {
    int best = -1;
    std::string mode;
    size_t from = b > sb + 7 ? b - 7 : sb;
    for (size_t q = from; q < se && q < e + 5; ++q) {
      if (q >= b && q < e) continue;
      auto m = lex_.mode_context.Find(w_, q, se, Forms::kStem);
      if (m.payload < 0) continue;
      const ModeContextEntry& c = lex_.mode_entries[m.payload];
      if (c.priority > best) {
        best = c.priority;
        mode = c.mode;
      }
    }
    return mode;
  }

  std::vector<Candidate> Triggers(size_t b, size_t e) const {
    bool sports = false, accident = false;
    std::vector<PhraseTable::Match>& found = found_;  // trigger at each word
    found.resize(e - b);
    for (size_t q = b; q < e; ++q) {
      sports |= lex_.Is(w_[q], "sports");
      auto m = found[q - b] = lex_.triggers.Find(w_, q, e, Forms::kStem);
      accident |= m.payload >= 0 &&
                  lex_.trigger_entries[m.payload].plover == "ACCIDENT";
    }
    std::vector<Candidate> out;
    for (size_t q = b; q < e; ++q) {
      auto m = found[q - b];
      if (m.payload < 0) continue;
      const TriggerEntry& t = lex_.trigger_entries[m.payload];
      Candidate c{q, q + m.length, &t, t.mode};
      q += m.length - 1;
      if (t.plover == "ASSAULT" && accident &&
          (t.mode == "killing" || t.refine))
        continue;
      if (sports && (t.refine || t.plover == "FIGHT")) continue;
      if (t.refine) {
        std::string r = RefinedMode(c.b, c.e, b, e);
        if (!r.empty() && t.mode != "killing") c.mode = r;
      }
      out.push_back(std::move(c));
    }
    return out;
  }

  static bool Generic(const std::string& mode) {
    return mode.empty() || mode == "killing";
  }

  void Sentence(size_t s, size_t b, size_t e) {
    size_t first = doc_->events.size();
    for (const Candidate& c : Triggers(b, e)) {
      bool merged = false;
      for (size_t k = first; k < doc_->events.size() && !merged; ++k) {
        Event& ev = doc_->events[k];
        if (ev.plover != c.entry->plover) continue;
        if (ev.mode == c.mode || Generic(c.mode) || Generic(ev.mode)) {
          if (Generic(ev.mode) && !Generic(c.mode)) ev.mode = c.mode;
          if (ev.mode.empty() && !c.mode.empty()) ev.mode = c.mode;
          merged = true;
        }
      }
      if (merged) continue;
      Event ev;
      ev.plover = c.entry->plover;
      ev.mode = c.mode;
      ev.trigger = SpanOfWords(w_, c.b, c.e);
      ev.sentence = t_.sentences[s];
      doc_->events.push_back(std::move(ev));
    }
    for (size_t k = first; k < doc_->events.size(); ++k)
      Fill(&doc_->events[k], b, e);
    Casualties(s, b, e, first);
    DropUnsupported(first);
  }

  // A killing word with no toll, place or date is usually generic ("قضايا
  // القتل"، "التهديدات بالقتل"، "جرائم قتل" in a film's plot): dropped. (Tried
  // for every attack word too; on the gold set that lost more real events
  // than it removed figurative ones.)
  void DropUnsupported(size_t first) {
    auto& evs = doc_->events;
    size_t out = first;
    for (size_t k = first; k < evs.size(); ++k) {
      const Event& ev = evs[k];
      bool bare =
          ev.casualties.empty() && ev.location.empty() && ev.date.empty();
      if (ev.plover == "ASSAULT" && ev.mode == "killing" && bare) continue;
      if (out != k) evs[out] = std::move(evs[k]);
      ++out;
    }
    evs.resize(out);
  }

  void Casualties(size_t s, size_t b, size_t e, size_t first) {
    bool disease = false;
    for (size_t q = b; q < e; ++q) {  // also with a clitic: بالفيروس، من المرض
      disease |=
          lex_.Is(w_[q], "disease") || lex_.ClassOfKey(w_[q].stem) == "disease";
    }
    for (const CasualtyFound& c : FindCasualties(*doc_, cx_, b, e)) {
      // Arrests and kidnappings go to a COERCE event, harm to a violent one.
      bool coerce = c.kind == "arrested" || c.kind == "kidnapped";
      auto fits = [&](const Event& ev) {
        if (coerce) return ev.plover == "COERCE" || ev.mode == "abduction";
        return ev.plover == "ASSAULT" || ev.plover == "FIGHT" ||
               ev.plover == "ACCIDENT";
      };
      Event* target = nullptr;
      for (size_t k = first; k < doc_->events.size(); ++k) {
        Event& ev = doc_->events[k];
        if (!fits(ev)) continue;
        if (!target || ev.trigger.begin <= c.span.begin) target = &ev;
      }
      // "وقتلت الملاريا 584 ألفا": deaths of a sentence naming an illness
      // and no event of its own are no toll of an earlier attack.
      if (!target && disease) continue;
      if (!target && first > 0) {
        Event& last = doc_->events[first - 1];
        size_t ls = WordAt(w_, last.sentence.begin);
        bool near =
            ls < w_.size() && static_cast<size_t>(w_[ls].sentence) + 3 >= s;
        if (near && fits(last)) target = &last;
      }
      if (!target) {
        Event ev;
        ev.plover = coerce ? "COERCE" : "ASSAULT";
        if (c.kind == "arrested") ev.mode = "arrest";
        ev.trigger = c.span;
        ev.sentence = t_.sentences[s];
        doc_->events.push_back(std::move(ev));
        Fill(&doc_->events.back(), b, e);
        target = &doc_->events.back();
      }
      target->casualties.push_back({c.kind, c.number});
    }
  }

  // Noun phrase from h (actor or target): words until punctuation, a stop,
  // a relative pronoun or a preposition; at most five.
  Span Phrase(size_t h, size_t e, bool definite_only) const {
    size_t k = h;
    while (k < e && k < h + 5 && IsWord(k)) {
      if (k > h) {
        std::string_view cls = lex_.ClassOf(w_[k]);
        if (cls == "stop" || cls == "rel" || cls == "comp" ||
            lex_.Is(w_[k], "locprep"))
          break;
        if (lex_.cues.Find(w_, k, e, Forms::kBare).payload >= 0) break;
        if (lex_.triggers.Find(w_, k, e, Forms::kStem).payload >= 0) break;
        if (definite_only && !KeyStarts(w_[k].key, fk::kAl) &&
            !lex_.Is(w_[k], "actor_head"))
          break;
      }
      ++k;
    }
    return k > h ? SpanOfWords(w_, h, k) : Span{};
  }

  bool ActorHead(size_t q) const {
    if (lex_.Is(w_[q], "actor_head")) return true;
    std::string_view st = w_[q].stem;
    return lex_.ClassOfKey(st) == "actor_head" ||
           lex_.ClassOfKey(std::string(fk::kAl) + std::string(st)) ==
               "actor_head";
  }

  // Actor: "من قبل X"; else an armed-actor noun phrase before the trigger in
  // the same clause (SV: "طيران التحالف ... قصف"), leftmost head first; else
  // the genitive or subject right after it ("قصف طائرات التحالف").
  void Actor(Event* ev, size_t tb, size_t te, size_t b, size_t e) const {
    for (size_t q = te; q + 1 < e; ++q) {
      if (w_[q].bare == fk::kMin && w_[q + 1].key == fk::kQibal && q + 2 < e) {
        ev->actor_span = Phrase(q + 2, e, true);
        return;
      }
      if (w_[q].kind == TokenKind::kPunct) break;
    }
    size_t left = SIZE_MAX;
    for (size_t q = tb; q > b && q + 8 >= tb;) {
      --q;
      const Word& w = w_[q];
      if (w.kind == TokenKind::kPunct && !w.IsPunct("\xD8\x8C") &&
          !w.IsPunct(","))
        break;
      if (lex_.Is(w, "comp") ||
          lex_.cues.Find(w_, q, tb, Forms::kBare).payload >= 0)
        break;
      if (lex_.triggers.Find(w_, q, tb, Forms::kStem).payload >= 0) break;
      if (ActorHead(q)) left = q;
    }
    if (left != SIZE_MAX) {
      ev->actor_span = Phrase(left, tb, true);
      return;
    }
    if (te < e && ActorHead(te)) ev->actor_span = Phrase(te, e, true);
  }

  void Target(Event* ev, size_t tb, size_t te, size_t b, size_t e) const {
    size_t after_actor = te;
    if (!ev->actor_span.empty() &&
        ev->actor_span.begin >= w_[te < e ? te : e - 1].span.begin) {
      after_actor = WordAt(w_, ev->actor_span.end);
    }
    for (size_t q = te; q < e && q < te + 8; ++q) {
      if (w_[q].kind == TokenKind::kPunct) break;
      if ((w_[q].bare == fk::kDidd ||
           (w_[q].bare == fk::kAla && q <= te + 2)) &&
          q + 1 < e) {
        ev->target_span = Phrase(q + 1, e, false);
        return;
      }
    }
    // "تعرضت القوات لقصف": the subject of the passive-like verb.
    for (size_t q = b; q < tb; ++q) {
      if (w_[q].bare.substr(0, 8) == "\xD8\xAA\xD8\xB9\xD8\xB1\xD8\xB6" &&
          q + 1 < tb && KeyStarts(w_[q + 1].key, fk::kAl)) {
        ev->target_span = Phrase(q + 1, tb, true);
        return;
      }
    }
    // A verb-like trigger (قصف، قصفت، استهدف) takes its object after the
    // subject; a plural noun (هجمات) does not.
    std::string_view tk = w_[tb].bare;
    bool plural =
        tk.size() > 4 && tk.substr(tk.size() - 4) == "\xD8\xA7\xD8\xAA";  // ات
    bool verb = !KeyStarts(w_[tb].key, fk::kAl) && w_[tb].stem == w_[tb].bare &&
                !plural;
    // Not an adjective of the event itself (معارك عنيفة, قصف جوي): a
    // broken plural or a masdar reads like a verb here.
    if (verb && after_actor < e && IsWord(after_actor) &&
        !lex_.Is(w_[after_actor], "locprep") &&
        !lex_.Is(w_[after_actor], "manner") &&
        lex_.ClassOf(w_[after_actor]) != "stop") {
      ev->target_span = Phrase(after_actor, e, false);
    }
  }

  void Location(Event* ev, size_t b, size_t e, size_t tb) const {
    uint32_t lo = w_[b].span.begin, hi = w_[e - 1].span.end;
    for (const EntityMention& m : doc_->entities) {
      if (m.type == EntityType::kLocation && m.span.begin >= lo &&
          m.span.end <= hi && Locative(WordAt(w_, m.span.begin), b)) {
        ev->location_span = m.span;
        ev->location = m.canonical.empty() ? m.text : m.canonical;
        if (m.span.begin >= w_[tb].span.begin) return;
      }
    }
    if (!ev->location_span.empty()) return;
    Span best;
    for (size_t q = b; q < e; ++q) {
      auto m = lex_.places.Find(w_, q, e, Forms::kStem);
      if (m.payload < 0) continue;
      if (!Locative(q, b)) continue;
      size_t start = q;
      if (q > b && (lex_.Is(w_[q - 1], "placenoun") ||
                    lex_.ClassOfKey(w_[q - 1].stem) == "placenoun")) {
        start = q - 1;
      }
      best = SpanOfWords(w_, start, q + m.length);
      if (q >= tb) break;
    }
    if (!best.empty()) {
      ev->location_span = best;
      ev->location = DisplayOf(text_, best);
    }
  }

  // A place word in a locative context: written with ب (بدير الزور), or
  // after a locative preposition or a place noun (في، قرب، محافظة ...).
  bool Locative(size_t q, size_t b) const {
    if (q >= w_.size()) return false;
    if (KeyStarts(w_[q].bare, "\xD8\xA8") &&
        w_[q].stem.size() != w_[q].bare.size())
      return true;
    auto place_noun = [&](size_t x) {
      return lex_.Is(w_[x], "placenoun") ||
             lex_.ClassOfKey(w_[x].stem) == "placenoun";
    };
    if (q > b && (lex_.Is(w_[q - 1], "locprep") || place_noun(q - 1)))
      return true;
    return q > b + 1 && place_noun(q - 1) && lex_.Is(w_[q - 2], "locprep");
  }

  void Fill(Event* ev, size_t b, size_t e) {
    size_t tb = WordAt(w_, ev->trigger.begin), te = WordAt(w_, ev->trigger.end);
    if (tb >= e) tb = b;
    if (te > e || te <= tb) te = std::min(e, tb + 1);
    if (const AcledEntry* a = lex_.Acled(ev->plover, ev->mode)) {
      ev->acled_type = a->type;
      ev->acled_subtype = a->subtype;
    }
    Actor(ev, tb, te, b, e);
    Target(ev, tb, te, b, e);
    if (!ev->actor_span.empty())
      ev->actor = Strip(ev->actor_span, DisplayOf(text_, ev->actor_span));
    if (!ev->target_span.empty())
      ev->target = Strip(ev->target_span, DisplayOf(text_, ev->target_span));
    Location(ev, b, e, tb);
    Weapon(ev, b, e, tb);
    Date(ev, b, e, tb);
    Modality(ev, b, tb);
  }

  // Drops a preposition written on the phrase's first word (لقوات → قوات,
  // للجيش → الجيش), but not a root ل (لبنان).
  std::string Strip(Span span, std::string s) const {
    size_t q = WordAt(w_, span.begin);
    if (q >= w_.size() || w_[q].stem == w_[q].bare ||
        !KeyStarts(w_[q].bare, fk::kLam))
      return s;
    return KeyStarts(s, "\xD9\x84") ? WithoutLam(s) : s;
  }

  void Weapon(Event* ev, size_t b, size_t e, size_t tb) const {
    size_t best_d = SIZE_MAX;
    for (size_t q = b; q < e; ++q) {
      auto m = lex_.weapons.Find(w_, q, e, Forms::kStem);
      if (m.payload < 0) continue;
      size_t d = q > tb ? q - tb : tb - q;
      if (d < best_d) {
        best_d = d;
        ev->weapon = lex_.weapon_entries[m.payload];
        ev->weapon_span = SpanOfWords(w_, q, q + m.length);
      }
      q += m.length - 1;
    }
  }

  void Date(Event* ev, size_t b, size_t e, size_t tb) const {
    uint32_t lo = w_[b].span.begin, hi = w_[e - 1].span.end,
             at = w_[tb].span.begin;
    uint32_t best_d = UINT32_MAX;
    for (const DateMention& d : doc_->dates) {
      if (d.span.begin < lo || d.span.end > hi || d.value.empty()) continue;
      uint32_t dist = d.span.begin > at ? d.span.begin - at : at - d.span.begin;
      if (dist < best_d) {
        best_d = dist;
        ev->date = d.value;
        ev->date_span = d.span;
      }
    }
  }

  void Modality(Event* ev, size_t b, size_t tb) const {
    ev->quote = QuoteContaining(*doc_, ev->trigger);
    std::string_view m = QuoteModality(lex_, t_, *doc_, ev->quote);
    ev->modality = std::string(m);
    for (size_t q = tb; q > b && q + 6 >= tb;) {
      --q;
      if (q + 3 >= tb && lex_.Is(w_[q], "neg")) {
        ev->modality = "denied";
        return;
      }
      if (lex_.Is(w_[q], "allege")) ev->modality = "alleged";
      if (lex_.Is(w_[q], "hedge") && ev->modality == "asserted")
        ev->modality = "hedged";
    }
  }

  Document* doc_;
  std::string_view text_;
  const std::vector<Word>& w_;
  const WordTable& t_;
  const FactsLexicon& lex_;
  const FinderContext cx_;
  // Scratch of Triggers(): the trigger found at each word of a sentence.
  mutable std::vector<PhraseTable::Match> found_;
};

}  // namespace

void FactsFinder::FindEvents() { EventFinder(doc_, Context()).Run(); }

}  // namespace marsad
