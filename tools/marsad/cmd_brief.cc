// marsad brief STORY [--format md|html|pdf] [--out FILE] [--db DB]: the brief
// of one story to hand on (src/server/brief.h): its contested points with
// every position, the agreements, the exact words with links to the reports.
// Markdown and HTML go to standard output unless --out; a PDF is headless
// Chromium's print of the HTML (right to left, an Arabic font from the
// system: fonts-noto-core) and needs --out or is written to brief-ID.pdf.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "src/base/file.h"
#include "src/facts/lexicon.h"
#include "src/server/brief.h"
#include "tools/marsad/commands.h"
#include "tools/marsad/print.h"

namespace marsad {

namespace {

namespace fs = std::filesystem;

// $MARSAD_CHROMIUM, else the first of chromium, chromium-browser,
// google-chrome on PATH; "" when none.
std::string FindChromium() {
  const char* env = std::getenv("MARSAD_CHROMIUM");
  if (env && *env) return access(env, X_OK) == 0 ? env : "";
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    size_t start = 0;
    while (start <= dirs.size()) {
      size_t end = dirs.find(':', start);
      if (end == std::string::npos) end = dirs.size();
      std::string candidate = dirs.substr(start, end - start) + "/" + name;
      if (end > start && access(candidate.c_str(), X_OK) == 0) return candidate;
      start = end + 1;
    }
  }
  return "";
}

// Runs argv without a shell; its output goes to `log`. Returns the exit code.
int RunQuiet(const std::vector<std::string>& argv, const std::string& log) {
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    FILE* f = std::freopen(log.c_str(), "w", stdout);
    if (f) dup2(fileno(stdout), STDERR_FILENO);
    std::vector<char*> args;
    for (const std::string& a : argv)
      args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

Status PrintToPdf(const std::string& html, const std::string& out) {
  std::string chromium = FindChromium();
  if (chromium.empty()) {
    return UnavailableError(
        "لا يمكن إنشاء PDF: لم يُعثر على متصفح Chromium (apt-get install "
        "chromium، أو "
        "MARSAD_CHROMIUM=/path/to/chromium)؛ استعمل --format html أو md");
  }
  char tmpl[] = "/tmp/marsad-brief-XXXXXX";
  if (mkdtemp(tmpl) == nullptr)
    return IOError("cannot create a temporary folder");
  fs::path tmp = tmpl;
  fs::path page = tmp / "brief.html";
  RETURN_IF_ERROR(WriteFileAtomic(page.string(), html));
  fs::path target = fs::absolute(out);
  std::error_code ec;
  fs::remove(target, ec);
  int rc =
      RunQuiet({chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--no-pdf-header-footer",
                "--user-data-dir=" + (tmp / "profile").string(),
                "--print-to-pdf=" + target.string(), "file://" + page.string()},
               (tmp / "chromium.log").string());
  bool made = fs::exists(target, ec) && fs::file_size(target, ec) > 0;
  std::string log;
  if (!made) {
    std::ifstream in(tmp / "chromium.log");
    std::getline(in, log, '\0');
  }
  fs::remove_all(tmp, ec);
  if (!made) {
    return InternalError("chromium did not write " + out + " (exit " +
                         std::to_string(rc) + "): " + log.substr(0, 500));
  }
  return Status::OK();
}

int RunBrief(const std::string& db, const std::string& id_arg,
             const std::string& format, std::string out) {
  if (format != "md" && format != "html" && format != "pdf") {
    std::cerr << "marsad brief: --format must be md, html or pdf\n";
    return 2;
  }
  const std::optional<int64_t> parsed = ParseStoryId("brief", id_arg);
  if (!parsed) return 2;
  const int64_t id = *parsed;
  auto store = OpenStoreOrPrint(db, true);
  if (!store) return 1;
  auto lexicon = FactsLexicon::Load();
  if (!lexicon.ok()) return PrintError(lexicon.status());
  auto dossier = LoadStoryDossier(store.get(), **lexicon, id);
  if (!dossier.ok()) return PrintError(dossier.status());
  if (!dossier->has_value())
    return PrintError(NotFoundError("no story " + std::to_string(id)));
  if (format == "pdf") {
    if (out.empty()) out = "brief-" + std::to_string(id) + ".pdf";
    Status st = PrintToPdf(BriefHtml(**dossier), out);
    if (!st.ok()) return PrintError(st);
    std::cerr << "marsad brief: " << out << "\n";
    return 0;
  }
  std::string text =
      format == "md" ? BriefMarkdown(**dossier) : BriefHtml(**dossier);
  if (out.empty() || out == "-") {
    std::cout << text;
    return 0;
  }
  Status st = WriteFileAtomic(out, text);
  return st.ok() ? 0 : PrintError(st);
}

}  // namespace

void AddBriefCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand("brief",
                                 "A story's brief to hand on: contested "
                                 "points, positions, the words and links");
  auto db = std::make_shared<std::string>(DefaultDbPath());
  auto format = std::make_shared<std::string>("md");
  auto out = std::make_shared<std::string>();
  auto id = std::make_shared<std::string>();
  cmd->add_option("--db", *db, "Database file");
  cmd->add_option("--format", *format, "md (default), html or pdf");
  cmd->add_option("--out", *out,
                  "Write here (default: standard output; pdf: brief-ID.pdf)");
  cmd->add_option("STORY", *id, "Story id (N or sN)")->required();
  cmd->callback(
      [=] { *run = [=] { return RunBrief(*db, *id, *format, *out); }; });
}

}  // namespace marsad
