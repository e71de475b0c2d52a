// Whom an outlet cites (issue 27's outlet profile): the speakers of the
// quotations in its newest reports, kept in the store at ingest.
//
// Why kept: the count reads the analysis of the outlet's newest
// kMaxCitesAnalyses reports and parses each for its quotations, which was
// most of a profile's first view (0.8-1.3 s on the corpus store once the
// stories' comparisons were kept, src/server/kept_answers.h). `marsad
// ingest` computes it for every outlet it added reports to and keeps it as
// a KeptAnswer ("outlet/NAME/cites"), valid for the program that made it and
// the outlet's report count (stores only grow: the same count is the same
// reports); anything else is computed as before, byte for byte the same.
//
// Thread safety: the functions use the given Store (one thread at a time).
#ifndef MARSAD_SERVER_OUTLET_CITES_H_
#define MARSAD_SERVER_OUTLET_CITES_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "marsad/status.h"
#include "marsad/store.h"

namespace marsad {

// The analyses read per outlet.
inline constexpr int kMaxCitesAnalyses = 2000;

// {"cites": [{speaker, entity_id, quotes}] (the ten most cited, one per
// resolved entity, each by its most frequent wording), "analysed": reports
// read, "quotes": quotations with a speaker}.
StatusOr<nlohmann::json> ComputeOutletCites(Store* store,
                                            const std::string& outlet);

// The cites kept by `maker` for the outlet at `reports` reports, else
// computed ("" maker: always computed).
StatusOr<nlohmann::json> OutletCites(Store* store, const std::string& outlet,
                                     int64_t reports, const std::string& maker);

// Computes and keeps the cites of `outlets` (those with no report skipped).
// Returns how many were kept.
StatusOr<int64_t> KeepOutletCites(Store* store,
                                  const std::vector<std::string>& outlets,
                                  const std::string& maker);

}  // namespace marsad

#endif  // MARSAD_SERVER_OUTLET_CITES_H_
