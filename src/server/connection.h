// An httplib::Server whose connections have deadlines, not only timeouts.
//
// cpp-httplib 0.11 (Debian 12) times out each read, not a request: a client
// that sends its headers a byte every few seconds holds a pool thread for
// as long as it likes, and 16 such clients stopped `marsad serve` from
// answering anyone (issue 24). Nor does it bound the request line: a GET
// followed by a body without Content-Length was read as one "line" of any
// length. GuardedServer reads each connection through its own Stream that
// gives the request's head (request line and headers) a total deadline and
// a byte limit, the body its own deadline, and the answer a total time to
// be written; handlers may ask for the connection to be closed after the
// answer, so a refused body is never read.
//
// Thread safety: CloseAfterResponse/HeadDone act on the connection the
// calling thread is serving (a thread serves one connection at a time).
#ifndef MARSAD_SERVER_CONNECTION_H_
#define MARSAD_SERVER_CONNECTION_H_

#include <httplib.h>

#include <chrono>
#include <cstddef>

namespace marsad {

struct ConnectionLimits {
  // From a request's first byte awaited to the end of its headers.
  std::chrono::milliseconds head_timeout{5000};
  // From the end of the headers to the end of the body.
  std::chrono::milliseconds body_timeout{120000};
  // To write one answer.
  std::chrono::milliseconds response_timeout{60000};
  // A kept-alive connection's wait for its next request.
  std::chrono::milliseconds idle_timeout{1000};
  // Request line and headers together.
  size_t max_head_bytes = 64 << 10;
  // Requests served on one connection.
  int max_requests = 20;
};

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(const ConnectionLimits& limits) : limits_(limits) {}

  // Called from a handler: the connection is closed after this answer, and
  // what the client has not sent yet (a refused body) is never read.
  static void CloseAfterResponse();
  // Called when the headers have been parsed (the pre-routing handler): the
  // body's deadline starts.
  static void HeadDone();

 private:
  bool process_and_close_socket(socket_t sock) override;

  ConnectionLimits limits_;
};

}  // namespace marsad

#endif  // MARSAD_SERVER_CONNECTION_H_
