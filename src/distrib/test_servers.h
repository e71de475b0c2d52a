// Test helpers: a throwaway PostgreSQL cluster and nats-server on loopback,
// started by the test itself in a temporary folder, and child processes the
// tests can kill. Nothing here is used outside tests.
//
// PostgreSQL refuses to run as root: as root the cluster is created and run
// as the "postgres" user through runuser. Both servers are optional: Start()
// returns a message saying what is missing, which tests pass to GTEST_SKIP.
#ifndef MARSAD_DISTRIB_TEST_SERVERS_H_
#define MARSAD_DISTRIB_TEST_SERVERS_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace marsad::testing_servers {

inline constexpr char kPgBin[] = "/usr/lib/postgresql/15/bin";

// A free TCP port on 127.0.0.1 (bound and released: racy only in theory).
int FreePort();

class PgCluster {
 public:
  PgCluster() = default;
  ~PgCluster();
  // Returns "" on success, else why it could not start.
  std::string Start();
  // A new empty database and its URL.
  std::string NewDatabase(const std::string& name);
  // Stops the cluster (fast shutdown: sessions are cut), waits `pause_ms`,
  // and starts it again on the same port. "" on success.
  std::string Restart(int pause_ms);
  bool running() const { return running_; }

 private:
  std::string PgCtlStart();
  std::string dir_;
  int port_ = 0;
  bool running_ = false;
  bool as_postgres_ = false;
};

class NatsServer {
 public:
  NatsServer() = default;
  ~NatsServer();
  std::string Start();
  // Stops the server, waits `pause_ms`, and starts it again on the same port
  // with the same store (an outage, as a restart causes). "" on success.
  std::string Restart(int pause_ms);
  std::string url() const {
    return "nats://127.0.0.1:" + std::to_string(port_);
  }

 private:
  std::string Launch();
  std::string bin_;
  std::string dir_;
  int port_ = 0;
  pid_t pid_ = 0;
};

// Starts `argv` with stdout and stderr appended to `log`.
pid_t Spawn(const std::vector<std::string>& argv, const std::string& log);
// Waits for `pid` and returns its exit status (-signal when killed).
int WaitExit(pid_t pid);
// Runs a shell command, returns its exit code.
int Shell(const std::string& command);
std::string TempDir(const std::string& name);

}  // namespace marsad::testing_servers

#endif  // MARSAD_DISTRIB_TEST_SERVERS_H_
