// Page metadata from an HTML DOM: title, dates, author, site, section,
// canonical URL, language, description.
#ifndef MARSAD_CLEAN_HTML_META_H_
#define MARSAD_CLEAN_HTML_META_H_

#include <gumbo.h>

#include <string>
#include <vector>

namespace marsad {

class CleanLexicon;

struct HtmlMeta {
  std::string title;  // without the site-name suffix
  std::string description;
  std::string published, modified;  // ISO 8601 or ""
  std::string author, site_name, section, url, language;
  std::vector<std::string> h1;  // texts of the first <h1> elements
};

// Reads <meta>, <link rel=canonical>, <title>, <h1>, <time>, <html lang> and
// JSON-LD (schema.org Article and its kinds, also inside @graph). Sources in
// order of trust: JSON-LD and Open Graph / article:* tags, then other meta
// tags, then <time>, then a date in the canonical URL. Never fails;
// unreadable JSON-LD is ignored. Dates are read with the month names of
// `lex` (ParseMetaDate).
HtmlMeta ExtractHtmlMeta(const CleanLexicon& lex, const GumboNode* root);

// Removes a site-name suffix or prefix ("Title | Site", "Site - Title") from a
// <title>: the part matching `site_name` or one of `h1`, else the longest part
// when the others are short.
std::string StripSiteName(const std::string& title,
                          const std::string& site_name,
                          const std::vector<std::string>& h1);

}  // namespace marsad

#endif  // MARSAD_CLEAN_HTML_META_H_
