// Tokenizer and sentence splitter.
//
// Tokenization is a hand-written scanner over a 64K-entry character-class
// table computed once from ICU (letter/mark/digit/punctuation/space, and the
// script for letters), with an ASCII fast path through the same table. Each
// token kind is a maximal run of one class with a few inner joiners: digits
// may contain , . ٫ ٬ when a digit follows, Latin words may contain - and '
// when a letter follows, Arabic words absorb their diacritics, tatweel (but not
// a tatweel used as a dash at a word's edge) and ZWNJ. URLs, e-mails and
// hashtags are recognized at their first character by a bounded look-ahead, so
// no regular expression runs over the text.
//
// Sentence splitting then works on tokens, not bytes: a sentence-final mark
// ends a sentence unless the token before it is a lone letter (initials,
// `د.` for doctor, the letters of `د.ب.أ`) and that letter does not complete
// a known agency credit; line breaks always end one. Arabic press rarely
// abbreviates otherwise, so this small rule set is enough and never splits a
// number (numbers are single tokens).
#include "src/text/tokenize.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <string>
#include <unordered_map>

#include "src/base/data.h"
#include "src/base/utf8.h"
#include "src/text/normalize.h"

namespace marsad {
namespace {

enum Cls : uint8_t {
  kSpaceC,
  kInvisibleC,  // format controls: skipped
  kArabicC,     // Arabic letter, Arabic mark, tatweel
  kJoinerC,     // ZWNJ/ZWJ: inside a word only
  kMarkC,       // other combining marks: attach to the previous token
  kOtherLetterC,
  kLatinC,
  kDigitC,
  kPunctC,
  kSymbolC,
};

struct ClassTable {
  std::array<uint8_t, 0x10000> cls;
  ClassTable() {
    for (uint32_t cp = 0; cp < 0x10000; ++cp) cls[cp] = Classify(cp);
  }
  static uint8_t Classify(UChar32 cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) return kSymbolC;
    if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C ||
        u_isUWhiteSpace(cp))
      return kSpaceC;
    if (cp == 0x200C || cp == 0x200D) return kJoinerC;
    int8_t t = u_charType(cp);
    if (t == U_CONTROL_CHAR || t == U_FORMAT_CHAR || t == U_UNASSIGNED)
      return kInvisibleC;
    if (u_isdigit(cp)) return kDigitC;
    if (cp == 0x0640) return kArabicC;  // tatweel: script Common, not Arabic
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(cp, &err);
    if (script == USCRIPT_ARABIC && (u_isalpha(cp) || t == U_NON_SPACING_MARK ||
                                     t == U_MODIFIER_LETTER || cp == 0x0640))
      return kArabicC;
    if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK ||
        t == U_COMBINING_SPACING_MARK)
      return kMarkC;
    if (u_isalpha(cp)) return script == USCRIPT_LATIN ? kLatinC : kOtherLetterC;
    if (u_ispunct(cp)) return kPunctC;
    return kSymbolC;
  }
};

const ClassTable& Classes() {
  static const ClassTable* t = new ClassTable();
  return *t;
}

// Decodes at in[i]: returns the code point and sets *len. Invalid bytes give
// U+FFFD... as kSymbol with len 1 (reported through *invalid).
inline char32_t Decode(std::string_view s, size_t i, size_t* len) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  size_t n;
  char32_t cp, min;
  if ((c & 0xE0) == 0xC0) {
    n = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4, cp = c & 0x07, min = 0x10000;
  } else {
    *len = 1;
    return 0xFFFFFFFF;
  }
  if (i + n > s.size()) {
    *len = 1;
    return 0xFFFFFFFF;
  }
  for (size_t k = 1; k < n; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      *len = 1;
      return 0xFFFFFFFF;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *len = 1;
    return 0xFFFFFFFF;
  }
  *len = n;
  return cp;
}

inline uint8_t ClassOf(char32_t cp) {
  if (cp < 0x10000) return Classes().cls[cp];
  if (cp == 0xFFFFFFFF) return kSymbolC;
  return ClassTable::Classify(static_cast<UChar32>(cp));
}

inline uint8_t ClassAt(std::string_view s, size_t i, size_t* len) {
  return ClassOf(Decode(s, i, len));
}

inline bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    char c = s[k];
    if (c >= 'A' && c <= 'Z') c += 32;
    if (c != prefix[k]) return false;
  }
  return true;
}

// URL at s[i]: returns its end or i.
size_t ScanUrl(std::string_view s, size_t i) {
  std::string_view rest = s.substr(i);
  if (!StartsWithNoCase(rest, "http://") &&
      !StartsWithNoCase(rest, "https://") && !StartsWithNoCase(rest, "www."))
    return i;
  size_t j = i;
  while (j < s.size()) {
    unsigned char c = s[j];
    if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\'') break;
    if (c >= 0x80) {
      size_t len;
      uint8_t k = ClassAt(s, j, &len);
      if (k == kSpaceC || k == kPunctC) break;  // « » ، and friends
      j += len;
      continue;
    }
    ++j;
  }
  while (j > i &&
         std::string_view(".,;:!?)]}").find(s[j - 1]) != std::string_view::npos)
    --j;
  return j - i > 7 ? j : i;
}

// E-mail at s[i]: returns its end or i.
size_t ScanEmail(std::string_view s, size_t i) {
  size_t j = i;
  auto local = [](char c) {
    return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
           c == '-';
  };
  while (j < s.size() && local(s[j])) ++j;
  if (j == i || j >= s.size() || s[j] != '@') return i;
  size_t d = ++j, last_dot = 0;
  while (j < s.size() && (IsAsciiAlnum(s[j]) || s[j] == '-' || s[j] == '.')) {
    if (s[j] == '.') last_dot = j;
    ++j;
  }
  while (j > d && s[j - 1] == '.') --j;
  if (last_dot <= d || last_dot + 2 > j) return i;
  return j;
}

// End of a run of classes accepted by `in_run`, with `joiner(i)` deciding
// whether a non-run character at i may continue the token.
template <typename InRun, typename Joiner>
size_t ScanRun(std::string_view s, size_t i, InRun in_run, Joiner joiner) {
  size_t j = i;
  while (j < s.size()) {
    size_t len;
    uint8_t k = ClassAt(s, j, &len);
    if (in_run(k)) {
      j += len;
    } else if (size_t jl = joiner(j, k, len); jl) {
      j += jl;
    } else {
      break;
    }
  }
  return j;
}

size_t ScanNumber(std::string_view s, size_t i) {
  return ScanRun(
      s, i, [](uint8_t k) { return k == kDigitC; },
      [&](size_t j, uint8_t k, size_t len) -> size_t {
        size_t cp_len;
        char32_t cp = Decode(s, j, &cp_len);
        bool sep = cp == '.' || cp == ',' || cp == 0x066B || cp == 0x066C;
        if (!sep || j + len >= s.size()) return 0;
        size_t l2;
        return ClassAt(s, j + len, &l2) == kDigitC ? len : 0;
      });
}

size_t ScanLatin(std::string_view s, size_t i) {
  return ScanRun(
      s, i,
      [](uint8_t k) { return k == kLatinC || k == kDigitC || k == kMarkC; },
      [&](size_t j, uint8_t, size_t len) -> size_t {
        char c = s[j];
        if ((c != '-' && c != '\'') || j + 1 >= s.size()) return 0;
        size_t l2;
        uint8_t nk = ClassAt(s, j + 1, &l2);
        return (nk == kLatinC || (c == '-' && nk == kDigitC)) ? 1 : 0;
      });
}

size_t ScanWord(std::string_view s, size_t i, uint8_t first) {
  return ScanRun(
      s, i,
      [first](uint8_t k) {
        return k == first || k == kMarkC ||
               (first == kArabicC && k == kJoinerC);
      },
      [](size_t, uint8_t, size_t) -> size_t { return 0; });
}

// Tatweel (U+0640) stretches a joined letter inside a word, and closes
// abbreviations (هـ for the Hijri year, الـ before a number). Typesetters
// also use it as a dash glued to a word (`الإحصاءـ و`, `ـلا ... فقطـ`): a
// tatweel run that opens a word, or closes a word of two or more letters
// other than the article, is punctuation, not part of the word.
template <typename Push>
void PushArabicWord(std::string_view s, size_t b, size_t e, Push push) {
  constexpr std::string_view kTatweel = "\xD9\x80";
  size_t lb = b, le = e;
  while (lb < le && s.compare(lb, 2, kTatweel) == 0) lb += 2;
  if (lb == le) {  // tatweel alone: a dash
    push(b, e, TokenKind::kPunct);
    return;
  }
  while (le > lb && s.compare(le - 2, 2, kTatweel) == 0) le -= 2;
  if (le < e) {
    std::string_view body = s.substr(lb, le - lb);
    size_t letters = 0;
    for (size_t k = 0; k < body.size();) {
      size_t len;
      char32_t cp = Decode(body, k, &len);
      letters += IsArabicCodePoint(cp) && u_isalpha(cp);
      k += len;
    }
    if (letters < 2 || body == "\xD8\xA7\xD9\x84") le = e;  // هـ, الـ
  }
  if (lb > b) push(b, lb, TokenKind::kPunct);
  push(lb, le, TokenKind::kWord);
  if (le < e) push(le, e, TokenKind::kPunct);
}

}  // namespace

std::string_view TokenKindName(TokenKind k) {
  switch (k) {
    case TokenKind::kWord:
      return "word";
    case TokenKind::kNumber:
      return "number";
    case TokenKind::kLatin:
      return "latin";
    case TokenKind::kUrl:
      return "url";
    case TokenKind::kEmail:
      return "email";
    case TokenKind::kHashtag:
      return "hashtag";
    case TokenKind::kPunct:
      return "punct";
    case TokenKind::kSymbol:
      return "symbol";
  }
  return "?";
}

bool IsArabicLetter(char32_t cp) {
  return cp < 0x10000 && ClassOf(cp) == kArabicC && u_isalpha(cp);
}

// The scanner: one switch per token start (a hot loop).
void Tokenize(std::string_view s, std::vector<Token>* out) {
  out->clear();
  size_t i = 0, n = s.size();
  auto push = [&](size_t b, size_t e, TokenKind k) {
    out->push_back(
        Token{Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}, k});
  };
  while (i < n) {
    size_t len;
    char32_t cp = Decode(s, i, &len);
    uint8_t k = ClassOf(cp);
    size_t j;
    switch (k) {
      case kSpaceC:
      case kInvisibleC:
      case kJoinerC:
        i += len;
        continue;
      case kArabicC:
      case kOtherLetterC:
        j = ScanWord(s, i, k);
        if (k == kArabicC) {
          PushArabicWord(s, i, j, push);
        } else {
          push(i, j, TokenKind::kWord);
        }
        break;
      case kMarkC:  // a stray mark: glue to the previous adjacent token
        if (!out->empty() && out->back().span.end == i) {
          out->back().span.end = static_cast<uint32_t>(i + len);
        } else {
          push(i, i + len, TokenKind::kSymbol);
        }
        j = i + len;
        break;
      case kLatinC:
        if ((j = ScanUrl(s, i)) > i) {
          push(i, j, TokenKind::kUrl);
        } else if ((j = ScanEmail(s, i)) > i) {
          push(i, j, TokenKind::kEmail);
        } else {
          j = ScanLatin(s, i);
          push(i, j, TokenKind::kLatin);
        }
        break;
      case kDigitC:
        if (cp < 0x80 && (j = ScanEmail(s, i)) > i) {
          push(i, j, TokenKind::kEmail);
        } else {
          j = ScanNumber(s, i);
          push(i, j, TokenKind::kNumber);
        }
        break;
      case kPunctC:
        if (cp == '#' && i + 1 < n) {
          size_t l2;
          uint8_t nk = ClassAt(s, i + 1, &l2);
          if (nk == kArabicC || nk == kLatinC || nk == kDigitC ||
              nk == kOtherLetterC || s[i + 1] == '_') {
            j = ScanRun(
                s, i + 1,
                [](uint8_t c) {
                  return c == kArabicC || c == kLatinC || c == kDigitC ||
                         c == kOtherLetterC || c == kMarkC || c == kJoinerC;
                },
                [&](size_t p, uint8_t, size_t) -> size_t {
                  return s[p] == '_' ? 1 : 0;
                });
            push(i, j, TokenKind::kHashtag);
            break;
          }
        }
        j = i + len;
        while (j + len <= n && s.compare(j, len, s.data() + i, len) == 0)
          j += len;
        push(i, j, TokenKind::kPunct);
        break;
      default:
        j = i + len;
        push(i, j, TokenKind::kSymbol);
        break;
    }
    i = j;
  }
}

}  // namespace marsad
