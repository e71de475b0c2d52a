// The lexicon's class questions (FactsLexicon::Is, PointWords::Is), answered
// from interned class bits and a per-word memo, against the tables read
// plainly.
#include "src/facts/lexicon.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "src/base/data.h"
#include "src/facts/test_lexicon.h"
#include "src/facts/util.h"

namespace marsad {
namespace {

TEST(ClassIndexTest, EveryNameFindsItsOwnBit) {
  ClassIndex index;
  std::vector<std::string> names;
  // More names than the first table size, several sharing their length and
  // first and last letters (the slot hash's inputs).
  for (int i = 0; i < 300; ++i) names.push_back("c" + std::to_string(i) + "x");
  names.push_back("deny");
  names.push_back("dxny");
  names.push_back("d");
  names.push_back("");
  for (size_t b = 0; b < names.size(); ++b)
    EXPECT_EQ(index.Add(names[b]), static_cast<int>(b));
  EXPECT_EQ(index.Add("deny"), 300);  // again: the same bit
  EXPECT_EQ(index.size(), names.size());
  for (size_t b = 0; b < names.size(); ++b)
    EXPECT_EQ(index.Find(names[b]), static_cast<int>(b)) << names[b];
  for (std::string_view unknown : {"dany", "c300x", "c1", "denyy", "x"})
    EXPECT_EQ(index.Find(unknown), -1) << unknown;
  EXPECT_EQ(ClassIndex().Find("deny"), -1);
  // Names longer than ClassName::kMaxBytes are never added (their table
  // then answers by name) and never found.
  const std::string long_name(ClassName::kMaxBytes + 1, 'z');
  EXPECT_EQ(index.Add(long_name), -1);
  EXPECT_EQ(index.Find(long_name), -1);
  EXPECT_EQ(index.Find(long_name.substr(1)), -1);
  EXPECT_EQ(index.Add(long_name.substr(1)), static_cast<int>(names.size()));
  EXPECT_EQ(index.Find(long_name.substr(1)), static_cast<int>(names.size()));
}

// The lexicon's flat map against std::map: keys of every length from 0 to
// 40 bytes (each branch of FoldedHash), keys that differ in one byte only
// at the start, the middle or the end, prefixes of one another, and enough
// of them to rehash several times.
TEST(FlatStringMapTest, FindsWhatWasAddedAndNothingElse) {
  FlatStringMap<int> map;
  std::map<std::string, int, std::less<>> plain;
  const std::string base =
      "\xD8\xA7\xD9\x84\xD8\xAD\xD9\x83\xD9\x88\xD9\x85"
      "\xD8\xA9 \xD8\xA7\xD9\x84\xD8\xB3\xD9\x88\xD8\xB1"
      "\xD9\x8A\xD8\xA9zzzzzzzzzzz";  // 40 bytes
  ASSERT_EQ(base.size(), 40u);
  int v = 0;
  auto add = [&](const std::string& k) {
    ++v;
    map[k] = v;
    plain[k] = v;  // a key added again keeps its one entry, with the new value
  };
  for (size_t n = 0; n <= base.size(); ++n) add(base.substr(0, n));
  for (size_t n = 1; n <= base.size(); ++n) {
    for (size_t at : {size_t{0}, n / 2, n - 1}) {
      std::string k = base.substr(0, n);
      k[at] ^= 1;
      add(k);
    }
  }
  for (int i = 0; i < 500; ++i) add("w" + std::to_string(i));
  add(base.substr(0, 7));  // again
  EXPECT_EQ(map.size(), plain.size());
  for (const auto& [k, value] : plain) {
    ASSERT_NE(map.Find(k), nullptr) << k;
    EXPECT_EQ(*map.Find(k), value) << k;
    EXPECT_TRUE(map.Contains(k));
  }
  for (std::string k : {std::string("w500"), std::string("w-1"), base + "z",
                        std::string(base.rbegin(), base.rend())}) {
    EXPECT_EQ(map.Find(k), nullptr) << k;
    EXPECT_EQ(plain.count(k), 0u);
  }
  EXPECT_FALSE(map.Emplace("w3", 0));
  EXPECT_EQ(*map.Find("w3"), plain["w3"]);
  EXPECT_TRUE(map.Emplace("w500", -5));
  EXPECT_EQ(*map.Find("w500"), -5);
  EXPECT_EQ(FlatStringMap<int>().Find(""), nullptr);
  EXPECT_TRUE(FlatStringMap<int>().empty());
}

TEST(ClassNameTest, LiteralsAndRunTimeNamesPackAlike) {
  constexpr ClassName deny = "deny";
  EXPECT_TRUE(deny == ClassName::Of(std::string("deny")));
  EXPECT_EQ(deny.hash(), ClassName::Of("deny").hash());
  EXPECT_EQ(deny.view(), "deny");
  EXPECT_FALSE(deny == ClassName::Of("dent"));
  EXPECT_FALSE(deny == ClassName::Of("deny_"));
  EXPECT_FALSE(deny == ClassName::Of("den"));
  // The length is part of the name: a trailing NUL is another name.
  EXPECT_FALSE(deny == ClassName::Of(std::string_view("deny\0", 5)));
  // Each of the three words takes part (bytes 0-7, 8-15, 16-23).
  const std::string base(ClassName::kMaxBytes, 'a');
  for (size_t i = 0; i < base.size(); ++i) {
    std::string other = base;
    other[i] = 'b';
    EXPECT_FALSE(ClassName::Of(base) == ClassName::Of(other)) << i;
  }
  EXPECT_TRUE(ClassName::Of(base).fits());
  EXPECT_FALSE(ClassName::Of(base + "a").fits());
}

// The finders' pre-folded words (src/facts/util.h, fk::) are their written
// forms folded with the tables' Normalizer: a change of data/text/fold.tsv
// that moves one fails here rather than leaving a stale constant.
TEST(FoldedWordsTest, EachIsItsWrittenFormFolded) {
  const FactsLexicon& lex = TestFactsLexicon();
  size_t checked = 0;
  auto check = [&](std::span<const fk::FoldedWord> words) {
    for (const fk::FoldedWord& w : words) {
      EXPECT_EQ(lex.Fold(w.written), w.folded) << w.written;
      ++checked;
    }
  };
  check(fk::kFoldedWords);
  check(fk::kSelfWords);
  check(fk::kRoleWords);
  check(fk::kGenericSourceWords);
  check(fk::kGenericPartyWords);
  EXPECT_EQ(checked, 35u + 8 + 25 + 8 + 3);
  // The fold changes what it is given (so the comparison above can fail).
  EXPECT_NE(lex.Fold("سنة"), "سنة");
  EXPECT_EQ(lex.Fold("سنة"), fk::kSana);
}

// The (folded form, class) rows of a table in file order, and its class
// names.
struct Rows {
  std::vector<std::pair<std::string, std::string>> ordered;
  std::set<std::pair<std::string, std::string>> rows;
  std::set<std::string> classes;
};

Rows ReadRows(std::string_view file) {
  Rows out;
  auto rows = ReadDataTsv(file);
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  if (!rows.ok()) return out;
  for (const auto& r : *rows) {
    if (r.size() < 2) continue;
    out.ordered.emplace_back(TestFactsLexicon().Fold(r[0]), r[1]);
    out.rows.emplace(TestFactsLexicon().Fold(r[0]), r[1]);
    out.classes.insert(r[1]);
  }
  return out;
}

// A word of the given key, bare and stem forms (the views must outlive it).
Word MakeWord(const std::string& key, std::string_view bare,
              std::string_view stem) {
  Word w;
  w.kind = TokenKind::kWord;
  w.key = key;
  w.bare = bare;
  w.stem = stem;
  return w;
}

TEST(FactsLexiconTest, PointClassesAreTheTableRows) {
  const FactsLexicon& lex = TestFactsLexicon();
  Rows t = ReadRows("facts/points.tsv");
  ASSERT_GT(t.classes.size(), 10u);
  std::vector<std::string> forms;
  for (const auto& [form, cls] : t.rows)
    if (form.find(' ') == std::string::npos) forms.push_back(form);
  forms.push_back("zzz");
  const std::string wa = "\xD9\x88";  // و
  for (const std::string& form : forms) {
    std::string key = wa + form;
    // The word itself, and the word after و with the form as its bare and
    // stem (how Is reads a word with a proclitic).
    for (const Word& w : {MakeWord(form, form, form),
                          MakeWord(key, std::string_view(key).substr(2),
                                   std::string_view(key).substr(2))}) {
      for (const std::string& cls : t.classes) {
        bool want = false;
        for (std::string_view f : {w.stem, w.bare, std::string_view(w.key)})
          want = want || t.rows.count({std::string(f), cls}) > 0;
        // A class name built at run time and a literal ask the same.
        EXPECT_EQ(lex.points.Is(w, cls), want) << w.key << " " << cls;
        EXPECT_EQ(lex.points.Is(w, std::string_view(cls)), want);
      }
      EXPECT_FALSE(lex.points.Is(w, "no_such_class"));
      EXPECT_FALSE(
          lex.points.Is(w, std::string(ClassName::kMaxBytes + 1, 'x')));
    }
  }
}

// Starts(): the stem starts with a form of the class of six bytes or more,
// or the word is of the class; from the per-word bits of the stem's
// prefixes, against the table's forms read plainly.
TEST(FactsLexiconTest, PointStartsAreTheTableRows) {
  const FactsLexicon& lex = TestFactsLexicon();
  Rows t = ReadRows("facts/points.tsv");
  std::map<std::string, std::vector<std::string>> forms_of;  // by class
  std::vector<std::string> stems;
  for (const auto& [form, cls] : t.rows) {
    forms_of[cls].push_back(form);
    if (form.find(' ') != std::string::npos) continue;
    stems.push_back(form);
    stems.push_back(form + "\xD9\x87\xD8\xA7");  // + ها
    if (form.size() > 2) stems.push_back(form.substr(0, form.size() - 2));
  }
  stems.push_back("zzzzzzzz");
  size_t started = 0;
  const std::string wa = "\xD9\x88";  // و
  for (const std::string& stem : stems) {
    std::string key = wa + stem;
    const Word w = MakeWord(key, std::string_view(key).substr(2),
                            std::string_view(key).substr(2));
    for (const std::string& cls : t.classes) {
      bool want = lex.points.Is(w, cls);
      for (const std::string& f : forms_of[cls])
        want = want || (f.size() >= 6 && stem.starts_with(f));
      started += want && !lex.points.Is(w, cls);
      EXPECT_EQ(lex.points.Starts(w, cls), want) << stem << " " << cls;
    }
    EXPECT_FALSE(lex.points.Starts(w, "no_such_class"));
  }
  EXPECT_GT(started, 100u);  // the prefixes are what is tested
  // A literal asks what the name at run time asks.
  for (const std::string& stem : stems) {
    const Word w = MakeWord(stem, stem, stem);
    EXPECT_EQ(lex.points.Starts(w, "involve"),
              lex.points.Starts(w, std::string("involve")));
    EXPECT_EQ(lex.points.Is(w, "deny"), lex.points.Is(w, std::string("deny")));
    EXPECT_EQ(lex.Is(w, "neg"), lex.Is(w, std::string("neg")));
  }
}

TEST(FactsLexiconTest, WordClassesAreTheTableRows) {
  const FactsLexicon& lex = TestFactsLexicon();
  Rows t = ReadRows("facts/words.tsv");
  ASSERT_GT(t.classes.size(), 10u);
  // A form's first row gives its class (ClassOf); its later rows are
  // further classes.
  std::map<std::string, std::string> first;
  std::set<std::pair<std::string, std::string>> more;
  for (const auto& [form, cls] : t.ordered)
    if (!first.emplace(form, cls).second) more.emplace(form, cls);
  const std::string wa = "\xD9\x88";  // و
  std::vector<std::string> forms;
  for (const auto& [form, cls] : first) forms.push_back(form);
  forms.push_back("zzz");
  for (const std::string& form : forms) {
    std::string key = wa + form;
    for (const Word& w :
         {MakeWord(form, form, form),
          MakeWord(key, std::string_view(key).substr(2), form)}) {
      std::string own;  // the key's first class, else the bare form's
      if (first.count(w.key)) {
        own = first[w.key];
      } else if (first.count(std::string(w.bare))) {
        own = first[std::string(w.bare)];
      }
      EXPECT_EQ(lex.ClassOf(w), own) << w.key;
      for (const std::string& cls : t.classes) {
        bool want = own == cls || more.count({w.key, cls}) > 0 ||
                    more.count({std::string(w.bare), cls}) > 0;
        EXPECT_EQ(lex.Is(w, cls), want) << w.key << " " << cls;
      }
      EXPECT_FALSE(lex.Is(w, "no_such_class"));
    }
  }
}

}  // namespace
}  // namespace marsad
