#include "src/clean/display.h"

#include "src/base/utf8.h"

namespace marsad {
namespace {

bool IsSpaceCp(char32_t cp) {
  return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0x0085;
}

bool IsDroppedCp(char32_t cp) {
  // Zero-width space, BOM, soft hyphen, word joiner, C1 controls, and the
  // bidi embedding/isolate controls scrapers leave unbalanced.
  return cp == 0x200B || cp == 0xFEFF || cp == 0x00AD || cp == 0x2060 ||
         (cp >= 0x80 && cp < 0xA0) || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool IsCloser(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
         cp == 0x2019 || cp == 0x00BB || cp == 0x201C || cp == '*';
}

}  // namespace

void AppendDisplay(std::string_view in, std::string* out) {
  bool pending = false;
  size_t i = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  while (i < in.size()) {
    // Fast path: a run of characters kept as they are, printable ASCII and
    // two-byte sequences from U+00C0 (lead bytes 0xC3-0xDF: Arabic, Latin
    // letters with accents), none of them a space or dropped.
    size_t run = i;
    while (run < in.size()) {
      unsigned char c = p[run];
      if (c > 0x20 && c < 0x7F) {
        ++run;
      } else if (c >= 0xC3 && c <= 0xDF && run + 1 < in.size() &&
                 (p[run + 1] & 0xC0) == 0x80) {
        run += 2;
      } else {
        break;
      }
    }
    if (run > i) {
      if (pending && !out->empty() && out->back() != '\n' &&
          out->back() != ' ') {
        out->push_back(' ');
      }
      pending = false;
      out->append(in.substr(i, run - i));
      i = run;
      continue;
    }
    unsigned char b = p[i];
    if (b < 0x80) {
      ++i;
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' ||
          b == '\v') {
        pending = true;
        continue;
      }
      if (b < 0x20 || b == 0x7F) continue;
      if (pending && !out->empty() && out->back() != '\n' &&
          out->back() != ' ') {
        out->push_back(' ');
      }
      pending = false;
      out->push_back(static_cast<char>(b));
      continue;
    }
    size_t start = i;
    char32_t cp = DecodeUtf8(in, &i);
    if (IsSpaceCp(cp)) {
      pending = true;
      continue;
    }
    if (IsDroppedCp(cp)) continue;
    if (pending && !out->empty() && out->back() != '\n' && out->back() != ' ') {
      out->push_back(' ');
    }
    pending = false;
    size_t len = i - start;
    size_t want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    bool invalid =
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF || len != want;
    if (invalid) {  // stray byte, overlong form or surrogate
      out->append("\xEF\xBF\xBD");
    } else if (cp == 0xFFFD &&
               !(len == 3 && in.substr(start, 3) == "\xEF\xBF\xBD")) {
      out->append("\xEF\xBF\xBD");
    } else {
      out->append(in.substr(start, i - start));
    }
  }
  // A trailing space separates this piece from the next one (adjacent text
  // nodes); callers trim it at the end of a line.
  if (pending && !out->empty() && out->back() != '\n' && out->back() != ' ') {
    out->push_back(' ');
  }
}

void TrimTrailingSpaces(std::string* out) {
  while (!out->empty() && out->back() == ' ') out->pop_back();
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool EndsSentence(std::string_view s, bool* period) {
  *period = false;
  size_t end = s.size();
  while (end > 0) {
    size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
      --start;
    size_t i = start;
    char32_t cp = DecodeUtf8(s, &i);
    if (cp == ' ' || IsCloser(cp)) {
      end = start;
      continue;
    }
    if (cp == '.' || cp == 0x2026 || cp == 0x06D4) {
      *period = true;
      return true;
    }
    return cp == '!' || cp == '?' || cp == 0x061F;
  }
  return false;
}

}  // namespace marsad
