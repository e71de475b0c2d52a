// Text-dump cleaning: why it works this way.
//
// A scraped report is a sequence of lines, and furniture shows itself in three
// ways that do not depend on any one site:
//
//  1. Its words. Widget labels are a small closed vocabulary ("شارك", "قد
//     يعجبك ايضا", "SHARE", "close", comment prompts). data/clean/furniture.tsv
//     lists them with what to do: drop the line, strip a prefix, drop a
//     header and the headline list under it, or read a metadata value from a
//     "label: value" line ("First Published: 2017-11-14", "المصدر: سانا").
//     Outlet names (outlets.tsv) and agency credits (agencies.tsv) on a line
//     of their own are metadata, not body.
//  2. Its shape. Body text is made of paragraphs that end in a full stop or
//     are long; furniture is short lines without sentence punctuation. Such
//     lines in the middle of a body are kept (sub-headings, pull quotes), but
//     three or more of them after the last body paragraph are a list of other
//     headlines, and a run of three or more before the first one is a menu.
//     A paragraph between the title and a metadata line (the outlet or date
//     line) is the standfirst. A paragraph seen twice is kept once.
//  3. Its recurrence. A line that comes back in many reports of one outlet is
//     that outlet's template (FurnitureModel, learned over the corpus).
//
// Everything left out of Document::text is recorded in Document::removed with
// its reason, so `marsad extract --explain` shows every decision.
//
// Cost: one pass to split and key the lines (the key is a folded copy used
// for all table lookups), then a few passes over the line array; no regular
// expressions. A typical 3 KB report takes a few microseconds.
#include "src/clean/text_clean.h"

#include <algorithm>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "src/base/data.h"
#include "src/clean/dates.h"
#include "src/clean/display.h"
#include "src/clean/teaser_tail.h"
#include "src/text/normalize.h"

namespace marsad {
namespace {

enum class State { kBody, kRemoved, kTitle, kStandfirst };

struct Line {
  std::string text;  // display-cleaned
  std::string key;   // FurnitureKey(text)
  size_t chars = 0;
  bool period = false;    // ends with a full stop
  bool sentence = false;  // ends with . ! ? ؟ …
  State state = State::kBody;
  bool meta = false;  // removed because it carried metadata
  std::string reason;
};

constexpr size_t kShortLine = 100;  // code points
constexpr size_t kKeyBytes = 512;   // of a line's text keyed for matching
constexpr size_t kTitleMax = 160;

bool BodyLike(const Line& l) {
  return (l.period && l.chars >= 40) || l.chars >= 150 ||
         (l.sentence && l.chars >= 80);
}

bool HeadlineLike(const Line& l) { return l.chars < kShortLine && !l.period; }

bool Quoted(std::string_view t) {
  auto starts = [&](std::string_view q) { return t.substr(0, q.size()) == q; };
  return starts("'") || starts("\"") || starts("\u201C") || starts("\u00AB") ||
         starts("\u2018");
}

// Splits raw text into lines. Besides '\n', a run of spaces holding a no-break
// space right after a sentence end is a paragraph break (some sites separate
// paragraphs with "&nbsp;" only).
void SplitLines(std::string_view raw, std::vector<Line>* lines) {
  std::string buf;
  auto flush = [&](std::string_view piece) {
    buf.clear();
    AppendDisplay(piece, &buf);
    TrimTrailingSpaces(&buf);
    if (buf.empty()) return;
    Line l;
    l.text = buf;
    // Keys serve label and phrase matching: the first kKeyBytes suffice.
    FurnitureKey(std::string_view(l.text).substr(0, kKeyBytes), &l.key);
    l.chars = CodePoints(l.text);
    l.sentence = EndsSentence(l.text, &l.period);
    lines->push_back(std::move(l));
  };
  size_t start = 0;
  for (size_t i = 0; i <= raw.size(); ++i) {
    if (i == raw.size() || raw[i] == '\n') {
      flush(raw.substr(start, i - start));
      start = i + 1;
      continue;
    }
    // " \xC2\xA0 " after . or ." : a paragraph break.
    if (raw[i] == '\xC2' && i + 1 < raw.size() && raw[i + 1] == '\xA0' &&
        i > start) {
      size_t b = i;
      while (b > start && (raw[b - 1] == ' ')) --b;
      bool period = false;
      if (b < i && EndsSentence(raw.substr(start, b - start), &period) &&
          period) {
        flush(raw.substr(start, b - start));
        start = i + 2;
      }
    }
  }
}

void Remove(Line* l, std::string reason, bool meta = false) {
  l->state = State::kRemoved;
  l->reason = std::move(reason);
  l->meta = meta;
}

class TextCleaner {
 public:
  TextCleaner(const CleanLexicon& lex, const Normalizer& normalizer,
              const FurnitureModel* model, Document* doc)
      : lex_(lex), normalizer_(normalizer), model_(model), doc_(doc) {}

  void Run() {
    SplitLines(doc_->raw, &lines_);
    if (const OutletName* o = lex_.OutletById(doc_->outlet)) {
      FurnitureKey(o->canonical, &outlet_key_);
    } else {
      FurnitureKey(doc_->outlet, &outlet_key_);
    }
    for (size_t i = 0; i < lines_.size(); ++i) ClassifyLine(i);
    DropRepeats();
    HeadMenu();
    FindTitle();
    OutletUnderTitle();
    Structure();
    TeaserTail();
    StripTrailingCredit();
    DatelineDate();
    Emit();
  }

 private:
  bool Kept(size_t i) const { return lines_[i].state == State::kBody; }

  void ClassifyLine(size_t i) {
    Line& l = lines_[i];
    if (l.state != State::kBody) return;
    if (l.key.empty()) return Remove(&l, "furniture:symbols");
    if (l.chars <= 80 && MetaLine(i, &l)) return;
    if (l.chars <= 120) {
      if (const Phrase* p = lex_.Exact(l.key)) {
        if (p->action == PhraseAction::kList) return DropList(i, p->kind);
        if (p->action == PhraseAction::kLine)
          return Remove(&l, "furniture:" + p->kind);
      }
    }
    if (const Phrase* p = lex_.Prefix(l.key)) {
      if (p->action == PhraseAction::kLead) {
        if (l.chars <= 100) return Remove(&l, "furniture:" + p->kind);
      } else {
        StripPrefix(&l, *p);
      }
    }
    if (l.state != State::kBody) return;
    if (l.chars <= 60 && OutletOrCreditLine(i, &l)) return;
    if (model_ != nullptr && l.text.size() <= FurnitureModel::kMaxLineBytes &&
        !l.text.ends_with(":") &&
        model_->IsTemplateLine(doc_->outlet, l.text)) {
      return Remove(&l, "furniture:template");
    }
  }

  // "label: value" lines carrying a date or a credit.
  bool MetaLine(size_t i, Line* l) {
    size_t colon = l->text.find(':');
    if (colon == std::string::npos || colon == 0) return false;
    std::string label;
    FurnitureKey(std::string_view(l->text).substr(0, colon), &label);
    const Phrase* p = lex_.Exact(label);
    if (p == nullptr) return false;
    std::string_view value = Trim(std::string_view(l->text).substr(colon + 1));
    switch (p->action) {
      case PhraseAction::kMetaPublished:
      case PhraseAction::kMetaModified: {
        std::string date = ParseMetaDate(lex_, value);
        if (date.empty()) return false;
        std::string& field = p->action == PhraseAction::kMetaPublished
                                 ? doc_->published
                                 : doc_->modified;
        if (field.empty()) field = date;
        Remove(l, "metadata:" + p->kind, true);
        return true;
      }
      case PhraseAction::kMetaCredit: {
        std::string key;
        FurnitureKey(value, &key);
        std::string_view agency = lex_.Agency(key);
        // An unknown credit must look like one: a short name at the head or
        // the tail of the report ("المصدر: لم نتلق أي بلاغ" is a quote).
        bool edge = i < 3 || i + 3 >= lines_.size();
        size_t words = std::count(key.begin(), key.end(), ' ') + 1;
        if (agency.empty() &&
            (key.empty() || !edge || words > 3 || CodePoints(value) > 30)) {
          return false;
        }
        SetAgency(agency.empty() ? std::string(value) : std::string(agency));
        if (doc_->outlet.empty()) doc_->outlet = doc_->agency;  // "المصدر: X"
        Remove(l, "metadata:credit", true);
        return true;
      }
      default:
        return false;
    }
  }

  void SetAgency(std::string agency) {
    if (doc_->agency.empty()) doc_->agency = std::move(agency);
  }

  // An outlet's name alone ("الثورة/..", "سيريانيوز"), an agency credit alone
  // ("(د ب أ)", "وكالات"), or a byline pairing the outlet with a city or a
  // reporter ("عين اليوم – جدة").
  bool OutletOrCreditLine(size_t i, Line* l) {
    if (const OutletName* o = lex_.Outlet(l->key);
        o != nullptr || l->key == outlet_key_) {
      if (o != nullptr && doc_->outlet.empty()) doc_->outlet = o->canonical;
      Remove(l, "metadata:outlet", true);
      return true;
    }
    if (std::string_view a = lex_.Agency(l->key); !a.empty()) {
      SetAgency(std::string(a));
      Remove(l, "metadata:credit", true);
      return true;
    }
    // Only when the outlet is still unknown: "موقع" and "بوابة" also open
    // ordinary phrases ("موقع الحريق"), so the rule must not run on records
    // whose outlet is given.
    if (doc_->outlet.empty() && (i < 4 || i + 4 >= lines_.size()) &&
        OutletKindLine(l)) {
      return true;
    }
    for (std::string_view dash :
         {" \u2013 ", " - ", " \u2014 ", " \u0640 ", "/", " | "}) {
      size_t at = l->text.find(dash);
      if (at == std::string::npos) continue;
      // Two " | " or more: a table row as the HTML path writes it.
      if (dash == " | " && l->text.find(dash, at + 1) != std::string::npos)
        continue;
      std::string a, b;
      FurnitureKey(std::string_view(l->text).substr(0, at), &a);
      FurnitureKey(std::string_view(l->text).substr(at + dash.size()), &b);
      bool a_outlet =
          lex_.Outlet(a) != nullptr || (!a.empty() && a == outlet_key_);
      bool b_outlet =
          lex_.Outlet(b) != nullptr || (!b.empty() && b == outlet_key_);
      if (!a_outlet && !b_outlet) continue;
      const std::string& other = a_outlet ? b : a;
      if (std::string_view ag = lex_.Agency(other); !ag.empty())
        SetAgency(std::string(ag));
      if (const OutletName* o = lex_.Outlet(a_outlet ? a : b);
          o != nullptr && doc_->outlet.empty()) {
        doc_->outlet = o->canonical;
      }
      // "name – outlet" credits a reporter; "outlet – city" a place.
      size_t words = std::count(other.begin(), other.end(), ' ') + 1;
      if (!a_outlet && doc_->author.empty() && lex_.Agency(other).empty() &&
          words >= 2 && words <= 4 &&
          other.find_first_of("0123456789") == std::string::npos) {
        doc_->author =
            std::string(Trim(std::string_view(l->text).substr(0, at)));
      }
      Remove(l, "metadata:byline", true);
      return true;
    }
    return false;
  }

  // An outlet's printed name opening with a kind word, possibly with a
  // dateline or a credit: "صحيفة الأفق/ دير الزور", "بوابة النيل - وكالات".
  bool OutletKindLine(Line* l) {
    std::string_view t = l->text;
    size_t cut = t.size();
    for (std::string_view sep : {"/", " - ", " \u2013 ", " \u2014 ", "|"}) {
      cut = std::min(cut, t.find(sep));
    }
    std::string_view name = Trim(t.substr(0, cut));
    std::string key;
    FurnitureKey(name, &key);
    size_t words = std::count(key.begin(), key.end(), ' ') + 1;
    std::string_view first = std::string_view(key).substr(0, key.find(' '));
    if (key.empty() || words < 2 || words > 5 || !lex_.OutletKindWord(first) ||
        key.find_first_of("0123456789") != std::string::npos) {
      return false;
    }
    if (doc_->outlet.empty()) doc_->outlet = std::string(name);
    if (cut < t.size()) {
      std::string rest;
      FurnitureKey(t.substr(cut), &rest);
      if (std::string_view a = lex_.Agency(rest); !a.empty()) {
        SetAgency(std::string(a));
      }
    }
    Remove(l, "metadata:outlet", true);
    return true;
  }

  // In a saved report, a short name line right under the title and above the
  // body is the outlet's ("الخليج اليوم", "صوت المغرب"): no digits, no
  // punctuation, not quoted, four words at most.
  void OutletUnderTitle() {
    if (doc_->format != "txt" || title_ >= lines_.size()) return;
    size_t j = FirstKept(title_ + 1);
    if (j >= lines_.size()) return;
    Line& l = lines_[j];
    size_t words = std::count(l.key.begin(), l.key.end(), ' ') + 1;
    size_t next = FirstKept(j + 1);
    if (l.chars > 35 || words > 4 || l.sentence || Quoted(l.text) ||
        l.text.ends_with(":") ||
        l.key.find_first_of("0123456789") != std::string::npos ||
        next >= lines_.size() || !BodyLike(lines_[next])) {
      return;
    }
    if (doc_->outlet.empty()) doc_->outlet = l.text;
    Remove(&l, "metadata:outlet", true);
  }

  void StripPrefix(Line* l, const Phrase& p) {
    std::string key;
    std::vector<uint32_t> offsets;
    FurnitureKey(l->text, &key, &offsets);
    size_t cut = offsets[std::min(p.key.size(), offsets.size() - 1)];
    removed_prefixes_.push_back(
        {l->text.substr(0, cut), "furniture:" + p.kind});
    std::string rest(Trim(std::string_view(l->text).substr(cut)));
    l->text = std::move(rest);
    if (l->text.empty()) {
      l->state = State::kRemoved;
      l->reason = "furniture:" + p.kind;
      l->text = removed_prefixes_.back().first;
      removed_prefixes_.pop_back();
      return;
    }
    FurnitureKey(l->text, &l->key);
    l->chars = CodePoints(l->text);
    l->sentence = EndsSentence(l->text, &l->period);
  }

  // A "related"/"most read" header: it and the headline-like lines after it.
  void DropList(size_t i, const std::string& kind) {
    Remove(&lines_[i], "furniture:" + kind);
    for (size_t j = i + 1; j < lines_.size(); ++j) {
      Line& l = lines_[j];
      if (l.state != State::kBody) continue;
      if (!HeadlineLike(l) || BodyLike(l)) break;
      if (const Phrase* p = lex_.Exact(l.key);
          p && p->action == PhraseAction::kList)
        break;
      Remove(&l, "furniture:" + kind + "-list");
    }
  }

  void DropRepeats() {
    std::unordered_set<std::string_view> seen;
    for (Line& l : lines_) {
      // Short formulae legitimately recur ("وقد أعد مرسوم ملكي بذلك.").
      if (l.state != State::kBody || l.chars < 80) continue;
      // Keys fold spelling noise; a paragraph longer than its key compares
      // by its text.
      std::string_view id =
          l.text.size() <= kKeyBytes ? std::string_view(l.key) : l.text;
      if (!seen.insert(id).second) Remove(&l, "repeat");
    }
  }

  bool TitleLike(const Line& l) const {
    if (l.chars > kTitleMax || l.chars < 8 ||
        l.key.find(' ') == std::string::npos) {
      return false;
    }
    if (l.period) return false;
    std::string_view t = l.text;
    return !(t.ends_with(":") || t.ends_with("\u060C") || t.ends_with(","));
  }

  void FindTitle() {
    size_t first = FirstKept(0);
    if (first == lines_.size()) return;
    Line& l = lines_[first];
    if (!doc_->title.empty()) {
      std::string key;
      FurnitureKey(doc_->title, &key);
      if (key == l.key) Remove(&l, "title-repeat");
      return;
    }
    if (doc_->format != "txt" || !TitleLike(l)) return;  // only reports
    if (FirstKept(first + 1) == lines_.size()) return;   // a one-line report
    l.state = State::kTitle;
    doc_->title = l.text;
    title_ = first;
  }

  size_t FirstKept(size_t from) const {
    while (from < lines_.size() && !Kept(from)) ++from;
    return from;
  }

  // Head: in a run of three or more short unpunctuated lines before the
  // first body paragraph, the lines foreign to the body are a menu. Runs
  // before the title is looked for, so that the title is the first line
  // after the menu. Not in a page's main text, for the reason given at the
  // tail rule (Structure): a page's menus are links, gone by link density,
  // and short lines at the top of its article are its own (a calendar, a
  // list of results before the first long paragraph).
  void HeadMenu() {
    if (doc_->format == "html") return;
    size_t first_body = 0;
    while (first_body < lines_.size() &&
           !(Kept(first_body) && BodyLike(lines_[first_body]))) {
      ++first_body;
    }
    if (first_body == lines_.size()) return;
    std::vector<size_t> run;
    auto flush = [&] {
      if (run.size() >= 3 &&
          ForeignList(run, /*max_chars=*/40, /*min_mean=*/0)) {
        for (size_t i : run) {
          if (Foreign(lines_[i])) Remove(&lines_[i], "furniture:navigation");
        }
      }
      run.clear();
    };
    for (size_t i = 0; i < first_body; ++i) {
      if (!Kept(i)) continue;
      if (HeadlineLike(lines_[i]) && lines_[i].chars <= 40 &&
          !Quoted(lines_[i].text)) {
        run.push_back(i);
      } else {
        flush();
      }
    }
    flush();
  }

  void Structure() {
    size_t first_body = lines_.size(), last_body = lines_.size();
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (!Kept(i) || !BodyLike(lines_[i])) continue;
      if (first_body == lines_.size()) first_body = i;
      last_body = i;
    }
    if (first_body == lines_.size()) return;  // no body paragraph: keep as is
    // Tail: three or more headline-like lines after the body are a list.
    // Not in a page's main text: there the extractor has judged the
    // structure already (other pages' headlines are links, dropped by link
    // density), and a run of short lines at the end of an article is its own
    // (tour dates, a results table).
    std::vector<size_t> tail;
    for (size_t i = last_body + 1; i < lines_.size(); ++i) {
      if (Kept(i)) tail.push_back(i);
    }
    if (tail.size() >= 3 && doc_->format != "html" &&
        ForeignList(tail, /*max_chars=*/kShortLine, /*min_mean=*/30)) {
      for (size_t i : tail) Remove(&lines_[i], "furniture:headline-list");
    }
    // Standfirst: one paragraph between the title and a metadata line.
    if (title_ < lines_.size() && doc_->standfirst.empty()) {
      size_t s = FirstKept(title_ + 1);
      bool meta_after = false;
      size_t j = s + 1;
      for (; j < lines_.size() && !Kept(j); ++j) meta_after |= lines_[j].meta;
      if (s < lines_.size() && meta_after && j < lines_.size() &&
          lines_[s].chars >= 40 && lines_[s].chars <= 400) {
        lines_[s].state = State::kStandfirst;
        doc_->standfirst = lines_[s].text;
        if (first_body == s) first_body = FirstBodyAfter(s);
      }
    }
  }

  // Whether a run of short lines is a list of other pages' headlines or menu
  // entries rather than a list belonging to the article (ingredients, a fact
  // box, bullet points): such lines are not bulleted, and most of them share
  // few words with the body (an unrelated headline about Baghdad under an
  // article about Abu Kamal).
  bool ForeignList(const std::vector<size_t>& run, size_t max_chars,
                   size_t min_mean) {
    size_t foreign = 0;
    for (size_t i : run) {
      const Line& l = lines_[i];
      if (Bulleted(l.text) || l.chars > max_chars) continue;
      foreign += Foreign(l);
    }
    // Verse and lyrics are short lines too, but shorter than headlines, and a
    // list the article introduces ("...:") is the article's.
    size_t total = 0;
    for (size_t i : run) {
      total += lines_[i].chars;
      if (lines_[i].text.ends_with(":")) return false;
    }
    for (size_t p = run.front(); p-- > 0;) {
      if (lines_[p].state == State::kBody) {
        if (lines_[p].text.ends_with(":")) return false;
        break;
      }
    }
    return foreign * 10 >= run.size() * 7 && total >= min_mean * run.size();
  }

  // Whether at most half of a line's words occur in the body.
  bool Foreign(const Line& l) {
    if (body_words_.empty()) CollectBodyWords();
    size_t words = 0, shared = 0;
    for (std::string_view w : Split(l.key, ' ')) {
      w = Stem(w);
      if (CodePoints(w) < 3 || (w[0] >= '0' && w[0] <= '9')) continue;
      ++words;
      shared += body_words_.count(w);
    }
    return words > 0 && shared * 2 <= words;
  }

  // "* item", "- item", "• item", "1. item", "2) item", "3 - item".
  static bool Bulleted(std::string_view t) {
    for (std::string_view b : {"*", "-", "\u2022", "\u25CF", "\u25AA", "\u2013",
                               "\u0640", "+", "#"}) {
      if (t.substr(0, b.size()) == b) return true;
    }
    size_t i = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == 0 || i > 2) return false;
    while (i < t.size() && t[i] == ' ') ++i;
    return i < t.size() && (t[i] == '-' || t[i] == '.' || t[i] == ')');
  }

  // Drops the Arabic article and its common proclitics for word matching.
  static std::string_view Stem(std::string_view w) {
    for (std::string_view p :
         {"\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0641\u0627\u0644",
          "\u0643\u0627\u0644", "\u0644\u0644", "\u0627\u0644"}) {
      if (w.size() > p.size() + 4 && w.substr(0, p.size()) == p)
        return w.substr(p.size());
    }
    return w;
  }

  void CollectBodyWords() {
    for (const Line& l : lines_) {
      if (l.state != State::kBody || !BodyLike(l)) continue;
      std::string_view key = l.key;
      if (l.text.size() > kKeyBytes) {  // key the whole paragraph
        full_keys_.emplace_back();
        FurnitureKey(l.text, &full_keys_.back());
        key = full_keys_.back();
      }
      for (std::string_view w : Split(key, ' ')) {
        w = Stem(w);
        if (CodePoints(w) >= 3) body_words_.insert(w);
      }
    }
    if (body_words_.empty()) body_words_.insert("");
  }

  size_t FirstBodyAfter(size_t s) const {
    for (size_t i = s + 1; i < lines_.size(); ++i) {
      if (Kept(i) && BodyLike(lines_[i])) return i;
    }
    return lines_.size();
  }

  // Other reports' leads after the body (teaser_tail.cc). Not in a page's
  // main text: there teasers are links, gone by link density.
  void TeaserTail() {
    if (doc_->format == "html") return;
    std::vector<size_t> kept;
    std::vector<std::string_view> texts;
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (!Kept(i)) continue;
      kept.push_back(i);
      texts.push_back(lines_[i].text);
    }
    for (size_t k = TeaserTailStart(texts, lex_); k < kept.size(); ++k) {
      Remove(&lines_[kept[k]], "furniture:teaser");
    }
  }

  // A credit closing the last paragraph: "... (رويترز)" or a source link.
  void StripTrailingCredit() {
    size_t last = lines_.size();
    for (size_t i = lines_.size(); i-- > 0;) {
      if (Kept(i)) {
        last = i;
        break;
      }
    }
    if (last == lines_.size()) return;
    Line& l = lines_[last];
    std::string key;
    std::vector<uint32_t> offsets;
    FurnitureKey(l.text, &key, &offsets);
    size_t pos;
    if (const Phrase* p = lex_.Suffix(key, &pos); p != nullptr && pos == 0) {
      Remove(&l, "furniture:" + p->kind);  // the whole last line is the link
      return;
    } else if (p != nullptr) {
      size_t cut = offsets[pos];
      removed_prefixes_.push_back({l.text.substr(cut), "furniture:" + p->kind});
      l.text.resize(cut);
      TrimTrailingSpaces(&l.text);
      FurnitureKey(l.text, &key, &offsets);
    }
    std::string_view t = l.text;
    if (t.ends_with(")")) {
      size_t open = t.rfind('(');
      if (open != std::string_view::npos && t.size() - open <= 40) {
        std::string k;
        FurnitureKey(t.substr(open), &k);
        if (std::string_view a = lex_.Agency(k); !a.empty()) {
          SetAgency(std::string(a));
          removed_prefixes_.push_back(
              {std::string(t.substr(open)), "metadata:credit"});
          l.text.resize(open);
          TrimTrailingSpaces(&l.text);
        }
      }
    }
    if (l.text.empty()) Remove(&l, "empty");
  }

  // A dateline among the first lines ("الرياض 26 شوال 1436 هـ الموافق 11
  // أغسطس 2015 م واس") gives the publication date when nothing else did. Only
  // full dates (with a year) on short lines count.
  void DatelineDate() {
    if (!doc_->published.empty()) return;
    size_t seen = 0;
    for (size_t i = 0; i < lines_.size() && seen < 3; ++i) {
      const Line& l = lines_[i];
      if (l.state == State::kTitle) continue;
      ++seen;
      if (l.chars > 100) continue;
      std::string date = ParseMetaDate(lex_, l.text);
      if (!date.empty()) {
        doc_->published = date;
        return;
      }
    }
  }

  // The text core's display form, by the Normalizer the caller gave; our own
  // cleanup stands if it throws: cleaning never fails.
  void AppendDisplayForm(const std::string& text) {
    try {
      normalizer_.Display(text, &display_);
      doc_->text += display_.text;
      return;
    } catch (...) {
    }
    doc_->text += text;
  }

  void Emit() {
    doc_->text.clear();
    for (Line& l : lines_) {
      if (l.state == State::kBody) {
        if (!doc_->text.empty()) doc_->text += "\n\n";
        // The text core's display form (NFKC of presentation forms, bidi
        // and zero-width controls removed) on top of our whitespace cleanup.
        AppendDisplayForm(l.text);
      } else if (l.state == State::kRemoved) {
        doc_->removed.push_back({std::move(l.text), std::move(l.reason)});
      }
    }
    for (auto& [text, reason] : removed_prefixes_) {
      doc_->removed.push_back({std::move(text), std::move(reason)});
    }
  }

  const CleanLexicon& lex_;
  const Normalizer& normalizer_;
  const FurnitureModel* model_;
  NormalizedText display_;
  Document* doc_;
  std::vector<Line> lines_;
  std::unordered_set<std::string_view> body_words_;  // views into the keys
  std::deque<std::string> full_keys_;  // whole-paragraph keys (stable storage)
  std::string outlet_key_;
  size_t title_ = static_cast<size_t>(-1);
  std::vector<std::pair<std::string, std::string>> removed_prefixes_;
};

}  // namespace

void CleanTextDump(const CleanLexicon& lex, const Normalizer& normalizer,
                   const FurnitureModel* model, Document* doc) {
  TextCleaner(lex, normalizer, model, doc).Run();
}

}  // namespace marsad
