#include "src/story/terms.h"

#include <span>
#include <unordered_map>

#include "src/base/hash.h"
#include "src/base/utf8.h"
#include "src/story/story_features.h"
#include "src/text/analysis.h"
#include "src/text/normalize.h"
#include "src/text/stem.h"

namespace marsad {

std::string StoryStem(const TextTables& tables, std::string_view word) {
  return LightStem(tables.normalizer(), LemmaKey(tables, word));
}

void ExtractStems(const TextTables& tables, std::string_view text,
                  std::vector<std::string>* stems) {
  thread_local std::vector<Token> tokens;
  stems->clear();
  Tokenize(text, &tokens);
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kLatin) continue;
    std::string stem = StoryStem(tables, t.span.In(text));
    if (Utf8Length(stem) < 2) continue;
    stems->push_back(std::move(stem));
  }
}

namespace {

constexpr uint32_t kSkip = 0;  // a word that yields no term

constexpr size_t kMaxCachedWords = 1 << 19;

// The term keys of the words among `tokens` (tokens of `text`), and where
// each key's word begins when `begins` is given.
void TermKeysOfTokens(const StoryTables& tables, std::string_view text,
                      std::span<const Token> tokens,
                      std::vector<uint32_t>* keys,
                      std::vector<uint32_t>* begins = nullptr) {
  thread_local std::unordered_map<std::string, uint32_t, StringHash,
                                  std::equal_to<>>
      cache;
  thread_local uint64_t cache_of = 0;  // StoryTables::id() of its answers
  if (cache_of != tables.id()) {
    cache.clear();
    cache_of = tables.id();
  }
  keys->clear();
  if (begins != nullptr) begins->clear();
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kLatin) continue;
    std::string_view word = t.span.In(text);
    auto it = cache.find(word);
    if (it == cache.end()) {
      if (cache.size() >= kMaxCachedWords) cache.clear();
      std::string stem = StoryStem(tables.text(), word);
      if (const std::string* syn = tables.Synonym(stem)) stem = *syn;
      uint32_t key = Utf8Length(stem) < 2 ? kSkip : TermKey(stem);
      if (key == kSkip && Utf8Length(stem) >= 2) key = 1;  // keep 0 free
      it = cache.emplace(std::string(word), key).first;
    }
    if (it->second == kSkip) continue;
    keys->push_back(it->second);
    if (begins != nullptr) begins->push_back(t.span.begin);
  }
}

// LeadTitle over the tokens of `text`.
std::string LeadTitleOfTokens(std::string_view text,
                              std::span<const Token> tokens) {
  constexpr int kMaxWords = 12;
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

}  // namespace

void ExtractTermKeys(const StoryTables& tables, std::string_view text,
                     std::vector<uint32_t>* keys) {
  thread_local std::vector<Token> tokens;
  Tokenize(text, &tokens);
  TermKeysOfTokens(tables, text, tokens, keys);
}

void ExtractTermKeys(const StoryTables& tables, const TextAnalysis& analysis,
                     std::vector<uint32_t>* keys) {
  TermKeysOfTokens(tables, analysis.text, analysis.tokens, keys);
}

void ExtractTermKeys(const StoryTables& tables, const TextAnalysis& analysis,
                     std::vector<uint32_t>* keys,
                     std::vector<uint32_t>* begins) {
  TermKeysOfTokens(tables, analysis.text, analysis.tokens, keys, begins);
}

std::string FoldForKey(const TextTables& tables, std::string_view text) {
  return tables.normalizer().FoldKey(text);
}

std::string LeadTitle(std::string_view text) {
  thread_local std::vector<Token> tokens;
  Tokenize(text, &tokens);
  return LeadTitleOfTokens(text, tokens);
}

std::string LeadTitle(const TextAnalysis& analysis) {
  return LeadTitleOfTokens(analysis.text, analysis.tokens);
}

}  // namespace marsad
