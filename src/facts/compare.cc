#include "src/facts/compare.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "src/base/data.h"
#include "src/facts/lexicon.h"
#include "src/facts/util.h"

namespace marsad {

namespace {

using json = nlohmann::json;

constexpr const char* kCasualtyKinds[] = {"killed", "injured", "killed_or_injured", "missing"};

bool IsCasualty(const std::string& slot) {
  for (const char* k : kCasualtyKinds) {
    if (slot == k) return true;
  }
  return false;
}

// Slots whose figures can be compared: the same kind, or a kind and the
// combined count that includes it.
bool Related(const std::string& a, const std::string& b) {
  if (a == b) return true;
  auto pair = [&](const char* x, const char* y) {
    return (a == x && b == y) || (a == y && b == x);
  };
  return pair("killed", "killed_or_injured") || pair("injured", "killed_or_injured");
}

struct Range {
  double lo, hi;
};

Range RangeOf(const Claim& c) {
  double lo = c.min, hi = c.max;
  if (c.approximate && hi == lo) {
    lo *= 0.9;
    hi *= 1.1;
  }
  return {lo, hi};
}

bool Overlap(Range a, Range b) { return a.lo <= b.hi && b.lo <= a.hi; }

std::string Source(const ComparedClaim& c) {
  return std::to_string(c.article) + "|" + c.claim.speaker;
}

// A group of compatible claims of one slot.
struct Group {
  std::string slot;
  std::vector<int> members;
  Range range{0, 0};
  std::string key;  // value key for non-numeric slots
};

class Comparer {
 public:
  explicit Comparer(const std::vector<const Document*>& reports) : reports_(reports) {}

  Comparison Run() {
    Collect();
    Matrix();
    Groups();
    Numeric();
    Modality();
    for (const Group& g : groups_) {
      std::set<int64_t> articles;
      for (int m : g.members) articles.insert(c_.claims[m].article);
      if (articles.size() >= 2) ++c_.agreements;
    }
    return std::move(c_);
  }

 private:
  void Collect() {
    for (const Document* d : reports_) {
      std::string outlet = OutletLabel(*d);
      if (std::find(c_.outlets.begin(), c_.outlets.end(), outlet) == c_.outlets.end()) {
        c_.outlets.push_back(outlet);
      }
      std::set<std::string> seen;
      for (const Claim& cl : d->claims) {
        std::string dedup = cl.slot + "|" + cl.value + "|" + cl.speaker + "|" + cl.modality;
        if (!seen.insert(dedup).second) continue;
        ComparedClaim cc;
        cc.article = d->id;
        cc.outlet = outlet;
        cc.claim = cl;
        if (cl.span.end <= d->text.size()) cc.text = std::string(cl.span.In(d->text));
        int q = QuoteContaining(*d, cl.span);
        if (q >= 0) cc.via = d->quotes[q].via;
        docs_.push_back(d);
        c_.claims.push_back(std::move(cc));
      }
    }
  }

  static int SlotRank(const std::string& slot) {
    if (IsCasualty(slot)) return 0;
    if (slot.rfind("presence:", 0) == 0) return 1;
    if (slot == "attack") return 2;
    return 3;
  }

  void Matrix() {
    std::vector<std::string> slots;
    for (const ComparedClaim& cc : c_.claims) {
      if (std::find(slots.begin(), slots.end(), cc.claim.slot) == slots.end()) {
        slots.push_back(cc.claim.slot);
      }
    }
    std::stable_sort(slots.begin(), slots.end(), [](const std::string& a, const std::string& b) {
      return SlotRank(a) < SlotRank(b);
    });
    for (const std::string& slot : slots) {
      ComparisonRow row;
      row.slot = slot;
      for (const std::string& outlet : c_.outlets) {
        ComparisonCell cell;
        cell.outlet = outlet;
        for (size_t i = 0; i < c_.claims.size(); ++i) {
          if (c_.claims[i].claim.slot == slot && c_.claims[i].outlet == outlet) {
            cell.claims.push_back(static_cast<int>(i));
          }
        }
        if (!cell.claims.empty()) row.cells.push_back(std::move(cell));
      }
      c_.matrix.push_back(std::move(row));
    }
  }

  std::string ValueKey(const ComparedClaim& cc) const {
    return FoldPhrase(cc.claim.value) + "|" + (cc.claim.modality == "denied" ? "denied" : "");
  }

  // Greedy grouping: a claim joins the first group of its slot it is
  // compatible with (overlapping range, or equal value key).
  void Groups() {
    for (size_t i = 0; i < c_.claims.size(); ++i) {
      const Claim& cl = c_.claims[i].claim;
      bool numeric = IsCasualty(cl.slot);
      Range r = RangeOf(cl);
      std::string key = numeric ? "" : ValueKey(c_.claims[i]);
      bool joined = false;
      for (Group& g : groups_) {
        if (g.slot != cl.slot) continue;
        if (numeric ? Overlap(g.range, r) : g.key == key) {
          g.members.push_back(static_cast<int>(i));
          if (numeric) g.range = {std::max(g.range.lo, r.lo), std::min(g.range.hi, r.hi)};
          joined = true;
          break;
        }
      }
      if (!joined) groups_.push_back({cl.slot, {static_cast<int>(i)}, r, key});
    }
  }

  bool OneSource(const Group& a, const Group& b) const {
    std::set<std::string> s;
    for (int m : a.members) s.insert(Source(c_.claims[m]));
    for (int m : b.members) s.insert(Source(c_.claims[m]));
    return s.size() < 2;
  }

  // Event type of a claim's event ("" if none).
  std::string EventType(int i) const {
    const Claim& cl = c_.claims[i].claim;
    const Document* d = docs_[i];
    if (cl.event < 0 || cl.event >= static_cast<int>(d->events.size())) return "";
    return d->events[cl.event].plover;
  }

  bool SameEventType(const Group& a, const Group& b) const {
    std::string ta = EventType(a.members[0]), tb = EventType(b.members[0]);
    return ta.empty() || tb.empty() || ta == tb;
  }

  std::string Describe(const Group& g) const {
    const ComparedClaim& first = c_.claims[g.members[0]];
    std::set<std::string> who;
    for (int m : g.members) {
      const ComparedClaim& cc = c_.claims[m];
      who.insert(cc.claim.speaker.empty() ? cc.outlet : cc.claim.speaker + " / " + cc.outlet);
    }
    std::string s = first.claim.slot + " " + first.claim.value + " (";
    bool sep = false;
    for (const std::string& w : who) {
      s += (sep ? "; " : "") + w;
      sep = true;
    }
    return s + ")";
  }

  void Flag(const Group& a, const Group& b, std::string kind, const std::string& why) {
    Disagreement d;
    d.slots = {a.slot};
    if (b.slot != a.slot) d.slots.push_back(b.slot);
    d.kind = std::move(kind);
    d.reason = Describe(a) + " vs " + Describe(b) + ": " + why;
    d.claims = a.members;
    d.first_side = d.claims.size();
    d.claims.insert(d.claims.end(), b.members.begin(), b.members.end());
    c_.disagreements.push_back(std::move(d));
  }

  void Numeric() {
    for (size_t i = 0; i < groups_.size(); ++i) {
      for (size_t j = i + 1; j < groups_.size(); ++j) {
        const Group& a = groups_[i];
        const Group& b = groups_[j];
        if (!IsCasualty(a.slot) || !IsCasualty(b.slot) || !Related(a.slot, b.slot)) continue;
        if (OneSource(a, b) || !SameEventType(a, b)) continue;
        bool overlap = Overlap(a.range, b.range);
        if (a.slot == b.slot) {
          if (!overlap) Flag(a, b, "size", "figures do not overlap");
        } else {
          Flag(a, b, overlap ? "kind" : "kind_and_size",
               overlap ? "different in kind" : "different in kind and size");
        }
      }
    }
  }

  std::set<std::string> ActorWords(int i) const {
    std::set<std::string> out;
    const Claim& cl = c_.claims[i].claim;
    const Document* d = docs_[i];
    if (cl.event < 0 || cl.event >= static_cast<int>(d->events.size())) return out;
    std::string key = FoldPhrase(d->events[cl.event].actor);
    for (std::string_view w : Split(key, ' ')) {
      if (w.size() > 4) out.emplace(w);
    }
    return out;
  }

  bool SameActor(const Group& a, const Group& b) const {
    std::set<std::string> x = ActorWords(a.members[0]), y = ActorWords(b.members[0]);
    for (const std::string& w : x) {
      if (y.count(w)) return true;
    }
    return false;
  }

  void Modality() {
    for (size_t i = 0; i < groups_.size(); ++i) {
      for (size_t j = 0; j < groups_.size(); ++j) {
        const Group& a = groups_[i];
        const Group& b = groups_[j];
        if (a.slot != b.slot || IsCasualty(a.slot)) continue;
        const Claim& ca = c_.claims[a.members[0]].claim;
        const Claim& cb = c_.claims[b.members[0]].claim;
        if (ca.modality == "denied" || cb.modality != "denied") continue;
        bool presence = a.slot.rfind("presence:", 0) == 0;
        bool same_attack = a.slot == "attack" && FoldPhrase(ca.value) == FoldPhrase(cb.value) &&
                           SameActor(a, b);
        if (!presence && !same_attack) continue;
        if (OneSource(a, b)) continue;
        Flag(a, b, "assertion_vs_denial", "one source asserts what another denies");
      }
    }
  }

  const std::vector<const Document*>& reports_;
  std::vector<const Document*> docs_;  // parallel to c_.claims
  std::vector<Group> groups_;
  Comparison c_;
};

json ClaimJson(const ComparedClaim& cc) {
  const Claim& cl = cc.claim;
  bool numeric = IsCasualty(cl.slot);
  auto num = [&](double v) { return numeric && std::isfinite(v) ? json(v) : json(); };
  return {{"article", cc.article},
          {"outlet", cc.outlet},
          {"slot", cl.slot},
          {"value", cl.value},
          {"min", num(cl.min)},
          {"max", num(cl.max)},
          {"approximate", cl.approximate},
          {"speaker", cl.speaker},
          {"via", cc.via},
          {"modality", cl.modality},
          {"text", cc.text},
          {"span", {{"begin", cl.span.begin}, {"end", cl.span.end}}},
          {"event", cl.event}};
}

}  // namespace

std::string OutletLabel(const Document& d) {
  if (!d.outlet.empty()) return d.outlet;
  if (!d.agency.empty()) return d.agency;
  return "\xD8\xAA\xD9\x82\xD8\xB1\xD9\x8A\xD8\xB1 " + std::to_string(d.id);  // تقرير
}

Comparison CompareStory(const std::vector<const Document*>& reports) {
  return Comparer(reports).Run();
}

json ComparisonToJson(const Comparison& c,
                      const ComparisonJsonLimits& limits) {
  std::vector<bool> disputed(c.claims.size(), false);
  for (const Disagreement& d : c.disagreements)
    for (int i : d.claims) disputed[i] = true;
  json claims = json::array();
  for (size_t i = 0; i < c.claims.size(); ++i) {
    claims.push_back(ClaimJson(c.claims[i]));
    claims.back()["disputed"] = static_cast<bool>(disputed[i]);
  }
  const size_t max_claims =
      limits.max_claims ? limits.max_claims : std::numeric_limits<size_t>::max();
  auto list_of = [&](const std::vector<int>& ids, size_t first_side,
                     json* out) {
    json list = json::array();
    if (ids.size() <= max_claims) {
      for (int i : ids) list.push_back(claims[i]);
    } else {
      // Both sides of a disagreement stay visible: half from each.
      size_t a = first_side ? std::min(first_side, max_claims / 2 +
                                                       max_claims % 2)
                            : max_claims;
      size_t b = max_claims - a;
      for (size_t k = 0; k < a; ++k) list.push_back(claims[ids[k]]);
      for (size_t k = 0; k < b && first_side + k < ids.size(); ++k)
        list.push_back(claims[ids[first_side + k]]);
      (*out)["claims_total"] = ids.size();
    }
    (*out)["claims"] = std::move(list);
  };
  json matrix = json::array();
  for (const ComparisonRow& row : c.matrix) {
    json cells = json::array();
    for (const ComparisonCell& cell : row.cells) {
      json jc = {{"outlet", cell.outlet}};
      list_of(cell.claims, 0, &jc);
      cells.push_back(std::move(jc));
    }
    matrix.push_back({{"slot", row.slot}, {"cells", std::move(cells)}});
  }
  std::vector<const Disagreement*> order;
  for (const Disagreement& d : c.disagreements) order.push_back(&d);
  if (limits.max_disagreements && order.size() > limits.max_disagreements) {
    std::stable_sort(order.begin(), order.end(),
                     [](const Disagreement* x, const Disagreement* y) {
                       bool dx = x->kind == "assertion_vs_denial";
                       bool dy = y->kind == "assertion_vs_denial";
                       if (dx != dy) return dx;
                       return x->claims.size() > y->claims.size();
                     });
    order.resize(limits.max_disagreements);
  }
  json dis = json::array();
  for (const Disagreement* d : order) {
    json jd = {{"slots", d->slots}, {"kind", d->kind}, {"reason", d->reason}};
    list_of(d->claims, d->first_side, &jd);
    dis.push_back(std::move(jd));
  }
  return {{"outlets", c.outlets},
          {"matrix", std::move(matrix)},
          {"disagreements", std::move(dis)},
          {"disagreements_total", c.disagreements.size()},
          {"agreements", c.agreements}};
}

}  // namespace marsad
