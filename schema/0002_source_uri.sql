-- 0002_source_uri: where a bulletin was published, from its sidecar NAME.meta.json, and
-- the encoding its file was read in.
ALTER TABLE document_versions ADD COLUMN source_uri TEXT NOT NULL DEFAULT '';
ALTER TABLE document_versions ADD COLUMN encoding TEXT NOT NULL DEFAULT 'UTF-8';
