#include "src/text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <mutex>

#include "src/base/data.h"
#include "src/base/utf8.h"

namespace marsad {

namespace {

bool IsDropped(char32_t cp) {
  return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 ||
         (cp >= 0x06D6 && cp <= 0x06ED && cp != 0x06E5 && cp != 0x06E6) ||
         (cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x08D3 && cp <= 0x08FF);
}

bool IsControl(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF || cp == 0x061C ||
         cp == 0x00AD;
}

bool IsHorizontalSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0x00A0 || cp == 0x2009 ||
         cp == 0x202F || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A);
}

std::string Utf8Of(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

}  // namespace

Span NormalizedText::ToInput(Span s) const {
  uint32_t b = offsets[s.begin];
  uint32_t e = s.end > s.begin ? offsets[s.end - 1] : b;
  // Extend the end to the end of the input code point.
  uint32_t next = offsets.back();
  for (size_t i = s.end; i < offsets.size(); ++i) {
    if (offsets[i] > e) {
      next = offsets[i];
      break;
    }
  }
  if (s.end == s.begin) next = b;
  return Span{b, next};
}

StatusOr<std::unique_ptr<const Normalizer>> Normalizer::Create() {
  std::unique_ptr<Normalizer> n(new Normalizer());
  ASSIGN_OR_RETURN(TsvRows rows, ReadDataTsv("text/fold.tsv"));
  for (const auto& row : rows) {
    char32_t cp = static_cast<char32_t>(std::stoul(row[0], nullptr, 16));
    std::string rep;
    if (row.size() > 1) {
      for (std::string_view h : Split(row[1], ' ')) {
        if (!h.empty()) AppendUtf8(static_cast<char32_t>(std::stoul(std::string(h), nullptr, 16)), &rep);
      }
    }
    n->fold_[cp] = rep;
  }
  // Presentation forms: NFKC once, at startup, with ICU; the fold map then
  // applies to the decomposed letters.
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  if (U_FAILURE(err)) return InternalError("ICU NFKC unavailable");
  auto add_nfkc = [&](char32_t lo, char32_t hi) {
    for (char32_t cp = lo; cp <= hi; ++cp) {
      icu::UnicodeString src(static_cast<UChar32>(cp));
      icu::UnicodeString dst = nfkc->normalize(src, err);
      if (U_FAILURE(err)) { err = U_ZERO_ERROR; continue; }
      if (dst == src) continue;
      std::string d = Utf8Of(dst);
      n->display_[cp] = d;
      std::string f;
      size_t i = 0;
      while (i < d.size()) n->FoldCodePoint(DecodeUtf8(d, &i), &f);
      n->fold_[cp] = f;
    }
  };
  add_nfkc(0xFB50, 0xFDFF);
  add_nfkc(0xFE70, 0xFEFC);
  add_nfkc(0xFF01, 0xFF5E);  // fullwidth ASCII
  n->fold_index_.assign(0x10000, 0);
  for (const auto& [cp, rep] : n->fold_) {
    if (cp >= 0x10000) continue;
    n->fold_strings_.push_back(rep);
    n->fold_index_[cp] = static_cast<uint16_t>(n->fold_strings_.size());
  }
  return std::unique_ptr<const Normalizer>(std::move(n));
}

const Normalizer& Normalizer::Default() {
  static const Normalizer* instance = [] {
    auto n = Create();
    if (n.ok()) return n->release();
    return static_cast<const Normalizer*>(new Normalizer());
  }();
  return *instance;
}

void Normalizer::FoldCodePoint(char32_t cp, std::string* out) const {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '\'') c = '"';
    out->push_back(c);
    return;
  }
  if (IsDropped(cp) || IsControl(cp)) return;
  if (cp < fold_index_.size()) {
    uint16_t k = fold_index_[cp];
    if (k) out->append(fold_strings_[k - 1]);
    else AppendUtf8(cp, out);
    return;
  }
  auto it = fold_.find(cp);
  if (it != fold_.end()) {
    out->append(it->second);
    return;
  }
  AppendUtf8(cp, out);
}

// A hot loop: one pass, an ASCII fast path, no allocation per character
// beyond the output buffers' growth.
void Normalizer::Run(std::string_view in, bool fold, NormalizedText* out) const {
  out->text.clear();
  out->offsets.clear();
  out->text.reserve(in.size());
  out->offsets.reserve(in.size() + 1);
  bool pending_space = false;
  uint32_t space_at = 0;
  size_t i = 0;
  auto emit = [&](std::string_view bytes, uint32_t at) {
    if (pending_space) {
      if (!out->text.empty() && out->text.back() != '\n') {
        out->text.push_back(' ');
        out->offsets.push_back(space_at);
      }
      pending_space = false;
    }
    for (char c : bytes) {
      out->text.push_back(c);
      out->offsets.push_back(at);
    }
  };
  std::string buf;
  while (i < in.size()) {
    uint32_t at = static_cast<uint32_t>(i);
    char32_t cp = DecodeUtf8(in, &i);
    if (cp == '\r') {
      if (i < in.size() && in[i] == '\n') continue;  // \r\n -> \n
      cp = '\n';
    }
    if (cp == '\n') {
      pending_space = false;
      emit("\n", at);
      continue;
    }
    if (IsHorizontalSpace(cp)) {
      if (!pending_space) space_at = at;
      pending_space = true;
      continue;
    }
    if (IsControl(cp)) continue;
    buf.clear();
    if (fold) {
      FoldCodePoint(cp, &buf);
    } else {
      auto it = display_.find(cp);
      if (it != display_.end()) buf = it->second;
      else AppendUtf8(cp, &buf);
    }
    if (!buf.empty()) emit(buf, at);
  }
  out->offsets.push_back(static_cast<uint32_t>(in.size()));
}

void Normalizer::Display(std::string_view in, NormalizedText* out) const {
  Run(in, false, out);
}

void Normalizer::Fold(std::string_view in, NormalizedText* out) const {
  Run(in, true, out);
}

std::string Normalizer::FoldKey(std::string_view in) const {
  NormalizedText n;
  Run(in, true, &n);
  return std::move(n.text);
}

}  // namespace marsad
