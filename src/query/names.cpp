// Resolving names through the gazetteer and the entity table stored in the database.
#include "query/names.h"

#include <algorithm>

#include "text/unicode.h"

namespace annals::query {

Knowledge::Knowledge(store::Store& store) : store_(store), entities_(store.Entities()) {
  for (std::size_t i = 0; i < entities_.size(); ++i)
    for (const auto& [written, folded] : entities_[i].names) {
      entity_of_name_.emplace(written, i);
      entity_of_folded_.emplace(folded, i);
    }
  for (const auto& [name, trait] : store.Traits()) {
    if (trait.rfind("once:", 0) == 0) once_[name] = trait.substr(5);
    if (trait == "grows") grows_[name] = true;
  }
}

const std::string& Knowledge::Canonical(const std::string& subject) const {
  auto it = entity_of_name_.find(subject);
  return it == entity_of_name_.end() ? subject : entities_[it->second].name;
}

bool Knowledge::IsEntity(const std::string& subject) const {
  auto it = entity_of_name_.find(subject);
  return it != entity_of_name_.end() && entities_[it->second].name == subject;
}

std::string Knowledge::OnceHappening(const std::string& event_type) const {
  auto it = once_.find(event_type);
  return it == once_.end() ? std::string() : it->second;
}

bool Knowledge::Grows(const std::string& metric) const { return grows_.count(metric) > 0; }

std::vector<std::string> Knowledge::SubjectsNamed(const std::string& name, bool with_things) const {
  const std::string folded = text::FoldUtf8(name);
  std::vector<std::string> out = store_.PlacesNamed(folded);
  out.push_back(name);
  const auto add_entity = [&](const store::Store::EntityRow& e) {
    for (const auto& n : e.names) out.push_back(n.first);
  };
  if (auto it = entity_of_folded_.find(folded); it != entity_of_folded_.end())
    add_entity(entities_[it->second]);
  if (with_things) {
    const std::vector<std::string> places = out;
    for (const auto& e : entities_)
      if (std::find(places.begin(), places.end(), e.place) != places.end()) add_entity(e);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace annals::query
