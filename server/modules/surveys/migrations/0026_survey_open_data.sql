-- Open data (issue 11 item 6; decision 0044): a dataset of a wave's aggregates released by
-- ANCI/Cittalia, frozen at release: the CSV as published (its bytes, size and SHA-256) and the
-- DCAT-AP_IT metadata's fields. A withdrawal keeps the row and takes it off the public catalogue.
CREATE TABLE survey_open_datasets (
  id               uuid PRIMARY KEY,
  wave_id          uuid NOT NULL REFERENCES survey_waves (id),
  level            text NOT NULL CHECK (level IN ('regione', 'provincia', 'comune')),
  -- the questions' codes, in the order of the CSV
  questions        text[] NOT NULL CHECK (cardinality(questions) BETWEEN 1 AND 20),
  title_it         text NOT NULL CHECK (length(title_it) BETWEEN 1 AND 300),
  title_en         text CHECK (length(title_en) BETWEEN 1 AND 300),
  description_it   text NOT NULL CHECK (length(description_it) BETWEEN 1 AND 4000),
  description_en   text CHECK (length(description_en) BETWEEN 1 AND 4000),
  keywords         text[] NOT NULL CHECK (cardinality(keywords) BETWEEN 1 AND 20),
  -- EU data theme vocabulary (http://publications.europa.eu/resource/authority/data-theme)
  theme            text NOT NULL CHECK (theme IN ('SOCI', 'GOVE')),
  -- EU frequency vocabulary: a wave's release does not change (IRREG: the next wave brings the next one)
  accrual          text NOT NULL CHECK (accrual IN ('IRREG', 'ANNUAL', 'NEVER')),
  -- spatial coverage: one Region, or Italy when null
  region_code      char(2) REFERENCES regions (code),
  -- temporal coverage: the wave's field period
  temporal_start   date NOT NULL,
  temporal_end     date NOT NULL CHECK (temporal_end >= temporal_start),
  publisher_name   text NOT NULL,
  publisher_id     text NOT NULL,
  contact_email    text NOT NULL,
  -- the CSV's text after its byte-order mark (served with it); byte_size and sha256 are of the bytes served
  csv              text NOT NULL,
  byte_size        integer NOT NULL CHECK (byte_size > 0),
  sha256           char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  row_count        integer NOT NULL CHECK (row_count >= 0),
  suppressed_count integer NOT NULL CHECK (suppressed_count >= 0),
  released_by      uuid NOT NULL REFERENCES users (id),
  released_at      timestamptz NOT NULL,
  modified_at      timestamptz NOT NULL,
  withdrawn_by     uuid REFERENCES users (id),
  withdrawn_at     timestamptz,
  withdrawal_reason text CHECK (length(withdrawal_reason) <= 1000),
  CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
);
CREATE INDEX survey_open_datasets_wave_idx ON survey_open_datasets (wave_id, released_at);
CREATE INDEX survey_open_datasets_public_idx ON survey_open_datasets (released_at) WHERE withdrawn_at IS NULL;

-- The public (anonymous) reads what is released and not withdrawn; the national scope reads
-- everything and writes (the service checks `surveys.opendata.release`).
ALTER TABLE survey_open_datasets ENABLE ROW LEVEL SECURITY;
ALTER TABLE survey_open_datasets FORCE ROW LEVEL SECURITY;
CREATE POLICY public_read ON survey_open_datasets FOR SELECT TO incas_app
  USING (withdrawn_at IS NULL OR incas_setting('scope') IN ('national', 'platform', 'system'));
CREATE POLICY national_write ON survey_open_datasets FOR INSERT TO incas_app
  WITH CHECK (incas_setting('scope') IN ('national', 'platform', 'system'));
CREATE POLICY national_update ON survey_open_datasets FOR UPDATE TO incas_app
  USING (incas_setting('scope') IN ('national', 'platform', 'system'))
  WITH CHECK (incas_setting('scope') IN ('national', 'platform', 'system'));
CREATE POLICY owner_all ON survey_open_datasets TO CURRENT_USER USING (true) WITH CHECK (true);

GRANT SELECT, INSERT ON survey_open_datasets TO incas_app;
-- a released dataset's content never changes: only its withdrawal is written
GRANT UPDATE (withdrawn_by, withdrawn_at, withdrawal_reason, modified_at) ON survey_open_datasets TO incas_app;
