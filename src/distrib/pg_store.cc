#include "src/distrib/pg_store.h"

#include <map>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "src/base/document_json.h"
#include "src/base/hash.h"
#include "src/base/report_fields.h"
#include "src/clean/clean.h"
#include "src/distrib/pg_schema.h"
#include "src/distrib/pg_search.h"
#include "src/search/terms.h"
#include "src/store/article_row.h"
#include "src/store/sql_store.h"

namespace marsad {

using json = nlohmann::json;

namespace {

// NULL for "", as the SQLite store binds empty strings.
const char* OrNull(const std::string& s) {
  return s.empty() ? nullptr : s.c_str();
}

// Text form of an optional number ("" binds NULL through OrNull).
std::string Num(int64_t v) { return v ? std::to_string(v) : ""; }
std::string Num(const std::optional<double>& v) {
  return v ? pqxx::to_string(*v) : "";
}

std::string Str(const pqxx::field& f) { return f.is_null() ? "" : f.c_str(); }
int64_t Int(const pqxx::field& f) { return f.is_null() ? 0 : f.as<int64_t>(); }
std::string Bytes(const pqxx::field& f) {
  return f.is_null() ? "" : pqxx::binarystring(f).str();
}

StatusOr<Document> ReadArticleRow(const pqxx::row& r) {
  Document d;
  d.id = Int(r[0]);
  d.input_hash = std::stoull(Str(r[1]), nullptr, 16);
  d.content_hash = std::stoull(Str(r[2]), nullptr, 16);
  for (size_t i = 0; i < kReportFieldCount; ++i) {
    const ReportField& f = kReportFields[i];
    const pqxx::field& x = r[static_cast<int>(3 + i)];
    if (f.type == FieldType::kInt) {
      d.*f.integer = Int(x);
    } else {
      d.*f.text = Str(x);
    }
  }
  d.text = Str(r[kArticleAfterFields]);
  d.story_id = Int(r[kArticleAfterFields + 1]);
  d.duplicate_of = Int(r[kArticleAfterFields + 2]);
  std::string analysis = Str(r[kArticleAfterFields + 3]);
  if (!analysis.empty()) {
    // A stored analysis that does not read back is corruption of this
    // article: said, with the article's id, rather than served empty.
    json j = json::parse(analysis, nullptr, false);
    Status st = j.is_discarded() ? CorruptionError("not JSON")
                                 : AnalysisFromJson(j, &d);
    if (!st.ok()) {
      return CorruptionError("article " + std::to_string(d.id) +
                             ": stored analysis: " + st.message());
    }
  }
  d.fingerprint = Bytes(r[kArticleAfterFields + 4]);
  d.story_features = Bytes(r[kArticleAfterFields + 5]);
  return d;
}

// Runs `fn`, turning libpqxx exceptions into Status (none crosses the
// adapter).
template <typename Fn>
Status Guard(std::string_view what, Fn&& fn) {
  try {
    return fn();
  } catch (const pqxx::broken_connection& e) {
    return IOError(std::string(what) + ": " + e.what());
  } catch (const std::exception& e) {
    return InternalError(std::string(what) + ": " + e.what());
  }
}

class PgRow final : public SqlRow {
 public:
  explicit PgRow(const pqxx::row& r) : r_(r) {}
  bool IsNull(int col) const override { return r_[col].is_null(); }
  int64_t Int(int col) const override { return marsad::Int(r_[col]); }
  double Double(int col) const override {
    return r_[col].is_null() ? 0 : r_[col].as<double>();
  }
  std::string Text(int col) const override { return Str(r_[col]); }
  std::string Blob(int col) const override { return Bytes(r_[col]); }

 private:
  const pqxx::row& r_;
};

class PgStore final : public SqlStore {
 public:
  PgStore(std::unique_ptr<pqxx::connection> c, const TextTables& tables,
          const CleanLexicon& outlets)
      : c_(std::move(c)), tables_(tables), outlets_(outlets) {}

  Status Init(const StoreOptions& options);

  StatusOr<bool> HasInput(uint64_t input_hash) override;
  Status WriteBatch(const std::vector<Document*>& docs,
                    const std::vector<StoryRow>& stories,
                    const std::vector<StoryLink>& links) override;
  Status RecordRejected(const RejectedInput& r) override;
  StatusOr<int64_t> MaxArticleId() override;
  StatusOr<int64_t> MaxStoryId() override;
  Status ForEachRecent(const std::string& since,
                       const std::function<void(const Document&)>& fn) override;
  Status ForEachIndexRow(
      const std::function<void(const IndexRow&)>& fn) override;
  StatusOr<std::vector<StoryRow>> ListStories(const Page& page) override;
  StatusOr<std::optional<StoryRow>> GetStory(int64_t id) override;
  StatusOr<std::optional<Document>> GetArticle(int64_t id,
                                               bool with_raw) override;
  Status ForEachArticle(
      const std::function<void(const Document&)>& fn) override;
  StatusOr<int64_t> CountArticles() override;
  StatusOr<std::vector<RejectedInput>> ListRejected() override;
  StatusOr<SearchResults> Search(const SearchRequest& request) override;

 protected:
  Status Query(std::string_view sql, const std::vector<SqlParam>& params,
               const std::function<void(const SqlRow&)>& row) override;
  Status Exec(const std::vector<SqlStatement>& statements,
              std::vector<int64_t>* changes) override;
  bool KeepsAnswers() const override { return schema_version_ >= 5; }
  bool HasListingIndexes() const override { return schema_version_ >= 6; }
  bool KeepsTimeline() const override { return schema_version_ >= 7; }
  bool KeepsOutletCounts() const override { return schema_version_ >= 8; }
  bool KeepsThreads() const override { return schema_version_ >= 9; }

 private:
  Status Migrate();
  StatusOr<int64_t> ScalarInt(const std::string& sql);
  void InsertArticle(pqxx::work& w, Document* d);
  void InsertFacts(pqxx::work& w, const Document& d);
  void UpdateStory(pqxx::work& w, const StoryRow& s);
  StatusOr<StoryRow> ReadStory(pqxx::work& w, int64_t id);
  void JoinThreads(pqxx::work& w, int64_t a, int64_t b);

  std::unique_ptr<pqxx::connection> c_;
  const TextTables& tables_;     // of the search terms (StoreOptions)
  const CleanLexicon& outlets_;  // of the outlet filter (StoreOptions)
  // The schema version: the latest once migrated; a read-only store keeps
  // its own (its missing report columns read as NULL).
  int schema_version_ = 0;
};

Status PgStore::Init(const StoreOptions& options) {
  if (!options.read_only) {
    RETURN_IF_ERROR(Migrate());
  } else {
    RETURN_IF_ERROR(Guard("open", [&]() -> Status {
      pqxx::work w(*c_);
      pqxx::result r =
          w.exec("SELECT to_regclass('marsad_schema') IS NOT NULL");
      if (!r[0][0].as<bool>()) return NotFoundError("not a marsad database");
      schema_version_ =
          w.exec("SELECT COALESCE(MAX(version), 0) FROM marsad_schema")[0][0]
              .as<int>();
      return Status::OK();
    }));
  }
  return Guard("prepare", [&]() -> Status {
    c_->prepare("mention",
                "INSERT INTO mentions (article_id, entity_id, type, begin, "
                "\"end\", text, "
                "canonical, role) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)");
    c_->prepare(
        "entity",
        "INSERT INTO entities (id, name, type, lat, lon, mention_count) "
        "VALUES ($1,$2,$3,$4,$5,1) ON CONFLICT (id) DO UPDATE SET "
        "mention_count = entities.mention_count + 1, "
        "lat = COALESCE(entities.lat, excluded.lat), "
        "lon = COALESCE(entities.lon, excluded.lon)");
    // sort_date and day from the event's date, else its report's
    // (schema v6, as SQLite's v8).
    c_->prepare("event",
                "INSERT INTO events (article_id, idx, plover, mode, date, "
                "location, lat, lon, sort_date, day) VALUES "
                "($1,$2,$3,$4,$5,$6,$7,$8,COALESCE($5,$9,''),"
                "COALESCE($5,substr($9,1,10)))");
    return Status::OK();
  });
}

Status PgStore::Migrate() {
  auto migrations = PgMigrations();
  return Guard("migrate", [&]() -> Status {
    for (size_t next = 0;; ++next) {
      pqxx::work w(*c_);
      w.exec(
          "SELECT pg_advisory_xact_lock(7236231712)");  // "marsad" schema lock
      w.exec(
          "CREATE TABLE IF NOT EXISTS marsad_schema (version INTEGER NOT "
          "NULL)");
      pqxx::result v =
          w.exec("SELECT COALESCE(MAX(version), 0) FROM marsad_schema");
      size_t version = v[0][0].as<size_t>();
      if (version > migrations.size()) {
        return UnsupportedError("database schema v" + std::to_string(version) +
                                " is newer than this marsad");
      }
      if (version == migrations.size()) {
        w.commit();
        schema_version_ = static_cast<int>(version);
        return Status::OK();
      }
      w.exec(std::string(migrations[version]));
      w.exec("DELETE FROM marsad_schema");
      w.exec("INSERT INTO marsad_schema VALUES (" +
             std::to_string(version + 1) + ")");
      w.commit();
    }
  });
}

StatusOr<int64_t> PgStore::ScalarInt(const std::string& sql) {
  int64_t out = 0;
  RETURN_IF_ERROR(Guard("query", [&]() -> Status {
    pqxx::work w(*c_);
    pqxx::result r = w.exec(sql);
    out = r.empty() ? 0 : Int(r[0][0]);
    return Status::OK();
  }));
  return out;
}

StatusOr<bool> PgStore::HasInput(uint64_t input_hash) {
  bool found = false;
  RETURN_IF_ERROR(Guard("has input", [&]() -> Status {
    pqxx::work w(*c_);
    found = !w.exec_params("SELECT 1 FROM articles WHERE input_hash=$1",
                           HashHex(input_hash))
                 .empty();
    return Status::OK();
  }));
  return found;
}

void PgStore::InsertArticle(pqxx::work& w, Document* d) {
  std::string terms = BuildTsvectorLiteral(
      PreAnalyze(tables_, d->title),
      d->index_terms.empty() ? PreAnalyze(tables_, d->text) : d->index_terms);
  std::string id = Num(d->id), story = Num(d->story_id),
              dup = Num(d->duplicate_of);
  static const std::string kInsert = [] {
    std::string sql = "INSERT INTO articles (id, input_hash, content_hash, " +
                      ReportFieldColumns(SqlDialect::kPostgres) +
                      ", text, raw, story_id, duplicate_of, analysis, "
                      "fingerprint, story_features, terms) VALUES "
                      "(COALESCE($1, (SELECT COALESCE(MAX(id), 0) + 1 FROM "
                      "articles)),$2,$3";
    // The report fields, then text, raw, story_id, duplicate_of, analysis,
    // fingerprint, story_features and terms.
    int n = 4;
    for (size_t i = 0; i < kReportFieldCount + 8; ++i)
      sql += ",$" + std::to_string(n++);
    return sql + "::tsvector) ON CONFLICT (input_hash) DO NOTHING RETURNING id";
  }();
  // The report fields' values: NULL for an absent one, as the SQLite store
  // binds them.
  std::vector<std::string> values;
  for (const ReportField& f : kReportFields) {
    values.push_back(f.type == FieldType::kInt ? Num(d->*f.integer)
                                               : d->*f.text);
  }
  std::vector<const char*> fields;
  for (size_t i = 0; i < kReportFieldCount; ++i) {
    fields.push_back(kReportFields[i].required ? values[i].c_str()
                                               : OrNull(values[i]));
  }
  pqxx::result r = w.exec_params(
      kInsert, OrNull(id), HashHex(d->input_hash), HashHex(d->content_hash),
      pqxx::prepare::make_dynamic_params(fields), d->text,
      pqxx::binarystring(CompressRaw(d->raw)), OrNull(story), OrNull(dup),
      AnalysisToJson(*d).dump(), pqxx::binarystring(d->fingerprint),
      pqxx::binarystring(d->story_features), terms);
  if (r.empty()) {  // already stored: keep the stored article and its story
    d->id = w.exec_params1("SELECT id FROM articles WHERE input_hash=$1",
                           HashHex(d->input_hash))[0]
                .as<int64_t>();
    d->story_id = 0;
    return;
  }
  d->id = r[0][0].as<int64_t>();
  InsertFacts(w, *d);
}

void PgStore::InsertFacts(pqxx::work& w, const Document& d) {
  for (const EntityMention& x : d.entities) {
    if (x.entity_id.empty()) continue;
    std::string type(EntityTypeName(x.type));
    w.exec_prepared("mention", d.id, x.entity_id, type, int64_t{x.span.begin},
                    int64_t{x.span.end}, x.text, OrNull(x.canonical),
                    OrNull(x.role));
    std::string lat = x.lat && x.lon ? Num(x.lat) : "",
                lon = x.lat && x.lon ? Num(x.lon) : "";
    w.exec_prepared("entity", x.entity_id,
                    x.canonical.empty() ? x.text : x.canonical, type,
                    OrNull(lat), OrNull(lon));
  }
  for (size_t i = 0; i < d.events.size(); ++i) {
    const Event& x = d.events[i];
    std::string lat, lon;
    for (const EntityMention& m : d.entities) {  // place of the location span
      if (m.lat && m.lon && m.span.begin <= x.location_span.begin &&
          x.location_span.end <= m.span.end && !x.location_span.empty()) {
        lat = Num(m.lat);
        lon = Num(m.lon);
        break;
      }
    }
    w.exec_prepared("event", d.id, static_cast<int64_t>(i), OrNull(x.plover),
                    OrNull(x.mode), OrNull(x.date), OrNull(x.location),
                    OrNull(lat), OrNull(lon), OrNull(d.published));
  }
}

void PgStore::UpdateStory(pqxx::work& w, const StoryRow& st) {
  w.exec_params(
      "INSERT INTO stories (id, title) VALUES ($1, $2) ON CONFLICT (id) DO "
      "UPDATE SET title = COALESCE($2, stories.title)",
      st.id, OrNull(st.title));
  w.exec_params(
      "UPDATE stories SET "
      "first_seen = (SELECT MIN(substr(published,1,10)) FROM articles WHERE "
      "story_id=$1),"
      "last_seen = (SELECT MAX(substr(published,1,10)) FROM articles WHERE "
      "story_id=$1),"
      "article_count = (SELECT COUNT(*) FROM articles WHERE story_id=$1),"
      "outlets = COALESCE((SELECT json_agg(outlet ORDER BY m)::text FROM "
      "  (SELECT outlet, MIN(id) AS m FROM articles WHERE story_id=$1 AND "
      "outlet IS NOT NULL "
      "   GROUP BY outlet) o), '[]') "
      "WHERE id=$1",
      st.id);
}

// As SqliteStore::JoinThreads: the later thread's stories (and the two
// stories) are relabelled with the smaller thread id.
void PgStore::JoinThreads(pqxx::work& w, int64_t a, int64_t b) {
  int64_t lo = std::min(a, b), hi = lo;
  bool first = true;
  for (const pqxx::row& r :
       w.exec_params("SELECT COALESCE(thread_id, id) FROM stories WHERE id IN "
                     "($1, $2)",
                     a, b)) {
    const int64_t t = Int(r[0]);
    if (first) lo = hi = t;
    first = false;
    lo = std::min(lo, t);
    hi = std::max(hi, t);
  }
  w.exec_params(
      "UPDATE stories SET thread_id = $1 WHERE id IN ($1, $2, $3, $4) OR "
      "thread_id = $4",
      lo, a, b, hi);
}

Status PgStore::WriteBatch(const std::vector<Document*>& docs,
                           const std::vector<StoryRow>& stories,
                           const std::vector<StoryLink>& links) {
  std::vector<std::pair<int64_t, int64_t>> ids;  // restored if the batch fails
  for (Document* d : docs) ids.emplace_back(d->id, d->story_id);
  Status st = Guard("write batch", [&]() -> Status {
    pqxx::work w(*c_);
    for (Document* d : docs) InsertArticle(w, d);
    for (const StoryRow& s : stories) UpdateStory(w, s);
    for (const StoryLink& l : links) {
      if (!KeepsThreads()) {
        w.exec_params(
            "INSERT INTO story_links (a, b, score) VALUES ($1,$2,$3) ON "
            "CONFLICT (a, b) "
            "DO UPDATE SET score = GREATEST(story_links.score, excluded.score)",
            l.a, l.b, l.score);
        continue;
      }
      w.exec_params(
          "INSERT INTO story_links (a, b, score, thread, anchor) VALUES "
          "($1,$2,$3,$4,$5) ON CONFLICT (a, b) DO UPDATE SET score = "
          "GREATEST(story_links.score, excluded.score), "
          "thread = excluded.thread, anchor = excluded.anchor",
          l.a, l.b, l.score, int64_t{static_cast<int>(l.thread)}, l.anchor);
      if (l.thread == ThreadLink::kThread) JoinThreads(w, l.a, l.b);
    }
    w.commit();
    return Status::OK();
  });
  if (!st.ok()) {
    for (size_t i = 0; i < docs.size(); ++i) {
      docs[i]->id = ids[i].first;
      docs[i]->story_id = ids[i].second;
    }
  }
  return st;
}

Status PgStore::RecordRejected(const RejectedInput& r) {
  return Guard("record rejected", [&]() -> Status {
    pqxx::work w(*c_);
    w.exec_params(
        "INSERT INTO rejected (source, reason) VALUES ($1,$2) ON CONFLICT "
        "(source) "
        "DO UPDATE SET reason=excluded.reason, at=excluded.at",
        r.source, r.reason);
    w.commit();
    return Status::OK();
  });
}

StatusOr<int64_t> PgStore::MaxArticleId() {
  return ScalarInt("SELECT COALESCE(MAX(id),0) FROM articles");
}

StatusOr<int64_t> PgStore::MaxStoryId() {
  return ScalarInt(
      "SELECT GREATEST(COALESCE((SELECT MAX(id) FROM stories),0),"
      "COALESCE((SELECT MAX(story_id) FROM articles),0))");
}

Status PgStore::ForEachIndexRow(
    const std::function<void(const IndexRow&)>& fn) {
  return Guard("read the index rows", [&]() -> Status {
    pqxx::work w(*c_);
    pqxx::stateless_cursor<pqxx::cursor_base::read_only,
                           pqxx::cursor_base::owned>
        cur(w,
            "SELECT id, story_id, duplicate_of, published, fingerprint, "
            "story_features FROM articles ORDER BY id",
            "index_rows", false);
    IndexRow x;
    for (size_t at = 0;; at += 1000) {
      pqxx::result r = cur.retrieve(at, at + 1000);
      for (const pqxx::row& row : r) {
        x.id = Int(row[0]);
        x.story_id = Int(row[1]);
        x.duplicate_of = Int(row[2]);
        x.published = Str(row[3]);
        x.fingerprint = Bytes(row[4]);
        x.story_features = Bytes(row[5]);
        fn(x);
      }
      if (r.size() < 1000) break;
    }
    return Status::OK();
  });
}

Status PgStore::ForEachRecent(const std::string& since,
                              const std::function<void(const Document&)>& fn) {
  return Guard("read articles", [&]() -> Status {
    pqxx::work w(*c_);
    // A cursor keeps memory bounded on a large archive.
    std::string sql =
        "SELECT " + ArticleColumns(SqlDialect::kPostgres, schema_version_) +
        " FROM articles WHERE " +
        (since.empty()
             ? "TRUE"
             : "published IS NULL OR published >= " + w.quote(since)) +
        " ORDER BY id";
    pqxx::stateless_cursor<pqxx::cursor_base::read_only,
                           pqxx::cursor_base::owned>
        cur(w, sql, "recent", false);
    for (size_t at = 0;; at += 1000) {
      pqxx::result r = cur.retrieve(at, at + 1000);
      for (const pqxx::row& row : r) {
        ASSIGN_OR_RETURN(Document d, ReadArticleRow(row));
        fn(d);
      }
      if (r.size() < 1000) break;
    }
    return Status::OK();
  });
}

StatusOr<StoryRow> PgStore::ReadStory(pqxx::work& w, int64_t id) {
  pqxx::result s = w.exec_params(
      "SELECT s.id, s.title, s.first_seen, s.last_seen, "
      "s.outlets, " +
          ThreadColumn("s") + " FROM stories s WHERE s.id=$1",
      id);
  if (s.empty()) return NotFoundError("story " + std::to_string(id));
  StoryRow r;
  r.id = Int(s[0][0]);
  r.title = Str(s[0][1]);
  r.first_seen = Str(s[0][2]);
  r.last_seen = Str(s[0][3]);
  r.thread = Int(s[0][5]);
  json outlets = json::parse(Str(s[0][4]), nullptr, false);
  if (outlets.is_array()) {
    for (const json& o : outlets) {
      if (o.is_string()) r.outlets.push_back(o.get<std::string>());
    }
  }
  for (const pqxx::row& a :
       w.exec_params("SELECT id FROM articles WHERE story_id=$1 ORDER BY "
                     "COALESCE(published,''), id",
                     id)) {
    r.articles.push_back(Int(a[0]));
  }
  for (const pqxx::row& l :
       w.exec_params("SELECT CASE WHEN a=$1 THEN b ELSE a END FROM story_links "
                     "WHERE a=$1 OR b=$1 ORDER BY score DESC",
                     id)) {
    r.related.push_back(Int(l[0]));
  }
  return r;
}

StatusOr<std::vector<StoryRow>> PgStore::ListStories(const Page& page) {
  std::vector<StoryRow> out;
  Status inner;
  RETURN_IF_ERROR(Guard("list stories", [&]() -> Status {
    pqxx::work w(*c_);
    pqxx::result ids = w.exec_params(
        "SELECT id FROM stories WHERE article_count > 0 "
        "ORDER BY COALESCE(last_seen,'') DESC, id DESC LIMIT $1 OFFSET $2",
        int64_t{page.limit}, int64_t{page.offset});
    for (const pqxx::row& id : ids) {
      ASSIGN_OR_RETURN(StoryRow r, ReadStory(w, Int(id[0])));
      out.push_back(std::move(r));
    }
    return Status::OK();
  }));
  return out;
}

StatusOr<std::optional<StoryRow>> PgStore::GetStory(int64_t id) {
  std::optional<StoryRow> out;
  RETURN_IF_ERROR(Guard("get story", [&]() -> Status {
    pqxx::work w(*c_);
    auto r = ReadStory(w, id);
    if (r.ok()) out = std::move(*r);
    if (r.status().code() == StatusCode::kNotFound) return Status::OK();
    return r.status();
  }));
  return out;
}

StatusOr<std::optional<Document>> PgStore::GetArticle(int64_t id,
                                                      bool with_raw) {
  std::optional<Document> out;
  RETURN_IF_ERROR(Guard("get article", [&]() -> Status {
    pqxx::work w(*c_);
    pqxx::result r = w.exec_params(
        "SELECT " + ArticleColumns(SqlDialect::kPostgres, schema_version_) +
            ", raw FROM articles WHERE id=$1",
        id);
    if (r.empty()) return Status::OK();
    ASSIGN_OR_RETURN(Document d, ReadArticleRow(r[0]));
    if (with_raw) {
      ASSIGN_OR_RETURN(d.raw, DecompressRaw(Bytes(r[0][kArticleRawColumn])));
    }
    out = std::move(d);
    return Status::OK();
  }));
  return out;
}

Status PgStore::ForEachArticle(const std::function<void(const Document&)>& fn) {
  return ForEachRecent("", fn);
}

StatusOr<int64_t> PgStore::CountArticles() {
  return ScalarInt("SELECT COUNT(*) FROM articles");
}

StatusOr<std::vector<RejectedInput>> PgStore::ListRejected() {
  std::vector<RejectedInput> out;
  RETURN_IF_ERROR(Guard("list rejected", [&]() -> Status {
    pqxx::work w(*c_);
    for (const pqxx::row& r :
         w.exec("SELECT source, reason FROM rejected ORDER BY source")) {
      out.push_back({Str(r[0]), Str(r[1])});
    }
    return Status::OK();
  }));
  return out;
}

StatusOr<SearchResults> PgStore::Search(const SearchRequest& request) {
  SearchResults out;
  RETURN_IF_ERROR(Guard("search", [&]() -> Status {
    pqxx::work w(*c_);
    SearchRequest named = request;  // an outlet's id finds its reports too
    named.outlet = CanonicalOutlet(outlets_, request.outlet);
    ASSIGN_OR_RETURN(out, PgSearch(w, tables_, named));
    return Status::OK();
  }));
  return out;
}

// "?N" becomes "$N" cast to the parameter's type, so that "?1 IS NULL" has
// a type PostgreSQL can infer.
std::string RewriteParams(std::string_view sql,
                          const std::vector<SqlParam>& params) {
  std::string out;
  for (size_t i = 0; i < sql.size(); ++i) {
    if (sql[i] != '?') {
      out += sql[i];
      continue;
    }
    size_t j = i + 1;
    while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') ++j;
    size_t n =
        j > i + 1 ? std::stoul(std::string(sql.substr(i + 1, j - i - 1))) : 1;
    static constexpr const char* kTypes[] = {"bigint", "float8", "text",
                                             "bytea"};
    const char* type =
        n >= 1 && n <= params.size() ? kTypes[params[n - 1].index()] : "text";
    out += "($" + std::to_string(n) + "::" + type + ")";
    i = j - 1;
  }
  return out;
}

// A parameter in PostgreSQL's text form (nullopt binds NULL): BYTEA as
// \x and hex digits, which needs no connection to escape.
std::optional<std::string> ParamText(const SqlParam& p) {
  if (const auto* s = std::get_if<std::string>(&p)) {
    return s->empty() ? std::nullopt : std::optional<std::string>(*s);
  }
  if (const auto* i = std::get_if<int64_t>(&p)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&p)) return pqxx::to_string(*d);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\\x";
  for (unsigned char c : std::get<SqlBlob>(p).bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

pqxx::result ExecParams(pqxx::work& w, std::string_view sql,
                        const std::vector<SqlParam>& params) {
  std::vector<std::optional<std::string>> values;
  for (const SqlParam& p : params) values.push_back(ParamText(p));
  std::vector<const char*> ptrs;
  for (const auto& v : values) ptrs.push_back(v ? v->c_str() : nullptr);
  return w.exec_params(RewriteParams(sql, params),
                       pqxx::prepare::make_dynamic_params(ptrs));
}

Status PgStore::Query(std::string_view sql, const std::vector<SqlParam>& params,
                      const std::function<void(const SqlRow&)>& row) {
  return Guard("query", [&]() -> Status {
    pqxx::work w(*c_);
    pqxx::result r = ExecParams(w, sql, params);
    for (const pqxx::row& x : r) row(PgRow(x));
    return Status::OK();
  });
}

Status PgStore::Exec(const std::vector<SqlStatement>& statements,
                     std::vector<int64_t>* changes) {
  if (changes != nullptr) changes->clear();
  return Guard("exec", [&]() -> Status {
    pqxx::work w(*c_);
    std::vector<int64_t> counts;
    for (const SqlStatement& st : statements) {
      counts.push_back(ExecParams(w, st.sql, st.params).affected_rows());
    }
    w.commit();
    if (changes != nullptr) *changes = std::move(counts);
    return Status::OK();
  });
}

StatusOr<std::unique_ptr<Store>> OpenPgStoreImpl(const std::string& url,
                                                 const StoreOptions& options) {
  if (options.text_tables == nullptr)
    return InvalidArgumentError(
        "a store is opened with the text tables of its search terms "
        "(StoreOptions::text_tables)");
  if (options.clean_lexicon == nullptr)
    return InvalidArgumentError(
        "a store is opened with the outlet names of its searches' outlet "
        "filter (StoreOptions::clean_lexicon)");
  std::unique_ptr<pqxx::connection> c;
  RETURN_IF_ERROR(Guard(url, [&]() -> Status {
    c = std::make_unique<pqxx::connection>(url);
    return Status::OK();
  }));
  auto store = std::make_unique<PgStore>(std::move(c), *options.text_tables,
                                         *options.clean_lexicon);
  RETURN_IF_ERROR(store->Init(options).WithContext(url));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace

StatusOr<std::unique_ptr<Store>> OpenPgStore(const std::string& url,
                                             const StoreOptions& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<Store> s, OpenPgStoreImpl(url, options));
  return s;
}

void RegisterPgStore() { SetPostgresStoreOpener(&OpenPgStore); }

}  // namespace marsad
