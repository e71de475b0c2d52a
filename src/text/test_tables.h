// For tests only: the text core's tables of the source tree
// (TextTables::Load(DataDir()), i.e. $MARSAD_DATA_DIR, which ctest sets,
// with a Normalizer and Segmenter of their own), loaded once per test
// binary and shared by its tests. The stages after src/text that need a
// whole Resources share src/pipeline/test_resources.h instead.
#ifndef MARSAD_SRC_TEXT_TEST_TABLES_H_
#define MARSAD_SRC_TEXT_TEST_TABLES_H_

#include <cstdio>
#include <cstdlib>

#include "src/base/data.h"
#include "src/text/tables.h"

namespace marsad {

inline const TextTables& TestTextTables() {
  static const TextTables* const tables = [] {
    auto t = TextTables::Load(DataDir());
    if (!t.ok()) {
      std::fprintf(stderr, "TestTextTables: %s\n",
                   t.status().ToString().c_str());
      std::abort();
    }
    return t->release();
  }();
  return *tables;
}

}  // namespace marsad

#endif  // MARSAD_SRC_TEXT_TEST_TABLES_H_
