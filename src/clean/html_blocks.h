// Flattening an HTML DOM for main-text extraction: one iterative walk turns
// the tree into an array of elements (preorder, with subtree statistics) and
// the sequence of text blocks in document order. See html_extract.cc for how
// they are used.
#ifndef MARSAD_CLEAN_HTML_BLOCKS_H_
#define MARSAD_CLEAN_HTML_BLOCKS_H_

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <vector>

#include "marsad/document.h"
#include "src/clean/lexicon.h"

namespace marsad {

// How an element takes part in text layout.
enum class Kind : uint8_t { kInline, kBlock, kSkip, kBreak };
Kind KindOf(GumboTag tag);
bool IsHeading(GumboTag t);

// An element, in preorder; its descendants are the indices (self, end).
struct Node {
  const GumboNode* g = nullptr;
  int parent = -1;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  int weight = 0;
  bool widget = false;
  bool post = false;  // a blockquote embedding a social-media post
  bool scored = false;
  float score = 0;
  uint32_t chars = 0, link_chars = 0, commas = 0;
  uint32_t paragraphs = 0, items = 0, images = 0, inputs = 0, embeds = 0;
  // Embedded social-media posts (blockquote.twitter-tweet...) and their text.
  uint32_t posts = 0, post_chars = 0;
  uint32_t end = 0;  // one past the last descendant's index
};

// A run of text between block boundaries, attached to its innermost
// block-level element (`container`).
struct Block {
  std::string text;
  int container = -1;
  uint32_t chars = 0, link_chars = 0, commas = 0;
  uint32_t links = 0;  // <a> elements opened in the block (outermost ones)
};

// The flattened page. Node indices are preorder: parent < child.
struct FlatPage {
  std::vector<Node> nodes;
  std::vector<Block> blocks;
  std::vector<RemovedBlock> skipped;  // text of nav/aside/footer/hidden parts
};

// Walks the tree under `root` (may be null) without recursion: linear time and
// constant stack whatever the depth. Text of skipped elements (script, style,
// nav, aside, footer, forms' controls, hidden or role=navigation elements)
// is not in any block; the text of the non-inert ones is kept for --explain.
FlatPage FlattenPage(const CleanLexicon& lex, const GumboNode* root);

}  // namespace marsad

#endif  // MARSAD_CLEAN_HTML_BLOCKS_H_
