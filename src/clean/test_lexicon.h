// For tests only: the cleaning stage's rule tables of the source tree
// (CleanLexicon::Load(DataDir()), i.e. $MARSAD_DATA_DIR, which ctest sets),
// loaded once per test binary and shared by its tests, as
// src/text/test_tables.h does for the text tables. A clean test cleans with
// TestCleanLexicon() and TestTextTables().normalizer() (the Normalizer a
// Resources gives the clean stage is the one of its text tables).
#ifndef MARSAD_SRC_CLEAN_TEST_LEXICON_H_
#define MARSAD_SRC_CLEAN_TEST_LEXICON_H_

#include <cstdio>
#include <cstdlib>

#include "src/base/data.h"
#include "src/clean/lexicon.h"

namespace marsad {

inline const CleanLexicon& TestCleanLexicon() {
  static const CleanLexicon* const lexicon = [] {
    auto lex = CleanLexicon::Load(DataDir());
    if (!lex.ok()) {
      std::fprintf(stderr, "TestCleanLexicon: %s\n",
                   lex.status().ToString().c_str());
      std::abort();
    }
    return lex->release();
  }();
  return *lexicon;
}

}  // namespace marsad

#endif  // MARSAD_SRC_CLEAN_TEST_LEXICON_H_
