#include "src/story/terms.h"

#include <unordered_map>

#include "src/base/data.h"
#include "src/base/utf8.h"
#include "src/story/story_features.h"
#include "src/text/normalize.h"
#include "src/text/stem.h"
#include "src/text/tokenize.h"

namespace marsad {

std::string StoryStem(std::string_view word) {
  return LightStem(LemmaKey(word));
}

void ExtractStems(std::string_view text, std::vector<std::string>* stems) {
  thread_local std::vector<Token> tokens;
  stems->clear();
  Tokenize(text, &tokens);
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kLatin) continue;
    std::string stem = StoryStem(t.span.In(text));
    if (Utf8Length(stem) < 2) continue;
    stems->push_back(std::move(stem));
  }
}

namespace {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>{}(s);
  }
};

constexpr uint32_t kSkip = 0;  // a word that yields no term

// data/story/synonyms.tsv: stem -> canonical stem (single words only).
const std::unordered_map<std::string, std::string>& Synonyms() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string, std::string>();
    auto rows = ReadDataTsv("story/synonyms.tsv");
    if (!rows.ok()) return t;  // works without: fewer reworded matches
    for (const auto& r : *rows) {
      if (r.size() < 2 || r[0].find(' ') != std::string::npos) continue;
      (*t)[StoryStem(r[0])] = StoryStem(r[1]);
    }
    return t;
  }();
  return *table;
}
constexpr size_t kMaxCachedWords = 1 << 19;

}  // namespace

void ExtractTermKeys(std::string_view text, std::vector<uint32_t>* keys) {
  thread_local std::vector<Token> tokens;
  thread_local std::unordered_map<std::string, uint32_t, StringHash,
                                  std::equal_to<>>
      cache;
  keys->clear();
  Tokenize(text, &tokens);
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kLatin) continue;
    std::string_view word = t.span.In(text);
    auto it = cache.find(word);
    if (it == cache.end()) {
      if (cache.size() >= kMaxCachedWords) cache.clear();
      std::string stem = StoryStem(word);
      if (auto syn = Synonyms().find(stem); syn != Synonyms().end())
        stem = syn->second;
      uint32_t key = Utf8Length(stem) < 2 ? kSkip : TermKey(stem);
      if (key == kSkip && Utf8Length(stem) >= 2) key = 1;  // keep 0 free
      it = cache.emplace(std::string(word), key).first;
    }
    if (it->second != kSkip) keys->push_back(it->second);
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
    if (t.kind == TokenKind::kPunct && (s == "." || s == "؟" || s == "!"))
      break;
    if (text.substr(end, t.span.begin - end).find('\n') !=
            std::string_view::npos &&
        words > 0) {
      break;
    }
    end = t.span.end;
    if (t.kind == TokenKind::kWord && ++words == kMaxWords) break;
  }
  return std::string(text.substr(0, end));
}

}  // namespace marsad
