// Shared output helpers for the marsad commands.
#ifndef MARSAD_TOOLS_MARSAD_PRINT_H_
#define MARSAD_TOOLS_MARSAD_PRINT_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
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
// "#12  title\n  3 تقارير، وسيلتان (a، b)؛ 2026-03-01 … 2026-03-03"
void PrintStoryLine(const StoryRow& s, std::ostream& out);

// A story id as users type it ("12" or "s12"); nullopt (after printing
// "marsad COMMAND: bad story ID ..." to stderr) when it is not one.
std::optional<int64_t> ParseStoryId(const std::string& command,
                                    const std::string& arg);

}  // namespace marsad

#endif  // MARSAD_TOOLS_MARSAD_PRINT_H_
