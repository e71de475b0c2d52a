#include "src/ingest/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "src/base/utf8.h"

namespace marsad {

namespace {

bool LooksBinary(std::string_view b) {
  size_t n = std::min<size_t>(b.size(), 8192), control = 0;
  for (size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(b[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return n > 0 && control * 20 > n;  // more than 5% control characters
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Encodings the detector may choose. ICU also guesses e.g. Shift_JIS for
// short Arabic-free texts; those are never right for our inputs.
bool Plausible(std::string_view name) {
  static constexpr std::string_view kOk[] = {
      "windows-1256", "ISO-8859-6",   "UTF-16LE",   "UTF-16BE",
      "ISO-8859-1",   "windows-1252", "ISO-8859-2", "windows-1250",
      "KOI8-R",       "windows-1251", "ISO-8859-5"};
  return std::find(std::begin(kOk), std::end(kOk), name) != std::end(kOk);
}

// What a scan of the bytes as UTF-8 finds: code points, well-formed
// multi-byte sequences and bytes that belong to no well-formed sequence.
struct Utf8Census {
  size_t code_points = 0;
  size_t multibyte = 0;  // well-formed sequences of 2 to 4 bytes
  size_t invalid = 0;    // bytes in no well-formed sequence
};

// One pass of FindInvalidUtf8 per stray byte: linear in the input.
Utf8Census CountUtf8(std::string_view b) {
  Utf8Census c;
  while (!b.empty()) {
    size_t bad = std::min(FindInvalidUtf8(b), b.size());
    for (size_t i = 0; i < bad; ++i) {
      auto byte = static_cast<unsigned char>(b[i]);
      c.code_points += (byte & 0xC0) != 0x80;
      c.multibyte += byte >= 0xC0;
    }
    if (bad == b.size()) break;
    ++c.invalid;
    ++c.code_points;
    b.remove_prefix(bad + 1);
  }
  return c;
}

// Damaged UTF-8 rather than a legacy encoding: stray bytes are at most 1% of
// the code points and well-formed multi-byte sequences outnumber them (text
// in windows-1256 or -1252 forms almost none), or at least 70% of the high
// bytes sit in well-formed sequences whatever the damage (decoding such text
// as a legacy encoding would garble all of it).
bool DamagedUtf8(const Utf8Census& c) {
  if (c.invalid == 0) return false;
  if (c.invalid * 100 <= c.code_points && c.multibyte >= c.invalid) return true;
  return c.multibyte * 7 >= c.invalid * 3 && c.multibyte >= 8;
}

// `b` with every byte outside a well-formed sequence replaced by U+FFFD.
std::string ReplaceInvalidUtf8(std::string_view b) {
  std::string out;
  out.reserve(b.size() + 16);
  while (!b.empty()) {
    size_t bad = std::min(FindInvalidUtf8(b), b.size());
    out.append(b.substr(0, bad));
    if (bad == b.size()) break;
    out.append("\xEF\xBF\xBD");
    b.remove_prefix(bad + 1);
  }
  return out;
}

StatusOr<Decoded> Finish(std::string text, std::string encoding) {
  if (!IsValidUtf8(text)) return InternalError("converter produced bad UTF-8");
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  return Decoded{std::move(text), std::move(encoding)};
}

// ICU to-Unicode callback: counts the illegal or unmapped byte sequences in
// *context (a size_t*) and substitutes U+FFFD for each.
void CountAndSubstitute(const void* context, UConverterToUnicodeArgs* args,
                        const char* /*units*/, int32_t /*length*/,
                        UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone
  ++*static_cast<size_t*>(const_cast<void*>(context));
  *err = U_ZERO_ERROR;
  UChar sub = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &sub, 1, 0, err);
}

}  // namespace

StatusOr<std::string> ConvertToUtf8(std::string_view bytes,
                                    const std::string& charset,
                                    size_t* replaced) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(
      ucnv_open(charset.c_str(), &err), ucnv_close);
  if (U_FAILURE(err)) return UnsupportedError("unknown charset: " + charset);
  size_t count = 0;
  if (replaced != nullptr) {
    ucnv_setToUCallBack(conv.get(), CountAndSubstitute, &count, nullptr,
                        nullptr, &err);
  } else {
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr,
                        nullptr, &err);
  }
  std::u16string u16(bytes.size() + 16, u'\0');
  int32_t n =
      ucnv_toUChars(conv.get(), u16.data(), static_cast<int32_t>(u16.size()),
                    bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    err = U_ZERO_ERROR;
    count = 0;
    ucnv_reset(conv.get());
    u16.resize(n + 1);
    n = ucnv_toUChars(conv.get(), u16.data(), static_cast<int32_t>(u16.size()),
                      bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  }
  if (U_FAILURE(err)) {
    return CorruptionError("not valid " + charset + ": " + u_errorName(err));
  }
  if (replaced != nullptr) *replaced = count;
  std::string out;
  out.reserve(n * 2);
  for (int32_t i = 0; i < n; ++i) {
    char32_t cp = u16[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n && u16[i + 1] >= 0xDC00 &&
        u16[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (u16[++i] - 0xDC00);
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    AppendUtf8(cp, &out);
  }
  return out;
}

std::string DeclaredHtmlCharset(std::string_view html) {
  std::string head = Lower(html.substr(0, 4096));
  size_t pos = 0;
  while ((pos = head.find("charset", pos)) != std::string::npos) {
    size_t i = pos + 7;
    while (i < head.size() && (head[i] == ' ' || head[i] == '=' ||
                               head[i] == '"' || head[i] == '\'')) {
      ++i;
    }
    size_t j = i;
    while (j < head.size() &&
           (std::isalnum(static_cast<unsigned char>(head[j])) ||
            head[j] == '-' || head[j] == '_')) {
      ++j;
    }
    if (j > i && head.find('=', pos) < j) return head.substr(i, j - i);
    pos = j > pos ? j : pos + 1;
  }
  return "";
}

namespace {

// Names the damage in Decoded::encoding, where it reaches the user with the
// document ("UTF-8; 3 invalid bytes replaced with U+FFFD").
StatusOr<Decoded> FinishLenient(std::string text, std::string encoding,
                                size_t replaced, std::string_view what) {
  ASSIGN_OR_RETURN(Decoded d, Finish(std::move(text), std::move(encoding)));
  d.replaced = replaced;
  if (replaced > 0) {
    d.warning = std::to_string(replaced) + " " + std::string(what) +
                (replaced == 1 ? "" : "s") + " replaced with U+FFFD";
    d.encoding += "; " + d.warning;
  }
  return d;
}

// ICU's statistical detector over the first MiB, restricted to plausible
// encodings; the first candidate that converts cleanly wins, else the best
// one converts with substitutions when they are at most 1% of the bytes.
StatusOr<Decoded> Detect(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> det(
      ucsdet_open(&err), ucsdet_close);
  ucsdet_setText(det.get(), bytes.data(),
                 static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20)),
                 &err);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &err);
  if (U_FAILURE(err)) return InternalError("charset detection failed");
  std::string first;
  for (int32_t k = 0; k < count; ++k) {
    std::string name = ucsdet_getName(matches[k], &err);
    if (!Plausible(name)) continue;
    if (first.empty()) first = name;
    auto t = ConvertToUtf8(bytes, name);
    if (t.ok()) return Finish(std::move(*t), name);
  }
  size_t replaced = 0;
  if (!first.empty()) {
    auto t = ConvertToUtf8(bytes, first, &replaced);
    if (t.ok() && replaced * 100 <= bytes.size()) {
      return FinishLenient(std::move(*t), first, replaced, "unmapped byte");
    }
  }
  return InvalidArgumentError("undecodable: invalid UTF-8 at byte " +
                              std::to_string(FindInvalidUtf8(bytes)) +
                              " and no known legacy encoding fits");
}

}  // namespace

StatusOr<Decoded> DecodeToUtf8(std::string_view bytes, bool is_html) {
  if (bytes.empty()) return InvalidArgumentError("empty file");
  if (bytes.size() >= 2 &&
      (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    std::string cs = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    ASSIGN_OR_RETURN(std::string t, ConvertToUtf8(bytes.substr(2), cs));
    return Finish(std::move(t), cs);
  }
  if (LooksBinary(bytes)) return InvalidArgumentError("binary file");
  if (IsValidUtf8(bytes)) return Finish(std::string(bytes), "UTF-8");
  Utf8Census census = CountUtf8(bytes);
  if (DamagedUtf8(census)) {
    return FinishLenient(ReplaceInvalidUtf8(bytes), "UTF-8", census.invalid,
                         "invalid byte");
  }
  if (is_html) {
    std::string cs = DeclaredHtmlCharset(bytes);
    if (!cs.empty() && cs != "utf-8" && cs != "utf8") {
      auto t = ConvertToUtf8(bytes, cs);
      if (t.ok()) return Finish(std::move(*t), cs);
    }
  }
  return Detect(bytes);
}

}  // namespace marsad
