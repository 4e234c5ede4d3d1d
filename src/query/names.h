// Names as asked to names as stored: a place by any of its names, a thing of the entity
// table by any of its names, and the canonical subject of a stored claim.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "store/store.h"

namespace annals::query {

/// The entity table and the traits of metrics, as loaded into a database.
class Knowledge {
 public:
  explicit Knowledge(store::Store& store);

  /// The canonical name of a claim's subject: an entity's other names map to its
  /// canonical one; any other subject is its own.
  const std::string& Canonical(const std::string& subject) const;
  /// True when `subject` (canonical) is a thing of the entity table.
  bool IsEntity(const std::string& subject) const;
  /// The happening an event type reports once per thing (`founding`), or empty.
  std::string OnceHappening(const std::string& event_type) const;
  /// True for a metric whose figures only grow.
  bool Grows(const std::string& metric) const;

  /// The subjects as stored that `name` stands for: the places it names (any alias, any
  /// case, Traditional or Simplified) and `name` itself; with `with_things`, also every
  /// name of the things in those places; a thing named by any of its names gives all of
  /// its names.
  std::vector<std::string> SubjectsNamed(const std::string& name, bool with_things) const;

 private:
  store::Store& store_;
  std::vector<store::Store::EntityRow> entities_;
  std::unordered_map<std::string, std::size_t> entity_of_name_;    // as written
  std::unordered_map<std::string, std::size_t> entity_of_folded_;  // folded
  std::unordered_map<std::string, std::string> once_;
  std::unordered_map<std::string, bool> grows_;
};

}  // namespace annals::query
