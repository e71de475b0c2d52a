// eval_compare: the story comparison (src/facts/compare.h) against the
// hand-annotated multi-outlet stories of tests/gold/compare.
//
//   eval_compare --corpus ../shared/data/corpus/ant_2018_multisource.jsonl.gz
//                --gold tests/gold/compare/stories.jsonl [--verbose]
//
// For each gold story the evaluator builds one Document per report from its
// corpus record (title, outlet, published, url; text = the record's content,
// uncleaned, so that the gold's byte spans index it), runs the analysis marsad
// runs on every report (DocumentProcessor::Analyze: text core, entities,
// quotations, events, claims) and CompareStory on the story. Scores, per split:
//
//  * recall of contested points: a gold contested point of incident scope is
//    recalled when marsad flags a contested point of the matching kind (the
//    same casualty kind, or killed/injured against their combined count;
//    occurred, weapon, responsibility, presence) whose positions match at
//    least two of the gold point's positions with different values. Printed
//    over all contested incident points and over those of the named kinds
//    (casualty figures, occurred, weapon, responsibility, presence: points
//    recalled among them over their count; gold "other" — control of a city,
//    fraud, talks, legality — is left out of this second figure).
//  * false flags: flagged points matching no gold contested point (they match
//    one when the kind matches and two of their positions match its
//    positions), as a share of all flagged points.
//  * positions with the right source: over gold positions matched by a
//    marsad position (same report, overlapping span or, for figures, same
//    bounds), the share whose source is right: every word of the gold source
//    (folded, without the article, "via ..." asides dropped; any of its " / "
//    alternatives) is a word of marsad's, or both are the outlet itself.
//
// Rules are developed on the dev split only; --verbose prints dev details
// and nothing about the test split but its figures.
#include <zlib.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "src/facts/compare.h"
#include "src/pipeline/pipeline.h"
#include "src/pipeline/resources.h"
#include "src/text/normalize.h"
#include "tools/eval_facts/records.h"

namespace marsad {
namespace {

using json = nlohmann::json;

std::set<std::string> Words(const Normalizer& normalizer, std::string_view s) {
  std::set<std::string> out;
  std::string key = normalizer.FoldKey(s);
  std::string cur;
  for (char c : key + " ") {
    if (c == ' ' || c == '"' || c == '(' || c == ')' || c == ',') {
      if (cur.size() > 6 && cur.compare(0, 4, "\xD8\xA7\xD9\x84") == 0)
        cur.erase(0, 4);
      if (cur.size() > 2 && cur.compare(0, 2, "\xD9\x88") == 0 &&
          cur.size() > 8)
        cur.erase(0, 2);
      if (!cur.empty()) out.insert(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

// The gold source's alternatives, without asides in parentheses.
std::vector<std::string> SourceAlternatives(std::string s) {
  for (size_t p; (p = s.find('(')) != std::string::npos;) {
    size_t q = s.find(')', p);
    s.erase(p, q == std::string::npos ? std::string::npos : q - p + 1);
  }
  std::vector<std::string> out;
  size_t b = 0;
  for (size_t p; (p = s.find(" / ", b)) != std::string::npos; b = p + 3) {
    out.push_back(s.substr(b, p - b));
  }
  out.push_back(s.substr(b));
  return out;
}

bool RightSource(const Normalizer& normalizer, const std::string& gold,
                 const std::string& predicted) {
  bool gold_outlet = gold.rfind("the outlet", 0) == 0;
  if (gold_outlet && predicted.empty()) return true;
  if (predicted.empty()) return false;
  std::set<std::string> p = Words(normalizer, predicted);
  for (const std::string& alt : SourceAlternatives(gold)) {
    if (alt.rfind("the outlet", 0) == 0) continue;
    std::set<std::string> g = Words(normalizer, alt);
    if (g.empty()) continue;
    bool all = true;
    for (const std::string& w : g) all &= p.count(w) > 0;
    if (all) return true;
  }
  return false;
}

bool IsFigureKind(const std::string& k) {
  return k == "killed" || k == "injured" || k == "killed_or_injured" ||
         k == "missing";
}

// The gold point kind a marsad slot or point kind answers to.
bool KindMatches(const std::string& gold, const std::string& pred) {
  if (gold == pred) return true;
  if (pred == "killed_or_injured") return gold == "killed" || gold == "injured";
  return false;
}

// One marsad position as the evaluator sees it.
struct PredPosition {
  int64_t record = 0;
  Span span;
  bool numeric = false;
  double min = 0, max = 0;
  std::string value, source;
};

struct PredPoint {
  std::string kind;
  std::string label;
  bool flagged = false;
  std::vector<PredPosition> positions;
};

PredPosition FromClaim(const ComparedClaim& cc) {
  PredPosition p;
  p.record = cc.article;
  p.span = cc.claim.span;
  p.numeric = IsFigureKind(cc.claim.slot);
  p.min = cc.claim.min;
  p.max = cc.claim.max;
  p.value = cc.claim.value;
  p.source = cc.claim.speaker;
  return p;
}

std::vector<PredPoint> PointsOf(const Comparison& c) {
  std::vector<PredPoint> out;
  for (const ContestedPoint& p : c.points) {
    PredPoint pp;
    pp.kind = p.kind;
    pp.label = p.about + (p.scope == "wider" ? " [wider]" : "");
    pp.flagged = p.contested;
    for (const PointPosition& pos : p.positions) {
      for (int i : pos.claims) pp.positions.push_back(FromClaim(c.claims[i]));
    }
    out.push_back(std::move(pp));
  }
  return out;
}

bool Matches(const json& g, const PredPosition& p) {
  if (g["record"].get<int64_t>() != p.record) return false;
  uint32_t b = g["span"][0], e = g["span"][1];
  if (p.span.begin < e && b < p.span.end) return true;
  if (!p.numeric || !g.contains("min") || g["min"].is_null()) return false;
  double gmax = g["max"].is_null() ? INFINITY : g["max"].get<double>();
  return p.min == g["min"].get<double>() && p.max == gmax;
}

// The gold value a position stands for, to tell differing positions apart.
std::string GoldValue(const json& g) {
  if (g.contains("min") && !g["min"].is_null()) {
    return std::to_string(g["min"].get<double>()) + "-" +
           (g["max"].is_null() ? "inf"
                               : std::to_string(g["max"].get<double>()));
  }
  std::string v = g["value"];
  size_t sp = v.find_first_of(" (:;");
  return sp == std::string::npos ? v : v.substr(0, sp);
}

// Gold positions of `gp` matched by the flagged point, and how many distinct
// values they hold.
std::pair<int, int> Hits(const json& gp, const PredPoint& p) {
  int hits = 0;
  std::set<std::string> values;
  for (const json& g : gp["positions"]) {
    for (const PredPosition& x : p.positions) {
      if (Matches(g, x)) {
        ++hits;
        values.insert(GoldValue(g));
        break;
      }
    }
  }
  return {hits, static_cast<int>(values.size())};
}

struct Tally {
  int contested = 0, contested_comparable = 0, recalled = 0;
  int recalled_comparable = 0;  // recalled points of the comparable kinds
  int flagged = 0, false_flags = 0;
  int matched_positions = 0, right_source = 0, gold_positions = 0;
  int points = 0;
};

class Evaluator {
 public:
  Evaluator(const DocumentProcessor& proc, const FactsLexicon& lexicon,
            const Normalizer& normalizer, bool verbose)
      : proc_(proc),
        lexicon_(lexicon),
        normalizer_(normalizer),
        verbose_(verbose) {}

  void Story(const json& s, const std::map<int, json>& records) {
    bool dev = s["split"] == "dev";
    Tally& t = tallies_[s["split"]];
    std::vector<Document> docs = Reports(s, records);
    std::vector<const Document*> ptrs;
    for (const Document& d : docs) ptrs.push_back(&d);
    Comparison c = CompareStory(lexicon_, ptrs);
    std::vector<PredPoint> pred = PointsOf(c);
    bool show = verbose_ && dev;
    if (show)
      std::cout << "\n=== story " << s["id"] << " (" << docs.size()
                << " reports)\n";
    if (show && claims_) Claims(docs, c);
    Recall(s, pred, show, &t);
    FalseFlags(s, pred, show, &t);
    Sources(s, c, show, &t);
    t.points += static_cast<int>(pred.size());
  }

  void Print() const {
    for (const char* split : {"dev", "test"}) {
      auto it = tallies_.find(split);
      if (it == tallies_.end()) continue;
      const Tally& t = it->second;
      auto frac = [](int a, int b) {
        return b ? static_cast<double>(a) / b : 0.0;
      };
      std::printf(
          "%-4s contested-point recall %.3f (%d/%d; of the named kinds "
          "%.3f, %d/%d)  "
          "false flags %.3f (%d/%d flagged)  right source %.3f (%d/%d matched "
          "positions; %d gold)  "
          "points shown %d\n",
          split, frac(t.recalled, t.contested), t.recalled, t.contested,
          frac(t.recalled_comparable, t.contested_comparable),
          t.recalled_comparable, t.contested_comparable,
          frac(t.false_flags, t.flagged), t.false_flags, t.flagged,
          frac(t.right_source, t.matched_positions), t.right_source,
          t.matched_positions, t.gold_positions, t.points);
    }
  }

 private:
  std::vector<Document> Reports(const json& s,
                                const std::map<int, json>& records) const {
    std::set<int> recs;
    for (const json& p : s["points"])
      for (const json& g : p["positions"]) recs.insert(g["record"].get<int>());
    for (const json& u : s["urls"]) {
      auto it = url_record_.find(u.get<std::string>());
      if (it != url_record_.end()) recs.insert(it->second);
    }
    std::vector<Document> docs;
    for (int r : recs) {
      auto it = records.find(r);
      if (it == records.end()) continue;
      const json& j = it->second;
      Document d;
      d.id = r;
      d.outlet = j.value("source", "");
      d.url = j.value("url", "");
      d.title = j.value("title", "");
      d.published = j.value("published", "");
      // SaudiNewsNet's records carry their time as date_extracted, which
      // marsad ingest reads as the publication time (src/ingest/fields.cc).
      if (d.published.empty()) {
        d.published = j.value("date_extracted", "");
        if (d.published.size() > 10 && d.published[10] == ' ')
          d.published[10] = 'T';
      }
      d.raw = j.value("content", "");
      d.text = d.raw;
      proc_.Analyze(&d);
      docs.push_back(std::move(d));
    }
    return docs;
  }

  // --claims: every claim of a dev story with its event and words.
  static void Claims(const std::vector<Document>& docs, const Comparison& c) {
    for (const ComparedClaim& cc : c.claims) {
      const Document* d = nullptr;
      for (const Document& x : docs)
        if (x.id == cc.article) d = &x;
      const Claim& cl = cc.claim;
      std::string ev;
      if (cl.event >= 0 && cl.event < static_cast<int>(d->events.size())) {
        const Event& e = d->events[cl.event];
        ev = e.plover + ":" + e.mode + " @" + e.location + " " + e.date;
      }
      uint32_t b = cl.span.begin > 120 ? cl.span.begin - 120 : 0;
      while (b > 0 && (static_cast<unsigned char>(d->text[b]) & 0xC0) == 0x80)
        --b;
      uint32_t e = std::min<uint32_t>(cl.span.end + 60, d->text.size());
      while (e < d->text.size() &&
             (static_cast<unsigned char>(d->text[e]) & 0xC0) == 0x80)
        ++e;
      std::string ctx = d->text.substr(b, e - b);
      for (char& ch : ctx)
        if (ch == '\n') ch = ' ';
      std::cout << "    r" << cc.article << " "
                << (d->published.size() > 5 ? d->published.substr(5, 11) : "-")
                << " " << cl.slot << "=" << cl.value << " {" << cl.speaker
                << "} " << cl.modality << " [" << ev << "] … " << ctx << "\n";
    }
  }

  static bool Comparable(const std::string& kind) { return kind != "other"; }

  void Recall(const json& s, const std::vector<PredPoint>& pred, bool show,
              Tally* t) {
    for (const json& gp : s["points"]) {
      if (!gp["contested"].get<bool>() || gp["scope"] != "incident") continue;
      std::string kind = gp["point"];
      ++t->contested;
      if (Comparable(kind)) ++t->contested_comparable;
      bool ok = false;
      for (const PredPoint& p : pred) {
        if (!p.flagged || !KindMatches(kind, p.kind)) continue;
        if (Hits(gp, p).second >= 2) ok = true;
      }
      t->recalled += ok;
      if (Comparable(kind)) t->recalled_comparable += ok;
      if (show) {
        std::cout << (ok ? "  recalled " : "  MISSED   ") << kind << ": "
                  << gp["about"].get<std::string>() << "\n";
      }
    }
  }

  void FalseFlags(const json& s, const std::vector<PredPoint>& pred, bool show,
                  Tally* t) {
    for (const PredPoint& p : pred) {
      if (!p.flagged) continue;
      ++t->flagged;
      bool ok = false;
      for (const json& gp : s["points"]) {
        if (!gp["contested"].get<bool>() || !KindMatches(gp["point"], p.kind))
          continue;
        if (Hits(gp, p).first >= 2) ok = true;
      }
      if (!ok) ++t->false_flags;
      if (show) {
        std::cout << (ok ? "  flag ok  " : "  FALSE    ") << p.kind << " "
                  << p.label << ":";
        for (const PredPosition& x : p.positions) {
          std::cout << " " << x.value << "{" << x.source << "}r" << x.record;
        }
        std::cout << "\n";
      }
    }
  }

  void Sources(const json& s, const Comparison& c, bool show, Tally* t) {
    std::vector<PredPosition> all;
    for (const ComparedClaim& cc : c.claims) all.push_back(FromClaim(cc));
    for (const json& gp : s["points"]) {
      for (const json& g : gp["positions"]) {
        ++t->gold_positions;
        const PredPosition* best = nullptr;
        for (const PredPosition& x : all) {
          if (!Matches(g, x)) continue;
          if (!best || RightSource(normalizer_, g["source"], x.source))
            best = &x;
          if (RightSource(normalizer_, g["source"], x.source)) break;
        }
        if (!best) continue;
        ++t->matched_positions;
        bool ok = RightSource(normalizer_, g["source"], best->source);
        t->right_source += ok;
        if (show && !ok) {
          std::cout << "  source   gold «" << g["source"].get<std::string>()
                    << "» marsad «" << best->source << "» ("
                    << gp["point"].get<std::string>() << " "
                    << g["value"].get<std::string>() << ", r" << g["record"]
                    << ")\n";
        }
      }
    }
  }

 public:
  std::map<std::string, int> url_record_;
  bool claims_ = false;

 private:
  const DocumentProcessor& proc_;
  const FactsLexicon& lexicon_;
  const Normalizer& normalizer_;
  bool verbose_;
  std::map<std::string, Tally> tallies_;
};

int Run(int argc, char** argv) {
  std::string corpus, gold;
  bool verbose = false, claims = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--corpus" && i + 1 < argc)
      corpus = argv[++i];
    else if (a == "--gold" && i + 1 < argc)
      gold = argv[++i];
    else if (a == "--verbose")
      verbose = true;
    else if (a == "--claims")
      verbose = claims = true;
    else {
      std::cerr << "usage: eval_compare --corpus FILE.jsonl.gz --gold "
                   "stories.jsonl [--verbose] [--claims]\n";
      return 2;
    }
  }
  std::ifstream in(gold);
  if (corpus.empty() || !in) {
    std::cerr << "eval_compare: --corpus and a readable --gold are required\n";
    return 2;
  }
  std::vector<json> stories;
  std::set<int> wanted;
  std::set<std::string> urls;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    stories.push_back(json::parse(line));
    for (const json& p : stories.back()["points"])
      for (const json& g : p["positions"])
        wanted.insert(g["record"].get<int>());
    for (const json& u : stories.back()["urls"])
      urls.insert(u.get<std::string>());
  }
  // The reports that carry no annotated position are found by url: read the
  // whole corpus once for their line numbers.
  gzFile f = gzopen(corpus.c_str(), "rb");
  if (!f) {
    std::cerr << "eval_compare: cannot open " << corpus << "\n";
    return 1;
  }
  std::map<std::string, int> url_record;
  {
    std::string line;
    std::vector<char> buf(1 << 16);
    int n = 0;
    while (gzgets(f, buf.data(), static_cast<int>(buf.size()))) {
      line += buf.data();
      if (line.empty() || line.back() != '\n') continue;
      size_t p = line.find("\"url\": \"");
      if (p != std::string::npos) {
        size_t q = line.find('"', p + 8);
        std::string u = line.substr(p + 8, q - p - 8);
        if (urls.count(u)) {
          url_record[u] = n;
          wanted.insert(n);
        }
      }
      line.clear();
      ++n;
    }
    gzclose(f);
  }
  auto records = ReadRecords(corpus, wanted);
  if (!records.ok()) {
    std::cerr << "eval_compare: " << records.status().ToString() << "\n";
    return 1;
  }
  auto resources = Resources::LoadDefault();
  if (!resources.ok()) {
    std::cerr << "eval_compare: " << resources.status().ToString() << "\n";
    return 1;
  }
  auto proc = DocumentProcessor::Create(**resources);
  if (!proc.ok()) {
    std::cerr << "eval_compare: " << proc.status().ToString() << "\n";
    return 1;
  }
  Evaluator ev(**proc, *(*resources)->facts_lexicon(),
               (*resources)->normalizer(), verbose);
  ev.url_record_ = std::move(url_record);
  ev.claims_ = claims;
  for (const json& s : stories) ev.Story(s, *records);
  ev.Print();
  return 0;
}

}  // namespace
}  // namespace marsad

int main(int argc, char** argv) { return marsad::Run(argc, argv); }
