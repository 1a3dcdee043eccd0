-- National surveys of the Comuni (issue 10; domain.md §6.2–6.3, §7.2–7.3; decisions 0034–0036).
--
-- National tables (surveys, form versions, waves) are readable by every signed-in scope and written
-- only by the national and platform scopes (the service checks the permission first). Each Comune's
-- part of a wave (its row in the frozen universe, its answers, flags, history, links, messages) is
-- that Comune's: row-level security on comune_istat, open to the national scope (ANCI/Cittalia
-- review it, MLPS follows progress) and to a Regione for its own Comuni. Answers describe what a
-- Comune does, not persons; the only personal data are the contacts' names and addresses.

CREATE TABLE survey_surveys (
  id              uuid PRIMARY KEY,
  -- a short stable name, e.g. "abitazioni-agroalimentare"
  code            text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  title_it        text NOT NULL CHECK (length(title_it) BETWEEN 1 AND 300),
  title_en        text CHECK (length(title_en) <= 300),
  description_it  text CHECK (length(description_it) <= 4000),
  created_by      uuid NOT NULL REFERENCES users (id),
  created_at      timestamptz NOT NULL
);

-- A questionnaire as imported (draft) or published (immutable; number given at publication).
CREATE TABLE survey_form_versions (
  id              uuid PRIMARY KEY,
  survey_id       uuid NOT NULL REFERENCES survey_surveys (id),
  -- null while a draft; 1, 2, … in order of publication
  version_no      integer CHECK (version_no > 0),
  -- the questionnaire model (server/modules/surveys/shared/form/model.ts)
  form            jsonb NOT NULL,
  -- what the import reported: warnings (questions left out, ignored columns)
  import_report   jsonb NOT NULL DEFAULT '[]',
  source_filename text CHECK (length(source_filename) <= 255),
  question_count  integer NOT NULL CHECK (question_count >= 0),
  created_by      uuid NOT NULL REFERENCES users (id),
  created_at      timestamptz NOT NULL,
  published_by    uuid REFERENCES users (id),
  published_at    timestamptz,
  CHECK ((version_no IS NULL) = (published_at IS NULL)),
  UNIQUE (survey_id, version_no)
);
CREATE INDEX survey_form_versions_survey_idx ON survey_form_versions (survey_id, created_at);

-- A published version never changes (the waves that use it and their answers depend on it).
CREATE FUNCTION survey_form_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'a published questionnaire version cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER survey_form_versions_immutable BEFORE UPDATE OR DELETE ON survey_form_versions
  FOR EACH ROW EXECUTE FUNCTION survey_form_version_immutable();

CREATE TABLE survey_waves (
  id              uuid PRIMARY KEY,
  survey_id       uuid NOT NULL REFERENCES survey_surveys (id),
  form_version_id uuid NOT NULL REFERENCES survey_form_versions (id),
  title_it        text NOT NULL CHECK (length(title_it) BETWEEN 1 AND 300),
  title_en        text CHECK (length(title_en) <= 300),
  -- the universe rule (surveys universe.ts), frozen into survey_wave_comuni at launch
  universe_rule   jsonb NOT NULL,
  -- the month whose population the rule reads, 'YYYY-MM'
  reference_month char(7) CHECK (reference_month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  opens_on        date NOT NULL,
  closes_on       date NOT NULL CHECK (closes_on >= opens_on),
  -- reminders at these working days after the invitation, then the phone list
  reminder_days   integer[] NOT NULL DEFAULT '{5,10}',
  status          text NOT NULL CHECK (status IN ('bozza', 'aperta', 'chiusa')),
  universe_count  integer CHECK (universe_count >= 0),
  launched_by     uuid REFERENCES users (id),
  launched_at     timestamptz,
  closed_at       timestamptz,
  created_by      uuid NOT NULL REFERENCES users (id),
  created_at      timestamptz NOT NULL,
  row_version     integer NOT NULL DEFAULT 1
);
CREATE INDEX survey_waves_survey_idx ON survey_waves (survey_id, opens_on);

-- One Comune in a launched wave: its place in the frozen universe and the state of its response
-- (domain.md §7.3). The answers live in survey_responses (same id).
CREATE TABLE survey_wave_comuni (
  id              uuid PRIMARY KEY,
  wave_id         uuid NOT NULL REFERENCES survey_waves (id),
  comune_istat    char(6) NOT NULL REFERENCES comuni (istat_code),
  status          text NOT NULL CHECK (status IN ('invitato', 'sollecitato', 'in_compilazione', 'inviato',
                                                  'in_validazione', 'validato', 'da_ricontattare', 'consolidato')),
  invited_at      timestamptz,
  opened_at       timestamptz,
  started_at      timestamptz,
  submitted_at    timestamptz,
  validated_at    timestamptz,
  reminders_sent  integer NOT NULL DEFAULT 0,
  -- how many times the response was returned for correction
  review_round    integer NOT NULL DEFAULT 0,
  status_changed_at timestamptz NOT NULL,
  UNIQUE (wave_id, comune_istat)
);
CREATE INDEX survey_wave_comuni_status_idx ON survey_wave_comuni (wave_id, status);
CREATE INDEX survey_wave_comuni_comune_idx ON survey_wave_comuni (comune_istat);

-- The answers of one Comune in one wave: one document keyed by question name (a repeat's answer is
-- the array of its entries). `answer_versions` holds, per top-level name, the row_version at which
-- it last changed, so that two compilers saving different questions never conflict and a save
-- over someone else's newer answer is refused (no lost update).
CREATE TABLE survey_responses (
  id              uuid PRIMARY KEY REFERENCES survey_wave_comuni (id),
  comune_istat    char(6) NOT NULL REFERENCES comuni (istat_code),
  answers         jsonb NOT NULL DEFAULT '{}',
  answer_versions jsonb NOT NULL DEFAULT '{}',
  row_version     integer NOT NULL DEFAULT 0,
  updated_by      uuid REFERENCES users (id),
  -- a personal link's id when saved through one
  updated_by_link uuid,
  updated_at      timestamptz
);

-- Every change to an answer after the first submission: who, when, old and new value.
CREATE TABLE survey_answer_changes (
  id              uuid PRIMARY KEY,
  response_id     uuid NOT NULL REFERENCES survey_wave_comuni (id),
  comune_istat    char(6) NOT NULL REFERENCES comuni (istat_code),
  question        text NOT NULL,
  old_value       jsonb,
  new_value       jsonb,
  changed_by      uuid REFERENCES users (id),
  changed_by_link uuid,
  changed_at      timestamptz NOT NULL,
  review_round    integer NOT NULL
);
CREATE INDEX survey_answer_changes_response_idx ON survey_answer_changes (response_id, changed_at);

-- An answer flagged by a reviewer, with the reason the Comune reads; resolved when the Comune
-- resubmits after changing it (or the reviewer withdraws it).
CREATE TABLE survey_flags (
  id              uuid PRIMARY KEY,
  response_id     uuid NOT NULL REFERENCES survey_wave_comuni (id),
  comune_istat    char(6) NOT NULL REFERENCES comuni (istat_code),
  question        text NOT NULL,
  reason          text NOT NULL CHECK (length(btrim(reason)) BETWEEN 3 AND 2000),
  review_round    integer NOT NULL,
  created_by      uuid NOT NULL REFERENCES users (id),
  created_at      timestamptz NOT NULL,
  resolved_at     timestamptz
);
CREATE INDEX survey_flags_response_idx ON survey_flags (response_id, review_round);

-- The state changes of a response, in order (the review's history).
CREATE TABLE survey_response_events (
  id              uuid PRIMARY KEY,
  response_id     uuid NOT NULL REFERENCES survey_wave_comuni (id),
  comune_istat    char(6) NOT NULL REFERENCES comuni (istat_code),
  from_status     text,
  to_status       text NOT NULL,
  note            text CHECK (length(note) <= 2000),
  actor_user_id   uuid REFERENCES users (id),
  actor_link_id   uuid,
  at              timestamptz NOT NULL
);
CREATE INDEX survey_response_events_response_idx ON survey_response_events (response_id, at);

-- A personal link for a Comune without an account: only the SHA-256 of the random token is kept.
CREATE TABLE survey_access_links (
  id              uuid PRIMARY KEY,
  response_id     uuid NOT NULL REFERENCES survey_wave_comuni (id),
  comune_istat    char(6) NOT NULL REFERENCES comuni (istat_code),
  token_hash      char(64) NOT NULL UNIQUE,
  created_by      uuid NOT NULL REFERENCES users (id),
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  revoked_at      timestamptz,
  last_used_at    timestamptz
);
CREATE INDEX survey_access_links_response_idx ON survey_access_links (response_id);

-- A Comune's contacts for the surveys (question A3 of the 2021 census: who answers, in what role).
CREATE TABLE survey_contacts (
  id              uuid PRIMARY KEY,
  comune_istat    char(6) NOT NULL REFERENCES comuni (istat_code),
  kind            text NOT NULL CHECK (kind IN ('email_istituzionale', 'pec', 'referente')),
  email           text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  person_name     text CHECK (length(person_name) <= 200),
  person_role     text CHECK (length(person_role) <= 200),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  UNIQUE (comune_istat, kind, email)
);

-- Every message sent (or attempted) to a Comune for a wave. (response_id, step) is unique, so a
-- restarted job never sends the same step twice.
CREATE TABLE survey_messages (
  id              uuid PRIMARY KEY,
  response_id     uuid NOT NULL REFERENCES survey_wave_comuni (id),
  comune_istat    char(6) NOT NULL REFERENCES comuni (istat_code),
  -- 0 the invitation, 1.. the reminders
  step            integer NOT NULL CHECK (step >= 0),
  kind            text NOT NULL CHECK (kind IN ('invito', 'sollecito')),
  to_address      text NOT NULL,
  due_on          date NOT NULL,
  status          text NOT NULL CHECK (status IN ('in_invio', 'inviato', 'fallito', 'rimbalzato')),
  error           text CHECK (length(error) <= 1000),
  created_at      timestamptz NOT NULL,
  sent_at         timestamptz,
  UNIQUE (response_id, step, to_address)
);
CREATE INDEX survey_messages_response_idx ON survey_messages (response_id, step);

-- National tables: everyone signed in reads; national/platform write (the service checks who).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['survey_surveys', 'survey_form_versions', 'survey_waves'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY read_all ON %I FOR SELECT TO incas_app USING (incas_setting(''scope'') <> ''anonymous'')', t);
    EXECUTE format('CREATE POLICY national_write ON %I FOR INSERT TO incas_app WITH CHECK (incas_setting(''scope'') IN (''national'', ''platform'', ''system''))', t);
    EXECUTE format('CREATE POLICY national_update ON %I FOR UPDATE TO incas_app USING (incas_setting(''scope'') IN (''national'', ''platform'', ''system'')) WITH CHECK (incas_setting(''scope'') IN (''national'', ''platform'', ''system''))', t);
    EXECUTE format('CREATE POLICY owner_all ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['survey_wave_comuni', 'survey_responses', 'survey_answer_changes', 'survey_flags',
                           'survey_response_events', 'survey_access_links', 'survey_contacts', 'survey_messages'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    -- the condition is written out (not a function with a subquery, which PostgreSQL runs once per
    -- row): a national reader counts a wave of 7,900 Comuni in ~30 ms instead of ~230 ms
    EXECUTE format('CREATE POLICY comune_rw ON %I TO incas_app USING (incas_is_tenant(comune_istat) '
                   'OR incas_setting(''scope'') IN (''national'', ''platform'', ''system'') '
                   'OR (incas_setting(''scope'') = ''regione'' AND comune_istat IN '
                   '(SELECT istat_code FROM comuni WHERE region_code = incas_setting(''region'')))) '
                   'WITH CHECK (incas_is_tenant(comune_istat) OR incas_setting(''scope'') IN (''national'', ''platform'', ''system''))', t);
    EXECUTE format('CREATE POLICY owner_all ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT ON survey_surveys, survey_form_versions TO incas_app;
GRANT UPDATE (version_no, published_by, published_at) ON survey_form_versions TO incas_app;
GRANT SELECT, INSERT, UPDATE ON survey_waves, survey_wave_comuni, survey_responses, survey_flags,
  survey_access_links, survey_contacts, survey_messages TO incas_app;
GRANT DELETE ON survey_contacts TO incas_app;
-- history is append-only
GRANT SELECT, INSERT ON survey_answer_changes, survey_response_events TO incas_app;
