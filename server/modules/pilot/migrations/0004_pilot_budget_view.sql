-- Budget of the pilot's assistance measures, per Comune and year (domain.md §7.3).
-- Public finance is not personal data, and ANCI/Cittalia and the Ministry follow every pilot
-- Comune's commitments; but row-level security keeps each Comune's measure rows to that Comune.
-- This function is the one window national readers have on them: it runs as its owner and returns
-- only sums per Comune and measure type, never a row about a person. Comune staff calling it get
-- their own Comune only; any other scope gets nothing.
--
-- One row per (Comune, measure type) with commitments, or one row with measure_type NULL for a
-- Comune with none. committed = planned cost of the measures (not cancelled) of PAIs approved or
-- later, by the year the measure starts; spent = their actual cost.
CREATE FUNCTION incas_pilot_budget(p_year integer)
  RETURNS TABLE (comune_istat text, comune_name text, allocation numeric, measure_type text, committed numeric, spent numeric)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    WITH visible AS (
      SELECT c.istat_code, c.name
        FROM comuni c
       WHERE (incas_setting('scope') IN ('national', 'platform', 'system') OR c.istat_code = incas_setting('tenant'))
         AND (c.pilot_18ter OR EXISTS (SELECT 1 FROM pilot_budgets b WHERE b.comune_istat = c.istat_code AND b.year = p_year))
    ),
    sums AS (
      SELECT m.comune_istat, m.type, sum(m.cost_planned) AS committed, sum(coalesce(m.cost_actual, 0)) AS spent
        FROM pilot_measures m
        JOIN pilot_pais p ON p.id = m.pai_id
       WHERE m.comune_istat IN (SELECT istat_code FROM visible)
         AND m.status <> 'annullata'
         AND p.approved_on IS NOT NULL
         AND m.start_on >= make_date(p_year, 1, 1) AND m.start_on < make_date(p_year + 1, 1, 1)
       GROUP BY m.comune_istat, m.type
    )
    SELECT v.istat_code::text, v.name, b.allocation, s.type, s.committed, s.spent
      FROM visible v
      LEFT JOIN pilot_budgets b ON b.comune_istat = v.istat_code AND b.year = p_year
      LEFT JOIN sums s ON s.comune_istat = v.istat_code
     ORDER BY v.name, v.istat_code, s.type
  $$;

REVOKE ALL ON FUNCTION incas_pilot_budget(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION incas_pilot_budget(integer) TO incas_app;
