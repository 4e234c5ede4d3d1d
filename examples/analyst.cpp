// An analyst's session through the library: ingest bulletins, follow one figure over the
// reports, see where the reports disagree and why, and let a policy choose an answer.
//
//   analyst DATABASE FOLDER [SUBJECT]      e.g.  analyst annals.db seeds/ 长春
//
// Copy it as a start: it uses only the public headers and links annals::annals.
#include <annals/database.h>
#include <annals/error.h>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DATABASE FOLDER [SUBJECT]\n", argv[0]);
    return 1;
  }
  const std::string subject = argc > 3 ? argv[3] : "Changchun";
  try {
    auto db = annals::Database::Open(argv[1]);
    const auto ingest = db->Ingest({argv[2]});
    if (ingest.HasRejections()) std::fprintf(stderr, "some files were not bulletins\n");

    // How the partner-city figure moved, report by report (record time).
    annals::HistoryQuery history;
    history.subject = subject;
    history.metric = "partner_cities";
    std::printf("%s partner_cities, report by report:\n", subject.c_str());
    for (const auto& e : db->History(history).entries)
      std::printf("  %s  %g (%s)  \"%s\"  %s\n", e.claim.recorded_from->ToString().c_str(),
                  *e.claim.value, std::string(annals::ToString(e.claim.partner_class)).c_str(),
                  e.claim.quote.c_str(), std::string(annals::ToString(e.state)).c_str());

    // Where the reports on record today disagree, and why.
    annals::ConflictQuery conflicts;
    conflicts.subject = subject;
    for (const auto& g : db->Conflicts(conflicts).groups) {
      std::printf("\nconflict (%s): %s\n", std::string(annals::ToString(g.kind)).c_str(),
                  g.reason.c_str());
      for (const auto& c : g.claims)
        std::printf("  #%lld \"%s\"  (%s)\n", static_cast<long long>(c.id), c.quote.c_str(),
                    c.document.title.c_str());
    }

    // One answer a figure: the newest report wins, and says why.
    annals::ClaimQuery q;
    q.subject = subject;
    q.metric = "partner_cities";
    q.resolve = annals::Resolution::kLatestReport;
    std::printf("\nas the latest reports have it:\n");
    for (const auto& a : db->Query(q).claims)
      std::printf("  %g (%s): %s\n", *a.claim.value,
                  std::string(annals::ToString(a.claim.partner_class)).c_str(), a.resolution.c_str());
  } catch (const annals::Error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return static_cast<int>(e.code());
  }
  return 0;
}
