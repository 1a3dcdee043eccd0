-- MLPS-funded municipal projects (issue 12; domain.md §5, §7.2–7.3; decision 0049).
--
-- Money is integer euro cents (bigint) everywhere; percentages are basis points (7% = 700).
--
-- National tables (funding sources, calls and their rule versions, the indicator catalogue) are
-- readable by every signed-in scope and written by the national scope. Everything of a project
-- carries the lead Comune (comune_istat) and the project id: a Comune reads and writes its own;
-- ANCI/Cittalia and MLPS (national scope) read all and write what the service lets them (reviews,
-- decisions, queries); a Regione reads its own Comuni's projects; a revisore indipendente (whose
-- organisation is national in scope) sees only the projects assigned to them, and the service
-- narrows that further to the assignment's period and validity and to writing the verification.

-- A funding source (FNPM, PN FAMI 2021-2027, PN Inclusione, …).
CREATE TABLE project_funding_sources (
  id              uuid PRIMARY KEY,
  code            text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9_]{1,39}$'),
  name_it         text NOT NULL CHECK (length(name_it) BETWEEN 2 AND 200),
  name_en         text CHECK (length(name_en) <= 200),
  -- e.g. "PN FAMI 2021-2027 OS2 azione f"
  programme_ref   text CHECK (length(programme_ref) <= 300),
  created_at      timestamptz NOT NULL
);

-- A call for proposals (avviso) of a funding source.
CREATE TABLE project_calls (
  id                uuid PRIMARY KEY,
  funding_source_id uuid NOT NULL REFERENCES project_funding_sources (id),
  code              text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_./-]{1,59}$'),
  title_it          text NOT NULL CHECK (length(title_it) BETWEEN 2 AND 300),
  title_en          text CHECK (length(title_en) <= 300),
  created_by        uuid REFERENCES users (id),
  created_at        timestamptz NOT NULL
);

-- The rules of a call, versioned: eligibility period, cost categories, caps, co-financing,
-- document types and payment means (the CallRules schema, projects/shared/rules.schema.ts). A
-- published version never changes; a project is bound to the version it was designed under.
CREATE TABLE project_call_versions (
  id              uuid PRIMARY KEY,
  call_id         uuid NOT NULL REFERENCES project_calls (id),
  version_no      integer NOT NULL CHECK (version_no > 0),
  rules           jsonb NOT NULL,
  note            text CHECK (length(note) <= 2000),
  published_at    timestamptz,
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL,
  UNIQUE (call_id, version_no)
);

CREATE FUNCTION project_call_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'a published version of a call cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER project_call_versions_immutable BEFORE UPDATE OR DELETE ON project_call_versions
  FOR EACH ROW EXECUTE FUNCTION project_call_version_immutable();

-- The indicator catalogue: the PN FAMI common indicators (Reg. (UE) 2021/1147 Annex VIII,
-- O.2.x/R.2.x) and custom ones (of one project when project_id is set).
CREATE TABLE project_indicator_defs (
  code            text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$'),
  framework       text NOT NULL CHECK (framework IN ('AMIF_ANNEX_VIII', 'ESF_PLUS', 'PN_SPECIFIC', 'PILOT', 'INCAS', 'CUSTOM')),
  kind            text NOT NULL CHECK (kind IN ('OUTPUT', 'RESULT')),
  label_it        text NOT NULL CHECK (length(label_it) BETWEEN 2 AND 400),
  label_en        text CHECK (length(label_en) <= 400),
  unit            text NOT NULL CHECK (length(unit) BETWEEN 1 AND 60),
  disaggregations text[] NOT NULL DEFAULT '{}',
  -- how the platform computes it from its own data, when it can (null: entered with a source)
  computation     text CHECK (length(computation) <= 100),
  created_at      timestamptz NOT NULL
);

CREATE TABLE projects (
  id               uuid PRIMARY KEY,
  -- the Codice Unico di Progetto (15 characters), unique when given
  cup              char(15) UNIQUE CHECK (cup ~ '^[A-Z][0-9]{2}[A-Z][0-9A-Z]{11}$'),
  title            text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  acronym          text CHECK (length(acronym) <= 40),
  call_version_id  uuid NOT NULL REFERENCES project_call_versions (id),
  -- the lead beneficiary: a Comune (its organisation) and, for row-level security, its code
  comune_istat     char(6) NOT NULL REFERENCES comuni (istat_code),
  lead_org_id      uuid NOT NULL REFERENCES organisations (id),
  start_date       date NOT NULL,
  end_date         date NOT NULL CHECK (end_date >= start_date),
  status           text NOT NULL CHECK (status IN ('BOZZA', 'PRESENTATO', 'APPROVATO', 'IN_CORSO', 'CONCLUSO', 'REVOCATO')),
  agreement_ref    text CHECK (length(agreement_ref) <= 200),
  summary          text CHECK (length(summary) <= 4000),
  created_by       uuid NOT NULL REFERENCES users (id),
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  row_version      integer NOT NULL DEFAULT 1
);
CREATE INDEX projects_comune_idx ON projects (comune_istat);
CREATE INDEX projects_call_idx ON projects (call_version_id);

CREATE TABLE project_partners (
  project_id       uuid NOT NULL REFERENCES projects (id),
  comune_istat     char(6) NOT NULL,
  organisation_id  uuid NOT NULL REFERENCES organisations (id),
  role             text NOT NULL CHECK (role IN ('PARTNER', 'ENTE_ATTUATORE', 'ASSOCIATO', 'ALTRO')),
  PRIMARY KEY (project_id, organisation_id)
);

-- The logical framework: the general objective, specific objectives and expected results, as a
-- tree (a specific objective under the general one, a result under a specific objective).
CREATE TABLE project_logframe_items (
  id               uuid PRIMARY KEY,
  project_id       uuid NOT NULL REFERENCES projects (id),
  comune_istat     char(6) NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('OBIETTIVO_GENERALE', 'OBIETTIVO_SPECIFICO', 'RISULTATO')),
  parent_id        uuid REFERENCES project_logframe_items (id),
  code             text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9.]{0,19}$'),
  text             text NOT NULL CHECK (length(text) BETWEEN 2 AND 2000),
  position         integer NOT NULL DEFAULT 0,
  UNIQUE (project_id, code)
);

-- Activities (WBS): a code such as 1.2, under a work package (parent) and towards a result, with
-- their planned and actual dates and progress (the Gantt chart).
CREATE TABLE project_activities (
  id               uuid PRIMARY KEY,
  project_id       uuid NOT NULL REFERENCES projects (id),
  comune_istat     char(6) NOT NULL,
  code             text NOT NULL CHECK (code ~ '^[0-9]{1,2}(\.[0-9]{1,2}){0,3}$'),
  parent_id        uuid REFERENCES project_activities (id),
  result_id        uuid REFERENCES project_logframe_items (id),
  title            text NOT NULL CHECK (length(title) BETWEEN 2 AND 300),
  planned_start    date NOT NULL,
  planned_end      date NOT NULL CHECK (planned_end >= planned_start),
  actual_start     date,
  actual_end       date CHECK (actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start),
  progress_pct     integer NOT NULL DEFAULT 0 CHECK (progress_pct BETWEEN 0 AND 100),
  UNIQUE (project_id, code)
);

-- The indicators a project reports on, with baseline, targets per period and disaggregations.
CREATE TABLE project_indicators (
  id               uuid PRIMARY KEY,
  project_id       uuid NOT NULL REFERENCES projects (id),
  comune_istat     char(6) NOT NULL,
  indicator_code   text NOT NULL REFERENCES project_indicator_defs (code),
  result_id        uuid REFERENCES project_logframe_items (id),
  baseline         numeric(14, 2) NOT NULL DEFAULT 0,
  disaggregations  text[] NOT NULL DEFAULT '{}',
  UNIQUE (project_id, indicator_code)
);
CREATE TABLE project_indicator_targets (
  project_indicator_id uuid NOT NULL REFERENCES project_indicators (id) ON DELETE CASCADE,
  comune_istat     char(6) NOT NULL,
  period_end       date NOT NULL,
  value            numeric(14, 2) NOT NULL CHECK (value >= 0),
  PRIMARY KEY (project_indicator_id, period_end)
);

-- The budget, in versions: the first is the plan as designed; once MLPS approves a version it is
-- frozen, and a rimodulazione is a new version (copying the lines) proposed with its reason and
-- approved or rejected by MLPS. The approved version with the highest number is in force.
CREATE TABLE project_budget_versions (
  id               uuid PRIMARY KEY,
  project_id       uuid NOT NULL REFERENCES projects (id),
  comune_istat     char(6) NOT NULL,
  version_no       integer NOT NULL CHECK (version_no > 0),
  status           text NOT NULL CHECK (status IN ('BOZZA', 'PROPOSTA', 'APPROVATA', 'RESPINTA')),
  kind             text NOT NULL CHECK (kind IN ('INIZIALE', 'RIMODULAZIONE')),
  reason           text CHECK (length(reason) <= 4000),
  co_financing_cents bigint NOT NULL DEFAULT 0 CHECK (co_financing_cents >= 0),
  submitted_by     uuid REFERENCES users (id),
  submitted_at     timestamptz,
  decided_by       uuid REFERENCES users (id),
  decided_at       timestamptz,
  decision_note    text CHECK (length(decision_note) <= 4000),
  created_by       uuid NOT NULL REFERENCES users (id),
  created_at       timestamptz NOT NULL,
  row_version      integer NOT NULL DEFAULT 1,
  UNIQUE (project_id, version_no)
);
-- at most one version being edited or waiting for a decision at a time
CREATE UNIQUE INDEX project_budget_versions_open_idx ON project_budget_versions (project_id)
  WHERE status IN ('BOZZA', 'PROPOSTA');

-- A budget line: a cost category (of the call's rules) for the lead or a partner. `line_key` stays
-- the same across versions (expenses are charged to it); a line added by a rimodulazione gets a
-- new key.
CREATE TABLE project_budget_lines (
  id               uuid PRIMARY KEY,
  budget_version_id uuid NOT NULL REFERENCES project_budget_versions (id),
  project_id       uuid NOT NULL REFERENCES projects (id),
  comune_istat     char(6) NOT NULL,
  line_key         uuid NOT NULL,
  category_code    text NOT NULL CHECK (length(category_code) BETWEEN 1 AND 10),
  partner_org_id   uuid REFERENCES organisations (id),
  description      text NOT NULL CHECK (length(description) BETWEEN 2 AND 300),
  amount_cents     bigint NOT NULL CHECK (amount_cents >= 0 AND amount_cents < 100000000000),
  position         integer NOT NULL DEFAULT 0,
  UNIQUE (budget_version_id, line_key)
);
CREATE INDEX project_budget_lines_project_idx ON project_budget_lines (project_id, line_key);

CREATE FUNCTION project_budget_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE st text;
BEGIN
  SELECT status INTO st FROM project_budget_versions
   WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.budget_version_id ELSE NEW.budget_version_id END);
  IF st IN ('PROPOSTA', 'APPROVATA', 'RESPINTA') THEN
    RAISE EXCEPTION 'the lines of a proposed or decided budget version cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER project_budget_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON project_budget_lines
  FOR EACH ROW EXECUTE FUNCTION project_budget_frozen();

-- A revisore indipendente assigned to a project: the expenses of [period_start, period_end] may
-- be verified, while the assignment is valid ([valid_from, valid_to]) and not revoked.
CREATE TABLE project_revisore_assignments (
  id               uuid PRIMARY KEY,
  project_id       uuid NOT NULL REFERENCES projects (id),
  comune_istat     char(6) NOT NULL,
  user_id          uuid NOT NULL REFERENCES users (id),
  period_start     date NOT NULL,
  period_end       date NOT NULL CHECK (period_end >= period_start),
  valid_from       date NOT NULL,
  valid_to         date NOT NULL CHECK (valid_to >= valid_from),
  assigned_by      uuid NOT NULL REFERENCES users (id),
  assigned_at      timestamptz NOT NULL,
  revoked_by       uuid REFERENCES users (id),
  revoked_at       timestamptz
);
CREATE INDEX project_revisore_assignments_user_idx ON project_revisore_assignments (user_id, project_id);

-- An expense (giustificativo) charged to the project. issuer_key and number_key are the
-- normalised issuer (tax id, else name) and document number, for the double-funding check.
CREATE TABLE project_expenses (
  id               uuid PRIMARY KEY,
  project_id       uuid NOT NULL REFERENCES projects (id),
  comune_istat     char(6) NOT NULL,
  line_key         uuid NOT NULL,
  activity_id      uuid REFERENCES project_activities (id),
  doc_type         text NOT NULL CHECK (doc_type ~ '^[A-Z_]{2,30}$'),
  issuer_name      text NOT NULL CHECK (length(issuer_name) BETWEEN 2 AND 200),
  -- a partita IVA (11 digits) or a codice fiscale (16 characters), checked by the service
  issuer_tax_id    text CHECK (issuer_tax_id ~ '^([0-9]{11}|[A-Z0-9]{16})$'),
  issuer_key       text NOT NULL,
  doc_number       text NOT NULL CHECK (length(doc_number) BETWEEN 1 AND 60),
  number_key       text NOT NULL,
  doc_date         date NOT NULL,
  description      text CHECK (length(description) <= 1000),
  -- the document's amounts: taxable amount and VAT; gross = net + VAT
  net_cents        bigint NOT NULL CHECK (net_cents >= 0 AND net_cents < 100000000000),
  vat_cents        bigint NOT NULL DEFAULT 0 CHECK (vat_cents >= 0 AND vat_cents < 100000000000),
  -- VAT is eligible (charged) only when the Comune cannot recover it
  vat_recoverable  boolean NOT NULL DEFAULT false,
  -- the part of the gross amount charged to this project
  charged_cents    bigint NOT NULL CHECK (charged_cents > 0 AND charged_cents <= net_cents + vat_cents),
  -- the payment proof (quietanza)
  payment_date     date,
  payment_means    text CHECK (payment_means ~ '^[A-Z_]{2,30}$'),
  payment_ref      text CHECK (length(payment_ref) <= 100),
  payment_cents    bigint CHECK (payment_cents >= 0 AND payment_cents < 100000000000),
  status           text NOT NULL CHECK (status IN ('BOZZA', 'CARICATA', 'VALIDATA', 'IN_DOMANDA', 'VERIFICATA')),
  -- warnings found by the checks when last saved (codes, e.g. "double_funding"), shown in words
  warnings         text[] NOT NULL DEFAULT '{}',
  import_id        uuid,
  created_by       uuid NOT NULL REFERENCES users (id),
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  row_version      integer NOT NULL DEFAULT 1
);
CREATE INDEX project_expenses_project_idx ON project_expenses (project_id, doc_date, id);
CREATE INDEX project_expenses_line_idx ON project_expenses (project_id, line_key);
CREATE INDEX project_expenses_document_idx ON project_expenses (issuer_key, number_key, doc_date);

-- The same document (issuer + number + date) charged elsewhere, across every Comune's projects,
-- without revealing anything of them but the project's CUP or title: the double-funding check
-- must see what row-level security hides from the Comune asking.
CREATE FUNCTION project_expense_same_document(p_issuer text, p_number text, p_date date, p_except uuid)
  RETURNS TABLE (expense_id uuid, project_id uuid, project_label text, own boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT e.id, e.project_id, coalesce(p.cup, p.title), incas_is_tenant(e.comune_istat)
    FROM project_expenses e JOIN projects p ON p.id = e.project_id
   WHERE e.issuer_key = p_issuer AND e.number_key = p_number AND e.doc_date = p_date
     AND (p_except IS NULL OR e.id <> p_except)
   LIMIT 20
$$;
REVOKE ALL ON FUNCTION project_expense_same_document(text, text, date, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION project_expense_same_document(text, text, date, uuid) TO incas_app;

-- Files of an expense (the giustificativo, the quietanza, …): the description here, the bytes,
-- encrypted with the data key, in project_document_contents (the document store).
CREATE TABLE project_expense_documents (
  id               uuid PRIMARY KEY,
  expense_id       uuid NOT NULL REFERENCES project_expenses (id),
  project_id       uuid NOT NULL REFERENCES projects (id),
  comune_istat     char(6) NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('GIUSTIFICATIVO', 'QUIETANZA', 'ALTRO')),
  filename         text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  content_type     text NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes       integer NOT NULL CHECK (size_bytes > 0),
  sha256           char(64) NOT NULL,
  uploaded_by      uuid NOT NULL REFERENCES users (id),
  uploaded_at      timestamptz NOT NULL
);
CREATE INDEX project_expense_documents_expense_idx ON project_expense_documents (expense_id);
CREATE TABLE project_document_contents (
  id               uuid PRIMARY KEY,
  project_id       uuid NOT NULL REFERENCES projects (id),
  comune_istat     char(6) NOT NULL,
  content          bytea NOT NULL
);

-- A reimbursement claim (domanda di rimborso) for a period. Once sent it never changes: the
-- expenses' figures are copied into project_claim_expenses, and later changes are a new version
-- (supersedes_id). states: domain.md §7.3.
CREATE TABLE project_claims (
  id               uuid PRIMARY KEY,
  project_id       uuid NOT NULL REFERENCES projects (id),
  comune_istat     char(6) NOT NULL,
  claim_no         integer NOT NULL CHECK (claim_no > 0),
  version_no       integer NOT NULL DEFAULT 1 CHECK (version_no > 0),
  supersedes_id    uuid REFERENCES project_claims (id),
  period_start     date NOT NULL,
  period_end       date NOT NULL CHECK (period_end >= period_start),
  status           text NOT NULL CHECK (status IN ('BOZZA', 'INVIATA', 'IN_VERIFICA', 'RICHIESTA_INTEGRAZIONI',
                                                   'CONTRODEDUZIONI', 'APPROVATA', 'LIQUIDATA', 'SOSTITUITA')),
  -- the totals as sent: per category, against budget, cumulative (frozen with the claim)
  totals           jsonb,
  requested_cents  bigint CHECK (requested_cents >= 0),
  -- the revisore's outcome, once the verbale is issued; what MLPS approved and paid
  verified_cents   bigint CHECK (verified_cents >= 0),
  verbale_no       text CHECK (length(verbale_no) <= 60),
  verbale_issued_at timestamptz,
  verbale_by       uuid REFERENCES users (id),
  approved_cents   bigint CHECK (approved_cents >= 0),
  paid_cents       bigint CHECK (paid_cents >= 0),
  paid_on          date,
  submitted_by     uuid REFERENCES users (id),
  submitted_at     timestamptz,
  created_by       uuid NOT NULL REFERENCES users (id),
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  row_version      integer NOT NULL DEFAULT 1,
  UNIQUE (project_id, claim_no, version_no)
);
CREATE INDEX project_claims_status_idx ON project_claims (status, submitted_at);

-- The expenses in a claim, with their figures copied when the claim is sent.
CREATE TABLE project_claim_expenses (
  claim_id         uuid NOT NULL REFERENCES project_claims (id),
  expense_id       uuid NOT NULL REFERENCES project_expenses (id),
  project_id       uuid NOT NULL REFERENCES projects (id),
  comune_istat     char(6) NOT NULL,
  charged_cents    bigint NOT NULL CHECK (charged_cents > 0),
  -- the expense as sent (document, line, amounts, payment): what the revisore verifies
  snapshot         jsonb,
  PRIMARY KEY (claim_id, expense_id)
);
CREATE INDEX project_claim_expenses_expense_idx ON project_claim_expenses (expense_id);

-- Every change of a claim's state: who, when, why (also the revisore's request and the Comune's
-- counter-arguments, with their text).
CREATE TABLE project_claim_events (
  id               uuid PRIMARY KEY,
  claim_id         uuid NOT NULL REFERENCES project_claims (id),
  project_id       uuid NOT NULL REFERENCES projects (id),
  comune_istat     char(6) NOT NULL,
  from_status      text,
  to_status        text NOT NULL,
  note             text CHECK (length(note) <= 8000),
  actor_id         uuid NOT NULL REFERENCES users (id),
  at               timestamptz NOT NULL
);
CREATE INDEX project_claim_events_claim_idx ON project_claim_events (claim_id, at);

-- The revisore's verification of one expense of a claim: outcome, eligible amount, the reasons
-- from the checklist and a note.
CREATE TABLE project_expense_verifications (
  claim_id         uuid NOT NULL REFERENCES project_claims (id),
  expense_id       uuid NOT NULL REFERENCES project_expenses (id),
  project_id       uuid NOT NULL REFERENCES projects (id),
  comune_istat     char(6) NOT NULL,
  outcome          text NOT NULL CHECK (outcome IN ('AMMISSIBILE', 'PARZIALMENTE_AMMISSIBILE', 'NON_AMMISSIBILE')),
  eligible_cents   bigint NOT NULL CHECK (eligible_cents >= 0),
  -- checklist codes (imputazione, pertinenza, periodo, quietanza, annullamento, massimali,
  -- doppio_finanziamento, congruita) that failed
  reasons          text[] NOT NULL DEFAULT '{}',
  note             text CHECK (length(note) <= 4000),
  verified_by      uuid NOT NULL REFERENCES users (id),
  verified_at      timestamptz NOT NULL,
  row_version      integer NOT NULL DEFAULT 1,
  PRIMARY KEY (claim_id, expense_id)
);

-- The quarterly monitoring report (scheda trimestrale): its content as a document, reviewed by
-- ANCI/Cittalia then MLPS; each level may return it with comments on specific fields.
CREATE TABLE project_monitoring_reports (
  id               uuid PRIMARY KEY,
  project_id       uuid NOT NULL REFERENCES projects (id),
  comune_istat     char(6) NOT NULL,
  year             integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  quarter          integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  status           text NOT NULL CHECK (status IN ('BOZZA', 'INVIATA', 'RESTITUITA', 'VALIDATA_ANCI', 'APPROVATA')),
  content          jsonb NOT NULL DEFAULT '{}',
  submitted_by     uuid REFERENCES users (id),
  submitted_at     timestamptz,
  approved_at      timestamptz,
  created_by       uuid NOT NULL REFERENCES users (id),
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  row_version      integer NOT NULL DEFAULT 1,
  UNIQUE (project_id, year, quarter)
);
CREATE TABLE project_monitoring_comments (
  id               uuid PRIMARY KEY,
  report_id        uuid NOT NULL REFERENCES project_monitoring_reports (id),
  project_id       uuid NOT NULL REFERENCES projects (id),
  comune_istat     char(6) NOT NULL,
  level            text NOT NULL CHECK (level IN ('ANCI', 'MLPS')),
  field            text NOT NULL CHECK (length(field) BETWEEN 1 AND 200),
  text             text NOT NULL CHECK (length(text) BETWEEN 2 AND 4000),
  author_id        uuid NOT NULL REFERENCES users (id),
  created_at       timestamptz NOT NULL,
  resolved_at      timestamptz
);

-- A query thread from MLPS or ANCI/Cittalia anchored to one thing of a project (a budget line,
-- an expense, a claim, a monitoring field), with a due date, answers and a resolved state.
CREATE TABLE project_queries (
  id               uuid PRIMARY KEY,
  project_id       uuid NOT NULL REFERENCES projects (id),
  comune_istat     char(6) NOT NULL,
  anchor_type      text NOT NULL CHECK (anchor_type IN ('PROGETTO', 'RIGA_BUDGET', 'SPESA', 'DOMANDA', 'MONITORAGGIO')),
  anchor_id        text CHECK (length(anchor_id) <= 200),
  subject          text NOT NULL CHECK (length(subject) BETWEEN 3 AND 300),
  due_on           date,
  status           text NOT NULL CHECK (status IN ('APERTA', 'RISPOSTA', 'RISOLTA')),
  opened_by        uuid NOT NULL REFERENCES users (id),
  opened_at        timestamptz NOT NULL,
  resolved_by      uuid REFERENCES users (id),
  resolved_at      timestamptz
);
CREATE INDEX project_queries_project_idx ON project_queries (project_id, status);
CREATE TABLE project_query_messages (
  id               uuid PRIMARY KEY,
  query_id         uuid NOT NULL REFERENCES project_queries (id),
  project_id       uuid NOT NULL REFERENCES projects (id),
  comune_istat     char(6) NOT NULL,
  body             text NOT NULL CHECK (length(body) BETWEEN 1 AND 8000),
  author_id        uuid NOT NULL REFERENCES users (id),
  created_at       timestamptz NOT NULL
);

-- Row-level security.
DO $$
DECLARE t text;
  -- the revisore: a national-scope organisation, but only the projects assigned (not revoked)
  is_revisore constant text := 'EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id::text = incas_setting(''user_id'') AND r.role = ''revisore'')';
  assigned constant text := 'project_id IN (SELECT a.project_id FROM project_revisore_assignments a '
                            'WHERE a.user_id::text = incas_setting(''user_id'') AND a.revoked_at IS NULL)';
  national constant text := 'incas_setting(''scope'') IN (''national'', ''platform'', ''system'')';
  region constant text := '(incas_setting(''scope'') = ''regione'' AND comune_istat IN '
                          '(SELECT istat_code FROM comuni WHERE region_code = incas_setting(''region'')))';
  read_cond text;
  write_cond text;
BEGIN
  FOREACH t IN ARRAY ARRAY['project_funding_sources', 'project_calls', 'project_call_versions', 'project_indicator_defs'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY read_all ON %I FOR SELECT TO incas_app USING (incas_setting(''scope'') <> ''anonymous'')', t);
    EXECUTE format('CREATE POLICY national_write ON %I FOR INSERT TO incas_app WITH CHECK (%s AND NOT %s)', t, national, is_revisore);
    EXECUTE format('CREATE POLICY national_update ON %I FOR UPDATE TO incas_app USING (%s AND NOT %s) WITH CHECK (%s)', t, national, is_revisore, national);
    EXECUTE format('CREATE POLICY owner_all ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
  -- a project-specific indicator (CUSTOM) is created by the Comune: the service checks it
  CREATE POLICY comune_custom ON project_indicator_defs FOR INSERT TO incas_app
    WITH CHECK (framework = 'CUSTOM' AND incas_setting('scope') = 'comune');

  FOREACH t IN ARRAY ARRAY['projects', 'project_partners', 'project_logframe_items', 'project_activities',
                           'project_indicators', 'project_indicator_targets', 'project_budget_versions',
                           'project_budget_lines', 'project_revisore_assignments', 'project_expenses',
                           'project_expense_documents', 'project_document_contents', 'project_claims',
                           'project_claim_expenses', 'project_claim_events', 'project_expense_verifications',
                           'project_monitoring_reports', 'project_monitoring_comments', 'project_queries',
                           'project_query_messages'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    read_cond := format('incas_is_tenant(comune_istat) OR (%s AND NOT %s) OR %s OR (%s AND %s)',
                        national, is_revisore, region, is_revisore,
                        CASE WHEN t = 'projects' THEN replace(assigned, 'project_id IN', 'id IN')
                             WHEN t = 'project_indicator_targets' THEN 'false'
                             -- the revisore's own assignments (the subquery would read this table again)
                             WHEN t = 'project_revisore_assignments' THEN 'user_id::text = incas_setting(''user_id'')'
                             ELSE assigned END);
    write_cond := format('incas_is_tenant(comune_istat) OR (%s AND NOT %s)', national, is_revisore);
    EXECUTE format('CREATE POLICY project_read ON %I FOR SELECT TO incas_app USING (%s)', t, read_cond);
    EXECUTE format('CREATE POLICY project_insert ON %I FOR INSERT TO incas_app WITH CHECK (%s)', t, write_cond);
    EXECUTE format('CREATE POLICY project_update ON %I FOR UPDATE TO incas_app USING (%s) WITH CHECK (%s)', t, write_cond, write_cond);
    EXECUTE format('CREATE POLICY project_delete ON %I FOR DELETE TO incas_app USING (%s)', t, write_cond);
    EXECUTE format('CREATE POLICY owner_all ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
  -- what the assigned revisore writes: the verification of each expense, the claim's state and
  -- verbale, and the claim's events
  FOREACH t IN ARRAY ARRAY['project_expense_verifications', 'project_claims', 'project_claim_events'] LOOP
    EXECUTE format('CREATE POLICY revisore_write ON %I FOR INSERT TO incas_app WITH CHECK (%s AND %s)', t, is_revisore, assigned);
    EXECUTE format('CREATE POLICY revisore_update ON %I FOR UPDATE TO incas_app USING (%s AND %s) WITH CHECK (%s AND %s)', t, is_revisore, assigned, is_revisore, assigned);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON project_funding_sources, project_calls, project_indicator_defs TO incas_app;
GRANT SELECT, INSERT ON project_call_versions TO incas_app;
GRANT UPDATE (rules, note, published_at) ON project_call_versions TO incas_app;
GRANT SELECT, INSERT, UPDATE ON projects, project_budget_versions, project_revisore_assignments, project_expenses,
  project_claims, project_expense_verifications, project_monitoring_reports, project_monitoring_comments,
  project_queries TO incas_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON project_partners, project_logframe_items, project_activities,
  project_indicators, project_indicator_targets, project_budget_lines, project_expense_documents,
  project_document_contents, project_claim_expenses TO incas_app;
GRANT DELETE ON project_expenses TO incas_app;
-- history is append-only
GRANT SELECT, INSERT ON project_claim_events, project_query_messages TO incas_app;
