#include "src/story/terms.h"

#include "src/base/utf8.h"
#include "src/text/normalize.h"
#include "src/text/stem.h"
#include "src/text/tokenize.h"

namespace marsad {

void ExtractStems(std::string_view text, std::vector<std::string>* stems) {
  thread_local std::vector<Token> tokens;
  stems->clear();
  Tokenize(text, &tokens);
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kLatin) continue;
    std::string stem = LightStem(t.span.In(text));
    if (Utf8Length(stem) < 2) continue;
    stems->push_back(std::move(stem));
  }
}

std::string FoldForKey(std::string_view text) {
  return Normalizer::Default().FoldKey(text);
}

std::string LeadTitle(std::string_view text) {
  constexpr int kMaxWords = 12;
  thread_local std::vector<Token> tokens;
  Tokenize(text, &tokens);
  int words = 0;
  uint32_t end = 0;
  for (const Token& t : tokens) {
    std::string_view s = t.span.In(text);
    if (t.kind == TokenKind::kPunct && (s == "." || s == "؟" || s == "!")) break;
    if (text.substr(end, t.span.begin - end).find('\n') != std::string_view::npos &&
        words > 0) {
      break;
    }
    end = t.span.end;
    if (t.kind == TokenKind::kWord && ++words == kMaxWords) break;
  }
  return std::string(text.substr(0, end));
}

}  // namespace marsad
