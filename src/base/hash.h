// Fast non-cryptographic hashing (xxHash 64, from Debian's libxxhash).
#ifndef MARSAD_BASE_HASH_H_
#define MARSAD_BASE_HASH_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace marsad {

uint64_t Hash64(std::string_view data, uint64_t seed = 0);
// 16 lowercase hex digits.
std::string HashHex(uint64_t h);

// std::hash of a string that also takes a std::string_view, so that
// std::unordered_map<std::string, V, StringHash, std::equal_to<>> is looked
// up with a view, without building a std::string per lookup.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

}  // namespace marsad

#endif  // MARSAD_BASE_HASH_H_
