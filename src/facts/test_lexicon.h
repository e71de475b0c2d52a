// For tests only: the facts lexicon of the source tree's tables
// (FactsLexicon::Load(), i.e. $MARSAD_DATA_DIR, which ctest sets), loaded
// once per test binary and shared by its tests. The stages after src/facts
// share a whole Resources instead (src/pipeline/test_resources.h); a facts
// test may not include src/pipeline (src/layers.tsv).
#ifndef MARSAD_SRC_FACTS_TEST_LEXICON_H_
#define MARSAD_SRC_FACTS_TEST_LEXICON_H_

#include <cstdio>
#include <cstdlib>

#include "src/facts/lexicon.h"

namespace marsad {

inline const FactsLexicon& TestFactsLexicon() {
  static const FactsLexicon* const lexicon = [] {
    auto l = FactsLexicon::Load();
    if (!l.ok()) {
      std::fprintf(stderr, "TestFactsLexicon: %s\n",
                   l.status().ToString().c_str());
      std::abort();
    }
    return l->release();
  }();
  return *lexicon;
}

}  // namespace marsad

#endif  // MARSAD_SRC_FACTS_TEST_LEXICON_H_
