-- 0001_initial: documents, their versions, claims, places, and ingest runs.
--
-- Portability: dates are stored twice, as ISO text at their precision (for printing) and
-- as day numbers of the first and last day covered (for interval predicates); enums are
-- integers (their values are frozen in include/annals/claim.h and time.h); system-time
-- instants are fixed-width ISO UTC text, so that text order is time order.

CREATE TABLE ingest_runs (
  id                INTEGER PRIMARY KEY,
  started_at        TEXT NOT NULL,
  extractor_version TEXT NOT NULL
);

-- A bulletin as a path; its contents live in document_versions.
CREATE TABLE documents (
  id   INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE
);

-- One row per distinct content of a document. The original bytes are kept so that every
-- claim can be quoted and re-extracted even after the file changed or disappeared.
CREATE TABLE document_versions (
  id                    INTEGER PRIMARY KEY,
  document_id           INTEGER NOT NULL REFERENCES documents(id),
  sha256                TEXT NOT NULL,
  title                 TEXT NOT NULL,
  publisher             TEXT NOT NULL,
  lang                  TEXT NOT NULL,
  published_on          TEXT,             -- ISO at its precision; NULL if unknown
  published_precision   INTEGER,
  published_day         INTEGER,          -- first day covered
  published_inferred    INTEGER NOT NULL DEFAULT 0,
  content               BLOB NOT NULL,
  byte_size             INTEGER NOT NULL,
  ingest_run_id         INTEGER NOT NULL REFERENCES ingest_runs(id),
  known_from            TEXT NOT NULL,
  known_to              TEXT
);
-- Re-ingesting unchanged bytes must find the stored version at once.
CREATE INDEX document_versions_by_sha ON document_versions(sha256);
-- The current version of a document (the one a new version replaces).
CREATE INDEX document_versions_by_document ON document_versions(document_id, known_to);

-- Claims are never updated in place: a row is closed (known_to set) and, where its record
-- time changes, a successor row is inserted.
CREATE TABLE claims (
  id                   INTEGER PRIMARY KEY,
  document_version_id  INTEGER NOT NULL REFERENCES document_versions(id),
  kind                 INTEGER NOT NULL,
  subject              TEXT NOT NULL,
  metric               TEXT NOT NULL,
  partner_class        INTEGER NOT NULL DEFAULT 0,
  value                REAL,
  value_min            REAL,
  value_max            REAL,
  qualifier            INTEGER NOT NULL DEFAULT 0,
  unit                 TEXT NOT NULL DEFAULT '',
  object               TEXT NOT NULL DEFAULT '',
  object_country       TEXT NOT NULL DEFAULT '',
  relation             INTEGER NOT NULL DEFAULT 0,
  valid_from           TEXT,
  valid_from_precision INTEGER,
  valid_from_day       INTEGER,   -- first day of valid_from
  valid_to             TEXT,
  valid_to_precision   INTEGER,
  valid_to_day         INTEGER,   -- last day of valid_to
  recorded_from        TEXT,
  recorded_from_precision INTEGER,
  recorded_from_day    INTEGER,   -- first day on record
  recorded_to          TEXT,
  recorded_to_precision INTEGER,
  recorded_to_day      INTEGER,   -- first day no longer on record (exclusive)
  known_from           TEXT NOT NULL,
  known_to             TEXT,
  lang                 TEXT NOT NULL,
  quote                TEXT NOT NULL,
  span_start           INTEGER NOT NULL,
  span_end             INTEGER NOT NULL,
  rule                 TEXT NOT NULL,
  extractor_version    TEXT NOT NULL,
  ingest_run_id        INTEGER NOT NULL REFERENCES ingest_runs(id),
  CHECK (span_end > span_start)
);
-- "As reported on D" for a subject and metric: the analyst's main question. Equality
-- columns first, then the record-time start that bounds the range scan.
CREATE INDEX claims_by_subject_metric ON claims(subject, metric, recorded_from_day);
-- Queries by metric alone (every city's partner_cities) and by kind (all events).
CREATE INDEX claims_by_metric ON claims(metric, recorded_from_day);
CREATE INDEX claims_by_kind ON claims(kind, recorded_from_day);
-- Joining a document version to its claims (documents listing, closing rows on revision).
CREATE INDEX claims_by_version ON claims(document_version_id);

-- The gazetteer as loaded into this database, so that queries can match aliases.
CREATE TABLE places (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL,
  kind      TEXT NOT NULL,
  country   TEXT NOT NULL,
  UNIQUE (name, kind, country)
);
CREATE TABLE place_aliases (
  place_id  INTEGER NOT NULL REFERENCES places(id),
  alias     TEXT NOT NULL,   -- case-folded
  PRIMARY KEY (alias, place_id)
);
