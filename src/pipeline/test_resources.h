// For tests only: the source tree's tables and models (Resources::
// LoadDefault, i.e. $MARSAD_DATA_DIR, which ctest sets, and models/),
// loaded once per test binary and shared by its tests, so that a suite of
// many small ingests does not read the 15 MB NER model for each.
#ifndef MARSAD_PIPELINE_TEST_RESOURCES_H_
#define MARSAD_PIPELINE_TEST_RESOURCES_H_

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "src/pipeline/resources.h"

namespace marsad {

inline const Resources& TestResources() {
  static const Resources* const resources = [] {
    auto r = Resources::LoadDefault();
    if (!r.ok()) {
      std::fprintf(stderr, "TestResources: %s\n",
                   r.status().ToString().c_str());
      std::abort();
    }
    return r->release();
  }();
  return *resources;
}

}  // namespace marsad

#endif  // MARSAD_PIPELINE_TEST_RESOURCES_H_
