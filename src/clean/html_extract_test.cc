// HTML path: behaviour on our own small pages, and robustness on hostile
// input (deep nesting, a 50 MB page, broken markup). Quality is measured by
// eval_clean on real pages, not here.
#include "src/clean/html_extract.h"

#include <gtest/gtest.h>

#include <string>

#include "src/clean/clean.h"
#include "src/clean/html_dom.h"
#include "src/clean/html_meta.h"
#include "src/clean/test_lexicon.h"
#include "src/text/test_tables.h"

namespace marsad {
namespace {

Document CleanPage(std::string html) {
  Document d;
  d.format = "html";
  d.raw = std::move(html);
  Status st =
      CleanDocument(TestCleanLexicon(), TestTextTables().normalizer(), &d);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return d;
}

const char kParagraph[] =
    "<p>قال مدير المدرسة إن العام الدراسي الجديد سيبدأ في موعده، وإن الصفوف "
    "جاهزة لاستقبال الطلاب بعد أعمال الصيانة التي استمرت طوال الصيف.</p>";

TEST(HtmlExtractTest, MainTextWithoutNavigationAndComments) {
  std::string page =
      "<html lang=ar><body><nav><a href=/>الرئيسية</a></nav>"
      "<div class=story>";
  for (int i = 0; i < 4; ++i) page += kParagraph;
  page +=
      "</div><div class=comments><p>تعليق طويل من أحد القراء على الخبر، يقول "
      "فيه "
      "إنه لا يوافق على ما جاء فيه من أرقام.</p></div></body></html>";
  Document d = CleanPage(page);
  EXPECT_NE(d.text.find("قال مدير المدرسة"), std::string::npos);
  EXPECT_EQ(d.text.find("الرئيسية"), std::string::npos);
  EXPECT_EQ(d.text.find("تعليق طويل"), std::string::npos);
  EXPECT_EQ(d.language, "ar");
  // The repeated paragraph is kept once.
  EXPECT_EQ(d.text.find("قال مدير"), d.text.rfind("قال مدير"));
}

TEST(HtmlExtractTest, HiddenElementsAndScriptsGiveNoText) {
  std::string page = "<body><div class=article>";
  page += kParagraph;
  page +=
      "<p style='display: none'>نص مخفي لا يظهر للقارئ على الإطلاق في "
      "الصفحة.</p>"
      "<script>document.write('نص برمجي')</script>"
      "<p hidden>نص آخر مخفي بالسمة hidden لا ينبغي أن يظهر "
      "أبدا.</p></div></body>";
  Document d = CleanPage(page);
  EXPECT_NE(d.text.find("قال مدير"), std::string::npos);
  EXPECT_EQ(d.text.find("مخفي"), std::string::npos);
  EXPECT_EQ(d.text.find("برمجي"), std::string::npos);
}

TEST(HtmlExtractTest, MetadataSources) {
  const char* page =
      "<html><head><title>عنوان الخبر الكامل هنا - موقع المثال</title>"
      "<meta property='og:site_name' content='موقع المثال'>"
      "<meta name='pubdate' content='2021-02-03'>"
      "<link rel=canonical href='https://example.org/news/2021/02/03/x'>"
      "</head><body><h1>عنوان الخبر الكامل هنا</h1></body></html>";
  auto dom = HtmlDom::Parse(page, kMaxHtmlBytes);
  HtmlMeta m = ExtractHtmlMeta(TestCleanLexicon(), dom->root());
  EXPECT_EQ(m.title, "عنوان الخبر الكامل هنا");
  EXPECT_EQ(m.site_name, "موقع المثال");
  EXPECT_EQ(m.published, "2021-02-03");
  EXPECT_EQ(m.url, "https://example.org/news/2021/02/03/x");
}

TEST(HtmlExtractTest, StripSiteName) {
  EXPECT_EQ(
      StripSiteName("Bus lanes approved | City Herald", "City Herald", {}),
      "Bus lanes approved");
  EXPECT_EQ(
      StripSiteName("City Herald - Bus lanes approved", "City Herald", {}),
      "Bus lanes approved");
  EXPECT_EQ(StripSiteName("Council approves six new bus lanes - CH", "", {}),
            "Council approves six new bus lanes");
  EXPECT_EQ(StripSiteName("A - B", "", {}), "A - B");
}

TEST(HtmlExtractTest, DeepNestingDoesNotOverflowTheStack) {
  std::string page = "<body>";
  for (int i = 0; i < 200000; ++i) page += "<div>";
  page += kParagraph;
  Document d = CleanPage(page);
  EXPECT_NE(d.text.find("قال مدير"), std::string::npos);
}

TEST(HtmlExtractTest, DeepInlineNesting) {
  std::string page = "<body><div class=text>";
  for (int i = 0; i < 50000; ++i) page += "<span>";
  page += kParagraph;
  Document d = CleanPage(page);
  EXPECT_NE(d.text.find("قال مدير"), std::string::npos);
}

TEST(HtmlExtractTest, HugePageIsCutNotFatal) {
  std::string page = "<html><body><div class=article>";
  page.reserve(size_t{52} << 20);
  while (page.size() < (size_t{50} << 20)) page += kParagraph;
  Document d = CleanPage(std::move(page));
  EXPECT_FALSE(d.text.empty());
  bool truncated = false;
  for (const RemovedBlock& r : d.removed)
    truncated |= r.reason == "truncated:page-too-large";
  EXPECT_TRUE(truncated);
}

TEST(HtmlExtractTest, BrokenMarkupAndGarbage) {
  const std::string cases[] = {
      "",
      "<",
      "<<<>>>",
      "<p",
      "<div class='unterminated",
      "<script>never closed",
      "<!-- never closed",
      "<table><tr><td><p>نص <b>غامق <i>مائل</b> متداخل</i></td></div></span>",
      std::string("\0\xff\xfe<p>\x80\x81</p>", 12),
      "<svg><p>inside svg</p>",
      "<a href='x'><a href='y'><a>nested anchors</a></a></a>",
  };
  for (const std::string& c : cases) {
    Document d = CleanPage(c);
    (void)d;
  }
}

}  // namespace
}  // namespace marsad

namespace marsad {
namespace {

TEST(HtmlExtractTest, PageOfShortLinesFallsBackToWholePage) {
  Document d = CleanPage(
      "<body><div><a href=/>الرئيسية</a> <a href=/x>أخبار</a></div>"
      "<div>انقطاع المياه غدا</div><div>في أحياء الشمال</div></body>");
  EXPECT_NE(d.text.find("انقطاع المياه غدا"), std::string::npos);
  EXPECT_EQ(d.text.find("الرئيسية"), std::string::npos);
}

}  // namespace
}  // namespace marsad

namespace marsad {
namespace {

TEST(HtmlExtractTest, DateFromAnElementNamedDate) {
  auto dom = HtmlDom::Parse(
      "<body><span class='post-date'>الثلاثاء 14 نوفمبر 2017</span>"
      "<p>نص</p></body>",
      kMaxHtmlBytes);
  EXPECT_EQ(ExtractHtmlMeta(TestCleanLexicon(), dom->root()).published,
            "2017-11-14");
}

}  // namespace
}  // namespace marsad

namespace marsad {
namespace {

TEST(HtmlExtractTest, JsonLdEntitiesDecoded) {
  auto dom = HtmlDom::Parse(
      "<head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
      "\"headline\": \"&#8216;Quoted&#8217; &amp; more\", \"datePublished\": "
      "\"2020-01-02\"}</script></head>",
      kMaxHtmlBytes);
  HtmlMeta m = ExtractHtmlMeta(TestCleanLexicon(), dom->root());
  EXPECT_EQ(m.title, "\u2018Quoted\u2019 & more");
  EXPECT_EQ(m.published, "2020-01-02");
}

// Whitespace runs are cut to one character before parsing (a fifth less
// input for the parser), except inside <pre>.
TEST(HtmlExtractTest, WhitespaceRunsCutBeforeParsingButNotInPre) {
  auto dom = HtmlDom::Parse(
      "<body>\n    <p>a   b\n\n  c</p>\n  <pre>x\n    y</pre></body>",
      kMaxHtmlBytes);
  const GumboNode* body = nullptr;
  const GumboVector& kids = dom->root()->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    auto* k = static_cast<const GumboNode*>(kids.data[i]);
    if (k->type == GUMBO_NODE_ELEMENT && k->v.element.tag == GUMBO_TAG_BODY)
      body = k;
  }
  ASSERT_NE(body, nullptr);
  std::string p, pre;
  for (unsigned i = 0; i < body->v.element.children.length; ++i) {
    auto* k = static_cast<const GumboNode*>(body->v.element.children.data[i]);
    if (k->type != GUMBO_NODE_ELEMENT) continue;
    if (k->v.element.tag == GUMBO_TAG_P) AppendNodeText(k, &p, 100);
    if (k->v.element.tag == GUMBO_TAG_PRE) AppendNodeText(k, &pre, 100);
  }
  EXPECT_EQ(p, "a b\nc");
  EXPECT_EQ(pre, "x\n    y");
}

}  // namespace
}  // namespace marsad
