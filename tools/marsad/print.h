// Shared output helpers for the marsad commands.
#ifndef MARSAD_TOOLS_MARSAD_PRINT_H_
#define MARSAD_TOOLS_MARSAD_PRINT_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "marsad/status.h"
#include "marsad/store.h"

namespace marsad {

// Prints "marsad: <status>" to stderr and returns 1.
int PrintError(const Status& st);
// Opens the store or prints why not (nullptr).
std::unique_ptr<Store> OpenStoreOrPrint(const std::string& db, bool read_only);

nlohmann::json StoryToJson(const StoryRow& s);
// "#12  title — 3 reports, 2 outlets (a، b), 2026-03-01 … 2026-03-03"
void PrintStoryLine(const StoryRow& s, std::ostream& out);

}  // namespace marsad

#endif  // MARSAD_TOOLS_MARSAD_PRINT_H_
