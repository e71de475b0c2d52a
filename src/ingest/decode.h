// Turning input bytes into UTF-8 text, or a clear reason why not.
//
// Order of evidence: a byte-order mark; strict UTF-8 validity; for HTML, the
// charset the page declares (<meta charset> or http-equiv) in its first 4 KiB;
// then ICU's statistical charset detector, restricted to encodings a news
// page may plausibly use. Files with NUL bytes or many control characters are
// binary. The result is always valid UTF-8 without a BOM.
#ifndef MARSAD_INGEST_DECODE_H_
#define MARSAD_INGEST_DECODE_H_

#include <string>
#include <string_view>

#include "marsad/status.h"

namespace marsad {

struct Decoded {
  std::string text;      // valid UTF-8
  std::string encoding;  // e.g. "UTF-8", "windows-1256", "UTF-16LE"
};

// REQUIRES: nothing; any bytes are accepted. Fails with InvalidArgument for
// empty input ("empty file"), binary data ("binary file"), or text that no
// supported encoding decodes ("undecodable: ...").
StatusOr<Decoded> DecodeToUtf8(std::string_view bytes, bool is_html);

// Converts `bytes` from the named charset with ICU. Fails with Corruption if
// the converter reports an illegal sequence.
StatusOr<std::string> ConvertToUtf8(std::string_view bytes,
                                    const std::string& charset);

// The charset an HTML page declares in its first 4 KiB, lowercased, or "".
std::string DeclaredHtmlCharset(std::string_view html);

}  // namespace marsad

#endif  // MARSAD_INGEST_DECODE_H_
