#include "src/ingest/reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "src/ingest/csv_reader.h"

namespace marsad {
namespace {

namespace fs = std::filesystem;

class ReaderTest : public testing::Test {
 protected:
  void SetUp() override {
    // One directory per process: ctest runs these tests in parallel
    // processes, and a shared one was removed under a running test.
    dir_ = fs::path(testing::TempDir()) /
           ("marsad_reader_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "sub");
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  void Write(const std::string& rel, const std::string& data) {
    std::ofstream(dir_ / rel, std::ios::binary) << data;
  }
  void WriteGz(const std::string& rel, const std::string& data, size_t repeat) {
    gzFile f = gzopen((dir_ / rel).string().c_str(), "wb9");
    for (size_t i = 0; i < repeat; ++i) gzwrite(f, data.data(), data.size());
    gzclose(f);
  }
  std::string Reasons() const {
    std::string reasons;
    for (auto& [s, r] : rejected_) reasons += s + ": " + r + "\n";
    return reasons;
  }
  void ReadAll(const std::string& input, ReadLimits limits = {},
               FieldMap fields = {}) {
    ReadCallbacks cb;
    cb.limits = limits;
    cb.fields = std::move(fields);
    cb.on_document = [&](Document&& d) { docs_.push_back(std::move(d)); };
    cb.on_reject = [&](const std::string& s, const Status& st) {
      rejected_.emplace_back(s, st.message());
    };
    ASSERT_TRUE(ReadInput(input, cb, &stats_).ok());
  }
  fs::path dir_;
  std::vector<Document> docs_;
  std::vector<std::pair<std::string, std::string>> rejected_;
  ReadStats stats_;
};

TEST_F(ReaderTest, FolderWithEveryFormat) {
  Write("a.txt", "عنوان الخبر\nنص الخبر الأول.\n");
  Write("sub/b.html", "<html><body><p>فقرة</p></body></html>");
  Write("c.jsonl",
        "{\"title\": \"ع\", \"content\": \"نص\", \"source\": \"okaz\", "
        "\"date_extracted\": \"2015-07-21 02:51:32\"}\n"
        "not json\n"
        "\n"
        "{\"title\": \"بلا نص\"}\n");
  Write("empty.txt", "");
  Write("bin.txt", std::string("\x7f"
                               "ELF\0\0\0",
                               7));
  Write("README.md", "# not a report");
  ReadAll(dir_.string());
  ASSERT_EQ(docs_.size(), 3u);
  EXPECT_EQ(docs_[0].format, "txt");
  EXPECT_EQ(docs_[1].format, "jsonl");
  EXPECT_EQ(docs_[1].outlet, "okaz");
  EXPECT_EQ(docs_[1].published, "2015-07-21T02:51:32");
  EXPECT_EQ(docs_[1].source, (dir_ / "c.jsonl").string() + "#1");
  EXPECT_EQ(docs_[2].format, "html");
  EXPECT_EQ(stats_.skipped_files, 1u);
  ASSERT_EQ(rejected_.size(), 4u);
  std::string reasons;
  for (auto& [s, r] : rejected_) reasons += s + ": " + r + "\n";
  EXPECT_NE(reasons.find("c.jsonl#2: not a JSON object"), std::string::npos)
      << reasons;
  EXPECT_NE(reasons.find("c.jsonl#4: record has no content"),
            std::string::npos);
  EXPECT_NE(reasons.find("empty.txt: empty file"), std::string::npos);
  EXPECT_NE(reasons.find("bin.txt: binary file"), std::string::npos);
}

TEST_F(ReaderTest, SameInputSameHash) {
  Write("a.txt", "نص");
  ReadAll((dir_ / "a.txt").string());
  ReadAll((dir_ / "a.txt").string());
  ASSERT_EQ(docs_.size(), 2u);
  EXPECT_EQ(docs_[0].input_hash, docs_[1].input_hash);
  EXPECT_NE(docs_[0].input_hash, 0u);
}

// Issue 24, finding 4: a NUL byte inside a JSONL record lost the next record
// and shifted the line numbers of every later one.
TEST_F(ReaderTest, Issue24NulByteLosesOnlyItsOwnRecord) {
  std::string data =
      "{\"content\": \"الأول\"}\n"
      "{\"content\": \"ال" +
      std::string(1, '\0') +
      "ثاني\"}\n"
      "{\"content\": \"الثالث\"}\n"
      "{\"content\": \"الرابع\"}\n";
  Write("n.jsonl", data);
  WriteGz("n2.jsonl.gz", data, 1);
  for (const char* name : {"n.jsonl", "n2.jsonl.gz"}) {
    docs_.clear();
    rejected_.clear();
    ReadAll((dir_ / name).string());
    ASSERT_EQ(docs_.size(), 3u) << name;
    EXPECT_EQ(docs_[1].raw, "الثالث");
    EXPECT_EQ(docs_[1].source, (dir_ / name).string() + "#3");
    EXPECT_EQ(docs_[2].source, (dir_ / name).string() + "#4");
    ASSERT_EQ(rejected_.size(), 1u) << Reasons();
    EXPECT_EQ(rejected_[0].first, (dir_ / name).string() + "#2");
  }
}

// Issue 24, findings 2 and 3: a record, a file or a gzip stream over the
// limits is rejected with a reason, the inputs around it are kept, and
// nothing over the limit is held in memory.
TEST_F(ReaderTest, Issue24OverLimitInputsAreRejectedAndTheRestKept) {
  ReadLimits limits;
  limits.max_document_bytes = 1000;
  Write("big.jsonl", "{\"content\": \"قبل\"}\n{\"content\": \"" +
                         std::string(5000, 'x') +
                         "\"}\n{\"content\": \"بعد\"}\n");
  Write("big.txt", std::string(3000, 'x'));
  WriteGz("big.txt.gz", std::string(1000, 'x'), 3);
  Write("ok.txt", "نص قصير");
  ReadAll(dir_.string(), limits);
  ASSERT_EQ(docs_.size(), 3u) << Reasons();
  EXPECT_EQ(docs_[0].raw, "قبل");
  EXPECT_EQ(docs_[1].raw, "بعد");
  ASSERT_EQ(rejected_.size(), 3u) << Reasons();
  for (auto& [source, reason] : rejected_) {
    EXPECT_NE(reason.find("over the limit of"), std::string::npos) << source;
  }
  EXPECT_EQ(rejected_[0].first, (dir_ / "big.jsonl").string() + "#2");
}

TEST_F(ReaderTest, Issue24GzipBombIsRefused) {
  // 256 MiB of one repeated line inflating ~1000 times: valid JSON Lines, but
  // no real export compresses like that.
  std::string line = "{\"content\": \"" + std::string(1000, 'a') + "\"}\n";
  WriteGz("bomb.jsonl.gz", line, (size_t{256} << 20) / line.size());
  ReadLimits limits;
  limits.bomb_floor_bytes = uint64_t{64} << 20;
  ReadAll((dir_ / "bomb.jsonl.gz").string(), limits);
  EXPECT_LT(docs_.size(), (size_t{80} << 20) / line.size());
  // The bomb is the only rejection: the line it cut short is not a record.
  ASSERT_EQ(rejected_.size(), 1u) << Reasons();
  EXPECT_NE(rejected_.back().second.find("decompression bomb"),
            std::string::npos)
      << Reasons();
}

// Issue 26: exports name their fields in other ways: the outlet as `src` or
// an object, the time as RFC 2822 (`time`) or a Unix time.
TEST_F(ReaderTest, Issue26RecordsOfOtherShapes) {
  Write("shapes.jsonl",
        "{\"src\": \"skynews\", \"time\": \"Sun, 18 Feb 2018 21:35:43 +0400\", "
        "\"text\": \"نص أول\"}\n"
        "{\"source\": {\"name\": \"وكالة\"}, \"timestamp\": 1518975343, "
        "\"body\": \"نص ثان\"}\n"
        "{\"publisher\": \"x\", \"pubDate\": \"Mon, 5 Mar 2018 09:03 GMT\", "
        "\"content\": \"نص ثالث\"}\n");
  ReadAll((dir_ / "shapes.jsonl").string());
  ASSERT_EQ(docs_.size(), 3u) << Reasons();
  EXPECT_EQ(docs_[0].outlet, "skynews");
  EXPECT_EQ(docs_[0].published, "2018-02-18T21:35:43+04:00");
  EXPECT_EQ(docs_[1].outlet, "وكالة");
  EXPECT_EQ(docs_[1].published, "2018-02-18T17:35:43Z");
  EXPECT_EQ(docs_[2].published, "2018-03-05T09:03:00Z");
}

// Issue 26: --field names a field the known names miss; a mapped name wins
// over a known one.
TEST_F(ReaderTest, Issue26FieldMapNamesOtherFields) {
  Write("mapped.jsonl",
        "{\"chan\": \"قناة\", \"when\": \"2018-02-18\", \"msg\": \"نص الخبر\", "
        "\"source\": \"مهمل\", \"hed\": \"عنوان\"}\n");
  auto fields = FieldMap::Parse(
      {"outlet=chan", "published=when", "text=msg", "title=hed"});
  ASSERT_TRUE(fields.ok()) << fields.status().ToString();
  ReadLimits limits;
  ReadAll((dir_ / "mapped.jsonl").string(), limits, *fields);
  ASSERT_EQ(docs_.size(), 1u) << Reasons();
  EXPECT_EQ(docs_[0].outlet, "قناة");
  EXPECT_EQ(docs_[0].published, "2018-02-18");
  EXPECT_EQ(docs_[0].raw, "نص الخبر");
  EXPECT_EQ(docs_[0].title, "عنوان");
}

TEST(FieldMapTest, Issue26UnknownTargetIsAClearError) {
  auto bad = FieldMap::Parse({"place=loc"});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("unknown target field 'place'"),
            std::string::npos)
      << bad.status().ToString();
  EXPECT_FALSE(FieldMap::Parse({"outlet"}).ok());
  EXPECT_FALSE(FieldMap::Parse({"outlet="}).ok());
  EXPECT_FALSE(FieldMap::Parse({"=src"}).ok());
  auto good = FieldMap::Parse({"source=a", "outlet=b"});
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good->Find("outlet"), "b");  // the last one wins
  EXPECT_EQ(good->Find("url"), nullptr);
}

// Issue 26: CSV exports with a header row; quoted fields hold commas,
// quotes and newlines; each record is named by the line it starts on.
TEST_F(ReaderTest, Issue26CsvWithQuotedNewlines) {
  Write("export.csv",
        "\xEF\xBB\xBFsrc,time,title,text\r\n"
        "skynews,\"Sun, 18 Feb 2018 21:35:43 +0400\",عنوان,\"سطر أول،\n"
        "سطر \"\"ثان\"\", وثالث\"\r\n"
        "\r\n"
        "alarabia,1518975343,,نص قصير\n");
  ReadAll((dir_ / "export.csv").string());
  ASSERT_EQ(docs_.size(), 2u) << Reasons();
  EXPECT_TRUE(rejected_.empty()) << Reasons();
  EXPECT_EQ(docs_[0].source, (dir_ / "export.csv").string() + "#2");
  EXPECT_EQ(docs_[0].format, "csv");
  EXPECT_EQ(docs_[0].outlet, "skynews");
  EXPECT_EQ(docs_[0].published, "2018-02-18T21:35:43+04:00");
  EXPECT_EQ(docs_[0].title, "عنوان");
  EXPECT_EQ(docs_[0].raw, "سطر أول،\nسطر \"ثان\", وثالث");
  EXPECT_EQ(docs_[1].source, (dir_ / "export.csv").string() + "#5");
  EXPECT_EQ(docs_[1].published, "2018-02-18T17:35:43Z");
}

// Issue 26: a bad row is rejected with its line and the reason; the rows
// after it are read.
TEST_F(ReaderTest, Issue26CsvBadRowsLoseNothingElse) {
  const std::string big(200, 'x');
  Write("bad.csv",
        "outlet,content\n"
        "a,\"نص\nعلى سطرين\"\n"  // lines 2-3: good
        "b,نص,زائد\n"            // line 4: three fields
        "c,\"نص\"مكسور\n"        // line 5: text after a closing quote
        "d,\xff\xfe\n"           // line 6: invalid UTF-8
        "e,\"" +
            big + "\n" + big +
            "\"\n"           // lines 7-8: over the limit
            "f,نص أخير\n");  // line 9: good
  ReadLimits limits;
  limits.max_document_bytes = 300;
  ReadAll((dir_ / "bad.csv").string(), limits);
  ASSERT_EQ(docs_.size(), 2u) << Reasons();
  EXPECT_EQ(docs_[0].outlet, "a");
  EXPECT_EQ(docs_[1].outlet, "f");
  EXPECT_EQ(docs_[1].source, (dir_ / "bad.csv").string() + "#9");
  const std::string name = (dir_ / "bad.csv").string();
  ASSERT_EQ(rejected_.size(), 4u) << Reasons();
  EXPECT_EQ(rejected_[0].first, name + "#4");
  EXPECT_NE(rejected_[0].second.find("3 fields"), std::string::npos);
  EXPECT_EQ(rejected_[1].first, name + "#5");
  EXPECT_NE(rejected_[1].second.find("quoting"), std::string::npos);
  EXPECT_EQ(rejected_[2].first, name + "#6");
  EXPECT_NE(rejected_[2].second.find("UTF-8"), std::string::npos);
  EXPECT_EQ(rejected_[3].first, name + "#7");
  EXPECT_NE(rejected_[3].second.find("over the limit"), std::string::npos);
}

TEST_F(ReaderTest, Issue26CsvWithoutTextColumnIsRefusedOnce) {
  Write("notext.csv", "outlet,words\na,نص\nb,نص\n");
  ReadAll((dir_ / "notext.csv").string());
  EXPECT_TRUE(docs_.empty());
  ASSERT_EQ(rejected_.size(), 1u) << Reasons();
  EXPECT_NE(rejected_[0].second.find("--field text="), std::string::npos);
  rejected_.clear();
  ReadAll((dir_ / "notext.csv").string(), ReadLimits{},
          *FieldMap::Parse({"text=words"}));
  EXPECT_EQ(docs_.size(), 2u) << Reasons();
}

TEST_F(ReaderTest, Issue26CsvGzipAndUnclosedQuote) {
  WriteGz("a.csv.gz", "text,url\nنص,http://x\n\"نص لا ينتهي\n", 1);
  ReadAll((dir_ / "a.csv.gz").string());
  ASSERT_EQ(docs_.size(), 1u) << Reasons();
  EXPECT_EQ(docs_[0].url, "http://x");
  EXPECT_EQ(docs_[0].outlet, "x");  // no outlet given: the URL's host
  ASSERT_EQ(rejected_.size(), 1u) << Reasons();
  EXPECT_EQ(rejected_[0].first, (dir_ / "a.csv.gz").string() + "#3");
  EXPECT_NE(rejected_[0].second.find("never closed"), std::string::npos);
}

// Issue 26: the delimiter is read from the header row: comma, semicolon
// (spreadsheets where the comma is the decimal mark) or tab; a byte
// order mark before a quoted first name; delimiters and newlines inside
// quoted fields are text.
TEST(CsvDelimiterTest, HeaderNamesItsDelimiter) {
  struct Case {
    const char* line;
    unsigned char delim;
  } cases[] = {
      {"src,time,text", ','},
      {"src;time;text", ';'},
      {"src\ttime\ttext", '\t'},
      {"\"a,b,c\";time;text", ';'},  // commas inside quotes do not count
      {"\"a;b\"\"x;y\",text", ','},  // nor do doubled quotes end them
      {"text", ','},                 // one column
      {"title;note, more;text", ';'},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CsvDelimiter(c.line), c.delim) << c.line;
  }
}

TEST_F(ReaderTest, Issue26CsvDelimitersBomAndQuotedNewlines) {
  Write("semi.csv",
        "\xEF\xBB\xBF\"outlet\";date;text\r\n"
        "الأفق;2018-02-18;\"قال الوزير إن الكلفة 2,5 مليون؛\n"
        "وأضاف: \"\"سنبدأ\"\"; غدا\"\r\n"
        "النيل;2018-02-19;نص ثان, بفاصلة\n");
  Write("tabs.csv",
        "src\ttime\ttext\n"
        "skynews\tSun, 18 Feb 2018 21:35:43 +0400\tنص, مع فاصلة; ومنقوطة\n");
  ReadAll((dir_ / "semi.csv").string());
  ASSERT_EQ(docs_.size(), 2u) << Reasons();
  EXPECT_TRUE(rejected_.empty()) << Reasons();
  EXPECT_EQ(docs_[0].outlet, "الأفق");
  EXPECT_EQ(docs_[0].published, "2018-02-18");
  EXPECT_EQ(docs_[0].raw,
            "قال الوزير إن الكلفة 2,5 مليون؛\nوأضاف: \"سنبدأ\"; غدا");
  EXPECT_EQ(docs_[1].raw, "نص ثان, بفاصلة");
  EXPECT_EQ(docs_[1].source, (dir_ / "semi.csv").string() + "#4");
  docs_.clear();
  ReadAll((dir_ / "tabs.csv").string());
  ASSERT_EQ(docs_.size(), 1u) << Reasons();
  EXPECT_EQ(docs_[0].format, "csv");
  EXPECT_EQ(docs_[0].outlet, "skynews");
  EXPECT_EQ(docs_[0].published, "2018-02-18T21:35:43+04:00");
  EXPECT_EQ(docs_[0].raw, "نص, مع فاصلة; ومنقوطة");
}

// Issue 26: a file named .csv that is not a table is refused once, saying
// why, and no row of it becomes a report.
TEST_F(ReaderTest, Issue26FileThatIsNotATableIsRefusedSayingWhy) {
  const std::string prose =
      "قال وزير الخارجية في مؤتمر صحفي عقده اليوم إن المفاوضات ستستأنف الأسبوع "
      "المقبل في العاصمة\nوأضاف أن الوفدين اتفقا على جدول الأعمال\n";
  struct Case {
    const char* file;
    std::string content;
    const char* why;
  } cases[] = {
      {"json.csv", "{\"text\": \"نص\"}\n{\"text\": \"نص\"}\n", "JSON"},
      {"page.csv", "<html><body><p>نص</p></body></html>\n", "markup"},
      {"prose.csv", prose, "header row"},
      {"line.csv", "خبر قصير\nخبر آخر\n", "no comma, semicolon or tab"},
      {"empty.csv", "\nsrc,text\nx,نص\n", "empty"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    docs_.clear();
    rejected_.clear();
    Write(c.file, c.content);
    ReadAll((dir_ / c.file).string());
    EXPECT_TRUE(docs_.empty());
    ASSERT_EQ(rejected_.size(), 1u) << Reasons();
    EXPECT_EQ(rejected_[0].first, (dir_ / c.file).string());
    EXPECT_NE(rejected_[0].second.find(c.why), std::string::npos)
        << rejected_[0].second;
  }
}

TEST_F(ReaderTest, MissingPathIsNotFound) {
  ReadCallbacks cb;
  cb.on_document = [](Document&&) {};
  cb.on_reject = [](const std::string&, const Status&) {};
  EXPECT_EQ(ReadInput((dir_ / "nope").string(), cb, &stats_).code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace marsad
