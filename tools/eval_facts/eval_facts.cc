// eval_facts: quotations, speakers, event types and casualty figures of
// src/facts against hand-annotated corpus sentences.
//
//   eval_facts --corpus ../shared/data/corpus/saudinewsnet.jsonl.gz
//              --gold tests/gold/facts/gold.jsonl [--verbose]
//   eval_facts --corpus ../shared/data/corpus/ant_2018_multisource.jsonl.gz
//              --gold tests/gold/facts_heldout/ant2018.jsonl --split dev
//              [--verbose]
//
// The gold files hold no press text: each line names a corpus record (its
// line number), a sentence as UTF-8 byte offsets into the record's `content`
// with an FNV-1a hash of its bytes, and the annotations as offsets relative
// to the sentence (tests/gold/facts/README.md; the held-out format of
// tests/gold/facts_heldout/README.md adds `split`, `speaker_head`,
// `speaker_abs` and `speaker_note`). The evaluator reads the sentences from
// the corpus at run time, runs the text core, the NER stage (unless
// --no-ner) and the fact stage on the whole record (so carry-over has its
// context) and scores what falls inside each gold sentence:
//
//  * quotations: a predicted quotation matches a gold one when their cues
//    overlap and the gold content anchor lies inside the predicted content.
//    The anchor is the first word of the gold content that is not an opener
//    (the SaudiNewsNet held-out gold starts it at the complementizer: "إلى
//    أن فلول" is anchored at فلول). Precision over predicted quotations whose
//    cue is in a gold sentence, recall over gold quotations.
//  * speaker right (held-out format): over every gold quotation with a
//    speaker (named in the sentence, or `speaker_abs` earlier in the
//    article), right when the quotation was found AND the predicted speaker
//    names the gold one: every word of `speaker_head` is a word of the
//    predicted speaker, and the predicted speaker has no word outside the
//    gold speaker phrase (function words aside). Words are compared folded
//    and clitic-insensitive (والوزارة = الوزارة = وزارة). A speaker that
//    marsad resolved from an anaphor in the sentence (gold "المصدر",
//    predicted the fuller earlier mention), or carried from a speaker of the
//    same sentence (قال ترامب ... قائلا), is judged on its in-sentence span
//    when that span lies inside the gold speaker phrase.
//  * speaker (lenient, the old measure): over matched quotations with a
//    speaker in the sentence, right when every gold speaker word is a word
//    of the predicted speaker.
//  * event types: micro P/R/F1 of (sentence, PLOVER type) pairs.
//  * casualty figures: kind + min + max one to one within the sentence (and
//    `approx` for an exact value); an open upper bound ("أكثر من 570": gold
//    min 570, max null) is right as min 570 or 571; an open lower bound
//    (gold min null) is right with any min below max. Reported as matched /
//    gold, precision, and the hard negatives (no quotation, no figure) that
//    were given a figure.
//
// Honest evaluation: --verbose prints sentences and errors and is refused
// on the test split (rules are written from dev only).
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "src/base/data.h"
#include "src/facts/facts.h"
#include "src/nlp/entities.h"
#include "src/text/analyze.h"
#include "src/text/normalize.h"
#include "src/text/tables.h"
#include "tools/eval_facts/records.h"

namespace marsad {
namespace {

using json = nlohmann::json;

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string Hex(uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

struct Counts {
  int tp = 0, pred = 0, gold = 0;
  double P() const { return pred ? double(tp) / pred : 0; }
  double R() const { return gold ? double(tp) / gold : 0; }
  double F() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
};

// Folded words of s, split on spaces, punctuation and quote marks.
std::vector<std::string> SplitWords(const Normalizer& normalizer,
                                    std::string_view s) {
  std::vector<std::string> out;
  std::string key = normalizer.FoldKey(s);
  std::string cur;
  for (char c : key + " ") {
    bool sep = c == ' ' || c == '"' || c == '(' || c == ')' || c == ',' ||
               c == '.' || c == ':' || c == '\'' || c == '-';
    if (sep) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  // The Arabic comma and quote marks survive FoldKey as multi-byte words.
  std::vector<std::string> words;
  for (std::string& w : out) {
    if (w == "\xD8\x8C" || w == "\xC2\xAB" || w == "\xC2\xBB" ||
        w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D")
      continue;
    words.push_back(std::move(w));
  }
  return words;
}

std::set<std::string> Words(const Normalizer& normalizer, std::string_view s) {
  std::set<std::string> out;
  for (std::string w : SplitWords(normalizer, s)) {
    // Without the article: "الموقع" and "موقع" are one speaker word.
    if (w.size() > 6 && w.compare(0, 4, "\xD8\xA7\xD9\x84") == 0) w.erase(0, 4);
    out.insert(w);
  }
  return out;
}

// The clitic-stripped readings of a folded word: itself, without و/ف, then
// without ب/ل/ك, then without ال (or the ل of لل), keeping two letters.
std::set<std::string> Readings(const std::string& w) {
  std::set<std::string> out{w};
  auto strip = [](const std::string& s, std::string_view p) {
    return s.size() >= p.size() + 4 && s.compare(0, p.size(), p) == 0;
  };
  std::vector<std::string> level{w};
  for (auto prefixes :
       {std::vector<std::string_view>{"\xD9\x88", "\xD9\x81"},
        std::vector<std::string_view>{"\xD8\xA8", "\xD9\x84", "\xD9\x83"},
        std::vector<std::string_view>{"\xD8\xA7\xD9\x84", "\xD9\x84"}}) {
    std::vector<std::string> next = level;
    for (const std::string& s : level) {
      for (std::string_view p : prefixes) {
        if (strip(s, p)) next.push_back(s.substr(p.size()));
      }
    }
    level = next;
    out.insert(level.begin(), level.end());
  }
  return out;
}

bool SameWord(const std::string& a, const std::string& b) {
  if (a == b) return true;
  std::set<std::string> ra = Readings(a);
  for (const std::string& x : Readings(b)) {
    if (ra.count(x)) return true;
  }
  return false;
}

bool HasWord(const std::vector<std::string>& words, const std::string& w) {
  for (const std::string& x : words) {
    if (SameWord(x, w)) return true;
  }
  return false;
}

// Function words a speaker phrase may hold without naming anyone else.
bool FunctionWord(const std::string& w) {
  static const std::set<std::string> kWords = {
      "\xD9\x88",                          // و
      "\xD9\x81\xD9\x8A",                  // في
      "\xD9\x85\xD9\x86",                  // من
      "\xD8\xB9\xD9\x86",                  // عن
      "\xD9\x84",                          // ل
      "\xD9\x84\xD9\x80",                  // لـ
      "\xD8\xA7\xD9\x84",                  // ال
      "\xD8\xA8\xD8\xA7\xD8\xB3\xD9\x85",  // باسم
  };
  return kWords.count(w) > 0;
}

// Strict: every head word in `pred`, every word of `pred` in `phrase`.
bool NamesSpeaker(const std::vector<std::string>& head,
                  const std::vector<std::string>& phrase,
                  const std::vector<std::string>& pred) {
  if (head.empty() || pred.empty()) return false;
  for (const std::string& h : head) {
    if (!HasWord(pred, h)) return false;
  }
  for (const std::string& p : pred) {
    if (!FunctionWord(p) && !HasWord(phrase, p)) return false;
  }
  return true;
}

// True if a predicted figure is the gold one (see the file comment).
bool SameFigure(const json& g, const Casualty& c) {
  if (g["kind"] != c.kind) return false;
  const NumberMention& n = c.number;
  bool open_max = g["max"].is_null(), open_min = g["min"].is_null();
  if (open_min)
    return !open_max && n.max == g["max"].get<double>() && n.min < n.max;
  double gmin = g["min"].get<double>();
  if (open_max)
    return std::isinf(n.max) && (n.min == gmin || n.min == gmin + 1);
  if (std::isinf(n.max) || n.min != gmin || n.max != g["max"].get<double>())
    return false;
  bool range = g["max"].get<double>() != gmin;
  return range || g["approx"].get<bool>() == n.approximate;
}

std::string FigureString(const Casualty& c) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%s:%g-%g%s", c.kind.c_str(), c.number.min,
                c.number.max, c.number.approximate ? "~" : "");
  return buf;
}

// First byte of the first word of `content` that is not an opener (إلى/على,
// أن/إن/بأن and their pronoun forms, a colon or a quote mark); the content's
// own first byte when every word is one.
uint32_t AnchorStart(const Normalizer& normalizer, std::string_view text,
                     Span content) {
  static const std::set<std::string> kOpeners = {
      "\xD8\xA7\xD9\x84\xD9\x8A",  // الي (إلى)
      "\xD8\xB9\xD9\x84\xD9\x8A",  // علي (على)
      "\xD8\xA7\xD9\x86",          // ان (أن، إن)
      "\xD8\xA8\xD8\xA7\xD9\x86",  // بان
      "\xD8\xA7\xD9\x86\xD9\x87", "\xD8\xA7\xD9\x86\xD9\x87\xD8\xA7",
      "\xD8\xA7\xD9\x86\xD9\x87\xD9\x85", "\xD8\xA8\xD8\xA7\xD9\x86\xD9\x87",
      "\xD8\xA8\xD8\xA7\xD9\x86\xD9\x87\xD8\xA7",
      "\xD8\xA8\xD8\xA7\xD9\x86\xD9\x87\xD9\x85",
      // (speakers round 12: the dual and first-person forms the parser
      // also opens with: انهما، بانهما، اننا، باننا، انني، بانني)
      "\xD8\xA7\xD9\x86\xD9\x87\xD9\x85\xD8\xA7",
      "\xD8\xA8\xD8\xA7\xD9\x86\xD9\x87\xD9\x85\xD8\xA7",
      "\xD8\xA7\xD9\x86\xD9\x86\xD8\xA7",
      "\xD8\xA8\xD8\xA7\xD9\x86\xD9\x86\xD8\xA7",
      "\xD8\xA7\xD9\x86\xD9\x86\xD9\x8A",
      "\xD8\xA8\xD8\xA7\xD9\x86\xD9\x86\xD9\x8A"};
  // A quote mark: ASCII " or « » “ ” (two and three bytes in UTF-8).
  auto mark = [&](uint32_t at) -> uint32_t {
    std::string_view r = text.substr(at);
    if (r.starts_with("\xC2\xAB") || r.starts_with("\xC2\xBB")) return 2;
    if (r.starts_with("\xE2\x80\x9C") || r.starts_with("\xE2\x80\x9D"))
      return 3;
    return r.starts_with("\"") ? 1 : 0;
  };
  uint32_t p = content.begin;
  const uint32_t end = std::min<uint32_t>(text.size(), content.end + 200);
  while (p < end) {
    while (p < end && (text[p] == ' ' || text[p] == ':' || mark(p))) {
      p += text[p] == ' ' || text[p] == ':' ? 1 : mark(p);
    }
    uint32_t q = p;
    while (q < end && text[q] != ' ') ++q;
    std::vector<std::string> w = SplitWords(normalizer, text.substr(p, q - p));
    if (w.empty() || !kOpeners.count(w[0])) return p < end ? p : content.begin;
    p = q;
  }
  return content.begin;
}

const std::set<std::string> kTypes = {"ASSAULT", "FIGHT", "PROTEST", "COERCE",
                                      "ACCIDENT"};

Span SpanAt(const json& a, uint32_t base) {
  return Span{base + a[0].get<uint32_t>(), base + a[1].get<uint32_t>()};
}

class Evaluator {
 public:
  Evaluator(const Normalizer& normalizer, bool verbose)
      : normalizer_(normalizer), verbose_(verbose) {}

  void Sentence(const json& g, const Document& d) {
    uint32_t b = g["begin"], e = g["end"];
    ++sentences_;
    auto in = [&](Span s) { return s.begin >= b && s.begin < e; };
    Quotes(g, d, b, in);
    Events(g, d, in);
  }

  void Print(bool heldout) const {
    std::printf("sentences: %d (records read from the corpus at run time)\n",
                sentences_);
    std::printf(
        "quotations: P %.3f  R %.3f  F1 %.3f  (tp %d, predicted %d, gold %d)\n",
        quotes_.P(), quotes_.R(), quotes_.F(), quotes_.tp, quotes_.pred,
        quotes_.gold);
    if (heldout) {
      std::printf(
          "speaker right: %.3f  (%d of %d gold quotations with a speaker: %d "
          "in the "
          "sentence, %d earlier)\n",
          strict_total_ ? double(strict_ok_) / strict_total_ : 0, strict_ok_,
          strict_total_, strict_total_ - abs_total_, abs_total_);
      std::printf(
          "  in-sentence %d of %d, earlier in the article %d of %d; sourceless "
          "quotations "
          "given a speaker: %d of %d\n",
          strict_ok_ - abs_ok_, strict_total_ - abs_total_, abs_ok_, abs_total_,
          invented_, none_found_);
    }
    std::printf(
        "speaker (lenient: gold words inside the predicted speaker): %.3f  (%d "
        "of %d "
        "matched quotations with a gold speaker in the sentence)\n",
        speakers_total_ ? double(speakers_ok_) / speakers_total_ : 0,
        speakers_ok_, speakers_total_);
    std::printf(
        "event type: P %.3f  R %.3f  F1 %.3f  (tp %d, predicted %d, gold %d)\n",
        types_.P(), types_.R(), types_.F(), types_.tp, types_.pred,
        types_.gold);
    std::printf(
        "casualty figures: exact match %.3f of gold (%d of %d), precision %.3f "
        "(%d "
        "predicted)\n",
        cas_.R(), cas_.tp, cas_.gold, cas_.P(), cas_.pred);
    std::printf("negatives given a figure: %d of %d\n", negatives_hit_,
                negatives_);
  }

 private:
  template <typename In>
  void Quotes(const json& g, const Document& d, uint32_t b, In in) {
    std::vector<bool> used(d.quotes.size(), false);
    for (size_t i = 0; i < d.quotes.size(); ++i)
      quotes_.pred += in(d.quotes[i].cue);
    for (const json& q : g["quotes"]) {
      ++quotes_.gold;
      Span cue = SpanAt(q["cue"], b);
      uint32_t anchor =
          AnchorStart(normalizer_, d.text, SpanAt(q["content"], b));
      int found = -1;
      for (size_t i = 0; i < d.quotes.size() && found < 0; ++i) {
        const Quote& p = d.quotes[i];
        if (used[i] || !in(p.cue)) continue;
        bool cue_ok = p.cue.begin < cue.end && cue.begin < p.cue.end;
        if (cue_ok && p.content.begin <= anchor && anchor < p.content.end) {
          found = static_cast<int>(i);
        }
      }
      if (found >= 0) {
        used[found] = true;
        ++quotes_.tp;
      }
      const Quote* pq = found >= 0 ? &d.quotes[found] : nullptr;
      Strict(q, d, b, pq, cue);
      if (!pq || q["speaker"].is_null()) continue;
      ++speakers_total_;
      Span sp = SpanAt(q["speaker"], b);
      std::set<std::string> gw = Words(normalizer_, sp.In(d.text)),
                            pw = Words(normalizer_, pq->speaker);
      bool ok = !gw.empty();
      for (const std::string& w : gw) ok &= pw.count(w) > 0;
      speakers_ok_ += ok;
    }
    for (size_t i = 0; verbose_ && i < d.quotes.size(); ++i) {
      const Quote& p = d.quotes[i];
      if (used[i] || !in(p.cue)) continue;
      std::printf("  EXTRA quote: cue [%s] speaker [%s] content [%s]\n",
                  std::string(p.cue.In(d.text)).c_str(), p.speaker.c_str(),
                  std::string(p.content.In(d.text).substr(0, 60)).c_str());
    }
  }

  // The held-out speaker measure (see the file comment).
  void Strict(const json& q, const Document& d, uint32_t b, const Quote* pq,
              Span cue) {
    bool has_in = q.contains("speaker") && !q["speaker"].is_null();
    bool has_abs =
        !has_in && q.contains("speaker_abs") && !q["speaker_abs"].is_null();
    std::string cue_text(cue.In(d.text));
    if (!has_in && !has_abs) {
      if (q.contains("speaker_note") && pq) {
        ++none_found_;
        invented_ += !pq->speaker.empty();
        if (verbose_ && !pq->speaker.empty()) {
          std::printf("  SPEAKER cue [%s]: gold none, predicted [%s]\n",
                      cue_text.c_str(), pq->speaker.c_str());
        }
      }
      if (!pq && verbose_)
        std::printf("  MISSED quote: cue [%s] (no speaker)\n",
                    cue_text.c_str());
      return;
    }
    ++strict_total_;
    abs_total_ += has_abs;
    Span phrase =
        has_in ? SpanAt(q["speaker"], b) : SpanAt(q["speaker_abs"], 0);
    Span head = phrase;
    if (q.contains("speaker_head") && !q["speaker_head"].is_null()) {
      head = SpanAt(q["speaker_head"], has_in ? b : 0);
    }
    std::string phrase_text(phrase.In(d.text)), head_text(head.In(d.text));
    if (!pq) {
      if (verbose_) {
        std::printf("  MISSED quote: cue [%s] speaker [%s]\n", cue_text.c_str(),
                    phrase_text.c_str());
      }
      return;
    }
    std::vector<std::string> hw = SplitWords(normalizer_, head_text),
                             gw = SplitWords(normalizer_, phrase_text);
    bool ok = NamesSpeaker(hw, gw, SplitWords(normalizer_, pq->speaker));
    // A span inside the gold phrase points at the gold mention itself, also
    // when a subjectless cue carried it from a speaker of the same sentence
    // (قال ترامب ... قائلا: the span is ترامب's).
    bool inside = !pq->speaker_span.empty() &&
                  pq->speaker_span.begin >= phrase.begin &&
                  pq->speaker_span.end <= phrase.end;
    if (!ok && has_in && inside) {
      // Resolved from an anaphor or carried in the sentence: judge the
      // in-sentence words.
      ok = NamesSpeaker(hw, gw,
                        SplitWords(normalizer_, pq->speaker_span.In(d.text)));
    }
    strict_ok_ += ok;
    abs_ok_ += ok && has_abs;
    if (!ok && verbose_) {
      std::printf(
          "  SPEAKER cue [%s]%s: gold [%s] head [%s] predicted [%s]%s\n",
          cue_text.c_str(), has_abs ? " (earlier)" : "", phrase_text.c_str(),
          head_text.c_str(), pq->speaker.c_str(),
          pq->carried_over ? " (carried over)" : "");
    }
  }

  template <typename In>
  void Events(const json& g, const Document& d, In in) {
    std::set<std::string> gold, pred;
    std::vector<json> gold_cas;
    for (const json& ev : g["events"]) {
      gold.insert(ev["type"].get<std::string>());
      for (const json& c : ev["casualties"]) gold_cas.push_back(c);
    }
    std::vector<const Casualty*> pred_cas;
    for (const Event& ev : d.events) {
      if (in(ev.trigger) && kTypes.count(ev.plover)) pred.insert(ev.plover);
      for (const Casualty& c : ev.casualties) {
        if (in(c.number.span)) pred_cas.push_back(&c);
      }
    }
    for (const std::string& t : pred) types_.tp += gold.count(t);
    types_.pred += pred.size();
    types_.gold += gold.size();
    if (g["quotes"].empty() && gold_cas.empty()) {
      ++negatives_;
      negatives_hit_ += !pred_cas.empty();
    }
    if (verbose_ && pred != gold) {
      std::string gs, ps;
      for (const auto& t : gold) gs += t + " ";
      for (const auto& t : pred) ps += t + " ";
      std::printf("  TYPES: gold {%s} predicted {%s}\n", gs.c_str(),
                  ps.c_str());
    }
    std::vector<bool> used(pred_cas.size(), false);
    int tp = 0;
    for (const json& c : gold_cas) {
      ++cas_.gold;
      for (size_t i = 0; i < pred_cas.size(); ++i) {
        if (!used[i] && SameFigure(c, *pred_cas[i])) {
          used[i] = true;
          ++tp;
          break;
        }
      }
    }
    cas_.tp += tp;
    cas_.pred += pred_cas.size();
    if (verbose_ && (tp != static_cast<int>(gold_cas.size()) ||
                     pred_cas.size() != gold_cas.size())) {
      std::string gs, ps;
      uint32_t b = g["begin"];
      for (const json& c : gold_cas) {
        std::string mx = c["max"].is_null() ? "open" : c["max"].dump();
        std::string mn = c["min"].is_null() ? "open" : c["min"].dump();
        std::string words;
        if (c.contains("span"))
          words = std::string(SpanAt(c["span"], b).In(d.text));
        gs += c["kind"].get<std::string>() + ":" + mn + "-" + mx +
              (c["approx"].get<bool>() ? "~" : "") + "[" + words + "] ";
      }
      for (const Casualty* c : pred_cas) {
        ps += FigureString(*c) + "[" + std::string(c->number.span.In(d.text)) +
              "] ";
      }
      std::printf("  CASUALTIES: gold %s| predicted %s\n", gs.c_str(),
                  ps.c_str());
    }
  }

  const Normalizer& normalizer_;
  bool verbose_;
  int sentences_ = 0;
  Counts quotes_, types_, cas_;
  int speakers_ok_ = 0, speakers_total_ = 0;
  int strict_ok_ = 0, strict_total_ = 0, abs_ok_ = 0, abs_total_ = 0;
  int invented_ = 0, none_found_ = 0;
  int negatives_ = 0, negatives_hit_ = 0;
};

int Usage() {
  std::cerr << "usage: eval_facts --corpus FILE.jsonl.gz --gold GOLD.jsonl "
               "[--split dev|test]\n"
               "                  [--verbose] [--no-ner]\n";
  return 2;
}

int Main(int argc, char** argv) {
  std::string corpus, gold_path, split;
  bool verbose = false, ner = true;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--corpus" && i + 1 < argc) {
      corpus = argv[++i];
    } else if (a == "--gold" && i + 1 < argc) {
      gold_path = argv[++i];
    } else if (a == "--split" && i + 1 < argc) {
      split = argv[++i];
      if (split != "dev" && split != "test") return Usage();
    } else if (a == "--verbose") {
      verbose = true;
    } else if (a == "--no-ner") {
      ner = false;
    } else {
      return Usage();
    }
  }
  std::ifstream in(gold_path);
  if (!in) {
    std::cerr << "eval_facts: cannot read " << gold_path << "\n";
    return 2;
  }
  std::vector<json> gold;
  std::set<int> wanted;
  bool heldout = false;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    json g = json::parse(line);
    heldout |= g.contains("split");
    if (!split.empty() && g.value("split", "") != split) continue;
    wanted.insert(g["record"].get<int>());
    gold.push_back(std::move(g));
  }
  if (heldout && verbose && split != "dev") {
    std::cerr << "eval_facts: --verbose shows sentences and errors; it is for "
                 "--split dev only\n";
    return 2;
  }
  if (gold.empty()) {
    std::cerr << "eval_facts: no gold sentences selected\n";
    return 2;
  }
  auto records = ReadRecords(corpus, wanted);
  if (!records.ok()) {
    std::cerr << "eval_facts: " << records.status().ToString() << "\n";
    return 2;
  }
  auto lexicon = FactsLexicon::Load();
  if (!lexicon.ok()) {
    std::cerr << "eval_facts: " << lexicon.status().ToString() << "\n";
    return 2;
  }
  std::unique_ptr<EntityAnnotator> entities;
  if (ner) {
    auto a = EntityAnnotator::Create();
    if (a.ok()) {
      entities = std::move(*a);
    } else {
      std::cerr << "eval_facts: NER not loaded (" << a.status().ToString()
                << "); facts run without entities\n";
    }
  }
  auto tables = TextTables::Load(DataDir());
  if (!tables.ok()) {
    std::cerr << "eval_facts: " << tables.status().ToString() << "\n";
    return 2;
  }
  std::map<int, Document> docs;
  TextAnalysis analysis;
  for (auto& [n, r] : *records) {
    Document d;
    d.text = r.value("content", "");
    d.published = r.value("date_extracted", "").substr(0, 10);
    analysis.Build(d.text, **tables);
    AnalyzeText(**tables, analysis, &d);
    if (entities) entities->Annotate(analysis, &d);
    FactsFinder(**lexicon, analysis, &d).Run();
    docs[n] = std::move(d);
  }
  Evaluator ev((*tables)->normalizer(), verbose);
  int stale = 0;
  for (const json& g : gold) {
    auto it = docs.find(g["record"].get<int>());
    uint32_t b = g["begin"], e = g["end"];
    if (it == docs.end() || e > it->second.text.size() ||
        Hex(Fnv1a(std::string_view(it->second.text).substr(b, e - b))) !=
            g["fnv"]) {
      ++stale;
      continue;
    }
    if (verbose) {
      std::printf(
          "[%d] %s\n", g["id"].get<int>(),
          std::string(std::string_view(it->second.text).substr(b, e - b))
              .c_str());
    }
    ev.Sentence(g, it->second);
  }
  if (stale)
    std::printf(
        "warning: %d gold sentences not found in this corpus (hash mismatch)\n",
        stale);
  std::printf("gold %s, split %s, NER %s\n", gold_path.c_str(),
              split.empty() ? "all" : split.c_str(), entities ? "on" : "off");
  ev.Print(heldout);
  return 0;
}

}  // namespace
}  // namespace marsad

int main(int argc, char** argv) { return marsad::Main(argc, argv); }
