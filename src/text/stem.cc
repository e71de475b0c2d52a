// Light stemming and lemma keys.
//
// LightStem follows Larkey et al.'s light10 (prefix and suffix lists on the
// folded form, with a minimum length) because for search recall matters more
// than linguistic truth, and light10 is the measured sweet spot for Arabic
// retrieval. LemmaKey is conservative instead: it removes only what the
// segmenter splits off plus the article, so that a name keeps its shape.
#include "src/text/stem.h"

#include "src/base/utf8.h"
#include "src/text/normalize.h"
#include "src/text/segment.h"
#include "src/text/tables.h"

namespace marsad {
namespace {

// Folded forms (ة→ه at the end, alef forms → ا).
constexpr std::string_view kPrefixes[] = {"وال", "بال", "كال",
                                          "فال", "لل",  "ال"};
constexpr std::string_view kSuffixes[] = {"ها", "ان", "ات", "ون",
                                          "ين", "يه", "ه",  "ي"};

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

}  // namespace

std::string LightStem(const Normalizer& normalizer, std::string_view word) {
  std::string w = normalizer.FoldKey(word);
  auto letters = [](std::string_view s) { return Utf8Length(s); };
  if (StartsWith(w, "و") && letters(w) > 3) w.erase(0, 2);
  for (std::string_view p : kPrefixes) {
    if (StartsWith(w, p) && letters(w) - letters(p) >= 2) {
      w.erase(0, p.size());
      break;
    }
  }
  for (std::string_view s : kSuffixes) {
    if (EndsWith(w, s) && letters(w) - letters(s) >= 2) {
      w.resize(w.size() - s.size());
    }
  }
  return w;
}

std::string LemmaKey(const TextTables& tables, std::string_view word) {
  return LemmaKey(tables.normalizer(), tables.segmenter(), word);
}

std::string LemmaKey(const Normalizer& normalizer, const Segmenter& segmenter,
                     std::string_view word) {
  Segmentation seg;
  segmenter.Segment(word, &seg);
  std::string w = normalizer.FoldKey(seg.stem.In(word));
  if (StartsWith(w, "ال") && Utf8Length(w) > 3)
    w.erase(0, 4);
  else if (StartsWith(w, "ل") && !seg.proclitics.empty() &&
           EndsWith(normalizer.FoldKey(seg.proclitics.In(word)), "ل") &&
           Utf8Length(w) > 3)
    w.erase(0, 2);  // لل: ل + لسلطة
  return w;
}

}  // namespace marsad
