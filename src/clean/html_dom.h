// An HTML5 DOM from gumbo (Debian libgumbo), with memory that is released in
// one step: gumbo allocates from an arena owned by HtmlDom, so destroying a
// tree of any depth is O(1) and never recurses (gumbo_destroy_output does),
// and a page's parse costs one arena, freed at once.
#ifndef MARSAD_CLEAN_HTML_DOM_H_
#define MARSAD_CLEAN_HTML_DOM_H_

#include <gumbo.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace marsad {

class HtmlDom {
 public:
  // Parses `html` (UTF-8). The DOM keeps its own copy of the input, without
  // comments and the bodies of <script> (JSON-LD kept), <style> and <svg>,
  // and with runs of plain text handed to the parser as placeholders (text
  // nodes hold the page's text all the same); if that is still over
  // `max_bytes` it is cut there (see truncated()). `placeholders` false:
  // the text as it is (the reference for tests; the tree is the same).
  static std::unique_ptr<HtmlDom> Parse(std::string_view html, size_t max_bytes,
                                        bool placeholders = true);
  ~HtmlDom();

  const GumboNode* root() const { return output_ ? output_->root : nullptr; }
  const GumboNode* document() const {
    return output_ ? output_->document : nullptr;
  }
  bool truncated() const { return truncated_; }

 private:
  HtmlDom() = default;
  static void* Allocate(void* self, size_t size);
  static void Deallocate(void* self, void* ptr);
  void ExpandText();
  // `t` with its placeholders replaced, in the arena; null if it has none.
  const char* Expand(std::string_view t);

  std::string input_;
  std::string runs_;                // text the parser saw as placeholders
  std::vector<uint32_t> run_ends_;  // end of each run in runs_
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::vector<size_t> chunk_sizes_;
  char* cursor_ = nullptr;
  size_t left_ = 0;
  GumboOutput* output_ = nullptr;
  bool truncated_ = false;
};

// Value of attribute `name` of element `node`, or "".
std::string_view Attr(const GumboNode* node, const char* name);

// The tag name of an element, lower case ("div", or the original name of an
// unknown tag).
std::string_view TagName(const GumboNode* node);

// All text under `node` (no separators added), capped at `max_bytes`.
void AppendNodeText(const GumboNode* node, std::string* out, size_t max_bytes);

}  // namespace marsad

#endif  // MARSAD_CLEAN_HTML_DOM_H_
