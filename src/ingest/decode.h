// Turning input bytes into UTF-8 text, or a clear reason why not.
//
// Order of evidence: a byte-order mark; strict UTF-8 validity; damaged UTF-8
// (a few stray bytes among well-formed multi-byte sequences: decoded with
// each stray byte replaced by U+FFFD and counted, not refused); for HTML, the
// charset the page declares (<meta charset> or http-equiv) in its first 4 KiB;
// then ICU's statistical charset detector, restricted to encodings a news
// page may plausibly use. Files with NUL bytes or many control characters are
// binary. The result is always valid UTF-8 without a BOM.
//
// Damaged UTF-8 means: stray bytes at most 1% of the code points with at
// least as many well-formed multi-byte sequences as stray bytes (legacy
// Arabic or Latin text forms almost none), or at least 70% of the non-ASCII
// bytes in well-formed sequences (eight sequences at least), whatever the
// share of damage: decoding such text as a legacy encoding would garble it.
#ifndef MARSAD_INGEST_DECODE_H_
#define MARSAD_INGEST_DECODE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "marsad/status.h"

namespace marsad {

struct Decoded {
  std::string text;  // valid UTF-8
  // e.g. "UTF-8", "windows-1256", "UTF-16LE"; when bytes were replaced, the
  // warning follows: "UTF-8; 3 invalid bytes replaced with U+FFFD".
  std::string encoding;
  size_t replaced = 0;  // bytes (or legacy sequences) replaced by U+FFFD
  std::string warning;  // "" or "3 invalid bytes replaced with U+FFFD"
};

// REQUIRES: nothing; any bytes are accepted. Fails with InvalidArgument for
// empty input ("empty file"), binary data ("binary file"), or text that no
// supported encoding decodes, even with at most 1% of its bytes replaced
// ("undecodable: ...").
StatusOr<Decoded> DecodeToUtf8(std::string_view bytes, bool is_html);

// Converts `bytes` from the named charset with ICU. With `replaced` null,
// fails with Corruption if the converter reports an illegal or unmapped
// sequence; otherwise each such sequence becomes U+FFFD and is counted in
// *replaced.
StatusOr<std::string> ConvertToUtf8(std::string_view bytes,
                                    const std::string& charset,
                                    size_t* replaced = nullptr);

// The charset an HTML page declares in its first 4 KiB, lowercased, or "".
std::string DeclaredHtmlCharset(std::string_view html);

}  // namespace marsad

#endif  // MARSAD_INGEST_DECODE_H_
