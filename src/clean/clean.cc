#include "src/clean/clean.h"

#include "src/base/url.h"
#include "src/base/utf8.h"
#include "src/clean/html_extract.h"
#include "src/clean/lexicon.h"
#include "src/clean/text_clean.h"
#include "src/text/normalize.h"

namespace marsad {
namespace {

// "ar" when most letters are Arabic; "en" when Latin letters dominate and
// common English function words occur; otherwise unknown ("").
std::string GuessLanguage(std::string_view text) {
  size_t arabic = 0, latin = 0;
  size_t i = 0;
  size_t limit = std::min<size_t>(text.size(), 20000);
  while (i < limit) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      latin += (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
      ++i;
      continue;
    }
    arabic += IsArabicCodePoint(DecodeUtf8(text, &i));
  }
  if (arabic > 0 && arabic >= latin) return "ar";
  if (latin == 0) return "";
  size_t hits = 0;
  for (std::string_view w :
       {" the ", " and ", " of ", " to ", " is ", " in "}) {
    size_t at = 0;
    while ((at = text.find(w, at)) != std::string_view::npos && at < limit) {
      ++hits;
      ++at;
    }
  }
  return hits * 200 >= latin ? "en" : "";
}

// JSONL records sometimes carry the page's HTML in their content field.
bool LooksLikeHtml(std::string_view raw) {
  size_t i = raw.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos || raw[i] != '<') return false;
  std::string_view head = raw.substr(i, 4096);
  for (std::string_view tag :
       {"<p>", "<p ", "<div", "<br", "<html", "<!DOCTYPE", "<!doctype"}) {
    if (head.find(tag) != std::string_view::npos) return true;
  }
  return false;
}

// The outlet by the name readers know it by: a known id ("skynews") gives
// its display name; otherwise a known host in the URL does; otherwise a
// report without an outlet is credited to its URL's host ("example.com").
void NameOutlet(const CleanLexicon& lex, Document* doc) {
  if (const OutletName* o = lex.OutletById(doc->outlet)) {
    doc->outlet = o->canonical;
  } else if (const OutletName* u = lex.OutletByUrl(doc->url)) {
    doc->outlet = u->canonical;
  } else if (doc->outlet.empty()) {
    doc->outlet = UrlHostName(doc->url);
  }
}

}  // namespace

Status CleanDocument(const CleanLexicon& lex, const Normalizer& normalizer,
                     Document* doc, const FurnitureModel* model) {
  doc->text.clear();
  doc->removed.clear();
  const bool record = doc->format == "jsonl" || doc->format == "csv";
  if (record && LooksLikeHtml(doc->raw)) {
    CleanHtml(lex, normalizer, model, doc);
  } else if (doc->format == "txt" || record) {
    CleanTextDump(lex, normalizer, model, doc);
  } else if (doc->format == "html") {
    CleanHtml(lex, normalizer, model, doc);
  } else {
    return InvalidArgumentError("cannot clean format '" + doc->format + "'");
  }
  if (doc->language.empty()) doc->language = GuessLanguage(doc->text);
  // After cleaning: the furniture model is keyed by the outlet as given.
  NameOutlet(lex, doc);
  return Status::OK();
}

CleanTables::CleanTables() = default;
CleanTables::CleanTables(CleanTables&&) noexcept = default;
CleanTables& CleanTables::operator=(CleanTables&&) noexcept = default;
CleanTables::~CleanTables() = default;

StatusOr<CleanTables> CleanTables::Load(const std::string& data_dir) {
  CleanTables t;
  ASSIGN_OR_RETURN(t.lexicon, CleanLexicon::Load(data_dir));
  ASSIGN_OR_RETURN(t.normalizer, Normalizer::Create(data_dir));
  return t;
}

std::string CanonicalOutlet(const CleanLexicon& lex, std::string_view outlet) {
  if (const OutletName* o = lex.OutletById(outlet)) return o->canonical;
  return std::string(outlet);
}

}  // namespace marsad
