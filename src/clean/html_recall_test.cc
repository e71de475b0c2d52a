// Issue 26: what a page's main text must keep besides its long paragraphs:
// lists and tables inside the article, short paragraphs, headings inside the
// body, and articles split over several containers. Our own made-up pages,
// one per kind of failure (quality on real pages is measured by eval_clean).
#include <gtest/gtest.h>

#include <string>

#include "src/clean/clean.h"
#include "src/clean/test_lexicon.h"
#include "src/text/test_tables.h"

namespace marsad {
namespace {

Document CleanPage(const std::string& html) {
  Document d;
  d.format = "html";
  d.raw = html;
  Status st =
      CleanDocument(TestCleanLexicon(), TestTextTables().normalizer(), &d);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return d;
}

bool Has(const Document& d, const std::string& s) {
  return d.text.find(s) != std::string::npos;
}

const char kHead[] =
    "<html lang=ar><head><title>المجلس البلدي يقر الموازنة الجديدة - صحيفة "
    "المدينة</title></head><body><header><ul class=menu><li><a "
    "href=/>الرئيسية</a></li><li><a href=/news>أخبار</a></li><li><a "
    "href=/sport>رياضة</a></li></ul></header><div class=container>";
const char kTail[] =
    "<div class=related><h3>أخبار ذات صلة</h3><ul><li><a href=/a>المجلس يجتمع "
    "مجددا الأسبوع المقبل لبحث الرسوم</a></li><li><a href=/b>رئيسة البلدية "
    "تزور مدرسة في الحي الشمالي</a></li></ul></div></div><footer>جميع الحقوق "
    "محفوظة لصحيفة المدينة</footer></body></html>";
const char kLead[] =
    "<p>أقر المجلس البلدي مساء الاثنين الموازنة الجديدة بعد نقاش طويل، بأغلبية "
    "سبعة أصوات مقابل صوتين، منهيا أشهرا من المفاوضات بين الكتل.</p>";
const char kMore[] =
    "<p>وقال أعضاء المعارضة إن الخطة ترفع الأجور وتقلص الخدمات، وتعهدوا بإعادة "
    "طرح المسألة في الاجتماع المقبل في يناير، بعد انتهاء العطلة.</p>";

TEST(HtmlRecallTest, ListInsideTheArticleIsKept) {
  std::string page =
      std::string(kHead) +
      "<article class=post><h1>المجلس "
      "البلدي يقر الموازنة الجديدة</h1><div class=entry-content>" +
      kLead +
      "<p>وتشمل الموازنة تغييرات سيلاحظها السكان:</p><ul>"
      "<li>رفع أجرة الحافلة عشرة قروش.</li>"
      "<li>افتتاح مكتبتين في الشمال.</li>"
      "<li>استبدال إنارة الشوارع.</li>"
      "<li>تجميد رسوم المواقف عاما.</li></ul>" +
      kMore +
      "<ol><li>قراءة أولى في ديسمبر</li><li>تصويت نهائي في "
      "يناير</li><li>التنفيذ في مارس</li></ol></div></article>" +
      kTail;
  Document d = CleanPage(page);
  EXPECT_TRUE(Has(d, "أقر المجلس البلدي")) << d.text;
  EXPECT_TRUE(Has(d, "\u2022 رفع أجرة الحافلة عشرة قروش.")) << d.text;
  EXPECT_TRUE(Has(d, "\u2022 تجميد رسوم المواقف عاما.")) << d.text;
  EXPECT_TRUE(Has(d, "\u2022 قراءة أولى في ديسمبر")) << d.text;
  EXPECT_TRUE(Has(d, "\u2022 التنفيذ في مارس")) << d.text;
  EXPECT_FALSE(Has(d, "الرئيسية")) << d.text;
  EXPECT_FALSE(Has(d, "تزور مدرسة")) << d.text;
  EXPECT_FALSE(Has(d, "جميع الحقوق")) << d.text;
}

TEST(HtmlRecallTest, ShortLinesEndingTheArticleAreKept) {
  // A schedule in paragraphs at the end: the text-dump rule that drops a
  // trailing list of other pages' headlines must not take it.
  std::string page =
      std::string(kHead) + "<div class=article-body>" + kLead + kMore +
      "<p><strong>مواعيد الجلسات</strong></p>"
      "<p>9 يونيو - قاعة البلدية</p><p>10 يونيو - مركز الشباب</p>"
      "<p>14 يونيو - المكتبة العامة</p><p>17 يونيو - ملعب "
      "الحي</p></div>" +
      kTail;
  Document d = CleanPage(page);
  EXPECT_TRUE(Has(d, "مواعيد الجلسات")) << d.text;
  EXPECT_TRUE(Has(d, "9 يونيو - قاعة البلدية")) << d.text;
  EXPECT_TRUE(Has(d, "17 يونيو - ملعب الحي")) << d.text;
}

TEST(HtmlRecallTest, TableInsideTheArticleIsKeptOneRowALine) {
  std::string page = std::string(kHead) + "<div class=story-body>" + kLead +
                     "<table><tr><th>القطاع</th><th>المبلغ</th></tr>"
                     "<tr><td>النقل</td><td>12 مليون دينار</td></tr>"
                     "<tr><td>المكتبات</td><td>3 ملايين دينار</td></tr>"
                     "<tr><td>الحدائق</td><td>مليونا دينار</td></tr></table>" +
                     kMore + "</div>" + kTail;
  Document d = CleanPage(page);
  EXPECT_TRUE(Has(d, "القطاع | المبلغ")) << d.text;
  EXPECT_TRUE(Has(d, "النقل | 12 مليون دينار")) << d.text;
  EXPECT_TRUE(Has(d, "الحدائق | مليونا دينار")) << d.text;
  EXPECT_TRUE(Has(d, "وقال أعضاء المعارضة")) << d.text;
}

TEST(HtmlRecallTest, ShortParagraphsAndHeadingsInsideTheBodyAreKept) {
  std::string page =
      std::string(kHead) +
      "<article><h1>المجلس البلدي يقر الموازنة الجديدة</h1>" + kLead +
      "<h2>ماذا قالت رئيسة البلدية</h2><p>وصفت التصويت بأنه "
      "تسوية عادلة.</p><p>\"استمعنا للجميع\".</p>" +
      kMore + "<h3>الخطوة التالية</h3><p>ووافق الجميع.</p></article>" + kTail;
  Document d = CleanPage(page);
  EXPECT_TRUE(Has(d, "ماذا قالت رئيسة البلدية")) << d.text;
  EXPECT_TRUE(Has(d, "وصفت التصويت بأنه تسوية عادلة.")) << d.text;
  EXPECT_TRUE(Has(d, "استمعنا للجميع")) << d.text;
  EXPECT_TRUE(Has(d, "الخطوة التالية")) << d.text;
  EXPECT_TRUE(Has(d, "ووافق الجميع.")) << d.text;
  // The heading repeating the title is not body text.
  EXPECT_EQ(d.text.find("المجلس البلدي يقر"), std::string::npos) << d.text;
}

TEST(HtmlRecallTest, ArticleSplitOverSectionsWithAdsBetween) {
  std::string page = std::string(kHead) + "<main><section class=part>" + kLead +
                     "</section><div class=ad>إعلان</div><section class=part>" +
                     kMore +
                     "<p>ولم يعلق المحافظ.</p></section><div class=share><a "
                     "href=#>شارك على فيسبوك</a></div><section class=part>"
                     "<h2>لماذا يهم ذلك</h2><p>تعد الموازنة الأكبر في تاريخ "
                     "المدينة، وتأتي في عام انتخابي، وسط مطالب بتحسين النقل "
                     "العام وخدمات النظافة في الأحياء.</p></section></main>" +
                     kTail;
  Document d = CleanPage(page);
  EXPECT_TRUE(Has(d, "أقر المجلس البلدي")) << d.text;
  EXPECT_TRUE(Has(d, "ولم يعلق المحافظ.")) << d.text;
  EXPECT_TRUE(Has(d, "لماذا يهم ذلك")) << d.text;
  EXPECT_TRUE(Has(d, "تعد الموازنة الأكبر")) << d.text;
  EXPECT_FALSE(Has(d, "إعلان")) << d.text;
  EXPECT_FALSE(Has(d, "شارك على فيسبوك")) << d.text;
}

TEST(HtmlRecallTest, OpeningWrappedDeeperBesideASidebar) {
  // The opening paragraphs (three, 400 characters and more) sit beside a
  // sidebar in a wrapper of their own; the rest of the article follows in
  // sections. Both parts are the text.
  std::string open;
  for (const char* p :
       {"<p>عندما نظر الباحثون في رئات الفئران، وجدوا خلايا غريبة تحمل "
        "مستقبلات للطعم، في مكان لا طعام فيه، فتساءلوا عن دورها وعن سبب "
        "ظهورها هناك دون غيرها من الأنسجة.</p>",
        "<p>ولم يكن الفريق وحده في حيرته، فقد رصدت مختبرات أخرى الخلايا "
        "نفسها في الأمعاء والأنف، ولم يعرف أحد ما تفعله، ولا لماذا يتغير "
        "عددها بعد كل عدوى.</p>",
        "<p>ويتتبع العلماء اليوم الجذور القديمة لهذه المستقبلات، ويرون أنها "
        "جزء من جهاز إنذار مبكر يحمي الجسم من الطفيليات.</p>"}) {
    open += p;
  }
  std::string rest;
  for (int i = 0; i < 6; ++i) {
    rest += "<p>وفي تجربة أخرى رقم " + std::to_string(i + 1) +
            "، أظهر الفريق أن الخلايا تطلق إشارات كيميائية، وأن الجهاز المناعي "
            "يستجيب لها خلال ساعات، وهو ما لم يكن متوقعا.</p>";
  }
  std::string page = std::string(kHead) +
                     "<div class=post-wrap><div class=wrapper><div "
                     "class=inner><aside><a href=/t>علوم</a></aside><section "
                     "class=outer><div class=col><div class=section><div "
                     "class=content>" +
                     open +
                     "</div></div></div></section></div></div><section "
                     "class=outer><div class=col><div class=section><div "
                     "class=content>" +
                     rest + "</div></div></div></section></div>" + kTail;
  Document d = CleanPage(page);
  EXPECT_TRUE(Has(d, "عندما نظر الباحثون")) << d.text;
  EXPECT_TRUE(Has(d, "ويتتبع العلماء")) << d.text;
  EXPECT_TRUE(Has(d, "تجربة أخرى رقم 6")) << d.text;
  EXPECT_LT(d.text.find("عندما نظر"), d.text.find("تجربة أخرى رقم 1"));
}

TEST(HtmlRecallTest, LeadParagraphInAWrapperOfItsOwn) {
  // The lead in a wrapper of its own, two paragraphs beside it, the rest in
  // a box of its own: the box scores best; the lead's wrapper must join.
  auto para = [](int i) {
    return "<div class=para>وأضاف المتحدث في الفقرة رقم " + std::to_string(i) +
           " أن الاجتماع تناول ملفات عدة، بينها النقل والمياه والكهرباء، وأن "
           "القرارات ستعلن لاحقا.</div>";
  };
  std::string page = std::string(kHead) +
                     "<section class=body-text><div class=lead-media><p>"
                     "أقر المجلس البلدي مساء الاثنين الموازنة الجديدة بعد نقاش "
                     "طويل منهيا أشهرا من <a href=/x>المفاوضات بين "
                     "الكتل</a>.</p></div>" +
                     para(1) + para(2) + "<div class=read-all>";
  for (int i = 3; i < 10; ++i) page += para(i);
  page += "</div></section>" + std::string(kTail);
  Document d = CleanPage(page);
  EXPECT_TRUE(Has(d, "أقر المجلس البلدي")) << d.text;
  EXPECT_TRUE(Has(d, "الفقرة رقم 1 ")) << d.text;
  EXPECT_TRUE(Has(d, "الفقرة رقم 9 ")) << d.text;
}

TEST(HtmlRecallTest, ShortLinesOpeningTheArticleAreKept) {
  // A season's calendar in paragraphs before the first long paragraph: the
  // text-dump rule that drops a run of short lines at the head of a report
  // as a menu must not take it (a page's menus are links, gone already).
  std::string page = std::string(kHead) +
                     "<article class=post><h1>جدول الدوري للموسم المقبل</h1>"
                     "<div class=entry-content>"
                     "<p>الجولة الأولى: 3 مارس – جدة</p>"
                     "<p>الجولة الثانية: 17 مارس – الدمام</p>"
                     "<p>الجولة الثالثة: 2 أبريل – أبها</p>"
                     "<p>الجولة الرابعة: 20 أبريل – تبوك</p>" +
                     kLead + kMore + "</div></article>" + kTail;
  Document d = CleanPage(page);
  EXPECT_TRUE(Has(d, "الجولة الأولى: 3 مارس – جدة")) << d.text;
  EXPECT_TRUE(Has(d, "الجولة الرابعة: 20 أبريل – تبوك")) << d.text;
  EXPECT_TRUE(Has(d, "أقر المجلس البلدي")) << d.text;
  EXPECT_FALSE(Has(d, "الرئيسية")) << d.text;
}

TEST(HtmlRecallTest, EmbeddedPostTheArticleQuotesIsKept) {
  // A tweet's embed code inside a wrapper named like a widget: the quoted
  // post is the article's; the share bar beside it is not.
  std::string page =
      std::string(kHead) +
      "<article class=post><h1>المجلس البلدي يقر الموازنة الجديدة</h1>"
      "<div class=entry-content>" +
      kLead +
      "<div class=video-container><blockquote class=twitter-tweet><p>"
      "الموازنة الجديدة خطوة أولى، وننتظر التنفيذ قبل الصيف <a "
      "href=https://t.co/x>https://t.co/x</a></p>— عضو المجلس (@member) <a "
      "href=https://twitter.com/member/status/1>12 يناير 2021</a>"
      "</blockquote></div>" +
      kMore +
      "<div class=share-bar><a href=/s1>شارك الخبر على فيسبوك</a> <a "
      "href=/s2>شارك الخبر على تويتر</a></div></div></article>" +
      kTail;
  Document d = CleanPage(page);
  EXPECT_TRUE(Has(d, "الموازنة الجديدة خطوة أولى، وننتظر التنفيذ")) << d.text;
  EXPECT_TRUE(Has(d, "وقال أعضاء المعارضة")) << d.text;
  EXPECT_FALSE(Has(d, "شارك الخبر")) << d.text;
}

}  // namespace
}  // namespace marsad
