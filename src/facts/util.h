// Small helpers shared by the fact finders (spans over word ranges, display
// strings). Internal to src/facts.
#ifndef MARSAD_SRC_FACTS_UTIL_H_
#define MARSAD_SRC_FACTS_UTIL_H_

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/document.h"
#include "src/facts/lexicon.h"

namespace marsad {

// Byte span of words [b, e). REQUIRES: b < e <= words.size().
inline Span SpanOfWords(const std::vector<Word>& words, size_t b, size_t e) {
  return Span{words[b].span.begin, words[e - 1].span.end};
}

// True for a word token (Arabic or Latin letters), not a number or mark.
inline bool IsWordTok(const Word& w) {
  return w.kind == TokenKind::kWord || w.kind == TokenKind::kLatin;
}

// Index of the first word of `words` starting at or after `byte` (words are
// in text order): the word a span begins with.
inline size_t WordAt(const std::vector<Word>& words, uint32_t byte) {
  auto it = std::lower_bound(
      words.begin(), words.end(), byte,
      [](const Word& x, uint32_t b) { return x.span.begin < b; });
  return static_cast<size_t>(it - words.begin());
}

// The words of `s` in `text` for display: Arabic and ASCII commas dropped,
// runs of spaces collapsed, ends trimmed.
std::string DisplayOf(std::string_view text, Span s);

// True if `key` (folded) starts with `prefix`.
inline bool KeyStarts(std::string_view key, std::string_view prefix) {
  return key.substr(0, prefix.size()) == prefix;
}

// A phrase written after the proclitic ل as it reads without it: للمرصد →
// المرصد (ل + ال), لوزارة → وزارة. REQUIRES: `s` starts with ل (the caller
// knows it is the proclitic, not a root ل as in لبنان).
inline std::string WithoutLam(std::string_view s) {
  if (KeyStarts(s, "\xD9\x84\xD9\x84"))
    return "\xD8\xA7" + std::string(s.substr(2));  // لل → ال
  return std::string(s.substr(2));
}

// Scratch of the count-phrase reader (count_phrase.h), reused across the
// sentences of a document: the sentence's number spans, a word's form.
struct CountScratch {
  std::vector<Span> numbers;
  std::string form;
};

// One document as the finders read it: the lexicon, the document's word
// table, and the scratch reused across its sentences. Made by the
// FactsFinder running the document (facts.h); lives while it does.
struct FinderContext {
  const FactsLexicon& lex;
  const WordTable& table;
  CountScratch* count_scratch;
};

// A casualty figure found in a sentence: kind, number (from the text core)
// and the span of the whole phrase (cue + number + counted noun).
struct CasualtyFound {
  std::string kind;
  NumberMention number;
  Span span;
};
// Casualty figures in words [b, e) of the document's word table (cx.table).
std::vector<CasualtyFound> FindCasualties(const Document& doc,
                                          const FinderContext& cx, size_t b,
                                          size_t e);

// Index of the quotation whose content (else whole span) contains s, or -1.
int QuoteContaining(const Document& doc, Span s);
// Modality of quotation q's cue (asserted for q < 0); t is doc's word table.
std::string_view QuoteModality(const FactsLexicon& lex, const WordTable& t,
                               const Document& doc, int q);

// Folded Arabic strings used by the finders (كان، عن، على، ال ...).
namespace fk {
inline constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";  // ال
inline constexpr std::string_view kLam = "\xD9\x84";         // ل
inline constexpr std::string_view kAn = "\xD8\xB9\xD9\x86";  // عن
inline constexpr std::string_view kAla =
    "\xD8\xB9\xD9\x84\xD9\x8A";  // علي (على)
inline constexpr std::string_view kIla =
    "\xD8\xA7\xD9\x84\xD9\x8A";  // الي (إلى)
inline constexpr std::string_view kKana = "\xD9\x83\xD8\xA7\xD9\x86";  // كان
inline constexpr std::string_view kKanat =
    "\xD9\x83\xD8\xA7\xD9\x86\xD8\xAa";  // كانت
inline constexpr std::string_view kKanu =
    "\xD9\x83\xD8\xA7\xD9\x86\xD9\x88\xD8\xA7";  // كانوا
inline constexpr std::string_view kFih = "\xD9\x81\xD9\x8A\xD9\x87";  // فيه
inline constexpr std::string_view kFiha =
    "\xD9\x81\xD9\x8A\xD9\x87\xD8\xA7";                       // فيها
inline constexpr std::string_view kMin = "\xD9\x85\xD9\x86";  // من
inline constexpr std::string_view kQibal = "\xD9\x82\xD8\xA8\xD9\x84";  // قبل
inline constexpr std::string_view kDidd = "\xD8\xB6\xD8\xAF";           // ضد
inline constexpr std::string_view kFi = "\xD9\x81\xD9\x8A";             // في

// The finders' other words, written folded (the text core's fold with
// data/text/fold.tsv: أ إ آ → ا, ى → ي, final ة → ه, tatweel dropped), with
// the written form in a comment where the two differ.
inline constexpr std::string_view kBayn = "بين";
inline constexpr std::string_view kAam = "عام";
inline constexpr std::string_view kSana = "سنه";  // سنة
inline constexpr std::string_view kKhilal = "خلال";
inline constexpr std::string_view kMundh = "منذ";
inline constexpr std::string_view kSam = "سام";
inline constexpr std::string_view kSama = "سامه";     // سامة
inline constexpr std::string_view kAsab = "الاعصاب";  // الأعصاب
inline constexpr std::string_view kDifa = "دفاع";
inline constexpr std::string_view kJawwi = "جوي";
inline constexpr std::string_view kBism = "باسم";
inline constexpr std::string_view kMa = "ما";
inline constexpr std::string_view kLima = "لما";
inline constexpr std::string_view kLamTatweel = "ل";  // لـ
inline constexpr std::string_view kLl = "لل";
inline constexpr std::string_view kYa = "ي";
inline constexpr std::string_view kIyya = "يه";   // ية
inline constexpr std::string_view kLada = "لدي";  // لدى
inline constexpr std::string_view kWa = "و";
inline constexpr std::string_view kFiWaqtSabiq = "في وقت سابق";
inline constexpr std::string_view kSabiqan = "سابقا";

// A word folded, beside its written form.
struct FoldedWord {
  std::string_view folded, written;
};

// Words of a set: reflexive pronouns after a source noun (المصدر ذاته);
// the roles and generic nouns a speaker's head skips (SourceKey); the
// generic nouns before a party's name (تنظيم داعش).
inline constexpr FoldedWord kSelfWords[] = {
    {"ذاته", "ذاته"},     {"نفسه", "نفسه"},     {"ذاتها", "ذاتها"},
    {"نفسها", "نفسها"},   {"ذاتهم", "ذاتهم"},   {"انفسهم", "أنفسهم"},
    {"ذاتهما", "ذاتهما"}, {"نفسهما", "نفسهما"},
};
inline constexpr FoldedWord kRoleWords[] = {
    {"مدير", "مدير"},       {"المتحدث", "المتحدث"},
    {"متحدث", "متحدث"},     {"المتحدثه", "المتحدثة"},
    {"متحدثه", "متحدثة"},   {"باسم", "باسم"},
    {"الناطق", "الناطق"},   {"ناطق", "ناطق"},
    {"رئيس", "رئيس"},       {"الرئيس", "الرئيس"},
    {"وزير", "وزير"},       {"مسؤول", "مسؤول"},
    {"مسؤولون", "مسؤولون"}, {"مسؤولين", "مسؤولين"},
    {"الرسمي", "الرسمي"},   {"رسمي", "رسمي"},
    {"قال", "قال"},         {"نقلا", "نقلا"},
    {"عن", "عن"},           {"لما", "لما"},
    {"اعلنته", "أعلنته"},   {"وفق", "وفق"},
    {"حسب", "حسب"},         {"قائد", "قائد"},
    {"القائد", "القائد"},
};
inline constexpr FoldedWord kGenericSourceWords[] = {
    {"وزاره", "وزارة"}, {"مصادر", "مصادر"}, {"مصدر", "مصدر"},
    {"قوات", "قوات"},   {"وكاله", "وكالة"}, {"منظمه", "منظمة"},
    {"مجلس", "مجلس"},   {"الامم", "الأمم"},
};
inline constexpr FoldedWord kGenericPartyWords[] = {
    {"تنظيم", "تنظيم"},
    {"جماعه", "جماعة"},
    {"حركه", "حركة"},
};

// Every folded constant of this namespace beside the form it is written in:
// lexicon_test folds each written form with the tables' Normalizer and
// compares, so a change of fold.tsv that moves one fails a test.
inline constexpr FoldedWord kFoldedWords[] = {
    {kAl, "ال"},         {kLam, "ل"},       {kAn, "عن"},
    {kAla, "على"},       {kIla, "إلى"},     {kKana, "كان"},
    {kKanat, "كانت"},    {kFih, "فيه"},     {kFiha, "فيها"},
    {kMin, "من"},        {kQibal, "قبل"},   {kDidd, "ضد"},
    {kFi, "في"},         {kBayn, "بين"},    {kAam, "عام"},
    {kSana, "سنة"},      {kKhilal, "خلال"}, {kMundh, "منذ"},
    {kSam, "سام"},       {kSama, "سامة"},   {kAsab, "الأعصاب"},
    {kDifa, "دفاع"},     {kJawwi, "جوي"},   {kBism, "باسم"},
    {kMa, "ما"},         {kLima, "لما"},    {kLamTatweel, "لـ"},
    {kLl, "لل"},         {kYa, "ي"},        {kIyya, "ية"},
    {kLada, "لدى"},      {kWa, "و"},        {kFiWaqtSabiq, "في وقت سابق"},
    {kSabiqan, "سابقا"}, {kKanu, "كانوا"},
};
}  // namespace fk

}  // namespace marsad

#endif  // MARSAD_SRC_FACTS_UTIL_H_
