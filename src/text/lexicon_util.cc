#include "src/text/lexicon_util.h"

#include <cstdlib>

namespace marsad::text_internal {

std::string_view StripProclitics(std::string_view key, bool* had_wa) {
  *had_wa = false;
  std::string_view k = key;
  if (k.size() > 4 && (StartsWith(k, "و") || StartsWith(k, "ف"))) {
    *had_wa = StartsWith(k, "و");
    k.remove_prefix(2);
  }
  if (k.size() > 4 && (StartsWith(k, "ب") || StartsWith(k, "ل")) &&
      !StartsWith(k, "ال")) {
    if (StartsWith(k, "لل")) {
      k.remove_prefix(4);
      return k;
    }
    k.remove_prefix(2);
  }
  if (k.size() > 6 && StartsWith(k, "ال")) k.remove_prefix(4);
  return k;
}

bool ParseDigits(std::string_view key, double* value) {
  std::string clean;
  size_t commas = 0, dots = 0;
  for (char c : key) {
    if (c == ',') ++commas;
    if (c == '.') ++dots;
  }
  // "1,500" and "1.500.000" group thousands; "2,5" and "3.5" are decimals.
  for (size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    if (c >= '0' && c <= '9') {
      clean.push_back(c);
      continue;
    }
    size_t digits_after = 0;
    while (i + 1 + digits_after < key.size() &&
           key[i + 1 + digits_after] >= '0' && key[i + 1 + digits_after] <= '9')
      ++digits_after;
    bool grouping = digits_after == 3 &&
                    ((c == ',' && dots == 0) || (c == ',' && commas > 1) ||
                     (c == '.' && dots > 1));
    if (!grouping) clean.push_back('.');
  }
  if (clean.empty()) return false;
  char* end = nullptr;
  *value = std::strtod(clean.c_str(), &end);
  return end && *end == '\0';
}

}  // namespace marsad::text_internal
