#include "src/clean/dates.h"

#include <cstdio>
#include <vector>

#include "src/base/data.h"
#include "src/clean/lexicon.h"

namespace marsad {
namespace {

bool ValidYmd(int y, int m, int d) {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

std::string Ymd(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Reads exactly n ASCII digits at s[*i].
bool Digits(std::string_view s, size_t* i, int n, int* v) {
  if (*i + n > s.size()) return false;
  int x = 0;
  for (int k = 0; k < n; ++k) {
    char c = s[*i + k];
    if (c < '0' || c > '9') return false;
    x = x * 10 + (c - '0');
  }
  *i += n;
  *v = x;
  return true;
}

// ISO 8601 at the start of `s`: date, optional time and zone.
std::string ParseIso(std::string_view s) {
  size_t i = 0;
  int y, m, d;
  if (!Digits(s, &i, 4, &y) || i >= s.size() || (s[i] != '-' && s[i] != '/'))
    return "";
  char sep = s[i++];
  if (!Digits(s, &i, 2, &m) || i >= s.size() || s[i++] != sep ||
      !Digits(s, &i, 2, &d)) {
    return "";
  }
  if (!ValidYmd(y, m, d)) return "";
  std::string out = Ymd(y, m, d);
  if (i >= s.size() || (s[i] != 'T' && s[i] != ' ')) return out;
  size_t t = i + 1;
  int hh, mm, ss = -1;
  if (!Digits(s, &t, 2, &hh) || t >= s.size() || s[t++] != ':' ||
      !Digits(s, &t, 2, &mm)) {
    return out;
  }
  if (t < s.size() && s[t] == ':') {
    ++t;
    if (!Digits(s, &t, 2, &ss)) return out;
    while (t < s.size() && (s[t] == '.' || (s[t] >= '0' && s[t] <= '9'))) ++t;
  }
  if (hh > 23 || mm > 59 || ss > 60) return out;
  char buf[32];
  if (ss >= 0) {
    std::snprintf(buf, sizeof(buf), "T%02d:%02d:%02d", hh, mm, ss);
  } else {
    std::snprintf(buf, sizeof(buf), "T%02d:%02d", hh, mm);
  }
  out += buf;
  if (t < s.size() && s[t] == 'Z') {
    out += 'Z';
  } else if (t < s.size() && (s[t] == '+' || s[t] == '-')) {
    char sign = s[t++];
    int zh, zm = 0;
    if (Digits(s, &t, 2, &zh)) {
      if (t < s.size() && s[t] == ':') ++t;
      Digits(s, &t, 2, &zm);
      std::snprintf(buf, sizeof(buf), "%c%02d:%02d", sign, zh, zm);
      out += buf;
    }
  }
  return out;
}

struct Field {
  int value;
  bool month_name;
};

// Fields of the key: numbers and month names, in order.
std::vector<Field> Fields(const CleanLexicon& lex, std::string_view key) {
  std::vector<Field> out;
  std::vector<std::string_view> words = Split(key, ' ');
  for (size_t w = 0; w < words.size(); ++w) {
    std::string_view word = words[w];
    if (word.empty()) continue;
    if (word[0] >= '0' && word[0] <= '9') {
      int v = 0;
      size_t k = 0;
      while (k < word.size() && word[k] >= '0' && word[k] <= '9' && k < 9) {
        v = v * 10 + (word[k++] - '0');
      }
      out.push_back({v, false});
      continue;
    }
    if (w + 1 < words.size()) {
      std::string two = std::string(word) + ' ' + std::string(words[w + 1]);
      if (int month = lex.Month(two)) {
        out.push_back({month, true});
        ++w;
        continue;
      }
    }
    if (int month = lex.Month(word)) {
      out.push_back({month, true});
    } else {
      out.push_back({-1, false});  // a word that breaks a date
    }
  }
  return out;
}

std::string FromFields(const std::vector<Field>& f) {
  for (size_t i = 0; i + 2 < f.size(); ++i) {
    const Field &a = f[i], &b = f[i + 1], &c = f[i + 2];
    if (a.value < 0 || b.value < 0 || c.value < 0) continue;
    if (b.month_name && !a.month_name && !c.month_name) {  // 14 نوفمبر 2017
      if (ValidYmd(c.value, b.value, a.value))
        return Ymd(c.value, b.value, a.value);
      if (ValidYmd(a.value, b.value, c.value))
        return Ymd(a.value, b.value, c.value);
    } else if (a.month_name && !b.month_name && !c.month_name) {  // Nov 14 2017
      if (ValidYmd(c.value, a.value, b.value))
        return Ymd(c.value, a.value, b.value);
    } else if (!a.month_name && !b.month_name && !c.month_name) {
      if (a.value > 31 && ValidYmd(a.value, b.value, c.value)) {
        return Ymd(a.value, b.value, c.value);
      }
      if (b.value > 12 && ValidYmd(c.value, a.value, b.value)) {
        return Ymd(c.value, a.value, b.value);
      }
      if (ValidYmd(c.value, b.value, a.value))
        return Ymd(c.value, b.value, a.value);
    }
  }
  return "";
}

}  // namespace

std::string ParseMetaDate(const CleanLexicon& lex, std::string_view s) {
  std::string key;
  FurnitureKey(s, &key);  // folds Arabic-Indic digits too
  // Try ISO on the raw text with its punctuation, digits folded.
  std::string ascii;
  ascii.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xD9 && i + 1 < s.size()) {
      unsigned char n = static_cast<unsigned char>(s[i + 1]);
      if (n >= 0xA0 && n <= 0xA9) {  // U+0660..U+0669
        ascii.push_back(static_cast<char>('0' + (n - 0xA0)));
        ++i;
        continue;
      }
    }
    ascii.push_back(static_cast<char>(c));
  }
  std::string_view t = Trim(ascii);
  for (size_t i = 0; i + 10 <= t.size(); ++i) {
    if (t[i] >= '0' && t[i] <= '9' &&
        (i == 0 || t[i - 1] < '0' || t[i - 1] > '9')) {
      std::string iso = ParseIso(t.substr(i));
      if (!iso.empty()) return iso;
    }
  }
  return FromFields(Fields(lex, key));
}

std::string DateFromUrl(std::string_view url) {
  for (size_t i = 0; i + 8 <= url.size(); ++i) {
    if (url[i] != '/' && url[i] != '-' && url[i] != '_') continue;
    size_t p = i + 1;
    int y, m, d;
    if (!Digits(url, &p, 4, &y) || y < 1990 || y > 2100 || p >= url.size())
      continue;
    char sep = url[p];
    if (sep == '/' || sep == '-' || sep == '_') {
      ++p;
      if (!Digits(url, &p, 2, &m)) {
        if (!Digits(url, &p, 1, &m)) continue;
      }
      if (p >= url.size() || url[p] != sep) continue;
      ++p;
      if (!Digits(url, &p, 2, &d)) {
        if (!Digits(url, &p, 1, &d)) continue;
      }
      if (p < url.size() && url[p] >= '0' && url[p] <= '9') continue;
      if (ValidYmd(y, m, d)) return Ymd(y, m, d);
    } else if (Digits(url, &p, 2, &m) && Digits(url, &p, 2, &d) &&
               (p >= url.size() || url[p] < '0' || url[p] > '9')) {
      if (ValidYmd(y, m, d)) return Ymd(y, m, d);
    }
  }
  return "";
}

}  // namespace marsad
