// Fast non-cryptographic hashing (xxHash 64, from Debian's libxxhash).
#ifndef MARSAD_BASE_HASH_H_
#define MARSAD_BASE_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace marsad {

uint64_t Hash64(std::string_view data, uint64_t seed = 0);
// 16 lowercase hex digits.
std::string HashHex(uint64_t h);

}  // namespace marsad

#endif  // MARSAD_BASE_HASH_H_
