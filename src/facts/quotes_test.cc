// Quotation finder on our own sentences (written for these tests, not press
// text). Each case checks spans against the surfaces they must cover.
#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>
#include <vector>

#include "src/facts/facts.h"
#include "src/facts/test_lexicon.h"
#include "src/text/analyze.h"
#include "src/text/test_tables.h"

namespace marsad {
namespace {

Document Analyzed(const std::string& text) {
  Document d;
  d.text = text;
  d.published = "2024-03-10";
  TextAnalysis a;
  a.Build(d.text, TestTextTables());
  AnalyzeText(TestTextTables(), a, &d);
  FindQuotes(TestFactsLexicon(), a, &d);
  return d;
}

std::string S(const Document& d, Span s) { return std::string(s.In(d.text)); }

TEST(QuotesTest, IndirectWithTitledSpeaker) {
  Document d = Analyzed(
      "وقال وزير الزراعة خالد المنصور إن الموسم سيكون جيدا هذا العام.");
  ASSERT_EQ(d.quotes.size(), 1u);
  const Quote& q = d.quotes[0];
  EXPECT_EQ(S(d, q.cue), "وقال");
  EXPECT_EQ(q.speaker, "وزير الزراعة خالد المنصور");
  EXPECT_EQ(S(d, q.speaker_span), "وزير الزراعة خالد المنصور");
  EXPECT_EQ(S(d, q.content), "الموسم سيكون جيدا هذا العام");
  EXPECT_FALSE(q.direct);
  EXPECT_FALSE(q.carried_over);
}

TEST(QuotesTest, DirectQuoteAfterColonWithGuillemets) {
  Document d =
      Analyzed("وقالت المديرة سلمى: «سنفتح المكتبة الجديدة في الربيع».");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_TRUE(d.quotes[0].direct);
  EXPECT_EQ(S(d, d.quotes[0].content), "سنفتح المكتبة الجديدة في الربيع");
  EXPECT_EQ(d.quotes[0].speaker, "المديرة سلمى");
}

TEST(QuotesTest, InnerQuotedNameDoesNotCloseTheQuotation) {
  Document d = Analyzed(
      "وأكد المتحدث أن “جمعية “النور” الخيرية ستوزع المساعدات غدا” مشيرا إلى "
      "أن العمل مستمر.");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_TRUE(d.quotes[0].direct);
  EXPECT_EQ(S(d, d.quotes[0].content),
            "جمعية “النور” الخيرية ستوزع المساعدات غدا");
  // The participle starts a second quotation by the same speaker.
  EXPECT_EQ(S(d, d.quotes[1].cue), "مشيرا");
  EXPECT_EQ(d.quotes[1].speaker, d.quotes[0].speaker);
  EXPECT_TRUE(d.quotes[1].carried_over);
  EXPECT_EQ(S(d, d.quotes[1].content), "العمل مستمر");
}

TEST(QuotesTest, UnbalancedQuoteRunsToTheEndOfTheSentence) {
  Document d =
      Analyzed("وأضاف المدير \"نحن مستعدون لكل الاحتمالات. ثم غادر القاعة.");
  ASSERT_GE(d.quotes.size(), 1u);
  EXPECT_TRUE(d.quotes[0].direct);
  EXPECT_EQ(S(d, d.quotes[0].content), "نحن مستعدون لكل الاحتمالات");
}

TEST(QuotesTest, SubjectlessVerbCarriesThePreviousSpeakerOfTheSameGender) {
  Document d = Analyzed(
      "قالت الوزيرة هدى إن الخطة جاهزة. وقال المحافظ سامي إن الطرق مفتوحة. "
      "وأضافت أن التمويل مضمون.");
  ASSERT_EQ(d.quotes.size(), 3u);
  EXPECT_TRUE(d.quotes[2].carried_over);
  EXPECT_EQ(d.quotes[2].speaker, "الوزيرة هدى");
  EXPECT_EQ(S(d, d.quotes[2].content), "التمويل مضمون");
}

TEST(QuotesTest, ReportingChainKeepsTheChannel) {
  Document d = Analyzed(
      "ونقلت وكالة الأنباء المحلية عن الوزير قوله إن الاتفاق سيوقع قريبا.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "الوزير");
  EXPECT_EQ(d.quotes[0].via, "وكالة الأنباء المحلية");
  EXPECT_EQ(S(d, d.quotes[0].content), "الاتفاق سيوقع قريبا");
}

TEST(QuotesTest, SpeakerToldAnAgency) {
  Document d =
      Analyzed("وكان مسؤول محلي قال لوكالة الأنباء المحلية إن الجسر أغلق.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "مسؤول محلي");
  EXPECT_EQ(d.quotes[0].via, "وكالة الأنباء المحلية");
}

TEST(QuotesTest, SourceCueAtStartAndAtEnd) {
  Document d = Analyzed(
      "وبحسب معطيات البلدية، أغلقت ثلاثة شوارع. وافتتحت حديقة جديدة، وفق "
      "المجلس.");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.quotes[0].speaker, "البلدية");
  EXPECT_EQ(S(d, d.quotes[0].content), "أغلقت ثلاثة شوارع");
  EXPECT_EQ(d.quotes[1].speaker, "المجلس");
  EXPECT_EQ(S(d, d.quotes[1].content), "وافتتحت حديقة جديدة");
}

TEST(QuotesTest, OnlyIsNotAccordingTo) {
  Document d = Analyzed("وهو يتحدث فحسب عن الماضي.");
  for (const Quote& q : d.quotes) EXPECT_NE(S(d, q.cue), "فحسب");
}

TEST(QuotesTest, AbbreviatedSpeakerResolvesToTheFullerOne) {
  Document d = Analyzed(
      "وأعلنت وزارة الصحة الوطنية أن الحملة بدأت. وذكرت الصحة الوطنية أن "
      "اللقاح متوفر. "
      "وشدد البيان على أن الحملة مجانية.");
  ASSERT_EQ(d.quotes.size(), 3u);
  EXPECT_EQ(d.quotes[1].speaker, "وزارة الصحة الوطنية");
  EXPECT_EQ(S(d, d.quotes[1].speaker_span), "الصحة الوطنية");
  EXPECT_EQ(d.quotes[2].speaker, "وزارة الصحة الوطنية");
}

TEST(QuotesTest, ObjectBeforeBianIsNotTheSpeaker) {
  // وصف X بأنه: X is what is described; the speaker is carried over.
  Document d = Analyzed(
      "وقالت الوزيرة سعاد الناصر إن المدارس ستفتح الأسبوع المقبل. "
      "ووصفت الوضع في المدينة بأنه \"هادئ ومستقر\".");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_TRUE(d.quotes[1].carried_over);
  EXPECT_EQ(d.quotes[1].speaker, "الوزيرة سعاد الناصر");
}

TEST(QuotesTest, DescribeVerbWithASourceSubjectKeepsIt) {
  Document d = Analyzed("ووصف المتحدث بأن \"الهجوم عمل جبان\".");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "المتحدث");
  EXPECT_FALSE(d.quotes[0].carried_over);
}

TEST(QuotesTest, ParticipleTakesTheSubjectOfAKanaClause) {
  // The speaker of the previous sentence is not carried when this
  // sentence's own clause names a subject (وكان X قد عبر ...، مضيفا).
  Document d = Analyzed(
      "وقالت الوزيرة سعاد الناصر إن المدارس ستفتح الأسبوع المقبل. "
      "وكان الوزير سامي الخطيب، قد عبر، الإثنين، عن قلقه من التقارير التي "
      "تحدثت عن الأزمة، "
      "مضيفا: \"نأمل أن تحل قريبا\".");
  // التقارير التي تحدثت عن: the relative's antecedent speaks, not the
  // minister carried from the sentence before.
  ASSERT_EQ(d.quotes.size(), 3u);
  EXPECT_EQ(S(d, d.quotes[1].cue), "تحدثت");
  EXPECT_EQ(d.quotes[1].speaker, "");
  EXPECT_EQ(d.quotes[2].speaker, "الوزير سامي الخطيب");
}

TEST(QuotesTest, ParticipleSkipsALeadingAdverbialToTheSubject) {
  Document d = Analyzed(
      "وقال الوزير سامي الخطيب إن الميناء سيفتح غدا. "
      "بدورها، نشرت صحيفة \"النهار\" تفاصيل الخطة، مؤكدة أن العمل سيبدأ "
      "قريبا.");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.quotes[1].speaker, "صحيفة \"النهار\"");
}

TEST(QuotesTest, BareReportNamesTheBodyThatWroteIt) {
  // وأشار التقرير: the body that prepared the article's first report.
  Document d = Analyzed(
      "كشفت دراسة أعدها مركز البحوث الزراعية عن تراجع المحاصيل هذا العام. "
      "وأشار التقرير إلى أن الجفاف هو السبب الأول.");
  ASSERT_EQ(d.quotes.size(), 2u);  // كشفت دراسة ... عن تراجع, then أشار
  EXPECT_EQ(d.quotes[1].speaker, "مركز البحوث الزراعية");
  EXPECT_EQ(S(d, d.quotes[1].speaker_span), "التقرير");
}

TEST(QuotesTest, BareReportWithoutAnAuthorStaysAsWritten) {
  Document d = Analyzed(
      "نشرت الصحف تقريرا طويلا عن المحاصيل. "
      "وأشار التقرير إلى أن الجفاف هو السبب الأول.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "التقرير");
}

TEST(QuotesTest, DenialWithObject) {
  Document d = Analyzed(
      "ونفت الشركة الحكومية وجود أي خلل في الشبكة، مؤكدة أن الخدمة تعمل.");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.quotes[0].speaker, "الشركة الحكومية");
  EXPECT_EQ(S(d, d.quotes[0].content), "وجود أي خلل في الشبكة");
}

TEST(QuotesTest, StatementAsSpeaker) {
  Document d =
      Analyzed("وجاء في بيان للهيئة المنظمة \"ستقام الدورة في موعدها\".");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "الهيئة المنظمة");
  EXPECT_TRUE(d.quotes[0].direct);
}

TEST(QuotesTest, VerbWithoutContentIsNotAQuotation) {
  Document d = Analyzed("وأعلن المجلس تأييده للمشروع الجديد.");
  EXPECT_TRUE(d.quotes.empty());
}

TEST(QuotesTest, SpansAreInsideTheText) {
  Document d = Analyzed("قال رئيس النادي إن \"الفريق جاهز\" وأضاف: \"سنفوز");
  for (const Quote& q : d.quotes) {
    EXPECT_LE(q.span.end, d.text.size());
    EXPECT_LE(q.span.begin, q.content.begin);
    EXPECT_LE(q.content.end, q.span.end);
  }
  EXPECT_EQ(d.quotes.size(), 2u);
}

// Issue 21: speakers bounded by the sentence's structure, one behaviour per
// row (our own sentences). `speaker` is the expected display speaker of the
// quotation whose cue is `cue`.
struct SpeakerCase {
  const char* name;
  const char* text;
  const char* cue;
  const char* speaker;
};

class SpeakerTest : public ::testing::TestWithParam<SpeakerCase> {};

TEST_P(SpeakerTest, NamesTheSpeaker) {
  const SpeakerCase& c = GetParam();
  Document d = Analyzed(c.text);
  std::string got;
  bool found = false;
  for (const Quote& q : d.quotes) {
    got += "[" + S(d, q.cue) + "|" + q.speaker + "] ";
    found |= S(d, q.cue) == c.cue && q.speaker == c.speaker;
  }
  EXPECT_TRUE(found) << c.name << ": " << got;
}

INSTANTIATE_TEST_SUITE_P(
    Issue21, SpeakerTest,
    ::testing::Values(
        SpeakerCase{"AddresseeAfterTheSpeakerIsLeftOut",
                    "وقال مسؤول محلي لـCNN إن الطريق أغلق.", "وقال",
                    "مسؤول محلي"},
        SpeakerCase{"PlaceAdverbialAfterFiIsLeftOut",
                    "وقال ضابط في المكان إن النار أخمدت.", "وقال", "ضابط"},
        SpeakerCase{"FactNounIsTheContent",
                    "وأكدت وزارة الصحة مقتل ثلاثة أشخاص في الحريق.", "وأكدت",
                    "وزارة الصحة"},
        SpeakerCase{"FactNounWithBaIsTheContent",
                    "وأفاد مصدر طبي بمقتل رجلين في القرية.", "وأفاد",
                    "مصدر طبي"},
        SpeakerCase{"IlaVerbTakesANoun",
                    "وأشارت البلدية إلى وجود أضرار في الجسر.", "وأشارت",
                    "البلدية"},
        SpeakerCase{
            "SayAdverbIsPartOfTheCue",
            "وقال المدير سامي: إن العمل بدأ. وتابع بالقول إن الموعد قريب.",
            "وتابع بالقول", "المدير سامي"},
        SpeakerCase{"SubjectBeforeQadAfterAComma",
                    "وكان المتحدث باسم الدفاع المدني، قد أكد أن الحريق أخمد.",
                    "أكد", "المتحدث باسم الدفاع المدني"},
        SpeakerCase{"TopicalisedSubjectWithAmma",
                    "أما نقابة الأطباء، فقد أشارت إلى أن المستشفى ممتلئ.",
                    "أشارت", "نقابة الأطباء"},
        SpeakerCase{"ChannelWithAQuotedNameBeforeTheOpener",
                    "وقال المدرب لصحيفة \"النهار\" اللبنانية إن الفريق جاهز.",
                    "وقال", "المدرب"},
        SpeakerCase{"StatementAuthorAfterSadirAn",
                    "وتوقف العمل في الميناء، وفقا لبيان صادر عن النقابة.",
                    "وفقا", "النقابة"},
        SpeakerCase{
            "RelayedSourceAfterLimaNaqalathu",
            "وتوقف العمل في الميناء، وفقا لما نقلته الوكالة عن مصادر محلية.",
            "وفقا", "مصادر محلية"},
        SpeakerCase{"PluralVerbCarriesOver",
                    "وقال سكان القرية إن الماء انقطع. وذكروا أن الطريق مغلق.",
                    "وذكروا", "سكان القرية"}));

// Issue 21, round 2: carry-over to the right speaker, speakers that are never
// a clause (our own sentences).
INSTANTIATE_TEST_SUITE_P(
    Issue21Round2, SpeakerTest,
    ::testing::Values(
        SpeakerCase{"CarryOverInALongSentenceTakesItsLatestSpeaker",
                    "وقال عامل: إن الدخان كثيف، وقال الضابط سامي نادر في "
                    "رسالة: إن الحريق "
                    "محاصر، وأضاف: إن الطريق مفتوح.",
                    "وأضاف", "الضابط سامي نادر"},
        SpeakerCase{"CarryOverInASentenceAgreesInGender",
                    "وقالت المديرة هدى إن المدرسة مغلقة، وقال الحارس سمير إن "
                    "الباب مكسور، "
                    "وأضافت أن الدروس تستأنف غدا.",
                    "وأضافت", "المديرة هدى"},
        SpeakerCase{"ParticipleAfterAQuotationGoingOnFromTheLastSentence",
                    "وقال المدير سامي: \"العمل مستمر. لن نغلق المصنع\"، مشيرا "
                    "إلى أن العمال "
                    "عادوا.",
                    "مشيرا", "المدير سامي"},
        SpeakerCase{
            "PronounAddresseeIsNoSpeaker",
            "وقال المحامي نادر إن الجلسة تأجلت. وأكد لها أن الحكم قريب.",
            "وأكد", "المحامي نادر"},
        SpeakerCase{"AliAfterACommaIsAnApposition",
                    "وقال المرشد الروحي، علي سامي، إن الصلاة أقيمت.", "وقال",
                    "المرشد الروحي علي سامي"},
        SpeakerCase{"NameInParenthesesStaysInTheSpeaker",
                    "وقال موقع (نور نت) المتخصص إن الخدمة عادت.", "وقال",
                    "موقع (نور نت) المتخصص"},
        SpeakerCase{"AsideBetweenDashesBeforeTheOpener",
                    "وذكر شاهد عيان - فضل عدم ذكر اسمه - أن الجسر انهار.",
                    "وذكر", "شاهد عيان"},
        SpeakerCase{"QuotedClauseIsNoQuotedName",
                    "قال الضابط سامي إن الطريق مغلق. وقال “الذين أحرقوا المخزن "
                    "“لصوص وليسوا "
                    "عمالا”.",
                    "وقال", "الضابط سامي"},
        SpeakerCase{"SubjectWithAQuotedNameBeforeTheVerb",
                    "وكانت جمعية \"النور الخيرية\" قالت إن المساعدات وصلت.",
                    "قالت", "جمعية \"النور الخيرية\""},
        SpeakerCase{"NasabaAlQawlNamesTheSpeakerAfterLam",
                    "ونسبت الصحيفة لسامي القول إن المصنع سيغلق.", "ونسبت",
                    "سامي"},
        SpeakerCase{"ChainVerbAgreesWithItsChannelNotTheSpeaker",
                    "قالت الوزيرة هدى إن الخطة جاهزة. ونقلت الصحيفة عن سامي "
                    "نادر قوله إن "
                    "المصنع سيغلق. وأضاف أن العمال سيعوضون.",
                    "وأضاف", "سامي نادر"},
        SpeakerCase{"SourceAsideBetweenSpeakerAndOpener",
                    "وكشف سامي، وفقا للصحيفة، أنه غادر المدينة.", "وكشف",
                    "سامي"},
        SpeakerCase{"SayAdverbAfterTheSpeaker",
                    "وعلقت المديرة هدى بالقول: إن الوقت ضيق.", "وعلقت",
                    "المديرة هدى"},
        SpeakerCase{
            "ParticipleWithAlaAndANoun",
            "قال المدير سامي إن المصنع مغلق، مشددا على عدم وجود إصابات.",
            "مشددا", "المدير سامي"},
        SpeakerCase{"ParticipleWithAdam",
                    "أعلنت الوزارة تسجيل حالتين مؤكدة عدم وجود وفيات.", "مؤكدة",
                    "الوزارة"},
        SpeakerCase{"ParticipleBeforeACommaAndAnOpener",
                    "قال الحارس سمير إن الباب مكسور. مضيفا، أن اللصوص فروا.",
                    "مضيفا", "الحارس سمير"},
        SpeakerCase{"NominalCueIssuedBy",
                    "وواصل العمال الإضراب رغم التحذيرات الصادرة عن مدير "
                    "المصنع، سامي نادر، "
                    "بأن الرواتب ستوقف.",
                    "التحذيرات الصادرة عن", "مدير المصنع سامي نادر"},
        SpeakerCase{"PerformativeObjectEndsTheSubject",
                    "وأعلنت البلدية حالة الطوارئ مشيرة إلى أن المياه ارتفعت.",
                    "مشيرة", "البلدية"}));

// Issue 21, round 3: structural ends of a speaker phrase, carry-over through a
// pronoun, and the paradigm of the cue verbs (our own sentences).
INSTANTIATE_TEST_SUITE_P(
    Issue21Round3, SpeakerTest,
    ::testing::Values(
        SpeakerCase{"TemporalPrepositionEndsTheSpeaker",
                    "وقال المدير سامي قبل مغادرته المصنع إن العمل توقف.",
                    "وقال", "المدير سامي"},
        SpeakerCase{"TimeNounInConstructEndsTheSpeaker",
                    "وقال الحارس سمير أواخر الشهر إن الباب مكسور.", "وقال",
                    "الحارس سمير"},
        SpeakerCase{"NounWithATimeAdjectiveEndsTheSpeaker",
                    "وقالت البلدية الأسبوع الماضي إن الجسر سيفتح.", "وقالت",
                    "البلدية"},
        SpeakerCase{
            "AddresseeRightAfterTheVerbLeavesTheSubjectEmpty",
            "قال المدرب سامي إن الفريق جاهز. وقال لبي بي سي إن المباراة صعبة.",
            "وقال", "المدرب سامي"},
        SpeakerCase{"OutletAfterLamIsAChannel",
                    "وقال المدرب سامي لشبكة الرياضة إن الفريق جاهز.", "وقال",
                    "المدرب سامي"},
        SpeakerCase{"AnonymityClauseIsAnAside",
                    "وقال مسؤول في البلدية طلب عدم ذكر اسمه إن الجسر سيغلق.",
                    "وقال", "مسؤول في البلدية"},
        SpeakerCase{"RelativePronounBeforeASubjectFirstVerbIsDropped",
                    "وكان المدير سامي الذي قال إن المصنع سيغلق.", "قال",
                    "المدير سامي"},
        SpeakerCase{"AdverbialBeforeASubjectFirstVerbIsNoSubject",
                    "قالت المديرة هدى إن المدرسة مغلقة. وقبل ساعات قالت إن "
                    "الدروس ستستأنف.",
                    "قالت", "المديرة هدى"},
        SpeakerCase{"VerbJoinedByWaHasNoSubjectBeforeIt",
                    "وقال الحارس سمير إن الباب مكسور وأكد أن اللصوص فروا.",
                    "وأكد", "الحارس سمير"},
        SpeakerCase{"ChainWithAPronounCarriesTheSpeakerOver",
                    "قالت المديرة هدى إن المدرسة مغلقة. ونقل عنها موقع المدينة "
                    "أن الدروس "
                    "ستستأنف.",
                    "ونقل", "المديرة هدى"},
        SpeakerCase{"SourcePhraseEndsAtAClause",
                    "وعاد التيار إلى الحي بحسب مصادر محلية تحدثت للصحيفة.",
                    "بحسب", "مصادر محلية"},
        SpeakerCase{"DualVerbIsACue",
                    "وقال الحارسان إن الباب مكسور. وأكدا أن اللصوص فروا.",
                    "وأكدا", "الحارسان"},
        SpeakerCase{
            "ConjunctionBeforeASubjectFirstVerb",
            "وانتهى الاجتماع، لكن المديرة هدى قالت حينها إن الخطة جاهزة.",
            "قالت", "المديرة هدى"},
        SpeakerCase{"ChainWithAQuotedChannel",
                    "ونقلت \"صحيفة المساء\" عن سامي نادر قوله إن المصنع سيغلق.",
                    "ونقلت", "سامي نادر"},
        SpeakerCase{"ClauseSubjectMustBeAPossibleSource",
                    "قال المدير سامي إن المصنع مغلق. وجاءت هذه الصور بعد "
                    "الحريق، مضيفا أن "
                    "العمال بخير.",
                    "مضيفا", "المدير سامي"},
        SpeakerCase{"PreviousSentenceSubjectWhenNoSpeakerYet",
                    "أغلقت الوزارة ثلاثة مصانع في المدينة. وقالت إن المصانع "
                    "خالفت القواعد.",
                    "وقالت", "الوزارة"},
        SpeakerCase{"PrepositionBeforeTheComplementizerEndsTheSpeaker",
                    "ويحذر خبراء من أن الأسعار سترتفع.", "ويحذر", "خبراء"},
        SpeakerCase{"AdverbEndsTheSpeaker",
                    "وأعلنت البلدية أخيرا أن الجسر سيفتح.", "وأعلنت",
                    "البلدية"},
        SpeakerCase{"AgeInParenthesesIsNoPartOfTheSpeaker",
                    "وقال سامي (40 عاما) إن المصنع أغلق.", "وقال", "سامي"},
        SpeakerCase{"PronounAfterHasbamaIsSkipped",
                    "وارتفع عدد المصابين إلى عشرة، حسبما أعلنت عنه الوزارة.",
                    "حسبما", "الوزارة"},
        SpeakerCase{"CircumstantialParticipleEndsTheSpeaker",
                    "وقال المدير سامي مخاطبا العمال إن المصنع سيغلق.", "وقال",
                    "المدير سامي"},
        SpeakerCase{"CueWithAnObjectPronoun", "ووصفته الصحيفة بأنه أفضل لاعب.",
                    "ووصفته", "الصحيفة"},
        SpeakerCase{"SeparateBaEndsTheSpeaker",
                    "ووصفتها الصحف المحلية بـ\"الكارثة\".", "ووصفتها",
                    "الصحف المحلية"},
        SpeakerCase{
            "AboutCueWithItsSubjectBefore",
            "وانتهت الحصيلة عند عشرة، علما بأن الصحف تتحدث عن أعداد أكبر.",
            "تتحدث", "الصحف"},
        SpeakerCase{"RelativeThatDisagreesWithTheVerbIsNoSubject",
                    "قال الوزير سامي إن الخطة جاهزة. ودعا إلى الخيارات التي "
                    "قال إنها ملحة.",
                    "قال", "الوزير سامي"},
        SpeakerCase{"StatementNounAfterTheSubjectIsTheObject",
                    "قالت المديرة هدى إن الخطة جاهزة. ونشر المدير العام للشركة "
                    "سامي نادر تغريدة قال فيها إن المصنع سيغلق.",
                    "قال", "المدير العام للشركة سامي نادر"},
        SpeakerCase{
            "DefiniteSourceHeadContinuesThroughFi",
            "وأوضح المسؤول في البلدية، العقيد سامي نادر، أن الجسر سيفتح.",
            "وأوضح", "المسؤول في البلدية العقيد سامي نادر"},
        SpeakerCase{"QuotedBodyAfterLamThenATitleStaysInTheSpeaker",
                    "وأكد الناطق الإعلامي لـ\"شرطة المدينة\" الرائد سامي نادر "
                    "أن البلاغ ورد.",
                    "وأكد",
                    "الناطق الإعلامي لـ\"شرطة المدينة\" الرائد سامي نادر"},
        SpeakerCase{
            "SourceWithAnAppositionAfterAComma",
            "وأغلق الجسر، حسبما أفاد المتحدث باسم البلدية، العقيد سامي نادر.",
            "حسبما", "المتحدث باسم البلدية العقيد سامي نادر"},
        SpeakerCase{"StatementAuthorIsTheSubjectOfItsVerb",
                    "وأصدرت البلدية بيانا قالت فيه إن الجسر سيفتح.", "قالت",
                    "البلدية"},
        SpeakerCase{"StatementAuthorIsTheComplementOfTheStatementNoun",
                    "وجاء ذلك بعد تصريحات مدير المصنع أكد فيها أن العمل مستمر.",
                    "أكد", "مدير المصنع"},
        SpeakerCase{"VerbalNounAfterADefiniteSubjectIsTheContent",
                    "وأكدت البلدية تواصل أعمال الصيانة في الجسر.", "وأكدت",
                    "البلدية"},
        SpeakerCase{"VerbalNounAfterAnAdverbialIsTheContent",
                    "وأعلنت الوزارة، الأحد، انطلاق حملة التطعيم.", "وأعلنت",
                    "الوزارة"},
        SpeakerCase{"ConjunctOfTheShapeOfAVerbalNounStaysInTheSpeaker",
                    "وقال المسؤولون وأصحاب المصانع إن الأسعار سترتفع.", "وقال",
                    "المسؤولون وأصحاب المصانع"},
        SpeakerCase{
            "SpeechNounAfterFiIsNoPartOfATitledSpeaker",
            "وأضاف الدكتور سامي نادر في تصريحات لـ «الصحيفة» أن العمل مستمر.",
            "وأضاف", "الدكتور سامي نادر"},
        SpeakerCase{
            "AntecedentOfARelativeBeforeKanaComma",
            "وكان العمال الذين وصلوا صباحا إلى المصنع، أعلنوا أنهم سيضربون.",
            "أعلنوا", "العمال"},
        SpeakerCase{"ImperfectPluralIsACue", "ويشيرون إلى أن المياه ارتفعت.",
                    "ويشيرون", ""}));

// Resolution to the fullest mention through the NER stage's entities (set by
// hand here: the facts tests run without the tagger).
Document WithEntities(
    const std::string& text,
    const std::vector<
        std::tuple<std::string, EntityType, std::string, std::string>>& ents) {
  Document d;
  d.text = text;
  d.published = "2024-03-10";
  TextAnalysis a;
  a.Build(d.text, TestTextTables());
  AnalyzeText(TestTextTables(), a, &d);
  for (const auto& [surface, type, id, role] : ents) {
    size_t from = 0;
    for (; (from = d.text.find(surface, from)) != std::string::npos;
         from += surface.size()) {
      bool taken = false;  // inside a mention listed before
      for (const EntityMention& o : d.entities)
        taken |= o.span.begin <= from && from < o.span.end;
      if (taken) continue;
      EntityMention m;
      m.span = Span{static_cast<uint32_t>(from),
                    static_cast<uint32_t>(from + surface.size())};
      m.type = type;
      m.text = surface;
      m.entity_id = id;
      if (!role.empty() && from >= role.size() + 1 &&
          d.text.compare(from - role.size() - 1, role.size(), role) == 0) {
        m.role = role;
        m.role_span = Span{static_cast<uint32_t>(from - role.size() - 1),
                           static_cast<uint32_t>(from - 1)};
      }
      d.entities.push_back(m);
    }
  }
  std::sort(d.entities.begin(), d.entities.end(),
            [](const EntityMention& a, const EntityMention& b) {
              return a.span.begin < b.span.begin;
            });
  FindQuotes(TestFactsLexicon(), a, &d);
  return d;
}

TEST(QuotesTest, DefiniteWordAfterANameIsNoPartOfTheSpeaker) {
  Document d =
      WithEntities("وأبلغ سامي نادر العمال أن المصنع سيغلق.",
                   {{"سامي نادر", EntityType::kPerson, "per:nader", ""}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "سامي نادر");
}

TEST(QuotesTest, RelativePronounAfterACommaNamesTheEntityBeforeIt) {
  Document d = WithEntities(
      "وتزامن ذلك مع بيان من السفير سامي نادر، الذي قال إن الطريق مفتوح.",
      {{"سامي نادر", EntityType::kPerson, "per:nader", "السفير"}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "السفير سامي نادر");
}

TEST(QuotesTest, ContentStartsAtTheVerbsOwnPreposition) {
  Document d = Analyzed(
      "وأعلنت البلدية عن افتتاح الجسر. ويحذر خبراء من أن الأسعار سترتفع.");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(S(d, d.quotes[0].content), "عن افتتاح الجسر");
  EXPECT_EQ(S(d, d.quotes[1].content), "من أن الأسعار سترتفع");
}

TEST(QuotesTest, NameEndingLikeAParticipleIsNoParticiple) {
  Document d =
      WithEntities("وقال المبعوث سامي ميستورا إن المحادثات مستمرة.",
                   {{"سامي ميستورا", EntityType::kPerson, "per:m", "المبعوث"}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "المبعوث سامي ميستورا");
}

TEST(QuotesTest, DemonstrativeIsNeverTheSpeaker) {
  Document d =
      Analyzed("وكانت هذه الصور قالت إن الجسر انهار. وذلك قال إن الطريق مغلق.");
  for (const Quote& q : d.quotes) {
    EXPECT_EQ(q.speaker.find("هذه"), std::string::npos) << q.speaker;
    EXPECT_NE(q.speaker, "ذلك");
  }
}

TEST(QuotesTest, NegationIsNeverTheSpeaker) {
  Document d = Analyzed("قالت المديرة هدى: \"إنهم يقولون لم يحن الوقت بعد\".");
  for (const Quote& q : d.quotes)
    EXPECT_NE(q.speaker.rfind("لم", 0), 0u) << q.speaker;
}

TEST(QuotesTest, TitleAfterANameIsAnApposition) {
  Document d =
      WithEntities("وقال سامي نادر المتحدث باسم البلدية إن الجسر سيفتح.",
                   {{"سامي نادر", EntityType::kPerson, "per:nader", ""}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "سامي نادر المتحدث باسم البلدية");
}

TEST(QuotesTest, TitleResolvesToTheNearestPersonWithThatTitle) {
  Document d = WithEntities(
      "زار وزير الزراعة خالد المنصور المزارع أمس. وقال الوزير إن الموسم جيد. "
      "وأضاف أن الأسعار ستنخفض.",
      {{"خالد المنصور", EntityType::kPerson, "per:mansour", "وزير الزراعة"}});
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(S(d, d.quotes[0].speaker_span), "الوزير");
  EXPECT_EQ(d.quotes[0].speaker, "وزير الزراعة خالد المنصور");
  EXPECT_EQ(d.quotes[0].entity_id, "per:mansour");
  EXPECT_EQ(d.quotes[1].speaker, "وزير الزراعة خالد المنصور");
}

TEST(QuotesTest, TitleResolvesThroughAnApposition) {
  Document d = WithEntities(
      "وصل سامي نادر، المتحدث باسم البلدية، إلى الموقع. وقال المتحدث إن "
      "الأضرار محدودة.",
      {{"سامي نادر", EntityType::kPerson, "per:nader", ""}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "سامي نادر المتحدث باسم البلدية");
}

TEST(QuotesTest, SurnameResolvesToTheFullestMentionOfItsEntity) {
  Document d = WithEntities(
      "فاز العداء ليث حمدان بالسباق. وقال حمدان إن التدريب كان شاقا.",
      {{"ليث حمدان", EntityType::kPerson, "per:hamdan", "العداء"},
       {"حمدان", EntityType::kPerson, "per:hamdan", ""}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(S(d, d.quotes[0].speaker_span), "حمدان");
  EXPECT_EQ(d.quotes[0].speaker, "العداء ليث حمدان");
}

TEST(QuotesTest, InstitutionBackReferenceResolvesToTheNearestOrganisation) {
  Document d = WithEntities(
      "أصدرت وزارة النقل تعليمات جديدة. وقالت الوزارة إن الطرق ستفتح.",
      {{"وزارة النقل", EntityType::kOrganization, "org:transport", ""}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "وزارة النقل");
  EXPECT_EQ(d.quotes[0].entity_id, "org:transport");
}

TEST(QuotesTest, BareReportsAreNoNamedSource) {
  Document d = Analyzed("وذكرت تقارير أن المعبر أغلق.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "");
}

TEST(QuotesTest, PerformativeAnnouncementIsNoQuotation) {
  Document d = Analyzed("وأعلنت الحكومة حالة الطوارئ في المدينة.");
  EXPECT_TRUE(d.quotes.empty());
}

// Issue 21, round 5: an indefinite apposition after a person's name and a
// comma (a description, then a relative clause) stands between the speaker
// and the content; the quotation is found, and the next subjectless cue
// continues that speaker.
TEST(QuotesTest, Issue21IndefiniteAppositionAfterANameKeepsTheQuotation) {
  Document d = WithEntities(
      "قالت القاضية ريم سالم إن الجلسة تأجلت. قالت هدى نادر، مهندسة في شركة "
      "المياه، وهي شركة تدير السدود لصحيفة المساء إن \"المخزون يكفي\". "
      "وأوضحت أن الأمطار قليلة.",
      {{"ريم سالم", EntityType::kPerson, "per:salem", "القاضية"},
       {"هدى نادر", EntityType::kPerson, "per:nader", ""}});
  ASSERT_EQ(d.quotes.size(), 3u);
  EXPECT_EQ(d.quotes[1].speaker, "هدى نادر");
  EXPECT_EQ(S(d, d.quotes[1].content), "المخزون يكفي");
  EXPECT_EQ(d.quotes[2].speaker, "هدى نادر");
}

// A medium named after a clause that already holds a quotation relays it:
// it becomes that quotation's channel, not a quotation of its own. A
// ministry after حسبما is a source of its own.
TEST(QuotesTest, Issue21MediumAfterAQuotationIsItsChannel) {
  Document d = Analyzed(
      "وقالت الشركة إنها ستفتح فرعا جديدا في المدينة، وفق ما نقلت وكالة "
      "الأنباء المحلية.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(S(d, d.quotes[0].cue), "وقالت");
  EXPECT_EQ(d.quotes[0].via, "وكالة الأنباء المحلية");
  Document own =
      Analyzed("وأكد المدير أن الجسر سيفتح غدا، حسبما أعلنت وزارة النقل.");
  EXPECT_EQ(own.quotes.size(), 2u);
}

// Carry-over to a new subject: a subjectless cue whose previous sentence
// reports nobody but opens with a verb of the cue's gender and a source as
// subject continues that subject, not the older speaker; a reporting verb
// whose subject is no source (وقدر عدد القتلى) leaves the sentence's first
// verb, and a subject holding a person's name ends with it.
TEST(QuotesTest, Issue21NewSubjectOfTheCuesGenderResetsTheCarryOver) {
  Document d = Analyzed(
      "وقالت الوزارة إن الطريق مغلق. وتبنت الحركة المسلحة أمس الهجوم على "
      "القافلة. وقالت إن العملية رد على القصف. وأشار المدير إلى أن العمل "
      "مستمر. وزارت الحركة المسلحة المدينة. وأضاف أن الجسر سيفتح.");
  ASSERT_EQ(d.quotes.size(), 4u);
  EXPECT_EQ(d.quotes[1].speaker, "الحركة المسلحة");
  EXPECT_EQ(d.quotes[3].speaker, "المدير");  // زارت: feminine, not وأضاف
  Document n = WithEntities(
      "وألقى المستشار سامي نادر مسؤولية العنف على المعارضة وقدر عدد القتلى "
      "باثنين. وأضاف «الناس خائفون».",
      {{"سامي نادر", EntityType::kPerson, "per:nader", "المستشار"}});
  ASSERT_GE(n.quotes.size(), 1u);
  EXPECT_EQ(n.quotes.back().speaker, "المستشار سامي نادر");
}

// اتهم: the content is the accused and the بـ phrase after it.
TEST(QuotesTest, Issue21AccusationsContentIsItsBaPhrase) {
  Document d = Analyzed(
      "اتهمت المنظمة الدولية الثلاثاء قوات الحكومة وحلفاءها بقتل عشرات "
      "المدنيين في القرى.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "المنظمة الدولية");
  EXPECT_EQ(S(d, d.quotes[0].content),
            "قوات الحكومة وحلفاءها بقتل عشرات المدنيين في القرى");
}

// Round 5 frames: a source after ل whose class shows without it (وفقا
// لمسؤول)؛ a source at the start followed by its own cue verb (ووفقا لمصادر
// أكدت أن)؛ a في phrase between the speaker and a verbal-noun content.
TEST(QuotesTest, Issue21SourceFramesOfRound5) {
  Document a = Analyzed("وأغلق الجسر يومين، وفقا لمسؤول محلي.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker, "مسؤول محلي");
  Document b = Analyzed(
      "ووفقا لمصادر أمنية أكدت للصحيفة أن العشرات اعتقلوا في المدينة.");
  ASSERT_EQ(b.quotes.size(), 2u);
  EXPECT_EQ(b.quotes[0].speaker, "مصادر أمنية");
  EXPECT_EQ(S(b, b.quotes[0].content),
            "أكدت للصحيفة أن العشرات اعتقلوا في المدينة");
  Document c =
      Analyzed("أعلنت القوات الخاصة في البحرية الوطنية إخراج جميع الصيادين.");
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_EQ(S(c, c.quotes[0].content), "إخراج جميع الصيادين");
}

// يدعى before a name is "is named", not يدعي "claims": no cue, and the name
// stays in the speaker phrase it completes.
TEST(QuotesTest, Issue21NamedAsIsNoCue) {
  Document d =
      WithEntities("وأكد مسؤول آخر في البلدية يدعى سامي نادر أن الجسر سيفتح.",
                   {{"سامي نادر", EntityType::kPerson, "per:nader", ""}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(S(d, d.quotes[0].cue), "وأكد");
  EXPECT_EQ(S(d, d.quotes[0].content), "الجسر سيفتح");
  Document n =
      WithEntities("وقال صديقه إنه يدعى سامي نادر وإنه يعمل في المدينة.",
                   {{"سامي نادر", EntityType::kPerson, "per:nader", ""}});
  for (const Quote& q : n.quotes) EXPECT_NE(S(n, q.cue), "يدعى");
}

// "...، كما أعلن X": a clause, then كما and the verb that attributes it;
// كما قال X إن ("also") keeps its own content.
TEST(QuotesTest, Issue21PostPosedKamaAttributesTheClauseBefore) {
  Document d = Analyzed(
      "وتتجه العاصفة إلى الساحل الشرقي، كما أعلن مركز الأرصاد، صباح الأحد.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "مركز الأرصاد");
  EXPECT_EQ(S(d, d.quotes[0].content), "وتتجه العاصفة إلى الساحل الشرقي");
  Document also = Analyzed("كما قال المدير إن العمل مستمر.");
  ASSERT_EQ(also.quotes.size(), 1u);
  EXPECT_EQ(S(also, also.quotes[0].content), "العمل مستمر");
}

// From a read of marsad's speakers on unannotated dev-side articles: a في
// phrase after a person's name is an adverbial (في المطار), not part of the
// speaker; a title's في phrase before any name stays (مسؤول في البلدية).
TEST(QuotesTest, Issue21FiPhraseAfterANameIsAnAdverbial) {
  Document d =
      WithEntities("وقال الوزير سامي نادر في المطار إن الرحلات مستمرة.",
                   {{"سامي نادر", EntityType::kPerson, "per:nader", "الوزير"}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "الوزير سامي نادر");
  Document t = Analyzed("وقال مسؤول في البلدية إن الجسر سيفتح.");
  ASSERT_EQ(t.quotes.size(), 1u);
  EXPECT_EQ(t.quotes[0].speaker, "مسؤول في البلدية");
}

// Round 6, from reading marsad's speakers on fresh news (BBC 2018-08-20..25,
// SaudiNewsNet 2015-07-30..31; no gold): a subordinator or a conjunction
// carrying a pronoun before the cue (بعدما أكد، لكنه أشار) is no subject; the
// clause's subject speaks, and a later وأضاف carries it.
TEST(QuotesTest, Issue21SubordinatorBeforeTheCueIsNoSubject) {
  Document d = WithEntities(
      "اختتم الرئيس سامي نادر زيارته إلى المدينة أمس، بعدما أكد أن بلاده "
      "تقف مع جيرانها. وقال إن الزيارة ناجحة.",
      {{"سامي نادر", EntityType::kPerson, "per:nader", "الرئيس"}});
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.quotes[0].speaker, "الرئيس سامي نادر");
  EXPECT_EQ(d.quotes[1].speaker, "الرئيس سامي نادر");
  Document t = WithEntities(
      "ولم يكشف المدرب سامي نادر عن الخطة الجديدة، لكنه أشار إلى أن الفريق "
      "جاهز. وأضاف أن المباراة صعبة.",
      {{"سامي نادر", EntityType::kPerson, "per:nader", "المدرب"}});
  ASSERT_EQ(t.quotes.size(), 2u);
  EXPECT_EQ(t.quotes[0].speaker, "المدرب سامي نادر");
  EXPECT_EQ(t.quotes[1].speaker, "المدرب سامي نادر");
}

// Round 6 (fresh read): a subject after لكن with no comma before it.
TEST(QuotesTest, Issue21SubjectAfterLakinWithoutAComma) {
  Document d = WithEntities(
      "أعلنت الوزارة عن الخطة اليوم لكن وزير المالية سامي نادر قال مساء "
      "الأحد إن التمويل غير متوفر.",
      {{"سامي نادر", EntityType::kPerson, "per:nader", "وزير المالية"}});
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.quotes[1].speaker, "وزير المالية سامي نادر");
}

// Round 6 (fresh read): a bare first name or surname whose own mention the
// entity stage links to nobody keeps the article's fuller quoted name.
TEST(QuotesTest, Issue21BareNameKeepsTheFullerQuotedName) {
  Document d = WithEntities(
      "قالت الباحثة هدى سالم إن النتائج مهمة. وتناولت الدراسة ألف مريض في "
      "المدينة. وقالت هدى إن الدراسة ستستمر.",
      {{"هدى سالم", EntityType::kPerson, "per:huda_salem", "الباحثة"},
       {"هدى", EntityType::kPerson, "per:huda", ""}});
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.quotes[1].speaker, "الباحثة هدى سالم");
}

// Round 6 (fresh read): a relative right after a name whose clause begins
// too far back for a subject (... ورئيسه السابق فلان الذي أعلن) takes the
// name the relative follows.
TEST(QuotesTest, Issue21RelativeAfterANameInALongClause) {
  Document d = WithEntities(
      "وهاجم اللاعب الاتحاد ورئيسه السابق سامي نادر الذي أعلن في يونيو "
      "الماضي أنه سيستقيل.",
      {{"سامي نادر", EntityType::kPerson, "per:nader", ""}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "سامي نادر");
}

// Round 6 (fresh read): a clause opening with a name closed by a comma, one
// apposition, then the verb after a comma ("لكن فلانة، الأستاذة في ...،
// حذرت") is spoken by the name, not carried from the speaker before.
TEST(QuotesTest, Issue21OpeningNameBeforeAnAppositionIsTheSubject) {
  Document d = WithEntities(
      "وقال الباحث سامي نادر إن الدراسة مهمة. لكن هدى سالم، الأستاذة "
      "المتخصصة في جامعة المدينة، حذرت من أن النتائج تحتاج إلى مراجعة.",
      {{"سامي نادر", EntityType::kPerson, "per:nader", "الباحث"},
       {"هدى سالم", EntityType::kPerson, "per:huda_salem", ""}});
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.quotes[1].speaker, "هدى سالم");
}

// Round 6 (fresh read): a verb and its source subject before a comma
// (ودان فلان، أول رئيس ...،) are the clause; the apposition after the comma
// is not taken for a verb with its own subject.
TEST(QuotesTest, Issue21VerbAndSubjectBeforeACommaAreNoLeadingAdverbial) {
  Document d = WithEntities(
      "اختتم الرئيس سامي نادر زيارته أمس. ودان نادر، أول رئيس يزور "
      "المدينة، القادة الذين يتمسكون بالسلطة، وقال إن التقدم في خطر.",
      {{"سامي نادر", EntityType::kPerson, "per:nader", "الرئيس"},
       {"نادر", EntityType::kPerson, "per:nader", ""}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "الرئيس سامي نادر");
}

// Round 6 (fresh read): the formula أوضح ذلك + subject; the subject after
// the demonstrative is the clause's, carried by the وقال after the comma.
TEST(QuotesTest, Issue21DemonstrativeObjectBeforeTheSubject) {
  Document d = WithEntities(
      "وأزالت البلدية المباني المخالفة. أوضح ذلك المهندس سامي نادر رئيس "
      "البلدية، وقال إن الإزالة تمت بمشاركة الشرطة.",
      {{"سامي نادر", EntityType::kPerson, "per:nader", "المهندس"}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "المهندس سامي نادر");
}

// Round 7 (fresh read, glued objects): the object of a reporting verb's
// idiom (كشف النقاب عن) ends the speaker, and the content follows عن.
TEST(QuotesTest, Issue21IdiomObjectIsNoPartOfTheSpeaker) {
  Document d = Analyzed(
      "كشفت شركة النخيل للبرمجيات النقاب عن تطبيق جديد لحجز المواعيد.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "شركة النخيل للبرمجيات");
}

// Round 7: من + a definite verbal noun is the verb's complement (تقترب
// الشركة من التوصل), not a من phrase of the subject (باحث من الجامعة).
TEST(QuotesTest, Issue21MinAndADefiniteVerbalNounEndTheSpeaker) {
  Document d = Analyzed(
      "ونجحت شركة النخيل في الحصول على الترخيص، وأعلنت شركة النخيل من "
      "التوصل إلى اتفاق أنها ستوقع العقد قريبا.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "شركة النخيل");
  Document kept =
      Analyzed("وقال الباحث سامي نادر من الجامعة الأردنية إن النتائج مشجعة.");
  ASSERT_EQ(kept.quotes.size(), 1u);
  EXPECT_NE(kept.quotes[0].speaker.find("الجامعة"), std::string::npos);
}

// Round 7: ل + an outlet noun (محطة) after the speaker is the addressee.
TEST(QuotesTest, Issue21StationAfterTheSpeakerIsTheAddressee) {
  Document d = Analyzed(
      "وقال المدرب السابق للمنتخب لمحطة الشروق الإذاعية «سنعود أقوى في "
      "الموسم المقبل».");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "المدرب السابق للمنتخب");
}

// Round 7: وافقه الرأي فلان: the idiom's object between the verb (with its
// pronoun object) and the subject is no part of the carried speaker.
TEST(QuotesTest, Issue21AgreeingIdiomObjectBeforeTheSubject) {
  Document d = WithEntities(
      "ورأت الباحثة سلمى يوسف أن المشروع مكلف. ووافقها الرأي الخبير سامي "
      "نادر، قائلا: «التكلفة عالية جدا».",
      {{"سلمى يوسف", EntityType::kPerson, "per:salma", "الباحثة"},
       {"سامي نادر", EntityType::kPerson, "per:nader", "الخبير"}});
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.quotes[1].speaker, "الخبير سامي نادر");
}

// Round 8 (fresh read: ant2018 2018-05-28..30, SaudiNewsNet 2015-08-01): the
// name علي right after the verb (folded like على) is the speaker when the
// NER stage tags a person there; على the preposition still starts none.
TEST(QuotesTest, Issue21AliAfterTheVerbIsTheName) {
  Document d = WithEntities(
      "قال علي الحسني، الأمين العام لاتحاد الكتاب، إن المعرض ناجح.",
      {{"علي الحسني", EntityType::kPerson, "per:hasani", ""}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_NE(d.quotes[0].speaker.find("علي الحسني"), std::string::npos);
}

// Round 8: a preposition opening the sentence (وعن موعد العودة قال) is no
// verb with a subject after it, and a cue right after the verb (وتابع يقول)
// starts no speaker: the earlier speaker is carried.
TEST(QuotesTest, Issue21LeadingPrepositionAndCueAreNoSpeaker) {
  Document d = WithEntities(
      "وقال الوزير سامي نادر إن الطريق سيفتح. وعن موعد عودة الموظفين "
      "إلى المبنى قال: «نعمل على ذلك». وتابع يقول: «الأمر يحتاج وقتا».",
      {{"سامي نادر", EntityType::kPerson, "per:nader", "الوزير"}});
  ASSERT_EQ(d.quotes.size(), 3u);
  EXPECT_EQ(d.quotes[1].speaker, "الوزير سامي نادر");
  EXPECT_EQ(d.quotes[2].speaker, "الوزير سامي نادر");
}

// Round 8: a source quoted inside a quotation (وفقا لتقارير ... inside the
// marks) is nobody a later participle or subjectless verb is carried to.
TEST(QuotesTest, Issue21SourceInsideAQuotationIsNotCarried) {
  Document d = WithEntities(
      "وقال الوزير سامي نادر: «هناك مليون محتاج وفقا لتقارير الأمم المتحدة، "
      "ونحن نعمل»، موضحا أن المساعدات وصلت. وأضاف أن العمل مستمر.",
      {{"سامي نادر", EntityType::kPerson, "per:nader", "الوزير"}});
  ASSERT_GE(d.quotes.size(), 3u);
  for (const Quote& q : d.quotes) {
    if (S(d, q.cue) == "موضحا" || S(d, q.cue) == "وأضاف") {
      EXPECT_EQ(q.speaker, "الوزير سامي نادر") << S(d, q.cue);
    }
  }
}

// Round 8 (round-3 dev half): كان after its subject (الوزارة كانت قد أعلنت)
// is no part of the speaker; after the sentence's last لكن, a title and the
// person's name in apposition between commas (لكن الرئيس، فلان، قال) speak.
TEST(QuotesTest, Issue21KanaAfterTheSubjectAndTitleNameApposition) {
  Document d = Analyzed("يذكر أن الوزارة كانت قد أعلنت أن الرواتب ستصرف غدا.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "الوزارة");
  Document a = WithEntities(
      "وتواصل فرق الإنقاذ عملها في الموقع، لكن الرئيس اليمني، ناصر "
      "المحمدي، قال إن الخسائر كبيرة.",
      {{"ناصر المحمدي", EntityType::kPerson, "per:mhmd", ""}});
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_NE(a.quotes[0].speaker.find("الرئيس اليمني"), std::string::npos);
  EXPECT_NE(a.quotes[0].speaker.find("ناصر المحمدي"), std::string::npos);
}

// Round 8 (fresh read): a relative's noun before a person's name (زوجة
// فلان) is the speaker; the phrase is not replaced by the person's fullest
// mention, nor linked to the person.
TEST(QuotesTest, Issue21RelativeOfANamedPersonIsTheSpeaker) {
  Document d = WithEntities(
      "وقالت الشرطة إن الصحفي سامي نادر أصيب في الحادث. وقالت زوجة نادر إنها "
      "سمعت صوت الانفجار.",
      {{"سامي نادر", EntityType::kPerson, "per:nader", ""},
       {"نادر", EntityType::kPerson, "per:nader", ""}});
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.quotes[1].speaker, "زوجة نادر");
  EXPECT_NE(d.quotes[1].entity_id, "per:nader");
}

// Round 8 (fresh read): a profession noun (words.tsv role_noun) opening a
// short speaker phrase names the person introduced earlier with it in
// apposition (حارس الفريق الثاني، فلان ... وقال الحارس الأردني).
TEST(QuotesTest, Issue21ProfessionNounNamesThePersonIntroducedWithIt) {
  Document d = WithEntities(
      "وعبر حارس الفريق الثاني، سامي نادر، عن دعمه لزميله. وقال الحارس "
      "الأردني: «أنا هنا لمساعدته».",
      {{"سامي نادر", EntityType::kPerson, "per:nader", ""}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_NE(d.quotes[0].speaker.find("سامي نادر"), std::string::npos);
  EXPECT_EQ(d.quotes[0].entity_id, "per:nader");
}

// Round 8: a weekday after a body's name is the time, not part of a name
// (وأعلنت الحركة الجمعة تعيين ...): the speaker ends before it.
TEST(QuotesTest, Issue21WeekdayAfterABodyEndsTheSpeaker) {
  Document d = Analyzed("وأعلنت طالبان الجمعة تعيين قائد جديد للمكتب السياسي.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "طالبان");
}

// Round 9 (fresh read, ant2018 2018-08-14..17 and SaudiNewsNet 2015-07-24;
// SaudiNewsNet round-3 dev): a subjectless cue later in a sentence whose
// verb stands after a lead of words.tsv clause_lead (ومن جهته، وسرعان ما،
// وعندما) goes on with that verb's subject, not with the previous
// sentence's speaker.
TEST(QuotesTest, Issue21SubjectAfterAClauseLead) {
  Document d = WithEntities(
      "وقال المدير خالد عمر إن المشروع تأخر. ومن جهته انتقد الوزير سامي نادر "
      "القرار، مشيرا إلى أن الخطة لم تنجح.",
      {{"خالد عمر", EntityType::kPerson, "per:omar", ""},
       {"سامي نادر", EntityType::kPerson, "per:nader", ""}});
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_NE(d.quotes[1].speaker.find("سامي نادر"), std::string::npos);
  Document a = WithEntities(
      "وقال المدير خالد عمر إن المشروع تأخر. وسرعان ما انتقد الوزير سامي نادر "
      "القرار وقال أمام الصحافيين «الخطة لم تنجح».",
      {{"خالد عمر", EntityType::kPerson, "per:omar", ""},
       {"سامي نادر", EntityType::kPerson, "per:nader", ""}});
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_NE(a.quotes[1].speaker.find("سامي نادر"), std::string::npos);
}

// Round 9 (SaudiNewsNet round-3 dev): a formula of blessing after the
// speaker (words.tsv blessing + الله) is no part of who speaks.
TEST(QuotesTest, Issue21BlessingAfterTheSpeaker) {
  Document d = Analyzed(
      "وقال شقيق الفقيد رحمه الله في حديث للصحيفة إن أخاه كان محبوبا.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "شقيق الفقيد");
}

// Round 9 (fresh read): the subject of a denial ends at a relative pronoun
// (وينفي فلان الذي يقيم ...), and so does the speaker carried from it.
TEST(QuotesTest, Issue21RelativeEndsTheDenialSubject) {
  Document d = WithEntities(
      "وينفي نادر الذي يقيم في لندن التهم، ويقول إن القضية سياسية.",
      {{"نادر", EntityType::kPerson, "per:nader", ""}});
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.quotes[1].speaker, "نادر");
}

// Round 9 (fresh read): a profession noun's في phrase belongs to the
// speaker when a name follows it (الخبير في الزراعة فلان).
TEST(QuotesTest, Issue21ProfessionInAFieldBeforeTheName) {
  Document d = WithEntities(
      "كشف الخبير في الزراعة سامي نادر أن المحصول تضاعف هذا العام.",
      {{"سامي نادر", EntityType::kPerson, "per:nader", ""}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_NE(d.quotes[0].speaker.find("الخبير في الزراعة سامي نادر"),
            std::string::npos);
}

// Round 9 (fresh read): a person's name, a word that is no title, then
// another person's name with no conjunction or comma between: the second
// is the verb's object (وصف الرئيس فلان موظفة ... فلانة بأنها), and the
// speaker, carried on, is the first.
TEST(QuotesTest, Issue21SecondNameAfterTheSpeakerIsTheObject) {
  Document d = WithEntities(
      "ووصف الوزير سامي نادر مساعدته السابقة هدى سالم بأنها \"غير أمينة\". "
      "وقال نادر إن القضية انتهت.",
      {{"سامي نادر", EntityType::kPerson, "per:nader", ""},
       {"هدى سالم", EntityType::kPerson, "per:salem", ""},
       {"نادر", EntityType::kPerson, "per:nader", ""}});
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.quotes[0].speaker, "الوزير سامي نادر");
  EXPECT_NE(d.quotes[1].speaker.find("سامي نادر"), std::string::npos);
  EXPECT_EQ(d.quotes[1].speaker.find("هدى سالم"), std::string::npos);
  Document a =
      WithEntities("وقال الوزير سامي نادر ونظيرته هدى سالم إن المحادثات نجحت.",
                   {{"سامي نادر", EntityType::kPerson, "per:nader", ""},
                    {"هدى سالم", EntityType::kPerson, "per:salem", ""}});
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_NE(a.quotes[0].speaker.find("هدى سالم"), std::string::npos);
}

// Round 9 (SaudiNewsNet round-3 dev): after أشار/لفت (words.tsv ila_verb)
// what إلى governs is the content (إلى إمكانية أن ...), not only the clause
// of أن after it.
TEST(QuotesTest, Issue21WhatIlaGovernsIsTheContent) {
  std::string text = "وأشارت الصحيفة إلى إمكانية أن تتأخر الرحلات غدا.";
  Document d = Analyzed(text);
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].content.begin, text.find("إمكانية"));
}

// Round 9 (fresh read): a speech event with the article after a title's
// في (في التغريدة ذاتها، في المؤتمر) is an adverbial, no part of the speaker.
TEST(QuotesTest, Issue21DefiniteSpeechEventAfterATitle) {
  Document d = Analyzed("وأضاف المتحدث في التغريدة ذاتها: «الوضع هادئ الآن».");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "المتحدث");
}

// Round 9 (fresh read): an apposition after a name and its age in
// parentheses (فلان (68 عاما) وزير ... السابق لمؤيديه) stands before the
// opener; the quotation is found.
TEST(QuotesTest, Issue21AppositionAfterTheAgeInParentheses) {
  Document d = WithEntities(
      "وقال سامي نادر (68 عاما) وزير المالية السابق لأنصاره \"لن نقبل "
      "بالنتائج\".",
      {{"سامي نادر", EntityType::kPerson, "per:nader", ""}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_NE(d.quotes[0].speaker.find("سامي نادر"), std::string::npos);
}

// Round 9 (second fresh sample, ant2018 2018-07-17..19): a sentence opening
// with a medium or a title right before a name has its subject first
// (صحيفة فلان نشرت ...، وكتبت إن): a later subjectless cue goes on with it
// (was the name and the verb's object).
TEST(QuotesTest, Issue21SubjectFirstMediumBeforeItsVerb) {
  Document d = WithEntities(
      "صحيفة الأيام نشرت صور اللاعبين على الغلاف، وكتبت إن الجماهير احتفلت "
      "طوال الليل.",
      {{"الأيام", EntityType::kOrganization, "org:ayyam", ""}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "صحيفة الأيام");
}

// Round 9 (second fresh sample): لاحقا after the subject is an adverb
// (words.tsv adverb), no part of the speaker.
TEST(QuotesTest, Issue21LaterIsNoPartOfTheSpeaker) {
  Document d = Analyzed("وأكد الوزير لاحقا أن الاجتماع تأجل إلى الأحد.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "الوزير");
}

// Round 10 (fresh sample A: ant2018 2018-02-24..26 and 05-20..21,
// SaudiNewsNet 2015-08-02, Jawhara FM 2016-03..04): quoted words right
// after a medium noun are its name also at the end of the sentence.
TEST(QuotesTest, Issue21QuotedNameOfAMediumAtTheSentenceEnd) {
  Document d = Analyzed(
      "وارتفعت أسعار الخبز في الأسواق خلال الأسبوع، بحسب ما نشرته صحيفة "
      "\"الأفق\".");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_NE(d.quotes[0].speaker.find("الأفق"), std::string::npos);
}

// Round 10: a clause lead after the subject (من جانبه) and ب + a definite
// noun after a complete phrase (a name, a lone back-reference, an
// apposition's comma) end the speaker phrase.
TEST(QuotesTest, Issue21ClauseLeadAndComplementEndTheSpeaker) {
  Document d = WithEntities(
      "وأكد المتحدث باسم الشركة سامي نادر من جانبه أن الأرباح زادت. ونوه "
      "المصدر بالجهود التي بذلتها الفرق، مشيرا إلى أن العمل مستمر.",
      {{"سامي نادر", EntityType::kPerson, "per:nader", ""}});
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.quotes[0].speaker, "المتحدث باسم الشركة سامي نادر");
  EXPECT_EQ(S(d, d.quotes[1].cue), "مشيرا");
  EXPECT_EQ(d.quotes[1].speaker.find("بالجهود"), std::string::npos);
}

// Round 10: a verb of authorship after a noun (نشرت، نشرته) is a clause on
// it, no part of the speaker.
TEST(QuotesTest, Issue21AuthorVerbEndsTheSpeaker) {
  Document d = Analyzed(
      "وكشف استطلاع للرأي نشرت صحيفة الأفق نتائجه أمس أن نصف السكان "
      "يؤيدون الخطة.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "استطلاع للرأي");
}

// Round 10: a name tagged from its second letter (بول read as ب + ول) keeps
// its first letter when no other mention starts without it.
TEST(QuotesTest, Issue21NameKeepsItsFirstLetter) {
  Document d = WithEntities(
      "وقال شريكه السابق بول ماركو إن التهم ملفقة. وأضاف ماركو: «سأثبت "
      "براءتي».",
      {{"ول ماركو", EntityType::kPerson, "per:marco", ""},
       {"ماركو", EntityType::kPerson, "per:marco", ""}});
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_NE(d.quotes[1].speaker.find("بول ماركو"), std::string::npos);
}

// Round 10: a title with a relative adjective (الرئيس القبرصي) names the
// earlier person whose mention holds its country (رئيس جمهورية قبرص), not
// the nearest president.
TEST(QuotesTest, Issue21TitleNamesThePersonOfItsCountry) {
  Document d = WithEntities(
      "وأكد سامي نادر، رئيس جمهورية قبرص، أن المحادثات مثمرة. وأشاد بزيارة "
      "الرئيس المصري أحمد فؤاد. وقال الرئيس القبرصي إن العلاقات قوية.",
      {{"سامي نادر", EntityType::kPerson, "per:nader", ""},
       {"أحمد فؤاد", EntityType::kPerson, "per:fouad", "الرئيس المصري"}});
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_NE(d.quotes[1].speaker.find("سامي نادر"), std::string::npos);
}

// Round 10: و written apart before the cue (و أضاف ،) is no speaker; the
// earlier one goes on.
TEST(QuotesTest, Issue21ConjunctionWrittenApartIsNoSpeaker) {
  Document d = Analyzed(
      "وقال المدير خالد عمر إن المشروع تأخر. و أضاف ، ان العمل سيستأنف "
      "قريبا.");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.quotes[1].speaker, d.quotes[0].speaker);
}

// Round 10: a denial's indefinite source keeps its relative adjectives
// (مصدر عسكري سوري), the definite word after them being the object.
TEST(QuotesTest, Issue21DenialSourceKeepsItsAdjectives) {
  Document d =
      Analyzed("ونفى مصدر عسكري سوري التوصل إلى أي اتفاق مع المسلحين.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "مصدر عسكري سوري");
  EXPECT_EQ(S(d, d.quotes[0].content).rfind("التوصل", 0), 0u);
}

// Round 10: نقل after a noun with no عن is that noun's complement
// (transport), no chain.
TEST(QuotesTest, Issue21TransportIsNoChain) {
  Document d = Analyzed(
      "وتعتمد الشركات على خدمات نقل الطرود السريعة، وأن العملاء ينتظرون "
      "طويلا.");
  EXPECT_TRUE(d.quotes.empty());
}

// Round 10 (from the round-2/3 dev halves): a place or body right after a
// person's name, and a plain indefinite word after two definite ones, start
// the verb's object.
TEST(QuotesTest, Issue21ANewNounPhraseEndsTheSpeaker) {
  Document d = WithEntities(
      "واعتقلت الشرطة الهولندية هوية المشتبه به، قائلة إن التحقيق مستمر. "
      "وأبلغ وزير الداخلية سامي نادر موسكو أن الرد سيكون حاسما.",
      {{"سامي نادر", EntityType::kPerson, "per:nader", ""},
       {"موسكو", EntityType::kLocation, "loc:moscow", ""}});
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.quotes[0].speaker, "الشرطة الهولندية");
  EXPECT_EQ(d.quotes[1].speaker, "وزير الداخلية سامي نادر");
}

// Round 10 (fresh sample B: ant2018 2018-02-27..28 and 06-26..27,
// SaudiNewsNet 2015-08-02, Jawhara FM 2017-03..04): time adverbials
// (words.tsv إثر، عشية، وقتها) and quoted words after a complete name are
// no part of the speaker.
TEST(QuotesTest, Issue21TimeAdverbialAndQuotedWordsAfterTheName) {
  Document d = WithEntities(
      "وأمام هذا الوضع، قال كارلوس عشية المباراة إن البطولة تبدأ الآن. "
      "وقال سامي نادر اثر اجتماع مع الوزراء إن الخطة جاهزة. واعتبر القاضي "
      "خالد عمر \"بحزن شديد\" أن القرار نهائي.",
      {{"كارلوس", EntityType::kPerson, "per:carlos", ""},
       {"سامي نادر", EntityType::kPerson, "per:nader", ""},
       {"خالد عمر", EntityType::kPerson, "per:omar", ""}});
  ASSERT_EQ(d.quotes.size(), 3u);
  EXPECT_EQ(d.quotes[0].speaker, "كارلوس");
  EXPECT_EQ(d.quotes[1].speaker, "سامي نادر");
  EXPECT_EQ(d.quotes[2].speaker, "القاضي خالد عمر");
}

// Round 10: حسبما and بحسب ما + a verb (with its في) name the source after
// the verb; a definite number after a definite noun is its adjective.
TEST(QuotesTest, Issue21SourceAfterItsVerbAndANumberAdjective) {
  Document d = Analyzed(
      "وازدحمت الطرق بالسيارات حسبما أظهرت خرائط المرور. وارتفعت الأسعار "
      "في الأسواق، بحسب ما جاء في وكالة الأنباء الرسمية. وشددت الدول "
      "الأربع على ضرورة الالتزام بالقرار.");
  ASSERT_EQ(d.quotes.size(), 3u);
  EXPECT_EQ(d.quotes[0].speaker, "خرائط المرور");
  EXPECT_EQ(d.quotes[1].speaker, "وكالة الأنباء الرسمية");
  EXPECT_EQ(d.quotes[2].speaker, "الدول الأربع");
}

// Round 10 (sample B): لكن after و opens the clause whose subject stands
// before the verb, and a conditional's كان (ما إذا كانت ...) frames no
// subject: the cue after its comma goes on with the earlier speaker.
TEST(QuotesTest, Issue21WalakinAndAConditionalKana) {
  Document d = Analyzed(
      "ولم ترد تقارير عن ضحايا ولكن إدارة الإطفاء قالت إن الطريق أغلق. وقال "
      "المنسق سامي إن التعاون قائم. ورداً على سؤال حول ما إذا كانت الحكومة "
      "قد ساهمت في الحل، أشار إلى أنه كان هناك جهد متواصل.");
  ASSERT_EQ(d.quotes.size(), 3u);
  EXPECT_EQ(d.quotes[0].speaker, "إدارة الإطفاء");
  EXPECT_EQ(d.quotes[2].speaker, d.quotes[1].speaker);
}

// Round 10 (sample B): a body named in the construct of an earlier speaker's
// title (مدير المرصد فلان) is the body, not the titled person: وذكر المرصد.
TEST(QuotesTest, Issue21BodyInATitlesConstructIsNotThePerson) {
  Document d = WithEntities(
      "وأعلن مدير المرصد الوطني سامي نادر أن الأمطار غزيرة. وذكر المرصد أن "
      "السيول محتملة.",
      {{"سامي نادر", EntityType::kPerson, "per:nader", ""},
       {"المرصد الوطني", EntityType::kOrganization, "org:observatory", ""}});
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.quotes[1].speaker.find("مدير"), std::string::npos);
  EXPECT_NE(d.quotes[1].speaker.find("المرصد"), std::string::npos);
}

// Round 10 (a sweep of 1,000 SaudiNewsNet reports before/after the round):
// a name NER missed after a definite noun and adjective stays in the
// speaker (NewPhrase asks for a construct), و before a name is the
// conjunction, not the name's first letter, and a surname after a titled
// speaker names that speaker.
TEST(QuotesTest, Issue21NamesAfterTheRound10Bounds) {
  Document d = WithEntities(
      "وقالت الممثلة الجزائرية أمل سعيد إن الفيلم جاهز. والتقى الوزير وكين "
      "ماكينتوش أمس. وقال ماكينتوش إن الاتفاق قريب. وقال الناطق باسم "
      "الحركة علي الأحمدي إن القوات تقدمت. وأكد الأحمدي أن المعارك مستمرة.",
      {{"كين ماكينتوش", EntityType::kPerson, "per:ken", ""},
       {"ماكينتوش", EntityType::kPerson, "per:ken", ""}});
  ASSERT_EQ(d.quotes.size(), 4u);
  EXPECT_EQ(d.quotes[0].speaker, "الممثلة الجزائرية أمل سعيد");
  EXPECT_EQ(d.quotes[1].speaker.find("وكين"), std::string::npos);
  // (A surname after the titled speaker is that person, not a body in the
  // title's construct: TitledOther.)
  EXPECT_EQ(d.quotes[3].speaker, d.quotes[2].speaker);
}

// Round 11 (from round-4 dev errors): the pronoun after a cue in a relative
// clause (الذي أكد فيه) points back to the antecedent; the subject follows.
TEST(QuotesTest, Issue21ResumptivePronounBeforeTheSubject) {
  Document d = Analyzed(
      "وجاء ذلك في الوقت الذي أكد فيه المتحدث باسم الجيش أن الهجوم فشل.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "المتحدث باسم الجيش");
  EXPECT_FALSE(d.quotes[0].carried_over);
}

// Round 11: a participle after a clause joined by و (no quotation before it
// in the sentence) takes that clause's subject, not the sentence's first.
TEST(QuotesTest, Issue21ParticipleTakesItsOwnClausesSubject) {
  Document d = WithEntities(
      "وكان المطار قد تعرض لهجمات عديدة، وأعلنت تركيا مسؤوليتها عن أحدها، "
      "قائلة إنه أسفر عن مقتل مستشارين.",
      {{"تركيا", EntityType::kLocation, "loc:tr", ""}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "تركيا");
  // (A clause whose subject is not expressed (وشبه نفسه بقائد) gives none:
  // the sentence's first verb is asked, as before.)
  Document o = Analyzed(
      "وأثار الوزير الجدل، وشبه نفسه بقائد قديم، قائلا إنه سيكون حازما.");
  ASSERT_EQ(o.quotes.size(), 1u);
  EXPECT_NE(o.quotes[0].speaker.rfind("نفسه", 0), 0u);
}

// Round 11: a spokesman of one body is not the spokesman of another named
// earlier (المتحدث باسم الحركة after المتحدث باسم الوزارة فلان), whether
// the earlier one was quoted or only named; a denial keeps the باسم phrase.
TEST(QuotesTest, Issue21SpokesmanOfAnotherBody) {
  const std::vector<
      std::tuple<std::string, EntityType, std::string, std::string>>
      ents = {{"سامي العلي", EntityType::kPerson, "per:ali", ""},
              {"حركة النهضة", EntityType::kOrganization, "org:nahda", ""}};
  Document quoted = WithEntities(
      "وقال المتحدث باسم وزارة الداخلية سامي العلي إن الهجوم فشل. وقال "
      "المتحدث باسم حركة النهضة إن مقاتليه انسحبوا.",
      ents);
  ASSERT_EQ(quoted.quotes.size(), 2u);
  EXPECT_EQ(quoted.quotes[1].speaker, "المتحدث باسم حركة النهضة");
  Document named = WithEntities(
      "والتقى المتحدث باسم وزارة الداخلية سامي العلي الصحفيين. وقال المتحدث "
      "باسم حركة النهضة إن مقاتليه انسحبوا.",
      ents);
  ASSERT_EQ(named.quotes.size(), 1u);
  EXPECT_EQ(named.quotes[0].speaker, "المتحدث باسم حركة النهضة");
  Document denial = Analyzed("ونفى المتحدث باسم الحركة الخبر.");
  ASSERT_EQ(denial.quotes.size(), 1u);
  EXPECT_EQ(denial.quotes[0].speaker, "المتحدث باسم الحركة");
  EXPECT_EQ(S(denial, denial.quotes[0].content), "الخبر");
}

// Round 11: وأكمل continues the speaker's words like وتابع.
TEST(QuotesTest, Issue21AkmalaIsACue) {
  Document d = Analyzed(
      "وقال المدرب سامي العلي \"لقد لعبنا جيدا\". وأكمل \"المباراة القادمة "
      "أصعب\".");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(S(d, d.quotes[1].cue), "وأكمل");
  EXPECT_EQ(d.quotes[1].speaker, d.quotes[0].speaker);
}

// Round 11: a name that opens with the letters of بال (بالمر), named in full
// before, is the subject, not a prepositional phrase.
TEST(QuotesTest, Issue21NameOpeningWithBal) {
  Document d = WithEntities(
      "وقال الصياد الأمريكي والتر بالمر إنه نادم. وقال بالمر: إنه لم يتلق "
      "اتصالا من السلطات.",
      {{"والتر بالمر", EntityType::kPerson, "per:palmer", ""}});
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_NE(d.quotes[1].speaker.find("بالمر"), std::string::npos);
  EXPECT_FALSE(d.quotes[1].carried_over);
}

// Round 11 (from a round-4 dev error; the same shape gained three more on
// saudinewsnet_r3 dev): a statement's issuer (صادر عن X) belongs to the
// speaker phrase, and a topic phrase (بشأن، حول) ends it.
TEST(QuotesTest, Issue21IssuerAndTopicAroundTheSpeaker) {
  Document d = Analyzed(
      "وقال بيان صادر عن وزارة الصحة بشأن الحملة إن المستشفيات جاهزة. وقال "
      "الوزير سامي العلي حول الخطة إن التمويل مضمون.");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(S(d, d.quotes[0].speaker_span), "بيان صادر عن وزارة الصحة");
  EXPECT_EQ(S(d, d.quotes[0].content), "المستشفيات جاهزة");
  EXPECT_EQ(d.quotes[1].speaker, "الوزير سامي العلي");
  EXPECT_EQ(S(d, d.quotes[1].content), "التمويل مضمون");
}

// Round 12 (written from ant2018_r2 dev; saudinewsnet dev unread for it): a
// fact's verbal noun right after the verb is its object, so the subject is
// the one before the verb (وكان X قد أعلن مقتل ...).
TEST(QuotesTest, Issue21FactObjectRightAfterTheVerb) {
  Document d = Analyzed(
      "وكانت الهيئة الوطنية للإسعاف قد أعلنت مقتل ثلاثة أشخاص في الحريق.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "الهيئة الوطنية للإسعاف");
  EXPECT_EQ(S(d, d.quotes[0].content), "مقتل ثلاثة أشخاص في الحريق");
}

// Round 12 (written from ant2018_r3 dev): a participle after a clause takes
// a bare object as what is reported (منتقدة التأخير، مؤكدا رفض، متهمة إياها
// بـ); after an indefinite noun it is that noun's adjective (حالات مؤكدة).
TEST(QuotesTest, Issue21ParticipleWithABareObject) {
  Document d = Analyzed(
      "وانسحب الوفد الحكومي من الاجتماع، مؤكدا رفض المقترح جملة وتفصيلا.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(S(d, d.quotes[0].cue), "مؤكدا");
  EXPECT_EQ(S(d, d.quotes[0].content), "رفض المقترح جملة وتفصيلا");
  EXPECT_EQ(d.quotes[0].speaker, "الوفد الحكومي");
  Document c =
      Analyzed("وعارضت النقابة القرار الجديد منتقدة تأخير صرف الرواتب للعمال.");
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_EQ(S(c, c.quotes[0].content), "تأخير صرف الرواتب للعمال");
  Document n = Analyzed("وسجلت الوزارة ثلاث حالات مؤكدة بالمرض في المدينة.");
  EXPECT_TRUE(n.quotes.empty());
}

// Round 12 (written from ant2018 and ant2018_r2 dev): a verbal noun before a
// quoted name is the verb's object; the quoted name is no direct speech.
TEST(QuotesTest, Issue21VerbalNounBeforeAQuotedName) {
  Document d = Analyzed(
      "أعلنت البلدية، أمس، انطلاق حملة \"معا من أجل مدينة نظيفة وخضراء "
      "للجميع\" في الأحياء القديمة.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "البلدية");
  EXPECT_EQ(S(d, d.quotes[0].content).rfind("انطلاق حملة", 0), 0u);
  EXPECT_FALSE(d.quotes[0].direct);
}

// Round 12 (written from ant2018_r3 dev): the named subject (NER) of a verb
// that reports nothing ends with its name, so a participle after the clause
// is not given the verb's object too.
TEST(QuotesTest, Issue21NamedSubjectOfAPlainVerbEndsWithTheName) {
  Document d = WithEntities(
      "ووبخت نقابة المعلمين وزارة التربية، أمس، منتقدة تأخير الرواتب.",
      {{"نقابة المعلمين", EntityType::kOrganization, "org:naq", ""},
       {"وزارة التربية", EntityType::kOrganization, "org:edu", ""}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "نقابة المعلمين");
}

// Round 12 (written from saudinewsnet dev; ant2018 dev unread for it): قيام
// is a fact's verbal noun, the content even before a quoted phrase.
TEST(QuotesTest, Issue21QiyamIsAFactObject) {
  Document d = Analyzed(
      "أعلنت الوزارة أمس قيام الفرق بإخلاء المبنى «بالكامل» قبل وصول "
      "العاصفة.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "الوزارة");
  EXPECT_EQ(S(d, d.quotes[0].content).rfind("قيام الفرق", 0), 0u);
}

// Round 12 (written from saudinewsnet_r2/r3/r4 dev; ant2018 dev unread for
// it): a present-tense cue inside another quotation's content whose subject
// is no source is part of what is reported; a source there still reports.
TEST(QuotesTest, Issue21NestedPresentCueWithNoSource) {
  Document d =
      Analyzed("وقال الوزير إن نتائج الفحص الأولية تكشف أن الحريق كان عرضيا.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(S(d, d.quotes[0].cue), "وقال");
  Document s = Analyzed(
      "وقال الوزير إن المتحدث باسم الدفاع المدني يؤكد أن الطريق مفتوح.");
  EXPECT_EQ(s.quotes.size(), 2u);
}

// Round 13: an unnamed source's place is where it is, not who it is (مصدر
// أمني في العراق); a body keeps its place.
TEST(QuotesTest, Issue21UnnamedSourceEndsBeforeItsPlace) {
  Document d = WithEntities(
      "وقال مصدر أمني في العراق، مساء أمس، إن مسلحين هاجموا نقطة تفتيش.",
      {{"العراق", EntityType::kLocation, "ctry:IQ", ""}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "مصدر أمني");
  Document body = WithEntities(
      "وقال مسؤول في وزارة النقل إن الطريق سيفتح غدا.",
      {{"وزارة النقل", EntityType::kOrganization, "org:transport", ""}});
  ASSERT_EQ(body.quotes.size(), 1u);
  EXPECT_EQ(body.quotes[0].speaker, "مسؤول في وزارة النقل");
}

// Round 13: كان after the subject opens a clause on it, never part of the
// noun phrase (وقال سكان كانوا قرب السوق إنهم).
TEST(QuotesTest, Issue21KanaAfterTheSubjectEndsIt) {
  Document d = Analyzed("وقال سكان كانوا قرب السوق إنهم سمعوا دوي انفجار قوي.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "سكان");
  EXPECT_EQ(S(d, d.quotes[0].content), "سمعوا دوي انفجار قوي");
}

// Round 13: after كان, a plain word after the definite subject is the
// predicate's verb (وكان الوزير الفرنسي افتتح المعرض ...، مؤكدا).
TEST(QuotesTest, Issue21KanaSubjectEndsBeforeItsVerb) {
  Document d = Analyzed(
      "وكان الوزير الفرنسي افتتح المعرض صباح الأحد، مؤكدا أن بلاده تدعم "
      "الفنانين.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "الوزير الفرنسي");
}

// Round 13: a كان frame's subject closed by a comma may be long when it ends
// with a person's name.
TEST(QuotesTest, Issue21LongKanaSubjectEndingWithAName) {
  Document d = WithEntities(
      "وكان المتحدث باسم اتحاد نقابات عمال الموانئ والنقل البحري في الجنوب "
      "الدكتور سامي العلي، قال إن الإضراب سيستمر.",
      {{"سامي العلي", EntityType::kPerson, "per:ali", ""}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker,
            "المتحدث باسم اتحاد نقابات عمال الموانئ والنقل البحري في الجنوب "
            "الدكتور سامي العلي");
}

// Round 13: plural and dual forms of أشار/لفت/نوه take إلى + a noun as
// their content, as the singular ones do.
TEST(QuotesTest, Issue21PluralIlaVerbs) {
  Document d = Analyzed(
      "وقال المسؤولون إن الطرق أغلقت، وأشاروا إلى تضرر عشرات المنازل.");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(S(d, d.quotes[1].cue), "وأشاروا");
  EXPECT_EQ(S(d, d.quotes[1].content), "تضرر عشرات المنازل");
  EXPECT_EQ(d.quotes[1].speaker, "المسؤولون");
}

// Round 14: ل + a correspondent after the speaker is whom the words were
// told to (وفق ما أكده مصدر أمني لمراسل الإذاعة), not part of who speaks.
TEST(QuotesTest, Issue21CorrespondentIsAnAddressee) {
  Document d = Analyzed(
      "وأغلقت الطريق الرابطة بين المدينتين ساعتين، وفق ما أكده مصدر أمني "
      "لمراسل الإذاعة.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "مصدر أمني");
  Document v = Analyzed(
      "وقال مسؤول محلي لمراسلتنا إن المياه غمرت الحقول القريبة من النهر.");
  ASSERT_EQ(v.quotes.size(), 1u);
  EXPECT_EQ(v.quotes[0].speaker, "مسؤول محلي");
}

// Round 14: the verb's own به after ما in a post-posed attribution is no
// part of the speaker (بحسب ما صرح به فلان).
TEST(QuotesTest, Issue21BihiAfterMaIsNotTheSpeaker) {
  Document d = Analyzed(
      "وارتفعت صادرات التمور بنسبة عشرة بالمائة، بحسب ما صرح به مدير "
      "الغرفة التجارية.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "مدير الغرفة التجارية");
}

// Round 14: a program's guest after the speaker (فلان ضيف برنامج ...) is
// the occasion of the words, not part of who speaks.
TEST(QuotesTest, Issue21ProgramGuestEndsTheSpeaker) {
  Document d = WithEntities(
      "وقال سامي العلي رئيس النقابة ضيف برنامج المساء إن الإضراب سيستمر.",
      {{"سامي العلي", EntityType::kPerson, "per:ali", ""}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "سامي العلي رئيس النقابة");
}

// Round 14: reports that name no person, body or outlet are no source
// (وقالت تقارير محلية إن ...), as a bare تقارير is not; named ones are.
TEST(QuotesTest, Issue21UnnamedReportsAreNoSource) {
  Document d = Analyzed("وقالت تقارير محلية إن الجسر أغلق أمام حركة السير.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "");
  EXPECT_FALSE(d.quotes[0].carried_over);
  Document named = WithEntities(
      "وقالت تقارير منظمة الصحة العالمية إن الوباء انحسر.",
      {{"منظمة الصحة العالمية", EntityType::kOrganization, "org:who", ""}});
  ASSERT_EQ(named.quotes.size(), 1u);
  EXPECT_EQ(named.quotes[0].speaker, "تقارير منظمة الصحة العالمية");
}

// Round 15 (from ant2018_r6 dev): a title or role with its complement, a
// comma, then the person's name closed by a comma before إن or by a colon:
// the name is the speaker's (the phrase no longer ends at the title's في).
// Without a name after the comma the phrase keeps its old end.
TEST(QuotesTest, Issue21NameAfterATitlesCommaIsTheSpeakers) {
  Document d = WithEntities(
      "وقال الباحث في مركز الدراسات المائية، سامي نادر، إن السد امتلأ.",
      {{"سامي نادر", EntityType::kPerson, "per:nader", ""}});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "الباحث في مركز الدراسات المائية سامي نادر");
  Document colon = WithEntities(
      "وقال قائد الفرقة في الجبهة الشرقية، العقيد سامي نادر: \"تقدمنا\".",
      {{"سامي نادر", EntityType::kPerson, "per:nader", ""}});
  ASSERT_EQ(colon.quotes.size(), 1u);
  EXPECT_EQ(colon.quotes[0].speaker,
            "قائد الفرقة في الجبهة الشرقية العقيد سامي نادر");
  Document none = Analyzed(
      "وقال الباحث في مركز الدراسات المائية، في ندوة أمس، إن السد امتلأ.");
  ASSERT_EQ(none.quotes.size(), 1u);
  EXPECT_EQ(none.quotes[0].speaker, "الباحث");
}

// Round 15 (from saudinewsnet_r6 dev): the definite source noun alone
// (المصدر، المصادر، للمصادر) takes up the article's earlier source of either
// number; an indefinite one (مصدر) names a new source.
TEST(QuotesTest, Issue21DefiniteSourceTakesUpTheEarlierOfEitherNumber) {
  Document d = Analyzed(
      "وقالت مصادر أمنية إن الطريق أغلق. وأكد المصدر أن الحركة عادت. "
      "وقال مصدر آخر إن الجسر مغلق.");
  ASSERT_EQ(d.quotes.size(), 3u);
  EXPECT_EQ(d.quotes[1].speaker, "مصادر أمنية");
  EXPECT_EQ(d.quotes[2].speaker, "مصدر آخر");
}

// A reporting verb as the text's last word: SpeakerEnd finds no subject and
// the apposition check must not read the word after the last one (a crash on
// the full SaudiNewsNet ingest before this guard). No quotation, no speaker.
TEST(QuotesTest, Issue21CueAsTheLastWordReadsNothingBeyond) {
  for (const char* text :
       {"أكد المدير أن العمل مستمر. وأضاف", "وقال",
        "أعلنت الوزارة أن الطريق مغلق، وقال المتحدث باسم الوزارة،"}) {
    Document d = Analyzed(text);
    for (const Quote& q : d.quotes) {
      EXPECT_LT(q.content.begin, q.content.end) << text;
      EXPECT_LE(q.span.end, d.text.size()) << text;
    }
  }
}

// Every word-prefix of texts in the shapes the rules read (a text cut after
// any word: a reporting verb, a title's comma, a figure, a preposition as the
// last word) runs through the whole facts stage with every span inside the
// text. Under ASan (.ci/run) a read past the last word fails here; the full
// SaudiNewsNet ingest once crashed on such a read.
TEST(QuotesTest, EveryWordPrefixStaysInsideItsText) {
  const std::string person = "سامي نادر";
  const std::vector<std::string> texts = {
      "وقال الباحث في مركز الدراسات المائية، سامي نادر، إن السد امتلأ.",
      "وقال قائد الفرقة في الجبهة الشرقية، العقيد سامي نادر: \"تقدمنا\".",
      "أعلنت وزارة الصحة مقتل 12 شخصا وإصابة 30 آخرين بجروح في انفجار "
      "سيارة مفخخة أمس، بحسب مصادر طبية. وأضاف المصدر أن الحصيلة قد ترتفع.",
      "نفى المتحدث باسم الجيش سامي نادر أن تكون القوات قصفت القرية، وقال "
      "إن 45 مسلحا قتلوا في الاشتباكات. وتابع: \"لن نتراجع\".",
      "ذكرت صحيفة \"الوطن\" نقلا عن شهود عيان أن ما لا يقل عن 7 أشخاص "
      "لقوا حتفهم، فيما أفيد بفقدان اثنين. وأكد سامي نادر ذلك.",
      "وكان وزير الداخلية اللواء سامي نادر قد صرح بأن التحقيق جار، "
      "واتهم جهات خارجية بالوقوف وراء الهجوم وفق ما أوردته الوكالة،"};
  for (const std::string& full : texts) {
    for (size_t cut = 0; cut <= full.size(); ++cut) {
      if (cut < full.size() && full[cut] != ' ') continue;
      Document d;
      d.text = full.substr(0, cut);
      d.published = "2024-03-10";
      TextAnalysis a;
      a.Build(d.text, TestTextTables());
      AnalyzeText(TestTextTables(), a, &d);
      for (size_t from = 0;
           (from = d.text.find(person, from)) != std::string::npos;
           from += person.size()) {
        EntityMention m;
        m.span = Span{static_cast<uint32_t>(from),
                      static_cast<uint32_t>(from + person.size())};
        m.type = EntityType::kPerson;
        m.text = person;
        m.entity_id = "per:nader";
        d.entities.push_back(m);
      }
      FactsFinder(TestFactsLexicon(), a, &d).Run();
      const size_t n = d.text.size();
      for (const Quote& q : d.quotes) {
        for (Span s : {q.span, q.content, q.cue, q.speaker_span}) {
          EXPECT_LE(s.begin, s.end) << d.text;
          EXPECT_LE(s.end, n) << d.text;
        }
      }
      for (const Event& e : d.events) {
        EXPECT_LE(e.trigger.end, n) << d.text;
        EXPECT_LE(e.sentence.end, n) << d.text;
      }
    }
  }
}

}  // namespace
}  // namespace marsad
