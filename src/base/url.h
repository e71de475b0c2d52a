// Small URL helpers shared by the readers and the cleaner.
#ifndef MARSAD_BASE_URL_H_
#define MARSAD_BASE_URL_H_

#include <string>
#include <string_view>

namespace marsad {

// The host name of `url` in lower case, without port or a leading "www."
// ("https://www.Example.com:8080/a" -> "example.com"); "" when `url` has no
// scheme.
std::string UrlHostName(std::string_view url);

}  // namespace marsad

#endif  // MARSAD_BASE_URL_H_
