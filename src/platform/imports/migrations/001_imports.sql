-- Imports from spreadsheets: one job per uploaded file, and its checked rows staged until the
-- one transaction that applies them all (or none).
CREATE TABLE import_jobs (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind           text NOT NULL CHECK (kind IN ('customers', 'products', 'opening-stock', 'orders')),
  -- validating → validated → committing → committed; failed from any of them (nothing written).
  status         text NOT NULL DEFAULT 'validating'
                 CHECK (status IN ('validating', 'validated', 'committing', 'committed', 'failed')),
  dry_run        boolean NOT NULL,
  file_name      text CHECK (length(file_name) <= 255),
  format         text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  encoding       text CHECK (encoding IN ('utf-8', 'gbk')),
  file_bytes     bigint NOT NULL CHECK (file_bytes >= 0),
  file_sha256    text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  -- The actors (user:3, api_key:7) who uploaded and who committed.
  created_by     text NOT NULL,
  committed_by   text,
  rows_read      integer NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
  rows_valid     integer NOT NULL DEFAULT 0 CHECK (rows_valid >= 0),
  error_count    integer NOT NULL DEFAULT 0 CHECK (error_count >= 0),
  -- The first errors, in row order ({row, column, message}); error_count says how many in all.
  errors         jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(errors) = 'array'),
  ignored_columns text[] NOT NULL DEFAULT '{}',
  -- After the commit: what was created and what was skipped as already there, by entity.
  result         jsonb CHECK (result IS NULL OR jsonb_typeof(result) = 'object'),
  -- How long the final transaction held the database, in milliseconds.
  apply_ms       integer CHECK (apply_ms >= 0),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  validated_at   timestamptz,
  finished_at    timestamptz,
  CONSTRAINT import_jobs_committed_by CHECK (status <> 'committed' OR committed_by IS NOT NULL)
);
CREATE INDEX import_jobs_kind_idx ON import_jobs (kind, id);

-- Checked rows waiting for the commit, as the kind's schema gave them. Deleted once the job ends.
CREATE TABLE import_rows (
  job_id  bigint NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
  row_no  integer NOT NULL CHECK (row_no >= 2),
  data    jsonb NOT NULL,
  PRIMARY KEY (job_id, row_no)
);
