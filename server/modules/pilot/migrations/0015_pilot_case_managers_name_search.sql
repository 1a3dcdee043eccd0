-- Issue 9 (decision 0022): pseudonyms unique per Comune, a keyed trigram index for partial search
-- by name, and the indexes the case list's case-manager filter and per-operator counts use.

-- A pseudonym is the Comune's label: the province's sigla and the Comune's own counter. Two pilot
-- Comuni of one province both number from 1, so the pseudonym is unique per Comune, not overall.
ALTER TABLE pilot_persons DROP CONSTRAINT pilot_persons_pseudonym_key;
ALTER TABLE pilot_persons ADD CONSTRAINT pilot_persons_comune_pseudonym_key UNIQUE (comune_istat, pseudonym);

-- Partial search by name without names in clear: for each person, the set of the trigrams of the
-- words of their normalised name (lower case, no accents, one space), each as the first 32 bits of
-- an HMAC under a key derived from the data key, with the Comune in the keyed input (the same
-- trigram gives unrelated values in two Comuni). Truncation makes collisions possible on purpose:
-- a search decrypts its candidates and keeps only the true matches.
CREATE TABLE pilot_person_name_grams (
  person_id     uuid NOT NULL REFERENCES pilot_persons (id) ON DELETE CASCADE,
  comune_istat  char(6) NOT NULL REFERENCES comuni (istat_code),
  gram          integer NOT NULL,
  PRIMARY KEY (person_id, gram)
);
CREATE INDEX pilot_person_name_grams_lookup_idx ON pilot_person_name_grams (comune_istat, gram, person_id);

ALTER TABLE pilot_person_name_grams ENABLE ROW LEVEL SECURITY;
ALTER TABLE pilot_person_name_grams FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_rw ON pilot_person_name_grams TO incas_app
  USING (incas_is_tenant(comune_istat) OR incas_setting('scope') = 'system')
  WITH CHECK (incas_is_tenant(comune_istat) OR incas_setting('scope') = 'system');
CREATE POLICY owner_all ON pilot_person_name_grams TO CURRENT_USER USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, DELETE ON pilot_person_name_grams TO incas_app;

-- the case list by case manager, and the open cases per case manager
CREATE INDEX pilot_cases_comune_owner_idx ON pilot_cases (comune_istat, owner_user_id, status);
