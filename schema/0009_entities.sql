-- 0009_entities: the entity table as loaded into this database (seeds/data/entities.tsv):
-- the things events are about, the place each belongs to and every name it is written by,
-- and what is known of metrics and event types that says when two reports disagree.
-- Written to apply again over itself (a database whose user_version was set back).
CREATE TABLE IF NOT EXISTS entities (
  id     INTEGER PRIMARY KEY,
  name   TEXT NOT NULL UNIQUE,   -- canonical English name
  kind   TEXT NOT NULL,
  place  TEXT NOT NULL           -- canonical name of its place (places.name)
);
CREATE TABLE IF NOT EXISTS entity_names (
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  name      TEXT NOT NULL,       -- as written (claims.subject holds this form)
  folded    TEXT NOT NULL,       -- case-folded, Traditional folded to Simplified: for lookup
  PRIMARY KEY (folded, entity_id, name)
);
CREATE INDEX IF NOT EXISTS entities_by_place ON entities(place);
-- Traits of metrics and event types: `once:HAPPENING` (an event type reporting a happening
-- a thing has once, e.g. once:founding for established), `grows` (a figure that only grows,
-- e.g. partner_cities: ties accumulate).
CREATE TABLE IF NOT EXISTS traits (
  name   TEXT NOT NULL,          -- claims.metric
  trait  TEXT NOT NULL,
  PRIMARY KEY (name, trait)
);
