// Display cleanup shared by the text and HTML paths: whitespace runs (ASCII,
// no-break and other Unicode spaces) collapse to one space; zero-width spaces,
// byte-order marks, soft hyphens, bidi controls and control characters are
// dropped; invalid
// UTF-8 becomes U+FFFD. Letters are never changed (normalizing spellings is
// the text core's job, with an offset map).
#ifndef MARSAD_CLEAN_DISPLAY_H_
#define MARSAD_CLEAN_DISPLAY_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace marsad {

// Appends the cleaned `in` to *out. Whitespace becomes one space, never at the
// start of *out, after '\n' or after another space; trailing whitespace in
// `in` leaves one trailing space (so adjacent pieces stay separated: trim
// with TrimTrailingSpaces when a line ends).
void AppendDisplay(std::string_view in, std::string* out);

// Removes trailing spaces from *out.
void TrimTrailingSpaces(std::string* out);

// Number of code points in valid UTF-8 `s` (continuation bytes not counted).
size_t CodePoints(std::string_view s);

// Whether a line ends a sentence: its last character, after closing quotes
// and brackets, is one of . … ۔ (period == true) or ! ? ؟ (period == false).
bool EndsSentence(std::string_view s, bool* period);

}  // namespace marsad

#endif  // MARSAD_CLEAN_DISPLAY_H_
