#include "src/text/stem.h"

#include "src/base/utf8.h"
#include "src/text/normalize.h"
#include "src/text/segment.h"

namespace marsad {

namespace {

bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

constexpr std::string_view kPrefixes[] = {"وال", "فال", "بال", "كال", "لل", "ال"};
constexpr std::string_view kSuffixes[] = {"ها", "ان", "ات", "ون", "ين", "يه", "يه",
                                          "ية", "ه", "ي"};

std::string StripPrefixes(std::string s) {
  if (StartsWith(s, "و") && Utf8Length(s) > 3) {
    std::string rest = s.substr(2);
    if (StartsWith(rest, "ال") || StartsWith(rest, "بال") || StartsWith(rest, "لل") ||
        Segmenter::Default().KnownStem(rest)) {
      s = rest;
    }
  }
  for (std::string_view p : kPrefixes) {
    if (StartsWith(s, p) && Utf8Length(s) - Utf8Length(p) >= 2) {
      return s.substr(p.size());
    }
  }
  return s;
}

}  // namespace

std::string LemmaKey(std::string_view word) {
  return StripPrefixes(Normalizer::Default().FoldKey(word));
}

std::string LightStem(std::string_view word) {
  std::string s = StripPrefixes(Normalizer::Default().FoldKey(word));
  for (std::string_view x : kSuffixes) {
    if (EndsWith(s, x) && Utf8Length(s) - Utf8Length(x) >= 3) {
      s.resize(s.size() - x.size());
      break;
    }
  }
  return s;
}

}  // namespace marsad
