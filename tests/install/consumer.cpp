// An outside program using the installed library: ingest a folder, ask one question.
#include <annals/database.h>
#include <annals/error.h>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 3) return 1;
  try {
    auto db = annals::Database::Open(argv[1]);
    db->Ingest({argv[2]});
    annals::ClaimQuery q;
    q.subject = "Changchun";
    q.metric = "partner_cities";
    q.as_reported_on = annals::Date::Parse("2019-01-01");
    const auto r = db->Query(q);
    if (r.claims.size() != 1 || *r.claims[0].claim.value != 70) {
      std::fprintf(stderr, "unexpected answer: %zu claims\n", r.claims.size());
      return 1;
    }
    std::printf("%s\n", r.claims[0].claim.quote.c_str());
  } catch (const annals::Error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
