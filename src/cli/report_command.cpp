// `annals report`: one self-contained HTML page about a subject.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "annals/error.h"
#include "cli/filters.h"
#include "cli/report_html.h"

namespace annals::cli {

void RegisterReport(CLI::App& app, const Globals& globals) {
  struct Options {
    std::optional<std::string> subject;
    std::string output;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "One self-contained HTML page about a subject (no network, scripts or fonts): a\n"
      "timeline chart (SVG) of each figure as reported over time, the conflicts with their\n"
      "quotes side by side, the partner cities with since-dates, the events, and every\n"
      "claim with its quote and document, which the chart's points link to.\n\n"
      "Examples:\n"
      "  annals report --subject Changchun --output report.html\n"
      "  annals report --subject 重慶 --output chongqing.html");
  AddSubjectOption(*cmd, o->subject, "A place in any of its names (with the things in it)", true);
  cmd->add_option("--output", o->output, "The HTML file to write (replaced if it exists)")
      ->type_name("FILE")
      ->required();
  cmd->callback([o, &globals] {
    if (o->output.empty()) throw Error(ErrorCode::kUsage, "--output: empty; give a file name");
    auto db = globals.Open(OpenMode::kReadOnly);
    ReportData data;
    data.subject = *o->subject;
    data.generated_at = Now();
    ClaimQuery q;
    q.subject = o->subject;
    q.with_things = true;
    q.kind = ClaimKind::kCount;
    for (auto& a : db->Query(q).claims) data.figures.push_back(std::move(a.claim));
    q.kind = ClaimKind::kRelation;
    for (auto& a : db->Query(q).claims) data.relations.push_back(std::move(a.claim));
    q.kind = ClaimKind::kEvent;
    for (auto& a : db->Query(q).claims) data.events.push_back(std::move(a.claim));
    ConflictQuery cq;
    cq.subject = o->subject;
    data.conflicts = db->Conflicts(cq);
    const std::string html = ReportHtml(data);
    // Written beside the target, then renamed over it: a reader never sees half a page.
    const std::string partial = o->output + ".partial";
    {
      std::ofstream out(partial, std::ios::binary | std::ios::trunc);
      out << html;
      out.close();
      if (!out)
        throw Error(ErrorCode::kInput, o->output + ": cannot be written; check the folder exists and is writable");
    }
    if (std::rename(partial.c_str(), o->output.c_str()) != 0) {
      std::remove(partial.c_str());
      throw Error(ErrorCode::kInput, o->output + ": cannot be written (rename failed)");
    }
    std::cout << o->output << ": " << data.figures.size() << " figures, "
              << data.conflicts.groups.size() << " conflicts, " << data.relations.size()
              << " ties, " << data.events.size() << " events\n";
  });
}

}  // namespace annals::cli
