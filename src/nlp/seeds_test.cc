// The seed reports of ../shared/seeds (read at run time; skipped when the
// folder is absent): every name group of EXPECTED.md resolves to one entity,
// and the places listed there are found, with coordinates where the
// gazetteers know them. The names below are the groups EXPECTED.md lists
// (names, not press text).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "src/base/data.h"
#include "src/base/file.h"
#include "src/nlp/entities.h"
#include "src/text/normalize.h"
#include "src/text/test_tables.h"

namespace marsad {
namespace {

namespace fs = std::filesystem;

class SeedsEntitiesTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string dir = std::string(MARSAD_SHARED_DIR) + "/seeds";
    if (!fs::is_directory(dir)) return;
    auto a = EntityAnnotator::Create();
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    annotator_ = a->release();
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      auto raw = ReadFile(p.string());
      ASSERT_TRUE(raw.ok());
      NormalizedText disp;
      annotator_->gazetteer().normalizer().Display(*raw, &disp);
      Document d;
      d.source = p.filename().string();
      d.text = disp.text;
      TextAnalysis a;
      a.Build(d.text, TestTextTables());
      annotator_->Annotate(a, &d);
      docs_.push_back(std::move(d));
    }
  }
  void SetUp() override {
    if (docs_.empty())
      GTEST_SKIP() << "no seeds in " << MARSAD_SHARED_DIR << "/seeds";
  }

  // Entity ids of the mentions whose key is one of `names`' keys.
  static std::map<std::string, std::set<std::string>> IdsOf(
      const std::vector<std::string>& names) {
    std::set<std::string> keys;
    for (const auto& n : names) keys.insert(annotator_->gazetteer().Key(n));
    std::map<std::string, std::set<std::string>> ids;  // id -> surfaces
    for (const Document& d : docs_)
      for (const EntityMention& e : d.entities)
        if (keys.count(annotator_->gazetteer().Key(e.text)))
          ids[e.entity_id].insert(e.text);
    return ids;
  }
  static std::string Describe(
      const std::map<std::string, std::set<std::string>>& ids) {
    std::string out;
    for (const auto& [id, s] : ids) {
      out += id + ":";
      for (const auto& t : s) out += " " + t;
      out += "; ";
    }
    return out;
  }

  static inline const EntityAnnotator* annotator_ = nullptr;
  static inline std::vector<Document> docs_;
};

TEST_F(SeedsEntitiesTest, NameGroupsResolveToOneEntity) {
  const std::vector<std::vector<std::string>> groups = {
      {"سيرغي ريابكوف", "سيرجى ريابكوف", "ريابكوف"},
      {"سيرغي لافروف", "لافروف"},
      {"إيغور كوناشينكوف", "كوناشينكوف"},
      {"ماريا زاخاروفا", "زاخاروفا"},
      {"أوليغ سيرومولوتوف", "سيرومولوتوف"},
      {"داعش", "تنظيم الدولة الإسلامية", "الدولة الإسلامية"},
      {"وزارة الدفاع الروسية", "الدفاع الروسية"},
      {"قسد", "قوات سوريا الديمقراطية", "سوريا الديمقراطية"},
      {"سوريا", "سورية", "الجمهورية العربية السورية"},
      {"أمريكا", "أميركا"},
  };
  for (const auto& g : groups) {
    auto ids = IdsOf(g);
    EXPECT_FALSE(ids.empty()) << g[0] << " not found";
    EXPECT_LE(ids.size(), 1u) << g[0] << ": " << Describe(ids);
  }
}

TEST_F(SeedsEntitiesTest, TitlesAreKeptAsRoles) {
  std::set<std::string> roles;
  for (const Document& d : docs_)
    for (const EntityMention& e : d.entities)
      if (!e.role.empty()) roles.insert(annotator_->gazetteer().Key(e.role));
  for (std::string_view r : {"نائب وزير الخارجية الروسي", "الفريق"})
    EXPECT_TRUE(roles.count(annotator_->gazetteer().Key(r))) << r;
}

TEST_F(SeedsEntitiesTest, PlacesFoundWithCoordinatesWhereKnown) {
  const std::vector<std::string> places = {
      "دير الزور", "الصالحية",      "منشأة الإصبع النفطية",
      "خشام",      "الرقة",         "حميميم",
      "البوكمال",  "نهر الفرات",    "التنف",
      "اللاذقية",  "حمص",           "حماة",
      "ريف دمشق",  "درعا",          "موسكو",
      "واشنطن",    "سانت بطرسبورغ", "جنيف",
      "أستانا",    "طهران"};
  const Gazetteer& g = annotator_->gazetteer();
  for (const std::string& p : places) {
    std::string key = annotator_->gazetteer().Key(p);
    bool found = false, mapped = false;
    for (const Document& d : docs_)
      for (const EntityMention& e : d.entities) {
        std::string k = annotator_->gazetteer().Key(e.text);
        if (k != key && k.find(key) == std::string::npos) continue;
        found = true;
        mapped |= e.lat.has_value() && e.lon.has_value();
      }
    EXPECT_TRUE(found) << p;
    const GazetteerEntry* known = g.Find(key);
    if (found && known && known->lat) {
      EXPECT_TRUE(mapped) << p << " has coordinates in " << known->id;
    }
  }
}

}  // namespace
}  // namespace marsad
