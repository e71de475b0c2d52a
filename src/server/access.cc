#include "src/server/access.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>

namespace marsad {

namespace {

StatusOr<Role> ParseRole(std::string_view s) {
  if (s == "read") return Role::kRead;
  if (s == "ingest") return Role::kIngest;
  if (s == "admin") return Role::kAdmin;
  return InvalidArgumentError("unknown role \"" + std::string(s) +
                              "\" (read, ingest or admin)");
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

Status CheckToken(std::string_view token, std::string_view where) {
  if (token.size() < 16)
    return InvalidArgumentError(std::string(where) +
                                ": a token must have at least 16 bytes");
  for (char c : token) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '\0')
      return InvalidArgumentError(std::string(where) +
                                  ": a token holds no space");
  }
  return Status::OK();
}

// Equal strings, in time that depends on the lengths only.
bool SameSecret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= a[i] ^ b[i];
  return diff == 0;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(c));
  return out;
}

// The host part of a Host header: "[::1]:8080" -> "[::1]", "a:80" -> "a".
std::string_view HostPart(std::string_view h) {
  if (!h.empty() && h.front() == '[') {
    size_t close = h.find(']');
    return close == std::string_view::npos ? h : h.substr(0, close + 1);
  }
  size_t colon = h.find(':');
  return colon == std::string_view::npos ? h : h.substr(0, colon);
}

bool IsIpLiteral(std::string_view host) {
  unsigned char buf[16];
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    std::string v6(host.substr(1, host.size() - 2));
    return inet_pton(AF_INET6, v6.c_str(), buf) == 1;
  }
  return inet_pton(AF_INET, std::string(host).c_str(), buf) == 1;
}

}  // namespace

const char* RoleName(Role role) {
  switch (role) {
    case Role::kRead:
      return "read";
    case Role::kIngest:
      return "ingest";
    case Role::kAdmin:
      return "admin";
    default:
      return "none";
  }
}

StatusOr<TokenTable> TokenTable::Parse(std::string_view text,
                                       std::string_view origin) {
  TokenTable table;
  int line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    std::string where = std::string(origin) + ":" + std::to_string(line_no);
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos)
      return InvalidArgumentError(where + ": expected token<TAB>role");
    std::string_view token = Trim(line.substr(0, tab));
    RETURN_IF_ERROR(CheckToken(token, where));
    auto role = ParseRole(Trim(line.substr(tab + 1)));
    if (!role.ok())
      return InvalidArgumentError(where + ": " + role.status().message());
    table.Add(std::string(token), *role);
  }
  return table;
}

StatusOr<TokenTable> TokenTable::ParseList(std::string_view list) {
  TokenTable table;
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view item = Trim(list.substr(0, comma));
    list.remove_prefix(comma == std::string_view::npos ? list.size()
                                                       : comma + 1);
    if (item.empty()) continue;
    size_t colon = item.rfind(':');
    if (colon == std::string_view::npos)
      return InvalidArgumentError("MARSAD_TOKENS: expected token:role");
    RETURN_IF_ERROR(CheckToken(item.substr(0, colon), "MARSAD_TOKENS"));
    auto role = ParseRole(item.substr(colon + 1));
    if (!role.ok())
      return InvalidArgumentError("MARSAD_TOKENS: " + role.status().message());
    table.Add(std::string(item.substr(0, colon)), *role);
  }
  return table;
}

void TokenTable::Add(std::string token, Role role) {
  tokens_.emplace_back(std::move(token), role);
}

void TokenTable::Merge(const TokenTable& other) {
  tokens_.insert(tokens_.end(), other.tokens_.begin(), other.tokens_.end());
}

bool TokenTable::AllowsIngest() const {
  for (const auto& [t, role] : tokens_)
    if (role >= Role::kIngest) return true;
  return false;
}

Role TokenTable::RoleOf(std::string_view authorization) const {
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.substr(0, kBearer.size()) != kBearer) return Role::kNone;
  std::string_view token = authorization.substr(kBearer.size());
  Role found = Role::kNone;
  // Every token is compared, so the time does not tell which one matched.
  for (const auto& [t, role] : tokens_) {
    if (SameSecret(t, token) && role > found) found = role;
  }
  return found;
}

bool IsLoopbackAddress(std::string_view host) {
  if (host == "localhost" || host == "::1" || host == "[::1]") return true;
  unsigned char buf[4];
  return inet_pton(AF_INET, std::string(host).c_str(), buf) == 1 &&
         buf[0] == 127;
}

bool HostAllowed(std::string_view host_header, std::string_view bind,
                 const std::vector<std::string>& allowed) {
  if (host_header.empty()) return true;
  std::string host = Lower(HostPart(host_header));
  if (std::any_of(allowed.begin(), allowed.end(),
                  [&](const std::string& a) { return Lower(a) == host; }))
    return true;
  bool loopback_name =
      host == "localhost" || host == "127.0.0.1" || host == "[::1]";
  if (IsLoopbackAddress(bind)) return loopback_name;
  return allowed.empty() || loopback_name || IsIpLiteral(host);
}

}  // namespace marsad
