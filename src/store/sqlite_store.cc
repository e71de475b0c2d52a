#include "src/store/sqlite_store.h"

#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>

#include "src/base/document_json.h"
#include "src/base/hash.h"
#include "src/base/report_fields.h"
#include "src/clean/clean.h"
#include "src/search/fts_tokenizer.h"
#include "src/search/sqlite_search.h"
#include "src/search/terms.h"
#include "src/store/article_row.h"
#include "src/store/schema.h"
#include "src/store/sqlite_util.h"

namespace marsad {

using json = nlohmann::json;

namespace {

// Reads the article columns (in kArticleColumns order) of the current row.
StatusOr<Document> ReadArticleRow(const Stmt& s) {
  Document d;
  d.id = s.Int(0);
  d.input_hash = std::stoull(s.Text(1), nullptr, 16);
  d.content_hash = std::stoull(s.Text(2), nullptr, 16);
  for (size_t i = 0; i < kReportFieldCount; ++i) {
    const ReportField& f = kReportFields[i];
    int col = 3 + static_cast<int>(i);
    if (f.type == FieldType::kInt) {
      d.*f.integer = s.Int(col);
    } else {
      d.*f.text = s.Text(col);
    }
  }
  d.text = s.Text(kArticleAfterFields);
  d.story_id = s.Int(kArticleAfterFields + 1);
  d.duplicate_of = s.Int(kArticleAfterFields + 2);
  std::string analysis = s.Text(kArticleAfterFields + 3);
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
  d.fingerprint = s.Blob(kArticleAfterFields + 4);
  d.story_features = s.Blob(kArticleAfterFields + 5);
  return d;
}

}  // namespace

namespace {
StoreOpener& PostgresOpener() {
  static StoreOpener opener = nullptr;
  return opener;
}
}  // namespace

void SetPostgresStoreOpener(StoreOpener opener) { PostgresOpener() = opener; }

StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& url,
                                             const StoreOptions& options) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    if (PostgresOpener() != nullptr) return PostgresOpener()(url, options);
    return UnsupportedError("PostgreSQL store is not built into this binary");
  }
  ASSIGN_OR_RETURN(std::unique_ptr<SqliteStore> s,
                   SqliteStore::Open(url, options));
  return std::unique_ptr<Store>(std::move(s));
}

StatusOr<std::unique_ptr<SqliteStore>> SqliteStore::Open(
    const std::string& path, const StoreOptions& options) {
  if (options.text_tables == nullptr)
    return InvalidArgumentError(
        path +
        ": a store is opened with the text tables of its search terms "
        "(StoreOptions::text_tables)");
  if (options.clean_lexicon == nullptr)
    return InvalidArgumentError(
        path +
        ": a store is opened with the outlet names of its searches' outlet "
        "filter (StoreOptions::clean_lexicon)");
  sqlite3* db = nullptr;
  int flags = options.read_only ? SQLITE_OPEN_READONLY
                                : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Status st =
        IOError(path + ": " + (db ? sqlite3_errmsg(db) : "cannot open"));
    sqlite3_close(db);
    return st;
  }
  std::unique_ptr<SqliteStore> store(
      new SqliteStore(db, *options.text_tables, *options.clean_lexicon));
  sqlite3_busy_timeout(db, 10000);
  RETURN_IF_ERROR(RegisterFts5Tokenizer(db, *options.text_tables));
  if (!options.read_only) {
    RETURN_IF_ERROR(
        marsad::Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
            .WithContext(path));
    RETURN_IF_ERROR(store->Migrate().WithContext(path));
  } else {
    ASSIGN_OR_RETURN(Stmt v, Stmt::Prepare(db, "PRAGMA user_version"));
    ASSIGN_OR_RETURN(bool row, v.Step());
    if (!row || v.Int(0) == 0)
      return NotFoundError(path + ": not a marsad database");
    store->schema_version_ = static_cast<int>(v.Int(0));
  }
  return store;
}

SqliteStore::~SqliteStore() {
  cache_.clear();  // finalize statements before closing
  sqlite3_close(db_);
}

StatusOr<Stmt*> SqliteStore::Cached(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it != cache_.end()) {
    it->second->Reset();
    return it->second.get();
  }
  ASSIGN_OR_RETURN(Stmt s, Stmt::Prepare(db_, sql));
  auto owned = std::make_unique<Stmt>(std::move(s));
  Stmt* raw = owned.get();
  cache_.emplace(std::string(sql), std::move(owned));
  return raw;
}

Status SqliteStore::Migrate() {
  int64_t version = 0;
  {
    // Finalized before migrating: a live statement locks the schema
    // against DROP INDEX.
    ASSIGN_OR_RETURN(Stmt v, Stmt::Prepare(db_, "PRAGMA user_version"));
    ASSIGN_OR_RETURN(bool row, v.Step());
    version = row ? v.Int(0) : 0;
  }
  auto migrations = SqliteMigrations();
  if (version > static_cast<int64_t>(migrations.size())) {
    return UnsupportedError("database schema v" + std::to_string(version) +
                            " is newer than this marsad");
  }
  for (size_t i = version; i < migrations.size(); ++i) {
    RETURN_IF_ERROR(marsad::Exec(db_, "BEGIN IMMEDIATE"));
    Status st = marsad::Exec(db_, migrations[i]);
    if (st.ok())
      st = marsad::Exec(db_, "PRAGMA user_version=" + std::to_string(i + 1));
    if (!st.ok()) {
      (void)marsad::Exec(db_, "ROLLBACK");
      return st.WithContext("migration " + std::to_string(i + 1));
    }
    RETURN_IF_ERROR(marsad::Exec(db_, "COMMIT"));
  }
  schema_version_ = static_cast<int>(migrations.size());
  return Status::OK();
}

StatusOr<bool> SqliteStore::HasInput(uint64_t input_hash) {
  ASSIGN_OR_RETURN(Stmt * s,
                   Cached("SELECT 1 FROM articles WHERE input_hash=?"));
  s->Bind(1, HashHex(input_hash));
  auto row = s->Step();
  s->Reset();
  return row;
}

Status SqliteStore::InsertArticle(Document* d, bool* inserted) {
  *inserted = false;
  ASSIGN_OR_RETURN(Stmt * find,
                   Cached("SELECT id FROM articles WHERE input_hash=?"));
  find->Bind(1, HashHex(d->input_hash));
  ASSIGN_OR_RETURN(bool exists, find->Step());
  if (exists) {
    d->id = find->Int(0);
    find->Reset();
    d->story_id = 0;  // not written: the stored article keeps its story
    return Status::OK();
  }
  find->Reset();
  static const std::string kInsert = [] {
    std::string marks(kReportFieldCount * 2, ',');  // ",?" per field
    for (size_t i = 1; i < marks.size(); i += 2) marks[i] = '?';
    return "INSERT INTO articles (id, input_hash, content_hash, " +
           ReportFieldColumns(SqlDialect::kSqlite) +
           ", text, raw, story_id, duplicate_of, analysis, fingerprint, "
           "story_features) VALUES (?,?,?" +
           marks + ",?,?,?,?,?,?,?)";
  }();
  ASSIGN_OR_RETURN(Stmt * sp, Cached(kInsert));
  Stmt& s = *sp;
  if (d->id)
    s.Bind(1, d->id);
  else
    s.BindNull(1);
  s.Bind(2, HashHex(d->input_hash)).Bind(3, HashHex(d->content_hash));
  int col = 4;
  for (const ReportField& f : kReportFields) {
    if (f.type == FieldType::kText) {
      s.Bind(col++, d->*f.text);
    } else if (int64_t v = d->*f.integer; v != 0) {
      s.Bind(col++, v);
    } else {
      s.BindNull(col++);
    }
  }
  s.BindNonNull(col, d->text);
  s.BindBlob(col + 1, CompressRaw(d->raw));
  if (d->story_id)
    s.Bind(col + 2, d->story_id);
  else
    s.BindNull(col + 2);
  if (d->duplicate_of)
    s.Bind(col + 3, d->duplicate_of);
  else
    s.BindNull(col + 3);
  std::string analysis;
  if (!AnalysisJsonText(*d, &analysis)) analysis = AnalysisToJson(*d).dump();
  s.Bind(col + 4, analysis);
  s.BindBlob(col + 5, d->fingerprint).BindBlob(col + 6, d->story_features);
  RETURN_IF_ERROR(s.Run().WithContext(d->source));
  d->id = sqlite3_last_insert_rowid(db_);
  *inserted = true;
  return InsertFacts(*d);
}

Status SqliteStore::IndexArticle(const Document* d) {
  ASSIGN_OR_RETURN(
      Stmt * ftsp,
      Cached("INSERT INTO articles_fts (rowid, title, text) VALUES (?,?,?)"));
  Stmt& fts = *ftsp;
  fts.Bind(1, d->id);
  fts.BindNonNull(2, PreAnalyze(tables_, d->title));
  fts.BindNonNull(3, d->index_terms.empty() ? PreAnalyze(tables_, d->text)
                                            : d->index_terms);
  return fts.Run();
}

Status SqliteStore::InsertFacts(const Document& d) {
  ASSIGN_OR_RETURN(Stmt * mp,
                   Cached("INSERT INTO mentions (article_id, entity_id, type, "
                          "begin, end, text, "
                          "canonical, role) VALUES (?,?,?,?,?,?,?,?)"));
  Stmt& m = *mp;
  for (const EntityMention& x : d.entities) {
    if (x.entity_id.empty()) continue;
    std::string type(EntityTypeName(x.type));
    m.Bind(1, d.id).Bind(2, x.entity_id).Bind(3, type);
    m.Bind(4, int64_t{x.span.begin}).Bind(5, int64_t{x.span.end});
    m.Bind(6, x.text).Bind(7, x.canonical).Bind(8, x.role);
    RETURN_IF_ERROR(m.Run());
  }
  // sort_date and day (schema v8) from the event's date, else its
  // report's, as the migration computes them for stored events.
  ASSIGN_OR_RETURN(
      Stmt * evp,
      Cached("INSERT INTO events (article_id, idx, plover, mode, date, "
             "location, lat, lon, sort_date, day) VALUES (?1,?2,?3,?4,?5,?6,"
             "?7,?8,COALESCE(?5,?9,''),COALESCE(?5,substr(?9,1,10)))"));
  Stmt& ev = *evp;
  for (size_t i = 0; i < d.events.size(); ++i) {
    const Event& x = d.events[i];
    ev.Bind(1, d.id).Bind(2, static_cast<int64_t>(i)).Bind(3, x.plover);
    ev.Bind(4, x.mode).Bind(5, x.date).Bind(6, x.location);
    ev.Bind(9, d.published);
    for (const EntityMention& m2 : d.entities) {  // place of the location span
      if (m2.lat && m2.lon && m2.span.begin <= x.location_span.begin &&
          x.location_span.end <= m2.span.end && !x.location_span.empty()) {
        ev.Bind(7, *m2.lat).Bind(8, *m2.lon);
        break;
      }
    }
    RETURN_IF_ERROR(ev.Run());
  }
  return Status::OK();
}

Status SqliteStore::UpdateStory(const StoryRow& st) {
  // Both statements cached: prepared per story, they cost more than their
  // run (callgrind, 300 reports: 0.11 G of UpdateStory's 0.14 G).
  ASSIGN_OR_RETURN(
      Stmt * s,
      Cached("INSERT INTO stories (id, title) VALUES (?1, ?2) ON CONFLICT(id) "
             "DO UPDATE SET title = COALESCE(?2, title)"));
  s->Bind(1, st.id).Bind(2, st.title);
  RETURN_IF_ERROR(s->Run());
  ASSIGN_OR_RETURN(
      Stmt * agg,
      Cached(
          "UPDATE stories SET "
          "first_seen = (SELECT MIN(substr(published,1,10)) FROM articles "
          "WHERE story_id=?1),"
          "last_seen = (SELECT MAX(substr(published,1,10)) FROM articles WHERE "
          "story_id=?1),"
          "article_count = (SELECT COUNT(*) FROM articles WHERE story_id=?1),"
          "outlets = (SELECT json_group_array(outlet) FROM (SELECT outlet, "
          "MIN(id) AS m "
          "  FROM articles WHERE story_id=?1 AND outlet IS NOT NULL GROUP BY "
          "outlet ORDER BY m)) "
          "WHERE id=?1"));
  agg->Bind(1, st.id);
  return agg->Run();
}

namespace {

// An entity row as the batch's mentions of it leave it: the first mention's
// name and type (an insert's), the first coordinates any mention carries
// (COALESCE keeps a row's first), and how many mentions.
struct EntityTally {
  const EntityMention* first = nullptr;
  const EntityMention* located = nullptr;
  int64_t mentions = 0;
};

// The entity rows of a batch's new articles (InsertFacts wrote their
// mentions): one upsert per entity with its count of mentions, in the order
// of the entities' first mentions, instead of one per mention. The rows are
// the same: a new entity is inserted with its first mention's name and type,
// mention_count grows by the batch's mentions, and lat/lon take the first
// coordinates where the row had none, as per-mention upserts left them; and
// new rows are inserted in the same order (same rowids). `e` is the upsert
// (kUpsertEntity).
Status UpsertEntities(Stmt& e, const std::vector<const Document*>& docs) {
  std::vector<EntityTally> tallies;
  std::unordered_map<std::string_view, size_t> index;
  for (const Document* d : docs) {
    for (const EntityMention& x : d->entities) {
      if (x.entity_id.empty()) continue;
      auto [it, added] = index.try_emplace(x.entity_id, tallies.size());
      if (added) tallies.push_back(EntityTally{&x});
      EntityTally& t = tallies[it->second];
      ++t.mentions;
      if (!t.located && x.lat && x.lon) t.located = &x;
    }
  }
  for (const EntityTally& t : tallies) {
    const EntityMention& x = *t.first;
    e.Bind(1, x.entity_id).Bind(2, x.canonical.empty() ? x.text : x.canonical);
    e.Bind(3, EntityTypeName(x.type));
    if (t.located) e.Bind(4, *t.located->lat).Bind(5, *t.located->lon);
    e.Bind(6, t.mentions);
    RETURN_IF_ERROR(e.Run());
  }
  return Status::OK();
}

constexpr const char* kUpsertEntity =
    "INSERT INTO entities (id, name, type, lat, lon, mention_count) "
    "VALUES (?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
    "mention_count = mention_count + excluded.mention_count, "
    "lat = COALESCE(lat, excluded.lat), lon = COALESCE(lon, excluded.lon)";

}  // namespace

Status SqliteStore::WriteBatch(const std::vector<Document*>& docs,
                               const std::vector<StoryRow>& stories,
                               const std::vector<StoryLink>& links) {
  RETURN_IF_ERROR(marsad::Exec(db_, "BEGIN IMMEDIATE"));
  Status st;
  std::vector<const Document*> inserted;
  for (Document* d : docs) {
    bool added = false;
    st = InsertArticle(d, &added);
    if (!st.ok()) break;
    if (added) inserted.push_back(d);
  }
  if (st.ok()) {
    auto upsert = Cached(kUpsertEntity);
    st = upsert.ok() ? UpsertEntities(**upsert, inserted) : upsert.status();
  }
  for (size_t i = 0; st.ok() && i < stories.size(); ++i)
    st = UpdateStory(stories[i]);
  if (st.ok() && !links.empty()) {
    auto ins = Stmt::Prepare(
        db_, KeepsThreads()
                 ? "INSERT INTO story_links (a, b, score, thread, anchor) "
                   "VALUES (?1,?2,?3,?4,?5) ON CONFLICT(a, b) DO UPDATE SET "
                   "score = MAX(score, excluded.score), thread = ?4, "
                   "anchor = ?5"
                 : "INSERT INTO story_links (a, b, score) VALUES (?1,?2,?3) "
                   "ON CONFLICT(a, b) "
                   "DO UPDATE SET score = MAX(score, excluded.score)");
    st = ins.status();
    for (size_t i = 0; st.ok() && i < links.size(); ++i) {
      ins->Bind(1, links[i].a).Bind(2, links[i].b).Bind(3, links[i].score);
      if (KeepsThreads())
        ins->Bind(4, int64_t{static_cast<int>(links[i].thread)})
            .Bind(5, links[i].anchor);
      st = ins->Run();
      if (st.ok() && links[i].thread == ThreadLink::kThread && KeepsThreads())
        st = JoinThreads(links[i].a, links[i].b);
    }
  }
  // The full-text rows last. Before a statement that needs a statement
  // journal (an insert that fires a trigger, an upsert), SQLite gives each
  // virtual table written in the transaction a savepoint, and FTS5 writes
  // its pending terms out as a new segment there. Written amid each
  // report's other rows, every report became a segment of its own, merged
  // again and again (callgrind: 2.4 M instructions a report in those
  // savepoints alone). Written after every other row of the batch, the
  // terms stay in memory and go out in a few large segments. The index
  // holds the same rows; only its segments differ.
  for (size_t i = 0; st.ok() && i < inserted.size(); ++i)
    st = IndexArticle(inserted[i]);
  if (!st.ok()) {
    (void)marsad::Exec(db_, "ROLLBACK");
    return st;
  }
  return marsad::Exec(db_, "COMMIT");
}

Status SqliteStore::RecordRejected(const RejectedInput& r) {
  ASSIGN_OR_RETURN(
      Stmt s,
      Stmt::Prepare(db_,
                    "INSERT INTO rejected (source, reason) VALUES (?,?) ON "
                    "CONFLICT(source) "
                    "DO UPDATE SET reason=excluded.reason, at=excluded.at"));
  s.Bind(1, r.source).Bind(2, r.reason);
  return s.Run();
}

StatusOr<int64_t> SqliteStore::MaxArticleId() {
  ASSIGN_OR_RETURN(
      Stmt s, Stmt::Prepare(db_, "SELECT COALESCE(MAX(id),0) FROM articles"));
  ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.Int(0) : 0;
}

StatusOr<int64_t> SqliteStore::MaxStoryId() {
  ASSIGN_OR_RETURN(
      Stmt s,
      Stmt::Prepare(db_,
                    "SELECT MAX(COALESCE((SELECT MAX(id) FROM stories),0),"
                    "COALESCE((SELECT MAX(story_id) FROM articles),0))"));
  ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.Int(0) : 0;
}

Status SqliteStore::ForEachRecent(
    const std::string& since, const std::function<void(const Document&)>& fn) {
  ASSIGN_OR_RETURN(
      Stmt s,
      Stmt::Prepare(db_,
                    "SELECT " +
                        ArticleColumns(SqlDialect::kSqlite, schema_version_) +
                        " FROM articles WHERE ?1 IS NULL OR published IS "
                        "NULL OR published >= ?1 ORDER BY id"));
  s.Bind(1, since);
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ASSIGN_OR_RETURN(Document d, ReadArticleRow(s));
    fn(d);
  }
  return Status::OK();
}

Status SqliteStore::ForEachIndexRow(
    const std::function<void(const IndexRow&)>& fn) {
  ASSIGN_OR_RETURN(
      Stmt s, Stmt::Prepare(db_,
                            "SELECT id, story_id, duplicate_of, published, "
                            "fingerprint, story_features FROM articles "
                            "ORDER BY id"));
  IndexRow r;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    r.id = s.Int(0);
    r.story_id = s.Int(1);
    r.duplicate_of = s.Int(2);
    r.published = s.Text(3);
    r.fingerprint = s.Blob(4);
    r.story_features = s.Blob(5);
    fn(r);
  }
  return Status::OK();
}

namespace {

// Resets a cached statement when the read is done: a statement left
// mid-result keeps its read transaction, and a long-lived server
// connection would go on seeing an old snapshot of the store.
class ResetWhenDone {
 public:
  explicit ResetWhenDone(Stmt* s) : s_(s) {}
  ~ResetWhenDone() { s_->Reset(); }
  ResetWhenDone(const ResetWhenDone&) = delete;
  ResetWhenDone& operator=(const ResetWhenDone&) = delete;

 private:
  Stmt* s_;
};

}  // namespace

// The story page reads a story and each of its related stories: cached
// statements, and the article ids in date order from the index on
// (story_id, published) without reading the articles' rows (schema v4).
// The threads of `a` and `b` become one, named by the smaller of their ids:
// the later thread's stories (and the two stories, if in no thread yet) are
// relabelled. Inside the batch's transaction.
Status SqliteStore::JoinThreads(int64_t a, int64_t b) {
  ASSIGN_OR_RETURN(Stmt * qp,
                   Cached("SELECT COALESCE(thread_id, id) FROM stories "
                          "WHERE id IN (?1, ?2)"));
  ResetWhenDone reset(qp);
  qp->Bind(1, a).Bind(2, b);
  int64_t lo = std::min(a, b), hi = lo;
  for (bool first = true;; first = false) {
    ASSIGN_OR_RETURN(bool row, qp->Step());
    if (!row) break;
    const int64_t t = qp->Int(0);
    if (first) lo = hi = t;
    lo = std::min(lo, t);
    hi = std::max(hi, t);
  }
  ASSIGN_OR_RETURN(Stmt * up,
                   Cached("UPDATE stories SET thread_id = ?1 WHERE id IN "
                          "(?1, ?2, ?3, ?4) OR thread_id = ?4"));
  ResetWhenDone reset_up(up);
  up->Bind(1, lo).Bind(2, a).Bind(3, b).Bind(4, hi);
  return up->Run();
}

StatusOr<StoryRow> SqliteStore::ReadStory(int64_t id) {
  StoryRow r;
  ASSIGN_OR_RETURN(Stmt * sp,
                   Cached("SELECT s.id, s.title, s.first_seen, s.last_seen, "
                          "s.outlets, " +
                          ThreadColumn("s") + " FROM stories s WHERE s.id=?1"));
  ResetWhenDone reset_s(sp);
  Stmt& s = *sp;
  s.Bind(1, id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return NotFoundError("story " + std::to_string(id));
  r.id = s.Int(0);
  r.title = s.Text(1);
  r.first_seen = s.Text(2);
  r.last_seen = s.Text(3);
  r.thread = s.Int(5);
  json outlets = json::parse(s.Text(4), nullptr, false);
  if (outlets.is_array()) {
    for (const json& o : outlets) {
      if (o.is_string()) r.outlets.push_back(o.get<std::string>());
    }
  }
  ASSIGN_OR_RETURN(Stmt * ap, Cached("SELECT id FROM articles WHERE story_id=? "
                                     "ORDER BY COALESCE(published,''), id"));
  ResetWhenDone reset_a(ap);
  Stmt& a = *ap;
  a.Bind(1, id);
  while (true) {
    ASSIGN_OR_RETURN(bool more, a.Step());
    if (!more) break;
    r.articles.push_back(a.Int(0));
  }
  ASSIGN_OR_RETURN(
      Stmt * lp,
      Cached("SELECT CASE WHEN a=?1 THEN b ELSE a END FROM story_links "
             "WHERE a=?1 OR b=?1 ORDER BY score DESC"));
  ResetWhenDone reset_l(lp);
  Stmt& l = *lp;
  l.Bind(1, id);
  while (true) {
    ASSIGN_OR_RETURN(bool more, l.Step());
    if (!more) break;
    r.related.push_back(l.Int(0));
  }
  return r;
}

StatusOr<std::vector<StoryRow>> SqliteStore::ListStories(const Page& page) {
  ASSIGN_OR_RETURN(
      Stmt s,
      Stmt::Prepare(
          db_,
          "SELECT id FROM stories WHERE article_count > 0 "
          "ORDER BY COALESCE(last_seen,'') DESC, id DESC LIMIT ? OFFSET ?"));
  s.Bind(1, int64_t{page.limit}).Bind(2, int64_t{page.offset});
  std::vector<int64_t> ids;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ids.push_back(s.Int(0));
  }
  std::vector<StoryRow> out;
  for (int64_t id : ids) {
    ASSIGN_OR_RETURN(StoryRow r, ReadStory(id));
    out.push_back(std::move(r));
  }
  return out;
}

StatusOr<std::optional<StoryRow>> SqliteStore::GetStory(int64_t id) {
  auto r = ReadStory(id);
  if (r.status().code() == StatusCode::kNotFound)
    return std::optional<StoryRow>();
  if (!r.ok()) return r.status();
  return std::optional<StoryRow>(std::move(*r));
}

StatusOr<std::optional<Document>> SqliteStore::GetArticle(int64_t id,
                                                          bool with_raw) {
  // The raw input is read only when asked for: it is the largest column,
  // and reading it walks its overflow pages.
  const std::string columns =
      ArticleColumns(SqlDialect::kSqlite, schema_version_);
  ASSIGN_OR_RETURN(Stmt * sp,
                   Cached("SELECT " + columns + (with_raw ? ", raw" : "") +
                          " FROM articles WHERE id=?"));
  ResetWhenDone reset(sp);
  Stmt& s = *sp;
  s.Bind(1, id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<Document>();
  ASSIGN_OR_RETURN(Document d, ReadArticleRow(s));
  if (with_raw) {
    ASSIGN_OR_RETURN(d.raw, DecompressRaw(s.Blob(kArticleRawColumn)));
  }
  return std::optional<Document>(std::move(d));
}

Status SqliteStore::ForEachArticle(
    const std::function<void(const Document&)>& fn) {
  return ForEachRecent("", fn);
}

StatusOr<int64_t> SqliteStore::CountArticles() {
  ASSIGN_OR_RETURN(Stmt s, Stmt::Prepare(db_, "SELECT COUNT(*) FROM articles"));
  ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.Int(0) : 0;
}

StatusOr<std::vector<RejectedInput>> SqliteStore::ListRejected() {
  ASSIGN_OR_RETURN(
      Stmt s, Stmt::Prepare(
                  db_, "SELECT source, reason FROM rejected ORDER BY source"));
  std::vector<RejectedInput> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({s.Text(0), s.Text(1)});
  }
  return out;
}

StatusOr<SearchResults> SqliteStore::Search(const SearchRequest& request) {
  if (request.outlet.empty()) return SqliteSearch(db_, tables_, request);
  SearchRequest named = request;  // an outlet's id finds its reports too
  named.outlet = CanonicalOutlet(outlets_, request.outlet);
  return SqliteSearch(db_, tables_, named);
}

namespace {

class StmtRow final : public SqlRow {
 public:
  explicit StmtRow(const Stmt& s) : s_(s) {}
  bool IsNull(int col) const override { return s_.IsNull(col); }
  int64_t Int(int col) const override { return s_.Int(col); }
  double Double(int col) const override { return s_.Double(col); }
  std::string Text(int col) const override { return s_.Text(col); }
  std::string Blob(int col) const override { return s_.Blob(col); }

 private:
  const Stmt& s_;
};

StatusOr<Stmt> PrepareBound(sqlite3* db, std::string_view sql,
                            const std::vector<SqlParam>& params) {
  ASSIGN_OR_RETURN(Stmt s, Stmt::Prepare(db, sql));
  for (size_t i = 0; i < params.size(); ++i) {
    int at = static_cast<int>(i + 1);
    std::visit(
        [&](const auto& v) {
          if constexpr (std::is_same_v<std::decay_t<decltype(v)>, SqlBlob>) {
            s.BindBlob(at, v.bytes);
          } else {
            s.Bind(at, v);
          }
        },
        params[i]);
  }
  return s;
}

}  // namespace

Status SqliteStore::Query(std::string_view sql,
                          const std::vector<SqlParam>& params,
                          const std::function<void(const SqlRow&)>& row) {
  ASSIGN_OR_RETURN(Stmt s, PrepareBound(db_, sql, params));
  StmtRow r(s);
  while (true) {
    ASSIGN_OR_RETURN(bool more, s.Step());
    if (!more) return Status::OK();
    row(r);
  }
}

Status SqliteStore::Exec(const std::vector<SqlStatement>& statements,
                         std::vector<int64_t>* changes) {
  if (changes != nullptr) changes->clear();
  RETURN_IF_ERROR(marsad::Exec(db_, "BEGIN IMMEDIATE"));
  for (const SqlStatement& st : statements) {
    StatusOr<Stmt> s = PrepareBound(db_, st.sql, st.params);
    Status ran = s.ok() ? s->Run() : s.status();
    if (!ran.ok()) {
      (void)marsad::Exec(db_, "ROLLBACK");
      return ran;
    }
    if (changes != nullptr) changes->push_back(sqlite3_changes(db_));
  }
  return marsad::Exec(db_, "COMMIT");
}

}  // namespace marsad
