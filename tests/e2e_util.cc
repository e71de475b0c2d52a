#include "tests/e2e_util.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace marsad::e2e {

namespace fs = std::filesystem;

RunResult Shell(const std::string& command) {
  static int counter = 0;
  std::string err_path = fs::temp_directory_path() /
                         ("marsad_e2e_err_" + std::to_string(::getpid()) + "_" +
                          std::to_string(counter++));
  RunResult r;
  std::string full = "(" + command + ") 2>" + err_path;
  FILE* p = popen(full.c_str(), "r");
  if (p == nullptr) return r;
  char buf[1 << 14];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_path);
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  fs::remove(err_path);
  return r;
}

RunResult Marsad(const std::string& args) {
  return Shell(std::string("MARSAD_DATA_DIR=") + MARSAD_SOURCE_DIR + "/data " +
               MARSAD_BINARY + " " + args);
}

std::string TempDir(const std::string& name) {
  fs::path p = fs::temp_directory_path() /
               ("marsad_e2e_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

std::string SharedDir() { return MARSAD_SHARED_DIR; }
std::string SourceDir() { return MARSAD_SOURCE_DIR; }

}  // namespace marsad::e2e
