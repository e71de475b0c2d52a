#include "src/text/tokenize.h"

#include "src/base/utf8.h"

namespace marsad {

namespace {

enum class Cls { kSpace, kArabic, kLatin, kDigit, kMark, kPunct, kSymbol };

bool IsArabicDigit(char32_t cp) {
  return (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9);
}

Cls ClassOf(char32_t cp) {
  if (cp < 0x80) {
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') return Cls::kSpace;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return Cls::kLatin;
    if (cp >= '0' && cp <= '9') return Cls::kDigit;
    if (cp == '_' ) return Cls::kLatin;
    if (cp == '$' || cp == '%' || cp == '+' || cp == '=' || cp == '<' || cp == '>' ||
        cp == '|' || cp == '^' || cp == '~' || cp == '`' || cp == '&' || cp == '*' ||
        cp == '@' || cp == '#') {
      return Cls::kSymbol;
    }
    return Cls::kPunct;
  }
  if (IsArabicDigit(cp)) return Cls::kDigit;
  if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640 ||
      (cp >= 0x06D6 && cp <= 0x06ED) || (cp >= 0x0610 && cp <= 0x061A) ||
      (cp >= 0x200C && cp <= 0x200D)) {
    return Cls::kMark;
  }
  if (IsArabicLetter(cp)) return Cls::kArabic;
  if (cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x3000 ||
      cp == 0xFEFF) {
    return Cls::kSpace;
  }
  if ((cp >= 0x00C0 && cp <= 0x024F) || (cp >= 0x0370 && cp <= 0x052F)) return Cls::kLatin;
  if (cp == 0x060C || cp == 0x061B || cp == 0x061F || cp == 0x06D4 || cp == 0x066B ||
      cp == 0x066C || (cp >= 0x2010 && cp <= 0x205E) || cp == 0x00AB || cp == 0x00BB) {
    return Cls::kPunct;
  }
  return Cls::kSymbol;
}

bool StartsWithAt(std::string_view t, size_t i, std::string_view p) {
  if (i + p.size() > t.size()) return false;
  for (size_t k = 0; k < p.size(); ++k) {
    char c = t[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != p[k]) return false;
  }
  return true;
}

// End of a URL starting at i: up to whitespace or a closing bracket/quote.
size_t UrlEnd(std::string_view t, size_t i) {
  size_t j = i;
  while (j < t.size()) {
    unsigned char c = static_cast<unsigned char>(t[j]);
    if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == ')' || c == ']') break;
    if (c >= 0x80) {  // stop at Arabic punctuation or space-like characters
      size_t k = j;
      char32_t cp = DecodeUtf8(t, &k);
      if (ClassOf(cp) == Cls::kSpace || cp == 0x060C || cp == 0x061B) break;
      j = k;
      continue;
    }
    ++j;
  }
  while (j > i && (t[j - 1] == '.' || t[j - 1] == ',' || t[j - 1] == ';' || t[j - 1] == ':')) --j;
  return j;
}

}  // namespace

bool IsArabicLetter(char32_t cp) {
  return (cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A) ||
         (cp >= 0x066E && cp <= 0x06D3) || cp == 0x06D5 || (cp >= 0x06EE && cp <= 0x06EF) ||
         (cp >= 0x06FA && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
         (cp >= 0x08A0 && cp <= 0x08C9) || (cp >= 0xFB50 && cp <= 0xFDFB) ||
         (cp >= 0xFE70 && cp <= 0xFEFC);
}

// A hand-written scanner (a state machine over code-point classes).
void Tokenize(std::string_view t, std::vector<Token>* out) {
  out->clear();
  size_t i = 0;
  while (i < t.size()) {
    size_t start = i;
    if (StartsWithAt(t, i, "http://") || StartsWithAt(t, i, "https://") ||
        StartsWithAt(t, i, "www.")) {
      i = UrlEnd(t, i);
      out->push_back({Span{uint32_t(start), uint32_t(i)}, TokenKind::kUrl});
      continue;
    }
    size_t next = i;
    char32_t cp = DecodeUtf8(t, &next);
    Cls c = ClassOf(cp);
    if (c == Cls::kSpace) {
      i = next;
      continue;
    }
    if (c == Cls::kArabic || c == Cls::kLatin || c == Cls::kMark) {
      bool latin = c == Cls::kLatin;
      i = next;
      while (i < t.size()) {
        size_t k = i;
        char32_t d = DecodeUtf8(t, &k);
        Cls dc = ClassOf(d);
        if (dc == Cls::kArabic || dc == Cls::kMark || dc == Cls::kLatin ||
            (latin && dc == Cls::kDigit)) {
          if (dc == Cls::kLatin) latin = true;
          i = k;
          continue;
        }
        // e-mail: word@word.tld
        if (d == '@' && latin && k < t.size() && ClassOf(static_cast<unsigned char>(t[k])) == Cls::kLatin) {
          size_t e = k;
          while (e < t.size() && (std::isalnum(static_cast<unsigned char>(t[e])) || t[e] == '.' ||
                                  t[e] == '-' || t[e] == '_')) {
            ++e;
          }
          while (e > k && t[e - 1] == '.') --e;
          out->push_back({Span{uint32_t(start), uint32_t(e)}, TokenKind::kEmail});
          i = e;
          latin = false;
          start = std::string_view::npos;
          break;
        }
        // inner apostrophe or hyphen in Latin words: O'Brien, al-Assad
        if (latin && (d == '\'' || d == '-') && k < t.size() &&
            ClassOf(static_cast<unsigned char>(t[k])) == Cls::kLatin) {
          i = k;
          continue;
        }
        break;
      }
      if (start == std::string_view::npos) continue;
      out->push_back({Span{uint32_t(start), uint32_t(i)},
                      latin ? TokenKind::kLatin : TokenKind::kWord});
      continue;
    }
    if (c == Cls::kDigit) {
      i = next;
      while (i < t.size()) {
        size_t k = i;
        char32_t d = DecodeUtf8(t, &k);
        if (ClassOf(d) == Cls::kDigit) {
          i = k;
          continue;
        }
        if (d == '.' || d == ',' || d == 0x066B || d == 0x066C) {
          size_t m = k;
          if (m < t.size() && ClassOf(DecodeUtf8(t, &m)) == Cls::kDigit) {
            i = k;
            continue;
          }
        }
        break;
      }
      out->push_back({Span{uint32_t(start), uint32_t(i)}, TokenKind::kNumber});
      continue;
    }
    if (cp == '#' && next < t.size()) {
      size_t k = next;
      char32_t d = DecodeUtf8(t, &k);
      Cls dc = ClassOf(d);
      if (dc == Cls::kArabic || dc == Cls::kLatin) {
        i = k;
        while (i < t.size()) {
          size_t m = i;
          Cls e = ClassOf(DecodeUtf8(t, &m));
          if (e == Cls::kArabic || e == Cls::kLatin || e == Cls::kDigit || e == Cls::kMark) {
            i = m;
          } else if (t[i] == '_') {
            i = m;
          } else {
            break;
          }
        }
        out->push_back({Span{uint32_t(start), uint32_t(i)}, TokenKind::kHashtag});
        continue;
      }
    }
    i = next;
    out->push_back({Span{uint32_t(start), uint32_t(i)},
                    c == Cls::kPunct ? TokenKind::kPunct : TokenKind::kSymbol});
  }
}

void SplitSentences(std::string_view t, std::vector<Span>* out) {
  out->clear();
  std::vector<Token> toks;
  Tokenize(t, &toks);
  size_t begin_tok = 0;
  int paren_depth = 0;
  auto flush = [&](size_t end_tok) {  // tokens [begin_tok, end_tok)
    if (end_tok > begin_tok) {
      out->push_back(Span{toks[begin_tok].span.begin, toks[end_tok - 1].span.end});
    }
    begin_tok = end_tok;
  };
  for (size_t k = 0; k < toks.size(); ++k) {
    const Token& tk = toks[k];
    // A line break between tokens ends a sentence.
    if (k > begin_tok) {
      std::string_view gap = t.substr(toks[k - 1].span.end, tk.span.begin - toks[k - 1].span.end);
      if (gap.find('\n') != std::string_view::npos) {
        flush(k);
        paren_depth = 0;
      }
    }
    std::string_view s = tk.span.In(t);
    if (tk.kind != TokenKind::kPunct) continue;
    if (s == "(") ++paren_depth;
    if (s == ")" && paren_depth > 0) --paren_depth;
    bool terminal = s == "." || s == "!" || s == "?" || s == "؟" || s == "…";
    if (!terminal || paren_depth > 0) continue;
    // Single-letter abbreviation before a period: د. ب. أ.
    if (s == "." && k > 0 && toks[k - 1].kind == TokenKind::kWord &&
        Utf8Length(toks[k - 1].span.In(t)) == 1) {
      continue;
    }
    size_t end = k + 1;
    // Keep closing quotes and brackets with the sentence.
    while (end < toks.size() && toks[end].kind == TokenKind::kPunct) {
      std::string_view p = toks[end].span.In(t);
      if (p == "\"" || p == "”" || p == "»" || p == "’" || p == ")" || p == "'" ||
          p == "." || p == "!" || p == "?" || p == "؟") {
        ++end;
      } else {
        break;
      }
    }
    flush(end);
    k = end - 1;
  }
  flush(toks.size());
}

}  // namespace marsad
