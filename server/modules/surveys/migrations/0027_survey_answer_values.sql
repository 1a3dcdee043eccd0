-- The answers of the responses that count, laid out for maps and cross-tabulations (issue 11;
-- decision 0046). One row per (response, top-level question) for the questions that hold a value to
-- map: a number (integer, decimal), a range of persons (its minimum and maximum) or a choice (its
-- codes). Only responses in a state that counts for the results (inviato, in_validazione, validato,
-- consolidato) are here. A derived copy of survey_responses.answers, kept in step by the triggers
-- below in the same transaction as every write that changes a response's answers or makes it count
-- or stop counting: nothing else writes it (the application role may only read it).

CREATE TABLE survey_answer_values (
  response_id     uuid NOT NULL REFERENCES survey_wave_comuni (id),
  -- the response's wave and Comune, copied from survey_wave_comuni by the sync (no foreign keys of
  -- their own: the response's holds them, and a census-sized sync makes 2.4 million rows)
  wave_id         uuid NOT NULL,
  comune_istat    char(6) NOT NULL,
  question        text NOT NULL,
  -- the answer as a number (integer and decimal questions), null otherwise
  num             numeric,
  -- a range's minimum and maximum (an exact figure is both), null when not given
  lo              numeric,
  hi              numeric,
  -- a choice's codes (one for select_one and yes/no, several for select_multiple)
  codes           text[],
  PRIMARY KEY (response_id, question)
);
-- covering: a map or a cross-tab of one question reads the index only (its rows are scattered over
-- the heap, one response's answers written together), not one heap page per Comune
CREATE INDEX survey_answer_values_question_idx ON survey_answer_values (wave_id, question, comune_istat)
  INCLUDE (response_id, num, lo, hi, codes);

-- The names of a questionnaire's questions whose answers are projected (their type holds a value to map).
CREATE FUNCTION survey_mapped_questions(form jsonb) RETURNS SETOF text
  LANGUAGE sql IMMUTABLE SET search_path = public AS $$
  SELECT DISTINCT q ->> 'name'
    FROM jsonb_path_query(form, 'strict $.** ? (@.kind == "question" && (@.type == "integer" || @.type == "decimal" || @.type == "range_estimate" || @.type == "select_one" || @.type == "select_multiple" || @.type == "yes_no"))') AS q
$$;

-- Brings the projection of the given responses in step with their answers and state: their rows
-- are replaced by those of their current answers when they count, removed when they do not. The
-- conditions are the results' own (results.repo.ts): an answer is given when not null and not a
-- blank text; a range's minimum is `min` or `value`, its maximum `max` or `value`.
CREATE FUNCTION survey_answer_values_sync(ids uuid[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM survey_answer_values WHERE response_id = ANY(ids);
  INSERT INTO survey_answer_values (response_id, wave_id, comune_istat, question, num, lo, hi, codes)
  WITH r AS (
    SELECT wc.id, wc.wave_id, wc.comune_istat, sr.answers
      FROM survey_wave_comuni wc JOIN survey_responses sr ON sr.id = wc.id
     WHERE wc.id = ANY(ids) AND wc.status IN ('inviato', 'in_validazione', 'validato', 'consolidato')),
  m AS (
    SELECT w.id AS wave_id, survey_mapped_questions(fv.form) AS name
      FROM survey_waves w JOIN survey_form_versions fv ON fv.id = w.form_version_id
     WHERE w.id IN (SELECT DISTINCT wave_id FROM r))
  SELECT r.id, r.wave_id, r.comune_istat, a.key,
         CASE WHEN jsonb_typeof(a.value) = 'number' THEN (a.value #>> '{}')::numeric END,
         CASE WHEN jsonb_typeof(a.value) = 'object' THEN
           CASE WHEN jsonb_typeof(a.value -> 'min') = 'number' THEN (a.value ->> 'min')::numeric
                WHEN jsonb_typeof(a.value -> 'value') = 'number' THEN (a.value ->> 'value')::numeric END END,
         CASE WHEN jsonb_typeof(a.value) = 'object' THEN
           CASE WHEN jsonb_typeof(a.value -> 'max') = 'number' THEN (a.value ->> 'max')::numeric
                WHEN jsonb_typeof(a.value -> 'value') = 'number' THEN (a.value ->> 'value')::numeric END END,
         CASE WHEN jsonb_typeof(a.value) = 'string' THEN regexp_split_to_array(btrim(a.value #>> '{}'), '\s+') END
    FROM r CROSS JOIN LATERAL jsonb_each(r.answers) AS a(key, value)
    JOIN m ON m.wave_id = r.wave_id AND m.name = a.key
   WHERE jsonb_typeof(a.value) <> 'null'
     AND NOT (jsonb_typeof(a.value) = 'string' AND btrim(a.value #>> '{}') = '');
END
$$;

-- Statement-level triggers with transition tables: one set-based sync per statement, so a bulk
-- write (a seed, a benchmark's fixture) costs one pass, and a single save one small one.
CREATE FUNCTION survey_answer_values_on_insert() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM survey_answer_values_sync(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END
$$;

CREATE FUNCTION survey_answer_values_on_answers() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM survey_answer_values_sync(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.answers IS DISTINCT FROM o.answers));
  RETURN NULL;
END
$$;

-- a change of state matters only when the response starts or stops counting
CREATE FUNCTION survey_answer_values_on_status() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM survey_answer_values_sync(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE (n.status IN ('inviato', 'in_validazione', 'validato', 'consolidato'))
        IS DISTINCT FROM (o.status IN ('inviato', 'in_validazione', 'validato', 'consolidato'))));
  RETURN NULL;
END
$$;

CREATE TRIGGER survey_answer_values_insert AFTER INSERT ON survey_responses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_answer_values_on_insert();
CREATE TRIGGER survey_answer_values_answers AFTER UPDATE ON survey_responses
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_answer_values_on_answers();
CREATE TRIGGER survey_answer_values_status AFTER UPDATE ON survey_wave_comuni
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_answer_values_on_status();

-- Row-level security as every Comune's part of a wave: its own rows for a Comune, its Comuni's for a
-- Regione, all for the national scope. The application role only reads: the triggers write.
ALTER TABLE survey_answer_values ENABLE ROW LEVEL SECURITY;
ALTER TABLE survey_answer_values FORCE ROW LEVEL SECURITY;
CREATE POLICY comune_read ON survey_answer_values FOR SELECT TO incas_app USING (incas_is_tenant(comune_istat)
  OR incas_setting('scope') IN ('national', 'platform', 'system')
  OR (incas_setting('scope') = 'regione' AND comune_istat IN
      (SELECT istat_code FROM comuni WHERE region_code = incas_setting('region'))));
CREATE POLICY owner_all ON survey_answer_values TO CURRENT_USER USING (true) WITH CHECK (true);
GRANT SELECT ON survey_answer_values TO incas_app;

-- Backfill: the responses that count today.
SELECT survey_answer_values_sync(ARRAY(
  SELECT id FROM survey_wave_comuni WHERE status IN ('inviato', 'in_validazione', 'validato', 'consolidato')));
