// Who may use `marsad serve`: bearer tokens with roles, and the Host
// header a loopback server answers (against DNS rebinding).
//
// Roles are ordered: admin includes ingest, which includes read. With no
// token configured the API is open for reading (loopback by default), and
// POST /api/ingest needs --ingest-token; with a token file every /api/
// request needs a token of the role it asks for. The web UI's static files
// hold no data and are always served.
#ifndef MARSAD_SERVER_ACCESS_H_
#define MARSAD_SERVER_ACCESS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "marsad/status.h"

namespace marsad {

enum class Role { kNone = 0, kRead = 1, kIngest = 2, kAdmin = 3 };

const char* RoleName(Role role);

class TokenTable {
 public:
  // `text`: lines "token<TAB>role" (role read, ingest or admin); blank
  // lines and lines starting with '#' are skipped. Tokens shorter than 16
  // bytes, or holding spaces, are refused. `origin` names the source in
  // errors.
  static StatusOr<TokenTable> Parse(std::string_view text,
                                    std::string_view origin);
  // MARSAD_TOKENS: "token:role,token:role".
  static StatusOr<TokenTable> ParseList(std::string_view list);

  void Add(std::string token, Role role);
  void Merge(const TokenTable& other);
  bool empty() const { return tokens_.empty(); }
  // Whether some token may ingest.
  bool AllowsIngest() const;
  size_t size() const { return tokens_.size(); }

  // The role of the token in an "Authorization: Bearer T" value; kNone if
  // it is absent or unknown. Compares in time independent of where a
  // token differs.
  Role RoleOf(std::string_view authorization) const;

 private:
  std::vector<std::pair<std::string, Role>> tokens_;
};

// 127.0.0.0/8, ::1 or "localhost".
bool IsLoopbackAddress(std::string_view host);

// Whether a request whose Host header is `host_header` may be answered by a
// server bound to `bind`. Bound to loopback: only localhost, 127.0.0.1 and
// [::1] (any port) and the names in `allowed`. Bound elsewhere: any Host
// when `allowed` is empty, else those names, loopback names and IP
// literals (a rebinding attack always names its own domain). A request
// without Host (HTTP/1.0) is answered: no browser sends one.
bool HostAllowed(std::string_view host_header, std::string_view bind,
                 const std::vector<std::string>& allowed);

// Whether any byte of `s` is NUL.
inline bool HasNul(std::string_view s) {
  return s.find('\0') != std::string_view::npos;
}

}  // namespace marsad

#endif  // MARSAD_SERVER_ACCESS_H_
