#include "src/ingest/decode.h"

#include <unicode/ucnv.h>
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
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Encodings the detector may choose. ICU also guesses e.g. Shift_JIS for
// short Arabic-free texts; those are never right for our inputs.
bool Plausible(std::string_view name) {
  static constexpr std::string_view kOk[] = {
      "windows-1256", "ISO-8859-6", "UTF-16LE", "UTF-16BE", "ISO-8859-1",
      "windows-1252", "ISO-8859-2", "windows-1250", "KOI8-R", "windows-1251",
      "ISO-8859-5"};
  return std::find(std::begin(kOk), std::end(kOk), name) != std::end(kOk);
}

// Share of high bytes that sit inside well-formed multi-byte UTF-8
// sequences. Text that is mostly UTF-8 with a few broken bytes is damaged
// UTF-8, not a legacy encoding: decoding it as windows-1256 would garble it.
bool MostlyUtf8(std::string_view b) {
  size_t high = 0, in_valid = 0, i = 0;
  while (i < b.size()) {
    auto c = static_cast<unsigned char>(b[i]);
    if (c < 0x80) { ++i; continue; }
    size_t next = i;
    char32_t cp = DecodeUtf8(b, &next);
    size_t len = next - i;
    high += len;
    if (cp != 0xFFFD || len == 3) in_valid += len;
    i = next;
  }
  return high >= 16 && in_valid * 10 >= high * 7;
}

StatusOr<Decoded> Finish(std::string text, std::string encoding) {
  if (!IsValidUtf8(text)) return InternalError("converter produced bad UTF-8");
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  return Decoded{std::move(text), std::move(encoding)};
}

}  // namespace

StatusOr<std::string> ConvertToUtf8(std::string_view bytes,
                                    const std::string& charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(
      ucnv_open(charset.c_str(), &err), ucnv_close);
  if (U_FAILURE(err)) return UnsupportedError("unknown charset: " + charset);
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr,
                      nullptr, &err);
  std::u16string u16(bytes.size() + 16, u'\0');
  int32_t n = ucnv_toUChars(conv.get(), u16.data(),
                            static_cast<int32_t>(u16.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    err = U_ZERO_ERROR;
    u16.resize(n + 1);
    n = ucnv_toUChars(conv.get(), u16.data(), static_cast<int32_t>(u16.size()),
                      bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  }
  if (U_FAILURE(err)) {
    return CorruptionError("not valid " + charset + ": " + u_errorName(err));
  }
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
    while (i < head.size() && (head[i] == ' ' || head[i] == '=' || head[i] == '"' ||
                               head[i] == '\'')) {
      ++i;
    }
    size_t j = i;
    while (j < head.size() && (std::isalnum(static_cast<unsigned char>(head[j])) ||
                               head[j] == '-' || head[j] == '_')) {
      ++j;
    }
    if (j > i && head.find('=', pos) < j) return head.substr(i, j - i);
    pos = j > pos ? j : pos + 1;
  }
  return "";
}

StatusOr<Decoded> DecodeToUtf8(std::string_view bytes, bool is_html) {
  if (bytes.empty()) return InvalidArgumentError("empty file");
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" ||
                            bytes.substr(0, 2) == "\xFE\xFF")) {
    std::string cs = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    ASSIGN_OR_RETURN(std::string t, ConvertToUtf8(bytes.substr(2), cs));
    return Finish(std::move(t), cs);
  }
  if (LooksBinary(bytes)) return InvalidArgumentError("binary file");
  if (IsValidUtf8(bytes)) return Finish(std::string(bytes), "UTF-8");
  if (MostlyUtf8(bytes)) {
    return InvalidArgumentError("invalid UTF-8 at byte " +
                                std::to_string(FindInvalidUtf8(bytes)));
  }
  if (is_html) {
    std::string cs = DeclaredHtmlCharset(bytes);
    if (!cs.empty() && cs != "utf-8" && cs != "utf8") {
      auto t = ConvertToUtf8(bytes, cs);
      if (t.ok()) return Finish(std::move(*t), cs);
    }
  }
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> det(
      ucsdet_open(&err), ucsdet_close);
  ucsdet_setText(det.get(), bytes.data(),
                 static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20)),
                 &err);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &err);
  if (U_FAILURE(err)) return InternalError("charset detection failed");
  for (int32_t k = 0; k < count; ++k) {
    std::string name = ucsdet_getName(matches[k], &err);
    if (!Plausible(name)) continue;
    auto t = ConvertToUtf8(bytes, name);
    if (t.ok()) return Finish(std::move(*t), name);
  }
  size_t bad = FindInvalidUtf8(bytes);
  return InvalidArgumentError("undecodable: invalid UTF-8 at byte " +
                              std::to_string(bad) +
                              " and no known legacy encoding fits");
}

}  // namespace marsad
