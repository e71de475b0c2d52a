// Test support shared by the watch tests (src/watch/watch_test.cc) and the
// end-to-end watch tests (tests/e2e_watch_test.cc). Header-only; tests only.
#ifndef MARSAD_SRC_WATCH_TESTING_H_
#define MARSAD_SRC_WATCH_TESTING_H_

#include <gtest/gtest.h>
#include <iconv.h>

#include <string>

namespace marsad::testing_watch {

// UTF-8 -> windows-1256, as an Arabic site on an old CMS would serve it.
inline std::string ToCp1256(const std::string& utf8) {
  iconv_t cd = iconv_open("WINDOWS-1256", "UTF-8");
  std::string in = utf8, out(utf8.size() * 2 + 16, '\0');
  char* ip = in.data();
  char* op = out.data();
  size_t il = in.size(), ol = out.size();
  size_t rc = iconv(cd, &ip, &il, &op, &ol);
  iconv_close(cd);
  EXPECT_NE(rc, static_cast<size_t>(-1)) << "not representable in windows-1256";
  out.resize(out.size() - ol);
  return out;
}

}  // namespace marsad::testing_watch

#endif  // MARSAD_SRC_WATCH_TESTING_H_
