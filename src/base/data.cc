#include "src/base/data.h"

#include <unistd.h>

#include <filesystem>

#include "src/base/file.h"

namespace marsad {

namespace fs = std::filesystem;

namespace {

// $env; <exe>/../share/marsad/<installed>; else `source` (compiled in).
std::string FindDir(const char* env_name, const char* installed_name,
                    const char* source) {
  if (const char* env = std::getenv(env_name); env && *env) {
    return std::string(env);
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed =
        exe.parent_path() / ".." / "share" / "marsad" / installed_name;
    if (fs::is_directory(installed, ec)) return installed.string();
  }
  return std::string(source);
}

std::string Join(const std::string& dir, std::string_view relative) {
  std::string p = dir;
  p += '/';
  p += relative;
  return p;
}

}  // namespace

std::string DataDir() {
  static const std::string dir =
      FindDir("MARSAD_DATA_DIR", "data", MARSAD_SOURCE_DATA_DIR);
  return dir;
}

std::string DataPath(std::string_view relative) {
  return Join(DataDir(), relative);
}

std::string ModelDir() {
  static const std::string dir =
      FindDir("MARSAD_MODEL_DIR", "models", MARSAD_SOURCE_MODEL_DIR);
  return dir;
}

std::string ModelPath(std::string_view relative) {
  return Join(ModelDir(), relative);
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

std::string_view Trim(std::string_view s) {
  auto ws = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
           c == '\v';
  };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}

StatusOr<TsvRows> ReadTsv(const std::string& path) {
  ASSIGN_OR_RETURN(std::string content, ReadFile(path));
  TsvRows rows;
  for (std::string_view line : Split(content, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || line.front() == '#') continue;
    std::vector<std::string> row;
    for (std::string_view f : Split(line, '\t')) row.emplace_back(f);
    rows.push_back(std::move(row));
  }
  return rows;
}

StatusOr<TsvRows> ReadDataTsv(std::string_view relative) {
  return ReadTsv(DataPath(relative));
}

Status ForEachTsvRow(
    const std::string& path, size_t min_fields,
    const std::function<Status(const std::vector<std::string>&)>& fn) {
  ASSIGN_OR_RETURN(TsvRows rows, ReadTsv(path));
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].size() < min_fields) {
      return CorruptionError(path + ": data row " + std::to_string(i + 1) +
                             " has fewer than " + std::to_string(min_fields) +
                             " fields");
    }
    Status st = fn(rows[i]);
    if (!st.ok()) return st.WithContext(path);
  }
  return Status::OK();
}

}  // namespace marsad
