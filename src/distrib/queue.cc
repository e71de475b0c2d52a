#include "src/distrib/queue.h"

#include <nats/nats.h>

namespace marsad {

namespace {

Status NatsError(std::string_view what, natsStatus s,
                 jsErrCode jerr = static_cast<jsErrCode>(0)) {
  std::string msg = std::string(what) + ": " + natsStatus_GetText(s);
  if (jerr != 0)
    msg += " (JetStream error " + std::to_string(static_cast<int>(jerr)) + ")";
  const char* last = nats_GetLastError(nullptr);
  if (last != nullptr && *last) msg += ": " + std::string(last);
  return s == NATS_TIMEOUT ? UnavailableError(msg) : IOError(msg);
}

natsMsg* M(void* p) { return static_cast<natsMsg*>(p); }
jsCtx* J(void* p) { return static_cast<jsCtx*>(p); }

}  // namespace

// --- QueueMessage
// -------------------------------------------------------------

QueueMessage::QueueMessage(void* msg) : msg_(msg) {
  jsMsgMetaData* meta = nullptr;
  if (natsMsg_GetMetaData(&meta, M(msg_)) == NATS_OK) {
    stream_seq_ = meta->Sequence.Stream;
    delivered_ = meta->NumDelivered;
    jsMsgMetaData_Destroy(meta);
  }
}

QueueMessage::~QueueMessage() {
  if (msg_ != nullptr) natsMsg_Destroy(M(msg_));
}

QueueMessage::QueueMessage(QueueMessage&& o) noexcept
    : msg_(o.msg_), stream_seq_(o.stream_seq_), delivered_(o.delivered_) {
  o.msg_ = nullptr;
}

QueueMessage& QueueMessage::operator=(QueueMessage&& o) noexcept {
  if (this != &o) {
    if (msg_ != nullptr) natsMsg_Destroy(M(msg_));
    msg_ = o.msg_;
    stream_seq_ = o.stream_seq_;
    delivered_ = o.delivered_;
    o.msg_ = nullptr;
  }
  return *this;
}

std::string_view QueueMessage::data() const {
  return std::string_view(natsMsg_GetData(M(msg_)),
                          natsMsg_GetDataLength(M(msg_)));
}

Status QueueMessage::Ack() {
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = natsMsg_AckSync(M(msg_), nullptr, &jerr);
  return s == NATS_OK ? Status::OK() : NatsError("ack", s, jerr);
}

Status QueueMessage::Nak() {
  natsStatus s = natsMsg_Nak(M(msg_), nullptr);
  return s == NATS_OK ? Status::OK() : NatsError("nak", s);
}

Status QueueMessage::Term() {
  natsStatus s = natsMsg_Term(M(msg_), nullptr);
  return s == NATS_OK ? Status::OK() : NatsError("term", s);
}

Status QueueMessage::InProgress() {
  natsStatus s = natsMsg_InProgress(M(msg_), nullptr);
  return s == NATS_OK ? Status::OK() : NatsError("in progress", s);
}

// --- PullConsumer
// -------------------------------------------------------------

PullConsumer::~PullConsumer() {
  natsSubscription_Destroy(static_cast<natsSubscription*>(sub_));
}

StatusOr<std::vector<QueueMessage>> PullConsumer::Fetch(int max,
                                                        int64_t timeout_ms) {
  natsMsgList list{};
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = natsSubscription_Fetch(
      &list, static_cast<natsSubscription*>(sub_), max, timeout_ms, &jerr);
  std::vector<QueueMessage> out;
  if (s == NATS_TIMEOUT) return out;
  if (s != NATS_OK) return NatsError("fetch", s, jerr);
  for (int i = 0; i < list.Count; ++i) {
    out.push_back(QueueMessage(list.Msgs[i]));
    list.Msgs[i] = nullptr;  // owned by the QueueMessage now
  }
  natsMsgList_Destroy(&list);
  return out;
}

// --- JetStream
// ----------------------------------------------------------------

StatusOr<std::unique_ptr<JetStream>> JetStream::Connect(
    const std::string& url) {
  natsOptions* opts = nullptr;
  natsOptions_Create(&opts);
  natsOptions_SetURL(opts, url.c_str());
  natsOptions_SetMaxReconnect(opts, 120);
  natsOptions_SetReconnectWait(opts, 500);
  natsOptions_SetTimeout(opts, 5000);
  natsConnection* nc = nullptr;
  natsStatus s = natsConnection_Connect(&nc, opts);
  natsOptions_Destroy(opts);
  if (s != NATS_OK) return NatsError("connect to " + url, s);
  jsCtx* js = nullptr;
  jsOptions jo;
  jsOptions_Init(&jo);
  jo.Wait = 10000;
  s = natsConnection_JetStream(&js, nc, &jo);
  if (s != NATS_OK) {
    natsConnection_Destroy(nc);
    return NatsError("JetStream context", s);
  }
  return std::unique_ptr<JetStream>(new JetStream(nc, js));
}

JetStream::~JetStream() {
  jsCtx_Destroy(J(js_));
  natsConnection_Destroy(static_cast<natsConnection*>(nc_));
}

Status JetStream::EnsureStream(const StreamSpec& spec) {
  jsStreamInfo* si = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s =
      js_GetStreamInfo(&si, J(js_), spec.name.c_str(), nullptr, &jerr);
  if (s == NATS_OK) {
    jsStreamInfo_Destroy(si);
    return Status::OK();
  }
  jsStreamConfig cfg;
  jsStreamConfig_Init(&cfg);
  cfg.Name = spec.name.c_str();
  const char* subjects[] = {spec.subject.c_str()};
  cfg.Subjects = subjects;
  cfg.SubjectsLen = 1;
  cfg.Retention = spec.work_queue ? js_WorkQueuePolicy : js_LimitsPolicy;
  cfg.MaxMsgsPerSubject = spec.max_msgs_per_subject;
  cfg.Storage = js_FileStorage;
  cfg.Duplicates = int64_t{120} * 1000 * 1000 * 1000;  // 2 minutes, in ns
  cfg.MaxMsgSize = 8 << 20;
  jerr = static_cast<jsErrCode>(0);
  s = js_AddStream(&si, J(js_), &cfg, nullptr, &jerr);
  if (s == NATS_OK) {
    jsStreamInfo_Destroy(si);
    return Status::OK();
  }
  // Another process may have created it meanwhile.
  if (js_GetStreamInfo(&si, J(js_), spec.name.c_str(), nullptr, nullptr) ==
      NATS_OK) {
    jsStreamInfo_Destroy(si);
    return Status::OK();
  }
  return NatsError("create stream " + spec.name, s, jerr);
}

StatusOr<uint64_t> JetStream::Publish(const std::string& subject,
                                      std::string_view data,
                                      const std::string& msg_id,
                                      bool* duplicate) {
  jsPubOptions po;
  jsPubOptions_Init(&po);
  if (!msg_id.empty()) po.MsgId = msg_id.c_str();
  jsPubAck* ack = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_Publish(&ack, J(js_), subject.c_str(), data.data(),
                            static_cast<int>(data.size()), &po, &jerr);
  if (s != NATS_OK) return NatsError("publish to " + subject, s, jerr);
  uint64_t seq = ack->Sequence;
  if (duplicate) *duplicate = ack->Duplicate;
  jsPubAck_Destroy(ack);
  return seq;
}

StatusOr<std::unique_ptr<PullConsumer>> JetStream::Subscribe(
    const ConsumerSpec& spec) {
  if (spec.recreate) {
    (void)js_DeleteConsumer(J(js_), spec.stream.c_str(), spec.durable.c_str(),
                            nullptr, nullptr);
  }
  jsSubOptions so;
  jsSubOptions_Init(&so);
  so.Stream = spec.stream.c_str();
  so.ManualAck = true;
  so.Config.Durable = spec.durable.c_str();
  so.Config.AckPolicy = js_AckExplicit;
  so.Config.AckWait = spec.ack_wait_ms * 1000 * 1000;
  so.Config.MaxDeliver =
      -1;  // poison reports are parked by the worker, see worker.h
  so.Config.MaxAckPending = 1 << 20;
  so.Config.DeliverPolicy = js_DeliverAll;
  natsSubscription* sub = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_PullSubscribe(&sub, J(js_), spec.subject.c_str(),
                                  spec.durable.c_str(), nullptr, &so, &jerr);
  if (s != NATS_OK) return NatsError("subscribe " + spec.durable, s, jerr);
  return std::unique_ptr<PullConsumer>(new PullConsumer(sub));
}

StatusOr<std::optional<std::string>> JetStream::LastMessage(
    const std::string& stream, const std::string& subject) {
  natsMsg* msg = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_GetLastMsg(&msg, J(js_), stream.c_str(), subject.c_str(),
                               nullptr, &jerr);
  if (s == NATS_NOT_FOUND || jerr == JSNoMessageFoundErr)
    return std::optional<std::string>();
  if (s != NATS_OK) return NatsError("last message of " + stream, s, jerr);
  std::string data(natsMsg_GetData(msg), natsMsg_GetDataLength(msg));
  natsMsg_Destroy(msg);
  return std::optional<std::string>(std::move(data));
}

StatusOr<bool> JetStream::HasMessage(const std::string& stream, uint64_t seq) {
  natsMsg* msg = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_GetMsg(&msg, J(js_), stream.c_str(), seq, nullptr, &jerr);
  if (s == NATS_NOT_FOUND || jerr == JSNoMessageFoundErr) return false;
  if (s != NATS_OK) return NatsError("get message of " + stream, s, jerr);
  natsMsg_Destroy(msg);
  return true;
}

StatusOr<uint64_t> JetStream::FirstSequence(const std::string& stream) {
  jsStreamInfo* si = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&si, J(js_), stream.c_str(), nullptr, &jerr);
  if (s != NATS_OK) return NatsError("stream info of " + stream, s, jerr);
  uint64_t first =
      si->State.Msgs == 0 ? si->State.LastSeq + 1 : si->State.FirstSeq;
  jsStreamInfo_Destroy(si);
  return first;
}

}  // namespace marsad
