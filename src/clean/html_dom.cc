#include "src/clean/html_dom.h"

#include <algorithm>
#include <cstring>

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

// Attributes the extractor reads; all others (href of links, data-*, src,
// srcset, event handlers...) are dropped before parsing.
bool KeptAttribute(std::string_view name, std::string_view tag) {
  static constexpr std::string_view kKept[] = {
      "class",    "id",      "style",    "hidden", "aria-hidden", "role",
      "rel",      "content", "property", "name",   "itemprop",    "http-equiv",
      "datetime", "type",    "lang",     "charset"};
  for (std::string_view k : kKept) {
    if (IEquals(name, k)) return true;
  }
  return IEquals(name, "href") && IEquals(tag, "link");
}

// Copies one start tag at html[lt] ('<' + letter) keeping only the
// attributes the extractor reads. Returns the index after the tag, or npos if
// the tag is not closed (the caller then copies the rest as text).
size_t CopyStartTag(std::string_view html, size_t lt, std::string* out,
                    std::string_view* tag_name, bool* self_closing) {
  size_t i = lt + 1;
  while (i < html.size() && !IsSpace(html[i]) && html[i] != '/' &&
         html[i] != '>')
    ++i;
  *tag_name = html.substr(lt + 1, i - lt - 1);
  *self_closing = false;
  std::string tag = "<";
  tag.append(*tag_name);
  while (i < html.size()) {
    while (i < html.size() && (IsSpace(html[i]) || html[i] == '/')) {
      *self_closing = html[i] == '/';
      ++i;
    }
    if (i >= html.size()) break;
    if (html[i] == '>') {
      if (*self_closing) tag += " /";
      tag += '>';
      out->append(tag);
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
    if (KeptAttribute(name, *tag_name)) {
      tag += ' ';
      tag.append(name);
      if (has_value) {
        tag += '=';
        tag.append(value);
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
bool Verbatim(std::string_view tag) {
  return IEquals(tag, "pre") || IEquals(tag, "textarea") ||
         IEquals(tag, "listing") || IEquals(tag, "plaintext");
}

// Copies `html` without what never holds text: comments, the bodies of
// <script> (but JSON-LD, which holds metadata), <style> and <svg>, and the
// attributes the extractor does not read, and whitespace runs outside <pre>
// cut to one character; elements nested deeper than kMaxNesting are
// flattened. A linear scan that follows the HTML5 tokenizer's rules for tags
// and attributes, so the parser builds the same tree (but for whitespace
// text) from less input (about a fifth of a typical page).
std::string StripInert(std::string_view html) {
  size_t depth = 0, dropped = 0;
  int pre = 0;  // open <pre>, <textarea>, <listing> elements: kept verbatim
  std::string out;
  out.reserve(html.size() / 2);
  size_t i = 0;
  auto append_text = [&](std::string_view text) {
    if (pre > 0) {
      out.append(text);
    } else {
      AppendCollapsed(text, &out);
    }
  };
  while (i < html.size()) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) {
      append_text(html.substr(i));
      break;
    }
    append_text(html.substr(i, lt - i));
    if (html.substr(lt, 4) == "<!--") {
      size_t close = html.find("-->", lt + 4);
      i = close == std::string_view::npos ? html.size() : close + 3;
      continue;
    }
    char c = html[lt + 1];
    if (c == '/') {  // an end tag: balance the nesting count
      size_t e = lt + 2;
      while (e < html.size() && !IsSpace(html[e]) && html[e] != '>') ++e;
      if (pre > 0 && Verbatim(html.substr(lt + 2, e - lt - 2))) --pre;
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
      i = lt + 1;
      continue;
    }
    std::string_view tag;
    bool self_closing;
    size_t open_start = out.size();
    size_t after = CopyStartTag(html, lt, &out, &tag, &self_closing);
    if (after == std::string_view::npos) {
      out.resize(open_start);
      out.append(html.substr(lt));
      break;
    }
    i = after;
    if (!self_closing && Verbatim(tag)) ++pre;
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
    if (IEquals(tag, "script") &&
        IFind(std::string_view(out).substr(open_start), "ld+json", 0) !=
            std::string_view::npos) {
      continue;  // keep JSON-LD
    }
    size_t close = IFind(html,
                         IEquals(tag, "svg")     ? "</svg"
                         : IEquals(tag, "style") ? "</style"
                                                 : "</script",
                         i);
    i = close == std::string_view::npos ? html.size() : close;
  }
  return out;
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

std::unique_ptr<HtmlDom> HtmlDom::Parse(std::string_view html,
                                        size_t max_bytes) {
  std::unique_ptr<HtmlDom> dom(new HtmlDom());
  dom->input_ = StripInert(html);
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
  return dom;
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
