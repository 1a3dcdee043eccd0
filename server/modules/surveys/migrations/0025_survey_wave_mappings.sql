-- How the questions of two waves correspond where the questionnaire changed between them (issue 11,
-- item 4; decision 0043). Questions with the same code (name) in both waves are matched without a
-- row here; a row records a change: a question renamed and/or its choices recoded ('match'), one
-- question split into several ('split') or several merged into one ('merge'), or a question whose
-- figures are not comparable, with the reason ('not_comparable'). A pair of waves is stored once,
-- the earlier wave (by opening date) first. National table: every signed-in scope reads it, the
-- national scope writes it (the service checks `surveys.comparison.manage` first).

CREATE TABLE survey_wave_mappings (
  id              uuid PRIMARY KEY,
  earlier_wave_id uuid NOT NULL REFERENCES survey_waves (id),
  later_wave_id   uuid NOT NULL REFERENCES survey_waves (id),
  -- the position of the row in the list as written (the editor shows them in that order)
  position        integer NOT NULL CHECK (position >= 0),
  kind            text NOT NULL CHECK (kind IN ('match', 'split', 'merge', 'not_comparable')),
  -- question codes in the earlier and in the later wave's questionnaire
  earlier_questions text[] NOT NULL CHECK (cardinality(earlier_questions) <= 20),
  later_questions   text[] NOT NULL CHECK (cardinality(later_questions) <= 20),
  -- 'match': old choice code → new choice code, as [{"from": "a", "to": "b"}, …]
  recodes         jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(recodes) = 'array'),
  reason          text CHECK (length(reason) <= 2000),
  created_by      uuid NOT NULL REFERENCES users (id),
  created_at      timestamptz NOT NULL,
  CHECK (earlier_wave_id <> later_wave_id),
  CHECK (cardinality(earlier_questions) + cardinality(later_questions) > 0),
  CHECK (kind <> 'not_comparable' OR reason IS NOT NULL),
  UNIQUE (earlier_wave_id, later_wave_id, position)
);
CREATE INDEX survey_wave_mappings_later_idx ON survey_wave_mappings (later_wave_id);

ALTER TABLE survey_wave_mappings ENABLE ROW LEVEL SECURITY;
ALTER TABLE survey_wave_mappings FORCE ROW LEVEL SECURITY;
CREATE POLICY read_all ON survey_wave_mappings FOR SELECT TO incas_app
  USING (incas_setting('scope') <> 'anonymous');
CREATE POLICY national_write ON survey_wave_mappings FOR INSERT TO incas_app
  WITH CHECK (incas_setting('scope') IN ('national', 'platform', 'system'));
-- the mapping of a pair is replaced as a whole: the old rows are deleted in the same transaction
CREATE POLICY national_delete ON survey_wave_mappings FOR DELETE TO incas_app
  USING (incas_setting('scope') IN ('national', 'platform', 'system'));
CREATE POLICY owner_all ON survey_wave_mappings TO CURRENT_USER USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, DELETE ON survey_wave_mappings TO incas_app;
