#include "src/distrib/pg_search.h"

#include <algorithm>
#include <map>
#include <vector>

#include "src/distrib/pg_store.h"
#include "src/search/query.h"
#include "src/search/terms.h"

namespace marsad {

namespace {

// A lexeme quoted for tsvector/tsquery input.
std::string Lexeme(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += c;
    out += c;
  }
  return out + "'";
}

// Adds the terms of a PreAnalyze string at positions from *pos on.
void AddTerms(const std::string& pre, char weight, int* pos,
              std::map<std::string, std::vector<std::string>>* lexemes) {
  constexpr int kMaxPos = 16383;  // PostgreSQL's limit
  constexpr size_t kMaxPositions = 255;
  constexpr size_t kMaxLexeme = 2000;  // bytes; PostgreSQL allows 2047
  size_t i = !pre.empty() && pre[0] == kPreAnalyzed ? 1 : 0;
  while (i < pre.size()) {
    size_t j = pre.find(' ', i);
    if (j == std::string::npos) j = pre.size();
    if (j > i) {
      std::string_view term(pre.data() + i, j - i);
      bool colocated = (term[0] == '~' || term[0] == kAltStem) && *pos > 0;
      if (term[0] == kAltStem)
        term.remove_prefix(1);  // the marker is not indexed
      if (term.empty()) {
        i = j + 1;
        continue;
      }
      if (!colocated) ++*pos;
      auto& positions = (*lexemes)[std::string(term)];
      if (term.size() <= kMaxLexeme && positions.size() < kMaxPositions) {
        positions.push_back(std::to_string(std::min(*pos, kMaxPos)) + weight);
      }
    }
    i = j + 1;
  }
}

}  // namespace

std::string BuildTsvectorLiteral(const std::string& title_terms,
                                 const std::string& body_terms) {
  std::map<std::string, std::vector<std::string>> lexemes;
  int pos = 0;
  AddTerms(title_terms, 'A', &pos, &lexemes);
  if (pos > 0) pos += 2;  // no phrase across title and body
  AddTerms(body_terms, 'D', &pos, &lexemes);
  std::string out;
  for (const auto& [lex, positions] : lexemes) {
    if (positions.empty()) continue;
    if (!out.empty()) out += ' ';
    out += Lexeme(lex);
    out += ':';
    for (size_t k = 0; k < positions.size(); ++k) {
      if (k) out += ',';
      out += positions[k];
    }
  }
  return out;
}

std::string BuildTsquery(const TextTables& tables, const std::string& query,
                         bool stems_only) {
  std::string pos, neg;
  std::vector<SearchTerm> terms;
  for (const QueryUnit& u : ParseQuery(tables, query)) {
    SearchTerms(tables, u.text, &terms, /*query=*/true);
    std::string phrase;
    for (size_t k = 0; k < terms.size(); ++k) {
      std::string suffix = u.prefix && k + 1 == terms.size() ? ":*" : "";
      std::string t = Lexeme(terms[k].stem) + suffix;
      for (const std::string* syn :
           {&terms[k].alt, &terms[k].skeleton, &terms[k].alt_skeleton}) {
        // A prefix's skeleton would be a far wider prefix (تغريد* → ~tgrd*).
        if (syn->empty() ||
            ((stems_only || !suffix.empty()) && syn != &terms[k].alt))
          continue;
        t += " | " + Lexeme(*syn) + suffix;
      }
      if (!stems_only && suffix.empty()) {
        for (const std::string& a : terms[k].latin_arabic)
          t += " | " + Lexeme(a);
      }
      if (k) phrase += " <-> ";
      phrase += "(" + t + ")";
    }
    if (u.negated) {
      neg += " & !(" + phrase + ")";
    } else {
      if (!pos.empty()) pos += " & ";
      pos += "(" + phrase + ")";
    }
  }
  if (pos.empty()) return "";
  return pos + neg;
}

StatusOr<SearchResults> PgSearch(pqxx::work& w, const TextTables& tables,
                                 const SearchRequest& req) {
  std::string tsq = BuildTsquery(tables, req.query);
  bool has_filter = !req.outlet.empty() || !req.from.empty() ||
                    !req.to.empty() || req.story || !req.entity.empty() ||
                    !req.event_type.empty() || req.after_id;
  if (tsq.empty() && !has_filter)
    return InvalidArgumentError("the query has no searchable word");
  std::string where = tsq.empty()
                          ? "WHERE TRUE"
                          : "WHERE a.terms @@ " + w.quote(tsq) + "::tsquery";
  if (!req.outlet.empty()) where += " AND a.outlet = " + w.quote(req.outlet);
  if (!req.from.empty())
    where += " AND substr(a.published,1,10) >= " + w.quote(req.from);
  if (!req.to.empty())
    where += " AND substr(a.published,1,10) <= " + w.quote(req.to);
  if (req.story) where += " AND a.story_id = " + std::to_string(req.story);
  if (req.after_id) where += " AND a.id > " + std::to_string(req.after_id);
  if (!req.entity.empty()) {
    where +=
        " AND EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND "
        "m.entity_id = " +
        w.quote(req.entity) + ")";
  }
  if (!req.event_type.empty()) {
    where +=
        " AND EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND "
        "e.plover = " +
        w.quote(req.event_type) + ")";
  }
  // Two tiers as on SQLite (src/search/sqlite_search.h): every word matched
  // by its stem first.
  std::string score =
      tsq.empty()
          ? "0.0"
          : "(ts_rank('{0.333333, 0.0, 0.0, 1.0}', a.terms, " + w.quote(tsq) +
                "::tsquery, 1) + CASE WHEN a.terms @@ " +
                w.quote(BuildTsquery(tables, req.query, /*stems_only=*/true)) +
                "::tsquery THEN 1000.0 ELSE 0.0 END)";
  std::string order = tsq.empty()
                          ? "ORDER BY COALESCE(a.published,'') DESC, a.id DESC"
                          : "ORDER BY 6 DESC, a.id";
  SearchResults results;
  results.total =
      w.exec("SELECT COUNT(*) FROM articles a " + where)[0][0].as<int64_t>();
  int limit = std::clamp(req.page.limit, 1, 500);
  pqxx::result r = w.exec(
      "SELECT a.id, COALESCE(a.story_id,0), COALESCE(a.title,''), "
      "COALESCE(a.outlet,''), "
      "COALESCE(a.published,''), " +
      score + ", a.text FROM articles a " + where + " " + order + " LIMIT " +
      std::to_string(limit) + " OFFSET " +
      std::to_string(std::max(0, req.page.offset)));
  std::vector<QueryUnit> units = ParseQuery(tables, req.query);
  for (const pqxx::row& row : r) {
    SearchHit h;
    h.article_id = row[0].as<int64_t>();
    h.story_id = row[1].as<int64_t>();
    h.title = row[2].c_str();
    h.outlet = row[3].c_str();
    h.published = row[4].c_str();
    h.score = row[5].as<double>();
    Highlight(tables, row[6].is_null() ? "" : row[6].c_str(), units, &h);
    results.hits.push_back(std::move(h));
  }
  return results;
}

}  // namespace marsad
