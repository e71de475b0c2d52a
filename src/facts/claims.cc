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
// nation were somewhere (وجود جنود روس / بينهم جنود روس / عدم وجود عسكريين
// روسيين).
//
// The story comparison lines up points, not only slots, so claims also say:
//  * the scope of a casualty figure (Claim::scope): the incident's own toll,
//    a wider total (منذ بداية الهجوم، منذ الأحد، خلال العملية، في خمسة أيام،
//    خلال الأيام الماضية، الحصيلة الإجمالية), a
//    part of a toll (بينهم 5 أطفال، اثنين من مواطنيها), a past event (ذكرى
//    مقتل 6، عام 2013) or "other", another happening (حكم بإعدام 75 متهما);
//  * assertions and denials beyond figures: "weapon:chemical" (استخدام
//    أسلحة كيماوية / غاز الكلور, denied by نفى ... / لا أثر), "responsibility"
//    (اتهم X، حمّل X المسؤولية، X يتحمل المسؤولية، تتحمل X المسؤولية، X هي
//    المسؤولة عن الهجوم، تبنى; نفى ضلوعه / مسؤوليته)
//    with the party (the whole named entity: الولايات المتحدة)
//    named as the value, and the modality of "attack" claims narrowed to a
//    real denial (a denial verb before the trigger, or a quotation whose cue
//    denies): "عدم استهداف المدنيين" urged by a diplomat denies nothing.
//  * "other:control" (سيطرت على المدينة; partial: على أحياء منها; denied)
//    and "other:election_fraud" (تزوير، تلاعب in a sentence about an
//    election; denied by a fair vote: انتخابات نزيهة);
//  * "other:interception": missiles, shells or aircraft intercepted
//    (اعترضت الدفاعات الجوية صاروخا; denied: حاولت إسقاطها لكنها فشلت)
//    or hitting their targets (أصاب الصاروخ هدفه; denied: قبل وصوله إلى
//    هدفه);
//  * a responsibility claim in noun form (أعلن داعش مسؤوليته), an
//    accusation only for a charge of violence (اتهم X بشن ...), its accuser
//    the subject between verb and party when no quotation names one.
//  * who holds each claim: the speaker of the quotation containing its
//    words; outside every quotation, the source its own sentence names
//    (وفقا للمرصد، بحسب مصادر طبية، the subject of وثق/أحصى/أعلنت فيه), else
//    "" (the outlet's voice). A bare head (المرصد، الحزب) is completed by the
//    article's fullest phrase beginning with it, a report noun names its
//    author (أحدث حصيلة لوزارة الصحة), a claimant, an accuser written before
//    its verb and the one who rejects accusations hold their claims;
//  * a denier that names another doer (X هي من قامت، متهما X) or denies its
//    own means (استهداف غاراته), its doing (لم يشن التحالف), its role (أي
//    دور لها), the accusations or the casualties (وقوع أي إصابات في
//    الاستهداف) denies its part or the toll, not that the attack happened;
//    a denial verb right before the trigger or before reports about it
//    (نفى ... ما تردد من أنباء عن) denies it whatever the quotation says;
//  * an accuser right after the verb with an object after it (اتهمت بريطانيا،
//    الأربعاء، أجهزة ...) is no accused.
//  * "other:allegation": an accusation whose charge is no act of violence
//    (اتهمت موظفة المدير بالتحرش، يواجه اتهامات بالفساد), the accused as the
//    value, and every denied or rejected accusation again as its denial
//    (نفى الاتهامات الموجهة إليه بالتحرش; bare: نفت بكين هذه المزاعم).
//  * "weapon:cause": what an explosion, crash or fire came from, an accident
//    (أسطوانة غاز، عطل فني) or a deliberate act (جهاز متفجر، عبوة ناسفة،
//    تفجير إرهابي), asserted, hedged or denied by its words.
// The words are data (data/facts/points.tsv).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "src/base/data.h"
#include "src/facts/claim_source.h"
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

class ClaimBuilder : public facts_internal::ClaimSources {
 public:
  ClaimBuilder(Document* doc, const FinderContext& cx)
      : ClaimSources(doc, cx) {}

  void Run() {
    doc_->claims.clear();
    for (size_t i = 0; i < doc_->events.size(); ++i) Event(static_cast<int>(i));
    Presence();
    Assertions();
  }

 private:
  // The claim's modality is `modality`, narrowed by its quotation's cue
  // (alleged, hedged, denied) unless `fixed` (a modality already decided
  // from the words themselves).
  void Add(std::string slot, std::string value, Span span, int event,
           std::string modality, bool fixed = false) {
    Claim c;
    c.slot = std::move(slot);
    c.value = std::move(value);
    c.span = span;
    c.event = event;
    int q = QuoteContaining(*doc_, span);
    c.speaker = SourceOf(
        span, c.slot == "responsibility" || c.slot.rfind("other:", 0) == 0);
    c.modality = std::move(modality);
    if (c.modality == "asserted" && q >= 0 && !fixed) {
      c.modality = std::string(QuoteModality(*doc_, q));
    }
    doc_->claims.push_back(std::move(c));
  }

  void Event(int i) {
    const marsad::Event& e = doc_->events[i];
    if (!Reportable(e.plover) || Ceasefire(e.trigger)) return;
    std::string slot = e.plover == "ASSAULT" || e.plover == "FIGHT"
                           ? "attack"
                           : (e.mode == "arrest" ? "arrest" : Lower(e.plover));
    bool fixed = false;
    // نفى الجيش قصف السوق، مؤكدا أن الجماعة هي من نفذت الهجوم: the denier
    // names another doer, it denies its part, not the attack.
    bool other_doer = slot == "attack" && e.modality == "denied" &&
                      CleftNear(WordAt(e.trigger.begin));
    std::string modality = other_doer ? "asserted" : AttackModality(e, &fixed);
    fixed |= other_doer;
    // نفت إيران أن تكون قد أطلقت الصواريخ: the denier denies its own act,
    // its part in the attack, not that the attack happened.
    bool own_act = slot == "attack" && modality == "denied" &&
                   (OwnActBefore(WordAt(e.trigger.begin)) ||
                    OwnMeansNear(WordAt(e.trigger.begin)));
    if (own_act) {
      modality = "asserted";
      fixed = true;
    }
    Add(slot, e.mode.empty() ? e.plover : e.plover + ":" + e.mode, e.trigger, i,
        modality, fixed);
    if (own_act || other_doer) {
      Add("responsibility", "denied", e.trigger, i, "denied", true);
    } else {
      OwnAttackDenied(e, slot);
    }
    if (!e.actor.empty()) Add("actor", e.actor, e.actor_span, i, e.modality);
    if (!e.target.empty())
      Add("target", e.target, e.target_span, i, e.modality);
    if (!e.location.empty())
      Add("location", e.location, e.location_span, i, "asserted");
    if (!e.date.empty()) Add("date", e.date, e.date_span, i, "asserted");
    if (!e.weapon.empty())
      Add("weapon", e.weapon, e.weapon_span, i, e.modality);
    for (const Casualty& c : e.casualties) {
      Add(c.kind, NumberValue(c.number), CasualtySpan(c.number.span), i,
          e.modality == "denied" ? "denied" : "asserted");
      Claim& cl = doc_->claims.back();
      cl.min = c.number.min;
      cl.max = c.number.max;
      cl.approximate = c.number.approximate;
      cl.scope = Scope(c.number.span);
    }
  }

  int PublishedYear() const {
    if (doc_->published.size() < 4) return 0;
    return std::atoi(doc_->published.substr(0, 4).c_str());
  }

  // incident | wider | part | past, from the words around a figure.
  std::string Scope(Span number) const {
    size_t i = WordAt(number.begin);
    if (i >= w_.size()) return "incident";
    size_t sb, se;
    SentenceOf(i, &sb, &se);
    size_t lo = i > sb + 10 ? i - 10 : sb, hi = std::min(se, i + 14);
    for (size_t q = i > sb + 3 ? i - 3 : sb; q < i; ++q) {
      if (pw_.Is(w_[q], "part")) return "part";
      // وبين الإصابات 4 حالات خطيرة: among the casualties, a part.
      if (w_[q].bare == fk::kBayn && q + 1 < i &&
          pw_.Is(w_[q + 1], "casualty_noun"))
        return "part";
    }
    // Another happening the report adds: a sentence or an execution of N
    // (حكم بإعدام 75 متهما، الإعدام لثلاثة) is no toll of the incident.
    for (size_t q = i > sb + 2 ? i - 2 : sb; q < i; ++q) {
      if (pw_.Is(w_[q], "other_event")) return "other";
    }
    // وفي واقعة منفصلة ... قتل سبعة: another incident the report adds.
    for (size_t q = sb + 1; q < i; ++q) {
      if (pw_.Is(w_[q], "separate") && pw_.Is(w_[q - 1], "event_noun"))
        return "other";
    }
    size_t n = i + 1;
    while (n < se && w_[n].span.begin < number.end) ++n;
    if (n < se && pw_.Is(w_[n], "part_noun")) return "part";
    // 3 منهم في حالة خطيرة: N of them, a subset of the toll before.
    if (n < se && pw_.Is(w_[n], "part")) return "part";
    // N of its nationals (مقتل اثنين من مواطنيها) counts a subset.
    if (n + 1 < se && w_[n].bare == "\xD9\x85\xD9\x86" &&  // من
        pw_.Is(w_[n + 1], "nationals"))
      return "part";
    int year = PublishedYear();
    for (size_t q = sb; q < se; ++q) {
      if (pw_.Is(w_[q], "past")) return "past";
    }
    // An earlier period a few words around the figure (وفي العام الماضي لقي
    // 48 شخصا، قتل فيها 200 شخص الأسبوع الماضي): an earlier toll.
    for (size_t q = i > sb + 6 ? i - 6 : sb; q + 1 < std::min(se, n + 5); ++q) {
      if (pw_.Is(w_[q], "past_period") && pw_.Is(w_[q + 1], "past_adj"))
        return "past";
    }
    for (size_t q = lo; q < hi; ++q) {
      const Word& w = w_[q];
      if (pw_.Is(w, "wider") || ThisYear(q, se)) return "wider";
      if (w.bare == "\xD9\x85\xD9\x86\xD8\xB0" && q + 1 < se &&
          q + 8 >= i) {  // منذ
        // A toll since a beginning, a date or a day is cumulative: منذ بداية
        // الهجوم، منذ 30 مارس، منذ الأحد (not منذ ساعات).
        const Word& next = w_[q + 1];
        if (pw_.Is(next, "since_wider") || next.kind == TokenKind::kNumber ||
            lex_.Is(next, "weekday")) {
          return "wider";
        }
      }
      if (pw_.Is(w, "span_days") && SpanOfDaysBefore(q, sb)) return "wider";
      if (pw_.Is(w, "wider_noun") && q > sb &&
          (w_[q - 1].bare == "\xD8\xAE\xD9\x84\xD8\xA7\xD9\x84" ||  // خلال
           w_[q - 1].bare == "\xD9\x85\xD9\x86\xD8\xB0")) {         // منذ
        return "wider";
      }
      if (w.kind == TokenKind::kNumber && w.key.size() == 4 && year > 0) {
        int y = std::atoi(w.key.c_str());
        if (y > 1900 && y < year && q != i) return "past";
      }
    }
    return "incident";
  }

  // The current year at word q (هذا العام، هذه السنة، العام الجاري): a
  // toll of the year so far. Not a date's year (في 12 مايو من العام الجاري).
  bool ThisYear(size_t q, size_t se) const {
    const Word& w = w_[q];
    if (!pw_.Is(w, "past_period") || pw_.Is(w, "past_adj")) return false;
    if (w.stem != fk::kAam && w.stem != fk::kSana) return false;
    if (q > 0 && pw_.Is(w_[q - 1], "this_det")) return true;
    return q + 1 < se && pw_.Is(w_[q + 1], "this_adj") &&
           (q == 0 || w_[q - 1].bare != fk::kMin);
  }

  // خلال/في/منذ within three words before the span word q: "في خمسة أيام",
  // "خلال الأيام القليلة" (a toll over days, not the incident's).
  bool SpanOfDaysBefore(size_t q, size_t sb) const {
    for (size_t k = q > sb + 3 ? q - 3 : sb; k < q; ++k) {
      std::string_view b = w_[k].bare;
      if (b == fk::kKhilal || b == fk::kFi || b == fk::kMundh) return true;
    }
    return false;
  }

  // A denial verb among the `back` words before word i of its sentence.
  bool DeniedBefore(size_t i, size_t back) const {
    size_t sb, se;
    SentenceOf(i, &sb, &se);
    for (size_t q = i; q > sb && q + back >= i;) {
      --q;
      if (pw_.Is(w_[q], "deny")) return true;
      if (lex_.Is(w_[q], "neg")) {  // لا صحة، لم يعثر على أي أثر
        for (size_t k = q + 1; k < std::min({se, q + 5, i}); ++k) {
          if (pw_.Is(w_[k], "nofact")) return true;
        }
      }
    }
    return false;
  }

  // A denial of one's part in an attack rather than of the attack: an
  // involvement word before the trigger (نفى ضلوع روسيا في القصف) or an
  // accusation of another party in the sentence (نفى ... متهما الحوثيين).
  // Responsibility() makes its claim.
  bool ResponsibilityDenial(size_t i) const {
    size_t sb, se;
    SentenceOf(i, &sb, &se);
    // An involvement word with its pronoun too (نفت موسكو ضلوعها في الهجوم),
    // or a denied role (نفت موسكو أي دور لها في الهجوم، أي علاقة بالهجوم).
    for (size_t q = i > sb + 6 ? i - 6 : sb; q < i; ++q) {
      if (pw_.Starts(w_[q], "involve")) return true;
      if (pw_.Is(w_[q], "role") && DeniedBefore(q, 3)) return true;
    }
    // Further back in the sentence, a denied involvement or accusation
    // (نفت روسيا أي ضلوع لها في القضية، وألمحت إلى أن ... نفذت الهجوم؛
    // تنفي الاتهامات البريطانية بممارسة هذه الهجمات).
    for (size_t q = sb; q < i; ++q) {
      if ((pw_.Starts(w_[q], "involve") || pw_.Is(w_[q], "accusation")) &&
          DeniedBefore(q, 3))
        return true;
    }
    // An accusation in the sentence, before the trigger too (نفى ... متهما
    // الحوثيين بالوقوف وراء الهجمات التي أسقطت): the attack is asserted.
    for (size_t q = sb; q < se; ++q) {
      if (pw_.Is(w_[q], "accuse")) return true;
    }
    return false;
  }

  // تنفي الحكومة استهداف المدنيين: a denial that the attack at trigger i
  // hit civilians (a civilian population right after the trigger) denies
  // whom it hit, not that it happened.
  bool CiviliansDenied(size_t i) const {
    size_t sb, se;
    SentenceOf(i, &sb, &se);
    for (size_t q = i + 1; q < std::min(se, i + 3); ++q) {
      if (pw_.PopulationOf(w_[q].key) == "pop_civilian") return true;
    }
    return false;
  }

  // The words between a denial verb (at most ten words before trigger i,
  // in its sentence) and the trigger: *from is the verb's word; false when
  // there is none.
  bool DenialBefore(size_t i, size_t* from) const {
    size_t sb, se;
    SentenceOf(i, &sb, &se);
    for (size_t q = i; q > sb && q + 10 >= i;) {
      --q;
      if (pw_.Is(w_[q], "deny")) {
        *from = q;
        return true;
      }
    }
    return false;
  }

  // Whether a word of class `cls` stands between a denial verb and trigger i.
  bool DeniedThrough(size_t i, const char* cls) const {
    size_t from = 0;
    if (!DenialBefore(i, &from)) return false;
    for (size_t q = from + 1; q < i; ++q) {
      if (pw_.Is(w_[q], cls)) return true;
    }
    return false;
  }

  // نفى ... كل ما تردد من أنباء عن وفاة الرئيس: reports about the trigger
  // denied.
  bool ReportsDenied(size_t i) const { return DeniedThrough(i, "report_noun"); }

  // نفت الوزارة وقوع أي إصابات في الاستهداف: the toll of the attack at
  // trigger i denied, not the attack.
  bool CasualtiesDenied(size_t i) const {
    return DeniedThrough(i, "casualty_noun");
  }

  // The denier's own means beside trigger i (التحالف ينفي استهداف غاراته،
  // نفت قصف طائراتها): its own act is denied, not the attack.
  bool OwnMeansNear(size_t i) const {
    if (i >= w_.size()) return false;
    size_t sb, se;
    SentenceOf(i, &sb, &se);
    for (size_t q = i > sb + 2 ? i - 2 : sb; q < std::min(se, i + 3); ++q) {
      if (pw_.Is(w_[q], "own_means")) return true;
    }
    return false;
  }

  // A cleft at word q: هو/هي/هم من + a verb of doing (مليشيات الحوثي هي من
  // قامت باستهداف الحديدة): the party before it is the doer.
  bool CleftAt(size_t q, size_t se) const {
    return q + 2 < se && pw_.Is(w_[q], "cleft_pronoun") &&
           (w_[q + 1].key == fk::kMin || lex_.Is(w_[q + 1], "rel")) &&
           pw_.Starts(w_[q + 2], "doer_verb");
  }

  // "لم يشن التحالف غارات"، "نافيا شن التحالف أي ضربات": a negated or
  // denied act of doing at word q, its doer after it, denies that party's
  // responsibility (not that the attack happened).
  bool DoingDenied(size_t q, size_t sb, size_t se) {
    if (!DoingDeniedAt(q, se)) return false;
    Span span = SpanOfWords(w_, q, std::min(se, q + 5));
    Add("responsibility", "denied", span, -1, "denied", true);
    return true;
  }

  // The words DoingDenied reads at q: a negated doing verb or a denied
  // doing noun, its doer a party within three words after it (لم ينفذ أي
  // فرد في التحالف: within five).
  bool DoingDeniedAt(size_t q, size_t se) const {
    if (q + 2 >= se) return false;
    bool negated = lex_.Is(w_[q], "neg") && pw_.Starts(w_[q + 1], "doer_verb");
    bool denied = pw_.Is(w_[q], "deny") && pw_.Is(w_[q + 1], "doer_noun");
    if (!negated && !denied) return false;
    for (size_t k = q + 2; k < std::min(se, q + 7); ++k) {
      if (!lex_.Is(w_[k], "stop") && IsParty(k, k + 1)) return true;
    }
    return false;
  }

  // نافيا شن التحالف أي ضربات في المنطقة: a party's doing denied shortly
  // before trigger i (or at it) denies that party's part, not that the
  // attack happened; DoingDenied makes the responsibility claim.
  bool DoingDeniedNear(size_t i) const {
    if (i >= w_.size()) return false;
    size_t sb, se;
    SentenceOf(i, &sb, &se);
    for (size_t q = i > sb + 6 ? i - 6 : sb; q <= i && q < se; ++q) {
      if (DoingDeniedAt(q, se)) return true;
    }
    return false;
  }

  // A cleft after word i in its sentence, or one whose verb governs it
  // (وألمحت إلى أن أجهزة الأمن هي التي نفذت الهجوم).
  bool CleftNear(size_t i) const {
    if (i >= w_.size()) return false;
    size_t sb, se;
    SentenceOf(i, &sb, &se);
    for (size_t q = i > sb + 4 ? i - 4 : sb; q < se; ++q) {
      if (q != i && CleftAt(q, se) && (q > i || q + 2 < i)) return true;
    }
    return false;
  }

  // responsibility: the party of a cleft at q (أن مليشيات الحوثي، هي من
  // قامت ...), the first party word after the clause's start within six
  // words before the pronoun.
  bool Cleft(size_t q, size_t sb, size_t se) {
    size_t party = q, from = q > sb + 6 ? q - 6 : sb;
    for (size_t k = q; k > from;) {
      --k;
      if (lex_.Is(w_[k], "comp") || w_[k].IsPunct(".")) break;
      if (!lex_.Is(w_[k], "stop") && w_[k].kind == TokenKind::kWord &&
          IsParty(k, k + 1))
        party = k;
    }
    if (party == q) return false;
    Span span = SpanOfWords(w_, party, std::min(se, q + 3));
    Add("responsibility", PartyAt(party, q), span, -1,
        AssertionModality(q, span));
    return true;
  }

  // "أن تكون قد" / "أن يكون قد" shortly before trigger i: the subject of the
  // denied clause is the denier itself (نفت إيران أن تكون قد ردت).
  bool OwnActBefore(size_t i) const {
    if (i >= w_.size()) return false;
    size_t sb, se;
    SentenceOf(i, &sb, &se);
    for (size_t q = i > sb + 6 ? i - 6 : sb; q + 1 < i; ++q) {
      if (pw_.Is(w_[q], "own_act") &&
          w_[q + 1].bare == "\xD9\x82\xD8\xAF")  // قد
        return true;
    }
    return false;
  }

  // A party that denies its own attack (نفى المتحدث باسم التحالف أن تكون
  // غارات التحالف قد استهدفت ...) also denies its responsibility: the
  // attack claim just added is denied and a word of its actor is a word of
  // its speaker.
  void OwnAttackDenied(const marsad::Event& e, const std::string& slot) {
    const Claim& attack = doc_->claims.back();
    if (slot != "attack" || attack.modality != "denied" || e.actor.empty() ||
        attack.speaker.empty()) {
      return;
    }
    std::string speaker = lex_.Fold(attack.speaker), actor = lex_.Fold(e.actor);
    std::set<std::string_view> words;
    for (std::string_view w : Split(speaker, ' ')) words.insert(w);
    bool own = false;
    for (std::string_view w : Split(actor, ' ')) {
      own |= w.size() > 4 && words.count(w) > 0;  // more than two letters
    }
    if (own)
      Add("responsibility", "denied", attack.span, attack.event, "denied",
          true);
  }

  // "وقف إطلاق النار", "هدنة": a halt to fighting names no attack.
  bool Ceasefire(Span trigger) const {
    size_t i = WordAt(trigger.begin);
    if (i >= w_.size() || i == 0) return false;
    return pw_.Is(w_[i - 1], "halt");
  }

  // An attack is denied only by a denial: a denial verb shortly before the
  // trigger, a quotation whose cue denies, or "عدم وقوع". A denial of one's
  // part in it (نفى ضلوع روسيا في القصف) leaves the attack asserted, also
  // inside the denier's quotation (*fixed).
  //
  // A denial verb right before the trigger (أكدت فيه أن الهيئة تنفي
  // اختطاف الطائرة) or before reports about it (نفى ... كل ما تردد من
  // أنباء عن وفاة الرئيس) denies it whatever the quotation around it says.
  // A denial of casualties of the attack named after them (نفت الوزارة وقوع
  // أي إصابات في الاستهداف) leaves the attack asserted.
  std::string AttackModality(const marsad::Event& e, bool* fixed) const {
    size_t i = WordAt(e.trigger.begin);
    if (i >= w_.size()) return e.modality == "denied" ? "asserted" : e.modality;
    bool denial = DeniedBefore(i, 2) || ReportsDenied(i);
    if (e.modality != "denied" && !denial) return e.modality;
    if (ResponsibilityDenial(i) || CiviliansDenied(i) || CasualtiesDenied(i) ||
        DoingDeniedNear(i)) {
      *fixed = true;
      return "asserted";
    }
    if (denial) *fixed = true;
    if (denial || DeniedBefore(i, 6)) return "denied";
    if (QuoteModality(*doc_, QuoteContaining(*doc_, e.trigger)) == "denied")
      return "denied";
    if (i > 0 && w_[i - 1].stem == "\xD9\x88\xD9\x82\xD9\x88\xD8\xB9")
      return "denied";  // وقوع
    return "asserted";
  }

  // The number's span widened to its counted noun or pair phrase.
  Span CasualtySpan(Span number) const {
    size_t s = 0;
    while (s < w_.size() && w_[s].span.end <= number.begin) ++s;
    if (s >= w_.size()) return number;
    const WordTable& t = t_;
    size_t sent = static_cast<size_t>(w_[s].sentence);
    for (const CasualtyFound& c :
         FindCasualties(*doc_, t.sentence_first[sent], t.sentence_end[sent])) {
      if (c.number.span == number) return c.span;
    }
    return number;
  }

  static std::string Lower(const std::string& s) {
    std::string out = s;
    for (char& c : out)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }

  // The modality of an assertion at word i: denied by a denial before it
  // or by its quotation's cue, alleged or hedged by its quotation or an
  // allegation word before it.
  std::string AssertionModality(size_t i, Span span) const {
    int q = QuoteContaining(*doc_, span);
    std::string m(QuoteModality(*doc_, q));
    if (m == "denied" || DeniedBefore(i, 10)) return "denied";
    size_t sb, se;
    SentenceOf(i, &sb, &se);
    for (size_t k = i > sb + 6 ? i - 6 : sb; k < i; ++k) {
      if (lex_.Is(w_[k], "allege")) return "alleged";
      if (lex_.Is(w_[k], "hedge") && m == "asserted") m = "hedged";
    }
    return m;
  }

  bool IsChemical(size_t q, size_t sb, size_t se) const {
    if (pw_.Is(w_[q], "chem")) return true;
    if (!pw_.Is(w_[q], "gas")) return false;
    if (q > sb && pw_.Is(w_[q - 1], "tear")) return false;
    if (q + 1 < se && (pw_.Is(w_[q + 1], "tear") || pw_.Is(w_[q + 1], "chem")))
      return !pw_.Is(w_[q + 1], "tear");
    if (q + 1 < se &&
        (w_[q + 1].stem == fk::kSam || w_[q + 1].stem == fk::kSama ||
         w_[q + 1].bare == fk::kAsab)) {
      return true;
    }
    return false;
  }

  // weapon:chemical and responsibility claims, sentence by sentence.
  void Assertions() {
    const WordTable& t = t_;
    for (size_t s = 0; s < t.sentences.size(); ++s) {
      size_t b = t.sentence_first[s], e = t.sentence_end[s];
      bool chem = false, resp = false, fraud = false, control = false,
           acc = false, cause = false, doer = false, intent = false,
           legal = false, talks = false, began = false, alleged = false;
      // The modality of the sentence's last interception and hit claims:
      // another is made only when it differs (intercepted, then denied).
      std::string intercept_m, hit_m;
      for (size_t q = b; q < e; ++q) {
        if (!doer) doer = Doer(q, b, e);
        if (!chem && IsChemical(q, b, e)) {
          chem = true;
          size_t from = q > b + 1 ? q - 2 : b;
          Span span = SpanOfWords(w_, from, std::min(e, q + 2));
          bool fabricated = Fabricated(q, b, e);
          std::string m = fabricated ? "denied" : AssertionModality(q, span);
          // تنفي روسيا مسؤوليتها في قضية التسميم بغاز الأعصاب: a denial of
          // one's part is no denial that the agent was used.
          if (m != "denied" || fabricated || !PartBefore(q, b))
            Add("weapon:chemical", m == "denied" ? "denied" : "used", span, -1,
                m);
        }
        if (!cause) cause = Cause(q, b, e);
        if (!intent) intent = Intent(q, b, e);
        if (!legal) legal = Legality(q, b, e);
        if (!talks) talks = Talks(q, b, e);
        if (!began) began = Began(q, b, e);
        Interception(q, b, e, &intercept_m);
        Hit(q, b, e, intercept_m, &hit_m);
        if (!control &&
            (pw_.Is(w_[q], "control") || pw_.Is(w_[q], "control_noun"))) {
          control = Control(q, b, e);
        }
        if (!fraud && (pw_.Is(w_[q], "fraud") || pw_.Is(w_[q], "fair")))
          fraud = ElectionFraud(q, b, e);
        if (!resp && pw_.Is(w_[q], "bear")) resp = Bears(q, b, e);
        if (!resp && pw_.Is(w_[q], "resp_adj")) resp = Responsible(q, b, e);
        if (!resp && CleftAt(q, e)) resp = Cleft(q, b, e);
        if (!resp) resp = DoingDenied(q, b, e);
        // The denied accusation leaves room for the accusation it answers.
        size_t made = doc_->claims.size();
        if (!acc && !chem && pw_.Is(w_[q], "accusation"))
          acc = AccusationDenied(q, b, e);
        if (!resp && pw_.Starts(w_[q], "involve") && !DeniedBefore(q, 5))
          resp = Announced(q, b, e);
        if (!resp && (pw_.Is(w_[q], "accuse") || pw_.Is(w_[q], "claim") ||
                      pw_.Is(w_[q], "blame") || pw_.Starts(w_[q], "involve"))) {
          resp = Responsibility(q, b, e);
        }
        // An accusation that holds no one responsible for an attack (its
        // charge is no violence, or its accused is no party) is an
        // allegation.
        if (!alleged && doc_->claims.size() == made &&
            (pw_.Is(w_[q], "accuse") || pw_.Is(w_[q], "accusation"))) {
          alleged = Allegation(q, b, e);
        }
      }
    }
  }

  // "weapon:cause" at word q: what an explosion, a crash or a fire came from,
  // an accident (انفجار أسطوانة غاز، عطل فني، تماس كهربائي، تسرب غاز: a
  // points.tsv accident_head with an accident_tail after it) or a deliberate
  // act (جهاز متفجر، عبوة ناسفة، قنبلة يدوية، تفجير إرهابي: explosive, or
  // terror_adj after terror_act), with the modality of its words (استبعد أن
  // يكون عطلا فنيا: an accident denied). Tear-gas and stun grenades (قنابل
  // مسيلة للدموع، قنابل الغاز، قنابل صوتية) are no explosive.
  bool Cause(size_t q, size_t b, size_t e) {
    std::string value;
    if (q + 1 < e && pw_.Is(w_[q], "accident_head") &&
        pw_.Is(w_[q + 1], "accident_tail")) {
      value = "accident";
    } else if (pw_.Is(w_[q], "explosive") &&
               !(q + 1 < e &&
                 (pw_.Is(w_[q + 1], "tear") || pw_.Is(w_[q + 1], "gas") ||
                  pw_.Is(w_[q + 1], "not_explosive")))) {
      value = "deliberate";
    } else if (q > b && pw_.Is(w_[q], "terror_adj") &&
               pw_.Is(w_[q - 1], "terror_act")) {
      value = "deliberate";
    }
    if (value.empty()) return false;
    // Only as the cause of an explosion, a crash or a fire in the sentence
    // (الانفجار ناجم عن عبوة ناسفة، جهاز متفجر تسبب بالانفجار): drones
    // loaded with explosives in an earlier raid, a nuclear bomb in a
    // comparison or a fault that leaked passwords say nothing of it.
    bool about_cause = false;
    for (size_t k = b; k < e && !about_cause; ++k)
      about_cause = pw_.Is(w_[k], "cause_context");
    if (!about_cause) return false;
    size_t from = q > b ? q - 1 : q;
    Span span = SpanOfWords(w_, from, std::min(e, q + 2));
    Add("weapon:cause", value, span, -1, AssertionModality(q, span), true);
    return true;
  }

  // "other:deliberate": whether an attack's killing or shooting was meant,
  // its word near the attack's: deliberate (متعمد، عمدا، عن قصد؛ a sniper,
  // قناص, aims at whom it hits) or a mistake (بالخطأ، عن طريق الخطأ،
  // عن غير قصد), deliberate denied by a negation shortly before its word
  // (لم يتم إطلاق نار مباشر ومتعمد باتجاهها، غير متعمد) or a denial.
  bool Intent(size_t q, size_t b, size_t e) {
    std::string value = pw_.Is(w_[q], "deliberate") ? "deliberate"
                        : pw_.Is(w_[q], "mistake")  ? "mistake"
                                                    : "";
    if (value.empty() || !AttackNear(q, b, e)) return false;
    size_t from = q;
    std::string m = AssertionModality(q, SpanOfWords(w_, q, q + 1));
    for (size_t k = q > b + 6 ? q - 6 : b; k < q && value == "deliberate";
         ++k) {
      if (lex_.Is(w_[k], "neg") ||
          (k + 1 == q && pw_.Is(w_[k], "not_intent"))) {
        m = "denied";
        from = k;
      }
    }
    // A mistake denied is no claim either way (لم يكن خطأ: deliberate).
    if (value == "mistake" && m == "denied")
      value = "deliberate", m = "asserted";
    Span span = SpanOfWords(w_, from, std::min(e, q + 1));
    Add("other:deliberate", value, span, -1, m, true);
    return true;
  }

  // Whether word w carries the article (ال، بال، لل): a noun, not a verb.
  static bool Definite(const Word& w) {
    static constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";   // ال
    static constexpr std::string_view kLil = "\xD9\x84\xD9\x84";  // لل
    std::string_view b = w.bare;
    if (b.substr(0, kAl.size()) == kAl || b.substr(0, kLil.size()) == kLil)
      return true;
    // ب/ك/ل then ال: one letter of two bytes before the article.
    return b.size() > 2 + kAl.size() && b.substr(2, kAl.size()) == kAl;
  }

  // "other:legality": whether an act, a building or a body is lawful.
  // Illegal: غير with a legality adjective (غير قانوني، غير شرعية، غير
  // مشروع، غير دستوري), a legality noun after عدم (بعدم قانونية), a breach
  // of the law (مخالف للقانون، انتهاك صارخ للقانون الدولي، مخالفة
  // دستورية). Legal: a legality noun without the article recognized by a
  // verb within four words before it (اعترفت محكمة بقانونية مستوطنة، أقرت
  // بمشروعية الإجراء); not recognized (لم تعترف، رفض الاعتراف بشرعية) is
  // illegal. Goods and people called illegal (الهجرة غير الشرعية، الأموال
  // غير المشروعة: points.tsv not_legality before غير) are no point of the
  // story. The modality is its words' (نفى أن يكون البناء غير قانوني: illegal
  // denied, which agrees with legal).
  bool Legality(size_t q, size_t b, size_t e) {
    std::string value;
    size_t from = q, to = q + 1;
    if (pw_.Is(w_[q], "gheir") && q + 1 < e && pw_.Is(w_[q + 1], "legal_adj")) {
      if (q > b && pw_.Is(w_[q - 1], "not_legality")) return false;
      value = "illegal";
      to = q + 2;
    } else if ((pw_.Is(w_[q], "legal_noun") || pw_.Is(w_[q], "legit_noun")) &&
               q > b && pw_.Is(w_[q - 1], "without")) {
      value = "illegal";
      from = q - 1;
    } else if (pw_.Is(w_[q], "breach")) {
      for (size_t k = q + 1; k < std::min(e, q + 3) && value.empty(); ++k) {
        if (pw_.Is(w_[k], "law_noun") || pw_.Is(w_[k], "legal_noun")) {
          value = "illegal";
          to = k + 1;
        }
      }
    } else if ((pw_.Is(w_[q], "legal_noun") || pw_.Is(w_[q], "legit_noun")) &&
               !Definite(w_[q]) && q + 1 < e &&
               w_[q + 1].kind == TokenKind::kWord) {
      // A government's legitimacy recognized (الاعتراف بشرعية الحكومة) is
      // politics, no lawful act: legit_noun counts only when refused.
      bool legit = !pw_.Is(w_[q], "legal_noun");
      for (size_t k = q > b + 4 ? q - 4 : b; k < q && value.empty(); ++k) {
        if (!pw_.Is(w_[k], "recognize")) continue;
        bool refused = false;
        for (size_t n = k > b + 2 ? k - 2 : b; n < k; ++n) {
          refused |= lex_.Is(w_[n], "neg") || pw_.Is(w_[n], "reject") ||
                     pw_.Is(w_[n], "deny");
        }
        if (legit && !refused) break;
        value = refused ? "illegal" : "legal";
        from = k;
        to = q + 2;
      }
    }
    if (value.empty()) return false;
    Span span = SpanOfWords(w_, from, std::min(e, to));
    Add("other:legality", value, span, -1, AssertionModality(from, span), true);
    return true;
  }

  // "other:talks": the outcome of talks. An agreement reached (توصل
  // الطرفان إلى اتفاق، تم التوصل إلى تسوية), progress made (أحرزنا تقدما،
  // تم إحراز تقدم) or failure (فشلت المحادثات، انهيار المفاوضات، فشلوا في
  // التوصل إلى اتفاق، لم يتم التوصل إلى اتفاق، دون إحراز أي تقدم). A noun
  // of reaching or making progress with neither تم nor a negation before it
  // (سعيا للتوصل إلى اتفاق، نأمل في إحراز تقدم) is an aim: no claim, and
  // so is an outcome recalled, expected or awaited (points.tsv talks_off,
  // talks_expect).
  bool Talks(size_t q, size_t b, size_t e) {
    bool reach = false, progress = false, failed = false;
    size_t from = q, to = q + 1;
    if (pw_.Is(w_[q], "reach")) {
      for (size_t k = q + 1; k < std::min(e, q + 4) && !reach; ++k) {
        reach = pw_.Is(w_[k], "deal_noun");
        to = k + 1;
      }
    } else if (pw_.Is(w_[q], "progress_verb") && q + 1 < e) {
      for (size_t k = q + 1; k < std::min(e, q + 3) && !progress; ++k) {
        progress = pw_.Is(w_[k], "progress_noun");
        to = k + 1;
      }
    } else if (pw_.Is(w_[q], "fail") || pw_.Is(w_[q], "collapse")) {
      // فشلت المحادثات، انهيار المفاوضات؛ فشل ... في التوصل is read at
      // the reach word.
      for (size_t k = q + 1; k < std::min(e, q + 3) && !failed; ++k) {
        failed = pw_.Is(w_[k], "talks_noun");
        to = k + 1;
      }
    } else if (pw_.Is(w_[q], "talks_noun") && q + 1 < e &&
               (pw_.Is(w_[q + 1], "fail") || pw_.Is(w_[q + 1], "collapse"))) {
      failed = true;  // المفاوضات فشلت
      to = q + 2;
    }
    if (!reach && !progress && !failed) return false;
    if (!failed) {
      bool done = false;
      for (size_t k = q > b + 3 ? q - 3 : b; k < q; ++k) {
        if (lex_.Is(w_[k], "neg") || pw_.Is(w_[k], "without") ||
            pw_.Is(w_[k], "fail")) {
          // ما لم يتم تحقيق تقدم: unless, a condition.
          if (k > b && w_[k - 1].bare == "\xD9\x85\xD8\xA7") return false;
          failed = true;
          from = std::min(from, k);
        }
        done |= pw_.Is(w_[k], "done");
      }
      // A noun with no تم before it names an aim.
      bool noun = Definite(w_[q]) || pw_.Is(w_[q], "masdar");
      if (!failed && noun && !done) return false;
    }
    // An outcome recalled, expected or awaited (بعد فشل المفاوضات، توقع
    // فشل القادة في التوصل، حتى يتم التوصل، ما لم يتم تحقيق تقدم): another
    // moment's or none, no claim.
    for (size_t k = from > b + 7 ? from - 7 : b; k < from; ++k) {
      if (pw_.Is(w_[k], "talks_expect") ||
          (k + 4 >= from && pw_.Is(w_[k], "talks_off")))
        return false;
    }
    std::string value = failed ? "failed" : reach ? "agreed" : "progress";
    Span span = SpanOfWords(w_, from, std::min(e, to));
    Add("other:talks", value, span, -1, AssertionModality(from, span), true);
    return true;
  }

  // "other:began": whether an act an analyst watches (a demolition, an
  // eviction, a withdrawal, an evacuation: points.tsv act_noun) has begun.
  // A beginning verb (شرع، بدأت، باشرت) with the act noun within five words
  // after it (شرع الجيش بهدم القرية), or the act noun within three words
  // before it (عملية الهدم لم تبدأ); denied by a negation just before the
  // verb (لم تبدأ حتى الآن). The value is the act noun's stem, so that
  // a demolition begun and a withdrawal not begun are two points' positions
  // that never meet.
  bool Began(size_t q, size_t b, size_t e) {
    bool present = pw_.Is(w_[q], "begin_present");
    if (!present && !pw_.Is(w_[q], "begin_verb")) return false;
    bool negated = false;
    for (size_t k = q > b + 2 ? q - 2 : b; k < q; ++k)
      negated |= lex_.Is(w_[k], "neg");
    // يبدأ without لم is a plan (من المقرر أن يبدأ الهدم): no claim.
    if (present && !negated) return false;
    size_t act = e;
    for (size_t k = q + 1; k < std::min(e, q + 6) && act == e; ++k) {
      if (pw_.Is(w_[k], "act_noun")) act = k;
      if (w_[k].IsPunct("\xD8\x8C") || w_[k].IsPunct(",")) break;
    }
    for (size_t k = q > b + 3 ? q - 3 : b; k < q && act == e; ++k) {
      if (pw_.Is(w_[k], "act_noun")) act = k;
    }
    if (act == e) return false;
    size_t from = std::min(act, q), to = std::max(act, q) + 1;
    if (negated) from = std::min(from, q > b + 2 ? q - 2 : b);
    Span span = SpanOfWords(w_, from, std::min(e, to));
    std::string m = negated ? "denied" : AssertionModality(q, span);
    Add("other:began", std::string(w_[act].stem), span, -1, m, true);
    return true;
  }

  // Whether sentence [sb, se) names an earlier year than the report's (a
  // digest line "13 سبتمبر 2016: إسرائيل تنفي ...") or an anniversary
  // (ذكرى): its interception or hit is another, earlier happening's.
  bool EarlierYear(size_t sb, size_t se) const {
    int year = PublishedYear();
    for (size_t q = sb; q < se; ++q) {
      const Word& w = w_[q];
      if (pw_.Is(w, "past")) return true;
      if (w.kind != TokenKind::kNumber || w.key.size() != 4 || year <= 0)
        continue;
      int y = std::atoi(w.key.c_str());
      if (y > 1900 && y < year) return true;
    }
    return false;
  }

  // A projectile (صاروخ، قذيفة، طائرة) or an air defence (الدفاعات،
  // منظومة، القبة الحديدية; دفاع only before جوي) at word k.
  bool Projectile(size_t k, size_t e) const {
    if (pw_.Starts(w_[k], "projectile") || pw_.Is(w_[k], "air_defence"))
      return true;
    return w_[k].stem == fk::kDifa && k + 1 < e && w_[k + 1].stem == fk::kJawwi;
  }

  // "other:interception", intercepted: an interception word (اعترضت
  // الدفاعات الجوية صاروخا، تصدت لها وأسقطتها، تم اعتراض بعض الصواريخ)
  // with a projectile or an air defence within four words; denied by a
  // negation or without just before (لم يتم اعتراض، دون اعتراض) or a
  // failure a few words after (حاولت إسقاط الطائرات لكنها فشلت). "اعتراض
  // على القرار" (an objection) names no projectile; a sentence of an
  // earlier year is another happening's. No claim when it would
  // repeat the modality `*last_m` of the sentence's last one.
  void Interception(size_t q, size_t b, size_t e, std::string* last_m) {
    if (!pw_.Starts(w_[q], "intercept") || pw_.Is(w_[q], "not_intercept"))
      return;
    size_t first = q, last = q;
    for (size_t k = q > b + 4 ? q - 4 : b; k < std::min(e, q + 5); ++k) {
      if (k == q || !Projectile(k, e)) continue;
      first = std::min(first, k);
      last = std::max(last, k);
    }
    if ((first == q && last == q) || EarlierYear(b, e)) return;
    bool denied = false;
    for (size_t k = q > b + 3 ? q - 3 : b; k < q && !denied; ++k) {
      if (lex_.Is(w_[k], "neg") || pw_.Is(w_[k], "without")) {
        denied = true;
        first = std::min(first, k);
      }
    }
    for (size_t k = q + 1; k < std::min(e, q + 7) && !denied; ++k) {
      if (pw_.Starts(w_[k], "fail")) {
        denied = true;
        last = std::max(last, k);
      }
    }
    Span span = SpanOfWords(w_, first, last + 1);
    std::string m = denied ? "denied" : AssertionModality(q, span);
    if (m == *last_m) return;
    *last_m = m;
    Add("other:interception", "intercepted", span, -1, m, true);
  }

  // "other:interception", hit: a hit verb with its target within two words
  // after (أصاب الصاروخ هدفه، الضربات أصابت أهدافا، حققت أهدافها، وصل إلى
  // هدفه) in a sentence with a projectile or a strike noun; denied by a
  // negation, a prevention, a failure or "before" shortly before it (لم يصب
  // هدفه، منعته من تحقيق أهدافه، تمنع معظمها من الوصول، قبل وصوله إلى
  // هدفه), which agrees with an interception. No claim when it would
  // repeat the modality `*last_m` of the sentence's last one, or for a hit
  // of some after an interception claim of the sentence (its modality
  // `intercept_m`, "" when none).
  void Hit(size_t q, size_t b, size_t e, const std::string& intercept_m,
           std::string* last_m) {
    if (!pw_.Is(w_[q], "hit_verb")) return;
    size_t target = e;
    for (size_t k = q + 1; k < std::min(e, q + 4) && target == e; ++k) {
      if (pw_.Starts(w_[k], "target_noun")) target = k;
    }
    if (target == e) return;
    bool strike = false;
    for (size_t k = b; k < e && !strike; ++k)
      strike = Projectile(k, e) || pw_.Is(w_[k], "strike_noun");
    if (!strike || EarlierYear(b, e)) return;
    // تتصدى لعشرات الصواريخ وبعضها يصيب هدفه: a partial interception.
    if (!intercept_m.empty() && q > b && pw_.Is(w_[q - 1], "some_part")) return;
    size_t first = q;
    bool denied = false;
    for (size_t k = q > b + 4 ? q - 4 : b; k < q && !denied; ++k) {
      if (lex_.Is(w_[k], "neg") || pw_.Is(w_[k], "prevent") ||
          pw_.Starts(w_[k], "fail") || pw_.Is(w_[k], "before_hit")) {
        denied = true;
        first = k;
      }
    }
    Span span = SpanOfWords(w_, first, target + 1);
    std::string m = denied ? "denied" : AssertionModality(q, span);
    if (m == *last_m) return;
    *last_m = m;
    Add("other:interception", "hit", span, -1, m, true);
  }

  // Whether the trigger of an attack of a known mode (a shooting, a killing,
  // an air strike; not a bare هجوم إلكتروني) stands within five words of
  // word q in its sentence [b, e): the intent is the attack's, not a leak's
  // (التسريب المتعمد) elsewhere in the sentence; or a shot or a strike
  // word (points.tsv fire_noun, strike_noun) within three words before it
  // in a sentence with such an attack.
  bool AttackNear(size_t q, size_t b, size_t e) const {
    auto attack_in = [&](Span s) {
      for (const marsad::Event& ev : doc_->events) {
        if (ev.plover == "ASSAULT" && !ev.mode.empty() &&
            ev.trigger.begin >= s.begin && ev.trigger.end <= s.end)
          return true;
      }
      return false;
    };
    if (attack_in(SpanOfWords(w_, q > b + 5 ? q - 5 : b, std::min(e, q + 6))))
      return true;
    // A shot or a strike word just before, in a sentence with an attack
    // (تم إطلاق عدد من الطلقات ولم يتم إطلاق نار مباشر ومتعمد).
    bool fire = false;
    for (size_t k = q > b + 3 ? q - 3 : b; k < q; ++k)
      fire |= pw_.Is(w_[k], "fire_noun") || pw_.Is(w_[k], "strike_noun");
    return fire && attack_in(SpanOfWords(w_, b, e));
  }

  // The denier of an involvement word at q outside every quotation: the
  // source between the denial verb and it (نفت السفارة الروسية تورطها), else
  // the subject before that verb; "" when none.
  std::string Denier(size_t q, size_t sb) const {
    for (size_t k = q; k > sb && k + 5 >= q;) {
      --k;
      if (!pw_.Is(w_[k], "deny")) continue;
      size_t e = SourcePhraseEnd(k + 1, q);
      return e > k + 1 ? PhraseSource(k + 1, e) : SubjectBefore(k, sb);
    }
    return "";
  }

  // An involvement word (مسؤوليتها، ضلوعها) among the words of its sentence
  // before word q.
  bool PartBefore(size_t q, size_t sb) const {
    for (size_t k = sb; k < q; ++k) {
      if (pw_.Starts(w_[k], "involve") || pw_.Is(w_[k], "accusation"))
        return true;
    }
    return false;
  }

  // A report called fabricated in the sentence (مفبركة، مسرحية، أكاذيب)
  // within twelve words of word q denies what it reports.
  bool Fabricated(size_t q, size_t sb, size_t se) const {
    for (size_t k = q > sb + 12 ? q - 12 : sb; k < std::min(se, q + 13); ++k) {
      if (pw_.Is(w_[k], "fabricated")) return true;
    }
    return false;
  }

  // "other:election_fraud" at a fraud word (تزوير، تلاعب، مخالفات) or a
  // fairness word (نزيهة، شفافية) of a sentence about an election:
  // fraud asserted (or alleged), or denied (no fraud, a fair vote; a
  // fairness word under doubt or negation asserts fraud).
  bool ElectionFraud(size_t q, size_t sb, size_t se) {
    bool election = false;
    for (size_t k = sb; k < se; ++k) election |= pw_.Is(w_[k], "election");
    if (!election) return false;
    bool doubted = false, negated = false;
    for (size_t k = q > sb + 4 ? q - 4 : sb; k < q; ++k) {
      doubted |= pw_.Is(w_[k], "doubt");
      negated |= lex_.Is(w_[k], "neg") || pw_.Is(w_[k], "without");
    }
    bool fair = pw_.Is(w_[q], "fair");
    size_t from = q > sb + 2 ? q - 3 : sb;
    Span span = SpanOfWords(w_, from, std::min(se, q + 3));
    std::string m = AssertionModality(q, span);
    bool denied = fair ? !(doubted || negated) : (m == "denied" || negated);
    if (denied)
      m = "denied";
    else if (m == "denied")
      m = "asserted";
    Add("other:election_fraud", denied ? "denied" : "asserted", span, -1, m,
        true);
    return true;
  }

  // The control noun at word q is claimed: a take verb within eight words
  // before it (أحكمت القوات السيطرة، أعلن ... السيطرة) or full after it
  // (السيطرة الكاملة), before `over` (its على).
  bool Taken(size_t q, size_t sb, size_t over) const {
    for (size_t k = q > sb + 8 ? q - 8 : sb; k < q; ++k) {
      if (pw_.Is(w_[k], "take")) return true;
    }
    for (size_t k = q + 1; k < over; ++k) {
      if (pw_.Is(w_[k], "full")) return true;
    }
    return false;
  }

  // "other:control" at a control word over a place (سيطرت على، السيطرة
  // الكاملة على): asserted, partial (على أحياء منها، على أجزاء) or denied
  // (نفى السيطرة، لم تسيطر). Control without "على" (الخاضعة لسيطرة
  // المعارضة) describes, it claims nothing.
  bool Control(size_t q, size_t sb, size_t se) {
    size_t over = se;
    for (size_t k = q + 1; k < std::min(se, q + 4) && over == se; ++k) {
      if (w_[k].bare == fk::kAla) over = k;
    }
    if (over == se) return false;
    // Control of no place (سيطر الإنجليز على معظم المباراة، السيطرة على
    // الحريق): points.tsv not_place right after على or after a part word.
    for (size_t k = over + 1; k < std::min(se, over + 3); ++k) {
      if (pw_.Is(w_[k], "not_place")) return false;
      if (!pw_.Is(w_[k], "part_place")) break;
    }
    if (pw_.Is(w_[q], "control_noun") && !Taken(q, sb, over)) return false;
    bool partial = over + 1 < se && pw_.Is(w_[over + 1], "part_place");
    bool negated = DeniedBefore(q, 5) || (q > sb && lex_.Is(w_[q - 1], "neg"));
    size_t from = q > sb ? q - 1 : q;
    Span span = SpanOfWords(w_, from, std::min(se, over + 3));
    std::string value = negated ? "denied" : partial ? "partial" : "asserted";
    std::string m = negated ? "denied" : AssertionModality(q, span);
    if (m == "denied" && !negated) m = "asserted";
    Add("other:control", value, span, -1, m, true);
    return true;
  }

  // Accusations rejected or denied (رفضت السلطات الاتهامات الموجهة لها،
  // نفى الاتهامات، "اتهامات لا أساس لها"): a denial of responsibility.
  bool AccusationDenied(size_t q, size_t sb, size_t se) {
    size_t from = q;
    for (size_t k = q > sb + 4 ? q - 4 : sb; k < q && from == q; ++k) {
      if (pw_.Is(w_[k], "reject") || pw_.Is(w_[k], "deny")) from = k;
    }
    bool baseless = false;
    for (size_t k = q + 1; k + 1 < std::min(se, q + 4); ++k) {
      baseless |= lex_.Is(w_[k], "neg") && pw_.Is(w_[k + 1], "nofact");
    }
    if (from == q && !baseless) return false;
    Span span = SpanOfWords(w_, from, std::min(se, q + (baseless ? 4 : 2)));
    Add("responsibility", "denied", span, -1, "denied", true);
    // Who rejects: the subject after the verb (رفضت السلطات الاتهامات), else
    // the one before the verb or the accusation (ونددت زاخاروفا بـ"اتهامات").
    Claim& claim = doc_->claims.back();
    if (QuoteContaining(*doc_, span) >= 0) return AllegationDenied(from, q, se);
    std::string who;
    if (from < q && SourcePhraseEnd(from + 1, q) > from + 1)
      who = PhraseSource(from + 1, SourcePhraseEnd(from + 1, q));
    if (who.empty()) who = SubjectBefore(from, sb);
    if (who.empty() && from == q && q > sb + 1 &&
        SourcePhraseEnd(q - 1, q) == q)
      who = PhraseSource(q - 1, q);
    if (!who.empty()) claim.speaker = who;
    return AllegationDenied(from, q, se);
  }

  // The denial AccusationDenied made last, again as one of an allegation,
  // its words running on to a charge named within five words (نفى
  // الاتهامات الموجهة إليه بالتحرش), else ending at the accusation and
  // its filler words (نفت بكين هذه المزاعم: a bare denial): the comparison
  // ties it to the allegation it answers.
  bool AllegationDenied(size_t from, size_t q, size_t se) {
    size_t end = q + 1;
    for (size_t k = q + 1; k < std::min(se, q + 6); ++k) {
      const Word& w = w_[k];
      if (w.kind != TokenKind::kWord) break;
      if (pw_.Is(w, "allegation_filler")) {
        if (end == k) end = k + 1;
        continue;
      }
      if (w.key.compare(0, 2, "\xD8\xA8") == 0 &&
          w.bare.size() >= w.stem.size() + 2 && !IsParty(k, k + 1)) {
        end = std::min(se, k + 3);
        break;
      }
    }
    Claim denial = doc_->claims.back();
    denial.slot = "other:allegation";
    denial.span = SpanOfWords(w_, from, end);
    doc_->claims.push_back(std::move(denial));
    return true;
  }

  // "other:allegation" at word q: an accusation verb or noun with its charge
  // (اتهمت الشرطة المدير بالتحرش، يواجه اتهامات بالفساد): the first word with
  // a ب proclitic within nine words of the verb (four of the noun) that is
  // no party; the accused is the last party before it, its accuser the
  // words between the verb and the accused, else the subject before the
  // verb. The value is the accused ("" when none is named). An accusation
  // denied or rejected (نفى الاتهامات) is AccusationDenied's; a charge of
  // violence the responsibility point's. The
  // comparison sets an allegation against a denial only when its charge is
  // the story's subject and the denial is the accused's.
  bool Allegation(size_t q, size_t b, size_t e) {
    // رفض الوزير، فلان، الجمعة، اتهامات وجهت إلى ...: a denial or a
    // rejection anywhere before it in the sentence, or a negation just
    // before it.
    if (DeniedBefore(q, 10)) return false;
    for (size_t k = q > b + 10 ? q - 10 : b; k < q; ++k) {
      if (pw_.Is(w_[k], "reject") || (k + 3 > q && lex_.Is(w_[k], "neg")))
        return false;
    }
    bool noun = pw_.Is(w_[q], "accusation");
    size_t charge = e, accused = e, end = std::min(e, q + (noun ? 5 : 10));
    bool aside = false;
    for (size_t k = q + 1; k < end && charge == e; ++k) {
      const Word& w = w_[k];
      if (w.IsPunct("(")) aside = true;
      if (aside || w.IsQuoteMark()) {
        if (w.IsPunct(")")) aside = false;
        continue;
      }
      if (IsComma(w)) continue;
      if (w.kind != TokenKind::kWord) break;
      if (lex_.Is(w, "stop")) continue;
      if (IsParty(k, k + 1) || OfNation(k, end)) {
        if (!noun) accused = k;
        continue;
      }
      bool ba = w.key.compare(0, 2, "\xD8\xA8") == 0 && w.key != fk::kBism &&
                w.bare.size() >= w.stem.size() + 2 && w.stem.size() >= 6;
      if (ba) charge = k;
    }
    // A charge of violence (بشن، بالوقوف وراء) or a clause (بأنه) is the
    // responsibility point's, with or without a party named.
    if (charge == e || pw_.Starts(w_[charge], "charge")) return false;
    Span span = SpanOfWords(w_, q, std::min(e, charge + 4));
    std::string m = AssertionModality(q, span);
    if (m == "denied") return false;
    Add("other:allegation", accused < e ? PartyAt(accused, e) : "", span, -1,
        m);
    Claim& claim = doc_->claims.back();
    if (noun || QuoteContaining(*doc_, span) >= 0) return true;
    std::string who = accused < e ? Accuser(q, accused) : "";
    if (who.empty()) who = SubjectBefore(q, b);
    if (who.empty()) who = StatementAuthor(q, b, e);
    if (!who.empty()) claim.speaker = who;
    return true;
  }

  // A claim of responsibility in noun form: "أعلن تنظيم داعش مسؤوليته عن
  // الهجوم", "داعش يعلن تبنيه الهجوم": an announcement verb within six
  // words before the responsibility noun, the party between them or just
  // before the verb. "لم تعلن أي جهة مسؤوليتها" claims nothing.
  bool Announced(size_t q, size_t sb, size_t se) {
    size_t a = q;
    for (size_t k = q > sb + 6 ? q - 6 : sb; k < q; ++k) {
      if (pw_.Is(w_[k], "announce")) a = k;
    }
    if (a == q) return false;
    for (size_t k = a > sb + 2 ? a - 2 : sb; k < a; ++k) {
      if (lex_.Is(w_[k], "neg")) return false;
    }
    size_t party = se;
    for (size_t k = a + 1; k < q && party == se; ++k) {
      if (!lex_.Is(w_[k], "stop") && IsParty(k, k + 1)) party = k;
    }
    for (size_t k = a; k > sb && k + 3 > a && party == se;) {
      --k;
      if (!lex_.Is(w_[k], "stop") && IsParty(k, k + 1)) party = k;
    }
    if (party == se) return false;
    Span span = SpanOfWords(w_, std::min(party, a), std::min(se, q + 1));
    Add("responsibility", PartyAt(party, se), span, -1, "asserted", true);
    // The claimant speaks for itself (أصدرت حركة طالبان بيانا أعلنت
    // مسؤوليتها).
    Claim& claim = doc_->claims.back();
    if (QuoteContaining(*doc_, span) < 0) {
      size_t pb = PartyBegin(party);  // حركة طالبان: with its title
      claim.speaker =
          pb > sb && pw_.Is(w_[pb - 1], "party_title")
              ? DisplayOf(doc_->text, w_[pb - 1].span) + " " + claim.value
              : claim.value;
    }
    return true;
  }

  // A party is an actor: a named entity (when NER ran) or an actor noun
  // (الجيش، الحوثيين، التحالف ...).
  bool IsParty(size_t b, size_t e) const {
    Span s = SpanOfWords(w_, b, e);
    for (const EntityMention& m : doc_->entities) {
      if (m.span.begin < s.end && s.begin < m.span.end &&
          m.type != EntityType::kMisc)
        return true;
    }
    for (size_t k = b; k < e; ++k) {
      if (lex_.Is(w_[k], "actor_head") || pw_.Is(w_[k], "party_noun")) {
        return true;
      }
    }
    return false;
  }

  // The party named after an accusation verb (its object), or "" (also when
  // the charge that follows is no act of violence): the last
  // actor before the ب of the charge (اتهم المتحدث باسم الشرطة جماعة مسلحة
  // بتنفيذ ...; متهما الحوثيين بالوقوف ...) within eight words. An aside in
  // parentheses or quote marks does not end the clause. A party right after
  // the verb with an object after it (اتهمت بريطانيا، الأربعاء، أجهزة
  // المخابرات ...، اتهمت السلطات البلجيكية رجلا) is the accuser, the
  // subject: the accused is no party named, "".
  std::string PartyAfter(size_t q, size_t se, size_t* at = nullptr) const {
    size_t party = se, first = se, end = std::min(se, q + 9);
    bool aside = false;
    for (size_t k = q + 1; k < end; ++k) {
      const Word& w = w_[k];
      if (w.IsPunct("(")) aside = true;
      if (aside || w.IsQuoteMark()) {
        if (w.IsPunct(")")) aside = false;
        continue;
      }
      // A comma or a hashtag sign inside the clause (وحمّل الرئيس، #عباس ...).
      if (w.IsPunct("\xD8\x8C") || w.IsPunct(",") || w.IsPunct("#")) continue;
      // A hashtag in the clause is a name (اتهم فيه حركة #حماس بالوقوف خلف
      // ...، حمّل #محمود_عباس الحكومة ...): a party.
      if (w.kind == TokenKind::kHashtag) {
        if (first == se) first = k;
        party = k;
        continue;
      }
      if (w.kind != TokenKind::kWord) {
        end = k;
        break;
      }
      if (first == se && !lex_.Is(w, "stop")) first = k;
      bool charge = w.key.compare(0, 2, "\xD8\xA8") == 0 &&
                    w.key != fk::kBism && k > q + 1;
      if (pw_.Is(w, "involve") || pw_.Is(w, "led_by")) {
        end = k;  // حمّل X المسؤولية; التحالف بقيادة السعودية
        break;
      }
      // The charge is of violence (بشن، بقصف، بارتكاب، بالوقوف وراء) or a
      // clause (بأنه); "اتهم موسكو بوضع العصي" holds no one responsible.
      if (charge && !pw_.Starts(w, "charge")) return "";
      if (charge) {
        end = k;
        break;
      }
      if (!lex_.Is(w, "stop") && (IsParty(k, k + 1) || OfNation(k, end)))
        party = k;
    }
    if (party == se) return "";
    if (PartyBegin(party) == first && ObjectAfter(party, end)) return "";
    if (pw_.Is(w_[q], "accuse") && !ViolentChargeAfter(end, se)) return "";
    if (at) *at = party;
    return PartyAt(party, se);
  }

  // Whether the charge that follows an accusation's long party phrase, past
  // PartyAfter's window and before the clause ends, may be an act of
  // violence (a claim, تبنى X ... أو ما يعرف بـ، has no charge): its first
  // ب word (اتهم فريق المحققين المحامي فلان فان دير زوان بالإدلاء
  // بتصريحات خاطئة: a false statement, no one held responsible for an
  // attack; اتُهم فلان الذي يعمل من لندن لدى مكتب ... بالكذب). True when
  // no charge is read there.
  bool ViolentChargeAfter(size_t from, size_t se) const {
    for (size_t k = from; k < std::min(se, from + 8); ++k) {
      const Word& w = w_[k];
      if (w.IsPunct("\xD8\x8C") || w.IsPunct(",")) return true;
      if (w.kind != TokenKind::kWord || pw_.Is(w, "led_by") ||
          pw_.Is(w, "involve"))
        return true;
      if (w.key.compare(0, 2, "\xD8\xA8") == 0 && w.key != fk::kBism)
        return pw_.Starts(w, "charge");
    }
    return true;
  }

  // A definite noun with a nation's adjective after it (وحملت لندن وواشنطن
  // الدولة الروسية المسؤولية، السلطات البريطانية): a party of that nation
  // (presence.tsv nation).
  bool OfNation(size_t k, size_t end) const {
    if (k + 1 >= end || !KeyStarts(w_[k].bare, fk::kAl)) return false;
    size_t len = 0;
    const PresenceEntry* nat = At(k + 1, end, &len);
    return nat != nullptr && nat->cls == "nation";
  }

  // Whether a content word follows the party at word `party` before word
  // `end`, past the party's own words (its named entity, else the word and
  // a definite adjective: الحكومة البريطانية).
  bool ObjectAfter(size_t party, size_t end) const {
    size_t k = party + 1;
    for (const EntityMention& m : doc_->entities) {
      if (m.type == EntityType::kMisc || m.span.begin > w_[party].span.begin ||
          w_[party].span.end > m.span.end)
        continue;
      while (k < end && w_[k].span.end <= m.span.end) ++k;
    }
    if (k == party + 1 && k < end && w_[k].kind == TokenKind::kWord &&
        w_[k].bare.size() > w_[k].stem.size() && !IsParty(k, k + 1))
      ++k;  // الحكومة البريطانية
    for (; k < end; ++k) {
      const Word& w = w_[k];
      if (w.kind == TokenKind::kWord && !lex_.Is(w, "stop")) return true;
    }
    return false;
  }

  // The first word of the party at word `party`: the start of its named
  // entity, else the word.
  size_t PartyBegin(size_t party) const {
    size_t b = party;
    for (const EntityMention& m : doc_->entities) {
      if (m.type == EntityType::kMisc || m.span.begin > w_[party].span.begin ||
          w_[party].span.end > m.span.end) {
        continue;
      }
      while (b > 0 && w_[b - 1].span.begin >= m.span.begin) --b;
    }
    return b;
  }

  // The accuser of "اتهمت الخارجية الأميركية روسيا ...": the words between
  // the verb and the party, when there are any; a hashtag among them as
  // words (وحمّل الرئيس الفلسطيني، #محمود_عباس الحكومة: الرئيس الفلسطيني
  // محمود عباس).
  std::string Accuser(size_t q, size_t party) const {
    size_t b = q + 1, e = PartyBegin(party);
    auto word = [&](size_t k) {
      return w_[k].kind == TokenKind::kWord ||
             w_[k].kind == TokenKind::kHashtag;
    };
    while (b < e && !word(b)) ++b;
    // حملت الولايات المتحدة حركة حماس: "حركة" is the party's, not the
    // accuser's.
    while (e > b && (!word(e - 1) || pw_.Is(w_[e - 1], "party_title"))) --e;
    if (b >= e || lex_.Is(w_[b], "stop")) return "";
    return SourceName(DisplayOf(doc_->text, SpanOfWords(w_, b, e)));
  }

  // The author of the statement an accusation is made in (أصدر السفير ...
  // بيانا اتهم فيه حركة حماس ...): the verb followed by its resumptive
  // "in which" (points.tsv in_which), the first source phrase of the
  // sentence before it with a name set off by commas after it (أما السفير
  // لدى الأمم المتحدة، فلان الفلاني، فأصدر); "" otherwise.
  std::string StatementAuthor(size_t q, size_t sb, size_t se) const {
    if (q + 1 >= se || !pw_.Is(w_[q + 1], "in_which")) return "";
    for (size_t k = sb; k < q; ++k) {
      size_t e = SourcePhraseEnd(k, q);
      if (e == k) continue;
      std::string who = PhraseSource(k, e);
      size_t n = e + 1 < q && IsComma(w_[e]) ? EntityEnd(e + 1, q) : e + 1;
      if (n > e + 1 && n < q && IsComma(w_[n]))
        who += " " + DisplayOf(doc_->text, SpanOfWords(w_, e + 1, n));
      return who;
    }
    return "";
  }

  static bool IsComma(const Word& w) {
    return w.IsPunct("\xD8\x8C") || w.IsPunct(",");
  }

  // The party's words from word `party`: the whole named entity it is in
  // (الولايات المتحدة, not المتحدة), else the word and one adjective or
  // second name (جماعة مسلحة، الجيش الإسرائيلي) that is no responsibility
  // word (حماس المسؤولية).
  std::string PartyAt(size_t party, size_t se) const {
    // A hashtag as words (#محمود_عباس: محمود عباس).
    if (w_[party].kind == TokenKind::kHashtag)
      return SourceName(DisplayOf(doc_->text, w_[party].span));
    for (const EntityMention& m : doc_->entities) {
      if (m.type == EntityType::kMisc || m.span.begin > w_[party].span.begin ||
          w_[party].span.end > m.span.end) {
        continue;
      }
      return DisplayOf(doc_->text, m.span);
    }
    size_t e = party + 1;
    if (e < se && w_[e].kind == TokenKind::kWord && !lex_.Is(w_[e], "stop") &&
        !pw_.Is(w_[e], "involve") && !pw_.Is(w_[e], "bear") &&
        w_[e].key.compare(0, 2, "\xD8\xA8") != 0) {
      ++e;
    }
    return DisplayOf(doc_->text, SpanOfWords(w_, party, e));
  }

  // The doer of a strike in the words that name it (responsibility:doer):
  // aircraft or a strike noun (points.tsv aircraft, strike_noun) with an
  // air adjective at most (طائرات حربية، غارة جوية), then the party, over
  // an affiliation word (طائرات تابعة للتحالف) or in construct (غارات
  // التحالف، طيران التحالف الدولي), or a nation's adjective of a party of
  // data/facts/parties.tsv (ضربة إسرائيلية، طائرة أمريكية). Aircraft are a
  // doer only in a sentence with a strike (a strike noun or a doer verb).
  // A denied strike (نفى أن تكون غارات التحالف قد استهدفت) is left to the
  // denials; the comparison sets a doer only against a denial of its own
  // party, never against another doer (two sides of an exchange of fire).
  bool Doer(size_t q, size_t b, size_t e) {
    bool aircraft = pw_.Is(w_[q], "aircraft");
    if (!aircraft && !pw_.Is(w_[q], "strike_noun")) return false;
    size_t k = q + 1;
    if (k < e && pw_.Is(w_[k], "air_adj")) ++k;
    bool affiliated = k < e && pw_.Is(w_[k], "affiliated");
    if (affiliated) ++k;
    if (k >= e || w_[k].kind != TokenKind::kWord || lex_.Is(w_[k], "stop"))
      return false;
    std::string party;
    if (lex_.party_aliases.count(lex_.Fold(w_[k].stem)) ||
        lex_.party_aliases.count(lex_.Fold(w_[k].key))) {
      party = DisplayOf(doc_->text, w_[k].span);
    } else if ((IsParty(k, k + 1) || LamParty(w_[k])) &&
               !pw_.Is(w_[k], "aircraft") && !pw_.Is(w_[k], "strike_noun")) {
      // Not the verb after it (طائرات التحالف قصفت).
      bool verb = k + 1 < e && (pw_.Is(w_[k + 1], "strike_verb") ||
                                pw_.Is(w_[k + 1], "doer_verb") ||
                                pw_.Is(w_[k + 1], "strike_noun"));
      party = NoLam(k, verb ? DisplayOf(doc_->text, w_[k].span)
                            : PartyAt(k, e));  // للتحالف: التحالف
    }
    if (party.empty()) return false;
    if (aircraft) {
      bool strike = false;
      for (size_t j = b; j < e && !strike; ++j) {
        strike = j != q &&
                 (pw_.Is(w_[j], "strike_noun") || pw_.Is(w_[j], "doer_verb") ||
                  pw_.Is(w_[j], "strike_verb"));
      }
      if (!strike) return false;
    }
    Span span = SpanOfWords(w_, q, k + 1);
    std::string m = AssertionModality(q, span);
    if (m == "denied") return false;
    for (size_t j = q > b + 3 ? q - 3 : b; j < q; ++j) {
      if (lex_.Is(w_[j], "neg")) return false;  // لم تكن هناك غارات للتحالف
    }
    Add("responsibility:doer", party, span, -1, m, true);
    return true;
  }

  // An actor noun after ل (للتحالف، للجيش), which the word lists hold
  // with its article (التحالف).
  bool LamParty(const Word& w) const {
    if (!KeyStarts(w.key, "\xD9\x84\xD9\x84")) return false;  // لل
    Word al;
    Lookup("\xD8\xA7\xD9\x84" + std::string(w.stem), &al);  // ال
    return lex_.Is(al, "actor_head");
  }

  // "X يتحمل المسؤولية": the party just before the verb, with a
  // responsibility word at most two words after it; verb first, the party
  // between the verb and that word, at most four words after the verb
  // (تتحمل حماس المسؤولية، تتحمل قوات الاحتلال كامل المسؤولية).
  bool Bears(size_t q, size_t b, size_t e) {
    size_t resp = e;
    for (size_t k = q + 1; k < std::min(e, q + 6) && resp == e; ++k)
      if (pw_.Is(w_[k], "involve")) resp = k;
    if (resp == e) return false;
    for (size_t k = q; k > b && k + 3 > q && resp < q + 4;) {
      --k;
      if (lex_.Is(w_[k], "stop") || !IsParty(k, k + 1)) continue;
      Span span = SpanOfWords(w_, k, std::min(e, q + 3));
      bool denied = DeniedBefore(k, 3) || (q > 0 && lex_.Is(w_[q - 1], "neg"));
      Add("responsibility", denied ? "denied" : PartyAt(k, e), span, -1,
          denied ? "denied" : "asserted");
      return true;
    }
    for (size_t k = q + 1; k < resp; ++k) {
      if (lex_.Is(w_[k], "stop") || !IsParty(k, k + 1)) continue;
      Span span = SpanOfWords(w_, q, resp + 1);
      bool denied = DeniedBefore(q, 3) || (q > b && lex_.Is(w_[q - 1], "neg"));
      Add("responsibility", denied ? "denied" : PartyAt(k, resp), span, -1,
          denied ? "denied" : "asserted");
      return true;
    }
    return false;
  }

  // The predicate form "X (هي) المسؤولة عن الهجوم" (روسيا مسؤولة عن تسميم،
  // الروس هم المسؤولون عن الهجوم) at the adjective q: a party just before
  // it (or before هو/هي/هم), عن after it (الوحيدة/الأولى between), then an
  // attack or its object (points.tsv resp_object: هجوم، تسميم، محاولة):
  // "المسؤول عن إدارة" and "المسؤولين عن" without a party name no one.
  // Denied by a denial before the party (نفى أن تكون روسيا مسؤولة) or a
  // negation before the adjective (ليست مسؤولة، غير مسؤولة).
  bool Responsible(size_t q, size_t b, size_t e) {
    size_t an = q + 1;
    if (an < e && pw_.Is(w_[an], "resp_only")) ++an;
    if (an + 1 >= e || w_[an].bare != fk::kAn) return false;
    if (!pw_.Starts(w_[an + 1], "resp_object") &&
        !pw_.Is(w_[an + 1], "event_noun"))
      return false;
    size_t last = q;
    bool negated = false;
    if (last > b &&
        (lex_.Is(w_[last - 1], "neg") || pw_.Is(w_[last - 1], "not_intent"))) {
      negated = true;
      --last;
    }
    if (last > b && pw_.Is(w_[last - 1], "cleft_pronoun")) --last;
    for (size_t k = last; k > b && k + 3 > last;) {
      --k;
      if (lex_.Is(w_[k], "comp")) break;  // إن/أن: the party is after it
      if (lex_.Is(w_[k], "stop") || !IsParty(k, k + 1)) continue;
      size_t first = PartyBegin(k);
      if (first < b) first = k;
      Span span = SpanOfWords(w_, first, an + 2);
      bool denied = negated || DeniedBefore(first, 5);
      Add("responsibility", denied ? "denied" : PartyAt(first, last), span, -1,
          denied ? "denied" : "asserted");
      return true;
    }
    return false;
  }

  // responsibility: اتهم/تبنى X (asserted, X the value), حمّل X المسؤولية,
  // نفى ضلوعه/مسؤوليته (denied).
  bool Responsibility(size_t q, size_t b, size_t e) {
    bool involve = pw_.Starts(w_[q], "involve");
    if (involve && !DeniedBefore(q, 5)) return false;  // only its denial counts
    // تبني مشروع قرار / بيان: adopting a text claims no attack.
    if (pw_.Is(w_[q], "claim") && q + 1 < e &&
        (pw_.Is(w_[q + 1], "adopted") ||
         (q + 2 < e && pw_.Is(w_[q + 2], "adopted")))) {
      return false;
    }
    // حمّل X المسؤولية: the responsibility word ends the clause of the party,
    // which may hold the blamer first (وحمّل الرئيس الفلسطيني، #محمود_عباس
    // الحكومة الإسرائيلية "المسؤولية الكاملة"): as far as PartyAfter reads.
    if (pw_.Is(w_[q], "blame")) {
      bool has_resp = false;
      for (size_t k = q + 1; k < std::min(e, q + 10); ++k)
        has_resp |= pw_.Is(w_[k], "involve");
      if (!has_resp) return false;
    }
    size_t end = std::min(e, q + 4);
    Span span =
        SpanOfWords(w_, q > b && pw_.Is(w_[q - 1], "deny") ? q - 1 : q, end);
    if (involve) {
      Add("responsibility", "denied", span, -1, "denied");
      Claim& claim = doc_->claims.back();
      if (claim.speaker.empty()) claim.speaker = Denier(q, b);
      return true;
    }
    // An accusation stands in its own words: "نفى ... متهما الحوثيين" denies
    // one party and accuses another.
    size_t at = e;
    std::string party = PartyAfter(q, e, &at);
    if (party.empty()) return false;
    // The words run from the verb to the party named (اتهمت الخارجية، الثلاثاء،
    // روسيا).
    if (at + 1 > end) span = SpanOfWords(w_, q, std::min(e, at + 1));
    bool denied = DeniedBefore(q, 2);
    Add("responsibility", denied ? "denied" : party, span, -1,
        denied ? "denied" : "asserted");
    Claim& claim = doc_->claims.back();
    if (QuoteContaining(*doc_, span) < 0) {
      // The accuser: after the verb (اتهمت الخارجية الأميركية روسيا), else
      // before it (وسائل الإعلام الرسمية السورية اتهمت التحالف).
      std::string who = Accuser(q, at);
      if (who.empty()) who = SubjectBefore(q, b);
      if (who.empty()) who = StatementAuthor(q, b, e);
      if (!who.empty()) claim.speaker = who;
    }
    return true;
  }

  const PresenceEntry* At(size_t q, size_t e, size_t* len) const {
    auto m = lex_.presence.Find(w_, q, e, Forms::kStem);
    if (m.payload < 0) return nullptr;
    *len = m.length;
    return &lex_.presence_entries[m.payload];
  }

  // وجود/تواجد/بينهم + personnel + nation.
  void Presence() {
    const WordTable& t = t_;
    for (size_t s = 0; s < t.sentences.size(); ++s) {
      size_t b = t.sentence_first[s], e = t.sentence_end[s];
      for (size_t q = b; q < e; ++q) {
        size_t len = 0;
        const PresenceEntry* mk = At(q, e, &len);
        if (!mk || (mk->cls != "marker_noun" && mk->cls != "marker_present"))
          continue;
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
        Add("presence:" + nat->key + "_" + who->key, modality, span, -1,
            modality);
        doc_->claims.back().value = doc_->claims.back().modality;
        q = n + nlen - 1;
      }
    }
  }
};

}  // namespace

void FactsFinder::BuildClaims() { ClaimBuilder(doc_, Context()).Run(); }

}  // namespace marsad
