-- 0005_collections: what an operator's nightly sync needs.
--
-- A document is known within its collection (the name of the folder it was synced or
-- ingested from, or --collection) by its key: the sidecar's source_uri when one is given,
-- else its path inside the folder. Moving the folder to another disk keeps both, so the
-- same bulletins are not a second copy. The path a version was read from is kept with it.
-- The code step of this version (src/store/migrate.cpp) fills the new table from the old
-- absolute paths: the folder name as collection, the file name (or source_uri) as key.
CREATE TABLE documents_v5 (
  id         INTEGER PRIMARY KEY,
  collection TEXT NOT NULL,
  key        TEXT NOT NULL,
  UNIQUE (collection, key)
);
ALTER TABLE document_versions ADD COLUMN path TEXT NOT NULL DEFAULT '';
-- A sidecar's bytes are part of a version: editing only the sidecar makes a new version,
-- and re-extraction from the stored bytes applies it again. NULL: no sidecar.
ALTER TABLE document_versions ADD COLUMN sidecar BLOB;
-- The record date a withdrawn version (its file gone from a synced folder) left the
-- record; NULL for a version that was replaced or is current.
ALTER TABLE document_versions ADD COLUMN withdrawn_on TEXT;

-- Which extractor's reading of a version the current claims are. A new extractor reads
-- the stored bytes again: the old reading is closed (known_to), never deleted.
CREATE TABLE extractions (
  id                  INTEGER PRIMARY KEY,
  document_version_id INTEGER NOT NULL REFERENCES document_versions(id),
  extractor_version   TEXT NOT NULL,
  ingest_run_id       INTEGER NOT NULL REFERENCES ingest_runs(id),
  known_from          TEXT NOT NULL,
  known_to            TEXT
);
CREATE INDEX extractions_by_version ON extractions(document_version_id, known_to);
INSERT INTO extractions(document_version_id, extractor_version, ingest_run_id, known_from)
  SELECT v.id,
         COALESCE((SELECT max(c.extractor_version) FROM claims c WHERE c.document_version_id = v.id),
                  r.extractor_version),
         v.ingest_run_id, v.known_from
  FROM document_versions v JOIN ingest_runs r ON r.id = v.ingest_run_id;

-- What each run was asked and did. command: the words it was started with; pid: its
-- process, for telling a run that still goes on from one that was killed.
ALTER TABLE ingest_runs ADD COLUMN command TEXT NOT NULL DEFAULT '';
ALTER TABLE ingest_runs ADD COLUMN pid INTEGER;
ALTER TABLE ingest_runs ADD COLUMN files_seen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ingest_runs ADD COLUMN files_new INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ingest_runs ADD COLUMN files_changed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ingest_runs ADD COLUMN files_unchanged INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ingest_runs ADD COLUMN files_removed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ingest_runs ADD COLUMN files_failed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ingest_runs ADD COLUMN files_reextracted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ingest_runs ADD COLUMN claims_added INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ingest_runs ADD COLUMN claims_closed INTEGER NOT NULL DEFAULT 0;

-- One row per file a run did something with (unchanged files are counted in the run,
-- not listed). outcome (frozen, FileOutcome in include/annals/sync.h): 1 new, 2 changed,
-- 3 removed, 4 failed, 5 re-extracted.
CREATE TABLE run_files (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES ingest_runs(id),
  path          TEXT NOT NULL,
  document_id   INTEGER REFERENCES documents(id),
  outcome       INTEGER NOT NULL CHECK (outcome BETWEEN 1 AND 5),
  claims_added  INTEGER NOT NULL DEFAULT 0,
  claims_closed INTEGER NOT NULL DEFAULT 0,
  claims_kept   INTEGER NOT NULL DEFAULT 0,
  message       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX run_files_by_run ON run_files(run_id);

-- The size and modification time each file of a collection had at the last walk, so that
-- a sync reads only the files whose size or time moved. A cache, not history: rows are
-- replaced as files change and dropped with their file.
CREATE TABLE file_stats (
  collection       TEXT NOT NULL,
  path             TEXT NOT NULL,  -- inside the collection's folder
  document_id      INTEGER NOT NULL REFERENCES documents(id),
  size             INTEGER NOT NULL,
  mtime_ns         INTEGER NOT NULL,
  sidecar_size     INTEGER NOT NULL,  -- -1: no sidecar
  sidecar_mtime_ns INTEGER NOT NULL,
  PRIMARY KEY (collection, path)
);
