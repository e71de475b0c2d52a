// Cleaning of text dumps: table-driven cases on our own sentences, and the
// five seed reports of ../shared/seeds (skipped when absent).
#include "src/clean/clean.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "src/base/data.h"
#include "src/base/file.h"
#include "src/base/url.h"
#include "src/base/utf8.h"
#include "src/clean/dates.h"
#include "src/clean/lexicon.h"
#include "src/clean/test_lexicon.h"
#include "src/text/test_tables.h"

namespace marsad {
namespace {

Document Clean(std::string raw, std::string format = "txt") {
  Document doc;
  doc.format = std::move(format);
  doc.raw = std::move(raw);
  Status st =
      CleanDocument(TestCleanLexicon(), TestTextTables().normalizer(), &doc);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return doc;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

bool RemovedWith(const Document& d, const std::string& text,
                 const std::string& reason) {
  for (const RemovedBlock& r : d.removed) {
    if (Contains(r.text, text) && r.reason.rfind(reason, 0) == 0) return true;
  }
  return false;
}

TEST(FurnitureKeyTest, FoldsSpellingsOfOneLabel) {
  struct Case {
    std::string a, b;
  } cases[] = {
      {"قد يعجبك ايضا", "قد يعجبك أيضاً"},
      {"SHARE", "share"},
      {"  المصدر :  سانا ", "المصدر: سانا"},
      {"٢٠١٧", "2017"},
      {"مدرســة", "مدرسة"},
  };
  for (const Case& c : cases) {
    std::string ka, kb;
    FurnitureKey(c.a, &ka);
    FurnitureKey(c.b, &kb);
    EXPECT_EQ(ka, kb) << c.a << " vs " << c.b;
  }
  std::string k;
  FurnitureKey(">> *** <<", &k);
  EXPECT_TRUE(k.empty());
}

TEST(FurnitureKeyTest, OffsetsPointIntoInput) {
  std::string key;
  std::vector<uint32_t> off;
  std::string in = "شارك: الخبر";
  FurnitureKey(in, &key, &off);
  ASSERT_EQ(off.size(), key.size() + 1);
  EXPECT_EQ(off.back(), in.size());
  EXPECT_EQ(in.substr(off[key.find(' ') + 1]), "الخبر");
}

TEST(CleanTextTest, TitleOutletCreditAndFurniture) {
  Document d = Clean(
      "افتتاح مكتبة عامة جديدة في وسط المدينة\n"
      "\n"
      "الرياض/..\n"
      "افتتحت البلدية صباح اليوم مكتبة عامة جديدة تضم آلاف الكتب، وقال رئيس "
      "البلدية إن المكتبة ستفتح أبوابها للجميع.\n"
      "وأضاف أن المشروع استغرق عامين من العمل المتواصل.\n"
      "المصدر: واس\n"
      "شارك\n"
      "إضافة تعليق جديد\n");
  EXPECT_EQ(d.title, "افتتاح مكتبة عامة جديدة في وسط المدينة");
  EXPECT_EQ(d.outlet, "الرياض");
  EXPECT_EQ(d.agency, "واس");
  EXPECT_TRUE(Contains(d.text, "افتتحت البلدية"));
  EXPECT_TRUE(Contains(d.text, "\n\nوأضاف أن المشروع"));
  for (const char* f : {"شارك", "إضافة تعليق", "المصدر", "الرياض/.."}) {
    EXPECT_FALSE(Contains(d.text, f)) << f;
  }
  EXPECT_TRUE(RemovedWith(d, "إضافة تعليق جديد", "furniture:comment"));
  EXPECT_TRUE(RemovedWith(d, "المصدر: واس", "metadata:credit"));
}

TEST(CleanTextTest, NoTitleWhenFirstLineIsBody) {
  Document d = Clean(
      "قال المتحدث باسم الوزارة اليوم إن فرق الإنقاذ وصلت إلى القرية بعد ساعات "
      "من انهيار الجسر الوحيد الذي يربطها بالطريق الرئيسي.\n"
      "وأضاف أن العمل جار لإصلاح الجسر خلال أسبوع.\n");
  EXPECT_TRUE(d.title.empty());
  EXPECT_TRUE(Contains(d.text, "قال المتحدث"));
}

TEST(CleanTextTest, RepeatedParagraphKeptOnce) {
  std::string lead =
      "أعلنت الهيئة العامة للأرصاد أن موجة حر شديدة ستضرب المنطقة الشرقية "
      "خلال الأيام الثلاثة المقبلة.";
  Document d = Clean("موجة حر في الشرقية\n\n" + lead + "\n\n" + lead +
                     "\n\nودعت الهيئة السكان إلى تجنب الخروج وقت الظهيرة.\n");
  EXPECT_EQ(d.text.find(lead), d.text.rfind(lead));
  EXPECT_TRUE(RemovedWith(d, lead, "repeat"));
}

TEST(CleanTextTest, HeadlineListAfterBodyDropped_SubheadingKept) {
  Document d = Clean(
      "عنوان الخبر الرئيسي عن المعرض\n"
      "افتتح المعرض الدولي للكتاب أبوابه أمس بمشاركة مئات الناشرين من عشرين "
      "دولة عربية وأجنبية.\n"
      "الناشرون يطالبون بخفض الإيجارات\n"
      "وطالب عدد من الناشرين بخفض رسوم الأجنحة التي ارتفعت هذا العام بنسبة "
      "كبيرة مقارنة بالعام الماضي.\n"
      "\n"
      "فيضانات تغمر عشرات القرى في الجنوب بعد أمطار غزيرة\n"
      "ارتفاع أسعار الذهب في الأسواق المحلية للأسبوع الثالث\n"
      "فريق المدينة يفوز بالكأس بعد مباراة ماراثونية\n"
      "35 مصابا في حادث سير على الطريق السريع شمال العاصمة\n"
      ">>\n");
  EXPECT_TRUE(Contains(d.text, "الناشرون يطالبون بخفض الإيجارات"));
  EXPECT_FALSE(Contains(d.text, "فيضانات"));
  EXPECT_FALSE(Contains(d.text, "35 مصابا"));
  EXPECT_TRUE(RemovedWith(d, "35 مصابا", "furniture:headline-list"));
}

TEST(CleanTextTest, ArticleListsAndVerseAtTheEndKept) {
  Document d = Clean(
      "أمسية شعرية في النادي الأدبي\n"
      "أحيا عدد من الشعراء الشباب أمسية شعرية في النادي الأدبي مساء أمس، "
      "وسط حضور كبير من محبي الشعر.\n"
      "ومما ألقاه أحدهم:\n"
      "يا ليل طل فإن الصبح موعدنا\n"
      "والشوق في القلب لا يهدا ولا ينم\n"
      "نمضي على الدرب لا نخشى عواقبه\n"
      "* موعد الأمسية القادمة: الخميس\n");
  EXPECT_TRUE(Contains(d.text, "يا ليل طل فإن الصبح موعدنا")) << d.text;
  EXPECT_TRUE(Contains(d.text, "* موعد الأمسية القادمة"));
}

TEST(CleanTextTest, PublishedLineStandfirstAndPullQuote) {
  Document d = Clean(
      "First Published: 2019-03-05\n\n"
      "الحكومة تقر خطة لدعم المزارعين\n\n"
      "الخطة تشمل قروضا ميسرة وإعفاءات ضريبية لصغار المزارعين في المناطق "
      "الريفية.\n\n"
      "أخبار الحقل\n\n"
      "'الأرض لمن يزرعها'\n\n"
      "أقر مجلس الوزراء في جلسته الأسبوعية خطة شاملة لدعم القطاع الزراعي، "
      "تمتد على خمس سنوات.\n\n"
      "وقال وزير الزراعة إن الخطة ستبدأ في الربيع المقبل.\n",
      "txt");
  // "أخبار الحقل" is not a known outlet: without a metadata line the first
  // paragraph is not a standfirst.
  EXPECT_EQ(d.published, "2019-03-05");
  EXPECT_EQ(d.title, "الحكومة تقر خطة لدعم المزارعين");
  EXPECT_TRUE(Contains(d.text, "'الأرض لمن يزرعها'"));
}

// Issue 26: outlet ids of exports (skynews, alarabia, CNN, okaz) are shown
// by the outlets' names; an unknown outlet stays as given.
TEST(CleanTextTest, Issue26OutletIdsAreNamed) {
  EXPECT_EQ(CanonicalOutlet(TestCleanLexicon(), "skynews"), "سكاي نيوز عربية");
  EXPECT_EQ(CanonicalOutlet(TestCleanLexicon(), "alarabia"), "العربية");
  EXPECT_EQ(CanonicalOutlet(TestCleanLexicon(), "CNN"), "CNN بالعربية");
  EXPECT_EQ(CanonicalOutlet(TestCleanLexicon(), "france24"), "فرانس 24");
  EXPECT_EQ(CanonicalOutlet(TestCleanLexicon(), "aawsat"), "الشرق الأوسط");
  EXPECT_EQ(CanonicalOutlet(TestCleanLexicon(), "صحيفة محلية"), "صحيفة محلية");
  EXPECT_EQ(CanonicalOutlet(TestCleanLexicon(), ""), "");
}

TEST(CleanTextTest, JsonlKeepsMetadataAndDropsSharePrefix) {
  Document d;
  d.format = "jsonl";
  d.title = "انطلاق موسم الحصاد";
  d.outlet = "okaz";
  d.raw =
      " شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك بدأ المزارعون موسم "
      "الحصاد مبكرا هذا العام بسبب الأمطار.\n\n وقال أحدهم إن المحصول وفير. "
      "(رويترز)";
  ASSERT_TRUE(
      CleanDocument(TestCleanLexicon(), TestTextTables().normalizer(), &d)
          .ok());
  EXPECT_EQ(d.title, "انطلاق موسم الحصاد");
  EXPECT_EQ(d.outlet, "عكاظ");  // the corpus id named as readers know it
  EXPECT_EQ(d.agency, "رويترز");
  EXPECT_EQ(d.text.rfind("بدأ المزارعون", 0), 0u) << d.text;
  EXPECT_FALSE(Contains(d.text, "رويترز"));
  EXPECT_TRUE(RemovedWith(d, "شارك من خلال", "furniture:share"));
}

TEST(CleanTextTest, UnknownFormatIsAnError) {
  Document d;
  d.format = "pdf";
  EXPECT_EQ(CleanDocument(TestCleanLexicon(), TestTextTables().normalizer(), &d)
                .code(),
            StatusCode::kInvalidArgument);
}

TEST(CleanTextTest, EmptyAndBinaryInputDoNotCrash) {
  for (std::string raw :
       {std::string(), std::string("\n\n\n"),
        std::string("\xff\xfe\x00\x01", 4), std::string(5000, '\n')}) {
    Document d = Clean(raw);
    EXPECT_TRUE(d.text.empty() || d.text.find('\xff') == std::string::npos);
  }
}

// ---- The seed reports (../shared/seeds), read, never copied. ----

std::string SeedsDir() { return std::string(MARSAD_SHARED_DIR) + "/seeds"; }

Document CleanSeed(const std::string& name) {
  auto raw = ReadFile(SeedsDir() + "/" + name);
  EXPECT_TRUE(raw.ok()) << name;
  return Clean(raw.ok() ? *raw : "");
}

class SeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(SeedsDir() + "/EXPECTED.md")) {
      GTEST_SKIP() << "seeds not found at " << SeedsDir();
    }
  }
};

TEST_F(SeedsTest, Seed000) {
  Document d = CleanSeed("000_95382a98b4e2d13a.txt");
  EXPECT_EQ(d.outlet, "الثورة");
  EXPECT_TRUE(d.title.rfind("الطيران الأمريكي يقصف", 0) == 0) << d.title;
  EXPECT_FALSE(Contains(d.text, "قد يعجبك ايضا"));
  EXPECT_FALSE(Contains(d.text, d.title));
  EXPECT_TRUE(Contains(d.text, "سنة 2011"));
}

TEST_F(SeedsTest, Seed001) {
  Document d = CleanSeed("001_98c889641a669656.txt");
  EXPECT_EQ(d.agency, "سانا");
  EXPECT_EQ(d.outlet, "سانا");
  EXPECT_TRUE(d.title.rfind("موسكو تطالب واشنطن", 0) == 0) << d.title;
  EXPECT_FALSE(Contains(d.text, "إضافة تعليق جديد"));
  EXPECT_FALSE(Contains(d.text, "المصدر:"));
  EXPECT_TRUE(Contains(d.text, "\n\nالدفاع الروسية: لم نحصل على توضيح"));
}

TEST_F(SeedsTest, Seed002) {
  Document d = CleanSeed("002_f39a727b267a0778.txt");
  EXPECT_EQ(d.outlet, "سيريانيوز");
  EXPECT_TRUE(d.title.rfind("الدفاع الروسية: لهذا السبب", 0) == 0) << d.title;
  for (const char* f :
       {"المواضيع الأكثر قراءة", "SHARE", "close", "سيريانيوز"}) {
    EXPECT_FALSE(Contains(d.text, f)) << f;
  }
  std::string lead = "قالت وزارة الدفاع الروسية، يوم الخميس";
  ASSERT_TRUE(Contains(d.text, lead));
  EXPECT_EQ(d.text.find(lead), d.text.rfind(lead));
  EXPECT_TRUE(Contains(d.text, "(د ب أ)"));  // an attribution inside the body
}

TEST_F(SeedsTest, Seed003) {
  Document d = CleanSeed("003_ec78a9380f52c065.txt");
  EXPECT_TRUE(d.title.empty()) << d.title;
  EXPECT_TRUE(d.outlet.empty()) << d.outlet;
  EXPECT_TRUE(d.text.rfind("أعلنت وزارة الدفاع الروسية", 0) == 0);
  EXPECT_FALSE(Contains(d.text, "تم أضافة تعليقك"));
}

TEST_F(SeedsTest, Seed004) {
  Document d = CleanSeed("004_d38ce0d4f4cf5e4f.txt");
  EXPECT_EQ(d.outlet, "ميدل ايست أونلاين");
  EXPECT_EQ(d.published, "2017-11-14");
  EXPECT_TRUE(d.title.rfind("موسكو تتهم أميركا", 0) == 0) << d.title;
  EXPECT_TRUE(d.standfirst.rfind("الدفاع الروسية تقول إن واشنطن", 0) == 0)
      << d.standfirst;
  EXPECT_TRUE(Contains(d.text, "'الولايات المتحدة تتظاهر بقتال الإرهاب'"));
  for (const char* f : {"24 قتيلا بهجوم انتحاري شمال بغداد", "First Published",
                        ">>", "فرنسا تقر موازنة", "عون يدافع عن حزب الله"}) {
    EXPECT_FALSE(Contains(d.text, f)) << f;
  }
  EXPECT_TRUE(d.text.rfind("'الولايات المتحدة", 0) == 0)
      << d.text.substr(0, 200);
}

}  // namespace
}  // namespace marsad

namespace marsad {
namespace {

// Regression (found by clean_html_fuzz): overlong forms and surrogates must
// not reach the clean text.
TEST(CleanTextTest, InvalidUtf8NeverReachesText) {
  for (std::string bad :
       {std::string("\xED\xA0\x80"), std::string("\xC0\xAF"),
        std::string("\xF4\x90\x80\x80"), std::string("\xE2\x80")}) {
    for (const char* format : {"txt", "html"}) {
      Document d;
      d.format = format;
      d.raw =
          "<p>نص عربي قصير " + bad + " للتجربة في هذا السطر الطويل نسبيا.</p>";
      ASSERT_TRUE(
          CleanDocument(TestCleanLexicon(), TestTextTables().normalizer(), &d)
              .ok());
      EXPECT_TRUE(IsValidUtf8(d.text)) << format;
    }
  }
}

}  // namespace
}  // namespace marsad

namespace marsad {
namespace {

TEST(CleanTextTest, DatelineGivesPublishedDate) {
  Document d;
  d.format = "jsonl";
  d.raw =
      "جدة 3 رمضان 1440 هـ الموافق 8 مايو 2019 م\n"
      "افتتح أمير المنطقة معرضا للكتاب في قاعة المؤتمرات بحضور عدد من "
      "المثقفين.\n";
  ASSERT_TRUE(
      CleanDocument(TestCleanLexicon(), TestTextTables().normalizer(), &d)
          .ok());
  EXPECT_EQ(d.published, "2019-05-08");
  d = Document();
  d.format = "txt";
  d.raw =
      "وقع الحادث في 7 فبراير الماضي حسب ما ذكرت المصادر المحلية في المدينة.\n";
  ASSERT_TRUE(
      CleanDocument(TestCleanLexicon(), TestTextTables().normalizer(), &d)
          .ok());
  EXPECT_EQ(d.published, "");  // a date without a year is not a dateline
}

// Issue 26: every outlet id of the three corpora has a display name, a Latin
// name and a country (data/clean/outlets.tsv).
TEST(CleanLexiconTest, Issue26CorpusOutletsAreNamed) {
  auto lex = CleanLexicon::Load(DataDir());
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  for (const char* id :
       {"skynews",    "alarabia", "CNN",       "BBC",      "france24",
        "Jawhara FM", "alriyadh", "aljazirah", "alyaum",   "aleqtisadiya",
        "aawsat",     "okaz",     "alwatan",   "almadina", "alweeam",
        "3alyoum",    "sabq",     "was",       "arreyadi", "arriyadiyah"}) {
    const OutletName* o = (*lex)->OutletById(id);
    ASSERT_NE(o, nullptr) << id;
    EXPECT_FALSE(o->latin.empty()) << id;
    EXPECT_EQ(o->country.size(), 2u) << id;
  }
  EXPECT_EQ((*lex)->OutletById("was")->latin, "Saudi Press Agency");
}

// Issue 25, architecture step 9: the outlet names are read at start-up with
// the other rule tables, by whoever needs them (Resources, a store's
// StoreOptions, a tool's CleanTables). A data folder without
// clean/outlets.tsv is an error naming the file, where the process-wide
// process-wide lexicon read on first use let the stores answer an outlet
// filter as given.
TEST(CleanLexiconTest, Issue25AMissingOutletTableIsAnErrorNamingIt) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(testing::TempDir()) /
                       ("marsad_no_outlets_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy(fs::path(DataDir()) / "clean", dir / "clean");
  fs::copy(fs::path(DataDir()) / "text", dir / "text");
  // The copy loads (the test fails for its own reason below, not another).
  ASSERT_TRUE(CleanLexicon::Load(dir.string()).ok());
  ASSERT_TRUE(CleanTables::Load(dir.string()).ok());
  fs::remove(dir / "clean" / "outlets.tsv");
  auto lex = CleanLexicon::Load(dir.string());
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().ToString().find("clean/outlets.tsv"),
            std::string::npos)
      << lex.status().ToString();
  auto tables = CleanTables::Load(dir.string());
  ASSERT_FALSE(tables.ok());
  EXPECT_NE(tables.status().ToString().find("clean/outlets.tsv"),
            std::string::npos)
      << tables.status().ToString();
  fs::remove_all(dir);
}

// Issue 26: the outlet from the URL's host, with a path for a shared host,
// a subdomain falling back to its parent.
TEST(CleanLexiconTest, Issue26OutletByUrl) {
  auto lex = *CleanLexicon::FromRows(
      {}, {},
      {{"بي بي سي عربي", "بي بي سي عربي", "BBC,bbc.co.uk/arabic", "BBC Arabic",
        "GB"},
       {"العربية", "العربية", "alarabiya.net", "Al Arabiya", "AE"}});
  auto name = [&](const char* url) {
    const OutletName* o = lex.OutletByUrl(url);
    return o == nullptr ? std::string("-") : o->canonical;
  };
  EXPECT_EQ(name("http://www.bbc.co.uk/arabic/middleeast-1"), "بي بي سي عربي");
  EXPECT_EQ(name("http://www.bbc.co.uk/sport/x"), "-");
  EXPECT_EQ(name("https://WWW.Alarabiya.net:443/ar/a.html"), "العربية");
  EXPECT_EQ(name("https://english.alarabiya.net/x?y"), "العربية");
  EXPECT_EQ(name("https://notalarabiya.net/"), "-");
  EXPECT_EQ(name("alarabiya.net/x"), "-");  // no scheme: not a URL
  EXPECT_EQ(lex.OutletById("BBC")->latin, "BBC Arabic");
  EXPECT_EQ(UrlHostName("https://www.Example.com:8080/a"), "example.com");
}

// Issue 26: a record without an outlet is credited to its URL's outlet, or
// to its host; an unknown code with a known URL is named by the URL.
TEST(CleanTextTest, Issue26OutletFromUrl) {
  for (auto [outlet, url, want] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"", "http://www.skynewsarabia.com/web/article/1",
            "سكاي نيوز عربية"},
           {"sky-code", "http://www.skynewsarabia.com/a", "سكاي نيوز عربية"},
           {"", "https://news.example.org/a/b", "news.example.org"},
           {"موقع محلي", "https://news.example.org/a", "موقع محلي"},
           {"", "", ""}}) {
    Document d;
    d.format = "csv";
    d.raw = "قال المتحدث إن الاجتماع انتهى دون اتفاق.";
    d.outlet = outlet;
    d.url = url;
    ASSERT_TRUE(
        CleanDocument(TestCleanLexicon(), TestTextTables().normalizer(), &d)
            .ok());
    EXPECT_EQ(d.outlet, want) << url;
  }
}

TEST(CleanLexiconTest, BadTablesAreErrors) {
  EXPECT_FALSE(CleanLexicon::FromRows({{"x", "share"}}, {}, {}).ok());
  EXPECT_FALSE(
      CleanLexicon::FromRows({{"x", "share", "nonsense"}}, {}, {}).ok());
  EXPECT_FALSE(CleanLexicon::FromRows({}, {}, {}, {{"ad", "sometimes"}}).ok());
  auto ok = CleanLexicon::FromRows({{"أضف تعليق", "comment", "line"}},
                                   {{"رويترز", "رويترز"}},
                                   {{"النهار", "النهار", "annahar.com"}});
  ASSERT_TRUE(ok.ok());
  std::string key;
  FurnitureKey("أضف تعليق", &key);
  ASSERT_NE(ok->Exact(key), nullptr);
  EXPECT_EQ(ok->Exact(key)->kind, "comment");
  EXPECT_EQ(ok->OutletById("annahar.com")->canonical, "النهار");
}

// Issue 25, step 9: the month names of metadata dates are the lexicon's
// (months.tsv, loaded with the other rule tables), not a table read on first
// use that answered no month at all when the file was missing.
TEST(CleanLexiconTest, MonthNamesAreTheLexicons) {
  EXPECT_FALSE(
      CleanLexicon::FromRows({}, {}, {}, {}, {}, {}, {{"نوفمبر", "13"}}).ok());
  EXPECT_FALSE(
      CleanLexicon::FromRows({}, {}, {}, {}, {}, {}, {{"نوفمبر"}}).ok());
  auto lex = CleanLexicon::FromRows({}, {}, {}, {}, {}, {},
                                    {{"نوفمبر", "11"}, {"تشرين الثاني", "11"}});
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  std::string key;
  FurnitureKey("تشرين الثاني", &key);
  EXPECT_EQ(lex->Month(key), 11);
  EXPECT_EQ(lex->Month("ديسمبر"), 0);
  EXPECT_EQ(ParseMetaDate(*lex, "14 نوفمبر 2017"), "2017-11-14");
  EXPECT_EQ(ParseMetaDate(*lex, "14 تشرين الثاني 2017"), "2017-11-14");
  EXPECT_EQ(ParseMetaDate(*lex, "14 ديسمبر 2017"), "");  // not in its table
  EXPECT_EQ(ParseMetaDate(TestCleanLexicon(), "14 ديسمبر 2017"), "2017-12-14");
}

}  // namespace
}  // namespace marsad

namespace marsad {
namespace {

TEST(CleanTextTest, JsonlContentThatIsHtmlIsCleanedAsAPage) {
  Document d;
  d.format = "jsonl";
  d.title = "عنوان من السجل";
  d.raw =
      "<div class=article><p>بدأت اليوم أعمال المؤتمر السنوي للطاقة المتجددة "
      "بمشاركة خبراء من عشرين دولة، ويستمر ثلاثة أيام.</p><p>شارك</p></div>";
  ASSERT_TRUE(
      CleanDocument(TestCleanLexicon(), TestTextTables().normalizer(), &d)
          .ok());
  EXPECT_EQ(d.title, "عنوان من السجل");
  EXPECT_EQ(d.text.find('<'), std::string::npos);
  EXPECT_NE(d.text.find("بدأت اليوم"), std::string::npos);
  EXPECT_FALSE(d.text.ends_with("شارك"));
  EXPECT_TRUE(RemovedWith(d, "شارك", "furniture:share"));
}

}  // namespace
}  // namespace marsad

namespace marsad {
namespace {

TEST(CleanTextTest, BylineGivesAuthorAndOutlet) {
  Document d = Clean(
      "ليلى السالم – عين اليوم\n"
      "افتتحت جمعية الحرفيين معرضها السنوي في وسط المدينة بمشاركة خمسين حرفية "
      "من مختلف المناطق.\n");
  EXPECT_EQ(d.author, "ليلى السالم");
  EXPECT_EQ(d.outlet, "عين اليوم");
  d = Clean(
      "عين اليوم – جدة\n"
      "افتتحت جمعية الحرفيين معرضها السنوي في وسط المدينة بمشاركة خمسين حرفية "
      "من مختلف المناطق.\n");
  EXPECT_EQ(d.author, "");
  EXPECT_TRUE(RemovedWith(d, "عين اليوم – جدة", "metadata:byline"));
}

}  // namespace
}  // namespace marsad

namespace marsad {
namespace {

TEST(CleanTextTest, SourceColonInsideBodyIsNotACredit) {
  Document d = Clean(
      "حريق في سوق الخضار المركزي\n"
      "اندلع حريق صباح اليوم في سوق الخضار المركزي وأتى على عدد من المحلات قبل "
      "أن "
      "تتمكن فرق الدفاع المدني من إخماده.\n"
      "وسأل المراسل أحد المسؤولين عن سبب الحريق فأجاب بأنه لا يعرف بعد.\n"
      "المصدر: لم نتلق أي بلاغ\n"
      "وأضاف أن التحقيق سيبدأ غدا بعد انتهاء أعمال التبريد في الموقع المتضرر.\n"
      "وقال شهود إن الدخان شوهد من مسافة بعيدة طوال ساعات الصباح.\n"
      "وتقدر الخسائر الأولية بمئات الآلاف حسب تقديرات التجار في السوق.\n");
  EXPECT_TRUE(d.agency.empty()) << d.agency;
  EXPECT_NE(d.text.find("المصدر: لم نتلق أي بلاغ"), std::string::npos);
}

}  // namespace
}  // namespace marsad

namespace marsad {
namespace {

TEST(CleanTextTest, OutletLinesOfUnknownOutlets) {
  const char* body =
      "افتتحت البلدية صباح اليوم جسرا جديدا فوق النهر يربط الحيين الشرقي "
      "والغربي، "
      "بعد عامين من العمل.\n"
      "وقال رئيس البلدية إن الجسر سيخفف الازدحام في وسط المدينة.\n";
  struct Case {
    std::string head, outlet, agency;
  } cases[] = {
      {"جسر جديد يربط ضفتي النهر\nصحيفة الوادي/ المنصورة\n", "صحيفة الوادي",
       ""},
      {"جسر جديد يربط ضفتي النهر\nبوابة الشمال - وكالات\n", "بوابة الشمال",
       "وكالات"},
      {"جسر جديد يربط ضفتي النهر\nنبض الوادي\n", "نبض الوادي", ""},
  };
  for (const Case& c : cases) {
    Document d = Clean(c.head + body);
    EXPECT_EQ(d.outlet, c.outlet) << c.head;
    EXPECT_EQ(d.agency, c.agency) << c.head;
    EXPECT_EQ(d.title, "جسر جديد يربط ضفتي النهر");
    EXPECT_EQ(d.text.rfind("افتتحت البلدية", 0), 0u) << d.text;
  }
  // A short line under the title that is followed by another short line is
  // not taken for an outlet.
  Document d = Clean("جسر جديد يربط ضفتي النهر\nتقرير خاص\nمن موقع الحدث\n" +
                     std::string(body));
  EXPECT_TRUE(d.outlet.empty()) << d.outlet;
}

}  // namespace
}  // namespace marsad
