#include "src/server/connection.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace marsad {

namespace {

using Clock = std::chrono::steady_clock;

// One connection's socket, read through a small buffer (httplib reads the
// request line a byte at a time), each read and write bounded by the
// deadline of the phase the request is in.
class GuardedStream : public httplib::Stream {
 public:
  GuardedStream(socket_t sock, const ConnectionLimits& limits)
      : sock_(sock), limits_(limits) {
    // httplib writes an answer's headers and body in separate sends: with
    // Nagle's algorithm the body waited for the client's delayed ACK, 40 ms
    // an answer on a kept-alive connection (wrk, 16 connections, a
    // one-story store: median 44 -> 1.4 ms, 378 -> 8,234 requests/s).
    int one = 1;
    ::setsockopt(sock_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  }

  // A new request: its head must arrive within head_timeout.
  void StartRequest() {
    phase_ = Phase::kHead;
    head_bytes_ = 0;
    deadline_ = Clock::now() + limits_.head_timeout;
    write_started_ = false;
  }
  void HeadDone() {
    phase_ = Phase::kBody;
    deadline_ = Clock::now() + limits_.body_timeout;
  }
  void CloseAfterResponse() { close_ = linger_ = true; }
  bool closing() const { return close_; }
  // Closed on the server's decision, the client possibly still sending.
  bool linger() const { return linger_; }
  bool Buffered() const { return pos_ < end_; }
  // Waits up to `timeout` for the next request's first byte.
  bool WaitForNext(std::chrono::milliseconds timeout) {
    return Buffered() || Wait(POLLIN, Clock::now() + timeout);
  }

  bool is_readable() const override {
    return Buffered() || Wait(POLLIN, deadline_);
  }
  bool is_writable() const override { return Wait(POLLOUT, WriteDeadline()); }

  ssize_t read(char* ptr, size_t size) override {
    // A failed read ends the connection: httplib answers 400 and would
    // otherwise read on, taking what is left for a new request.
    if (phase_ == Phase::kHead) {
      if (head_bytes_ >= limits_.max_head_bytes) return Fail();
      size = std::min(size, limits_.max_head_bytes - head_bytes_);
    }
    if (!Buffered()) {
      if (!Wait(POLLIN, deadline_)) return Fail();
      ssize_t n = ::recv(sock_, buf_, sizeof(buf_), 0);
      if (n <= 0) {
        close_ = true;
        return n;
      }
      pos_ = 0;
      end_ = static_cast<size_t>(n);
    }
    size_t n = std::min(size, end_ - pos_);
    std::memcpy(ptr, buf_ + pos_, n);
    pos_ += n;
    if (phase_ == Phase::kHead) head_bytes_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!write_started_) {
      write_started_ = true;
      write_deadline_ = Clock::now() + limits_.response_timeout;
    }
    if (!Wait(POLLOUT, write_deadline_)) return -1;
    return ::send(sock_, ptr, size, MSG_NOSIGNAL);
  }
  using httplib::Stream::write;

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    Address(/*peer=*/true, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    Address(/*peer=*/false, ip, port);
  }
  socket_t socket() const override { return sock_; }

 private:
  enum class Phase { kHead, kBody };

  ssize_t Fail() {
    close_ = true;
    return -1;
  }

  Clock::time_point WriteDeadline() const {
    return write_started_ ? write_deadline_
                          : Clock::now() + limits_.response_timeout;
  }

  // Polls for `events` until `deadline`; false on timeout, error or hang-up
  // without data.
  bool Wait(short events, Clock::time_point deadline) const {
    for (;;) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - Clock::now());
      if (left.count() <= 0) return false;
      pollfd p{sock_, events, 0};
      int r = ::poll(&p, 1,
                     static_cast<int>(std::min<int64_t>(left.count(), 1000)));
      if (r > 0) return (p.revents & (events | POLLHUP)) != 0;
      if (r < 0 && errno != EINTR) return false;
    }
  }

  void Address(bool peer, std::string& ip, int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof(addr);
    auto* sa = reinterpret_cast<sockaddr*>(&addr);
    int r =
        peer ? ::getpeername(sock_, sa, &len) : ::getsockname(sock_, sa, &len);
    if (r != 0) return;
    char host[NI_MAXHOST], serv[NI_MAXSERV];
    if (::getnameinfo(sa, len, host, sizeof(host), serv, sizeof(serv),
                      NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
      ip = host;
      port = std::atoi(serv);
    }
  }

  socket_t sock_;
  const ConnectionLimits& limits_;
  Phase phase_ = Phase::kHead;
  size_t head_bytes_ = 0;
  Clock::time_point deadline_;
  bool write_started_ = false;
  Clock::time_point write_deadline_;
  bool close_ = false;
  bool linger_ = false;
  char buf_[4096];
  size_t pos_ = 0, end_ = 0;
};

thread_local GuardedStream* t_stream = nullptr;

// After refusing a request whose body is still coming, closing at once
// would reset the connection, and the client could lose the answer before
// reading it. As nginx's lingering close: stop writing, then read and drop
// what arrives for a moment (at most 1 s and 8 MiB), then close.
void LingeringClose(socket_t sock) {
  ::shutdown(sock, SHUT_WR);
  auto deadline = Clock::now() + std::chrono::seconds(1);
  char scratch[64 << 10];
  size_t dropped = 0;
  while (dropped < (8u << 20)) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - Clock::now());
    if (left.count() <= 0) break;
    pollfd p{sock, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    ssize_t n = ::recv(sock, scratch, sizeof(scratch), 0);
    if (n <= 0) break;
    dropped += static_cast<size_t>(n);
  }
}

}  // namespace

void GuardedServer::CloseAfterResponse() {
  if (t_stream) t_stream->CloseAfterResponse();
}

void GuardedServer::HeadDone() {
  if (t_stream) t_stream->HeadDone();
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  GuardedStream stream(sock, limits_);
  t_stream = &stream;
  bool ok = true;
  for (int served = 0; served < limits_.max_requests; ++served) {
    if (svr_sock_ == INVALID_SOCKET) break;  // stopping
    if (served > 0 && !stream.WaitForNext(limits_.idle_timeout)) break;
    stream.StartRequest();
    bool last = served + 1 == limits_.max_requests;
    bool closed = false;
    ok = process_request(stream, last, closed, nullptr);
    if (!ok || closed || stream.closing()) break;
  }
  t_stream = nullptr;
  if (stream.linger()) LingeringClose(sock);
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace marsad
