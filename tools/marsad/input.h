// Reading a command's input: a file, or standard input for "-".
#ifndef MARSAD_TOOLS_MARSAD_INPUT_H_
#define MARSAD_TOOLS_MARSAD_INPUT_H_

#include <string>

#include "marsad/status.h"

namespace marsad {

// The bytes of `path`, or of standard input for "-".
StatusOr<std::string> ReadInputBytes(const std::string& path);

// The text of `path` (or standard input) as UTF-8, decoded as ingest decodes
// a text file (src/ingest/decode.h): a BOM or windows-1256 is converted; an
// empty, binary or undecodable input is an InvalidArgument error that says
// which.
StatusOr<std::string> ReadTextInput(const std::string& path);

}  // namespace marsad

#endif  // MARSAD_TOOLS_MARSAD_INPUT_H_
