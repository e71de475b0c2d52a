// The gazetteers and the entities stage on sentences written for these
// tests (no press text), with the committed model and data/nlp tables.
#include "src/nlp/entities.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "src/base/data.h"
#include "src/base/hash.h"
#include "src/nlp/features.h"
#include "src/nlp/gazetteer.h"
#include "src/nlp/test_text.h"
#include "src/text/test_tables.h"

namespace marsad {
namespace {

namespace fs = std::filesystem;

const EntityAnnotator& Annotator() {
  static const EntityAnnotator* a = [] {
    auto r = EntityAnnotator::Create();
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->release() : nullptr;
  }();
  return *a;
}

// The data/nlp dictionaries, loaded once for the tests that only read them.
const Gazetteer* SharedGazetteer() {
  static const Gazetteer* g = [] {
    auto r = Gazetteer::Load(DataPath("nlp"), TestTextTables());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->release() : nullptr;
  }();
  return g;
}

// Gazetteer::Key and WordKey with the shared dictionaries' folding.
std::string Key(std::string_view phrase) {
  return SharedGazetteer()->Key(phrase);
}
std::string WordKey(std::string_view word) {
  return SharedGazetteer()->WordKey(word);
}

Document Doc(std::string text) {
  Document d;
  d.text = std::move(text);
  TextAnalysis a;
  a.Build(d.text, TestTextTables());
  Annotator().Annotate(a, &d);
  return d;
}

std::string Dump(const Document& d) {
  std::string out;
  for (const auto& e : d.entities)
    out += "[" + e.text + " " + std::string(EntityTypeName(e.type)) + " " +
           e.entity_id + " (" + e.canonical + ") role=" + e.role + "] ";
  return out;
}

const EntityMention* Find(const Document& d, std::string_view text) {
  for (const auto& e : d.entities)
    if (e.text == text) return &e;
  return nullptr;
}

TEST(GazetteerTest, KeysUnifyVariants) {
  EXPECT_EQ(Key("سورية"), Key("سوريا"));
  EXPECT_EQ(Key("عبد الله"), Key("عبدالله"));
  EXPECT_EQ(Key("إيران"), Key("ايران"));
  EXPECT_EQ(Key("\"سوريا الديمقراطية\""), Key("سوريا الديمقراطية"));
  EXPECT_NE(Key("عبد الله"), Key("عبد"));
}

TEST(GazetteerTest, LoadsPlacesAliasesAndClusters) {
  auto g = Gazetteer::Load(DataPath("nlp"), TestTextTables());
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  const GazetteerEntry* dz = (*g)->Find(Key("دير الزور"));
  ASSERT_NE(dz, nullptr);
  EXPECT_EQ(dz->type, EntityType::kLocation);
  EXPECT_EQ(dz->country, "SY");
  ASSERT_TRUE(dz->lat.has_value());
  EXPECT_NEAR(*dz->lat, 35.3, 0.2);
  const GazetteerEntry* isis = (*g)->Find(Key("داعش"));
  ASSERT_NE(isis, nullptr);
  EXPECT_EQ(isis, (*g)->Find(Key("الدولة الإسلامية")));
  EXPECT_EQ((*g)->Find(Key("قسد")), (*g)->Find(Key("قوات سوريا الديمقراطية")));
  EXPECT_EQ((*g)->Find(Key("سورية")),
            (*g)->Find(Key("الجمهورية العربية السورية")));
  EXPECT_GE((*g)->Cluster(WordKey("دمشق")).first, 0);
  EXPECT_TRUE((*g)->WordClass(WordKey("الفريق")) & kWordRoleHead);
}

TEST(GazetteerTest, WorldPlacesFromCldrAndTzdata) {
  const Gazetteer* g = SharedGazetteer();
  ASSERT_NE(g, nullptr);
  // A capital outside the GeoNames extract, with tzdata's coordinates.
  const GazetteerEntry* b = g->Find(Key("بوخارست"));
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->type, EntityType::kLocation);
  EXPECT_EQ(b->country, "RO");
  ASSERT_TRUE(b->lat && b->lon);
  EXPECT_NEAR(*b->lat, 44.4, 0.1);
  EXPECT_NEAR(*b->lon, 26.1, 0.1);
  // CLDR's variant names reach the same country.
  const GazetteerEntry* ci = g->Find(Key("كوت ديفوار"));
  ASSERT_NE(ci, nullptr);
  EXPECT_EQ(ci, g->Find(Key("ساحل العاج")));
  EXPECT_EQ(g->CountryName("CI"), ci->canonical);
  // A country the curated list has keeps its curated entry and point, and
  // the world table's other names for it join that entry.
  const GazetteerEntry* us = g->Find(Key("الولايات المتحدة"));
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->id, "ctry:US");
  ASSERT_TRUE(us->lat.has_value());
  EXPECT_NEAR(*us->lat, 38.0, 0.01);
  // A GeoNames city of the same name stays the GeoNames entry.
  const GazetteerEntry* cairo = g->Find(Key("القاهرة"));
  ASSERT_NE(cairo, nullptr);
  EXPECT_EQ(cairo->id.substr(0, 4), "geo:");
}

TEST(GazetteerTest, WellKnownOrganisationsAreUntrustedFeatures) {
  const Gazetteer* g = SharedGazetteer();
  ASSERT_NE(g, nullptr);
  bool trusted = true;
  const GazetteerEntry* club = g->Find(Key("أرسنال"), &trusted);
  ASSERT_NE(club, nullptr);
  EXPECT_EQ(club->type, EntityType::kOrganization);
  EXPECT_EQ(club->feature, "club");
  EXPECT_EQ(club->english, "Arsenal FC");
  EXPECT_FALSE(trusted);  // a name that is also a word never tags text alone
  EXPECT_EQ(club, g->Find(Key("الأرسنال")));
  // Each name is a phrase the tagger's gazetteer attribute sees as ORG.
  uint64_t chain = 0;
  for (const char* w : {"جنرال", "موتورز"})
    chain = Gazetteer::Chain(chain, Hash64(WordKey(w)));
  EXPECT_TRUE(g->Phrase(chain).types &
              (1u << static_cast<int>(EntityType::kOrganization)));
}

TEST(GazetteerTest, MissingOrMalformedTablesAreErrors) {
  fs::path dir = fs::temp_directory_path() / "marsad_nlp_gaz_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto missing = Gazetteer::Load(dir.string(), TestTextTables());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("clusters.tsv"), std::string::npos);
  for (const char* f :
       {"clusters.tsv", "places_curated.tsv", "aliases.tsv",
        "geonames_places.tsv", "actors.tsv", "name_words.tsv", "roles.tsv",
        "embed_clusters.tsv", "world_places.tsv", "organisations.tsv"})
    fs::copy_file(DataPath(std::string("nlp/") + f), dir / f);
  EXPECT_TRUE(Gazetteer::Load(dir.string(), TestTextTables()).ok());
  std::ofstream(dir / "organisations.tsv", std::ios::app) << "نادي\tclub\n";
  auto short_row = Gazetteer::Load(dir.string(), TestTextTables());
  ASSERT_FALSE(short_row.ok());
  EXPECT_NE(short_row.status().message().find("organisations.tsv"),
            std::string::npos);
  fs::copy_file(DataPath("nlp/organisations.tsv"), dir / "organisations.tsv",
                fs::copy_options::overwrite_existing);
  std::ofstream(dir / "places_curated.tsv", std::ios::app)
      << "cur:x\tمكان\tX\tPPL\tSY\t\tnorth\t1\t\tsrc\n";
  auto bad = Gazetteer::Load(dir.string(), TestTextTables());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("latitude"), std::string::npos);
  fs::remove_all(dir);
}

TEST(FeaturesTest, FixedCountDeterministicAndContextual) {
  const Gazetteer* g = SharedGazetteer();
  ASSERT_NE(g, nullptr);
  FeatureExtractor fx(*g, TestSegmenter());
  FeatureExtractor::Scratch s;
  std::vector<std::string_view> a = {"وصل", "الوفد", "إلى", "دمشق", "."};
  std::vector<uint64_t> f1, f2;
  fx.Extract(a, &s, &f1);
  ASSERT_EQ(f1.size(), a.size() * FeatureExtractor::kFeaturesPerToken);
  for (uint64_t h : f1) EXPECT_NE(h, 0u);
  fx.Extract(a, &s, &f2);
  EXPECT_EQ(f1, f2);
  // The same word in another context shares its own-word features but not
  // its window features.
  std::vector<std::string_view> b = {"دمشق", "مدينة"};
  fx.Extract(b, &s, &f2);
  const int P = FeatureExtractor::kFeaturesPerToken;
  std::vector<uint64_t> own1(f1.begin() + 3 * P, f1.begin() + 4 * P);
  std::vector<uint64_t> own2(f2.begin(), f2.begin() + P);
  EXPECT_EQ(own1[1], own2[1]);  // surface
  EXPECT_EQ(own1[2], own2[2]);  // folded
  EXPECT_NE(own1, own2);
  // A clitic-attached place keeps its gazetteer attribute: بدمشق ~ دمشق.
  std::vector<std::string_view> c = {"بدمشق"};
  fx.Extract(c, &s, &f2);
  EXPECT_EQ(f2[1 + FeatureExtractor::kGazetteer],
            own1[1 + FeatureExtractor::kGazetteer]);
}

// The memo of token descriptions (FeatureExtractor::Scratch::memo) is only
// a cache: a scratch that has seen more made-up words than the memo has
// slots (so that entries are shared and replaced) gives each sentence the
// features, document keys and alt keys of a fresh scratch, on its first
// and on its second pass through the words.
TEST(FeaturesTest, MemoNeverChangesFeatures) {
  const Gazetteer* g = SharedGazetteer();
  ASSERT_NE(g, nullptr);
  FeatureExtractor fx(*g, TestSegmenter());
  std::vector<std::string> words;
  for (const char* pre : {"", "و", "ب", "ال", "وال", "لل", "ف"})
    for (const char* a :
         {"سلم", "كتب", "درس", "حكم", "نصر", "قدس", "عمر", "جمع", "شرق", "غرب",
          "بحر", "نهر", "سعد", "فتح", "رسم", "حمد"})
      for (const char* b : {"", "سعد", "فتح", "رسم", "حمد", "دمشق", "لبنان",
                            "عمان", "قطر", "مصر", "تونس", "ليبيا", "بغداد"})
        for (const char* post : {"", "ة", "ات", "ون", "ها", "ية", "ين", "هم",
                                 "ي", "ان", "نا", "كم"})
          words.push_back(std::string(pre) + a + b + post);
  ASSERT_GT(words.size(), 2 * FeatureExtractor::kMemoSize);
  constexpr size_t kWords = 12;
  FeatureExtractor::Scratch shared;
  shared.keep_keys = true;
  std::vector<uint64_t> f1, f2, k1, k2;
  int compared = 0;
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0, n = 0; i + kWords <= words.size(); i += kWords, ++n) {
      std::vector<std::string_view> sentence(words.begin() + i,
                                             words.begin() + i + kWords);
      fx.Extract(sentence, &shared, &f1);
      if (n % 25 != 0) continue;
      FeatureExtractor::Scratch fresh;
      fresh.keep_keys = true;
      fx.Extract(sentence, &fresh, &f2);
      ASSERT_EQ(f1, f2) << "sentence at word " << i << ", pass " << pass;
      FeatureExtractor::DocumentKeys(sentence, shared, &k1);
      FeatureExtractor::DocumentKeys(sentence, fresh, &k2);
      EXPECT_EQ(k1, k2);
      EXPECT_EQ(shared.alt_key, fresh.alt_key);
      ++compared;
    }
  }
  EXPECT_GT(compared, 40);
}

TEST(EntitiesTest, SpansAreBytesIntoTheText) {
  Document d = Doc("وصل الرئيس الفرنسي إلى دمشق أمس، ثم توجه إلى بيروت.");
  ASSERT_FALSE(d.entities.empty());
  for (const auto& e : d.entities) {
    EXPECT_EQ(e.span.In(d.text), e.text);
    EXPECT_FALSE(e.entity_id.empty());
    EXPECT_FALSE(e.canonical.empty());
  }
}

TEST(EntitiesTest, PlacesCarryCoordinatesAndCliticsStayOut) {
  Document d =
      Doc("قصفت الطائرات مواقع قرب خشام في ريف دير الزور، وفي حمص وبدمشق.");
  const EntityMention* dz = nullptr;
  for (const auto& e : d.entities)
    if (e.text.find("دير الزور") != std::string::npos) dz = &e;
  ASSERT_NE(dz, nullptr) << Dump(d);
  EXPECT_EQ(dz->type, EntityType::kLocation);
  ASSERT_TRUE(dz->lat && dz->lon);
  EXPECT_NEAR(*dz->lon, 40.1, 0.3);
  const EntityMention* kh = Find(d, "خشام");
  ASSERT_NE(kh, nullptr) << Dump(d);
  EXPECT_TRUE(kh->lat.has_value());
  const EntityMention* dam = Find(d, "دمشق");
  ASSERT_NE(dam, nullptr) << Dump(d);
}

TEST(EntitiesTest, PlacesOutsideTheRegionAndWellKnownOrganisations) {
  Document d = Doc(
      "وصل وزير الخارجية الروماني إلى بوخارست أمس قادما من أبيدجان عاصمة ساحل "
      "العاج، بعد لقائه رئيس نادي أرسنال ومسؤولين من شركة تويوتا.");
  const EntityMention* b = Find(d, "بوخارست");
  ASSERT_NE(b, nullptr) << Dump(d);
  EXPECT_EQ(b->type, EntityType::kLocation);
  ASSERT_TRUE(b->lat && b->lon) << Dump(d);
  EXPECT_NEAR(*b->lat, 44.4, 0.1);
  const EntityMention* ci = Find(d, "ساحل العاج");
  ASSERT_NE(ci, nullptr) << Dump(d);
  EXPECT_EQ(ci->entity_id, "ctry:CI");
  const EntityMention* club = Find(d, "أرسنال");
  ASSERT_NE(club, nullptr) << Dump(d);
  EXPECT_EQ(club->type, EntityType::kOrganization);
  // Resolved to the table's entry, whichever spelling the text uses.
  Document e = Doc("فاز فريق ارسنال على ضيفه.");
  const EntityMention* club2 = Find(e, "ارسنال");
  ASSERT_NE(club2, nullptr) << Dump(e);
  EXPECT_EQ(club2->entity_id, club->entity_id);
}

TEST(EntitiesTest, APlaceNounNamesTheUnknownPlaceAfterIt) {
  // Invented village names no gazetteer holds, after an indefinite place
  // noun, with or without a proclitic on the noun.
  Document d =
      Doc("سقطت قذائف على قرية الزعيترات قرب النهر، وفي بلدة المقيبلات.");
  const EntityMention* a = Find(d, "الزعيترات");
  ASSERT_NE(a, nullptr) << Dump(d);
  EXPECT_EQ(a->type, EntityType::kLocation);
  const EntityMention* b = Find(d, "المقيبلات");
  ASSERT_NE(b, nullptr) << Dump(d);
  EXPECT_EQ(b->type, EntityType::kLocation);
  // Not an adjective's place, nor the first word of a longer name.
  Document e =
      Doc("زار الوفد منطقة الشرق الأوسط ومدينة الملك عبدالله الاقتصادية.");
  EXPECT_EQ(Find(e, "الشرق"), nullptr) << Dump(e);
  EXPECT_EQ(Find(e, "الملك"), nullptr) << Dump(e);
}

TEST(EntitiesTest, RolesAttachToPersons) {
  Document d =
      Doc("وقال نائب وزير الخارجية الروسي سيرغي ريابكوف للصحفيين إن المحادثات "
          "مستمرة. "
          "وأضاف ريابكوف أن الوفد سيعود الأسبوع المقبل.");
  const EntityMention* full = Find(d, "سيرغي ريابكوف");
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(full->type, EntityType::kPerson);
  EXPECT_EQ(full->role, "نائب وزير الخارجية الروسي");
  EXPECT_EQ(full->role_span.In(d.text), full->role);
  const EntityMention* part = Find(d, "ريابكوف");
  ASSERT_NE(part, nullptr);
  EXPECT_EQ(part->entity_id, full->entity_id)
      << "partial name resolves to the full one";
  EXPECT_EQ(part->canonical, "سيرغي ريابكوف");
}

TEST(EntitiesTest, SurnameAloneIsThePersonNamedBefore) {
  Document d =
      Doc("وقالت المتحدثة باسم الخارجية ماريا زاخاروفا إن الاتهامات باطلة. "
          "وأكدت زاخاروفا أن بلادها سترد.");
  const EntityMention* full = Find(d, "ماريا زاخاروفا");
  const EntityMention* part = Find(d, "زاخاروفا");
  ASSERT_NE(full, nullptr) << Dump(d);
  ASSERT_NE(part, nullptr) << Dump(d);
  EXPECT_EQ(part->type, EntityType::kPerson);
  EXPECT_EQ(part->entity_id, full->entity_id);
  EXPECT_EQ(full->role, "المتحدثة باسم الخارجية");
}

TEST(EntitiesTest, MilitaryTitle) {
  Document d =
      Doc("وأعلن الجيش مقتل الفريق فاليري أسابوف في قصف على مقر القيادة.");
  const EntityMention* p = nullptr;
  for (const auto& e : d.entities)
    if (e.type == EntityType::kPerson) p = &e;
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->role, "الفريق");
}

TEST(EntitiesTest, TransliterationVariantsShareAnId) {
  Document a = Doc("وصرح سيرغي لافروف بأن الاتفاق صامد.");
  Document b = Doc("وصرح سيرجى لافروف بأن الاتفاق صامد.");
  const EntityMention* x = Find(a, "سيرغي لافروف");
  const EntityMention* y = Find(b, "سيرجى لافروف");
  ASSERT_NE(x, nullptr) << Dump(a);
  ASSERT_NE(y, nullptr) << Dump(b);
  EXPECT_EQ(x->entity_id, y->entity_id);
}

// Issue 23: a foreign name's Arabic spellings and its Latin form are one
// entity; the id is the Latin name's key, which the search meets.
TEST(EntitiesTest, Issue23ArabicSpellingsAndLatinNameShareAnId) {
  Document a = Doc("وقالت فيديريكا موغيريني إن الاتحاد يدعم الاتفاق.");
  Document b = Doc("وقالت فيديريكا موجيريني إن الاتحاد يدعم الاتفاق.");
  const EntityMention* x = Find(a, "فيديريكا موغيريني");
  const EntityMention* y = Find(b, "فيديريكا موجيريني");
  ASSERT_NE(x, nullptr) << Dump(a);
  ASSERT_NE(y, nullptr) << Dump(b);
  EXPECT_EQ(x->entity_id, y->entity_id);
  EXPECT_EQ(x->entity_id,
            SharedGazetteer()->SkeletonId("per", "Federica Mogherini"));
}

TEST(EntitiesTest, AliasesShareAnId) {
  Document d =
      Doc("هاجم تنظيم داعش مواقع الجيش، فيما تقدمت قوات سوريا الديمقراطية شرق "
          "النهر. "
          "وقال متحدث باسم قسد إن الدولة الإسلامية خسرت مواقع.");
  std::map<std::string, std::set<std::string>> ids;
  for (const auto& e : d.entities) ids[e.entity_id].insert(e.text);
  ASSERT_TRUE(ids.count("org:isis")) << "داعش";
  ASSERT_TRUE(ids.count("org:sdf"));
  EXPECT_GE(ids["org:sdf"].size(), 2u) << Dump(d);
}

TEST(EntitiesTest, CapitalActingIsItsGovernment) {
  Document d = Doc("واتهمت واشنطن موسكو بخرق الاتفاق.");
  const EntityMention* w = Find(d, "واشنطن");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->entity_id, "gov:US");
  EXPECT_EQ(w->type, EntityType::kOrganization);
}

TEST(EntitiesTest, ConcurrentCallsAgree) {
  std::string text =
      "وقال وزير الخارجية السعودي عادل الجبير في الرياض إن المملكة تدعم الحل.";
  Document ref = Doc(text);
  std::vector<std::thread> pool;
  std::vector<Document> out(4);
  for (int t = 0; t < 4; ++t)
    pool.emplace_back([&, t] {
      for (int k = 0; k < 20; ++k) {
        out[t].text = text;
        TextAnalysis a;
        a.Build(out[t].text, TestTextTables());
        Annotator().Annotate(a, &out[t]);
      }
    });
  for (auto& th : pool) th.join();
  for (const Document& d : out) {
    ASSERT_EQ(d.entities.size(), ref.entities.size());
    for (size_t i = 0; i < d.entities.size(); ++i)
      EXPECT_EQ(d.entities[i].entity_id, ref.entities[i].entity_id);
  }
}

}  // namespace
}  // namespace marsad
