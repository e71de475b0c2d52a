// HtmlDom: the tree parsed with text runs as placeholders must equal the tree
// parsed from the text itself (a differential test: the fast path against the
// reference), node for node and byte for byte, on hand-written edge cases and
// on pages pieced together at random from markup fragments.
#include "src/clean/html_dom.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "src/clean/html_extract.h"

namespace marsad {
namespace {

void DumpNode(const GumboNode* n, std::string* out) {
  switch (n->type) {
    case GUMBO_NODE_DOCUMENT: {
      const GumboDocument& d = n->v.document;
      *out += "#document quirks=" + std::to_string(d.doc_type_quirks_mode) +
              " doctype=" + std::to_string(d.has_doctype) + "\n";
      for (unsigned i = 0; i < d.children.length; ++i)
        DumpNode(static_cast<const GumboNode*>(d.children.data[i]), out);
      return;
    }
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: {
      const GumboElement& e = n->v.element;
      *out += "<" + std::string(TagName(n));
      for (unsigned i = 0; i < e.attributes.length; ++i) {
        auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
        *out += std::string(" ") + a->name + "=[" + a->value + "]";
      }
      *out += ">\n";
      for (unsigned i = 0; i < e.children.length; ++i)
        DumpNode(static_cast<const GumboNode*>(e.children.data[i]), out);
      *out += "</" + std::string(TagName(n)) + ">\n";
      return;
    }
    default:
      *out += "#" + std::to_string(n->type) + "[" + n->v.text.text + "]\n";
  }
}

std::string Dump(const std::string& html, bool placeholders) {
  auto dom = HtmlDom::Parse(html, kMaxHtmlBytes, placeholders);
  std::string out;
  DumpNode(dom->document(), &out);
  return out;
}

// Each case exercises one way a run's characters can steer the parser.
const char* const kCases[] = {
    "<p>قال المتحدث &quot;سنبدأ&quot; غدا&nbsp;صباحا، وأضاف &amp أن العمل "
    "&copyright; &#x1F600; &#1575;&#x0644; مستمر</p>",
    "<p>رمز من خط الأيقونات \xEE\x80\x80 و\xEF\x80\x99 في النص</p>",
    "<p>رمز خاص \xF3\xB0\x80\x81 في نص الصفحة نفسه</p>",
    "<p>مرجع رقمي &#xF0001; يسمي رمزا خاصا</p>",
    "<p>سطر أول\r\nوسطر ثان\rوثالث</p>",
    "<p>تحكم \xC2\x85 وغير حرف \xEF\xB7\x90 و\xEF\xBF\xBE ونهاية</p>",
    "<p>بايت شارد \xFF هنا وتسلسل مقطوع \xD8 هنا وبديل \xEF\xBF\xBD</p>",
    "<p>صيغ طويلة \xC0\xA0 و\xC1\xBF و\xE0\x80\xAF وبدائل \xED\xA0\x80 "
    "و\xF4\x90\x80\x80 في النص</p>",
    "<pre>\nالسطر الأول\n    سطر مزاح</pre><textarea>\n نص الحقل</textarea>"
    "<listing>\nقائمة</listing>",
    "<html><head> نص في الرأس <title>عنوان <b>غامق</b> هنا</title></head>"
    "<body>متن</body></html>",
    "<table> <tr><td>خلية أولى</td></tr> نص خارج الصفوف <tr><td>ثانية</td>"
    "</tr> </table>",
    "<table><colgroup> كلمات في مجموعة الأعمدة <col></colgroup></table>",
    "<select><option>خيار أول</option> نص حر </select>",
    "<!DOCTYPE html><p>نص بعد تعريف المستند</p>",
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">"
    "<p>نص<table><tr><td>خلية</td></tr></table>",
    "<p>أ < ب و ج > د</p><p>x <3 y</p></p>نص بعد وسم إغلاق شارد<?xml "
    "version='1.0'?>نص بعد تعليمات",
    "<head><script type='application/ld+json'>{\"headline\": \"عنوان <p "
    "class=x>فيه</p> وسم\", \"x\": \"&amp; &#8217;\"}</script></head>",
    "<frameset> كلمات بين الإطارات </frameset> بعد",
    "<math><mi>س</mi> نص رياضي <![CDATA[ بيانات ]]></math>",
    "</body>نص بعد الجسم</html> وبعد المستند",
    "<p>نص وحيد بلا إغلاق",
    "نص قبل كل شيء<html><body><p>ثم فقرة</p>",
    "<p>نهاية مفاجئة &",
    "<p>نهاية مفاجئة <",
    "<div class='قسم المقالات &amp; الفرعي' id=\"main-article-body\"><meta "
    "name=description content=\"وصف الصفحة الطويل هنا\"><p class=\"lead "
    "\r\n text\">نص</p></div>",
    "<p class='icon \xF3\xB0\x80\x81 mark'>نص بعلامة خاصة في الصنف</p>",
    "<p class='&#xF0001; longer class'>نص بمرجع في الصنف</p>",
    "<table><input type=hidden class='hidden-input-field'></table>",
    "<head><script type='application/ld+json' class='structured-data'>{\"a\": "
    "1}</script></head>",
};

TEST(HtmlDomTest, PlaceholdersGiveTheSameTree) {
  for (const char* c : kCases) {
    std::string html(c);
    EXPECT_EQ(Dump(html, true), Dump(html, false)) << html;
  }
  std::string with_nul("<p>نص فيه \0 صفر في وسطه</p>", 40);
  EXPECT_EQ(Dump(with_nul, true), Dump(with_nul, false));
}

// The run's text really comes back (not an empty tree on both sides).
TEST(HtmlDomTest, TextComesBack) {
  std::string d = Dump("<p>  قال المتحدث &amp; أضاف  </p>", true);
  EXPECT_NE(d.find("[ قال المتحدث & أضاف ]"), std::string::npos) << d;
}

TEST(HtmlDomTest, RandomPagesGiveTheSameTree) {
  const std::vector<std::string> pieces = {
      "<p>",
      "</p>",
      "<div class='a b'>",
      "</div>",
      "<table>",
      "<tr>",
      "<td>",
      "</table>",
      "<pre>",
      "</pre>",
      "<title>",
      "</title>",
      "<head>",
      "<body>",
      "<!DOCTYPE html>",
      "<b>",
      "</b>",
      "<i>",
      "<a href=x rel=author>",
      "</a>",
      "<br>",
      "<select>",
      "<option>",
      "<textarea>",
      "</textarea>",
      "<script type=application/ld+json>{\"a\": \"ب\"}</script>",
      "<script>var x = '<p>';</script>",
      "<style>p{}</style>",
      "<!-- ت -->",
      "<li>",
      "<ul>",
      "<math>",
      "</math>",
      "<template>",
      "</template>",
      "<span style='display: none'>",
      "<h1>",
      "</h1>",
      " ",
      "\n",
      "\r\n",
      "نص عربي قصير",
      "جملة أطول قليلا من سابقتها، فيها فاصلة",
      "Latin words",
      "&amp;",
      "&nbsp;",
      "&#1576;",
      "&copy",
      "&",
      "<",
      ">",
      "</",
      "<!",
      "\xC2\x85",
      "\xFF",
      "\xD8",
      "\xEF\xB7\x90",
      std::string("\0", 1),
      "\xEE\x80\x80",
      "\t",
      "<3",
      "</p\n>",
      "<p/>",
      "<input type=hidden>",
      "<div id='main-content-area' class=\"article body text\">",
      "<meta name=description content='وصف طويل للصفحة'>",
      "<p class='x &amp; y z'>",
      "<p class=\"plain-class-name\" id=ab>"};
  std::mt19937 rng(26);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> len(1, 60);
  for (int page = 0; page < 3000; ++page) {
    std::string html;
    for (int k = len(rng); k > 0; --k) html += pieces[pick(rng)];
    ASSERT_EQ(Dump(html, true), Dump(html, false)) << html;
  }
}

// Attributes are kept where the extractor reads them; a style only when it
// hides the element, and the first of duplicates decides, as in the parser.
TEST(HtmlDomTest, AttributesKeptWhereRead) {
  auto dom = HtmlDom::Parse(
      "<html lang=ar><head><meta property=og:site_name content='موقع المثال'>"
      "</head><body><div id=a class=story style='color: red' data-x=1>"
      "<span itemprop=name content=x>نص</span></div>"
      "<p id=b style='DISPLAY : none'>مخفي</p>"
      "<p id=c style='color:red' style='display:none'>ظاهر</p></body></html>",
      kMaxHtmlBytes);
  std::vector<const GumboNode*> stack{dom->root()};
  std::string seen;
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    std::string_view tag = TagName(n);
    if (tag == "meta") seen += "meta:" + std::string(Attr(n, "content")) + ";";
    if (tag == "html") seen += "lang:" + std::string(Attr(n, "lang")) + ";";
    if (tag == "span") seen += "span:" + std::string(Attr(n, "itemprop")) + ";";
    if (tag == "div" || tag == "p") {
      seen += std::string(Attr(n, "id")) + ":" + std::string(Attr(n, "class")) +
              ":" + std::string(Attr(n, "style")) + ":" +
              std::string(Attr(n, "data-x")) + ";";
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
  EXPECT_EQ(seen,
            "lang:ar;meta:موقع المثال;a:story::;span:;b::DISPLAY : none:;"
            "c:::;");
}

}  // namespace
}  // namespace marsad
