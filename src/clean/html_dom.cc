#include "src/clean/html_dom.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>

#include "src/base/utf8.h"

namespace marsad {
namespace {

constexpr size_t kChunk = size_t{1} << 20;
constexpr size_t kAlign = 16;

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  }
  return true;
}

// Finds `needle` (lower-case ASCII) in `s` from `from`, ignoring ASCII case.
size_t IFind(std::string_view s, std::string_view needle, size_t from) {
  while (true) {
    size_t at = s.find(needle[0], from);
    if (needle[0] >= 'a' && needle[0] <= 'z') {  // else no upper case to seek
      at = std::min(at, s.find(static_cast<char>(needle[0] - 32), from));
    }
    if (at == std::string_view::npos || at + needle.size() > s.size()) {
      return std::string_view::npos;
    }
    if (IEquals(s.substr(at, needle.size()), needle)) return at;
    from = at + 1;
  }
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Whether a style attribute's value hides the element, as html_blocks.cc's
// Hidden() reads it (spaces removed, lower case); a value with a character
// reference is kept for the parser to decode.
bool HidingStyle(std::string_view value) {
  if (value.find('&') != std::string_view::npos) return true;
  std::string s;
  for (char c : value) {
    if (c != ' ') s.push_back((c >= 'A' && c <= 'Z') ? c + 32 : c);
  }
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

// Attributes the extractor reads (html_blocks.cc, html_meta.cc) or the tree
// builder does (an <input>'s type); all others (href of links, data-*, src,
// srcset, event handlers, itemprop outside <meta>...) are dropped before
// parsing. `value` is as written (quotes included).
bool KeptAttribute(std::string_view name, std::string_view tag,
                   std::string_view value) {
  static constexpr std::string_view kEverywhere[] = {"class", "id", "hidden",
                                                     "aria-hidden", "role"};
  for (std::string_view k : kEverywhere) {
    if (IEquals(name, k)) return true;
  }
  if (IEquals(name, "style")) return HidingStyle(value);
  if (IEquals(tag, "meta")) {
    static constexpr std::string_view kMeta[] = {
        "content", "property", "name", "itemprop", "http-equiv", "charset"};
    for (std::string_view k : kMeta) {
      if (IEquals(name, k)) return true;
    }
    return false;
  }
  if (IEquals(name, "rel")) return IEquals(tag, "link") || IEquals(tag, "a");
  if (IEquals(name, "href")) return IEquals(tag, "link");
  if (IEquals(name, "datetime")) return IEquals(tag, "time");
  if (IEquals(name, "lang")) return IEquals(tag, "html");
  if (IEquals(name, "type"))
    return IEquals(tag, "script") || IEquals(tag, "input");
  return false;
}

// Copies one start tag at html[lt] ('<' + letter) to *out keeping only the
// attributes the extractor reads. Returns the index after the tag, or npos if
// the tag is not closed (the caller then cuts *out back and copies the rest
// as text).
template <typename Value>
size_t CopyStartTag(std::string_view html, size_t lt, std::string* out,
                    std::string_view* tag_name, bool* self_closing,
                    Value append_value) {
  size_t i = lt + 1;
  while (i < html.size() && !IsSpace(html[i]) && html[i] != '/' &&
         html[i] != '>')
    ++i;
  *tag_name = html.substr(lt + 1, i - lt - 1);
  *self_closing = false;
  bool style_seen = false;  // the first of duplicate attributes counts
  out->push_back('<');
  out->append(*tag_name);
  while (i < html.size()) {
    while (i < html.size() && (IsSpace(html[i]) || html[i] == '/')) {
      *self_closing = html[i] == '/';
      ++i;
    }
    if (i >= html.size()) break;
    if (html[i] == '>') {
      if (*self_closing) out->append(" /");
      out->push_back('>');
      return i + 1;
    }
    *self_closing = false;
    size_t name_start = i;
    ++i;  // the first character may be '=' per HTML5
    while (i < html.size() && !IsSpace(html[i]) && html[i] != '/' &&
           html[i] != '>' && html[i] != '=') {
      ++i;
    }
    std::string_view name = html.substr(name_start, i - name_start);
    size_t j = i;
    while (j < html.size() && IsSpace(html[j])) ++j;
    std::string_view value;
    bool has_value = j < html.size() && html[j] == '=';
    if (has_value) {
      ++j;
      while (j < html.size() && IsSpace(html[j])) ++j;
      if (j < html.size() && (html[j] == '"' || html[j] == '\'')) {
        size_t close = html.find(html[j], j + 1);
        if (close == std::string_view::npos) return std::string_view::npos;
        value = html.substr(j, close + 1 - j);
        i = close + 1;
      } else {
        size_t v = j;
        while (j < html.size() && !IsSpace(html[j]) && html[j] != '>') ++j;
        value = html.substr(v, j - v);
        i = j;
      }
    }
    bool style = IEquals(name, "style");
    bool kept = style ? !style_seen && KeptAttribute(name, *tag_name, value)
                      : KeptAttribute(name, *tag_name, value);
    style_seen = style_seen || style;
    if (kept) {
      out->push_back(' ');
      out->append(name);
      if (has_value) {
        out->push_back('=');
        append_value(name, value);
      }
    }
  }
  return std::string_view::npos;
}

// Elements that only an end tag closes (the parser never closes them
// implicitly), counted to bound the nesting depth: the HTML5 tree builder
// scans its stack of open elements for each start tag, so a page of 200,000
// unclosed <div>s costs it quadratic time.
constexpr size_t kMaxNesting = 1000;

bool Nesting(std::string_view tag) {
  static constexpr std::string_view kTags[] = {
      "div",    "span", "section",    "article", "main",   "aside", "table",
      "ul",     "ol",   "blockquote", "b",       "i",      "u",     "em",
      "strong", "font", "a",          "center",  "small",  "big",   "sup",
      "sub",    "form", "fieldset",   "header",  "footer", "nav",   "figure"};
  for (std::string_view t : kTags) {
    if (IEquals(tag, t)) return true;
  }
  return false;
}

// Appends `text` with each run of whitespace cut to its first character:
// HTML renders a run as one space (outside <pre>), and the parser handles
// input one character at a time, so the indentation of a page (a third of
// what is left after StripInert's other cuts) costs it for nothing.
void AppendCollapsed(std::string_view text, std::string* out) {
  size_t i = 0, n = text.size();
  while (i < n) {
    size_t start = i;
    while (i < n && !IsSpace(text[i])) ++i;
    if (i < n) ++i;  // the run's first whitespace character is kept
    out->append(text.substr(start, i - start));
    while (i < n && IsSpace(text[i])) ++i;
  }
}

// Elements whose whitespace is their content.
bool VerbatimTag(std::string_view tag) {
  return IEquals(tag, "pre") || IEquals(tag, "textarea") ||
         IEquals(tag, "listing") || IEquals(tag, "plaintext");
}

// Text runs reach the parser as one placeholder character each.
//
// gumbo handles text one character at a time: each goes through its UTF-8
// iterator, becomes a token of its own and is inserted by the tree builder
// (about two thirds of the parse on news pages). Yet a run of plain text
// between two tags builds the same tree whatever its characters, as long as
// the parser would take them verbatim and the run's first and last characters
// keep their kind (whitespace or not: only that, and NUL, steer the tree
// builder). So the middle of each such run is handed over as one code point
// from the supplementary private-use planes (U+F0000 + index), and the parsed
// text nodes are given their text back right after parsing (ExpandText).
// Kept literal, for gumbo to see: leading and trailing whitespace (a newline
// after <pre>, whitespace in <head> or tables), character references (it
// decodes them), NUL, CR, invalid UTF-8 and the code points it replaces with
// U+FFFD, and what follows a '<' up to the next '>' (end tags, <!DOCTYPE>).
// A page whose literal text holds a supplementary private-use character
// (rare: icon fonts use the BMP's), and a page with a <frameset> (where the
// parser keeps the whitespace between words and drops the words), are parsed
// without placeholders.
constexpr char32_t kPlane15 = 0xF0000, kPlane16 = 0x100000;
constexpr size_t kPerPlane = 0xFFFE;  // U+xFFFE and U+xFFFF are not used
constexpr size_t kMaxPlaceholders = 2 * kPerPlane;
constexpr size_t kMinPlaced = 4;  // a placeholder takes 4 bytes

// Whether the parser takes code point `cp` verbatim (utf8_is_invalid_code_point
// in gumbo's utf8.c, plus NUL and CR, which it rewrites).
bool Verbatim(char32_t cp) {
  if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\f';
  if (cp >= 0x7F && cp <= 0x9F) return false;
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return false;
  return (cp & 0xFFFE) != 0xFFFE && cp < kPlane15;
}

// Whether `s` holds a byte 0xF3 or 0xF4: the lead byte of a code point from
// U+C0000 on. A loop the compiler vectorizes.
bool HasHighLead(std::string_view s) {
  bool high = false;
  for (char c : s) high |= static_cast<unsigned char>(c - 0xF3) < 2;
  return high;
}

// The length of the character at s[i] (REQUIRES: i < s.size()), and in
// *plain whether the parser takes it as written: valid UTF-8 and none of the
// code points it rewrites. Two-byte characters from U+00C0 (Arabic) go the
// short way.
size_t ScanChar(std::string_view s, size_t i, bool* plain) {
  unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    *plain = Verbatim(b);
    return 1;
  }
  if (b >= 0xC3 && b <= 0xDF && i + 1 < s.size() &&
      (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
    *plain = true;
    return 2;
  }
  size_t j = i;
  char32_t cp = DecodeUtf8(s, &j);
  size_t want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  bool valid = j - i == want && !(cp >= 0xD800 && cp <= 0xDFFF) &&
               cp <= 0x10FFFF &&
               !(cp == 0xFFFD && s.substr(i, 3) != "\xEF\xBF\xBD");
  *plain = valid && Verbatim(cp);
  return j - i;
}

class Stripper {
 public:
  explicit Stripper(bool placeholders) : placeholders_(placeholders) {}
  void Run(std::string_view html);

  std::string out;
  std::string runs;                // the placed text, back to back
  std::vector<uint32_t> run_ends;  // end of run i in `runs`
  bool unsafe = false;  // placeholders would change the tree or its text

 private:
  void Text(std::string_view text);
  void Literal(std::string_view s);
  void Place(std::string_view s, bool verbatim);
  void AttributeValue(std::string_view name, std::string_view value);
  // Whether the parser takes `s` as it is (no character reference, no
  // character it rewrites).
  static bool Plain(std::string_view s);

  bool placeholders_;
  // After a '<' that opened no start tag (an end tag, <!DOCTYPE>, a bogus
  // comment, a literal '<'), until the next '>': the parser reads it as markup.
  bool after_lt_ = false;
  int pre_ = 0;  // open <pre>, <textarea>, <listing> elements: kept verbatim
  std::string scratch_;
};

void Stripper::Literal(std::string_view s) {
  out.append(s);
  if (placeholders_ && HasHighLead(s)) {
    unsafe = true;  // U+C0000 and above: checked no further
  }
}

void Stripper::Place(std::string_view s, bool verbatim) {
  if (!verbatim || s.size() < kMinPlaced ||
      run_ends.size() >= kMaxPlaceholders) {
    Literal(s);
    return;
  }
  size_t i = run_ends.size();
  AppendUtf8(i < kPerPlane ? kPlane15 + i : kPlane16 + (i - kPerPlane), &out);
  runs.append(s);
  run_ends.push_back(static_cast<uint32_t>(runs.size()));
}

bool Stripper::Plain(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    bool plain;
    if (s[i] == '&') return false;
    i += ScanChar(s, i, &plain);
    if (!plain) return false;
  }
  return true;
}

// A kept attribute's value (quotes included, if any): the long ones (class,
// id, a <meta>'s content) placed like text runs when the parser would take
// them as they are; others checked for what would pass for a placeholder.
void Stripper::AttributeValue(std::string_view name, std::string_view value) {
  bool quoted = value.size() >= 2 && (value[0] == '"' || value[0] == '\'');
  bool long_kind =
      IEquals(name, "class") || IEquals(name, "id") || IEquals(name, "content");
  // After a bare '<' the parser reads the "tag" as a bogus comment's text.
  if (!placeholders_ || !quoted || !long_kind || after_lt_) {
    Literal(value);
    if (placeholders_ && value.find("&#") != std::string_view::npos)
      unsafe = true;  // may name U+F0000+: checked no further
    return;
  }
  std::string_view inner = value.substr(1, value.size() - 2);
  out.push_back(value[0]);
  if (inner.find("&#") != std::string_view::npos) unsafe = true;
  Place(inner, Plain(inner));
  out.push_back(value[0]);
}

// Appends a text run (between tags) of the page: whitespace runs cut outside
// <pre>, and its middle placed (see above).
void Stripper::Text(std::string_view text) {
  if (!placeholders_) {
    if (pre_ > 0) {
      out.append(text);
    } else {
      AppendCollapsed(text, &out);
    }
    return;
  }
  scratch_.clear();
  if (pre_ > 0) {
    scratch_.append(text);
  } else {
    AppendCollapsed(text, &scratch_);
  }
  std::string_view s = scratch_;
  size_t pos = 0, n = s.size();
  if (after_lt_) {
    size_t gt = s.find('>');
    pos = gt == std::string_view::npos ? n : gt + 1;
    after_lt_ = gt == std::string_view::npos;
  }
  while (pos < n && IsSpace(s[pos])) ++pos;
  size_t end = n;
  while (end > pos && IsSpace(s[end - 1])) --end;
  Literal(s.substr(0, pos));
  size_t seg = pos;      // start of the segment being scanned
  bool verbatim = true;  // whether the parser takes it as it is
  size_t i = pos;
  while (i < end) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b == '&') {  // a character reference: the parser decodes it
      Place(s.substr(seg, i - seg), verbatim);
      size_t r = i + 1;
      while (r < end &&
             (std::isalnum(static_cast<unsigned char>(s[r])) || s[r] == '#')) {
        ++r;
      }
      if (r < end && s[r] == ';') ++r;
      std::string_view ref = s.substr(i, r - i);
      Literal(ref);
      if (ref.size() > 2 && ref[1] == '#') {  // numeric: may name U+F0000+
        bool hex = ref[2] == 'x' || ref[2] == 'X';
        unsigned long v =
            std::strtoul(std::string(ref.substr(hex ? 3 : 2)).c_str(), nullptr,
                         hex ? 16 : 10);
        if (v >= kPlane15) unsafe = true;
      }
      seg = i = r;
      verbatim = true;
      continue;
    }
    bool plain;
    i += ScanChar(s, i, &plain);
    verbatim = verbatim && plain;
  }
  Place(s.substr(seg, end - seg), verbatim);
  Literal(s.substr(end));
}

// Copies `html` without what never holds text: comments, the bodies of
// <script> (but JSON-LD, which holds metadata), <style> and <svg>, and the
// attributes the extractor does not read, and whitespace runs outside <pre>
// cut to one character; elements nested deeper than kMaxNesting are
// flattened. A linear scan that follows the HTML5 tokenizer's rules for tags
// and attributes, so the parser builds the same tree (but for whitespace
// text) from less input (about a fifth of a typical page).
void Stripper::Run(std::string_view html) {
  size_t depth = 0, dropped = 0;
  out.reserve(html.size() / 4);
  size_t i = 0;
  while (i < html.size()) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) {
      Text(html.substr(i));
      break;
    }
    Text(html.substr(i, lt - i));
    if (html.substr(lt, 4) == "<!--") {
      size_t close = html.find("-->", lt + 4);
      i = close == std::string_view::npos ? html.size() : close + 3;
      continue;
    }
    char c = html[lt + 1];
    if (c == '/') {  // an end tag: balance the nesting count
      size_t e = lt + 2;
      while (e < html.size() && !IsSpace(html[e]) && html[e] != '>') ++e;
      if (pre_ > 0 && VerbatimTag(html.substr(lt + 2, e - lt - 2))) --pre_;
      if (Nesting(html.substr(lt + 2, e - lt - 2))) {
        if (dropped > 0) {
          --dropped;
          size_t gt = html.find('>', lt);
          i = gt == std::string_view::npos ? html.size() : gt + 1;
          continue;
        }
        if (depth > 0) --depth;
      }
    }
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      out.push_back('<');
      after_lt_ = true;
      i = lt + 1;
      continue;
    }
    std::string_view tag;
    bool self_closing;
    size_t open_start = out.size();
    size_t after =
        CopyStartTag(html, lt, &out, &tag, &self_closing,
                     [this](std::string_view name, std::string_view value) {
                       AttributeValue(name, value);
                     });
    if (after == std::string_view::npos) {
      out.resize(open_start);
      Literal(html.substr(lt));
      break;
    }
    i = after;
    after_lt_ = false;
    if (!self_closing && VerbatimTag(tag)) ++pre_;
    if (IEquals(tag, "frameset")) unsafe = true;
    if (!self_closing && Nesting(tag)) {
      if (depth >= kMaxNesting) {
        out.resize(open_start);  // too deep: the element is flattened away
        ++dropped;
        continue;
      }
      ++depth;
    }
    bool inert =
        IEquals(tag, "script") || IEquals(tag, "style") || IEquals(tag, "svg");
    if (!inert || self_closing) continue;
    if (IEquals(tag, "script") && IFind(html.substr(lt, after - lt), "ld+json",
                                        0) != std::string_view::npos) {
      continue;  // keep JSON-LD
    }
    size_t close = IFind(html,
                         IEquals(tag, "svg")     ? "</svg"
                         : IEquals(tag, "style") ? "</style"
                                                 : "</script",
                         i);
    i = close == std::string_view::npos ? html.size() : close;
  }
}

}  // namespace

// Arena chunks are recycled per thread (up to kPoolChunks) so that parsing
// page after page does not fault in fresh memory each time.
constexpr size_t kPoolChunks = 32;
thread_local std::vector<std::unique_ptr<char[]>> chunk_pool;

void* HtmlDom::Allocate(void* self_ptr, size_t size) {
  auto* self = static_cast<HtmlDom*>(self_ptr);
  size = (size + kAlign - 1) & ~(kAlign - 1);
  if (size > self->left_) {
    size_t n = std::max(kChunk, size);
    if (n == kChunk && !chunk_pool.empty()) {
      self->chunks_.push_back(std::move(chunk_pool.back()));
      chunk_pool.pop_back();
    } else {
      self->chunks_.emplace_back(new char[n]);
    }
    self->chunk_sizes_.push_back(n);
    self->cursor_ = self->chunks_.back().get();
    self->left_ = n;
  }
  void* p = self->cursor_;
  self->cursor_ += size;
  self->left_ -= size;
  return p;
}

void HtmlDom::Deallocate(void*, void*) {}

std::unique_ptr<HtmlDom> HtmlDom::Parse(std::string_view html, size_t max_bytes,
                                        bool placeholders) {
  std::unique_ptr<HtmlDom> dom(new HtmlDom());
  Stripper stripped(placeholders);
  stripped.Run(html);
  if (stripped.unsafe) {
    stripped = Stripper(/*placeholders=*/false);
    stripped.Run(html);
  }
  dom->input_ = std::move(stripped.out);
  dom->runs_ = std::move(stripped.runs);
  dom->run_ends_ = std::move(stripped.run_ends);
  if (dom->input_.size() > max_bytes) {
    dom->input_.resize(max_bytes);
    dom->truncated_ = true;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &HtmlDom::Allocate;
  options.deallocator = &HtmlDom::Deallocate;
  options.userdata = dom.get();
  options.max_errors = 0;
  dom->output_ = gumbo_parse_with_options(&options, dom->input_.data(),
                                          dom->input_.size());
  if (!dom->run_ends_.empty()) dom->ExpandText();
  return dom;
}

// Gives each text node the text its placeholders stand for (see Stripper).
// Placeholders are the only supplementary private-use characters in the
// parsed text (the Stripper made sure), so a 0xF3 or 0xF4 byte starts one.
const char* HtmlDom::Expand(std::string_view t) {
  if (!HasHighLead(t)) return nullptr;
  std::string text;
  for (size_t i = 0; i < t.size();) {
    size_t j = i;
    while (j < t.size() && static_cast<unsigned char>(t[j] - 0xF3) >= 2) ++j;
    text.append(t.substr(i, j - i));
    if (j == t.size()) break;
    i = j;
    char32_t cp = DecodeUtf8(t, &i);
    size_t k = cp >= kPlane16 ? kPerPlane + (cp - kPlane16) : cp - kPlane15;
    if (cp < kPlane15 || k >= run_ends_.size()) {
      text.append(t.substr(j, i - j));  // not ours (cut by max_bytes)
      continue;
    }
    size_t begin = k == 0 ? 0 : run_ends_[k - 1];
    text.append(runs_, begin, run_ends_[k] - begin);
  }
  char* copy = static_cast<char*>(Allocate(this, text.size() + 1));
  std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  return copy;
}

void HtmlDom::ExpandText() {
  std::vector<GumboNode*> stack{output_->document};
  while (!stack.empty()) {
    GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      if (const char* t = Expand(n->v.text.text)) n->v.text.text = t;
      continue;
    }
    GumboVector* kids = nullptr;
    if (n->type == GUMBO_NODE_DOCUMENT) {
      kids = &n->v.document.children;
    } else if (n->type == GUMBO_NODE_ELEMENT ||
               n->type == GUMBO_NODE_TEMPLATE) {
      kids = &n->v.element.children;
      const GumboVector& attrs = n->v.element.attributes;
      for (unsigned i = 0; i < attrs.length; ++i) {
        auto* a = static_cast<GumboAttribute*>(attrs.data[i]);
        if (const char* v = Expand(a->value)) a->value = v;
      }
    }
    if (kids == nullptr) continue;
    for (unsigned i = 0; i < kids->length; ++i) {
      stack.push_back(static_cast<GumboNode*>(kids->data[i]));
    }
  }
}

// The arena holds every gumbo allocation: no tree walk is needed to free.
HtmlDom::~HtmlDom() {
  for (size_t i = 0; i < chunks_.size(); ++i) {
    if (chunk_sizes_[i] == kChunk && chunk_pool.size() < kPoolChunks) {
      chunk_pool.push_back(std::move(chunks_[i]));
    }
  }
}

std::string_view Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* a =
      gumbo_get_attribute(&node->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

std::string_view TagName(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return {};
  GumboTag tag = node->v.element.tag;
  if (tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(tag);
  GumboStringPiece piece = node->v.element.original_tag;
  gumbo_tag_from_original_text(&piece);
  return std::string_view(piece.data, piece.length);
}

void AppendNodeText(const GumboNode* node, std::string* out, size_t max_bytes) {
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty() && out->size() < max_bytes) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      out->append(n->v.text.text);
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE)
      continue;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) {
      stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
    }
  }
  if (out->size() > max_bytes) out->resize(max_bytes);
}

}  // namespace marsad
