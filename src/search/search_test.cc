#include <gtest/gtest.h>

#include <algorithm>

#include "src/search/fts_tokenizer.h"
#include "src/search/sqlite_search.h"
#include "src/search/terms.h"

namespace marsad {
namespace {

TEST(TermsTest, VariantsShareAKey) {
  auto key = [](const char* w) {
    std::vector<SearchTerm> t;
    SearchTerms(w, &t);
    return t.empty() ? std::string() : t[0].stem + "|" + t[0].skeleton;
  };
  auto skel = [](const char* w) { return SkeletonKey(w); };
  EXPECT_EQ(skel("سيرغي"), skel("سيرجى"));
  EXPECT_EQ(skel("ريابكوف"), skel("Ryabkov"));
  EXPECT_EQ(skel("لافروف"), skel("Lavrov"));
  EXPECT_EQ(skel("الأمريكي"), skel("الأميركي"));
  EXPECT_NE(skel("ريابكوف"), skel("لافروف"));
  std::vector<SearchTerm> a, b;
  SearchTerms("سوريا", &a);
  SearchTerms("سورية", &b);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0].stem, b[0].stem) << key("سوريا") << " " << key("سورية");
}

class SearchTest : public testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    ASSERT_TRUE(RegisterFts5Tokenizer(db_).ok());
    Exec("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, text TEXT, outlet TEXT, "
         "published TEXT, story_id INTEGER);"
         "CREATE TABLE mentions (article_id INTEGER, entity_id TEXT);"
         "CREATE TABLE events (article_id INTEGER, plover TEXT);"
         "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
         "content_rowid='id', tokenize='marsad');");
    Add(1, "ريابكوف يحذر", "قال سيرغي ريابكوف إن بلاده مستعدة للحوار مع الولايات المتحدة.", "أ", "2026-03-01");
    Add(2, "تصريح", "أكد نائب الوزير سيرجى ريابكوف أن موسكو لن تتراجع فى سوريا.", "ب", "2026-03-02");
    Add(3, "طقس", "أمطار غزيرة في سورية والأردن خلال الأيام المقبلة.", "أ", "2026-03-03");
    Add(4, "سياسة", "الموقف الأميركي من الأزمة لم يتغير بحسب المسؤولين.", "ب", "2026-03-04");
    Add(5, "اقتصاد", "ارتفعت أسعار النفط في الأسواق العالمية.", "أ", "2026-03-05");
  }
  void TearDown() override { sqlite3_close(db_); }
  void Exec(const char* sql) {
    ASSERT_EQ(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db_);
  }
  void Add(int id, const char* title, const char* text, const char* outlet, const char* date) {
    sqlite3_stmt* s;
    sqlite3_prepare_v2(db_, "INSERT INTO articles VALUES (?,?,?,?,?,1)", -1, &s, nullptr);
    sqlite3_bind_int(s, 1, id);
    sqlite3_bind_text(s, 2, title, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, text, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 4, outlet, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 5, date, -1, SQLITE_TRANSIENT);
    sqlite3_step(s);
    sqlite3_finalize(s);
    sqlite3_prepare_v2(db_, "INSERT INTO articles_fts (rowid, title, text) VALUES (?,?,?)", -1, &s, nullptr);
    sqlite3_bind_int(s, 1, id);
    sqlite3_bind_text(s, 2, title, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, text, -1, SQLITE_TRANSIENT);
    ASSERT_EQ(sqlite3_step(s), SQLITE_DONE) << sqlite3_errmsg(db_);
    sqlite3_finalize(s);
  }
  std::vector<int64_t> Ids(SearchRequest r) {
    auto res = SqliteSearch(db_, r);
    EXPECT_TRUE(res.ok()) << res.status().ToString();
    std::vector<int64_t> ids;
    if (res.ok()) for (auto& h : res->hits) ids.push_back(h.article_id);
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  sqlite3* db_ = nullptr;
};

TEST_F(SearchTest, SpellingVariantsAndLatin) {
  EXPECT_EQ(Ids({.query = "ريابكوف"}), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(Ids({.query = "سيرجى"}), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(Ids({.query = "Ryabkov"}), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(Ids({.query = "سوريا"}), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(Ids({.query = "الأمريكي"}), (std::vector<int64_t>{4}));
}

TEST_F(SearchTest, PhrasePrefixNotAndFilters) {
  EXPECT_EQ(Ids({.query = "\"أسعار النفط\""}), (std::vector<int64_t>{5}));
  EXPECT_EQ(Ids({.query = "\"النفط أسعار\""}), (std::vector<int64_t>{}));
  EXPECT_EQ(Ids({.query = "ريابك*"}), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(Ids({.query = "ريابكوف -موسكو"}), (std::vector<int64_t>{1}));
  EXPECT_EQ(Ids({.query = "ريابكوف", .outlet = "ب"}), (std::vector<int64_t>{2}));
  EXPECT_EQ(Ids({.query = "", .from = "2026-03-04"}), (std::vector<int64_t>{4, 5}));
  EXPECT_FALSE(SqliteSearch(db_, {.query = "، ."}).ok());
}

TEST_F(SearchTest, HighlightsAreSpansOfTheText) {
  auto res = SqliteSearch(db_, {.query = "ريابكوف"});
  ASSERT_TRUE(res.ok());
  for (const SearchHit& h : res->hits) {
    ASSERT_FALSE(h.highlights.empty());
    std::string text = h.article_id == 1
        ? "قال سيرغي ريابكوف إن بلاده مستعدة للحوار مع الولايات المتحدة."
        : "أكد نائب الوزير سيرجى ريابكوف أن موسكو لن تتراجع فى سوريا.";
    EXPECT_EQ(h.highlights[0].In(text), "ريابكوف");
    EXPECT_NE(h.snippet.find("ريابكوف"), std::string::npos);
  }
}

}  // namespace
}  // namespace marsad
