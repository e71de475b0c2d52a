// Minimal UTF-8 helpers for hot loops. Unicode-aware work (normalization
// forms, case, scripts) goes through ICU in src/text; these are the byte-level
// primitives everything else needs.
#ifndef MARSAD_BASE_UTF8_H_
#define MARSAD_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace marsad {

// Returns the byte offset of the first invalid sequence (overlongs,
// surrogates and code points above U+10FFFF are invalid), or npos if valid.
size_t FindInvalidUtf8(std::string_view s);
inline bool IsValidUtf8(std::string_view s) {
  return FindInvalidUtf8(s) == std::string_view::npos;
}

// Decodes the code point at s[i] and advances i past it.
// REQUIRES: i < s.size() and s valid UTF-8 (invalid bytes decode as U+FFFD
// and advance by one byte).
char32_t DecodeUtf8(std::string_view s, size_t* i);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// Number of code points (invalid bytes count as one each).
size_t Utf8Length(std::string_view s);

// True for code points in the Arabic blocks (U+0600–06FF, 0750–077F,
// 08A0–08FF, FB50–FDFF, FE70–FEFF).
bool IsArabicCodePoint(char32_t cp);

}  // namespace marsad

#endif  // MARSAD_BASE_UTF8_H_
