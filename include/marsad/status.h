// Status and StatusOr<T>: marsad's error currency (after LevelDB and
// SentencePiece). No exception crosses a module boundary; a function that can
// fail returns one of these. Only `main` turns them into exit codes.
//
// Thread safety: a Status is a value; distinct objects may be used from
// distinct threads without synchronization.
#ifndef MARSAD_STATUS_H_
#define MARSAD_STATUS_H_

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace marsad {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad input from the user or the data
  kNotFound,
  kAlreadyExists,
  kCorruption,   // data that cannot be decoded or parsed
  kIOError,      // the file system or network failed
  kUnsupported,  // a format or feature marsad does not handle
  kUnavailable,  // a server or queue cannot be reached
  kInternal,     // a bug
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status OK() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "InvalidArgument: message", or "OK".
  std::string ToString() const;

  // Returns a copy whose message is `context + ": " + message()`.
  Status WithContext(std::string_view context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgumentError(std::string m) {
  return Status(StatusCode::kInvalidArgument, std::move(m));
}
inline Status NotFoundError(std::string m) {
  return Status(StatusCode::kNotFound, std::move(m));
}
inline Status AlreadyExistsError(std::string m) {
  return Status(StatusCode::kAlreadyExists, std::move(m));
}
inline Status CorruptionError(std::string m) {
  return Status(StatusCode::kCorruption, std::move(m));
}
inline Status IOError(std::string m) {
  return Status(StatusCode::kIOError, std::move(m));
}
inline Status UnsupportedError(std::string m) {
  return Status(StatusCode::kUnsupported, std::move(m));
}
inline Status UnavailableError(std::string m) {
  return Status(StatusCode::kUnavailable, std::move(m));
}
inline Status InternalError(std::string m) {
  return Status(StatusCode::kInternal, std::move(m));
}

// Either a T or a non-OK Status.
// REQUIRES: a StatusOr is never constructed from an OK Status.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(Status status) : v_(std::move(status)) {  // NOLINT: implicit
    assert(!std::get<Status>(v_).ok());
  }
  StatusOr(T value) : v_(std::move(value)) {}  // NOLINT: implicit

  bool ok() const { return std::holds_alternative<T>(v_); }
  Status status() const { return ok() ? Status::OK() : std::get<Status>(v_); }

  // REQUIRES: ok().
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<Status, T> v_;
};

}  // namespace marsad

#define MARSAD_CONCAT_INNER_(a, b) a##b
#define MARSAD_CONCAT_(a, b) MARSAD_CONCAT_INNER_(a, b)

#define RETURN_IF_ERROR(expr)      \
  do {                             \
    ::marsad::Status _st = (expr); \
    if (!_st.ok()) return _st;     \
  } while (0)

#define ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                           \
  if (!tmp.ok()) return tmp.status();          \
  lhs = std::move(tmp).value()

#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL_(MARSAD_CONCAT_(_status_or_, __LINE__), lhs, expr)

#endif  // MARSAD_STATUS_H_
