// The report field table (src/base/report_fields.h, issue 25) against what
// the SQLite store makes of it: the columns of a fresh store, the JSON form,
// and the migration that adds a later row's column to an older store.
#include "src/base/report_fields.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <set>
#include <string>

#include "src/base/document_json.h"
#include "src/store/schema_testing.h"
#include "src/store/sqlite_store.h"
#include "src/store/sqlite_util.h"
#include "src/store/test_store.h"

namespace marsad {
namespace {

// The articles columns that are not report fields: each has its own code.
const std::set<std::string> kOwnColumns = {
    "id",          "input_hash",     "content_hash", "text",
    "raw",         "story_id",       "duplicate_of", "analysis",
    "fingerprint", "story_features", "ingested_at"};

class ReportFieldsTest : public testing::Test {
 protected:
  void SetUp() override {
    path_ = testing::TempDir() + "/marsad_fields_test_" +
            std::to_string(::getpid()) + ".db";
    Remove();
  }
  void TearDown() override { Remove(); }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"})
      std::remove((path_ + suffix).c_str());
  }
  // name -> "TYPE" or "TYPE NOT NULL", as PRAGMA table_info says.
  static std::map<std::string, std::string> Columns(sqlite3* db) {
    std::map<std::string, std::string> out;
    auto s = Stmt::Prepare(db, "PRAGMA table_info(articles)");
    EXPECT_TRUE(s.ok());
    while (s.ok()) {
      StatusOr<bool> row = s->Step();
      if (!row.ok() || !*row) break;
      out[s->Text(1)] = s->Text(2) + (s->Int(3) ? " NOT NULL" : "");
    }
    return out;
  }
  static Document Make(uint64_t hash) {
    Document d;
    d.input_hash = hash;
    d.content_hash = hash;
    d.source = "r" + std::to_string(hash) + ".txt";
    d.format = "txt";
    d.text = "نص التقرير";
    return d;
  }
  std::string path_;
};

TEST_F(ReportFieldsTest, AFreshStoreHasEveryFieldsColumnAndNoOther) {
  auto store = SqliteStore::Open(path_, TestStoreOptions());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  std::map<std::string, std::string> columns = Columns((*store)->handle());
  for (const ReportField& f : kReportFields) {
    std::string name(f.name);
    ASSERT_TRUE(columns.count(name)) << name << " has no column";
    EXPECT_EQ(columns[name], ReportFieldSqlType(f, SqlDialect::kSqlite))
        << name;
    columns.erase(name);
  }
  // A column added by hand, without its row in the table, is caught here.
  for (const auto& [name, type] : columns)
    EXPECT_TRUE(kOwnColumns.count(name)) << name << " is not in the table";
}

TEST_F(ReportFieldsTest, JsonFormHasEveryFieldNullWhenAbsent) {
  Document d = Make(1);
  nlohmann::json bare = MetadataToJson(d);
  for (size_t i = 0; i < kReportFieldCount; ++i) {
    const ReportField& f = kReportFields[i];
    std::string key(f.name);
    ASSERT_TRUE(bare.contains(key)) << key;
    EXPECT_EQ(bare[key].is_null(), !f.required) << key;
    if (f.type == FieldType::kInt) {
      d.*f.integer = 40 + static_cast<int64_t>(i);
    } else {
      d.*f.text = "ق" + key;
    }
  }
  nlohmann::json full = MetadataToJson(d);
  for (const ReportField& f : kReportFields) {
    std::string key(f.name);
    if (f.type == FieldType::kInt) {
      EXPECT_EQ(full[key], d.*f.integer) << key;
    } else {
      EXPECT_EQ(full[key], d.*f.text) << key;
    }
  }
}

// word_count came with SQLite schema v6: a v5 store read read-only reads it
// as absent; opened to write, it gains the column and keeps its data.
TEST_F(ReportFieldsTest, AnOlderStoreGainsTheNewColumnOrReadsItAbsent) {
  Document a = Make(1);
  a.id = 1;
  a.word_count = 2;
  {
    auto store = SqliteStore::Open(path_, TestStoreOptions());
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->WriteBatch({&a}, {}, {}).ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         (std::string(kSqliteBackToV7) +
                          "ALTER TABLE articles DROP COLUMN word_count; "
                          "PRAGMA user_version=5;")
                             .c_str(),
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
  {
    StoreOptions ro = TestStoreOptions();
    ro.read_only = true;
    auto store = SqliteStore::Open(path_, ro);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto got = (*store)->GetArticle(1, false);
    ASSERT_TRUE(got.ok() && got->has_value()) << got.status().ToString();
    EXPECT_EQ((*got)->word_count, 0);
    EXPECT_EQ((*got)->source, a.source);
    EXPECT_FALSE(Columns((*store)->handle()).count("word_count"));
  }
  auto store = SqliteStore::Open(path_, TestStoreOptions());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_TRUE(Columns((*store)->handle()).count("word_count"));
  Document b = Make(2);
  b.id = 2;
  b.word_count = 7;
  ASSERT_TRUE((*store)->WriteBatch({&b}, {}, {}).ok());
  EXPECT_EQ((*store)->GetArticle(1, false).value()->word_count, 0);
  EXPECT_EQ((*store)->GetArticle(2, false).value()->word_count, 7);
}

}  // namespace
}  // namespace marsad
