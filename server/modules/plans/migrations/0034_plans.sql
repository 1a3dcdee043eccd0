-- Local multi-sector plans (PLM) against labour exploitation, their networks and meetings, and the
-- dialogue between Regions and their Comuni (issue 13; domain.md §3, §7.2–7.3; decision 0054).
--
-- Every table carries the Region (region_code) and, when it belongs to a Comune, the Comune
-- (comune_istat): row-level security reads them directly, without a subquery. A Comune reads and
-- writes its own; a Regione scope (the Region's staff, or a regional ANCI branch) reads its own
-- Comuni's and writes its own Region's networks and threads; the national scope (ANCI/Cittalia,
-- MLPS) reads all, never the revisore indipendente. The service narrows writes further by role.
-- Money is integer euro cents; indicator values are numeric.

-- A Comune's plan (PLM): header, state, adoption act, the text of the context analysis.
CREATE TABLE plm_plans (
  id                   uuid PRIMARY KEY,
  comune_istat         char(6) NOT NULL REFERENCES comuni (istat_code),
  region_code          char(2) NOT NULL REFERENCES regions (code),
  title                text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  -- the years the plan covers, e.g. 2023–2025
  period_from          smallint NOT NULL CHECK (period_from BETWEEN 2000 AND 2100),
  period_to            smallint NOT NULL CHECK (period_to BETWEEN period_from AND period_from + 10),
  status               text NOT NULL CHECK (status IN ('AVVIO', 'ANALISI_CONTESTO', 'TAVOLI_TEMATICI', 'BOZZA',
                                                       'ADOTTATO', 'IN_ATTUAZIONE', 'MONITORATO', 'AGGIORNATO')),
  -- the adoption act: a resolution of the Giunta or of the Consiglio comunale
  adoption_organ       text CHECK (adoption_organ IN ('GIUNTA', 'CONSIGLIO')),
  adoption_number      text CHECK (length(adoption_number) BETWEEN 1 AND 40),
  adoption_date        date,
  adoption_document_id uuid,
  summary              text CHECK (length(summary) <= 4000),
  -- the context analysis (the survey answers and settlements are shown beside it, not copied)
  context_text         text CHECK (length(context_text) <= 30000),
  -- the number of the last version taken (0: none yet); see plm_plan_versions
  version_no           integer NOT NULL DEFAULT 0 CHECK (version_no >= 0),
  created_by           uuid NOT NULL REFERENCES users (id),
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  row_version          integer NOT NULL DEFAULT 1,
  CHECK (adoption_organ IS NULL OR (adoption_number IS NOT NULL AND adoption_date IS NOT NULL))
);
CREATE INDEX plm_plans_comune_idx ON plm_plans (comune_istat);
CREATE INDEX plm_plans_region_idx ON plm_plans (region_code, status);

-- Each step of the plan's state machine: who, when, from and to.
CREATE TABLE plm_plan_events (
  id               uuid PRIMARY KEY,
  plan_id          uuid NOT NULL REFERENCES plm_plans (id),
  comune_istat     char(6) NOT NULL,
  region_code      char(2) NOT NULL,
  from_status      text,
  to_status        text NOT NULL,
  note             text CHECK (length(note) <= 2000),
  actor_id         uuid NOT NULL REFERENCES users (id),
  at               timestamptz NOT NULL
);
CREATE INDEX plm_plan_events_plan_idx ON plm_plan_events (plan_id, at);

-- A version of the plan: the header, actions, partners and indicators as they were, frozen (an
-- adoption or an update takes one; what changed is computed between two snapshots).
CREATE TABLE plm_plan_versions (
  id               uuid PRIMARY KEY,
  plan_id          uuid NOT NULL REFERENCES plm_plans (id),
  comune_istat     char(6) NOT NULL,
  region_code      char(2) NOT NULL,
  version_no       integer NOT NULL CHECK (version_no > 0),
  reason           text NOT NULL CHECK (reason IN ('ADOZIONE', 'AGGIORNAMENTO')),
  note             text CHECK (length(note) <= 2000),
  snapshot         jsonb NOT NULL,
  created_by       uuid NOT NULL REFERENCES users (id),
  created_at       timestamptz NOT NULL,
  UNIQUE (plan_id, version_no)
);

-- An action of the plan, tagged with one of the Piano triennale's four axes and one of its ten
-- priority actions (domain.md §3).
CREATE TABLE plm_actions (
  id               uuid PRIMARY KEY,
  plan_id          uuid NOT NULL REFERENCES plm_plans (id),
  comune_istat     char(6) NOT NULL,
  region_code      char(2) NOT NULL,
  code             text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9.-]{0,11}$'),
  title            text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  description      text CHECK (length(description) <= 4000),
  axis             text NOT NULL CHECK (axis IN ('PREVENZIONE', 'VIGILANZA_CONTRASTO', 'PROTEZIONE_ASSISTENZA', 'REINTEGRAZIONE')),
  priority_action  smallint NOT NULL CHECK (priority_action BETWEEN 1 AND 10),
  lead_org_id      uuid REFERENCES organisations (id),
  budget_cents     bigint CHECK (budget_cents >= 0),
  funding_source   text CHECK (funding_source IN ('FNPM', 'FAMI_2021_27', 'PN_INCLUSIONE', 'FNPSA_SAI', 'PNRR',
                                                  'FONDI_REGIONALI', 'FONDI_COMUNALI', 'ALTRO')),
  -- the MLPS-funded project that carries it, when there is one (of the same Comune: the service checks)
  project_id       uuid REFERENCES projects (id),
  status           text NOT NULL CHECK (status IN ('PROGRAMMATA', 'AVVIATA', 'IN_CORSO', 'COMPLETATA', 'SOSPESA', 'ANNULLATA')),
  start_date       date,
  end_date         date CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
  position         integer NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  row_version      integer NOT NULL DEFAULT 1,
  UNIQUE (plan_id, code)
);
CREATE INDEX plm_actions_plan_idx ON plm_actions (plan_id);
CREATE INDEX plm_actions_region_idx ON plm_actions (region_code, axis, priority_action);

CREATE TABLE plm_action_partners (
  action_id        uuid NOT NULL REFERENCES plm_actions (id) ON DELETE CASCADE,
  plan_id          uuid NOT NULL REFERENCES plm_plans (id),
  comune_istat     char(6) NOT NULL,
  region_code      char(2) NOT NULL,
  organisation_id  uuid NOT NULL REFERENCES organisations (id),
  role             text NOT NULL CHECK (role IN ('PARTNER', 'ATTUATORE', 'FINANZIATORE', 'ALTRO')),
  PRIMARY KEY (action_id, organisation_id)
);

-- An action's indicators, with a target per period (a year or a semester, e.g. "2024", "2024-S2").
CREATE TABLE plm_indicators (
  id               uuid PRIMARY KEY,
  action_id        uuid NOT NULL REFERENCES plm_actions (id) ON DELETE CASCADE,
  plan_id          uuid NOT NULL REFERENCES plm_plans (id),
  comune_istat     char(6) NOT NULL,
  region_code      char(2) NOT NULL,
  name             text NOT NULL CHECK (length(name) BETWEEN 2 AND 300),
  unit             text NOT NULL CHECK (length(unit) BETWEEN 1 AND 60),
  baseline         numeric(14, 2),
  position         integer NOT NULL DEFAULT 0
);
CREATE INDEX plm_indicators_action_idx ON plm_indicators (action_id);
CREATE TABLE plm_indicator_targets (
  indicator_id     uuid NOT NULL REFERENCES plm_indicators (id) ON DELETE CASCADE,
  plan_id          uuid NOT NULL REFERENCES plm_plans (id),
  comune_istat     char(6) NOT NULL,
  region_code      char(2) NOT NULL,
  period           text NOT NULL CHECK (period ~ '^[0-9]{4}(-S[12])?$'),
  target           numeric(14, 2) NOT NULL,
  PRIMARY KEY (indicator_id, period)
);

-- A monitoring of the plan: the values of its indicators and the state of its actions at a date.
CREATE TABLE plm_monitorings (
  id               uuid PRIMARY KEY,
  plan_id          uuid NOT NULL REFERENCES plm_plans (id),
  comune_istat     char(6) NOT NULL,
  region_code      char(2) NOT NULL,
  period           text NOT NULL CHECK (period ~ '^[0-9]{4}(-S[12])?$'),
  reference_date   date NOT NULL,
  note             text CHECK (length(note) <= 4000),
  created_by       uuid NOT NULL REFERENCES users (id),
  created_at       timestamptz NOT NULL,
  UNIQUE (plan_id, period)
);
CREATE TABLE plm_indicator_values (
  indicator_id     uuid NOT NULL REFERENCES plm_indicators (id) ON DELETE CASCADE,
  monitoring_id    uuid NOT NULL REFERENCES plm_monitorings (id),
  plan_id          uuid NOT NULL REFERENCES plm_plans (id),
  comune_istat     char(6) NOT NULL,
  region_code      char(2) NOT NULL,
  value            numeric(14, 2) NOT NULL,
  note             text CHECK (length(note) <= 1000),
  PRIMARY KEY (indicator_id, monitoring_id)
);

-- Tavoli and thematic working groups of a Comune (comune_istat set) or of a Region (null).
CREATE TABLE plm_networks (
  id               uuid PRIMARY KEY,
  comune_istat     char(6) REFERENCES comuni (istat_code),
  region_code      char(2) NOT NULL REFERENCES regions (code),
  kind             text NOT NULL CHECK (kind IN ('TAVOLO', 'GRUPPO_TEMATICO')),
  name             text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  theme            text CHECK (length(theme) <= 500),
  axis             text CHECK (axis IN ('PREVENZIONE', 'VIGILANZA_CONTRASTO', 'PROTEZIONE_ASSISTENZA', 'REINTEGRAZIONE')),
  -- the plan the group works on, when there is one
  plan_id          uuid REFERENCES plm_plans (id),
  active           boolean NOT NULL DEFAULT true,
  created_by       uuid NOT NULL REFERENCES users (id),
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  row_version      integer NOT NULL DEFAULT 1
);
CREATE INDEX plm_networks_place_idx ON plm_networks (region_code, comune_istat);
CREATE TABLE plm_network_members (
  network_id       uuid NOT NULL REFERENCES plm_networks (id),
  comune_istat     char(6),
  region_code      char(2) NOT NULL,
  organisation_id  uuid NOT NULL REFERENCES organisations (id),
  role             text NOT NULL CHECK (role IN ('COORDINATORE', 'SEGRETERIA', 'MEMBRO', 'OSSERVATORE')),
  joined_on        date,
  PRIMARY KEY (network_id, organisation_id)
);

-- A meeting: of a network or on its own (a workshop territoriale, a training).
CREATE TABLE plm_meetings (
  id                  uuid PRIMARY KEY,
  network_id          uuid REFERENCES plm_networks (id),
  comune_istat        char(6) REFERENCES comuni (istat_code),
  region_code         char(2) NOT NULL REFERENCES regions (code),
  kind                text NOT NULL CHECK (kind IN ('TAVOLO', 'GRUPPO_TEMATICO', 'WORKSHOP_TERRITORIALE', 'FORMAZIONE')),
  title               text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  held_on             date NOT NULL,
  place               text CHECK (length(place) <= 300),
  agenda              text CHECK (length(agenda) <= 8000),
  participants_count  integer NOT NULL DEFAULT 0 CHECK (participants_count BETWEEN 0 AND 100000),
  minutes_document_id uuid,
  created_by          uuid NOT NULL REFERENCES users (id),
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  row_version         integer NOT NULL DEFAULT 1
);
CREATE INDEX plm_meetings_place_idx ON plm_meetings (region_code, comune_istat, held_on);
CREATE INDEX plm_meetings_network_idx ON plm_meetings (network_id);
CREATE TABLE plm_meeting_organisations (
  meeting_id       uuid NOT NULL REFERENCES plm_meetings (id),
  comune_istat     char(6),
  region_code      char(2) NOT NULL,
  organisation_id  uuid NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (meeting_id, organisation_id)
);
-- A meeting's decisions and follow-ups: a follow-up has an owner and a due date (the work list)
-- and may advance an action of the plan.
CREATE TABLE plm_follow_ups (
  id               uuid PRIMARY KEY,
  meeting_id       uuid NOT NULL REFERENCES plm_meetings (id),
  comune_istat     char(6),
  region_code      char(2) NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('DECISIONE', 'AZIONE')),
  text             text NOT NULL CHECK (length(text) BETWEEN 2 AND 2000),
  action_id        uuid REFERENCES plm_actions (id),
  owner_user_id    uuid REFERENCES users (id),
  owner_org_id     uuid REFERENCES organisations (id),
  due_date         date,
  status           text NOT NULL CHECK (status IN ('APERTO', 'FATTO', 'ANNULLATO')),
  done_at          timestamptz,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX plm_follow_ups_owner_idx ON plm_follow_ups (owner_user_id, status, due_date);
CREATE INDEX plm_follow_ups_meeting_idx ON plm_follow_ups (meeting_id);

-- The dialogue between a Region and one of its Comuni (ANCI/Cittalia and the regional ANCI branch
-- may join), anchored to a plan, an action, a project or a topic.
CREATE TABLE plm_threads (
  id               uuid PRIMARY KEY,
  comune_istat     char(6) NOT NULL REFERENCES comuni (istat_code),
  region_code      char(2) NOT NULL REFERENCES regions (code),
  subject          text NOT NULL CHECK (length(subject) BETWEEN 3 AND 200),
  anchor_kind      text NOT NULL CHECK (anchor_kind IN ('PIANO', 'AZIONE', 'PROGETTO', 'TEMA')),
  plan_id          uuid REFERENCES plm_plans (id),
  action_id        uuid REFERENCES plm_actions (id),
  project_id       uuid REFERENCES projects (id),
  topic            text CHECK (length(topic) <= 200),
  due_date         date,
  status           text NOT NULL CHECK (status IN ('APERTA', 'CHIUSA')),
  created_by       uuid NOT NULL REFERENCES users (id),
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  closed_at        timestamptz,
  row_version      integer NOT NULL DEFAULT 1
);
CREATE INDEX plm_threads_place_idx ON plm_threads (region_code, comune_istat, status);
CREATE TABLE plm_thread_messages (
  id               uuid PRIMARY KEY,
  thread_id        uuid NOT NULL REFERENCES plm_threads (id),
  comune_istat     char(6) NOT NULL,
  region_code      char(2) NOT NULL,
  body             text NOT NULL CHECK (length(body) BETWEEN 1 AND 8000),
  author_id        uuid NOT NULL REFERENCES users (id),
  created_at       timestamptz NOT NULL
);
CREATE INDEX plm_thread_messages_thread_idx ON plm_thread_messages (thread_id, created_at);
CREATE TABLE plm_thread_mentions (
  message_id       uuid NOT NULL REFERENCES plm_thread_messages (id),
  thread_id        uuid NOT NULL REFERENCES plm_threads (id),
  comune_istat     char(6) NOT NULL,
  region_code      char(2) NOT NULL,
  user_id          uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (message_id, user_id)
);
-- Who was sent an e-mail about a message (once each; the job that sends them retries safely).
CREATE TABLE plm_thread_notifications (
  message_id       uuid NOT NULL REFERENCES plm_thread_messages (id),
  thread_id        uuid NOT NULL REFERENCES plm_threads (id),
  comune_istat     char(6) NOT NULL,
  region_code      char(2) NOT NULL,
  user_id          uuid NOT NULL REFERENCES users (id),
  reason           text NOT NULL CHECK (reason IN ('MENZIONE', 'PARTECIPANTE')),
  sent_at          timestamptz,
  PRIMARY KEY (message_id, user_id)
);

-- Documents: the adoption resolution of a plan, the minutes of a meeting, the attachments of a
-- thread's message. The bytes are in plm_document_contents, encrypted (platform/documents).
CREATE TABLE plm_documents (
  id               uuid PRIMARY KEY,
  comune_istat     char(6),
  region_code      char(2) NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('DELIBERA', 'VERBALE', 'ALLEGATO')),
  plan_id          uuid REFERENCES plm_plans (id),
  meeting_id       uuid REFERENCES plm_meetings (id),
  message_id       uuid REFERENCES plm_thread_messages (id),
  file_name        text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  media_type       text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes       integer NOT NULL CHECK (size_bytes > 0),
  sha256           char(64) NOT NULL,
  uploaded_by      uuid NOT NULL REFERENCES users (id),
  uploaded_at      timestamptz NOT NULL,
  CHECK (num_nonnulls(plan_id, meeting_id, message_id) = 1)
);
-- written after its description (the foreign key), read through it: row-level security on the
-- contents is that of the description
CREATE TABLE plm_document_contents (
  id               uuid PRIMARY KEY REFERENCES plm_documents (id),
  comune_istat     char(6),
  content          text NOT NULL
);
ALTER TABLE plm_plans ADD FOREIGN KEY (adoption_document_id) REFERENCES plm_documents (id);
ALTER TABLE plm_meetings ADD FOREIGN KEY (minutes_document_id) REFERENCES plm_documents (id);

-- A frozen version never changes.
CREATE FUNCTION plm_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a version of a plan cannot change' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER plm_plan_versions_immutable BEFORE UPDATE OR DELETE ON plm_plan_versions
  FOR EACH ROW EXECUTE FUNCTION plm_version_immutable();

-- Row-level security.
DO $$
DECLARE t text;
  is_revisore constant text := 'EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id::text = incas_setting(''user_id'') AND r.role = ''revisore'')';
  national constant text := 'incas_setting(''scope'') IN (''national'', ''platform'', ''system'')';
  own_region constant text := '(incas_setting(''scope'') = ''regione'' AND region_code = incas_setting(''region''))';
  read_cond text;
BEGIN
  read_cond := format('incas_is_tenant(comune_istat) OR %s OR (%s AND NOT %s)', own_region, national, is_revisore);
  -- the plan and what it holds: the Comune writes
  FOREACH t IN ARRAY ARRAY['plm_plans', 'plm_plan_events', 'plm_plan_versions', 'plm_actions', 'plm_action_partners',
                           'plm_indicators', 'plm_indicator_targets', 'plm_monitorings', 'plm_indicator_values'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY plm_read ON %I FOR SELECT TO incas_app USING (%s)', t, read_cond);
    EXECUTE format('CREATE POLICY plm_insert ON %I FOR INSERT TO incas_app WITH CHECK (incas_is_tenant(comune_istat))', t);
    EXECUTE format('CREATE POLICY plm_update ON %I FOR UPDATE TO incas_app USING (incas_is_tenant(comune_istat)) WITH CHECK (incas_is_tenant(comune_istat))', t);
    EXECUTE format('CREATE POLICY plm_delete ON %I FOR DELETE TO incas_app USING (incas_is_tenant(comune_istat))', t);
    EXECUTE format('CREATE POLICY owner_all ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
  -- networks, meetings, threads and documents: the Comune (its own), the Region's scope (its own
  -- Region's, a Comune's included: a Region joins its Comuni's threads and networks) and the
  -- national scope (ANCI/Cittalia) write; the service narrows by role and by kind
  FOREACH t IN ARRAY ARRAY['plm_networks', 'plm_network_members', 'plm_meetings', 'plm_meeting_organisations',
                           'plm_follow_ups', 'plm_threads', 'plm_thread_messages', 'plm_thread_mentions',
                           'plm_thread_notifications', 'plm_documents'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY plm_read ON %I FOR SELECT TO incas_app USING (%s)', t, read_cond);
    EXECUTE format('CREATE POLICY plm_insert ON %I FOR INSERT TO incas_app WITH CHECK (%s)', t, read_cond);
    EXECUTE format('CREATE POLICY plm_update ON %I FOR UPDATE TO incas_app USING (%s) WITH CHECK (%s)', t, read_cond, read_cond);
    EXECUTE format('CREATE POLICY plm_delete ON %I FOR DELETE TO incas_app USING (%s)', t, read_cond);
    EXECUTE format('CREATE POLICY owner_all ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END
$$;
ALTER TABLE plm_document_contents ENABLE ROW LEVEL SECURITY;
ALTER TABLE plm_document_contents FORCE ROW LEVEL SECURITY;
CREATE POLICY plm_contents ON plm_document_contents TO incas_app
  USING (id IN (SELECT d.id FROM plm_documents d)) WITH CHECK (id IN (SELECT d.id FROM plm_documents d));
CREATE POLICY owner_all ON plm_document_contents TO CURRENT_USER USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE ON plm_plans, plm_actions, plm_monitorings, plm_networks, plm_meetings, plm_follow_ups,
  plm_threads, plm_thread_notifications TO incas_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON plm_action_partners, plm_indicators, plm_indicator_targets,
  plm_indicator_values, plm_network_members, plm_meeting_organisations, plm_thread_mentions, plm_documents,
  plm_document_contents TO incas_app;
GRANT DELETE ON plm_actions TO incas_app;
-- history is append-only
GRANT SELECT, INSERT ON plm_plan_events, plm_plan_versions, plm_thread_messages TO incas_app;
