-- Read paths of the pilot measured by the benchmark (bench/README.md):
-- - the case list shows each case's latest PAI: an index per person and creation time;
-- - the quadro comparativo's aggregate query is large enough that PostgreSQL's JIT compiler kicks
--   in and costs several times the query itself (4.7 s with, 0.8 s without, at 50,000 cases).
CREATE INDEX pilot_pais_person_created_idx ON pilot_pais (person_id, created_at DESC);
CREATE INDEX pilot_permits_person_issued_idx ON pilot_permits (person_id, issued_on DESC);
ALTER FUNCTION pilot_comparative_counts(date, date) SET jit = off;
