// Helpers for end-to-end tests that run the real marsad binary.
#ifndef MARSAD_TESTS_E2E_UTIL_H_
#define MARSAD_TESTS_E2E_UTIL_H_

#include <string>

namespace marsad::e2e {

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `marsad <args>` through the shell (args are passed verbatim).
RunResult Marsad(const std::string& args);
// Runs any shell command.
RunResult Shell(const std::string& command);
// A fresh temporary folder for one test.
std::string TempDir(const std::string& name);
// ../shared (absent on machines without the shared data).
std::string SharedDir();
std::string SourceDir();

}  // namespace marsad::e2e

#endif  // MARSAD_TESTS_E2E_UTIL_H_
