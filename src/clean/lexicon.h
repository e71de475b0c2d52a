// The cleaning stage's rule tables (data/clean/*.tsv) and the matching key
// they are compared under.
//
// Matching key: scraped furniture comes in many spellings of one label
// ("قد يعجبك ايضا", "قد يعجبك أيضاً", "SHARE"/"Share"). FurnitureKey folds the
// differences that carry no meaning for a label: alef forms (أ إ آ ٱ → ا),
// alef maqsura → ya, ta marbuta → ha, diacritics and tatweel dropped,
// Arabic-Indic digits → ASCII, ASCII lower-cased, and every run of
// punctuation, symbols and spaces → one space (trimmed). A line whose key is
// empty has no letter or digit at all.
#ifndef MARSAD_CLEAN_LEXICON_H_
#define MARSAD_CLEAN_LEXICON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "marsad/status.h"

namespace marsad {

// Writes the matching key of `in` to *out (cleared first). If `offsets` is
// not null it receives, for each byte of *out, the byte offset in `in` of the
// code point it came from (plus one final entry: in.size()).
void FurnitureKey(std::string_view in, std::string* out,
                  std::vector<uint32_t>* offsets = nullptr);

enum class PhraseAction {
  kLine,           // the whole line is furniture
  kPrefix,         // strip from the start of a line
  kLead,           // a short line starting with it is furniture
  kSuffix,         // strip from here to the end of the text
  kList,           // header of a list of other headlines
  kMetaPublished,  // "label: date"
  kMetaModified,   // "label: date"
  kMetaCredit,     // "label: agency"
};

struct Phrase {
  std::string key;   // FurnitureKey of the phrase
  std::string kind;  // e.g. "share", "related"
  PhraseAction action = PhraseAction::kLine;
};

// kPost: on a <blockquote>, an embedded social-media post the article quotes
// (twitter-tweet, instagram-media): content, not a widget.
enum class HtmlClassKind { kNone, kPositive, kNegative, kWidget, kPost };

struct OutletName {
  std::string canonical;         // display name, e.g. "الشرق الأوسط"
  std::vector<std::string> ids;  // source ids and domains
  std::string latin;             // e.g. "Asharq Al-Awsat" (may be empty)
  std::string country;           // ISO 3166-1 alpha-2, e.g. "GB"
};

// Immutable after loading; shared by all threads. Loaded once by whoever
// needs it and passed on (issue 25: no process-wide instance): by
// Resources::Load for the stages, by a tool's CleanTables
// (src/clean/clean.h), and beside the store of a command or server that
// loads no Resources (StoreOptions::clean_lexicon, the server's Api).
class CleanLexicon {
 public:
  // Loads data_dir + "/clean/{furniture,agencies,outlets,html_classes,
  // outlet_kinds,teaser,months}.tsv"; a missing or damaged table is an error
  // naming the file.
  static StatusOr<std::unique_ptr<const CleanLexicon>> Load(
      const std::string& data_dir);

  // Builds from table rows (for tests).
  static StatusOr<CleanLexicon> FromRows(
      const std::vector<std::vector<std::string>>& furniture,
      const std::vector<std::vector<std::string>>& agencies,
      const std::vector<std::vector<std::string>>& outlets,
      const std::vector<std::vector<std::string>>& html_classes = {},
      const std::vector<std::vector<std::string>>& outlet_kinds = {},
      const std::vector<std::vector<std::string>>& teaser = {},
      const std::vector<std::vector<std::string>>& months = {});

  // Phrase whose key equals `key` (any action), or null.
  const Phrase* Exact(std::string_view key) const;
  // Longest kPrefix or kLead phrase that `key` starts with at a word
  // boundary.
  const Phrase* Prefix(std::string_view key) const;
  // First kSuffix phrase found in `key` at a word boundary; *pos receives its
  // byte position in `key`.
  const Phrase* Suffix(std::string_view key, size_t* pos) const;
  // Canonical agency for an agency-name key, or empty.
  std::string_view Agency(std::string_view key) const;
  // Outlet printed as `key`, or null.
  const OutletName* Outlet(std::string_view key) const;
  // Outlet whose id or domain is `id` (e.g. "aawsat", "aawsat.com"), or null.
  const OutletName* OutletById(std::string_view id) const;
  // Outlet whose display name is `canonical` (e.g. "الشرق الأوسط", the name
  // stored for its reports), or null.
  const OutletName* OutletByName(std::string_view canonical) const;
  // Outlet whose host name (with its first path segment, for outlets sharing
  // a host: "bbc.co.uk/arabic") serves `url` ("https://www.alarabiya.net/ar/
  // x.html"); a subdomain falls back to its parent ("english.alarabiya.net"
  // -> "alarabiya.net"). Null when no host is known.
  const OutletName* OutletByUrl(std::string_view url) const;
  // Whether `word` (a key) anchors a news lead to its day (teaser.tsv role
  // day_anchor: the weekdays).
  bool DayAnchor(std::string_view word) const;
  // Whether `word` (a key) is a past-tense verb that opens news leads
  // (teaser.tsv role lead_verb: أعلن، قال، كشفت ...).
  bool LeadVerb(std::string_view word) const;
  // Whether `key` (a paragraph's key) opens with a connective of teaser.tsv
  // (one or more words: لكن، من جانبه ...): the paragraph continues the one
  // before it.
  bool OpensWithConnective(std::string_view key) const;
  // Whether `word` (a key) opens outlet names ("صحيفة", "موقع", "وكالة").
  bool OutletKindWord(std::string_view word) const;
  // What a lower-case class/id word says about an HTML element.
  HtmlClassKind HtmlClassWord(const std::string& word) const;
  // The number (1..12) of the month a key names ("نوفمبر", "تشرين الثاني",
  // "nov": months.tsv), or 0.
  int Month(std::string_view key) const;

 private:
  std::unordered_map<std::string, Phrase> exact_;
  std::vector<Phrase> prefixes_;
  std::vector<Phrase> suffixes_;
  std::unordered_map<std::string, std::string> agencies_;
  std::vector<OutletName> outlets_;
  std::unordered_map<std::string, size_t> outlet_by_key_;
  std::unordered_map<std::string, size_t> outlet_by_id_;
  std::unordered_map<std::string, size_t> outlet_by_name_;
  std::unordered_map<std::string, HtmlClassKind> html_classes_;
  // A filter in front of html_classes_ (most class words are in no list):
  // bit n of class_lengths_[first][last] is set when a listed word of n
  // bytes (n < 32) starts and ends with those letters a-z; words of other
  // shapes are always looked up.
  uint32_t class_lengths_[26][26] = {};
  std::vector<std::string> outlet_kinds_;
  std::vector<std::string> day_anchors_;
  std::vector<std::string> connectives_;
  std::vector<std::string> lead_verbs_;
  std::unordered_map<std::string, int> months_;  // key -> 1..12
};

}  // namespace marsad

#endif  // MARSAD_CLEAN_LEXICON_H_
