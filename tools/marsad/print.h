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
// A store with the text tables it reads its search terms with
// (StoreOptions::text_tables) and the clean lexicon its outlet filter is read
// with (StoreOptions::clean_lexicon): given by the command (its
// Resources'), or loaded from DataDir() and owned here. Used as a pointer to
// the store.
class OpenedStore {
 public:
  OpenedStore() = default;
  OpenedStore(std::unique_ptr<const TextTables> tables,
              std::unique_ptr<const CleanLexicon> outlets,
              std::unique_ptr<Store> store);
  OpenedStore(OpenedStore&&) noexcept;
  OpenedStore& operator=(OpenedStore&&) noexcept;
  ~OpenedStore();
  explicit operator bool() const { return store_ != nullptr; }
  Store* get() const { return store_.get(); }
  Store* operator->() const { return store_.get(); }
  Store& operator*() const { return *store_; }

 private:
  std::unique_ptr<const TextTables> tables_;     // outlives store_
  std::unique_ptr<const CleanLexicon> outlets_;  // outlives store_
  std::unique_ptr<Store> store_;
};

// Opens the store or prints why not (a null handle). `tables` and
// `outlets`: the command's (its Resources'), or null to load them from
// DataDir() (a missing or damaged table is printed like a store error).
OpenedStore OpenStoreOrPrint(const std::string& db, bool read_only,
                             const TextTables* tables = nullptr,
                             const CleanLexicon* outlets = nullptr);

nlohmann::json StoryToJson(const StoryRow& s);
// "#12  title\n  3 تقارير، وسيلتان (a، b)؛ 2026-03-01 … 2026-03-03"
void PrintStoryLine(const StoryRow& s, std::ostream& out);

// A story id as users type it ("12" or "s12"); nullopt (after printing
// "marsad COMMAND: bad story ID ..." to stderr) when it is not one.
std::optional<int64_t> ParseStoryId(const std::string& command,
                                    const std::string& arg);

}  // namespace marsad

#endif  // MARSAD_TOOLS_MARSAD_PRINT_H_
