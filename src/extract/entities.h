// The entity table (seeds/data/entities.tsv, embedded at build time): the things events are
// about, with their place and names, and which event types report a happening that a thing
// has only once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace annals::extract {

/// A thing of the entity table: a plant, a park, a festival, a company.
struct Entity {
  std::string name;   ///< Canonical English name.
  std::string kind;   ///< `facility`, `park`, `festival`, ...
  std::string place;  ///< Canonical name of the place it belongs to.
  std::vector<std::string> names;  ///< Every name it is written by, the canonical one first.
};

/// Event types that report one happening a thing has once (`founding`: established,
/// completed, opened, ...).
struct OnceHappening {
  std::string happening;
  std::vector<std::string> event_types;
};

struct EntityTable {
  std::vector<Entity> entities;
  std::vector<OnceHappening> once;
  /// Metrics of figures that only grow (ties accumulate): a later figure below an earlier
  /// one disagrees with it.
  std::vector<std::string> growing;
};

/// Parses an entity table (format: the file's header). Rows of another shape are skipped.
EntityTable ParseEntityTable(std::string_view tsv);
/// The table embedded in the binary. Thread-safe; parsed on first use.
const EntityTable& EmbeddedEntities();

}  // namespace annals::extract
