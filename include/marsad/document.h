// The document that flows through marsad's pipeline (UDPipe style): each
// stage reads what earlier stages wrote and fills its own fields.
//
// Offsets: every Span is a half-open [begin, end) range of UTF-8 *bytes* into
// Document::text (the cleaned text), so that
//   doc.text.substr(span.begin, span.end - span.begin) == surface.
// Conversion to UTF-16 happens only at the JSON edge for the browser.
//
// Thread safety: a Document is a plain value, owned by one thread at a time.
#ifndef MARSAD_DOCUMENT_H_
#define MARSAD_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace marsad {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  std::string_view In(std::string_view text) const {
    return text.substr(begin, end - begin);
  }
  friend bool operator==(const Span&, const Span&) = default;
};

// A block of the input that cleaning dropped, and why (for --explain).
struct RemovedBlock {
  std::string text;
  std::string reason;  // e.g. "furniture-phrase", "headline-list", "repeat"
};

enum class EntityType { kPerson, kOrganization, kLocation, kMisc };
std::string_view EntityTypeName(EntityType t);  // "PER", "ORG", "LOC", "MISC"

struct EntityMention {
  Span span;
  EntityType type = EntityType::kMisc;
  std::string text;       // surface, == span.In(doc.text)
  std::string entity_id;  // canonical id shared by all variants
  std::string canonical;  // canonical display name
  std::string role;  // title / role attached to a person, e.g. "الفريق"
  Span role_span;
  std::optional<double> lat, lon;  // places the gazetteer knows
};

// A number found in text; exact values have min == max == value.
struct NumberMention {
  Span span;
  double value = 0;
  double min = 0;
  double max = 0;
  bool approximate = false;
  std::string unit;  // optional: "km", "percent", a counted noun's stem...
};

enum class DatePrecision { kUnknown, kDay, kMonth, kYear, kRange };
std::string_view DatePrecisionName(DatePrecision p);

// A date expression. `value` is ISO 8601 where known; when the year cannot
// be known it is written "--MM-DD" (ISO 8601:2000 truncated form), never a
// guessed year. Ranges fill `begin`/`end`.
struct DateMention {
  Span span;
  std::string value;
  std::string begin, end;
  DatePrecision precision = DatePrecision::kUnknown;
  bool relative = false;  // resolved against the publication date
};

// Who said what.
struct Quote {
  Span span;          // the whole attribution + content
  Span content;       // the words attributed (inside the quote marks if direct)
  Span cue;           // the reporting verb or phrase
  Span speaker_span;  // may be empty when carried over
  std::string speaker;    // display name, with role where known
  std::string entity_id;  // speaker's entity id if resolved
  std::string via;        // reporting chain: the agency that carried it
  bool direct = false;
  bool carried_over = false;  // speaker from the previous quote
};

struct Casualty {
  std::string kind;  // "killed", "injured", "killed_or_injured", "missing"
  NumberMention number;
};

struct Event {
  std::string plover;         // e.g. "ASSAULT"
  std::string mode;           // e.g. "air strike", "shelling"
  std::string acled_type;     // e.g. "Explosions/Remote violence"
  std::string acled_subtype;  // e.g. "Air/drone strike"
  Span trigger;
  Span sentence;
  std::string actor, target, location, weapon;
  Span actor_span, target_span, location_span, weapon_span;
  std::string date;  // resolved ISO date (or "--MM-DD")
  Span date_span;
  std::vector<Casualty> casualties;
  std::string modality = "asserted";  // asserted | denied | alleged | hedged
  int quote = -1;  // index into Document::quotes it sits in, or -1
};

// A claim: one thing an outlet says, attributed, with its words.
struct Claim {
  std::string slot;   // e.g. "injured", "presence:russian_personnel"
  std::string value;  // normalized value, e.g. "25" or "asserted"
  double min = 0, max = 0;
  bool approximate = false;
  std::string speaker;
  std::string modality = "asserted";
  Span span;
  int event = -1;  // index into Document::events, or -1
  // Of a casualty figure: "incident" (the happening's own toll), "wider" (a
  // campaign's or a year's total), "part" (a subset: بينهم 5 أطفال), "past"
  // (an anniversary, an earlier year) or "other" (another happening: حكم
  // بإعدام 75 متهما). The comparison keeps "wider" figures a point apart and
  // "part" ones under their own label, and leaves out "past" and "other".
  // max is +infinity for an open upper bound (أكثر من 40; null in JSON).
  std::string scope = "incident";
};

struct Document {
  // --- Input (ingest) ---
  std::string source;    // path or URL, "+#N" for line N of a JSONL file
  std::string format;    // "txt", "html", "jsonl"
  std::string encoding;  // encoding the input was decoded from
  std::string raw;       // the decoded input (UTF-8), as read

  // --- Metadata (from input fields or extraction) ---
  std::string title;
  std::string standfirst;
  std::string outlet;
  std::string agency;  // credited agency, e.g. "سانا", "د ب أ"
  std::string author;
  std::string url;
  std::string section;
  std::string language;   // BCP 47, e.g. "ar"
  std::string published;  // ISO 8601 date or date-time, or empty
  std::string modified;

  // --- Clean text (clean): paragraphs separated by "\n\n" ---
  std::string text;
  std::vector<RemovedBlock> removed;
  uint64_t content_hash = 0;  // of the normalized clean text
  // Words of the clean text (Arabic and Latin words, numbers, hashtags; not
  // punctuation, symbols, URLs or e-mail addresses); 0 before processing
  // and for articles stored before the count existed.
  int64_t word_count = 0;

  // --- Analysis (text, nlp) ---
  std::vector<NumberMention> numbers;
  std::vector<DateMention> dates;
  std::vector<EntityMention> entities;
  std::vector<Quote> quotes;
  std::vector<Event> events;
  std::vector<Claim> claims;

  // --- Store ---
  uint64_t input_hash = 0;     // of format + raw input: the idempotence key
  std::string fingerprint;     // opaque, serialized by src/dedup
  std::string story_features;  // opaque, serialized by src/story
  std::string index_terms;     // opaque, pre-analyzed search terms (src/search)
  int64_t id = 0;
  int64_t story_id = 0;
  int64_t duplicate_of = 0;  // 0: not a duplicate
};

}  // namespace marsad

#endif  // MARSAD_DOCUMENT_H_
