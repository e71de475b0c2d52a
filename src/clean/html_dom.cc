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

// Copies `html` without the bodies of <script> and <style> elements (a linear
// scan, case-insensitive on the tag names; markup is otherwise untouched).
std::string DropScriptBodies(std::string_view html) {
  std::string out;
  out.reserve(html.size() / 2);
  size_t i = 0;
  while (i < html.size()) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) {
      out.append(html.substr(i));
      break;
    }
    out.append(html.substr(i, lt - i));
    std::string_view tag;
    for (std::string_view t : {"script", "style"}) {
      if (lt + 1 + t.size() <= html.size() && IEquals(html.substr(lt + 1, t.size()), t)) {
        tag = t;
      }
    }
    size_t gt = html.find('>', lt);
    if (tag.empty() || gt == std::string_view::npos) {
      out.push_back('<');
      i = lt + 1;
      continue;
    }
    out.append(html.substr(lt, gt + 1 - lt));
    // Find "</tag" case-insensitively.
    size_t close = gt + 1;
    while (true) {
      close = html.find("</", close);
      if (close == std::string_view::npos ||
          (close + 2 + tag.size() <= html.size() &&
           IEquals(html.substr(close + 2, tag.size()), tag))) {
        break;
      }
      close += 2;
    }
    i = close == std::string_view::npos ? html.size() : close;
  }
  return out;
}

}  // namespace

void* HtmlDom::Allocate(void* self_ptr, size_t size) {
  auto* self = static_cast<HtmlDom*>(self_ptr);
  size = (size + kAlign - 1) & ~(kAlign - 1);
  if (size > self->left_) {
    size_t n = std::max(kChunk, size);
    self->chunks_.emplace_back(new char[n]);
    self->cursor_ = self->chunks_.back().get();
    self->left_ = n;
  }
  void* p = self->cursor_;
  self->cursor_ += size;
  self->left_ -= size;
  return p;
}

void HtmlDom::Deallocate(void*, void*) {}

std::unique_ptr<HtmlDom> HtmlDom::Parse(std::string_view html, size_t max_bytes) {
  std::unique_ptr<HtmlDom> dom(new HtmlDom());
  if (html.size() > max_bytes) {
    dom->input_ = DropScriptBodies(html);
    if (dom->input_.size() > max_bytes) {
      dom->input_.resize(max_bytes);
      dom->truncated_ = true;
    }
  } else {
    dom->input_.assign(html);
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

HtmlDom::~HtmlDom() = default;  // the arena holds every gumbo allocation

std::string_view Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
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
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) continue;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) {
      stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
    }
  }
  if (out->size() > max_bytes) out->resize(max_bytes);
}

}  // namespace marsad
