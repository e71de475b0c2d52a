#include "src/server/static_files.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "src/server/access.h"

namespace marsad {

namespace fs = std::filesystem;

namespace {

const char* MimeType(const std::string& file) {
  static const std::map<std::string, const char*> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".wasm", "application/wasm"}};
  auto it = kTypes.find(fs::path(file).extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

// The regular file that URL path `path` names under `root` (canonical), or
// "" if there is none or if its canonical path, symlinks resolved, is
// outside the root.
std::string StaticFile(const std::string& root, std::string_view path) {
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (path.empty()) path = "index.html";
  if (HasNul(path)) return "";
  std::error_code ec;
  fs::path real = fs::canonical(fs::path(root) / fs::path(path), ec);
  if (ec || !fs::is_regular_file(real, ec)) return "";
  std::string r = real.string();
  if (r.size() <= root.size() || r.compare(0, root.size(), root) != 0 ||
      r[root.size()] != '/')
    return "";
  return r;
}

}  // namespace

void ServeStatic(const std::string& root, const httplib::Request& q,
                 httplib::Response& res) {
  std::string file = StaticFile(root, q.path);
  // Client-side routes (#/story/3 needs none, but /story/3 reloads do):
  // a path that names no file gets the app's page.
  if (file.empty() && q.path.find('.') == std::string::npos)
    file = StaticFile(root, "index.html");
  if (file.empty()) {
    res.status = 404;
    res.set_content(
        R"({"error":{"code":"not_found","message":"no such file"}})",
        "application/json");
    return;
  }
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  res.set_content(ss.str(), MimeType(file));
  // Vite names every asset by its content hash: a browser may keep them
  // for good and load a page without asking again (index.html, which
  // names them, is never cached this way).
  if (q.path.rfind("/assets/", 0) == 0)
    res.set_header("Cache-Control", "public, max-age=31536000, immutable");
}

}  // namespace marsad
