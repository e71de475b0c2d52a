#include "src/base/url.h"

#include <cctype>

namespace marsad {

std::string UrlHostName(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  url.remove_prefix(scheme + 3);
  std::string host(url.substr(0, url.find_first_of("/?#:@")));
  for (char& c : host) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

}  // namespace marsad
