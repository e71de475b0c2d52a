// The web UI's files for `marsad serve`.
//
// A file is served only if its canonical path (symlinks resolved) is inside
// the canonical web root: httplib's mount points followed a symlink in the
// web root anywhere on the disk (issue 24).
#ifndef MARSAD_SERVER_STATIC_FILES_H_
#define MARSAD_SERVER_STATIC_FILES_H_

#include <httplib.h>

#include <string>

namespace marsad {

// Answers GET `q.path` from `root` (REQUIRES: a canonical path): the file,
// index.html for a path without a dot (the app's client-side routes), or a
// JSON 404. Hashed assets under /assets/ are cached for good.
void ServeStatic(const std::string& root, const httplib::Request& q,
                 httplib::Response& res);

}  // namespace marsad

#endif  // MARSAD_SERVER_STATIC_FILES_H_
