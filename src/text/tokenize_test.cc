#include "src/text/tokenize.h"

#include <gtest/gtest.h>

#include <string>

#include "src/text/test_tables.h"

namespace marsad {
namespace {

std::string Render(std::string_view text) {
  std::vector<Token> toks;
  Tokenize(text, &toks);
  std::string out;
  for (const Token& t : toks) {
    if (!out.empty()) out += ' ';
    out +=
        std::string(TokenKindName(t.kind)) + ":" + std::string(t.span.In(text));
  }
  return out;
}

TEST(TokenizeTest, Table) {
  struct Case {
    const char* in;
    const char* want;
  };
  const Case kCases[] = {
      {"قال الوزير، أمس.", "word:قال word:الوزير punct:، word:أمس punct:."},
      {"نحو 1,500 شخص", "word:نحو number:1,500 word:شخص"},
      {"٣٫٥ مليون", "number:٣٫٥ word:مليون"},
      {"طائرة F-16 أمريكية", "word:طائرة latin:F-16 word:أمريكية"},
      {"انظر https://example.com/a?b=1.",
       "word:انظر url:https://example.com/a?b=1 punct:."},
      {"راسلنا على info@example.org",
       "word:راسلنا word:على email:info@example.org"},
      {"#سوريا_الآن", "hashtag:#سوريا_الآن"},
      {"كتَبَ", "word:كتَبَ"},
      {"\"نعم\"...", "punct:\" word:نعم punct:\" punct:..."},
      {"50%", "number:50 punct:%"},
      {"2017م", "number:2017 word:م"},
      // Tatweel stretches inside a word and closes هـ / الـ, but glued to
      // a word's edge it is a dash.
      {"عام 1439هـ", "word:عام number:1439 word:هـ"},
      {"الإحصاءـ ويبدو", "word:الإحصاء punct:ـ word:ويبدو"},
      {"ـلا فقطـ", "punct:ـ word:لا word:فقط punct:ـ"},
      {"الـ", "word:الـ"},
      {"جمـيل", "word:جمـيل"},
      {"a\xFF", "latin:a symbol:\xFF"},
  };
  for (const Case& c : kCases) EXPECT_EQ(Render(c.in), c.want) << c.in;
}

TEST(TokenizeTest, SpansCoverSurface) {
  std::string text = "  وقال  (د ب أ) إن 25 شخصا أصيبوا.\n";
  std::vector<Token> toks;
  Tokenize(text, &toks);
  for (const Token& t : toks) {
    EXPECT_LT(t.span.begin, t.span.end);
    EXPECT_LE(t.span.end, text.size());
    EXPECT_EQ(t.span.In(text).find(' '), std::string_view::npos);
  }
}

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<Span> spans;
  SplitSentences(TestTextTables(), text, &spans);
  std::vector<std::string> out;
  for (Span s : spans) out.emplace_back(s.In(text));
  return out;
}

TEST(SentencesTest, Table) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Sentences("قال الوزير. ونفى الخبر؟ نعم!"),
            (V{"قال الوزير.", "ونفى الخبر؟", "نعم!"}));
  EXPECT_EQ(Sentences("دمشق (د.ب.أ) قال المصدر. انتهى"),
            (V{"دمشق (د.ب.أ) قال المصدر.", "انتهى"}));
  EXPECT_EQ(Sentences("نقلت وكالة أ ف ب. وقال"),
            (V{"نقلت وكالة أ ف ب.", "وقال"}));
  EXPECT_EQ(Sentences("قال د. أحمد إن الرقم 3.5 صحيح."),
            (V{"قال د. أحمد إن الرقم 3.5 صحيح."}));
  EXPECT_EQ(Sentences("قال: \"انتهى.\" ثم غادر"),
            (V{"قال: \"انتهى.\"", "ثم غادر"}));
  EXPECT_EQ(Sentences("عنوان بلا نقطة\nالفقرة الأولى."),
            (V{"عنوان بلا نقطة", "الفقرة الأولى."}));
  EXPECT_EQ(Sentences("في عام 2011 م. وبعد"), (V{"في عام 2011 م.", "وبعد"}));
}

}  // namespace
}  // namespace marsad
