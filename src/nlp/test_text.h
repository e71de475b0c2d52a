// For the nlp tests: the data folder's Normalizer and Segmenter (what the
// pipeline's Resources hold), loaded once per test binary. A missing table
// fails the test that asked and stops the binary.
#ifndef MARSAD_SRC_NLP_TEST_TEXT_H_
#define MARSAD_SRC_NLP_TEST_TEXT_H_

#include <gtest/gtest.h>

#include <cstdlib>

#include "src/text/normalize.h"
#include "src/text/segment.h"

namespace marsad {

inline const Normalizer& TestNormalizer() {
  static const Normalizer* n = [] {
    auto r = Normalizer::Create();
    if (!r.ok()) ADD_FAILURE() << r.status().ToString(), std::abort();
    return r->release();
  }();
  return *n;
}

inline const Segmenter& TestSegmenter() {
  static const Segmenter* s = [] {
    auto r = Segmenter::Create();
    if (!r.ok()) ADD_FAILURE() << r.status().ToString(), std::abort();
    return r->release();
  }();
  return *s;
}

}  // namespace marsad

#endif  // MARSAD_SRC_NLP_TEST_TEXT_H_
