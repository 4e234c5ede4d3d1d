-- 0003_run_status: how each ingest run ended, so that a run a database error stopped
-- (a full disk, a lock held too long) says so and why.
--
-- status (frozen, RunStatus in src/store/store.h): 1 completed, 2 failed; NULL while the
-- run goes on, or when its process died before it could record its end (and for runs
-- from before this migration). message: the counts of a completed run, or the error of a
-- failed one, naming the file that was being written.
ALTER TABLE ingest_runs ADD COLUMN finished_at TEXT;
ALTER TABLE ingest_runs ADD COLUMN status INTEGER CHECK (status IN (1, 2));
ALTER TABLE ingest_runs ADD COLUMN message TEXT NOT NULL DEFAULT '';
