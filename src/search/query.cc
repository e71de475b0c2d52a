#include "src/search/query.h"

#include <algorithm>
#include <unordered_set>

#include "src/search/terms.h"

namespace marsad {

namespace {

// Byte offset at or before `pos` that starts a UTF-8 character.
size_t CharStart(const std::string& s, size_t pos) {
  while (pos > 0 && pos < s.size() &&
         (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80)
    --pos;
  return pos;
}

}  // namespace

std::vector<QueryUnit> ParseQuery(const TextTables& tables,
                                  const std::string& q) {
  std::vector<QueryUnit> units;
  size_t i = 0;
  while (i < q.size()) {
    while (i < q.size() && (q[i] == ' ' || q[i] == '\t')) ++i;
    if (i >= q.size()) break;
    QueryUnit u;
    if (q[i] == '-') {
      u.negated = true;
      ++i;
    }
    if (i < q.size() && q[i] == '"') {
      size_t end = q.find('"', i + 1);
      if (end == std::string::npos) end = q.size();
      u.text = q.substr(i + 1, end - i - 1);
      u.phrase = true;
      i = end + 1;
    } else {
      size_t end = q.find_first_of(" \t", i);
      if (end == std::string::npos) end = q.size();
      u.text = q.substr(i, end - i);
      i = end;
      if (!u.text.empty() && u.text.back() == '*') {
        u.prefix = true;
        u.text.pop_back();
      }
    }
    std::vector<SearchTerm> terms;
    SearchTerms(tables, u.text, &terms);
    if (!terms.empty()) units.push_back(std::move(u));
  }
  return units;
}

void Highlight(const TextTables& tables, const std::string& text,
               const std::vector<QueryUnit>& units, SearchHit* hit) {
  std::unordered_set<std::string> exact;
  std::vector<std::string> prefixes;
  std::vector<SearchTerm> terms;
  for (const QueryUnit& u : units) {
    if (u.negated) continue;
    SearchTerms(tables, u.text, &terms, /*query=*/true);
    for (const SearchTerm& t : terms) {
      if (u.prefix) prefixes.push_back(t.stem);
      exact.insert(t.stem);
      for (const std::string* syn : {&t.alt, &t.skeleton, &t.alt_skeleton}) {
        if (!syn->empty()) exact.insert(*syn);
      }
      exact.insert(t.latin_arabic.begin(), t.latin_arabic.end());
    }
  }
  SearchTerms(tables, text, &terms);
  for (const SearchTerm& t : terms) {
    bool match = exact.count(t.stem) > 0;
    for (const std::string* syn : {&t.alt, &t.skeleton, &t.alt_skeleton}) {
      match = match || (!syn->empty() && exact.count(*syn));
    }
    for (const std::string& p : prefixes)
      match = match || t.stem.rfind(p, 0) == 0;
    if (match) hit->highlights.push_back(t.span);
    if (hit->highlights.size() >= 64) break;
  }
  size_t center = hit->highlights.empty() ? 0 : hit->highlights[0].begin;
  size_t begin = center > 120 ? CharStart(text, center - 120) : 0;
  size_t end = std::min(text.size(), center + 240);
  end = CharStart(text, end);
  if (begin > 0) {
    size_t sp = text.find(' ', begin);
    if (sp != std::string::npos && sp < center) begin = sp + 1;
  }
  if (end < text.size()) {
    size_t sp = text.rfind(' ', end);
    if (sp != std::string::npos && sp > center) end = sp;
  }
  hit->snippet_span = Span{uint32_t(begin), uint32_t(end)};
  hit->snippet = text.substr(begin, end - begin);
}

}  // namespace marsad
