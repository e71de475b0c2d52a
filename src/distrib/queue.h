// A small C++ adapter over NATS JetStream (the C client libnats 3.4): just
// what the workers need — streams, publishing with a de-duplication id,
// durable pull consumers and explicit acknowledgement. Errors become Status;
// no libnats type leaks out of this header.
//
// Thread safety: a JetStream connection may be shared by threads (libnats
// is thread-safe); a PullConsumer and its messages belong to one thread.
#ifndef MARSAD_DISTRIB_QUEUE_H_
#define MARSAD_DISTRIB_QUEUE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "marsad/status.h"

namespace marsad {

struct StreamSpec {
  std::string name;     // e.g. "MARSAD_REPORTS"
  std::string subject;  // e.g. "marsad.reports"
  // Work queue: a message is removed once acknowledged (else kept until
  // the limits).
  bool work_queue = true;
  int64_t max_msgs_per_subject = -1;  // 1: keep only the last (a cursor)
};

// One delivered message. Destroying it without acknowledging leaves it to
// be redelivered after the consumer's ack wait.
class QueueMessage {
 public:
  ~QueueMessage();
  QueueMessage(QueueMessage&&) noexcept;
  QueueMessage& operator=(QueueMessage&&) noexcept;

  std::string_view data() const;
  uint64_t stream_seq() const { return stream_seq_; }
  uint64_t delivered() const { return delivered_; }  // 1 on first delivery

  Status Ack();         // waits for the server's confirmation
  Status Nak();         // redeliver now
  Status Term();        // never redeliver
  Status InProgress();  // restart the ack wait

 private:
  friend class PullConsumer;
  explicit QueueMessage(void* msg);
  void* msg_;  // natsMsg*
  uint64_t stream_seq_ = 0, delivered_ = 0;
};

class PullConsumer {
 public:
  ~PullConsumer();
  // Up to `max` messages; waits at most `timeout_ms` for the first. An empty
  // result is not an error.
  StatusOr<std::vector<QueueMessage>> Fetch(int max, int64_t timeout_ms);

 private:
  friend class JetStream;
  explicit PullConsumer(void* sub) : sub_(sub) {}
  void* sub_;  // natsSubscription*
};

struct ConsumerSpec {
  std::string stream, subject, durable;
  int64_t ack_wait_ms = 30000;
  // Start from scratch: delete the durable first, so that messages a dead
  // predecessor held are delivered again at once instead of after ack_wait.
  bool recreate = false;
};

class JetStream {
 public:
  // `url`: "nats://host:port" (a comma-separated list is accepted).
  static StatusOr<std::unique_ptr<JetStream>> Connect(const std::string& url);
  ~JetStream();

  // Creates the stream unless it exists.
  Status EnsureStream(const StreamSpec& spec);
  // Publishes and waits for the stream to store it. `msg_id` (optional)
  // de-duplicates publishes within the stream's duplicate window.
  // Returns the stream sequence.
  // `*duplicate` (if given) is set when the stream dropped the message as a
  // repeat of `msg_id` within its duplicate window.
  StatusOr<uint64_t> Publish(const std::string& subject, std::string_view data,
                             const std::string& msg_id = "",
                             bool* duplicate = nullptr);
  StatusOr<std::unique_ptr<PullConsumer>> Subscribe(const ConsumerSpec& spec);
  // The last message on `subject` in `stream`, if any.
  StatusOr<std::optional<std::string>> LastMessage(const std::string& stream,
                                                   const std::string& subject);
  // Whether the stream still holds message `seq`.
  StatusOr<bool> HasMessage(const std::string& stream, uint64_t seq);
  // The lowest sequence the stream holds (last + 1 when empty).
  StatusOr<uint64_t> FirstSequence(const std::string& stream);

 private:
  JetStream(void* nc, void* js) : nc_(nc), js_(js) {}
  void* nc_;  // natsConnection*
  void* js_;  // jsCtx*
};

}  // namespace marsad

#endif  // MARSAD_DISTRIB_QUEUE_H_
