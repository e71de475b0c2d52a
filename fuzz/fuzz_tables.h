// The source tree's text tables for a libFuzzer target, loaded once for the
// whole run ($MARSAD_DATA_DIR, else ./data); a missing table aborts, since
// a fuzz run without them would test nothing.
#ifndef MARSAD_FUZZ_FUZZ_TABLES_H_
#define MARSAD_FUZZ_FUZZ_TABLES_H_

#include <cstdlib>

#include "src/base/data.h"
#include "src/text/tables.h"

namespace marsad {

inline const TextTables& FuzzTextTables() {
  static const TextTables* t = [] {
    auto r = TextTables::Load(DataDir());
    if (!r.ok()) abort();
    return r->release();
  }();
  return *t;
}

}  // namespace marsad

#endif  // MARSAD_FUZZ_FUZZ_TABLES_H_
