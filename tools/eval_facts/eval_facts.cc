// eval_facts: quotations, speakers, event types and casualty figures of
// src/facts against the hand-annotated sentences of tests/gold/facts.
//
//   eval_facts --corpus ../shared/data/corpus/saudinewsnet.jsonl.gz
//              --gold tests/gold/facts/gold.jsonl [--verbose]
//
// The gold file holds no press text: each line names a corpus record (its
// line number), a sentence as UTF-8 byte offsets into the record's `content`
// with an FNV-1a hash of its bytes, and the annotations as offsets relative
// to the sentence (see tests/gold/facts/README.md). The evaluator reads the
// sentences from the corpus at run time, runs the text core and the fact
// stage on the whole record (so carry-over has its context) and scores what
// falls inside each gold sentence:
//
//  * quotations: a predicted quotation matches a gold one when their cues
//    overlap and the gold content's first word lies inside the predicted
//    content. Precision over predicted quotations whose cue is in a gold
//    sentence, recall over gold quotations.
//  * speaker attribution: over matched quotations with a speaker in the
//    sentence, correct when every word of the gold speaker (folded) is a
//    word of the predicted speaker.
//  * event types: micro P/R/F1 of (sentence, PLOVER type) pairs for the
//    types the gold set annotates (ASSAULT, FIGHT, PROTEST, COERCE, ACCIDENT).
//  * casualty figures: exact match of (kind, min, max, approximate), one to
//    one, within the sentence; reported as matched / gold (and precision).
#include <zlib.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "src/base/data.h"
#include "src/facts/facts.h"
#include "src/text/analyze.h"
#include "src/text/normalize.h"

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

// Reads the records `wanted` (line numbers) of a .jsonl.gz corpus.
StatusOr<std::map<int, json>> ReadRecords(const std::string& path, const std::set<int>& wanted) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return NotFoundError("cannot open " + path);
  std::map<int, json> out;
  std::string line;
  std::vector<char> buf(1 << 16);
  int n = 0;
  while (gzgets(f, buf.data(), static_cast<int>(buf.size()))) {
    line += buf.data();
    if (line.empty() || line.back() != '\n') continue;
    if (wanted.count(n)) out[n] = json::parse(line, nullptr, false);
    line.clear();
    if (++n > *wanted.rbegin()) break;
  }
  gzclose(f);
  return out;
}

struct Counts {
  int tp = 0, pred = 0, gold = 0;
  double P() const { return pred ? double(tp) / pred : 0; }
  double R() const { return gold ? double(tp) / gold : 0; }
  double F() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
};

std::set<std::string> Words(std::string_view s) {
  std::set<std::string> out;
  std::string key = Normalizer::Default().FoldKey(s);
  std::string cur;
  for (char c : key + " ") {
    if (c == ' ' || c == '"' || c == '(' || c == ')') {
      // Without the article: "الموقع" and "موقع" are one speaker word.
      if (cur.size() > 6 && cur.compare(0, 4, "\xD8\xA7\xD9\x84") == 0) cur.erase(0, 4);
      if (!cur.empty()) out.insert(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

bool SameFigure(const json& g, const Casualty& c) {
  if (g["kind"] != c.kind) return false;
  const NumberMention& n = c.number;
  double gmin = g["min"].get<double>();
  bool unbounded = g["max"].is_null();
  if (n.min != gmin) return false;
  if (unbounded != std::isinf(n.max)) return false;
  if (!unbounded && n.max != g["max"].get<double>()) return false;
  bool range = unbounded || g["max"].get<double>() != gmin;
  return range || g["approx"].get<bool>() == n.approximate;
}

const std::set<std::string> kTypes = {"ASSAULT", "FIGHT", "PROTEST", "COERCE", "ACCIDENT"};

class Evaluator {
 public:
  explicit Evaluator(bool verbose) : verbose_(verbose) {}

  void Sentence(const json& g, const Document& d) {
    uint32_t b = g["begin"], e = g["end"];
    std::string_view text = d.text;
    auto in = [&](Span s) { return s.begin >= b && s.begin < e; };
    Quotes(g, d, b, e, in);
    Events(g, d, in);
    (void)text;
  }

  void Print() const {
    std::printf("sentences: %d (records read from the corpus at run time)\n", sentences_);
    std::printf("quotations: P %.3f  R %.3f  F1 %.3f  (tp %d, predicted %d, gold %d)\n",
                quotes_.P(), quotes_.R(), quotes_.F(), quotes_.tp, quotes_.pred, quotes_.gold);
    std::printf("speaker attribution: %.3f  (%d of %d matched quotations with a gold speaker)\n",
                speakers_total_ ? double(speakers_ok_) / speakers_total_ : 0, speakers_ok_,
                speakers_total_);
    std::printf("event type: P %.3f  R %.3f  F1 %.3f  (tp %d, predicted %d, gold %d)\n",
                types_.P(), types_.R(), types_.F(), types_.tp, types_.pred, types_.gold);
    std::printf("casualty figures: exact match %.3f of gold (%d of %d), precision %.3f (%d predicted)\n",
                cas_.R(), cas_.tp, cas_.gold, cas_.P(), cas_.pred);
  }

  int sentences_ = 0;

 private:
  template <typename In>
  void Quotes(const json& g, const Document& d, uint32_t b, uint32_t e, In in) {
    std::vector<bool> used(d.quotes.size(), false);
    for (size_t i = 0; i < d.quotes.size(); ++i) quotes_.pred += in(d.quotes[i].cue);
    for (const json& q : g["quotes"]) {
      ++quotes_.gold;
      Span cue{b + q["cue"][0].get<uint32_t>(), b + q["cue"][1].get<uint32_t>()};
      uint32_t anchor = b + q["content"][0].get<uint32_t>();
      int found = -1;
      for (size_t i = 0; i < d.quotes.size() && found < 0; ++i) {
        const Quote& p = d.quotes[i];
        if (used[i] || !in(p.cue)) continue;
        bool cue_ok = p.cue.begin < cue.end && cue.begin < p.cue.end;
        if (cue_ok && p.content.begin <= anchor && anchor < p.content.end) found = static_cast<int>(i);
      }
      if (found < 0) {
        if (verbose_) Miss("quote", d, cue, g);
        continue;
      }
      used[found] = true;
      ++quotes_.tp;
      if (verbose_) {
        const Quote& pq = d.quotes[found];
        std::printf("  ok quote: cue [%s] speaker [%s]\n", std::string(pq.cue.In(d.text)).c_str(),
                    pq.speaker.c_str());
      }
      if (q["speaker"].is_null()) continue;
      ++speakers_total_;
      Span sp{b + q["speaker"][0].get<uint32_t>(), b + q["speaker"][1].get<uint32_t>()};
      std::set<std::string> gw = Words(sp.In(d.text)), pw = Words(d.quotes[found].speaker);
      bool ok = !gw.empty();
      for (const std::string& w : gw) ok &= pw.count(w) > 0;
      speakers_ok_ += ok;
      if (!ok && verbose_) {
        std::printf("  speaker: gold [%s] predicted [%s]\n", std::string(sp.In(d.text)).c_str(),
                    d.quotes[found].speaker.c_str());
      }
    }
    for (size_t i = 0; verbose_ && i < d.quotes.size(); ++i) {
      const Quote& p = d.quotes[i];
      if (used[i] || !in(p.cue)) continue;
      std::printf("  extra quote: cue [%s] speaker [%s] content [%s]\n",
                  std::string(p.cue.In(d.text)).c_str(), p.speaker.c_str(),
                  std::string(p.content.In(d.text).substr(0, 60)).c_str());
    }
    (void)e;
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
    if (verbose_ && pred != gold) {
      std::string gs, ps;
      for (const auto& t : gold) gs += t + " ";
      for (const auto& t : pred) ps += t + " ";
      std::printf("  types %d: gold {%s} predicted {%s}\n", g["id"].get<int>(), gs.c_str(), ps.c_str());
    }
    std::vector<bool> used(pred_cas.size(), false);
    for (const json& c : gold_cas) {
      ++cas_.gold;
      for (size_t i = 0; i < pred_cas.size(); ++i) {
        if (!used[i] && SameFigure(c, *pred_cas[i])) {
          used[i] = true;
          ++cas_.tp;
          break;
        }
      }
    }
    cas_.pred += pred_cas.size();
    if (verbose_ && (cas_.tp != last_cas_tp_ + static_cast<int>(gold_cas.size()) ||
                     pred_cas.size() != gold_cas.size())) {
      std::string gs, ps;
      for (const json& c : gold_cas) gs += c.dump() + " ";
      for (const Casualty* c : pred_cas) {
        ps += c->kind + ":" + std::to_string(c->number.min) + "-" + std::to_string(c->number.max) +
              (c->number.approximate ? "~ " : " ");
      }
      std::printf("  casualties %d: gold %s| predicted %s\n", g["id"].get<int>(), gs.c_str(), ps.c_str());
    }
    last_cas_tp_ = cas_.tp;
  }

  void Miss(const char* what, const Document& d, Span s, const json& g) const {
    std::printf("  missed %s in %d at [%u,%u)\n", what, g["id"].get<int>(), s.begin, s.end);
    (void)d;
  }

  bool verbose_;
  Counts quotes_, types_, cas_;
  int speakers_ok_ = 0, speakers_total_ = 0;
  int last_cas_tp_ = 0;
};

int Main(int argc, char** argv) {
  std::string corpus, gold_path;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--corpus" && i + 1 < argc) corpus = argv[++i];
    else if (a == "--gold" && i + 1 < argc) gold_path = argv[++i];
    else if (a == "--verbose") verbose = true;
    else {
      std::cerr << "usage: eval_facts --corpus FILE.jsonl.gz --gold gold.jsonl [--verbose]\n";
      return 2;
    }
  }
  std::ifstream in(gold_path);
  if (!in) {
    std::cerr << "eval_facts: cannot read " << gold_path << "\n";
    return 2;
  }
  std::vector<json> gold;
  std::set<int> wanted;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    gold.push_back(json::parse(line));
    wanted.insert(gold.back()["record"].get<int>());
  }
  auto records = ReadRecords(corpus, wanted);
  if (!records.ok()) {
    std::cerr << "eval_facts: " << records.status().ToString() << "\n";
    return 2;
  }
  std::map<int, Document> docs;
  for (auto& [n, r] : *records) {
    Document d;
    d.text = r.value("content", "");
    d.published = r.value("date_extracted", "").substr(0, 10);
    AnalyzeText(&d);
    FindQuotes(&d);
    FindEvents(&d);
    BuildClaims(&d);
    docs[n] = std::move(d);
  }
  Evaluator ev(verbose);
  int stale = 0;
  for (const json& g : gold) {
    auto it = docs.find(g["record"].get<int>());
    uint32_t b = g["begin"], e = g["end"];
    if (it == docs.end() || e > it->second.text.size() ||
        Hex(Fnv1a(std::string_view(it->second.text).substr(b, e - b))) != g["fnv"]) {
      ++stale;
      continue;
    }
    ++ev.sentences_;
    if (verbose) {
      std::printf("[%d] %s\n", g["id"].get<int>(),
                  std::string(std::string_view(it->second.text).substr(b, e - b)).c_str());
    }
    ev.Sentence(g, it->second);
  }
  if (stale) std::printf("warning: %d gold sentences not found in this corpus (hash mismatch)\n", stale);
  ev.Print();
  return 0;
}

}  // namespace
}  // namespace marsad

int main(int argc, char** argv) { return marsad::Main(argc, argv); }
