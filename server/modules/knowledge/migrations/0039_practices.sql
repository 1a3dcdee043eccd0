-- Good practices and case studies (issue 14 item 2; decision 0056). A practice is written by a
-- Comune's users for their own Comune (comune_istat) or by ANCI/Cittalia (comune_istat null), sent
-- for review (IN_REVISIONE), then published by ANCI/Cittalia's assistenza tecnica or returned to
-- draft with the reviewer's comment. The five case studies are long documents (sections, sources)
-- written by ANCI/Cittalia, with the same workflow.
--
-- Who sees what (row-level security; the service narrows further by permission):
--   * published (PUBBLICATA): everyone, the anonymous scope of the public site included;
--   * a draft or a practice in review: its Comune and the national scope (ANCI/Cittalia, MLPS)
--     and the platform; nobody else (a Region sees its Comuni's practices once published);
--   * writes: its Comune (comune_istat) or the national scope.
--
-- Full-text search: a stored generated tsvector with the 'italian' configuration (Snowball
-- stemmer, Italian stop words), title weight A, summary B, the rest C, under a GIN index; the public
-- list asks it with websearch_to_tsquery('italian', q).

CREATE TABLE kn_practices (
  id                uuid PRIMARY KEY,
  -- the public address: /buone-pratiche/<slug>
  slug              text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) BETWEEN 3 AND 80),
  status            text NOT NULL CHECK (status IN ('BOZZA', 'IN_REVISIONE', 'PUBBLICATA')),
  -- the Comune that owns it (null: written by ANCI/Cittalia)
  comune_istat      char(6) REFERENCES comuni (istat_code),
  title             text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  summary           text NOT NULL CHECK (length(summary) BETWEEN 1 AND 2000),
  problem           text NOT NULL DEFAULT '' CHECK (length(problem) <= 8000),
  intervention      text NOT NULL DEFAULT '' CHECK (length(intervention) <= 12000),
  resources         text NOT NULL DEFAULT '' CHECK (length(resources) <= 4000),
  budget_cents      bigint CHECK (budget_cents >= 0 AND budget_cents <= 100000000000000),
  -- [{ "text": …, "evidence": "ANEDDOTICA" | "MONITORAGGIO" | … }]
  results           jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(results) = 'array'),
  transferability   text NOT NULL DEFAULT '' CHECK (length(transferability) <= 8000),
  contact_office    text NOT NULL DEFAULT '' CHECK (length(contact_office) <= 500),
  axis              text NOT NULL CHECK (axis IN ('PREVENZIONE', 'VIGILANZA_CONTRASTO', 'PROTEZIONE_ASSISTENZA', 'REINTEGRAZIONE')),
  priority_actions  smallint[] NOT NULL DEFAULT '{}',
  sector            text NOT NULL CHECK (sector IN ('AGRICOLTURA', 'LOGISTICA', 'EDILIZIA', 'MANIFATTURA', 'TURISMO_RISTORAZIONE',
                                                    'LAVORO_DOMESTICO_CURA', 'COMMERCIO', 'TRASVERSALE')),
  region_codes      text[] NOT NULL DEFAULT '{}',
  -- the size of the Comuni it worked in (the registry's bands)
  size_class        text CHECK (size_class IN ('lt15k', '15k-50k', '50k-100k', '100k-200k', 'gt200k')),
  review_comment    text CHECK (length(review_comment) <= 4000),
  submitted_at      timestamptz,
  reviewed_by       uuid REFERENCES users (id),
  published_at      timestamptz,
  created_by        uuid NOT NULL REFERENCES users (id),
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  row_version       integer NOT NULL DEFAULT 1,
  search            tsvector GENERATED ALWAYS AS (
                      setweight(to_tsvector('italian'::regconfig, title), 'A')
                      || setweight(to_tsvector('italian'::regconfig, summary), 'B')
                      || setweight(to_tsvector('italian'::regconfig,
                           problem || ' ' || intervention || ' ' || resources || ' ' || transferability), 'C')
                      || setweight(jsonb_to_tsvector('italian'::regconfig, results, '["string"]'), 'C')
                    ) STORED,
  CHECK (status <> 'PUBBLICATA' OR published_at IS NOT NULL),
  CHECK (priority_actions <@ ARRAY[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]::smallint[])
);
CREATE INDEX kn_practices_search_idx ON kn_practices USING gin (search);
CREATE INDEX kn_practices_regions_idx ON kn_practices USING gin (region_codes);
CREATE INDEX kn_practices_public_idx ON kn_practices (status, published_at DESC, id);
CREATE INDEX kn_practices_comune_idx ON kn_practices (comune_istat);

-- The organisations that carried it out, with their role.
CREATE TABLE kn_practice_actors (
  practice_id  uuid NOT NULL REFERENCES kn_practices (id) ON DELETE CASCADE,
  org_id       uuid NOT NULL REFERENCES organisations (id),
  role         text NOT NULL CHECK (role IN ('CAPOFILA', 'PROMOTORE', 'PARTNER', 'ATTUATORE', 'FINANZIATORE')),
  position     integer NOT NULL,
  comune_istat char(6),
  status       text NOT NULL,
  PRIMARY KEY (practice_id, org_id)
);

-- What it is tied to: Comuni, actions of local plans (plm_actions), MLPS projects (projects), a
-- Comune's survey response (survey_responses). The label is the linked item's name when linked
-- (the public site shows it; it cannot read the plans, projects or surveys themselves).
CREATE TABLE kn_practice_links (
  practice_id  uuid NOT NULL REFERENCES kn_practices (id) ON DELETE CASCADE,
  kind         text NOT NULL CHECK (kind IN ('COMUNE', 'AZIONE_PLM', 'PROGETTO', 'RISPOSTA_INDAGINE')),
  target_id    text NOT NULL CHECK (length(target_id) BETWEEN 1 AND 64),
  label        text NOT NULL CHECK (length(label) BETWEEN 1 AND 400),
  position     integer NOT NULL,
  comune_istat char(6),
  status       text NOT NULL,
  PRIMARY KEY (practice_id, kind, target_id)
);
CREATE INDEX kn_practice_links_target_idx ON kn_practice_links (kind, target_id);

-- The case studies: long documents in sections of plain text (headings and paragraphs, rendered
-- as text: never HTML from a user), with their sources.
CREATE TABLE kn_case_studies (
  id                uuid PRIMARY KEY,
  slug              text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) BETWEEN 3 AND 80),
  status            text NOT NULL CHECK (status IN ('BOZZA', 'IN_REVISIONE', 'PUBBLICATA')),
  title             text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  summary           text NOT NULL CHECK (length(summary) BETWEEN 1 AND 2000),
  -- [{ "heading": …, "body": … }]
  sections          jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(sections) = 'array'),
  -- [{ "citation": …, "url": … | null }]
  sources           jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(sources) = 'array'),
  comuni            text[] NOT NULL DEFAULT '{}',
  practice_ids      uuid[] NOT NULL DEFAULT '{}',
  review_comment    text CHECK (length(review_comment) <= 4000),
  submitted_at      timestamptz,
  reviewed_by       uuid REFERENCES users (id),
  published_at      timestamptz,
  created_by        uuid NOT NULL REFERENCES users (id),
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  row_version       integer NOT NULL DEFAULT 1,
  CHECK (status <> 'PUBBLICATA' OR published_at IS NOT NULL)
);
CREATE INDEX kn_case_studies_public_idx ON kn_case_studies (status, published_at DESC, id);
CREATE INDEX kn_case_studies_practices_idx ON kn_case_studies USING gin (practice_ids);

-- Row-level security. The actors and links carry their practice's Comune and state (kept by the
-- service with the practice), so the same rule reads them.
DO $$
DECLARE t text;
  readable constant text := 'status = ''PUBBLICATA'' OR incas_setting(''scope'') IN (''national'', ''platform'', ''system'') OR incas_is_tenant(comune_istat)';
  writable constant text := 'incas_setting(''scope'') IN (''national'', ''system'') OR incas_is_tenant(comune_istat)';
BEGIN
  FOREACH t IN ARRAY ARRAY['kn_practices', 'kn_practice_actors', 'kn_practice_links'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY kn_read ON %I FOR SELECT TO incas_app USING (%s)', t, readable);
    EXECUTE format('CREATE POLICY kn_insert ON %I FOR INSERT TO incas_app WITH CHECK (%s)', t, writable);
    EXECUTE format('CREATE POLICY kn_update ON %I FOR UPDATE TO incas_app USING (%s) WITH CHECK (%s)', t, writable, writable);
    EXECUTE format('CREATE POLICY kn_delete ON %I FOR DELETE TO incas_app USING (%s)', t, writable);
    EXECUTE format('CREATE POLICY owner_all ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END
$$;

ALTER TABLE kn_case_studies ENABLE ROW LEVEL SECURITY;
ALTER TABLE kn_case_studies FORCE ROW LEVEL SECURITY;
CREATE POLICY kn_read ON kn_case_studies FOR SELECT TO incas_app
  USING (status = 'PUBBLICATA' OR incas_setting('scope') IN ('national', 'platform', 'system'));
CREATE POLICY kn_insert ON kn_case_studies FOR INSERT TO incas_app
  WITH CHECK (incas_setting('scope') IN ('national', 'system'));
CREATE POLICY kn_update ON kn_case_studies FOR UPDATE TO incas_app
  USING (incas_setting('scope') IN ('national', 'system')) WITH CHECK (incas_setting('scope') IN ('national', 'system'));
CREATE POLICY owner_all ON kn_case_studies TO CURRENT_USER USING (true) WITH CHECK (true);

-- The public search's page of published practices. Under row-level security the text match (@@, not
-- leakproof) cannot use the GIN index: the planner must check the policy first, so the search would
-- read every row. This function runs as the migrations' owner, sees only the published practices
-- (its own condition: what the anonymous scope may read anyway), and returns their ids, rank and
-- the count; the caller reads the rows themselves under its own row-level security. Only the
-- conditions asked are written into the statement (dynamic SQL with bound values), so each search is
-- planned with its own filters and the index.
CREATE FUNCTION kn_search_published(q text, f_axis text, f_sector text, f_region text, f_size text, lim integer,
                                    off integer)
  RETURNS TABLE (id uuid, rank real, published_at timestamptz, total integer)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
  AS $$
DECLARE
  cond text := 'p.status = ''PUBBLICATA''';
BEGIN
  IF q IS NOT NULL THEN cond := cond || ' AND p.search @@ websearch_to_tsquery(''italian'', $1)'; END IF;
  IF f_axis IS NOT NULL THEN cond := cond || ' AND p.axis = $2'; END IF;
  IF f_sector IS NOT NULL THEN cond := cond || ' AND p.sector = $3'; END IF;
  IF f_region IS NOT NULL THEN cond := cond || ' AND p.region_codes @> ARRAY[$4]::text[]'; END IF;
  IF f_size IS NOT NULL THEN cond := cond || ' AND p.size_class = $5'; END IF;
  RETURN QUERY EXECUTE format(
    'SELECT p.id, %s AS rank, p.published_at, (count(*) OVER ())::int FROM kn_practices p WHERE %s
      ORDER BY %s LIMIT $6 OFFSET $7',
    CASE WHEN q IS NULL THEN '0::real' ELSE 'ts_rank_cd(p.search, websearch_to_tsquery(''italian'', $1))' END,
    cond,
    CASE WHEN q IS NULL THEN 'p.published_at DESC, p.id' ELSE '2 DESC, p.published_at DESC, p.id' END)
    USING q, f_axis, f_sector, f_region, f_size, lim, off;
END
$$;
REVOKE ALL ON FUNCTION kn_search_published(text, text, text, text, text, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kn_search_published(text, text, text, text, text, integer, integer) TO incas_app;

GRANT SELECT, INSERT, UPDATE ON kn_practices, kn_case_studies TO incas_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON kn_practice_actors, kn_practice_links TO incas_app;
