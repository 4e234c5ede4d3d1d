// Loading the entity table.
#include "extract/entities.h"

namespace annals::data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace annals::extract {
namespace {

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  for (std::size_t start = 0;;) {
    const std::size_t pos = s.find(sep, start);
    out.emplace_back(s.substr(start, pos == std::string_view::npos ? s.npos : pos - start));
    if (pos == std::string_view::npos) return out;
    start = pos + 1;
  }
}

}  // namespace

EntityTable ParseEntityTable(std::string_view tsv) {
  EntityTable table;
  for (std::string line : Split(tsv, '\n')) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const auto row = Split(line, '\t');
    if (row[0] == "entity" && row.size() >= 4 && !row[2].empty() && !row[3].empty()) {
      Entity e{row[2], row[1], row[3], {row[2]}};
      for (std::size_t i = 4; i < row.size(); ++i)
        for (auto& name : Split(row[i], '|'))
          if (!name.empty()) e.names.push_back(std::move(name));
      table.entities.push_back(std::move(e));
    } else if (row[0] == "once" && row.size() >= 3 && !row[1].empty()) {
      OnceHappening once{row[1], {}};
      for (auto& type : Split(row[2], '|'))
        if (!type.empty()) once.event_types.push_back(std::move(type));
      table.once.push_back(std::move(once));
    } else if (row[0] == "grows" && row.size() >= 2) {
      for (auto& metric : Split(row[1], '|'))
        if (!metric.empty()) table.growing.push_back(std::move(metric));
    }
  }
  return table;
}

const EntityTable& EmbeddedEntities() {
  static const EntityTable table = [] {
    for (const auto& [name, contents] : data::EmbeddedFiles())
      if (name == "entities.tsv") return ParseEntityTable(contents);
    return EntityTable{};
  }();
  return table;
}

}  // namespace annals::extract
