#include "src/distrib/test_servers.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <pqxx/pqxx>
#include <thread>

namespace marsad::testing_servers {

namespace fs = std::filesystem;

int FreePort() {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
  close(s);
  return ntohs(a.sin_port);
}

namespace {

bool PortOpen(int port) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  close(s);
  return ok;
}

}  // namespace

std::string TempDir(const std::string& name) {
  std::string tmpl =
      (fs::temp_directory_path() / ("marsad-" + name + "-XXXXXX")).string();
  return mkdtemp(tmpl.data()) ? tmpl : "";
}

int Shell(const std::string& command) {
  int rc = std::system(command.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

pid_t Spawn(const std::vector<std::string>& argv, const std::string& log) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (fd >= 0) {
    dup2(fd, 1);
    dup2(fd, 2);
  }
  std::vector<char*> args;
  for (const std::string& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execv(args[0], args.data());
  _exit(127);
}

int WaitExit(pid_t pid) {
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1000;
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return WEXITSTATUS(status);
}

// --- PostgreSQL -----------------------------------------------------------

std::string PgCluster::Start() {
  std::string bin = kPgBin;
  if (!fs::exists(bin + "/initdb") || !fs::exists(bin + "/pg_ctl")) {
    return "PostgreSQL binaries not found at " + bin +
           " (scripts/install-deps.sh installs postgresql)";
  }
  as_postgres_ = geteuid() == 0;
  if (as_postgres_ && Shell("id postgres >/dev/null 2>&1") != 0) {
    return "running as root and there is no postgres user to run PostgreSQL as";
  }
  dir_ = TempDir("pg");
  if (dir_.empty()) return "cannot create a temporary folder";
  std::string run = as_postgres_ ? "runuser -u postgres -- " : "";
  if (as_postgres_) Shell("chown postgres " + dir_);
  port_ = FreePort();
  if (Shell(run + bin + "/initdb -D " + dir_ +
            "/data -A trust -U marsad -E UTF8 --locale=C " + ">" + dir_ +
            "/initdb.log 2>&1") != 0) {
    return "initdb failed (see " + dir_ + "/initdb.log)";
  }
  return PgCtlStart();
}

std::string PgCluster::PgCtlStart() {
  std::string run = as_postgres_ ? "runuser -u postgres -- " : "";
  std::string opts =
      "-p " + std::to_string(port_) + " -k " + dir_ +
      " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
      " -c full_page_writes=off";
  if (Shell(run + std::string(kPgBin) + "/pg_ctl -D " + dir_ + "/data -o '" +
            opts + "' -l " + dir_ +
            "/server.log -w -t 60 start >/dev/null 2>&1") != 0) {
    return "pg_ctl start failed (see " + dir_ + "/server.log)";
  }
  running_ = true;
  return "";
}

std::string PgCluster::Restart(int pause_ms) {
  std::string run = as_postgres_ ? "runuser -u postgres -- " : "";
  Shell(run + std::string(kPgBin) + "/pg_ctl -D " + dir_ +
        "/data -m fast -w stop >/dev/null 2>&1");
  running_ = false;
  std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
  return PgCtlStart();
}

std::string PgCluster::NewDatabase(const std::string& name) {
  std::string base =
      "postgresql://marsad@127.0.0.1:" + std::to_string(port_) + "/";
  pqxx::connection c(base + "postgres");
  pqxx::nontransaction w(c);
  w.exec("DROP DATABASE IF EXISTS " + name);
  w.exec("CREATE DATABASE " + name);
  return base + name;
}

PgCluster::~PgCluster() {
  if (running_) {
    std::string run = as_postgres_ ? "runuser -u postgres -- " : "";
    Shell(run + std::string(kPgBin) + "/pg_ctl -D " + dir_ +
          "/data -m immediate -w stop >/dev/null 2>&1");
  }
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
}

// --- NATS -------------------------------------------------------------------

std::string NatsServer::Start() {
  for (const char* p : {"/usr/sbin/nats-server", "/usr/bin/nats-server"}) {
    if (fs::exists(p)) bin_ = p;
  }
  if (bin_.empty())
    return "nats-server not found (scripts/install-deps.sh installs "
           "nats-server)";
  dir_ = TempDir("nats");
  port_ = FreePort();
  return Launch();
}

std::string NatsServer::Restart(int pause_ms) {
  kill(pid_, SIGTERM);
  WaitExit(pid_);
  pid_ = 0;
  std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
  return Launch();
}

std::string NatsServer::Launch() {
  pid_ = Spawn({bin_, "-js", "-a", "127.0.0.1", "-p", std::to_string(port_),
                "-sd", dir_},
               dir_ + "/server.log");
  for (int i = 0; i < 200 && !PortOpen(port_); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!PortOpen(port_))
    return "nats-server did not start (see " + dir_ + "/server.log)";
  return "";
}

NatsServer::~NatsServer() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    WaitExit(pid_);
  }
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
}

}  // namespace marsad::testing_servers
