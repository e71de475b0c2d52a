// Reading chosen records of a JSON Lines corpus (gzip or not) by line number,
// for the evaluators whose gold points into the corpus (eval_facts,
// eval_compare): the gold holds no press text, so the text is read here.
#ifndef MARSAD_TOOLS_EVAL_FACTS_RECORDS_H_
#define MARSAD_TOOLS_EVAL_FACTS_RECORDS_H_

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "marsad/status.h"

namespace marsad {

// The records on the 0-based lines `wanted` of `path`, parsed (a line that
// is not JSON is a discarded json value). REQUIRES: wanted is not empty.
StatusOr<std::map<int, nlohmann::json>> ReadRecords(
    const std::string& path, const std::set<int>& wanted);

}  // namespace marsad

#endif  // MARSAD_TOOLS_EVAL_FACTS_RECORDS_H_
