// libFuzzer target for the two blobs the store hands back to src/dedup and
// src/story: Fingerprint::Deserialize and StoryFeatures::Deserialize must
// reject or accept any bytes without crashing, and what they accept must
// round-trip. A story-features blob of an older version (read for stores
// written before it) is re-written in the current version: that one must
// read back and re-write to the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "src/dedup/fingerprint.h"
#include "src/story/story_features.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  if (auto fp = marsad::Fingerprint::Deserialize(in); fp.ok()) {
    if (fp->Serialize() != in) std::abort();
  }
  if (auto f = marsad::StoryFeatures::Deserialize(in); f.ok()) {
    const std::string out = f->Serialize();
    if (!out.empty() && !in.empty() && out[0] == in[0]) {
      if (out != in) std::abort();
    } else {
      auto again = marsad::StoryFeatures::Deserialize(out);
      if (!again.ok() || again->Serialize() != out) std::abort();
    }
  }
  return 0;
}
