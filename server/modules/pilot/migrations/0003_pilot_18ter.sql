-- Pilot art. 18-ter: referrals, persons and households, permits, cases, admissions, PAIs and their
-- measures, budgets, outcomes, critical issues and tasks (domain.md §7.2–7.3).
-- Every table here is tenant-owned: a Comune's rows are read and written only under that Comune's
-- tenancy (row-level security, FORCE'd), or by the system scope (jobs, demo seed).
-- Identity fields live only in pilot_persons.identity_enc, encrypted by the application.

-- Versioned catalogue of exploitation indicators (art. 603-bis c.p. indices, ILO indicators).
CREATE TABLE pilot_indicators (
  catalogue_version  integer NOT NULL,
  code               text NOT NULL,
  source             text NOT NULL CHECK (source IN ('603bis', 'ilo', 'lg2021', 'locale')),
  position           integer NOT NULL,
  label_it           text NOT NULL,
  label_en           text NOT NULL,
  PRIMARY KEY (catalogue_version, code)
);
INSERT INTO pilot_indicators (catalogue_version, code, source, position, label_it, label_en) VALUES
  (1, '603BIS_1', '603bis', 1, 'Retribuzione reiteratamente difforme dai contratti collettivi o sproporzionata al lavoro prestato', 'Repeated pay clearly below collective agreements or out of proportion to the work done'),
  (1, '603BIS_2', '603bis', 2, 'Reiterata violazione della normativa su orario di lavoro, riposi, aspettativa obbligatoria e ferie', 'Repeated breach of rules on working time, rest, compulsory leave and holidays'),
  (1, '603BIS_3', '603bis', 3, 'Violazioni delle norme in materia di sicurezza e igiene nei luoghi di lavoro', 'Breaches of health and safety rules at work'),
  (1, '603BIS_4', '603bis', 4, 'Condizioni di lavoro, metodi di sorveglianza o situazioni alloggiative degradanti', 'Degrading working conditions, surveillance methods or housing'),
  (1, 'ILO_01', 'ilo', 5, 'Abuso della condizione di vulnerabilità', 'Abuse of vulnerability'),
  (1, 'ILO_02', 'ilo', 6, 'Inganno', 'Deception'),
  (1, 'ILO_03', 'ilo', 7, 'Limitazione della libertà di movimento', 'Restriction of movement'),
  (1, 'ILO_04', 'ilo', 8, 'Isolamento', 'Isolation'),
  (1, 'ILO_05', 'ilo', 9, 'Violenza fisica e sessuale', 'Physical and sexual violence'),
  (1, 'ILO_06', 'ilo', 10, 'Intimidazioni e minacce', 'Intimidation and threats'),
  (1, 'ILO_07', 'ilo', 11, 'Trattenimento dei documenti di identità', 'Retention of identity documents'),
  (1, 'ILO_08', 'ilo', 12, 'Trattenimento della retribuzione', 'Withholding of wages'),
  (1, 'ILO_09', 'ilo', 13, 'Servitù per debiti', 'Debt bondage'),
  (1, 'ILO_10', 'ilo', 14, 'Condizioni di lavoro e di vita abusive', 'Abusive working and living conditions'),
  (1, 'ILO_11', 'ilo', 15, 'Straordinario eccessivo', 'Excessive overtime');

-- Next pseudonym number per Comune and year (CT-2026-0007).
CREATE TABLE pilot_counters (
  comune_istat  char(6) NOT NULL REFERENCES comuni (istat_code),
  year          integer NOT NULL,
  last          integer NOT NULL,
  PRIMARY KEY (comune_istat, year)
);

CREATE TABLE pilot_persons (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  comune_istat   char(6) NOT NULL REFERENCES comuni (istat_code),
  pseudonym      text NOT NULL UNIQUE,
  sex            text NOT NULL CHECK (sex IN ('F', 'M', 'X')),
  -- the exact birth date is encrypted; the year stays in clear for age bands in aggregates
  birth_year     integer NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),
  birth_country  char(2) NOT NULL,
  nationalities  text[] NOT NULL CHECK (cardinality(nationalities) >= 1),
  languages      text[] NOT NULL DEFAULT '{}',
  -- AES-256-GCM JSON: surname, given names, birth date, codice fiscale, contacts, address
  identity_enc   text NOT NULL,
  -- keyed blind indexes (HMAC-SHA-256) for exact search without decrypting
  name_index     text NOT NULL,
  cf_index       text,
  -- idempotent import: a keyed digest of the identifying columns of an imported row
  import_key     text,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);
CREATE INDEX pilot_persons_comune_idx ON pilot_persons (comune_istat, created_at);
CREATE INDEX pilot_persons_name_idx ON pilot_persons (comune_istat, name_index);
CREATE UNIQUE INDEX pilot_persons_cf_uq ON pilot_persons (comune_istat, cf_index) WHERE cf_index IS NOT NULL;
CREATE UNIQUE INDEX pilot_persons_import_uq ON pilot_persons (comune_istat, import_key) WHERE import_key IS NOT NULL;

CREATE TABLE pilot_referrals (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  comune_istat       char(6) NOT NULL REFERENCES comuni (istat_code),
  received_on        date NOT NULL,
  source             text NOT NULL,
  channel            text NOT NULL,
  sector             text NOT NULL,
  catalogue_version  integer NOT NULL,
  outcome            text NOT NULL DEFAULT 'in_screening',
  outcome_on         date,
  case_id            uuid,
  created_by         uuid REFERENCES users (id),
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL
);
CREATE INDEX pilot_referrals_comune_idx ON pilot_referrals (comune_istat, received_on);

CREATE TABLE pilot_referral_checks (
  referral_id        uuid NOT NULL REFERENCES pilot_referrals (id),
  comune_istat       char(6) NOT NULL REFERENCES comuni (istat_code),
  catalogue_version  integer NOT NULL,
  indicator_code     text NOT NULL,
  observed           text NOT NULL CHECK (observed IN ('si', 'no', 'non_noto')),
  PRIMARY KEY (referral_id, indicator_code),
  FOREIGN KEY (catalogue_version, indicator_code) REFERENCES pilot_indicators (catalogue_version, code)
);

-- A case (presa in carico) of one art. 18-ter permit holder and their household.
CREATE TABLE pilot_cases (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  comune_istat      char(6) NOT NULL REFERENCES comuni (istat_code),
  holder_person_id  uuid NOT NULL UNIQUE REFERENCES pilot_persons (id),
  referral_id       uuid REFERENCES pilot_referrals (id),
  owner_user_id     uuid NOT NULL REFERENCES users (id),
  status            text NOT NULL DEFAULT 'aperto'
                      CHECK (status IN ('aperto', 'ammesso_misure', 'pai_attivo', 'sospeso', 'chiuso')),
  opened_on         date NOT NULL,
  admitted_on       date,
  closed_on         date,
  exit_reason       text CHECK (exit_reason IN ('lavoro_autonomia', 'trasferimento', 'abbandono', 'revoca_art7', 'scadenza_permesso')),
  in_sai            boolean NOT NULL DEFAULT true,
  version           integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  CHECK ((status = 'chiuso') = (exit_reason IS NOT NULL AND closed_on IS NOT NULL))
);
CREATE INDEX pilot_cases_comune_idx ON pilot_cases (comune_istat, status, opened_on DESC);
CREATE INDEX pilot_cases_owner_idx ON pilot_cases (owner_user_id);
ALTER TABLE pilot_referrals ADD CONSTRAINT pilot_referrals_case_fk FOREIGN KEY (case_id) REFERENCES pilot_cases (id);

-- The household: the holder and the family members, with the relation to the holder. Kind and
-- degree are computed by the application from the relation, never typed in.
CREATE TABLE pilot_case_members (
  case_id           uuid NOT NULL REFERENCES pilot_cases (id),
  person_id         uuid NOT NULL UNIQUE REFERENCES pilot_persons (id),
  comune_istat      char(6) NOT NULL REFERENCES comuni (istat_code),
  role              text NOT NULL CHECK (role IN ('titolare', 'familiare')),
  relation          text,
  kinship_kind      text,
  degree            integer,
  in_nucleo         boolean NOT NULL DEFAULT true,
  present_in_italy  boolean NOT NULL DEFAULT true,
  created_at        timestamptz NOT NULL,
  PRIMARY KEY (case_id, person_id),
  CHECK ((role = 'titolare') = (relation IS NULL))
);

-- Admission to the assistance measures (art. 6 DL 145/2024) and its revocation (art. 7): decisions
-- of the referente comunale, one live admission per person.
CREATE TABLE pilot_admissions (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id            uuid NOT NULL REFERENCES pilot_cases (id),
  person_id          uuid NOT NULL REFERENCES pilot_persons (id),
  comune_istat       char(6) NOT NULL REFERENCES comuni (istat_code),
  status             text NOT NULL CHECK (status IN ('ammesso', 'revocato', 'cessato')),
  decided_on         date NOT NULL,
  decided_by         uuid NOT NULL REFERENCES users (id),
  reason             text NOT NULL,
  eligibility_code   text NOT NULL,
  ended_on           date,
  ended_by           uuid REFERENCES users (id),
  end_reason         text,
  created_at         timestamptz NOT NULL
);
CREATE UNIQUE INDEX pilot_admissions_live_uq ON pilot_admissions (person_id) WHERE status = 'ammesso';
CREATE INDEX pilot_admissions_case_idx ON pilot_admissions (case_id);

-- Append-only history of a case: every transition and key event (domain.md §1.6).
CREATE TABLE pilot_case_events (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id        uuid NOT NULL REFERENCES pilot_cases (id),
  comune_istat   char(6) NOT NULL REFERENCES comuni (istat_code),
  person_id      uuid REFERENCES pilot_persons (id),
  type           text NOT NULL,
  from_status    text,
  to_status      text,
  occurred_on    date NOT NULL,
  recorded_at    timestamptz NOT NULL,
  actor_user_id  uuid REFERENCES users (id),
  note           text
);
CREATE INDEX pilot_case_events_case_idx ON pilot_case_events (case_id, id);

CREATE TABLE pilot_permits (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id                uuid NOT NULL REFERENCES pilot_persons (id),
  comune_istat             char(6) NOT NULL REFERENCES comuni (istat_code),
  basis                    text NOT NULL CHECK (basis IN ('art_18ter', 'art_18', 'motivi_famiglia', 'lavoro_subordinato', 'lavoro_autonomo', 'studio', 'altro')),
  questura                 text NOT NULL,
  initiated_by             text CHECK (initiated_by IN ('proposta_ag', 'parere_inl')),
  -- the permit number is an identifier: encrypted like the identity fields
  number_enc               text,
  receipt_on               date,
  issued_on                date,
  expires_on               date,
  renewal_requested_on     date,
  renewed_on               date,
  renewal_count            integer NOT NULL DEFAULT 0,
  conversion_requested_on  date,
  converted_on             date,
  converted_to             text,
  revoked_on               date,
  revocation_reason        text,
  predecessor_id           uuid REFERENCES pilot_permits (id),
  created_at               timestamptz NOT NULL,
  updated_at               timestamptz NOT NULL
);
CREATE INDEX pilot_permits_person_idx ON pilot_permits (person_id);
CREATE INDEX pilot_permits_expiry_idx ON pilot_permits (comune_istat, expires_on);

-- Programma di Assistenza Individuale: the live row; earlier versions are frozen snapshots.
CREATE TABLE pilot_pais (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id          uuid NOT NULL REFERENCES pilot_cases (id),
  person_id        uuid NOT NULL REFERENCES pilot_persons (id),
  comune_istat     char(6) NOT NULL REFERENCES comuni (istat_code),
  version          integer NOT NULL DEFAULT 1,
  status           text NOT NULL DEFAULT 'bozza'
                     CHECK (status IN ('bozza', 'condiviso', 'approvato', 'in_corso', 'in_revisione', 'chiuso')),
  needs            jsonb NOT NULL DEFAULT '{}'::jsonb,
  objectives       jsonb NOT NULL DEFAULT '[]'::jsonb,
  shared_on        date,
  notice_language  text,
  approved_on      date,
  approved_by      uuid REFERENCES users (id),
  review_due_on    date,
  closed_on        date,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE UNIQUE INDEX pilot_pais_person_live_uq ON pilot_pais (person_id) WHERE status <> 'chiuso';
CREATE INDEX pilot_pais_case_idx ON pilot_pais (case_id);

CREATE TABLE pilot_pai_versions (
  pai_id        uuid NOT NULL REFERENCES pilot_pais (id),
  version       integer NOT NULL,
  comune_istat  char(6) NOT NULL REFERENCES comuni (istat_code),
  snapshot      jsonb NOT NULL,
  frozen_at     timestamptz NOT NULL,
  PRIMARY KEY (pai_id, version)
);

CREATE TABLE pilot_measures (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pai_id           uuid NOT NULL REFERENCES pilot_pais (id),
  comune_istat     char(6) NOT NULL REFERENCES comuni (istat_code),
  type             text NOT NULL,
  provider_name    text NOT NULL,
  provider_org_id  uuid REFERENCES organisations (id),
  start_on         date NOT NULL,
  end_on           date,
  hours_planned    numeric(7, 1) NOT NULL DEFAULT 0 CHECK (hours_planned >= 0),
  hours_actual     numeric(7, 1) CHECK (hours_actual >= 0),
  cost_planned     numeric(12, 2) NOT NULL CHECK (cost_planned >= 0),
  cost_actual      numeric(12, 2) CHECK (cost_actual >= 0),
  status           text NOT NULL DEFAULT 'pianificata'
                     CHECK (status IN ('pianificata', 'avviata', 'completata', 'interrotta', 'annullata')),
  outcome          text,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  CHECK (end_on IS NULL OR end_on >= start_on)
);
CREATE INDEX pilot_measures_pai_idx ON pilot_measures (pai_id);
CREATE INDEX pilot_measures_comune_idx ON pilot_measures (comune_istat, start_on);

-- Each Comune's annual allocation for the assistance measures.
CREATE TABLE pilot_budgets (
  comune_istat  char(6) NOT NULL REFERENCES comuni (istat_code),
  year          integer NOT NULL CHECK (year BETWEEN 2020 AND 2100),
  allocation    numeric(12, 2) NOT NULL CHECK (allocation >= 0),
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (comune_istat, year)
);

CREATE TABLE pilot_contracts (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id     uuid NOT NULL REFERENCES pilot_persons (id),
  case_id       uuid NOT NULL REFERENCES pilot_cases (id),
  comune_istat  char(6) NOT NULL REFERENCES comuni (istat_code),
  type          text NOT NULL,
  ateco         text NOT NULL,
  ccnl          text,
  weekly_hours  numeric(4, 1) CHECK (weekly_hours > 0 AND weekly_hours <= 60),
  start_on      date NOT NULL,
  end_on        date,
  created_at    timestamptz NOT NULL,
  CHECK (end_on IS NULL OR end_on >= start_on)
);
CREATE INDEX pilot_contracts_case_idx ON pilot_contracts (case_id);

-- Other outcomes: certificates, Assegno di inclusione, housing autonomy, follow-ups.
CREATE TABLE pilot_outcomes (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id     uuid NOT NULL REFERENCES pilot_persons (id),
  case_id       uuid NOT NULL REFERENCES pilot_cases (id),
  comune_istat  char(6) NOT NULL REFERENCES comuni (istat_code),
  kind          text NOT NULL CHECK (kind IN ('certificato', 'assegno_inclusione', 'autonomia_abitativa', 'follow_up_6', 'follow_up_12')),
  occurred_on   date NOT NULL,
  employed      boolean,
  detail        text,
  created_at    timestamptz NOT NULL
);
CREATE INDEX pilot_outcomes_case_idx ON pilot_outcomes (case_id);

-- Critical issues and corrective actions per Comune, raised by the Comune or by ANCI/Cittalia.
CREATE TABLE pilot_issues (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  comune_istat   char(6) NOT NULL REFERENCES comuni (istat_code),
  raised_by      uuid NOT NULL REFERENCES users (id),
  raised_by_level text NOT NULL CHECK (raised_by_level IN ('comune', 'national')),
  category       text NOT NULL,
  title          text NOT NULL,
  description    text NOT NULL,
  corrective_action text NOT NULL DEFAULT '',
  owner          text NOT NULL,
  due_on         date NOT NULL,
  status         text NOT NULL DEFAULT 'aperta' CHECK (status IN ('aperta', 'in_corso', 'risolta', 'chiusa')),
  resolution     text,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);
CREATE INDEX pilot_issues_comune_idx ON pilot_issues (comune_istat, status);

-- Work list: tasks generated by the daily job (permit expiries, PAI reviews, follow-ups, overdue
-- measures). Labels carry pseudonyms only. `dedupe_key` makes the job idempotent.
CREATE TABLE pilot_tasks (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  comune_istat      char(6) NOT NULL REFERENCES comuni (istat_code),
  assignee_user_id  uuid NOT NULL REFERENCES users (id),
  kind              text NOT NULL CHECK (kind IN ('permit_expiry', 'pai_review', 'follow_up', 'measure_overdue')),
  due_on            date NOT NULL,
  case_id           uuid NOT NULL REFERENCES pilot_cases (id),
  label             text NOT NULL,
  dedupe_key        text NOT NULL UNIQUE,
  status            text NOT NULL DEFAULT 'aperto' CHECK (status IN ('aperto', 'fatto')),
  created_at        timestamptz NOT NULL,
  done_at           timestamptz
);
CREATE INDEX pilot_tasks_assignee_idx ON pilot_tasks (assignee_user_id, status, due_on);

-- ---------------------------------------------------------------------------------------------
-- Row-level security: a Comune's rows for that Comune; the system scope (jobs, seed) for all.
-- Issues are also read and written by the national scope (ANCI/Cittalia, MLPS read).
-- ---------------------------------------------------------------------------------------------
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['pilot_counters', 'pilot_persons', 'pilot_referrals', 'pilot_referral_checks', 'pilot_cases',
    'pilot_case_members', 'pilot_admissions', 'pilot_case_events', 'pilot_permits', 'pilot_pais', 'pilot_pai_versions',
    'pilot_measures', 'pilot_budgets', 'pilot_contracts', 'pilot_outcomes', 'pilot_tasks']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_rw ON %I TO incas_app USING (incas_is_tenant(comune_istat) OR incas_setting(''scope'') = ''system'') '
                   'WITH CHECK (incas_is_tenant(comune_istat) OR incas_setting(''scope'') = ''system'')', t);
    EXECUTE format('CREATE POLICY owner_all ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END
$$;

ALTER TABLE pilot_issues ENABLE ROW LEVEL SECURITY;
ALTER TABLE pilot_issues FORCE ROW LEVEL SECURITY;
CREATE POLICY issues_rw ON pilot_issues TO incas_app
  USING (incas_is_tenant(comune_istat) OR incas_setting('scope') IN ('national', 'system'))
  WITH CHECK (incas_is_tenant(comune_istat) OR incas_setting('scope') IN ('national', 'system'));
CREATE POLICY owner_all ON pilot_issues TO CURRENT_USER USING (true) WITH CHECK (true);

-- the budget allocation is set by the platform administrator for any Comune
CREATE POLICY budgets_platform ON pilot_budgets TO incas_app
  USING (incas_setting('scope') = 'platform') WITH CHECK (incas_setting('scope') = 'platform');

GRANT SELECT ON pilot_indicators TO incas_app;
GRANT SELECT, INSERT, UPDATE ON pilot_counters, pilot_persons, pilot_referrals, pilot_cases, pilot_case_members,
  pilot_admissions, pilot_permits, pilot_pais, pilot_measures, pilot_budgets, pilot_issues, pilot_tasks TO incas_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON pilot_referral_checks TO incas_app;
GRANT SELECT, INSERT ON pilot_case_events, pilot_pai_versions, pilot_contracts, pilot_outcomes TO incas_app;
