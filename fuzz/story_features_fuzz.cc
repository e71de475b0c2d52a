// libFuzzer target for the two blobs the store hands back to src/dedup and
// src/story: Fingerprint::Deserialize and StoryFeatures::Deserialize must
// reject or accept any bytes without crashing, and what they accept must
// round-trip.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "src/dedup/fingerprint.h"
#include "src/story/story_features.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  if (auto fp = marsad::Fingerprint::Deserialize(in); fp.ok()) {
    if (fp->Serialize() != in) std::abort();
  }
  if (auto f = marsad::StoryFeatures::Deserialize(in); f.ok()) {
    if (f->Serialize() != in) std::abort();
  }
  return 0;
}
