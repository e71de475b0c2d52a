// For tests only: the StoreOptions a test opens a store with, holding the
// source tree's text tables (src/text/test_tables.h) that every store reads
// its search terms with (StoreOptions::text_tables) and its clean lexicon
// (src/clean/test_lexicon.h) that a search's outlet filter is read with
// (StoreOptions::clean_lexicon).
#ifndef MARSAD_STORE_TEST_STORE_H_
#define MARSAD_STORE_TEST_STORE_H_

#include "marsad/store.h"
#include "src/clean/test_lexicon.h"
#include "src/text/test_tables.h"

namespace marsad {

inline StoreOptions TestStoreOptions(bool read_only = false) {
  return StoreOptions{.read_only = read_only,
                      .text_tables = &TestTextTables(),
                      .clean_lexicon = &TestCleanLexicon()};
}

}  // namespace marsad

#endif  // MARSAD_STORE_TEST_STORE_H_
