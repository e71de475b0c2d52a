// Teaser tails: why this shape.
//
// Some outlets' pages close with a block of other reports' opening
// paragraphs ("more from the section"), and a scraper that keeps paragraphs
// keeps them as if they were the report's last paragraphs. Downstream the
// tail joins unrelated stories and lends the report another story's figures
// and speakers. The block has no label to match; it shows itself by shape:
//
//  - each teaser is a lead: it opens a story, so it does not continue the
//    paragraph before it (no و/ف conjunction, no connective such as لكن or
//    كما: data/clean/teaser.tsv, connective);
//  - each is about something else: it shares few content words with the
//    paragraph before it, and few with the body above the block;
//  - leads anchor their news to a day, a weekday set off by commas right
//    after the subject ("أعلنت الوزارة، الإثنين، أن"), or open with a
//    dateline ("(وكالة) --"): at least two of the run do (teaser.tsv,
//    day_anchor). A weekday in running prose ("فجر الجمعة") is no anchor.
//
// A run of kMinRun such paragraphs at the end is removed. A run of
// kMinUnanchoredRun or more needs no weekday when every paragraph of it is far
// from the body (kMaxUnanchoredBodyShare) and most open as leads do, with a
// past-tense verb of teaser.tsv (lead_verb: "قال وزير ...", "أعلنت الهيئة
// ..."), unless the paragraph before it announces a list ("... كما يلي:").
// Lists, interviews and press reviews open their paragraphs otherwise: on
// ant2018 the rule now fires on 85 more CNN pages (issue 20: their "more news"
// blocks of five leads, most of which give no weekday) and on no page of the
// other four outlets. A lead verb that begins with و or ف (وجه، فرضت) is no
// conjunction. The run's head goes back to the body while it shares much with
// it, or some (kMaxUnanchoredBodyShare) and is no lead (no anchor, no lead
// verb): a report's last sentences ("شارك في المنتدى ...") often open without
// a conjunction. A lead (lead verb or weekday) of the run may share up to
// kMaxLeadBodyShare of its words with the body: reports of one section share
// their common words (an economy report and the lead of another). Body
// paragraphs near the end of a report continue its topic or open with a
// conjunction; features (profiles, interviews) whose paragraphs do neither
// rarely anchor two of them to a weekday. Measured on the five outlets of
// ant2018 (22,812 reports, docs/RESULTS.md "Teaser tails" and "Teaser tails of
// CNN pages", "CNN teaser tails, round 3"): the rule fires on 347 of the
// 2,482 CNN reports and on none of the others'.
//
// Round 3 (issue 20): في opening a paragraph is a preposition, not ف + a
// word ("في خطوة مفاجئة، أعلن ..."); an "on this day" lead is anchored by
// its date ("في 3 أكتوبر من عام 1924 ..."); a feminine past verb known by
// its shape and followed by its subject counts as a lead opening for the
// long unanchored run (not for the body-share allowance); after a list of
// short items, the run's head that is no lead is the list's.
//
// Cost: only the trailing candidates and, when a candidate run is long
// enough, the body's words are keyed; most reports stop at the first test.
#include "src/clean/teaser_tail.h"

#include <algorithm>
#include <string>

#include "src/clean/display.h"

namespace marsad {
namespace {

constexpr size_t kMinRun = 3;
constexpr size_t kMinChars = 60;
// Share of a paragraph's content words found in the one before it / in the
// body above the run, above which it continues the report.
constexpr double kMaxNeighbourShare = 0.3;
constexpr double kMaxBodyShare = 0.4;
constexpr size_t kMinAnchored = 2;
constexpr size_t kAnchorBytes = 400;  // of a paragraph's key: its lead part
// A longer run needs no anchor when every paragraph of it is far from the
// body (see the header comment).
constexpr size_t kMinUnanchoredRun = 4;
constexpr double kMaxUnanchoredBodyShare = 0.2;
constexpr size_t kMinLeads = 3;
constexpr double kMaxLeadBodyShare = 0.5;

using Words = std::vector<std::string>;

// Content words of a key: a clitic prefix (و، ب، ل، ال and their
// combinations) dropped when three letters are left, words of at least four
// letters kept; sorted, unique.
Words ContentWords(std::string_view key) {
  static constexpr std::string_view kPrefixes[] = {"\u0648\u0627\u0644",
                                                   "\u0628\u0627\u0644",
                                                   "\u0641\u0627\u0644",
                                                   "\u0643\u0627\u0644",
                                                   "\u0644\u0644",
                                                   "\u0627\u0644",
                                                   "\u0648",
                                                   "\u0628",
                                                   "\u0644"};
  Words out;
  size_t start = 0;
  while (start < key.size()) {
    size_t end = std::min(key.find(' ', start), key.size());
    std::string_view w = key.substr(start, end - start);
    start = end + 1;
    for (std::string_view p : kPrefixes) {
      if (w.starts_with(p) && CodePoints(w.substr(p.size())) >= 3) {
        w.remove_prefix(p.size());
        break;
      }
    }
    if (CodePoints(w) >= 4) out.emplace_back(w);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

size_t Shared(const Words& a, const Words& b) {
  size_t n = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

// Share of `w` found in `other` (over the smaller set when `smaller`).
double Share(const Words& w, const Words& other, bool smaller) {
  size_t denom = smaller ? std::min(w.size(), other.size()) : w.size();
  return denom == 0 ? 0.0 : static_cast<double>(Shared(w, other)) / denom;
}

std::string_view FirstWord(std::string_view key) {
  return key.substr(0, key.find(' '));
}

// A third-person feminine past verb by its shape, on a folded key: four to
// six letters ending in ت but not in ات (a plural: ملفات، كلمات), not
// definite (ال), not beginning with و or ف (وحثت، ودعت are a conjunction and
// a verb as often as a verb of that root: those go by the lead_verb list).
// Leads open with one (شارفت الاجتماعات، نظمت الهيئة) far more often than
// the lead_verb list can name.
bool FemininePastShape(std::string_view w) {
  static constexpr std::string_view kTa = "\u062A";
  static constexpr std::string_view kAlef = "\u0627";
  size_t letters = CodePoints(w);
  if (letters < 4 || letters > 6 || !w.ends_with(kTa)) return false;
  std::string_view stem = w.substr(0, w.size() - kTa.size());
  if (stem.ends_with(kAlef) || w.starts_with("\u0627\u0644")) return false;
  return !w.starts_with("\u0648") && !w.starts_with("\u0641");
}

// A lead's opening verb: one of teaser.tsv's lead_verb, or of the feminine
// past shape followed by its subject, not by a preposition or a particle: a
// report's own paragraphs on one woman or body open "تطرقت إلى ...",
// "أشارت إلى ...", "ختمت قائلة ..." (the subject a pronoun), a lead names
// its subject ("شارفت اجتماعات ...", "وبخت الصين ...").
bool LeadOpening(std::string_view key, const CleanLexicon& lex) {
  std::string_view w = FirstWord(key);
  if (lex.LeadVerb(w)) return true;
  if (!FemininePastShape(w) || w.size() == key.size()) return false;
  std::string_view next = FirstWord(key.substr(w.size() + 1));
  static constexpr std::string_view kNotASubject[] = {
      "\u0627\u0644\u064A",              // الى (folded)
      "\u0639\u0646",                    // عن
      "\u0639\u0644\u064A",              // على (folded)
      "\u0641\u064A",                    // في
      "\u0645\u0646",                    // من
      "\u0645\u0639",                    // مع
      "\u0627\u0646",                    // ان
      "\u0627\u0646\u0647",              // انه
      "\u0627\u0646\u0647\u0627",        // انها
      "\u0642\u0627\u0626\u0644\u0647",  // قائله
  };
  return std::find(std::begin(kNotASubject), std::end(kNotASubject), next) ==
         std::end(kNotASubject);
}

// A conjunction (و، ف glued to the first word: not the first letter of a
// lead verb, وجه، فرضت، وبخت, nor of the preposition في) or a connective.
bool Continues(std::string_view key, const CleanLexicon& lex) {
  std::string_view w = FirstWord(key);
  return ((w.starts_with("\u0648") || w.starts_with("\u0641")) &&
          w != "\u0641\u064A" && !lex.LeadVerb(w)) ||
         lex.OpensWithConnective(key);
}

// An "on this day" lead opens with its date and a year: "في 3 أكتوبر من عام
// 1924 ...", "في 30 سبتمبر/أيلول من عام 1980، ..." (key: "في 3 اكتوبر تشرين
// اول من عام 1924").
bool OpensWithDate(std::string_view key) {
  static constexpr std::string_view kFi = "\u0641\u064A ";
  if (!key.starts_with(kFi)) return false;
  std::string_view rest = key.substr(kFi.size());
  size_t digits = 0;
  while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') {
    ++digits;
  }
  if (digits == 0 || digits > 2 || digits == rest.size() ||
      rest[digits] != ' ') {
    return false;
  }
  // "عام" and a year within the next few words.
  std::string_view head = rest.substr(0, 80);
  size_t at = head.find(" \u0639\u0627\u0645 ");
  if (at == std::string_view::npos) return false;
  std::string_view year = rest.substr(at + 8);
  return year.size() >= 4 && year[0] >= '0' && year[0] <= '9' &&
         year[3] >= '0' && year[3] <= '9';
}

bool EndsWithComma(std::string_view w) {
  return w.ends_with(",") || w.ends_with("\u060C");
}

// A weekday set off by commas as a lead gives its day ("أعلنت الوزارة،
// الإثنين، أن"), or a dateline "(...) --" / "(...) -" near the start of the
// text. A weekday in running prose ("فجر الجمعة", "يوم السبت الماضي") is
// no anchor: columns and features speak of days too.
bool Anchored(std::string_view text, const CleanLexicon& lex) {
  // A comma typed apart from its word ("الأمريكية ، الخميس ،") is glued
  // back to the word before it.
  std::string glued(text.substr(0, kAnchorBytes));
  for (std::string_view comma : {" \u060C", " ,"}) {
    for (size_t at; (at = glued.find(comma)) != std::string::npos;) {
      glued.erase(at, 1);
    }
  }
  std::string_view head = glued;
  size_t paren = head.find(')');
  if (paren != std::string_view::npos) {
    std::string_view after = head.substr(paren + 1);
    while (after.starts_with(" ")) after.remove_prefix(1);
    if (after.starts_with("-") || after.starts_with("\u2013")) return true;
  }
  std::string key;
  std::string_view previous;
  size_t start = 0;
  while (start < head.size()) {
    size_t end = std::min(head.find(' ', start), head.size());
    std::string_view w = head.substr(start, end - start);
    start = end + 1;
    if (EndsWithComma(w) && EndsWithComma(previous)) {
      FurnitureKey(w, &key);
      std::string_view k = key;
      if (lex.DayAnchor(k) ||
          (k.starts_with("\u0648") && lex.DayAnchor(k.substr(2)))) {
        return true;
      }
    }
    previous = w;
  }
  return false;
}

Words Union(const std::vector<Words>& words, size_t end) {
  Words all;
  for (size_t i = 0; i < end; ++i) {
    all.insert(all.end(), words[i].begin(), words[i].end());
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

}  // namespace

size_t TeaserTailStart(const std::vector<std::string_view>& paragraphs,
                       const CleanLexicon& lex) {
  const size_t n = paragraphs.size();
  if (n < kMinRun + 1) return n;
  std::vector<std::string> keys(n);
  std::vector<Words> words(n);
  auto prepare = [&](size_t i) {
    if (!keys[i].empty() || paragraphs[i].empty()) return;
    FurnitureKey(paragraphs[i], &keys[i]);
    words[i] = ContentWords(keys[i]);
  };
  // Candidates from the end: leads that do not follow from the paragraph
  // before them.
  size_t start = n;
  while (start > 1) {
    size_t i = start - 1;
    if (CodePoints(paragraphs[i]) < kMinChars) break;
    prepare(i);
    prepare(i - 1);
    if (Continues(keys[i], lex)) break;
    if (Share(words[i], words[i - 1], true) > kMaxNeighbourShare) break;
    start = i;
  }
  if (n - start < kMinRun) return n;
  for (size_t i = 0; i < start; ++i) prepare(i);
  // The run's head may still belong to the body: it goes back to the body
  // while it shares much with what precedes it.
  Words body = Union(words, start);
  // So does a head that is no lead (no anchor, no lead verb) and shares some
  // of the body's words.
  auto belongs = [&](size_t i) {
    double share = Share(words[i], body, false);
    return share > kMaxBodyShare ||
           (share > kMaxUnanchoredBodyShare &&
            !lex.LeadVerb(FirstWord(keys[i])) &&
            !Anchored(paragraphs[i], lex) && !OpensWithDate(keys[i]));
  };
  // And, after a list of short items (shorter than kMinChars: what stopped
  // the candidates), a head that is no lead at all (no lead opening, no
  // anchor): the list's longer items ("on this day" pages: "توقيع اتفاقية
  // ...", "زلزال عنيف ...") are the report's own; a run of leads starts with
  // a lead.
  const bool after_list = CodePoints(paragraphs[start - 1]) < kMinChars;
  auto list_item = [&](size_t i) {
    return after_list && !LeadOpening(keys[i], lex) &&
           !Anchored(paragraphs[i], lex) && !OpensWithDate(keys[i]);
  };
  while (start < n && (belongs(start) || list_item(start))) {
    ++start;
    body = Union(words, start);
  }
  if (n - start < kMinRun) return n;
  size_t anchored = 0, leads = 0;
  // A list announced by the paragraph before it ("... كما يلي:") is the
  // report's own.
  std::string_view before = paragraphs[start - 1];
  while (before.ends_with(" ")) before.remove_suffix(1);
  // Far from a body of one paragraph says little (a timeline after its
  // opening paragraph): the body above an unanchored run has two or more.
  bool far =
      n - start >= kMinUnanchoredRun && start >= 2 && !before.ends_with(":");
  for (size_t i = start; i < n; ++i) {
    double share = Share(words[i], body, false);
    bool lead = LeadOpening(keys[i], lex);
    bool anchor = Anchored(paragraphs[i], lex) || OpensWithDate(keys[i]);
    // A lead (its listed verb or its day) may share more: news of one
    // section share their common words. A verb known by its shape only
    // does not (a report's own last paragraph on its subject: "سنحت لفلان
    // الفرصة ...").
    bool listed = lex.LeadVerb(FirstWord(keys[i]));
    if (share > ((listed || anchor) ? kMaxLeadBodyShare : kMaxBodyShare)) {
      return n;
    }
    if (share > kMaxUnanchoredBodyShare) far = false;
    if (anchor) ++anchored;
    if (lead) ++leads;
  }
  far = far && leads >= kMinLeads && 2 * leads >= n - start;
  return anchored >= kMinAnchored || far ? start : n;
}

}  // namespace marsad
