#include "src/server/server.h"

#include <httplib.h>
#include <malloc.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "src/base/data.h"
#include "src/base/hash.h"
#include "src/clean/lexicon.h"
#include "src/pipeline/pipeline.h"
#include "src/pipeline/resources.h"
#include "src/server/access.h"
#include "src/server/api.h"
#include "src/server/connection.h"
#include "src/server/static_files.h"
#include "src/text/tables.h"
#if MARSAD_HAVE_FACTS
#include "src/facts/lexicon.h"
#include "src/server/story_cache.h"
#endif

namespace marsad {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// The server a signal stops (the latest started), and every running one by
// port (tests run several in one process).
std::atomic<GuardedServer*> g_server{nullptr};
std::mutex g_servers_mu;
std::map<int, GuardedServer*> g_servers;

void OnSignal(int) {
  if (GuardedServer* s = g_server.load()) s->stop();
}

constexpr char kCsp[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' "
    "data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'";

std::string ErrorCode(const Status& st) {
  switch (st.code()) {
    case StatusCode::kInvalidArgument:
      return "bad_request";
    case StatusCode::kNotFound:
      return "not_found";
    case StatusCode::kUnavailable:
      return "unavailable";
    default:
      return "internal";
  }
}

int HttpStatus(const Status& st) {
  switch (st.code()) {
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kUnavailable:
      return 503;
    default:
      return 500;
  }
}

void SendError(httplib::Response& res, int http, const std::string& code,
               const std::string& msg) {
  res.status = http;
  res.set_content(json{{"error", {{"code", code}, {"message", msg}}}}.dump(),
                  "application/json");
}

// A client is told what it did wrong (4xx), never how the server failed:
// a 5xx answer says so and the detail goes to the log.
void SendStatus(httplib::Response& res, const Status& st) {
  int http = HttpStatus(st);
  if (http >= 500) {
    std::fprintf(stderr, "marsad serve: %s\n", st.ToString().c_str());
    SendError(res, http, ErrorCode(st),
              http == 503 ? "the store is unavailable"
                          : "internal error (see the server's log)");
    return;
  }
  SendError(res, http, ErrorCode(st), st.message());
}

void SendJson(httplib::Response& res, const StatusOr<json>& body,
              const char* type = "application/json") {
  if (!body.ok()) {
    SendStatus(res, body.status());
    return;
  }
  res.set_content(body->dump(-1, ' ', false, json::error_handler_t::replace),
                  type);
}

Params ParamsOf(const httplib::Request& req) {
  Params p;
  for (const auto& [k, v] : req.params) p[k] = v;
  return p;
}

// One read-only store connection per server thread; the stories'
// comparisons (src/server/story_cache.h) shared by all of them.
class ApiPool {
 public:
  // `facts`: the comparison's tables, shared by every Api (null only in a
  // build without src/facts); `text`: the stores' search terms' tables;
  // `outlets`: the stores' outlet names (StoreOptions::clean_lexicon); all
  // outlive the pool.
  ApiPool(std::string db, const FactsLexicon* facts, const TextTables& text,
          const CleanLexicon& outlets)
      : db_(std::move(db)), facts_(facts), text_(text), outlets_(outlets) {
#if MARSAD_HAVE_FACTS
    cache_ = std::make_shared<StoryCache>();
#endif
  }
  StatusOr<Api*> Get() {
    thread_local std::map<const ApiPool*, std::unique_ptr<Api>> apis;
    auto& slot = apis[this];
    if (!slot) {
      ASSIGN_OR_RETURN(
          auto store,
          Store::Open(db_, StoreOptions{.read_only = true,
                                        .text_tables = &text_,
                                        .clean_lexicon = &outlets_}));
      slot = std::make_unique<Api>(std::move(store), outlets_, facts_, cache_);
    }
    return slot.get();
  }

 private:
  std::string db_;
  const FactsLexicon* facts_;
  const TextTables& text_;
  const CleanLexicon& outlets_;
  std::shared_ptr<StoryCache> cache_;
};

template <typename F>
void Handle(ApiPool& pool, httplib::Response& res, F f) {
  auto api = pool.Get();
  if (!api.ok()) {
    SendStatus(res, UnavailableError(api.status().message()));
    return;
  }
  SendJson(res, f(**api));
}

StatusOr<int64_t> PathId(const httplib::Request& req) {
  try {
    return std::stoll(req.matches[1]);
  } catch (...) {
    return InvalidArgumentError("bad id");
  }
}

// A string field of an ingested record: absent or null is "", anything but
// a string is an error.
Status StringField(const json& d, const char* key, std::string* out) {
  auto it = d.find(key);
  if (it == d.end() || it->is_null()) return Status::OK();
  if (!it->is_string())
    return InvalidArgumentError(std::string(key) + " must be a string");
  *out = it->get<std::string>();
  if (HasNul(*out))
    return InvalidArgumentError(std::string(key) + " holds a NUL byte");
  return Status::OK();
}

// One record of POST /api/ingest as a Document, or why it is refused. The
// documented fields are typed strictly; the report's parts are then read by
// DocumentFromRecord, the one reader of records `marsad ingest` uses for a
// JSON Lines or CSV record: fields named by `fields` (--field) first, then
// the documented names and the names exports use (src, time, content...).
StatusOr<Document> RecordToDocument(const json& d, const FieldMap& fields) {
  if (!d.is_object()) return InvalidArgumentError("a record must be an object");
  std::string format = "txt", typed;
  for (const char* key : {"text", "title", "outlet", "url", "published"})
    RETURN_IF_ERROR(StringField(d, key, &typed));
  RETURN_IF_ERROR(StringField(d, "format", &format));
  Document doc;
  if (!DocumentFromRecord(d, fields, &doc).ok())
    return InvalidArgumentError("text is missing or empty");
  for (auto [name, value] : {std::pair{"text", &doc.raw},
                             {"title", &doc.title},
                             {"outlet", &doc.outlet},
                             {"url", &doc.url},
                             {"published", &doc.published},
                             {"author", &doc.author}}) {
    if (HasNul(*value))
      return InvalidArgumentError(std::string(name) + " holds a NUL byte");
  }
  if (format != "txt" && format != "html")
    return InvalidArgumentError("format must be \"txt\" or \"html\"");
  doc.format = format;
  doc.source = doc.url.empty() ? "api" : doc.url;
  doc.encoding = "UTF-8";
  doc.input_hash = Hash64(d.dump(), /*seed=*/4);
  return doc;
}

// POST /api/ingest: documents through the same pipeline as `marsad ingest`.
// Each record is checked on its own: a bad one is reported by its index
// and the others are stored. Sets `*http` to 400 when no record was good.
StatusOr<json> Ingest(Store* store, const Resources& resources,
                      const json& body, const FieldMap& fields, int* http) {
  auto docs = body.find("documents");
  if (docs == body.end() || !docs->is_array() || docs->size() > 1000)
    return InvalidArgumentError(
        "documents must be an array of at most 1000 records");
  ASSIGN_OR_RETURN(auto ing,
                   Ingestor::Create(store, resources, IngestOptions{}));
  json errors = json::array();
  for (size_t i = 0; i < docs->size(); ++i) {
    auto doc = RecordToDocument((*docs)[i], fields);
    if (!doc.ok()) {
      errors.push_back({{"index", i}, {"error", doc.status().message()}});
      continue;
    }
    RETURN_IF_ERROR(ing->Add(std::move(*doc)));
  }
  RETURN_IF_ERROR(ing->Flush());
  const IngestSummary& s = ing->summary();
  if (!docs->empty() && errors.size() == docs->size()) *http = 400;
  json out = {{"added", s.stored},
              {"skipped", s.already_stored},
              {"rejected", s.rejected + errors.size()},
              {"errors", std::move(errors)}};
  if (*http == 400)
    out["error"] = {{"code", "bad_request"},
                    {"message", "no record could be read"}};
  return out;
}

// Who may do what, from the options (src/server/access.h).
struct Access {
  const ServerOptions* options = nullptr;
  TokenTable tokens;  // --token-file and $MARSAD_TOKENS
  TokenTable ingest;  // --ingest-token
};

StatusOr<TokenTable> LoadTokens(const ServerOptions& options) {
  TokenTable tokens;
  if (!options.token_file.empty()) {
    std::ifstream in(options.token_file);
    if (!in) return NotFoundError("cannot read " + options.token_file);
    std::stringstream ss;
    ss << in.rdbuf();
    ASSIGN_OR_RETURN(tokens, TokenTable::Parse(ss.str(), options.token_file));
  }
  if (const char* env = std::getenv("MARSAD_TOKENS"); env && *env) {
    ASSIGN_OR_RETURN(TokenTable more, TokenTable::ParseList(env));
    tokens.Merge(more);
  }
  if (!options.token_file.empty() && tokens.empty())
    return InvalidArgumentError(options.token_file + " holds no token");
  return tokens;
}

// Answers `q` with an error and closes the connection after it, so that a
// body the client may still be sending is never read.
bool Refuse(const httplib::Request& q, httplib::Response& res, int http,
            const std::string& code, const std::string& msg) {
  SendError(res, http, code, msg);
  auto& headers = const_cast<httplib::Request&>(q).headers;
  headers.erase("Connection");
  headers.emplace("Connection", "close");  // said in the answer
  GuardedServer::CloseAfterResponse();
  return true;
}

bool HasNulParam(const httplib::Request& q) {
  if (HasNul(q.path)) return true;
  for (const auto& [k, v] : q.params)
    if (HasNul(k) || HasNul(v)) return true;
  return false;
}

// POST /api/stories/{id}/watch (issue 27).
bool IsWatchPath(const std::string& path) {
  static const std::regex kWatch(R"(/api/stories/\d+/watch)");
  return std::regex_match(path, kWatch);
}

// Bodies are read only for POST /api/ingest, with a Content-Length within
// the limit, and for a watch (JSON, small): anything else is refused from
// its headers.
bool RefusedBody(const Access& a, const httplib::Request& q,
                 httplib::Response& res) {
  bool chunked = q.has_header("Transfer-Encoding");
  bool has_length = q.has_header("Content-Length");
  const std::string& length_text = q.get_header_value("Content-Length");
  if (has_length &&
      (length_text.empty() ||
       length_text.find_first_not_of("0123456789") != std::string::npos ||
       length_text.size() > 18))
    return Refuse(q, res, 400, "bad_request", "bad Content-Length");
  uint64_t length = has_length ? std::stoull(length_text) : 0;
  if (q.method != "POST") {
    if (chunked || length > 0)
      return Refuse(q, res, 413, "body_not_allowed",
                    q.method + " requests carry no body");
    return false;
  }
  if (IsWatchPath(q.path)) {
    // Only a script of the UI's own origin can send this type (another
    // site's form or fetch cannot without a CORS preflight we never grant).
    if (q.get_header_value("Content-Type").rfind("application/json", 0) != 0)
      return Refuse(q, res, 415, "unsupported_media_type",
                    "send Content-Type: application/json");
    if (length > 4096)
      return Refuse(q, res, 413, "too_large", "a watch carries no body");
    return false;
  }
  if (q.path != "/api/ingest")
    return Refuse(q, res, 404, "not_found", "no such API endpoint");
  if (chunked || !has_length)
    return Refuse(q, res, 411, "length_required",
                  "send the body with a Content-Length");
  if (length > static_cast<uint64_t>(a.options->max_body_bytes))
    return Refuse(q, res, 413, "too_large",
                  "the body is larger than " +
                      std::to_string(a.options->max_body_bytes) +
                      " bytes (serve --max-body-bytes)");
  return false;
}

bool RefusedRole(const Access& a, const httplib::Request& q,
                 httplib::Response& res) {
  if (q.path.rfind("/api/", 0) != 0) return false;  // the UI's files
  // Watching a story saves an alert, not a report: a reader may (issue 27).
  const bool write = q.method == "POST" && !IsWatchPath(q.path);
  if (write && a.tokens.empty() && a.ingest.empty())
    return Refuse(q, res, 403, "read_only",
                  "this server was started without --ingest-token");
  if (!write && a.tokens.empty()) return false;  // open for reading
  const std::string& auth = q.get_header_value("Authorization");
  Role have = std::max(a.tokens.RoleOf(auth), a.ingest.RoleOf(auth));
  Role need = write ? Role::kIngest : Role::kRead;
  if (have >= need) return false;
  if (have == Role::kNone) {
    res.set_header("WWW-Authenticate", "Bearer");
    return Refuse(q, res, 401, "unauthorized", "missing or wrong bearer token");
  }
  return Refuse(q, res, 403, "forbidden",
                std::string("this token's role is ") + RoleName(have) +
                    "; this needs " + RoleName(need));
}

// Everything checked from a request's headers, before its body is read.
bool Refused(const Access& a, const httplib::Request& q,
             httplib::Response& res) {
  if (!HostAllowed(q.get_header_value("Host"), a.options->host,
                   a.options->allowed_hosts))
    return Refuse(q, res, 421, "unknown_host",
                  "this server does not answer for that Host name (serve "
                  "--allow-host NAME)");
  if (HasNulParam(q))
    return Refuse(q, res, 400, "bad_request", "a parameter holds a NUL byte");
  return RefusedBody(a, q, res) || RefusedRole(a, q, res);
}

const char* CodeOfHttp(int http) {
  switch (http) {
    case 400:
      return "bad_request";
    case 404:
      return "not_found";
    case 413:
      return "too_large";
    case 414:
      return "uri_too_long";
    default:
      return http < 500 ? "refused" : "internal";
  }
}

}  // namespace

std::string FindWebRoot() {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("MARSAD_WEB_DIR"); env && *env)
    candidates.emplace_back(env);
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec)
    candidates.push_back(exe.parent_path() / ".." / "share" / "marsad" / "web");
  candidates.emplace_back(MARSAD_SOURCE_WEB_DIR);
  for (const fs::path& c : candidates) {
    if (fs::exists(c / "index.html", ec)) return fs::canonical(c, ec).string();
  }
  return "";
}

std::string ExposureWarning(const ServerOptions& options, bool has_tokens) {
  if (IsLoopbackAddress(options.host) || has_tokens) return "";
  return "marsad serve: WARNING: listening on " + options.host +
         " without access tokens: anyone who can reach this address reads "
         "the whole store. Give --token-file (roles read, ingest, admin), or "
         "listen on 127.0.0.1 behind a reverse proxy with TLS and "
         "authentication (docs/scaling.md).";
}

void StopServer() {
  std::lock_guard<std::mutex> lock(g_servers_mu);
  for (auto& [port, server] : g_servers) server->stop();
}

void StopServer(int port) {
  std::lock_guard<std::mutex> lock(g_servers_mu);
  auto it = g_servers.find(port);
  if (it != g_servers.end()) it->second->stop();
}

Status RunServer(const ServerOptions& options,
                 const std::function<void(int)>& on_listening) {
#ifdef __GLIBC__
  // glibc gives each thread its own malloc arena; with a pool of threads
  // each building large JSON answers, the arenas fragment and the server
  // kept growing under load (RssAnon +50 MB a run of wrk). Four arenas:
  // it settles (bench: search step).
  mallopt(M_ARENA_MAX, 4);
#endif
  Access access;
  access.options = &options;
  ASSIGN_OR_RETURN(access.tokens, LoadTokens(options));
  if (!options.ingest_token.empty())
    access.ingest.Add(options.ingest_token, Role::kIngest);
  if (std::string w = ExposureWarning(options, !access.tokens.empty());
      !w.empty())
    std::fprintf(stderr, "%s\n", w.c_str());
  // The stages' tables and models, once, before listening, when POST
  // /api/ingest can be allowed at all (a read-only server needs none).
  std::unique_ptr<const Resources> owned_resources;
  const Resources* resources = options.resources;
  if (!access.ingest.empty() || access.tokens.AllowsIngest()) {
    ASSIGN_OR_RETURN(resources, ResourcesOrLoad(resources, &owned_resources));
  }
  // The comparison's tables: the Resources' when they are loaded, else the
  // facts lexicon alone (a read-only server reads no NER model).
  const FactsLexicon* facts =
      resources != nullptr ? resources->facts_lexicon() : nullptr;
#if MARSAD_HAVE_FACTS
  std::unique_ptr<const FactsLexicon> owned_facts;
  if (facts == nullptr) {
    ASSIGN_OR_RETURN(owned_facts, FactsLexicon::Load(DataDir()));
    facts = owned_facts.get();
  }
#endif
  // The tables the stores read search terms with: the Resources' when they
  // are loaded, else the text tables alone; a missing one stops the server
  // here, before it listens.
  std::unique_ptr<const TextTables> owned_text;
  const TextTables* text =
      resources != nullptr ? &resources->text_tables() : nullptr;
  if (text == nullptr) {
    ASSIGN_OR_RETURN(owned_text, TextTables::Load(DataDir()));
    text = owned_text.get();
  }
  // The outlet names (data/clean/outlets.tsv) the stores' outlet filter is
  // read with: the Resources' or the clean lexicon alone, likewise.
  std::unique_ptr<const CleanLexicon> owned_outlets;
  const CleanLexicon* outlets =
      resources != nullptr ? &resources->clean_lexicon() : nullptr;
  if (outlets == nullptr) {
    ASSIGN_OR_RETURN(owned_outlets, CleanLexicon::Load(DataDir()));
    outlets = owned_outlets.get();
  }
  const StoreOptions writable{.text_tables = text, .clean_lexicon = outlets};
  {
    // The database must exist and be a marsad store before we listen.
    StoreOptions read_only = writable;
    read_only.read_only = true;
    auto probe = Store::Open(options.db, read_only);
    if (!probe.ok()) return probe.status();
  }
  {
    // Bring an older store's schema up to date (new indexes), as any
    // writing command would; a store we may not write is served as it is.
    auto migrate = Store::Open(options.db, writable);
    if (!migrate.ok())
      std::fprintf(stderr, "marsad serve: store not migrated (%s)\n",
                   migrate.status().ToString().c_str());
  }
  ApiPool pool(options.db, facts, *text, *outlets);
  // Deadlines per request, not per read (src/server/connection.h): a slow
  // client is cut off after header_timeout_ms whatever it trickles. A
  // keep-alive connection holds a pool thread while it lives: short
  // keep-alives stop a few busy clients from starving the others.
  ConnectionLimits limits;
  limits.head_timeout = std::chrono::milliseconds(options.header_timeout_ms);
  limits.idle_timeout = std::chrono::milliseconds(1000);
  limits.max_requests = 20;
  GuardedServer server(limits);
  server.new_task_queue = [n = options.threads] {
    return new httplib::ThreadPool(n);
  };
  // cpp-httplib's default also sets SO_REUSEPORT: a second `marsad serve`
  // on the same port then starts without error and the kernel spreads
  // connections over both (stale servers answered some requests). Only
  // SO_REUSEADDR, so that a busy port is an error.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR,
               reinterpret_cast<const void*>(&yes), sizeof(yes));
  });
  // No Brotli: Debian's cpp-httplib compresses with it at quality 11 when
  // the client accepts "br" (every browser does), about 0.5 MB/s here: the
  // map's 0.5 MB of places took 1.2 s instead of 0.15 s, its 0.76 MB atlas
  // 3 s. gzip compresses as well for JSON and costs nothing noticeable. The
  // request is ours to edit (cpp-httplib passes it const to the handler).
  server.set_pre_routing_handler(
      [&access](const httplib::Request& q, httplib::Response& res) {
        GuardedServer::HeadDone();
        if (Refused(access, q, res))
          return httplib::Server::HandlerResponse::Handled;
        auto& headers = const_cast<httplib::Request&>(q).headers;
        auto it = headers.find("Accept-Encoding");
        if (it != headers.end() && it->second.find("br") != std::string::npos) {
          std::string kept;
          for (std::string_view part : Split(it->second, ',')) {
            while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
            if (part.substr(0, 2) == "br") continue;
            if (!kept.empty()) kept += ", ";
            kept += part;
          }
          it->second = kept;
        }
        return httplib::Server::HandlerResponse::Unhandled;
      });
  // A client sending "Expect: 100-continue" is refused before it sends
  // the body at all.
  server.set_expect_100_continue_handler(
      [&access](const httplib::Request& q, httplib::Response& res) {
        GuardedServer::HeadDone();
        return Refused(access, q, res) ? res.status : 100;
      });
  // Checked above from the headers; this is httplib's own backstop.
  server.set_payload_max_length(static_cast<size_t>(options.max_body_bytes));
  // What a handler throws is logged, never sent (httplib put it in a
  // header of an empty 500).
  server.set_exception_handler([](const httplib::Request& q,
                                  httplib::Response& res,
                                  std::exception_ptr ep) {
    std::string what = "unknown exception";
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    std::fprintf(stderr, "marsad serve: %s %s: %s\n", q.method.c_str(),
                 q.path.c_str(), what.c_str());
    SendError(res, 500, "internal", "internal error (see the server's log)");
  });
  server.set_default_headers({{"Content-Security-Policy", kCsp},
                              {"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"X-Frame-Options", "DENY"}});
  server.Get("/api/health",
             [&](const httplib::Request&, httplib::Response& res) {
               Handle(pool, res, [&](Api& a) {
                 auto j = a.Health();
                 if (j.ok())
                   (*j)["read_only"] =
                       access.ingest.empty() && !access.tokens.AllowsIngest();
                 return j;
               });
             });
  server.Get(
      "/api/stories", [&](const httplib::Request& q, httplib::Response& res) {
        Handle(pool, res, [&](Api& a) { return a.Stories(ParamsOf(q)); });
      });
  server.Get(R"(/api/threads/(\d+))",
             [&](const httplib::Request& q, httplib::Response& res) {
               Handle(pool, res, [&](Api& a) -> StatusOr<json> {
                 ASSIGN_OR_RETURN(int64_t id, PathId(q));
                 return a.Thread(id, ParamsOf(q));
               });
             });
  server.Get(R"(/api/stories/(\d+))",
             [&](const httplib::Request& q, httplib::Response& res) {
               Handle(pool, res, [&](Api& a) -> StatusOr<json> {
                 ASSIGN_OR_RETURN(int64_t id, PathId(q));
                 return a.Story(id);
               });
             });
  server.Get(R"(/api/articles/(\d+))",
             [&](const httplib::Request& q, httplib::Response& res) {
               Handle(pool, res, [&](Api& a) -> StatusOr<json> {
                 ASSIGN_OR_RETURN(int64_t id, PathId(q));
                 return a.Article(id);
               });
             });
  server.Get("/api/search",
             [&](const httplib::Request& q, httplib::Response& res) {
               Handle(pool, res, [&](Api& a) { return a.Search(ParamsOf(q)); });
             });
  server.Get("/api/outlets",
             [&](const httplib::Request&, httplib::Response& res) {
               Handle(pool, res, [&](Api& a) { return a.Outlets(); });
             });
  // Issue 27: an outlet's profile (the name URL-encoded in the path; it
  // may hold a "/": "مدينة النخيل/ خاص").
  server.Get(R"(/api/outlets/(.+)/profile)", [&](const httplib::Request& q,
                                                 httplib::Response& res) {
    Handle(pool, res, [&](Api& a) { return a.OutletProfile(q.matches[1]); });
  });
  server.Get("/api/alerts",
             [&](const httplib::Request&, httplib::Response& res) {
               Handle(pool, res, [&](Api& a) { return a.Alerts(); });
             });
  server.Get(
      "/api/entities", [&](const httplib::Request& q, httplib::Response& res) {
        Handle(pool, res, [&](Api& a) { return a.Entities(ParamsOf(q)); });
      });
  server.Get(R"(/api/entities/([^/]+))",
             [&](const httplib::Request& q, httplib::Response& res) {
               Handle(pool, res, [&](Api& a) {
                 return a.Entity(q.matches[1], ParamsOf(q));
               });
             });
  server.Get("/api/events",
             [&](const httplib::Request& q, httplib::Response& res) {
               Handle(pool, res, [&](Api& a) { return a.Events(ParamsOf(q)); });
             });
  server.Get(
      "/api/timeline", [&](const httplib::Request& q, httplib::Response& res) {
        Handle(pool, res, [&](Api& a) { return a.Timeline(ParamsOf(q)); });
      });
  server.Get("/api/places",
             [&](const httplib::Request& q, httplib::Response& res) {
               Handle(pool, res, [&](Api& a) { return a.Places(ParamsOf(q)); });
               if (res.status == 200)
                 res.set_header("Content-Type", "application/geo+json");
             });
  // Issue 27: a story's points with their timelines, and its brief (a
  // page of its own: inline styles only, so its own policy).
  server.Get(R"(/api/stories/(\d+)/points)",
             [&](const httplib::Request& q, httplib::Response& res) {
               Handle(pool, res, [&](Api& a) -> StatusOr<json> {
                 ASSIGN_OR_RETURN(int64_t id, PathId(q));
                 return a.Points(id, ParamsOf(q));
               });
             });
  server.Get(R"(/api/stories/(\d+)/brief)", [&](const httplib::Request& q,
                                                httplib::Response& res) {
    auto api = pool.Get();
    if (!api.ok()) {
      SendStatus(res, UnavailableError(api.status().message()));
      return;
    }
    StatusOr<int64_t> id = PathId(q);
    std::string format =
        q.has_param("format") ? q.get_param_value("format") : "html";
    StatusOr<std::string> body = id.ok() ? (*api)->Brief(*id, format)
                                         : StatusOr<std::string>(id.status());
    if (!body.ok()) {
      SendStatus(res, body.status());
      return;
    }
    res.headers.erase("Content-Security-Policy");
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; style-src 'unsafe-inline'; "
                   "img-src data:; base-uri 'none'; form-action 'none'; "
                   "frame-ancestors 'none'");
    if (q.has_param("download")) {
      res.set_header("Content-Disposition", "attachment; filename=\"brief-" +
                                                std::to_string(*id) + "." +
                                                format + "\"");
    }
    res.set_content(*body, format == "md" ? "text/markdown; charset=utf-8"
                                          : "text/html; charset=utf-8");
  });
  std::mutex ingest_mu;
  // The token, the body's size and type were checked from the headers.
  server.Post(
      "/api/ingest", [&](const httplib::Request& q, httplib::Response& res) {
        json body = json::parse(q.body, nullptr, false);
        if (body.is_discarded() || !body.is_object()) {
          SendError(res, 400, "bad_request", "body is not a JSON object");
          return;
        }
        std::lock_guard<std::mutex> lock(ingest_mu);
        auto store = Store::Open(options.db, writable);
        if (!store.ok()) {
          SendStatus(res, UnavailableError(store.status().message()));
          return;
        }
        if (resources == nullptr) {
          SendStatus(res, UnavailableError("ingest is not enabled"));
          return;
        }
        int http = 200;
        SendJson(res,
                 Ingest(store->get(), *resources, body, options.fields, &http));
        if (res.status == -1 || res.status == 200) res.status = http;
      });
  // Issue 27: watch a story (an alert on its new contradictions), in the
  // store opened for writing as an ingest does.
  server.Post(R"(/api/stories/(\d+)/watch)",
              [&](const httplib::Request& q, httplib::Response& res) {
                StatusOr<json> watch = [&]() -> StatusOr<json> {
                  ASSIGN_OR_RETURN(Api * api, pool.Get());
                  ASSIGN_OR_RETURN(int64_t id, PathId(q));
                  std::lock_guard<std::mutex> lock(ingest_mu);
                  auto store = Store::Open(options.db, writable);
                  if (!store.ok())
                    return UnavailableError(store.status().message());
                  return api->WatchStory(id, store->get());
                }();
                SendJson(res, watch);
                if (watch.ok() && watch->value("created", false))
                  res.status = 201;
              });
  server.Get(R"(/api/.*)",
             [&](const httplib::Request&, httplib::Response& res) {
               SendError(res, 404, "not_found", "no such API endpoint");
             });
  std::string web = options.web_root.empty() ? FindWebRoot() : options.web_root;
  std::error_code ec;
  if (!web.empty() && fs::exists(fs::path(web) / "index.html", ec)) {
    // Files are served by canonical path, checked to be inside the
    // canonical root: httplib's mount points followed a symlink anywhere.
    server.Get(R"(/.*)",
               [root = fs::canonical(web, ec).string()](
                   const httplib::Request& q, httplib::Response& res) {
                 ServeStatic(root, q, res);
               });
  } else {
    server.Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(
          "marsad API is running; the web UI is not built "
          "(scripts/build-web.sh).",
          "text/plain; charset=utf-8");
    });
  }
  // Errors httplib answers itself (a bad request line, an unknown route)
  // are JSON too.
  server.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty())
          return httplib::Server::HandlerResponse::Unhandled;
        std::string code = CodeOfHttp(res.status), msg = code;
        std::replace(msg.begin(), msg.end(), '_', ' ');
        SendError(res, res.status, code, msg);
        return httplib::Server::HandlerResponse::Handled;
      }));
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
    if (port < 0) return UnavailableError("cannot bind " + options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    return UnavailableError("cannot listen on " + options.host + ":" +
                            std::to_string(port));
  }
  g_server = &server;
  {
    std::lock_guard<std::mutex> lock(g_servers_mu);
    g_servers[port] = &server;
  }
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  if (on_listening) on_listening(port);
  bool ok = server.listen_after_bind();
  {
    std::lock_guard<std::mutex> lock(g_servers_mu);
    g_servers.erase(port);
  }
  GuardedServer* self = &server;
  g_server.compare_exchange_strong(self, nullptr);
  if (!ok) return UnavailableError("server stopped with an error");
  return Status::OK();
}

}  // namespace marsad
