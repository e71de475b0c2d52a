#include "tools/marsad/print.h"

#include <fmt/core.h>

#include <filesystem>
#include <iostream>

#include "src/base/data.h"
#include "src/clean/lexicon.h"
#include "src/text/tables.h"

namespace marsad {

int PrintError(const Status& st) {
  std::cerr << "marsad: " << st.ToString() << "\n";
  return 1;
}

OpenedStore::OpenedStore(std::unique_ptr<const TextTables> tables,
                         std::unique_ptr<const CleanLexicon> outlets,
                         std::unique_ptr<Store> store)
    : tables_(std::move(tables)),
      outlets_(std::move(outlets)),
      store_(std::move(store)) {}
OpenedStore::OpenedStore(OpenedStore&&) noexcept = default;
OpenedStore& OpenedStore::operator=(OpenedStore&& o) noexcept {
  store_ = std::move(o.store_);  // the store goes before its tables
  tables_ = std::move(o.tables_);
  outlets_ = std::move(o.outlets_);
  return *this;
}
OpenedStore::~OpenedStore() = default;

OpenedStore OpenStoreOrPrint(const std::string& db, bool read_only,
                             const TextTables* tables,
                             const CleanLexicon* outlets) {
  if (read_only && db.find("://") == std::string::npos &&
      !std::filesystem::exists(db)) {
    std::cerr << "marsad: no database at " << db << " (run `marsad ingest --db "
              << db << " FILES...` first)\n";
    return {};
  }
  std::unique_ptr<const TextTables> owned;
  if (tables == nullptr) {
    auto loaded = TextTables::Load(DataDir());
    if (!loaded.ok()) {
      PrintError(loaded.status());
      return {};
    }
    owned = std::move(*loaded);
    tables = owned.get();
  }
  std::unique_ptr<const CleanLexicon> owned_outlets;
  if (outlets == nullptr) {
    auto loaded = CleanLexicon::Load(DataDir());
    if (!loaded.ok()) {
      PrintError(loaded.status());
      return {};
    }
    owned_outlets = std::move(*loaded);
    outlets = owned_outlets.get();
  }
  auto s = Store::Open(db, StoreOptions{.read_only = read_only,
                                        .text_tables = tables,
                                        .clean_lexicon = outlets});
  if (!s.ok()) {
    PrintError(s.status());
    return {};
  }
  return OpenedStore(std::move(owned), std::move(owned_outlets), std::move(*s));
}

nlohmann::json StoryToJson(const StoryRow& s) {
  auto opt = [](const std::string& v) {
    return v.empty() ? nlohmann::json() : nlohmann::json(v);
  };
  return {{"id", s.id},
          {"title", s.title},
          {"articles", s.articles},
          {"outlets", s.outlets},
          {"first_seen", opt(s.first_seen)},
          {"last_seen", opt(s.last_seen)},
          {"related", s.related},
          {"thread", s.thread ? s.thread : s.id}};
}

namespace {

// "تقرير واحد", "تقريران", "3 تقارير", "11 تقريرا": Arabic counts agree with
// the number (singular, dual, plural 3-10, accusative singular from 11).
std::string Counted(size_t n, const char* one, const char* two, const char* few,
                    const char* many) {
  if (n == 1) return std::string(one);
  if (n == 2) return std::string(two);
  if (n % 100 >= 3 && n % 100 <= 10) return std::to_string(n) + " " + few;
  return std::to_string(n) + " " + many;
}

}  // namespace

void PrintStoryLine(const StoryRow& s, std::ostream& out) {
  std::string outlets;
  for (const std::string& o : s.outlets) {
    if (!outlets.empty()) outlets += "، ";
    outlets += o;
  }
  std::string dates = s.first_seen.empty() ? "غير مؤرخة"
                      : s.first_seen == s.last_seen
                          ? s.first_seen
                          : s.first_seen + " … " + s.last_seen;
  out << fmt::format(
      "#{:<5} {}\n       {}، {}{}؛ {}\n", s.id,
      s.title.empty() ? "(بلا عنوان)" : s.title,
      Counted(s.articles.size(), "تقرير واحد", "تقريران", "تقارير", "تقريرا"),
      Counted(s.outlets.size(), "وسيلة واحدة", "وسيلتان", "وسائل", "وسيلة"),
      outlets.empty() ? "" : " (" + outlets + ")", dates);
}

std::optional<int64_t> ParseStoryId(const std::string& command,
                                    const std::string& arg) {
  std::string digits = arg;
  if (!digits.empty() && digits[0] == 's') digits.erase(0, 1);
  try {
    size_t used = 0;
    const int64_t id = std::stoll(digits, &used);
    if (used == digits.size()) return id;
  } catch (...) {
  }
  std::cerr << "marsad " << command << ": bad story ID '" << arg << "'\n";
  return std::nullopt;
}

}  // namespace marsad
