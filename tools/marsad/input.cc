#include "tools/marsad/input.h"

#include <iostream>
#include <iterator>

#include "src/base/file.h"
#include "src/ingest/decode.h"

namespace marsad {

StatusOr<std::string> ReadInputBytes(const std::string& path) {
  if (path != "-") return ReadFile(path);
  std::string data((std::istreambuf_iterator<char>(std::cin)),
                   std::istreambuf_iterator<char>());
  if (std::cin.bad()) return IOError("cannot read standard input");
  return data;
}

StatusOr<std::string> ReadTextInput(const std::string& path) {
  ASSIGN_OR_RETURN(std::string bytes, ReadInputBytes(path));
  auto decoded = DecodeToUtf8(bytes, /*is_html=*/false);
  if (!decoded.ok())
    return decoded.status().WithContext(path == "-" ? "stdin" : path);
  return std::move(decoded->text);
}

}  // namespace marsad
