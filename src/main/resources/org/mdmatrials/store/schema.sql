-- trials.sqlite, schema version 4 (PRAGMA user_version). The trials table is created from
-- TrialColumn, so that it always has the CSV's columns; the tables below hold what a CSV cell joins.
-- source_records holds every registry record as sent (payload) and as mapped onto the common
-- record (record, JSON), with the source it came through and the trial row it was merged into.

CREATE TABLE trial_conditions (
  trial_id  TEXT NOT NULL REFERENCES trials (trial_id),
  position  INTEGER NOT NULL,
  condition TEXT NOT NULL,
  PRIMARY KEY (trial_id, position)
);

CREATE TABLE trial_interventions (
  trial_id    TEXT NOT NULL REFERENCES trials (trial_id),
  position    INTEGER NOT NULL,
  type        TEXT,
  name        TEXT,
  other_names TEXT,
  PRIMARY KEY (trial_id, position)
);

CREATE TABLE trial_categories (
  trial_id   TEXT NOT NULL REFERENCES trials (trial_id),
  category   TEXT NOT NULL,
  is_primary INTEGER NOT NULL,
  evidence   TEXT,
  PRIMARY KEY (trial_id, category)
);

CREATE TABLE trial_secondary_ids (
  trial_id     TEXT NOT NULL REFERENCES trials (trial_id),
  position     INTEGER NOT NULL,
  id_type      TEXT,
  secondary_id TEXT NOT NULL,
  domain       TEXT,
  PRIMARY KEY (trial_id, position)
);

CREATE TABLE source_records (
  record_key         INTEGER PRIMARY KEY,
  source             TEXT NOT NULL,
  registry           TEXT NOT NULL,
  record_id          TEXT NOT NULL,
  trial_id           TEXT REFERENCES trials (trial_id),
  last_update_posted TEXT,
  source_status      TEXT NOT NULL,
  registry_ids       TEXT NOT NULL,
  record             TEXT NOT NULL,
  payload            TEXT NOT NULL,
  UNIQUE (registry, record_id)
);

CREATE TABLE runs (
  run_id      TEXT PRIMARY KEY,
  started_at  TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  outcome     TEXT NOT NULL,
  trials      INTEGER NOT NULL,
  skipped     INTEGER NOT NULL,
  retries_by_host TEXT,
  errors      TEXT
);

CREATE TABLE run_sources (
  run_id         TEXT NOT NULL REFERENCES runs (run_id),
  registry       TEXT NOT NULL,
  query          TEXT,
  full_harvest   INTEGER,
  source_version TEXT,
  expected       INTEGER,
  received       INTEGER,
  skipped        INTEGER,
  pages          INTEGER,
  carried_over   INTEGER NOT NULL,
  last_full_harvest TEXT,
  error          TEXT,
  PRIMARY KEY (run_id, registry)
);

CREATE TABLE run_skipped_records (
  run_id   TEXT NOT NULL REFERENCES runs (run_id),
  registry TEXT NOT NULL,
  trial_id TEXT,
  page     INTEGER NOT NULL,
  position INTEGER NOT NULL,
  path     TEXT NOT NULL,
  problem  TEXT NOT NULL
);

CREATE TABLE changes (
  trial_id  TEXT NOT NULL,
  change    TEXT NOT NULL,
  field     TEXT,
  old_value TEXT,
  new_value TEXT
);

-- Trials whose primary outcomes now differ from the first they are known to have had: as first
-- registered (the registry's record history, back-filled in history.sqlite) or as first harvested.
CREATE TABLE primary_outcome_changes (
  trial_id               TEXT PRIMARY KEY REFERENCES trials (trial_id),
  first_known            TEXT NOT NULL,
  first_source           TEXT NOT NULL,
  first_primary_outcomes TEXT
);
