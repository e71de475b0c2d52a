#include "src/server/outlet_cites.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

namespace marsad {

using json = nlohmann::json;

namespace {

std::string CitesKey(const std::string& outlet) {
  return "outlet/" + outlet + "/cites";
}

std::string CitesVersion(int64_t reports, const std::string& maker) {
  return maker + "/" + std::to_string(reports);
}

}  // namespace

StatusOr<json> ComputeOutletCites(Store* db, const std::string& outlet) {
  // Whom it cites: the speakers of the quotations in its newest reports,
  // one per resolved entity ("ترامب" and "الرئيس الأمريكي دونالد ترامب"
  // are one), an unresolved name joined to the entity it is resolved to
  // elsewhere; each shown by its most frequent wording.
  std::map<std::pair<std::string, std::string>, int64_t>
      cited;  // (entity, name)
  int64_t analysed = 0, quotes = 0;
  RETURN_IF_ERROR(db->ForEachOutletAnalysis(
      outlet, kMaxCitesAnalyses, [&](const std::string& analysis) {
        ++analysed;
        // Only the quotations are kept (the entities, numbers ... of a
        // report are most of its analysis).
        json a = json::parse(
            analysis,
            [](int depth, json::parse_event_t event, json& parsed) {
              return !(depth == 1 && event == json::parse_event_t::key &&
                       parsed != "quotes");
            },
            false);
        if (!a.is_object()) return;
        auto q = a.find("quotes");
        if (q == a.end() || !q->is_array()) return;
        for (const json& x : *q) {
          if (!x.is_object()) continue;
          std::string who = x.value("speaker", "");
          if (who.empty()) continue;
          ++quotes;
          ++cited[{x.value("entity_id", ""), who}];
        }
      }));
  std::map<std::string, std::pair<std::string, int64_t>>
      entity_of;  // name -> (entity, n)
  for (const auto& [key, n] : cited) {
    if (key.first.empty()) continue;
    auto& e = entity_of[key.second];
    if (n > e.second) e = {key.first, n};
  }
  struct Cited {
    int64_t quotes = 0;
    std::string name;
    int64_t name_quotes = 0;
  };
  std::map<std::string, Cited> by_source;  // entity id, else "\x01" + name
  for (const auto& [key, n] : cited) {
    std::string entity = key.first;
    if (entity.empty()) {
      auto it = entity_of.find(key.second);
      if (it != entity_of.end()) entity = it->second.first;
    }
    Cited& c = by_source[entity.empty() ? "\x01" + key.second : entity];
    c.quotes += n;
    if (n > c.name_quotes) c.name = key.second, c.name_quotes = n;
  }
  std::vector<std::pair<std::string, Cited>> top(by_source.begin(),
                                                 by_source.end());
  std::sort(top.begin(), top.end(), [](const auto& x, const auto& y) {
    return x.second.quotes != y.second.quotes
               ? x.second.quotes > y.second.quotes
               : x.second.name < y.second.name;
  });
  json cites = json::array();
  for (size_t i = 0; i < top.size() && i < 10; ++i) {
    const std::string& id = top[i].first;
    cites.push_back(
        {{"speaker", top[i].second.name},
         {"entity_id", id.rfind("\x01", 0) == 0 ? json() : json(id)},
         {"quotes", top[i].second.quotes}});
  }
  return json{
      {"cites", std::move(cites)}, {"analysed", analysed}, {"quotes", quotes}};
}

StatusOr<json> OutletCites(Store* store, const std::string& outlet,
                           int64_t reports, const std::string& maker) {
  if (!maker.empty()) {
    StatusOr<std::optional<KeptAnswer>> kept =
        store->GetKeptAnswer(CitesKey(outlet));
    if (kept.ok() && *kept &&
        (*kept)->version == CitesVersion(reports, maker)) {
      json j = json::parse((*kept)->body, nullptr, false);
      if (j.is_object() && j.contains("cites")) return j;
    }
  }
  return ComputeOutletCites(store, outlet);
}

StatusOr<int64_t> KeepOutletCites(Store* store,
                                  const std::vector<std::string>& outlets,
                                  const std::string& maker) {
  if (maker.empty()) return int64_t{0};
  std::vector<KeptAnswer> kept;
  for (const std::string& outlet : outlets) {
    ASSIGN_OR_RETURN(OutletSummary summary, store->GetOutletSummary(outlet));
    if (summary.reports == 0) continue;
    ASSIGN_OR_RETURN(json cites, ComputeOutletCites(store, outlet));
    kept.push_back(
        {CitesKey(outlet), CitesVersion(summary.reports, maker),
         cites.dump(-1, ' ', false, json::error_handler_t::replace)});
  }
  RETURN_IF_ERROR(store->PutKeptAnswers(kept));
  return static_cast<int64_t>(kept.size());
}

}  // namespace marsad
