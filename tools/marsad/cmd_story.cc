// marsad story [--db FILE] [--json] [--all] ID: the comparison of one
// story's reports (src/facts/compare.h): first its points in Arabic, contested
// first (each point once, its positions with source, outlets, reports, the
// earliest report and the words), then each outlet's claims per slot, the
// disagreements and the number of agreements. Without --all the points stop
// at twelve and say how many more there are.
#include <fmt/core.h>

#include <iostream>

#include "src/facts/compare.h"
#include "tools/marsad/commands.h"
#include "tools/marsad/print.h"

namespace marsad {

namespace {

std::string Attribution(const ComparedClaim& cc) {
  std::string s;
  if (!cc.claim.speaker.empty()) s += cc.claim.speaker;
  if (!cc.via.empty()) s += (s.empty() ? "via " : ", via ") + cc.via;
  if (s.empty()) s = "(the outlet)";
  return s;
}

void PrintClaim(const ComparedClaim& cc, const char* indent, std::ostream& out) {
  out << fmt::format("{}{:<20} {:<18} {:<9} {}  «{}»  a{} [{},{})\n", indent, cc.outlet,
                     cc.claim.value, cc.claim.modality, Attribution(cc), cc.text, cc.article,
                     cc.claim.span.begin, cc.claim.span.end);
}

constexpr size_t kPointsShown = 12;

void PrintPosition(const Comparison& c, const PointPosition& pos, std::ostream& out) {
  std::string who = pos.source.empty() ? "(الوسيلة نفسها)" : pos.source;
  std::string outlets;
  for (const std::string& o : pos.outlets) outlets += (outlets.empty() ? "" : "، ") + o;
  const ComparedClaim& first = c.claims[pos.claims[0]];
  out << fmt::format("      {:<18} {}  [{}; تقارير: {}; أول ظهور: {} a{}]  «{}» [{},{})\n",
                     PositionLabel(pos), who, outlets, pos.reports,
                     pos.first_seen.empty() ? "?" : pos.first_seen, pos.first_article, first.text,
                     first.claim.span.begin, first.claim.span.end);
}

void PrintPoints(const Comparison& c, bool all, std::ostream& out) {
  size_t contested = 0;
  for (const ContestedPoint& p : c.points) contested += p.contested;
  out << fmt::format("النقاط ({}، منها {} موضع خلاف):\n", c.points.size(), contested);
  size_t n = 0;
  for (const ContestedPoint& p : c.points) {
    if (!all && n >= kPointsShown) {
      out << fmt::format("  ... و{} نقطة أخرى (--all)\n", c.points.size() - n);
      break;
    }
    ++n;
    std::string state = p.contested ? "خلاف" : "اتفاق";
    if (p.timeline) state += "، تتغير مع الوقت";
    out << fmt::format("  {}. {} — {} (مصادر: {})\n", n, PointLabel(p), state, p.sources);
    for (const PointPosition& pos : p.positions) PrintPosition(c, pos, out);
  }
  out << "\n";
}

void PrintComparison(const StoryRow& s, const Comparison& c, bool all, std::ostream& out) {
  PrintStoryLine(s, out);
  PrintPoints(c, all, out);
  out << "outlets:";
  for (const std::string& o : c.outlets) out << "  " << o;
  out << "\n\nclaims (slot × outlet):\n";
  for (const ComparisonRow& row : c.matrix) {
    out << "  " << row.slot << "\n";
    for (const ComparisonCell& cell : row.cells) {
      for (int i : cell.claims) PrintClaim(c.claims[i], "    ", out);
    }
  }
  out << fmt::format("\ndisagreements ({}):\n", c.disagreements.size());
  int n = 0;
  for (const Disagreement& d : c.disagreements) {
    std::string slots;
    for (const std::string& sl : d.slots) slots += (slots.empty() ? "" : " / ") + sl;
    out << fmt::format("  {}. [{}] {}: {}\n", ++n, d.kind, slots, d.reason);
    for (int i : d.claims) PrintClaim(c.claims[i], "       ", out);
  }
  out << fmt::format("\nagreements: {}\n", c.agreements);
}

int RunStory(const std::string& db, const std::string& id_arg, bool json_out, bool all) {
  std::string digits = id_arg;
  if (!digits.empty() && digits[0] == 's') digits.erase(0, 1);
  int64_t id = 0;
  try {
    size_t used = 0;
    id = std::stoll(digits, &used);
    if (used != digits.size()) throw std::invalid_argument(digits);
  } catch (...) {
    std::cerr << "marsad story: bad story ID '" << id_arg << "'\n";
    return 2;
  }
  auto store = OpenStoreOrPrint(db, true);
  if (!store) return 1;
  auto story = store->GetStory(id);
  if (!story.ok()) return PrintError(story.status());
  if (!story->has_value()) return PrintError(NotFoundError("no story " + std::to_string(id)));
  std::vector<Document> docs;
  for (int64_t a : (*story)->articles) {
    auto d = store->GetArticle(a, false);
    if (!d.ok()) return PrintError(d.status());
    if (d->has_value()) docs.push_back(std::move(**d));
  }
  std::vector<const Document*> ptrs;
  for (const Document& d : docs) ptrs.push_back(&d);
  Comparison c = CompareStory(ptrs);
  if (json_out) {
    nlohmann::json j = StoryToJson(**story);
    j["comparison"] = ComparisonToJson(c);
    std::cout << j.dump(2) << "\n";
  } else {
    PrintComparison(**story, c, all, std::cout);
  }
  return 0;
}

}  // namespace

void AddStoryCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand("story", "Compare a story's reports: contested points, claims per outlet, disagreements");
  auto db = std::make_shared<std::string>(DefaultDbPath());
  auto json_out = std::make_shared<bool>(false);
  auto all = std::make_shared<bool>(false);
  auto id = std::make_shared<std::string>();
  cmd->add_option("--db", *db, "Database file");
  cmd->add_flag("--json", *json_out, "Print JSON (the story and its comparison)");
  cmd->add_flag("--all", *all, "Show every point (default: the first twelve)");
  cmd->add_option("ID", *id, "Story id (N or sN)")->required();
  cmd->callback([=] { *run = [=] { return RunStory(*db, *id, *json_out, *all); }; });
}

}  // namespace marsad
