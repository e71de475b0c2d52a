#include "src/clean/html_blocks.h"

#include <algorithm>
#include <string_view>

#include "src/clean/display.h"
#include "src/clean/html_dom.h"

namespace marsad {

Kind KindOf(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_MENU:
      return Kind::kSkip;
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
      return Kind::kBreak;
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
      return Kind::kBlock;
    default:
      return Kind::kInline;
  }
}

bool IsHeading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 ||
         t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

namespace {

struct ClassInfo {
  int weight = 0;       // +25 / -25 / 0
  bool widget = false;  // a widget no positive word saves
  bool post = false;    // names an embedded social-media post
};

// The attributes an element's part in the layout depends on, read in one
// pass over its attributes (gumbo lower-cases their names); the first of
// duplicates counts, as with gumbo_get_attribute.
struct LayoutAttrs {
  std::string_view cls, id, style, role, aria_hidden;
  bool hidden = false;  // has a `hidden` attribute
};

LayoutAttrs ReadLayoutAttrs(const GumboNode* n) {
  LayoutAttrs a;
  const GumboVector& attrs = n->v.element.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    auto* attr = static_cast<const GumboAttribute*>(attrs.data[i]);
    std::string_view name = attr->name;
    std::string_view* field = name == "class"         ? &a.cls
                              : name == "id"          ? &a.id
                              : name == "style"       ? &a.style
                              : name == "role"        ? &a.role
                              : name == "aria-hidden" ? &a.aria_hidden
                                                      : nullptr;
    if (field != nullptr && field->data() == nullptr) *field = attr->value;
    a.hidden = a.hidden || name == "hidden";
  }
  return a;
}

ClassInfo ClassifyAttrs(const CleanLexicon& lex, std::string_view cls,
                        std::string_view id) {
  ClassInfo info;
  if (cls.empty() && id.empty()) return info;
  bool pos = false, neg = false;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    switch (lex.HtmlClassWord(word)) {
      case HtmlClassKind::kPositive:
        pos = true;
        break;
      case HtmlClassKind::kNegative:
        neg = true;
        break;
      case HtmlClassKind::kPost:
        info.post = true;
        break;
      case HtmlClassKind::kWidget:
        neg = true;
        info.widget = true;
        break;
      case HtmlClassKind::kNone:
        break;
    }
    word.clear();
  };
  for (std::string_view s : {cls, id}) {
    for (char c : s) {
      char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      if (l >= 'a' && l <= 'z') {
        // camelCase boundary: "relatedLinks" -> related, links
        if (c >= 'A' && c <= 'Z' && !word.empty()) flush();
        word.push_back(l);
      } else {
        flush();
      }
    }
    flush();
  }
  if (neg) info.weight -= 25;
  if (pos) info.weight += 25;
  return info;
}

bool Hidden(const LayoutAttrs& a) {
  if (a.hidden || a.aria_hidden == "true") return true;
  std::string_view style = a.style;
  if (!style.empty()) {
    std::string s;
    for (char c : style) {
      if (c != ' ')
        s.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
    }
    if (s.find("display:none") != std::string::npos ||
        s.find("visibility:hidden") != std::string::npos) {
      return true;
    }
  }
  std::string_view role = a.role;
  return role == "navigation" || role == "banner" || role == "contentinfo" ||
         role == "complementary" || role == "menu" || role == "menubar" ||
         role == "search" || role == "dialog" || role == "alert";
}

class Flattener {
 public:
  Flattener(const CleanLexicon& lex, const GumboNode* root, FlatPage* page)
      : lex_(lex), root_(root), page_(*page) {}
  void Walk();

 private:
  void Enter(const GumboNode* g);
  void Exit(int index);
  void Text(std::string_view t);
  void FlushBlock();
  // Inside a skipped subtree, a block's start or end separates words (the
  // whitespace between block tags is dropped before parsing).
  void SeparateSkipped(Kind kind) {
    if (skip_depth_ > 0 && kind != Kind::kInline && !skipped_text_.empty() &&
        skipped_text_.back() != ' ') {
      skipped_text_.push_back(' ');
    }
  }

  const CleanLexicon& lex_;
  const GumboNode* root_;
  FlatPage& page_;
  std::vector<int> open_;         // element stack (indices into nodes)
  std::vector<int> blocks_open_;  // the block-level elements among them
  std::vector<char> skipping_;    // whether each open element is skipped
  int skip_depth_ = 0;
  int skip_root_ = -1;        // outermost skipped element now open
  std::string skipped_text_;  // its text so far (capped)
  int link_depth_ = 0;
  Block current_;
};

void Flattener::Enter(const GumboNode* g) {
  Kind kind = KindOf(g->v.element.tag);
  if (kind == Kind::kBlock || kind == Kind::kBreak) FlushBlock();
  SeparateSkipped(kind);
  Node n;
  n.g = g;
  n.tag = g->v.element.tag;
  n.parent = open_.empty() ? -1 : open_.back();
  LayoutAttrs attrs = ReadLayoutAttrs(g);
  ClassInfo ci = ClassifyAttrs(lex_, attrs.cls, attrs.id);
  n.weight = ci.weight;
  n.widget = ci.widget;
  n.post = n.tag == GUMBO_TAG_BLOCKQUOTE && ci.post;
  n.posts = n.post;
  n.paragraphs = n.tag == GUMBO_TAG_P;
  n.items = n.tag == GUMBO_TAG_LI;
  n.images = n.tag == GUMBO_TAG_IMG;
  n.inputs = n.tag == GUMBO_TAG_INPUT || n.tag == GUMBO_TAG_SELECT ||
             n.tag == GUMBO_TAG_TEXTAREA;
  n.embeds = n.tag == GUMBO_TAG_IFRAME || n.tag == GUMBO_TAG_EMBED ||
             n.tag == GUMBO_TAG_OBJECT || n.tag == GUMBO_TAG_VIDEO;
  bool hidden = kind == Kind::kSkip || Hidden(attrs);
  int index = static_cast<int>(page_.nodes.size());
  page_.nodes.push_back(n);
  open_.push_back(index);
  skipping_.push_back(hidden);
  if (kind == Kind::kBlock) blocks_open_.push_back(index);
  if (hidden && skip_depth_ == 0) {  // the root of a skipped subtree
    skipped_text_.clear();
    skip_root_ = index;
  }
  if (hidden) ++skip_depth_;
  if (n.tag == GUMBO_TAG_A && link_depth_++ == 0 && skip_depth_ == 0)
    ++current_.links;
}

// Subtree statistics are summed bottom-up as elements close: linear time
// whatever the depth.
void Flattener::Exit(int index) {
  Node& n = page_.nodes[index];
  Kind kind = KindOf(n.tag);
  if (kind == Kind::kBlock || kind == Kind::kBreak) FlushBlock();
  SeparateSkipped(kind);
  if (skipping_.back()) --skip_depth_;
  skipping_.pop_back();
  if (index == skip_root_) {  // record what a skipped nav/aside/footer said
    TrimTrailingSpaces(&skipped_text_);
    GumboTag t = n.tag;
    bool inert = t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE ||
                 t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_NOSCRIPT ||
                 t == GUMBO_TAG_SVG || t == GUMBO_TAG_HEAD ||
                 t == GUMBO_TAG_TITLE;
    if (!skipped_text_.empty() && !inert) {
      std::string_view tag = KindOf(t) == Kind::kSkip ? TagName(n.g) : "hidden";
      page_.skipped.push_back(
          {std::move(skipped_text_), "boilerplate:" + std::string(tag)});
    }
    skipped_text_.clear();
    skip_root_ = -1;
  }
  if (kind == Kind::kBlock) blocks_open_.pop_back();
  if (n.tag == GUMBO_TAG_A) --link_depth_;
  n.end = static_cast<uint32_t>(page_.nodes.size());
  if (n.post) n.post_chars = n.chars;  // nested posts counted once
  open_.pop_back();
  if (n.parent >= 0) {
    Node& p = page_.nodes[n.parent];
    p.chars += n.chars;
    p.link_chars += n.link_chars;
    p.commas += n.commas;
    p.paragraphs += n.paragraphs;
    p.items += n.items;
    p.images += n.images;
    p.inputs += n.inputs;
    p.embeds += n.embeds;
    p.posts += n.posts;
    p.post_chars += n.post_chars;
  }
}

void Flattener::Text(std::string_view t) {
  if (skip_depth_ > 0) {
    if (skipped_text_.size() < 4096) AppendDisplay(t, &skipped_text_);
    return;
  }
  size_t before = current_.text.size();
  AppendDisplay(t, &current_.text);
  std::string_view added = std::string_view(current_.text).substr(before);
  uint32_t chars = static_cast<uint32_t>(CodePoints(added));
  uint32_t commas = 0;
  for (size_t i = 0; i < added.size(); ++i) {
    if (added[i] == ',') ++commas;
    if (added[i] == '\xD8' && i + 1 < added.size() && added[i + 1] == '\x8C')
      ++commas;
  }
  current_.commas += commas;
  if (link_depth_ > 0) current_.link_chars += chars;
}

void Flattener::FlushBlock() {
  TrimTrailingSpaces(&current_.text);
  if (!current_.text.empty() && !open_.empty()) {
    current_.chars = static_cast<uint32_t>(CodePoints(current_.text));
    current_.link_chars = std::min(current_.link_chars, current_.chars);
    current_.container =
        blocks_open_.empty() ? open_.front() : blocks_open_.back();
    Node& c = page_.nodes[current_.container];
    c.chars += current_.chars;
    c.link_chars += current_.link_chars;
    c.commas += current_.commas;
    page_.blocks.push_back(std::move(current_));
  }
  current_ = Block();
}

// Iterative DFS with explicit enter/exit events.
void Flattener::Walk() {
  struct Frame {
    const GumboNode* node;
    unsigned next;
    int index;
  };
  std::vector<Frame> stack;
  if (root_ == nullptr) return;
  Enter(root_);
  stack.push_back({root_, 0, 0});
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector& kids = f.node->v.element.children;
    if (f.next >= kids.length) {
      Exit(f.index);
      stack.pop_back();
      continue;
    }
    const GumboNode* child = static_cast<const GumboNode*>(kids.data[f.next++]);
    if (child->type == GUMBO_NODE_TEXT ||
        child->type == GUMBO_NODE_WHITESPACE ||
        child->type == GUMBO_NODE_CDATA) {
      Text(child->v.text.text);
    } else if (child->type == GUMBO_NODE_ELEMENT ||
               child->type == GUMBO_NODE_TEMPLATE) {
      int index = static_cast<int>(page_.nodes.size());
      Enter(child);
      stack.push_back({child, 0, index});
    }
  }
  FlushBlock();
}

}  // namespace

FlatPage FlattenPage(const CleanLexicon& lex, const GumboNode* root) {
  FlatPage page;
  Flattener(lex, root, &page).Walk();
  return page;
}

}  // namespace marsad
