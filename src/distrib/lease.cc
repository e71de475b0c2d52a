#include "src/distrib/lease.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <pqxx/pqxx>

namespace marsad {
namespace {

// The advisory-lock key: "marsad-assigner" as 8 ASCII bytes, a constant
// that no other application is likely to pick.
constexpr int64_t kLockKey = 0x6d61727361643a61;  // "marsad:a"

class FileLease final : public Lease {
 public:
  explicit FileLease(int fd) : fd_(fd) {}
  ~FileLease() override { ::close(fd_); }  // closing releases the flock
  Status Check() override { return Status::OK(); }

 private:
  int fd_;
};

class PgLease final : public Lease {
 public:
  explicit PgLease(std::unique_ptr<pqxx::connection> c) : c_(std::move(c)) {}
  // A session-level advisory lock lasts as long as its session: a live
  // connection still holds it.
  Status Check() override {
    try {
      pqxx::nontransaction w(*c_);
      w.exec1("SELECT 1");
      return Status::OK();
    } catch (const std::exception& e) {
      return UnavailableError(std::string("the assigner lease was lost: ") +
                              e.what());
    }
  }

 private:
  std::unique_ptr<pqxx::connection> c_;
};

StatusOr<std::unique_ptr<Lease>> TryPg(const std::string& url) {
  try {
    auto c = std::make_unique<pqxx::connection>(url);
    pqxx::nontransaction w(*c);
    bool got = w.exec1("SELECT pg_try_advisory_lock(" +
                       std::to_string(kLockKey) + ")")[0]
                   .as<bool>();
    if (!got) return std::unique_ptr<Lease>();
    return std::unique_ptr<Lease>(new PgLease(std::move(c)));
  } catch (const pqxx::broken_connection& e) {
    return UnavailableError(std::string("assigner lease: ") + e.what());
  } catch (const std::exception& e) {
    return IOError(std::string("assigner lease: ") + e.what());
  }
}

StatusOr<std::unique_ptr<Lease>> TryFile(const std::string& db) {
  const std::string path = db + ".assigner.lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return IOError(path + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK) return std::unique_ptr<Lease>();
    return IOError(path + ": " + std::strerror(err));
  }
  return std::unique_ptr<Lease>(new FileLease(fd));
}

}  // namespace

StatusOr<std::unique_ptr<Lease>> TryAcquireAssignerLease(
    const std::string& db) {
  if (db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0) {
    return TryPg(db);
  }
  return TryFile(db);
}

}  // namespace marsad
