#include "src/server/server.h"

#include <httplib.h>
#include <malloc.h>
#include <sys/socket.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>

#include "src/base/data.h"
#include "src/base/hash.h"
#include "src/pipeline/pipeline.h"
#include "src/server/api.h"

namespace marsad {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

httplib::Server* g_server = nullptr;

void OnSignal(int) {
  if (g_server) g_server->stop();
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

void SendJson(httplib::Response& res, const StatusOr<json>& body,
              const char* type = "application/json") {
  if (!body.ok()) {
    SendError(res, HttpStatus(body.status()), ErrorCode(body.status()),
              body.status().message());
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

// One read-only store connection per server thread.
class ApiPool {
 public:
  explicit ApiPool(std::string db) : db_(std::move(db)) {}
  StatusOr<Api*> Get() {
    thread_local std::map<const ApiPool*, std::unique_ptr<Api>> apis;
    auto& slot = apis[this];
    if (!slot) {
      ASSIGN_OR_RETURN(auto store,
                       Store::Open(db_, StoreOptions{.read_only = true}));
      slot = std::make_unique<Api>(std::move(store));
    }
    return slot.get();
  }

 private:
  std::string db_;
};

template <typename F>
void Handle(ApiPool& pool, httplib::Response& res, F f) {
  auto api = pool.Get();
  if (!api.ok()) {
    SendError(res, 503, "unavailable", api.status().message());
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

// POST /api/ingest: documents through the same pipeline as `marsad ingest`.
json Ingest(Store* store, const json& body, Status* st) {
  auto ing = Ingestor::Create(store, IngestOptions{});
  if (!ing.ok()) {
    *st = ing.status();
    return {};
  }
  const json& docs = body.value("documents", json::array());
  if (!docs.is_array() || docs.size() > 1000) {
    *st = InvalidArgumentError("documents must be an array of at most 1000");
    return {};
  }
  int64_t before = (*ing)->summary().stored;
  for (const json& d : docs) {
    Document doc;
    doc.raw = d.value("text", "");
    doc.format = d.value("format", "txt") == "html" ? "html" : "txt";
    doc.title = d.value("title", "");
    doc.outlet = d.value("outlet", "");
    doc.url = d.value("url", "");
    doc.published = d.value("published", "");
    doc.source = doc.url.empty() ? "api" : doc.url;
    doc.encoding = "UTF-8";
    doc.input_hash = Hash64(d.dump(), /*seed=*/4);
    if (doc.raw.empty()) {
      (*ing)->Reject(doc.source, InvalidArgumentError("empty text"));
      continue;
    }
    *st = (*ing)->Add(std::move(doc));
    if (!st->ok()) return {};
  }
  *st = (*ing)->Flush();
  const IngestSummary& s = (*ing)->summary();
  return {{"added", s.stored - before},
          {"skipped", s.already_stored},
          {"rejected", s.rejected}};
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

void StopServer() {
  if (g_server) g_server->stop();
}

Status RunServer(const ServerOptions& options,
                 const std::function<void(int)>& on_listening) {
  {
    // The database must exist and be a marsad store before we listen.
    auto probe = Store::Open(options.db, StoreOptions{.read_only = true});
    if (!probe.ok()) return probe.status();
  }
  {
    // Bring an older store's schema up to date (new indexes), as any
    // writing command would; a store we may not write is served as it is.
    auto migrate = Store::Open(options.db, StoreOptions{});
    if (!migrate.ok())
      std::fprintf(stderr, "marsad serve: store not migrated (%s)\n",
                   migrate.status().ToString().c_str());
  }
#ifdef __GLIBC__
  // glibc gives each thread its own malloc arena; with a pool of threads
  // each building large JSON answers, the arenas fragment and the server
  // kept growing under load (RssAnon +50 MB a run of wrk). Four arenas:
  // it settles (bench: search step).
  mallopt(M_ARENA_MAX, 4);
#endif
  ApiPool pool(options.db);
  httplib::Server server;
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
      [](const httplib::Request& q, httplib::Response&) {
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
  server.set_payload_max_length(16 << 20);
  server.set_read_timeout(10, 0);
  server.set_write_timeout(10, 0);
  // A keep-alive connection holds a pool thread while it lives: short
  // keep-alives stop a few busy clients from starving the others.
  server.set_keep_alive_max_count(20);
  server.set_keep_alive_timeout(1);
  server.set_default_headers({{"Content-Security-Policy", kCsp},
                              {"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"X-Frame-Options", "DENY"}});
  server.Get("/api/health",
             [&](const httplib::Request&, httplib::Response& res) {
               Handle(pool, res, [&](Api& a) {
                 auto j = a.Health();
                 if (j.ok()) (*j)["read_only"] = options.ingest_token.empty();
                 return j;
               });
             });
  server.Get(
      "/api/stories", [&](const httplib::Request& q, httplib::Response& res) {
        Handle(pool, res, [&](Api& a) { return a.Stories(ParamsOf(q)); });
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
  std::mutex ingest_mu;
  server.Post(
      "/api/ingest", [&](const httplib::Request& q, httplib::Response& res) {
        if (options.ingest_token.empty()) {
          SendError(res, 403, "read_only",
                    "this server was started without --ingest-token");
          return;
        }
        if (q.get_header_value("Authorization") !=
            "Bearer " + options.ingest_token) {
          SendError(res, 401, "unauthorized", "missing or wrong bearer token");
          return;
        }
        json body = json::parse(q.body, nullptr, false);
        if (body.is_discarded() || !body.is_object()) {
          SendError(res, 400, "bad_request", "body is not a JSON object");
          return;
        }
        std::lock_guard<std::mutex> lock(ingest_mu);
        auto store = Store::Open(options.db);
        if (!store.ok()) {
          SendError(res, 503, "unavailable", store.status().message());
          return;
        }
        Status st;
        json out = Ingest(store->get(), body, &st);
        SendJson(res, st.ok() ? StatusOr<json>(out) : StatusOr<json>(st));
      });
  server.Get(R"(/api/.*)",
             [&](const httplib::Request&, httplib::Response& res) {
               SendError(res, 404, "not_found", "no such API endpoint");
             });
  std::string web = options.web_root.empty() ? FindWebRoot() : options.web_root;
  if (!web.empty()) {
    // Vite names every asset by its content hash: a browser may keep them
    // for good and load a page without asking again (index.html, which
    // names them, is never cached this way).
    server.set_mount_point(
        "/assets", web + "/assets",
        {{"Cache-Control", "public, max-age=31536000, immutable"}});
    server.set_mount_point("/", web);
    // Client-side routes (#/story/3 needs none, but /story/3 reloads do).
    server.set_error_handler(
        [web](const httplib::Request& q, httplib::Response& res) {
          if (res.status == 404 && q.path.rfind("/api/", 0) != 0 &&
              q.path.find("..") == std::string::npos &&
              q.path.find('.') == std::string::npos) {
            std::ifstream in(web + "/index.html");
            std::stringstream ss;
            ss << in.rdbuf();
            res.status = 200;
            res.set_content(ss.str(), "text/html; charset=utf-8");
          }
        });
  } else {
    server.Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(
          "marsad API is running; the web UI is not built "
          "(scripts/build-web.sh).",
          "text/plain; charset=utf-8");
    });
  }
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
    if (port < 0) return UnavailableError("cannot bind " + options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    return UnavailableError("cannot listen on " + options.host + ":" +
                            std::to_string(port));
  }
  g_server = &server;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  if (on_listening) on_listening(port);
  bool ok = server.listen_after_bind();
  g_server = nullptr;
  if (!ok) return UnavailableError("server stopped with an error");
  return Status::OK();
}

}  // namespace marsad
