-- Runs of the data·inclusion API sync (@relais/server src/sync): one row per run with its report (counts and French
-- error messages, never the token). The partial unique index is the lease: one run at a time per source, whatever
-- the number of instances sharing the database.
CREATE TABLE sync_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source text NOT NULL,
  departement text NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  complete boolean NOT NULL DEFAULT false,
  report jsonb
);
CREATE UNIQUE INDEX sync_runs_one_running ON sync_runs (source) WHERE finished_at IS NULL;
CREATE INDEX sync_runs_started ON sync_runs (source, started_at DESC);
