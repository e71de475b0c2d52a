// File-system helpers: whole-file reads and atomic writes, gzip aware.
#ifndef MARSAD_BASE_FILE_H_
#define MARSAD_BASE_FILE_H_

#include <string>
#include <string_view>

#include "marsad/status.h"

namespace marsad {

// Reads the whole file. Fails with IOError (with the path) if unreadable.
StatusOr<std::string> ReadFile(const std::string& path);

// Writes `data` to `path` through a temporary file and rename.
Status WriteFileAtomic(const std::string& path, std::string_view data);

// True if `data` starts with the gzip magic bytes.
bool IsGzip(std::string_view data);

// Inflates a gzip (or concatenated multi-member gzip) buffer.
// Fails with Corruption if the stream is damaged, and InvalidArgument if the
// output would exceed `max_output` bytes (a guard against gzip bombs).
StatusOr<std::string> Gunzip(std::string_view data,
                             size_t max_output = size_t{4} << 30);

}  // namespace marsad

#endif  // MARSAD_BASE_FILE_H_
