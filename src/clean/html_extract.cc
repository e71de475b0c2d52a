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
//     and siblings that score well or hold prose paragraphs are joined; so
//     are boxes of link-free prose paragraphs beside the article's wrapper
//     one or two levels up (the last sentences after an ad that closed it).
//  4. Inside the article, subtrees are dropped conditionally (Readability's
//     cleanConditionally): link-dense lists and boxes, forms, image galleries,
//     widget classes; a table of short data cells, or a list of linked names
//     with words of their own, stays whatever its links. Headings, lists,
//     quotes and preformatted text are kept in order as paragraphs. A
//     link-dense block is dropped unless it is a sentence around one link
//     between two kept paragraphs (jusText's context).
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
#include "src/clean/html_blocks.h"
#include "src/clean/html_dom.h"
#include "src/clean/html_meta.h"
#include "src/clean/text_clean.h"

namespace marsad {
namespace {

constexpr const char kLinkReason[] = "boilerplate:link";

class Extractor {
 public:
  explicit Extractor(FlatPage* page)
      : nodes_(page->nodes), blocks_(page->blocks) {}

  // The chosen article element and the siblings joined to it (empty if the
  // page has no scorable text).
  std::vector<int> SelectArticle();
  // Paragraphs of the article, in order; dropped blocks go to *removed.
  // `fallback`: the article is the whole page (nothing scored); only
  // widgets are dropped then, besides link-dense blocks.
  void Emit(const std::vector<int>& article, const std::string& title,
            bool fallback, std::vector<std::string>* paragraphs,
            std::vector<RemovedBlock>* removed);

 private:
  bool Inside(int node, int ancestor) const {
    return node >= ancestor && node < static_cast<int>(nodes_[ancestor].end);
  }
  float LinkDensity(int i) const {
    const Node& n = nodes_[i];
    return n.chars == 0 ? 0.f : static_cast<float>(n.link_chars) / n.chars;
  }
  bool DropConditionally(int i) const;
  void KeepLinkedSentences(std::vector<const char*>* why) const;
  static float BlockLinkDensity(const Block& b) {
    return b.chars == 0 ? 0.f : static_cast<float>(b.link_chars) / b.chars;
  }
  bool DataTable(int table) const;
  bool DataList(int list) const;
  bool ProseOnly(int node) const;
  bool ProseBox(int s);
  // The best-scoring candidate strictly inside `node`, outside widgets and
  // elements of negative class (below `node`), or -1. `sorted` holds the
  // candidates in preorder.
  int BestInside(const std::vector<int>& sorted, int node) const {
    auto it = std::upper_bound(sorted.begin(), sorted.end(), node);
    int best = -1;
    for (; it != sorted.end() && Inside(*it, node); ++it) {
      if (widget_[*it] ||
          (best >= 0 && nodes_[*it].score <= nodes_[best].score))
        continue;
      bool negative = false;  // a byline, a biography, a caption...
      for (int a = *it; a > node && !negative; a = nodes_[a].parent)
        negative = nodes_[a].weight < 0;
      if (!negative) best = *it;
    }
    return best;
  }
  // The table cell (td, th) holding element `i` (itself or its parent) in a
  // row (tr), or -1.
  int TableCell(int i) const {
    for (int k = 0; k < 2 && i >= 0; ++k, i = nodes_[i].parent) {
      GumboTag t = nodes_[i].tag;
      if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) {
        int p = nodes_[i].parent;
        return p >= 0 && nodes_[p].tag == GUMBO_TAG_TR ? i : -1;
      }
    }
    return -1;
  }
  bool InListItem(int i) const {
    for (int k = 0; k < 2 && i >= 0; ++k, i = nodes_[i].parent) {
      if (nodes_[i].tag == GUMBO_TAG_LI || nodes_[i].tag == GUMBO_TAG_DD)
        return true;
    }
    return false;
  }
  void InitScore(int i);

  std::vector<Node>& nodes_;
  std::vector<Block>& blocks_;
  std::vector<char> widget_;     // inside a widget (set by SelectArticle)
  int best_ = -1;                // the best-scoring element
  std::vector<int> candidates_;  // scored elements, preorder
  mutable std::vector<size_t> first_block_;  // per element, its first block
};

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
    // An embedded post the article quotes is content even inside a wrapper
    // named like a widget ("video-container").
    in_widget[i] = !n.post && ((p >= 0 && in_widget[p]) || widget);
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
  std::sort(candidates.begin(), candidates.end());
  candidates_ = candidates;
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
    } else if (n.paragraphs == 1 && n.chars > 80 && n.weight >= 0 &&
               n.images == 0 && LinkDensity(s) < 0.25f &&
               nodes_[s + 1].tag == GUMBO_TAG_P && nodes_[s + 1].end == n.end) {
      out.push_back(s);  // a wrapper around one prose paragraph
    } else if (ProseBox(s)) {
      out.push_back(s);  // the article's last sentences after an ad box
    } else if (int c = BestInside(candidates, s);
               c >= 0 && nodes_[c].score >= threshold &&
               nodes_[c].paragraphs >= 3 && nodes_[c].chars >= 400 &&
               LinkDensity(c) < 0.25f) {
      // A part of a multi-block article wrapped deeper than the scoring
      // reaches (the opening paragraphs beside a sidebar, the rest in
      // sections of their own): its best-scoring element joins, not the
      // whole sibling. Three paragraphs and 400 characters at least: less is a
      // summary, a pull quote or the author's biography.
      out.push_back(c);
    }
  }
  // The same one or two levels up, when the article sits in a wrapper with
  // its heading: sentences after an ad box that closed the wrapper.
  for (int a = parent, up = 0;
       up < 2 && nodes_[a].parent >= 0 && nodes_[a].tag != GUMBO_TAG_BODY;
       a = nodes_[a].parent, ++up) {
    int p = nodes_[a].parent;
    for (int s = p + 1; s < static_cast<int>(nodes_[p].end);
         s = static_cast<int>(nodes_[s].end)) {
      if (s != a && !in_widget[s] && ProseBox(s)) out.push_back(s);
    }
  }
  return out;
}

// A table of data (results, figures): two rows or more, every row of two
// cells or more, every cell short, and in every row a cell that is not a
// link (a figure beside a linked name). Its links do not make it navigation:
// a table of other pages' headlines has long linked cells.
bool Extractor::DataTable(int table) const {
  int rows = 0;
  for (int r = table + 1; r < static_cast<int>(nodes_[table].end); ++r) {
    if (nodes_[r].tag == GUMBO_TAG_TABLE) return false;  // nested: layout
    if (nodes_[r].tag != GUMBO_TAG_TR) continue;
    int cells = 0;
    bool plain = false;
    for (int c = r + 1; c < static_cast<int>(nodes_[r].end);
         c = static_cast<int>(nodes_[c].end)) {
      const Node& cell = nodes_[c];
      if (cell.tag != GUMBO_TAG_TD && cell.tag != GUMBO_TAG_TH) continue;
      if (cell.chars > 40) return false;
      ++cells;
      plain = plain || (cell.chars > 0 && cell.link_chars == 0);
    }
    if (cells < 2 || !plain) return false;
    ++rows;
  }
  return rows >= 2;
}

// A list of linked names with words of their own (players and their clubs,
// "<a>name</a> (club)"): two items or more, each with a link of at most 30
// characters and 3 characters besides it. A list of other pages' headlines
// links long titles; a menu's items are links alone.
bool Extractor::DataList(int list) const {
  int items = 0;
  for (int i = list + 1; i < static_cast<int>(nodes_[list].end);
       i = static_cast<int>(nodes_[i].end)) {
    const Node& li = nodes_[i];
    if (li.tag != GUMBO_TAG_LI) continue;
    if (li.link_chars > 30 || li.chars < li.link_chars + 3) return false;
    ++items;
  }
  return items >= 2;
}

// Whether every text block under `node` is a paragraph (<p>) ending a
// sentence: prose, not a label, a caption or a teaser.
// An element of prose paragraphs only, with few links (a linked name), no
// image or input, not named as boilerplate.
bool Extractor::ProseBox(int s) {
  const Node& n = nodes_[s];
  return n.weight >= 0 && n.images == 0 && n.inputs == 0 && n.chars >= 25 &&
         LinkDensity(s) < 0.25f && ProseOnly(s);
}

// The blocks under an element are consecutive, from the element's first.
bool Extractor::ProseOnly(int node) const {
  if (first_block_.empty()) {
    first_block_.assign(nodes_.size(), blocks_.size());
    for (size_t k = blocks_.size(); k-- > 0;)
      first_block_[blocks_[k].container] = k;
    for (size_t i = nodes_.size(); i-- > 1;) {
      size_t& up = first_block_[nodes_[i].parent];
      up = std::min(up, first_block_[i]);
    }
  }
  bool any = false, period = false;
  for (size_t k = first_block_[node];
       k < blocks_.size() && Inside(blocks_[k].container, node); ++k) {
    const Block& b = blocks_[k];
    if (nodes_[b.container].tag != GUMBO_TAG_P ||
        !EndsSentence(b.text, &period))
      return false;
    any = true;
  }
  return any;
}

// A sentence of the article whose words are mostly one link (a name linked
// to its tag page: "ورافقه في الزيارة <a>وزير الصناعة</a>.") is prose, not
// navigation, when it lies inside the kept text: a paragraph of its own
// ending a sentence, with one link and words of its own besides it, no
// colon (a label: "Read more: <a>...</a>"), after a kept block and before a
// kept paragraph (boxes dropped between them do not count; jusText's context
// rule). Calls to follow the site ("Follow us on Instagram, Facebook and
// Twitter.") link several names and end articles; a headline links whole.
void Extractor::KeepLinkedSentences(std::vector<const char*>* why) const {
  const size_t n = blocks_.size();
  std::vector<size_t> next(n + 1, n);  // the first kept block from k on
  for (size_t k = n; k-- > 0;) next[k] = (*why)[k] == nullptr ? k : next[k + 1];
  bool seen_kept = false, period = false;
  for (size_t k = 0; k < n; ++k) {
    const Block& b = blocks_[k];
    const bool candidate =
        (*why)[k] == kLinkReason && seen_kept && b.links == 1 &&
        nodes_[b.container].tag == GUMBO_TAG_P &&
        b.chars - b.link_chars >= 10 && b.text.find(':') == std::string::npos &&
        EndsSentence(b.text, &period);
    seen_kept = seen_kept || (*why)[k] == nullptr;
    if (!candidate) continue;
    const size_t after = next[k + 1];
    if (after < n && nodes_[blocks_[after].container].tag == GUMBO_TAG_P)
      (*why)[k] = nullptr;
  }
}

bool Extractor::DropConditionally(int i) const {
  const Node& n = nodes_[i];
  if (best_ >= 0 && Inside(best_, i)) return false;  // holds the best text
  // A wrapper of embedded posts the article quotes (a "video-container"
  // around a tweet): kept when the posts are most of its text.
  if (n.posts > 0 && n.post_chars > 0 && n.chars <= 2 * n.post_chars)
    return false;
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
  if (t == GUMBO_TAG_TABLE && DataTable(i)) return false;
  if ((t == GUMBO_TAG_UL || t == GUMBO_TAG_OL) && DataList(i)) return false;
  float ld = LinkDensity(i);
  int p = static_cast<int>(n.paragraphs);
  // A gallery: more images than paragraphs, unless it holds prose scoring
  // as a sibling joining the article must and almost no text in links (a
  // photo post's text between its photos; a box of teasers links titles).
  if (n.images > 1 && p * 2 < static_cast<int>(n.images) &&
      t != GUMBO_TAG_FIGURE) {
    const int c = BestInside(candidates_, i);
    if (c < 0 || best_ < 0 || ld >= 0.1f ||
        nodes_[c].score < std::max(10.f, 0.2f * nodes_[best_].score))
      return true;
  }
  if (!list && static_cast<int>(n.items) - 100 > p) return true;
  if (n.inputs * 3 > static_cast<uint32_t>(p) && n.inputs > 0) return true;
  if (!list && n.chars < 25 && (n.images == 0 || n.images > 2) &&
      t != GUMBO_TAG_FIGURE) {
    return true;
  }
  // A box around one prose paragraph with a linked phrase ("... published in
  // the <a>journal Nature Astronomy</a>.") is the article's, not a link box.
  const bool one_sentence = !list && n.paragraphs == 1 && n.items == 0 &&
                            n.images == 0 && ld < 0.5f && ProseOnly(i);
  if (n.weight < 25 && ld > 0.2f && !(list && ld < 0.35f) && !one_sentence)
    return true;
  if (n.weight >= 25 && ld > 0.5f) return true;
  if ((n.embeds == 1 && n.chars < 75) || n.embeds > 1) return true;
  return false;
}

void Extractor::Emit(const std::vector<int>& article, const std::string& title,
                     bool fallback, std::vector<std::string>* paragraphs,
                     std::vector<RemovedBlock>* removed) {
  // Mark dropped subtrees inside the article, top-down.
  // A data table's cells keep their linked names (see DataTable).
  std::vector<char> dropped(nodes_.size(), 0), data(nodes_.size(), 0);
  for (int top : article) {
    for (int i = top + 1; i < static_cast<int>(nodes_[top].end); ++i) {
      int p = nodes_[i].parent;
      dropped[i] =
          dropped[p] || (fallback ? widget_[i] != 0 : DropConditionally(i));
      data[i] = data[p] || (nodes_[i].tag == GUMBO_TAG_TABLE && !dropped[i] &&
                            DataTable(i));
    }
  }
  // Each block's verdict: null is kept, else the reason it is removed.
  std::vector<const char*> why(blocks_.size(), nullptr);
  std::string title_key, key;
  FurnitureKey(title, &title_key);
  for (size_t k = 0; k < blocks_.size(); ++k) {
    const Block& b = blocks_[k];
    bool inside = false;
    for (size_t a = 0; a < article.size() && !inside; ++a)
      inside = Inside(b.container, article[a]);
    if (!inside) {
      why[k] = "boilerplate:outside-article";
    } else if (dropped[b.container]) {
      why[k] = "boilerplate:conditional";
    } else if (BlockLinkDensity(b) > 0.5f && b.chars < 200 &&
               !data[b.container]) {
      why[k] = kLinkReason;
    } else if (IsHeading(nodes_[b.container].tag)) {
      FurnitureKey(b.text, &key);
      if (key == title_key) why[k] = "title";
    }
  }
  KeepLinkedSentences(&why);
  int last_row = -1, last_cell = -1;  // of the last paragraph, if a table's
  for (size_t k = 0; k < blocks_.size(); ++k) {
    const Block& b = blocks_[k];
    if (why[k] != nullptr) {
      removed->push_back({b.text, why[k]});
      continue;
    }
    // A list item of the article is marked as such, so that the text-dump
    // rules never take the article's own list (tour dates, qualified teams)
    // for a list of other pages' headlines.
    // A table row's short cells make one line, "cell | cell", as the
    // row reads; a cell of prose (a layout table) stays a paragraph.
    int cell = TableCell(b.container);
    int row = cell >= 0 ? nodes_[cell].parent : -1;
    if (cell >= 0 && b.chars > 200) cell = row = -1;
    if (row >= 0 && row == last_row && cell != last_cell &&
        !paragraphs->empty()) {
      paragraphs->back() += " | ";
      paragraphs->back() += b.text;
    } else if (InListItem(b.container)) {
      paragraphs->push_back("\u2022 " + b.text);
    } else {
      paragraphs->push_back(b.text);
    }
    last_row = row;
    last_cell = cell;
  }
}

}  // namespace

void CleanHtml(const CleanLexicon& lex, const Normalizer& normalizer,
               const FurnitureModel* model, Document* doc) {
  std::unique_ptr<HtmlDom> dom = HtmlDom::Parse(doc->raw, kMaxHtmlBytes);
  HtmlMeta meta = ExtractHtmlMeta(lex, dom->root());
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

  FlatPage page = FlattenPage(lex, dom->root());
  Extractor ex(&page);
  std::vector<int> article = ex.SelectArticle();
  // No paragraph long enough to score: fall back to the whole page, still
  // filtered by the conditional cleaning and the link density of each block.
  bool fallback = article.empty() && !page.nodes.empty();
  if (fallback) article.push_back(0);
  std::vector<std::string> paragraphs;
  std::vector<RemovedBlock> removed;
  ex.Emit(article, doc->title, fallback, &paragraphs, &removed);
  dom.reset();

  Document body;
  body.format = "html";
  body.title = doc->title;
  body.outlet = doc->outlet;
  for (const std::string& p : paragraphs) {
    body.raw += p;
    body.raw += '\n';
  }
  CleanTextDump(lex, normalizer, model, &body);
  doc->text = std::move(body.text);
  set(&doc->agency, body.agency);
  set(&doc->published, body.published);  // a dateline, when no meta tag had it
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
  for (auto& r : page.skipped) doc->removed.push_back(std::move(r));
  for (auto& r : removed) doc->removed.push_back(std::move(r));
  for (auto& r : body.removed) doc->removed.push_back(std::move(r));
}

}  // namespace marsad
