// HTML main-text extraction: why it works this way.
//
// The article is the part of the page where prose is dense: long runs of
// text in paragraphs, with commas, and few links. Navigation, teasers,
// "related"/"most read" boxes, share bars and footers are short, link-heavy
// or labelled as such in their class and id attributes. The method follows
// Readability (Arc90, later Mozilla) with the refinements that made
// boilerplate removal work in jusText, boilerpipe and trafilatura:
//
//  1. One iterative walk over the DOM (no recursion: nesting depth is
//     unbounded in broken pages) turns it into a flat array of elements with
//     subtree statistics (text length, text inside links, paragraphs, list
//     items, images, inputs) and a sequence of text blocks in document order,
//     each attached to its nearest block-level element. Elements that are
//     never content (script, style, nav, aside, footer, forms' controls,
//     hidden or role=navigation elements) contribute nothing.
//  2. Each paragraph-like block of at least 25 characters gives its
//     ancestors a score (1 + commas + length/100, capped), full to the parent,
//     half to the grandparent, less further up. An element's class/id adds or
//     removes 25 (article, content, story... vs comment, share, related...).
//     Final scores are scaled by (1 - link density). Elements whose class or id
//     names a widget are boilerplate and give no score.
//  3. The best-scoring element is the article; when several strong
//     candidates share an ancestor the ancestor is taken (split articles),
//     and siblings that score well or hold prose paragraphs are joined.
//  4. Inside the article, subtrees are dropped conditionally (Readability's
//     cleanConditionally): link-dense lists and boxes, forms, image galleries,
//     widget classes. Headings, lists, quotes and preformatted text are kept
//     in order as paragraphs.
//  5. The paragraphs then go through the text-dump rules (furniture phrases,
//     repeats, a first line repeating the title).
//
// Cost is linear in the page: one DOM walk, one scoring pass over blocks,
// one pass over the article's elements.
#include "src/clean/html_extract.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "src/clean/display.h"
#include "src/clean/html_dom.h"
#include "src/clean/html_meta.h"
#include "src/clean/text_clean.h"

namespace marsad {
namespace {

enum class Kind : uint8_t { kInline, kBlock, kSkip, kBreak };

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

struct ClassInfo {
  int weight = 0;       // +25 / -25 / 0
  bool widget = false;  // a widget no positive word saves
};

ClassInfo ClassifyAttrs(const CleanLexicon& lex, const GumboNode* n) {
  ClassInfo info;
  std::string_view cls = Attr(n, "class"), id = Attr(n, "id");
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

bool Hidden(const GumboNode* n) {
  if (gumbo_get_attribute(&n->v.element.attributes, "hidden") != nullptr)
    return true;
  if (Attr(n, "aria-hidden") == "true") return true;
  std::string_view style = Attr(n, "style");
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
  std::string_view role = Attr(n, "role");
  return role == "navigation" || role == "banner" || role == "contentinfo" ||
         role == "complementary" || role == "menu" || role == "menubar" ||
         role == "search" || role == "dialog" || role == "alert";
}

struct Node {
  const GumboNode* g = nullptr;
  int parent = -1;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  int weight = 0;
  bool widget = false;
  bool scored = false;
  float score = 0;
  uint32_t chars = 0, link_chars = 0, commas = 0;
  uint32_t paragraphs = 0, items = 0, images = 0, inputs = 0, embeds = 0;
  uint32_t end = 0;  // one past the last descendant's index
};

struct Block {
  std::string text;
  int container = -1;
  uint32_t chars = 0, link_chars = 0, commas = 0;
};

class Extractor {
 public:
  Extractor(const CleanLexicon& lex, const GumboNode* root)
      : lex_(lex), root_(root) {}

  void Walk();
  // Index of the chosen article element (or -1), and the joined siblings.
  std::vector<int> SelectArticle();
  // Text of skipped elements (nav, aside, footer, hidden...), for --explain.
  std::vector<RemovedBlock>& skipped() { return skipped_; }
  // Paragraphs of the article, in order; dropped blocks go to *removed.
  void Emit(const std::vector<int>& article, const std::string& title,
            std::vector<std::string>* paragraphs,
            std::vector<RemovedBlock>* removed);

 private:
  void Enter(const GumboNode* g);
  void Exit(int index);
  void Text(std::string_view t);
  void FlushBlock();
  bool Inside(int node, int ancestor) const {
    return node >= ancestor && node < static_cast<int>(nodes_[ancestor].end);
  }
  float LinkDensity(int i) const {
    const Node& n = nodes_[i];
    return n.chars == 0 ? 0.f : static_cast<float>(n.link_chars) / n.chars;
  }
  bool DropConditionally(int i) const;
  void InitScore(int i);

  const CleanLexicon& lex_;
  const GumboNode* root_;
  std::vector<Node> nodes_;
  std::vector<Block> blocks_;
  std::vector<RemovedBlock> skipped_;
  std::vector<int> open_;         // element stack (indices into nodes_)
  std::vector<int> blocks_open_;  // the block-level elements among them
  std::vector<char> skipping_;    // whether each open element is skipped
  std::vector<char> widget_;      // inside a widget (set by SelectArticle)
  int best_ = -1;                 // the best-scoring element
  int skip_depth_ = 0;
  int skip_root_ = -1;        // outermost skipped element now open
  std::string skipped_text_;  // its text so far (capped)
  int link_depth_ = 0;
  Block current_;
};

void Extractor::Enter(const GumboNode* g) {
  Kind kind = KindOf(g->v.element.tag);
  if (kind == Kind::kBlock || kind == Kind::kBreak) FlushBlock();
  if (skip_depth_ > 0 && kind != Kind::kInline && !skipped_text_.empty() &&
      skipped_text_.back() != ' ') {
    skipped_text_.push_back(' ');
  }
  Node n;
  n.g = g;
  n.tag = g->v.element.tag;
  n.parent = open_.empty() ? -1 : open_.back();
  ClassInfo ci = ClassifyAttrs(lex_, g);
  n.weight = ci.weight;
  n.widget = ci.widget;
  n.paragraphs = n.tag == GUMBO_TAG_P;
  n.items = n.tag == GUMBO_TAG_LI;
  n.images = n.tag == GUMBO_TAG_IMG;
  n.inputs = n.tag == GUMBO_TAG_INPUT || n.tag == GUMBO_TAG_SELECT ||
             n.tag == GUMBO_TAG_TEXTAREA;
  n.embeds = n.tag == GUMBO_TAG_IFRAME || n.tag == GUMBO_TAG_EMBED ||
             n.tag == GUMBO_TAG_OBJECT || n.tag == GUMBO_TAG_VIDEO;
  bool hidden = kind == Kind::kSkip || Hidden(g);
  int index = static_cast<int>(nodes_.size());
  nodes_.push_back(n);
  open_.push_back(index);
  skipping_.push_back(hidden);
  if (kind == Kind::kBlock) blocks_open_.push_back(index);
  if (hidden && skip_depth_ == 0) {  // the root of a skipped subtree
    skipped_text_.clear();
    skip_root_ = index;
  }
  if (hidden) ++skip_depth_;
  if (n.tag == GUMBO_TAG_A) ++link_depth_;
}

// Subtree statistics are summed bottom-up as elements close: linear time
// whatever the depth.
void Extractor::Exit(int index) {
  Node& n = nodes_[index];
  Kind kind = KindOf(n.tag);
  if (kind == Kind::kBlock || kind == Kind::kBreak) FlushBlock();
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
      skipped_.push_back(
          {std::move(skipped_text_), "boilerplate:" + std::string(tag)});
    }
    skipped_text_.clear();
    skip_root_ = -1;
  }
  if (kind == Kind::kBlock) blocks_open_.pop_back();
  if (n.tag == GUMBO_TAG_A) --link_depth_;
  n.end = static_cast<uint32_t>(nodes_.size());
  open_.pop_back();
  if (n.parent >= 0) {
    Node& p = nodes_[n.parent];
    p.chars += n.chars;
    p.link_chars += n.link_chars;
    p.commas += n.commas;
    p.paragraphs += n.paragraphs;
    p.items += n.items;
    p.images += n.images;
    p.inputs += n.inputs;
    p.embeds += n.embeds;
  }
}

void Extractor::Text(std::string_view t) {
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

void Extractor::FlushBlock() {
  TrimTrailingSpaces(&current_.text);
  if (!current_.text.empty() && !open_.empty()) {
    current_.chars = static_cast<uint32_t>(CodePoints(current_.text));
    current_.link_chars = std::min(current_.link_chars, current_.chars);
    current_.container =
        blocks_open_.empty() ? open_.front() : blocks_open_.back();
    Node& c = nodes_[current_.container];
    c.chars += current_.chars;
    c.link_chars += current_.link_chars;
    c.commas += current_.commas;
    blocks_.push_back(std::move(current_));
  }
  current_ = Block();
}

// Iterative DFS with explicit enter/exit events.
void Extractor::Walk() {
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
      int index = static_cast<int>(nodes_.size());
      Enter(child);
      stack.push_back({child, 0, index});
    }
  }
  FlushBlock();
}

void Extractor::InitScore(int i) {
  Node& n = nodes_[i];
  if (n.scored) return;
  n.scored = true;
  n.score = static_cast<float>(n.weight);
  switch (n.tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_MAIN:
      n.score += 5;
      break;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      n.score += 3;
      break;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      n.score -= 3;
      break;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      n.score -= 5;
      break;
    default:
      break;
  }
}

std::vector<int> Extractor::SelectArticle() {
  // Which elements lie inside a widget (they give no score).
  // A class that names a widget on an element holding most of the page's
  // text is a site's odd naming of its layout ("sliderBox" around
  // everything), not a widget.
  std::vector<char> in_widget(nodes_.size(), 0);
  const float total =
      nodes_.empty() ? 0.f : static_cast<float>(nodes_[0].chars);
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const Node& n = nodes_[i];
    int p = n.parent;
    bool layout = n.tag == GUMBO_TAG_BODY || n.tag == GUMBO_TAG_HTML ||
                  KindOf(n.tag) != Kind::kBlock;
    bool widget = !layout && ((n.widget && n.chars <= 0.8f * total) ||
                              (n.weight < 0 && n.chars <= 0.5f * total));
    in_widget[i] = (p >= 0 && in_widget[p]) || widget;
  }
  widget_ = in_widget;
  std::vector<int> candidates;
  for (const Block& b : blocks_) {
    if (b.chars < 25 || b.container < 0 || in_widget[b.container]) continue;
    GumboTag t = nodes_[b.container].tag;
    if (IsHeading(t) || t == GUMBO_TAG_LI || t == GUMBO_TAG_DT) continue;
    float score = 1.f + b.commas + std::min(b.chars / 100.f, 3.f);
    // Text directly in a generic container (a div holding prose between
    // images and <br>s) makes that container the paragraph's parent.
    bool paragraph = t == GUMBO_TAG_P || t == GUMBO_TAG_TD ||
                     t == GUMBO_TAG_PRE || t == GUMBO_TAG_BLOCKQUOTE ||
                     t == GUMBO_TAG_DD || t == GUMBO_TAG_FIGCAPTION ||
                     t == GUMBO_TAG_CAPTION;
    int level = 0;
    for (int a = paragraph ? nodes_[b.container].parent : b.container;
         a >= 0 && level < 5; a = nodes_[a].parent, ++level) {
      if (nodes_[a].tag == GUMBO_TAG_HTML) break;
      if (!nodes_[a].scored) candidates.push_back(a);
      InitScore(a);
      float divider = level == 0 ? 1.f : level == 1 ? 2.f : level * 3.f;
      nodes_[a].score += score / divider;
    }
    // The container itself is a candidate too (text directly in a div).
    if (!nodes_[b.container].scored) candidates.push_back(b.container);
    InitScore(b.container);
  }
  int top = -1;
  for (int c : candidates) {
    nodes_[c].score *= 1.f - LinkDensity(c);
    if (top < 0 || nodes_[c].score > nodes_[top].score) top = c;
  }
  if (top < 0) return {};
  best_ = top;
  // Split articles: if three strong candidates share an ancestor, take it.
  std::vector<int> strong;
  for (int c : candidates) {
    if (c != top && nodes_[c].score >= 0.75f * nodes_[top].score &&
        !Inside(c, top) && !Inside(top, c)) {
      strong.push_back(c);
    }
  }
  if (strong.size() >= 2) {
    for (int a = nodes_[top].parent; a >= 0 && nodes_[a].tag != GUMBO_TAG_BODY;
         a = nodes_[a].parent) {
      int shared = 0;
      for (int s : strong) shared += Inside(s, a);
      if (shared >= 2) {
        top = a;
        break;
      }
    }
  }
  // Climb while the parent holds the only content (a lone wrapper).
  while (nodes_[top].parent >= 0 &&
         nodes_[nodes_[top].parent].tag != GUMBO_TAG_BODY &&
         nodes_[nodes_[top].parent].chars <=
             nodes_[top].chars + nodes_[top].chars / 20) {
    top = nodes_[top].parent;
  }
  // Join siblings that score well or are prose paragraphs.
  std::vector<int> out;
  int parent = nodes_[top].parent;
  if (parent < 0) return {top};
  float threshold = std::max(10.f, nodes_[top].score * 0.2f);
  for (int s = parent + 1; s < static_cast<int>(nodes_[parent].end);
       s = static_cast<int>(nodes_[s].end)) {
    if (s == top) {
      out.push_back(s);
      continue;
    }
    const Node& n = nodes_[s];
    if (n.chars == 0 || in_widget[s]) continue;
    float bonus = Attr(n.g, "class") == Attr(nodes_[top].g, "class") &&
                          !Attr(n.g, "class").empty()
                      ? nodes_[top].score * 0.2f
                      : 0.f;
    if (n.scored && n.score + bonus >= threshold) {
      out.push_back(s);
    } else if (n.tag == GUMBO_TAG_P) {
      float ld = LinkDensity(s);
      if ((n.chars > 80 && ld < 0.25f) ||
          (n.chars <= 80 && n.chars > 0 && ld == 0.f)) {
        out.push_back(s);
      }
    }
  }
  return out;
}

bool Extractor::DropConditionally(int i) const {
  const Node& n = nodes_[i];
  if (best_ >= 0 && Inside(best_, i)) return false;  // holds the best text
  if (widget_[i]) return true;
  GumboTag t = n.tag;
  bool list = t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_DL;
  bool checked = list || t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION ||
                 t == GUMBO_TAG_TABLE || t == GUMBO_TAG_FORM ||
                 t == GUMBO_TAG_FIELDSET || t == GUMBO_TAG_HEADER ||
                 t == GUMBO_TAG_FIGURE;
  if (!checked) return false;
  if (n.weight < 0) return true;
  if (n.commas >= 10) return false;
  float ld = LinkDensity(i);
  int p = static_cast<int>(n.paragraphs);
  if (n.images > 1 && p * 2 < static_cast<int>(n.images) &&
      t != GUMBO_TAG_FIGURE)
    return true;
  if (!list && static_cast<int>(n.items) - 100 > p) return true;
  if (n.inputs * 3 > static_cast<uint32_t>(p) && n.inputs > 0) return true;
  if (!list && n.chars < 25 && (n.images == 0 || n.images > 2) &&
      t != GUMBO_TAG_FIGURE) {
    return true;
  }
  if (n.weight < 25 && ld > 0.2f && !(list && ld < 0.35f)) return true;
  if (n.weight >= 25 && ld > 0.5f) return true;
  if ((n.embeds == 1 && n.chars < 75) || n.embeds > 1) return true;
  return false;
}

void Extractor::Emit(const std::vector<int>& article, const std::string& title,
                     std::vector<std::string>* paragraphs,
                     std::vector<RemovedBlock>* removed) {
  // Mark dropped subtrees inside the article, top-down.
  std::vector<char> dropped(nodes_.size(), 0);
  for (int top : article) {
    for (int i = top + 1; i < static_cast<int>(nodes_[top].end); ++i) {
      int p = nodes_[i].parent;
      dropped[i] = dropped[p] || DropConditionally(i);
    }
  }
  std::string title_key, key;
  FurnitureKey(title, &title_key);
  size_t a = 0;
  for (const Block& b : blocks_) {
    bool inside = false;
    for (a = 0; a < article.size() && !inside; ++a)
      inside = Inside(b.container, article[a]);
    if (!inside) {
      removed->push_back({b.text, "boilerplate:outside-article"});
      continue;
    }
    if (dropped[b.container]) {
      removed->push_back({b.text, "boilerplate:conditional"});
      continue;
    }
    GumboTag t = nodes_[b.container].tag;
    float ld = b.chars == 0 ? 0.f : static_cast<float>(b.link_chars) / b.chars;
    if (ld > 0.5f && b.chars < 200) {
      removed->push_back({b.text, "boilerplate:link"});
      continue;
    }
    if (IsHeading(t)) {
      FurnitureKey(b.text, &key);
      if (key == title_key) {
        removed->push_back({b.text, "title"});
        continue;
      }
    }
    paragraphs->push_back(b.text);
  }
}

}  // namespace

void CleanHtml(const CleanLexicon& lex, const FurnitureModel* model,
               Document* doc) {
  std::unique_ptr<HtmlDom> dom = HtmlDom::Parse(doc->raw, kMaxHtmlBytes);
  HtmlMeta meta = ExtractHtmlMeta(dom->root());
  auto set = [](std::string* field, std::string value) {
    if (field->empty()) *field = std::move(value);
  };
  set(&doc->title, meta.title);
  set(&doc->published, meta.published);
  set(&doc->modified, meta.modified);
  set(&doc->author, meta.author);
  set(&doc->section, meta.section);
  set(&doc->url, meta.url);
  set(&doc->language, meta.language);
  if (doc->outlet.empty() && !meta.site_name.empty()) {
    const OutletName* o = nullptr;
    std::string key;
    FurnitureKey(meta.site_name, &key);
    o = lex.Outlet(key);
    doc->outlet = o ? o->canonical : meta.site_name;
  }
  if (dom->truncated())
    doc->removed.push_back({"", "truncated:page-too-large"});

  Extractor ex(lex, dom->root());
  ex.Walk();
  std::vector<int> article = ex.SelectArticle();
  std::vector<std::string> paragraphs;
  std::vector<RemovedBlock> removed;
  ex.Emit(article, doc->title, &paragraphs, &removed);
  dom.reset();

  Document body;
  body.format = "html";
  body.title = doc->title;
  body.outlet = doc->outlet;
  for (const std::string& p : paragraphs) {
    body.raw += p;
    body.raw += '\n';
  }
  CleanTextDump(lex, model, &body);
  doc->text = std::move(body.text);
  set(&doc->agency, body.agency);
  // The page's description is its standfirst unless it only repeats the
  // opening of the text.
  std::string desc_key, text_key;
  FurnitureKey(meta.description, &desc_key);
  FurnitureKey(
      std::string_view(doc->text).substr(0, 2 * meta.description.size()),
      &text_key);
  if (!desc_key.empty() &&
      text_key.compare(0, std::min(desc_key.size(), size_t{60}), desc_key, 0,
                       std::min(desc_key.size(), size_t{60})) != 0) {
    set(&doc->standfirst, meta.description);
  }
  for (auto& r : ex.skipped()) doc->removed.push_back(std::move(r));
  for (auto& r : removed) doc->removed.push_back(std::move(r));
  for (auto& r : body.removed) doc->removed.push_back(std::move(r));
}

}  // namespace marsad
