// For tests only: the story features' tables of the source tree
// (StoryTables::Load(DataDir()) over TestTextTables()), loaded once per test
// binary and shared by its tests.
#ifndef MARSAD_SRC_STORY_TEST_TABLES_H_
#define MARSAD_SRC_STORY_TEST_TABLES_H_

#include <cstdio>
#include <cstdlib>

#include "src/base/data.h"
#include "src/story/story_tables.h"
#include "src/text/test_tables.h"

namespace marsad {

inline const StoryTables& TestStoryTables() {
  static const StoryTables* const tables = [] {
    auto t = StoryTables::Load(DataDir(), TestTextTables());
    if (!t.ok()) {
      std::fprintf(stderr, "TestStoryTables: %s\n",
                   t.status().ToString().c_str());
      std::abort();
    }
    return t->release();
  }();
  return *tables;
}

}  // namespace marsad

#endif  // MARSAD_SRC_STORY_TEST_TABLES_H_
