// Claims: one per event argument and per presence assertion.
//
// A claim is the unit the story comparison lines up across outlets, so it
// carries its own provenance: its span is the words of that one assertion
// (the casualty phrase, the trigger, the argument), and its speaker and
// modality are those of the quotation containing those words — not of the
// event's trigger, since a report often gives the attack in its own voice
// and the toll "according to the ministry". Slots are stable strings the
// comparison and the web UI know: the casualty kinds (killed, injured,
// killed_or_injured, missing), "attack" (ASSAULT and FIGHT) or the lower-case
// PLOVER type, "actor", "target", "location", "date", "weapon", and
// "presence:<nation>_<kind>" for assertions and denials that soldiers of a
// nation were somewhere (وجود جنود روس / بينهم جنود روس / عدم وجود عسكريين روسيين).
#include <cmath>
#include <cstdio>

#include "src/facts/facts.h"
#include "src/facts/lexicon.h"
#include "src/facts/util.h"

namespace marsad {

namespace {

std::string FormatNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// "25", "~150", ">=20", "20-99".
std::string NumberValue(const NumberMention& n) {
  if (std::isinf(n.max)) return ">=" + FormatNumber(n.min);
  if (n.max > n.min) return FormatNumber(n.min) + "-" + FormatNumber(n.max);
  return (n.approximate ? "~" : "") + FormatNumber(n.value);
}

bool Reportable(const std::string& plover) {
  return plover == "ASSAULT" || plover == "FIGHT" || plover == "PROTEST" ||
         plover == "COERCE" || plover == "ACCIDENT";
}

class ClaimBuilder {
 public:
  explicit ClaimBuilder(Document* doc)
      : doc_(doc), w_(WordsOf(doc->text).words), lex_(FactsLexicon::Default()) {}

  void Run() {
    doc_->claims.clear();
    for (size_t i = 0; i < doc_->events.size(); ++i) Event(static_cast<int>(i));
    Presence();
  }

 private:
  void Add(std::string slot, std::string value, Span span, int event, std::string modality) {
    Claim c;
    c.slot = std::move(slot);
    c.value = std::move(value);
    c.span = span;
    c.event = event;
    int q = QuoteContaining(*doc_, span);
    if (q >= 0) c.speaker = doc_->quotes[q].speaker;
    c.modality = std::move(modality);
    if (c.modality == "asserted" && q >= 0) c.modality = std::string(QuoteModality(*doc_, q));
    doc_->claims.push_back(std::move(c));
  }

  void Event(int i) {
    const marsad::Event& e = doc_->events[i];
    if (!Reportable(e.plover)) return;
    std::string slot = e.plover == "ASSAULT" || e.plover == "FIGHT"
                           ? "attack"
                           : (e.mode == "arrest" ? "arrest" : Lower(e.plover));
    Add(slot, e.mode.empty() ? e.plover : e.plover + ":" + e.mode, e.trigger, i, e.modality);
    if (!e.actor.empty()) Add("actor", e.actor, e.actor_span, i, e.modality);
    if (!e.target.empty()) Add("target", e.target, e.target_span, i, e.modality);
    if (!e.location.empty()) Add("location", e.location, e.location_span, i, "asserted");
    if (!e.date.empty()) Add("date", e.date, e.date_span, i, "asserted");
    if (!e.weapon.empty()) Add("weapon", e.weapon, e.weapon_span, i, e.modality);
    for (const Casualty& c : e.casualties) {
      Add(c.kind, NumberValue(c.number), CasualtySpan(c.number.span), i,
          e.modality == "denied" ? "denied" : "asserted");
      Claim& cl = doc_->claims.back();
      cl.min = c.number.min;
      cl.max = c.number.max;
      cl.approximate = c.number.approximate;
    }
  }

  // The number's span widened to its counted noun or pair phrase.
  Span CasualtySpan(Span number) const {
    size_t s = 0;
    while (s < w_.size() && w_[s].span.end <= number.begin) ++s;
    if (s >= w_.size()) return number;
    const WordTable& t = WordsOf(doc_->text);
    size_t sent = static_cast<size_t>(w_[s].sentence);
    for (const CasualtyFound& c : FindCasualties(*doc_, t.sentence_first[sent],
                                                 t.sentence_end[sent])) {
      if (c.number.span == number) return c.span;
    }
    return number;
  }

  static std::string Lower(const std::string& s) {
    std::string out = s;
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }

  const PresenceEntry* At(size_t q, size_t e, size_t* len) const {
    auto m = lex_.presence.Find(w_, q, e, Forms::kStem);
    if (m.payload < 0) return nullptr;
    *len = m.length;
    return &lex_.presence_entries[m.payload];
  }

  // وجود/تواجد/بينهم + personnel + nation.
  void Presence() {
    const WordTable& t = WordsOf(doc_->text);
    for (size_t s = 0; s < t.sentences.size(); ++s) {
      size_t b = t.sentence_first[s], e = t.sentence_end[s];
      for (size_t q = b; q < e; ++q) {
        size_t len = 0;
        const PresenceEntry* mk = At(q, e, &len);
        if (!mk || (mk->cls != "marker_noun" && mk->cls != "marker_present")) continue;
        size_t p = q + len, plen = 0;
        const PresenceEntry* who = p < e ? At(p, e, &plen) : nullptr;
        if (!who || who->cls != "personnel") continue;
        size_t n = p + plen, nlen = 0;
        const PresenceEntry* nat = n < e ? At(n, e, &nlen) : nullptr;
        if (!nat || nat->cls != "nation") continue;
        size_t begin = q;
        bool neg = q > b && lex_.Is(w_[q - 1], "neg");
        if (neg) begin = q - 1;
        std::string modality = neg ? "denied" : "asserted";
        Span span = SpanOfWords(w_, begin, n + nlen);
        Add("presence:" + nat->key + "_" + who->key, modality, span, -1, modality);
        doc_->claims.back().value = doc_->claims.back().modality;
        q = n + nlen - 1;
      }
    }
  }

  Document* doc_;
  const std::vector<Word>& w_;
  const FactsLexicon& lex_;
};

}  // namespace

void BuildClaims(Document* doc) { ClaimBuilder(doc).Run(); }

}  // namespace marsad
