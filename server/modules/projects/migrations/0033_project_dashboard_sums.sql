-- The figures of the projects' dashboards (issue 12 item 8), per project, in one pass over each
-- table. Row-level security costs a check per row read (two settings compared on every expense,
-- claim line, budget line…): over 500 projects × 20 expenses it made the dashboard three times
-- slower than the same SQL without it (bench/projects.ts). This function runs as its owner and
-- reads those rows without the per-row check, but only for the projects the caller sees, decided
-- once per project by the rule of 0028's `project_read` policy on `projects` (a Comune its own, a
-- Regione its Comuni's, the national scope all, a revisore those assigned and not revoked; the
-- test projects/dashboards/dashboards.test.ts holds the two to the same answer for every scope).
-- It returns sums per project only, never a row of an expense or a claim.
--
-- p_ids: the projects asked for (the caller's filters, already under row-level security);
-- p_today: the day queries are overdue against.
-- plan = the lines of the approved budget version with the highest number; spent = expenses
-- CARICATA, VALIDATA, IN_DOMANDA, VERIFICATA; claimed = the claim lines of claims neither BOZZA nor
-- SOSTITUITA, verified their verified amount; paid = claims LIQUIDATA; waiting = claims INVIATA,
-- IN_VERIFICA, RICHIESTA_INTEGRAZIONI, CONTRODEDUZIONI; warnings = expenses past a draft with
-- warnings, by code ([{code, n, cents}]); overdue = open queries past their due date; waiting_list =
-- the claims waiting ([{id, project_id, claim_no, version_no, status, requested_cents, claimed_cents, sent_on,
-- status_since, age_days}]: sent_on the day it was sent in Rome, else the day of its last event;
-- status_since the day of its last event into its current state; age_days from sent_on to p_today).
CREATE FUNCTION project_dashboard_sums(p_ids uuid[], p_today date)
  RETURNS TABLE (project_id uuid, plan_cents bigint, spent_cents bigint, claimed_cents bigint, verified_cents bigint,
                 paid_cents bigint, warned_expenses integer, warnings jsonb, waiting_claims integer,
                 waiting_list jsonb, overdue_queries integer, earliest_overdue date)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
  AS $$
DECLARE
  v_scope text := incas_setting('scope');
  v_revisore boolean := EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id::text = incas_setting('user_id') AND r.role = 'revisore');
BEGIN
  RETURN QUERY
  WITH vis AS (
    SELECT p.id FROM projects p
     WHERE p.id = ANY (p_ids)
       AND (incas_is_tenant(p.comune_istat)
            OR (v_scope IN ('national', 'platform', 'system') AND NOT v_revisore)
            OR (v_scope = 'regione' AND p.comune_istat IN (SELECT c.istat_code FROM comuni c WHERE c.region_code = incas_setting('region')))
            OR (v_revisore AND p.id IN (SELECT a.project_id FROM project_revisore_assignments a
                                         WHERE a.user_id::text = incas_setting('user_id') AND a.revoked_at IS NULL)))
  ),
  bv AS (SELECT DISTINCT ON (v.project_id) v.project_id, v.id
           FROM project_budget_versions v
          WHERE v.status = 'APPROVATA' AND v.project_id IN (SELECT id FROM vis)
          ORDER BY v.project_id, v.version_no DESC),
  plan AS (SELECT l.project_id, sum(l.amount_cents)::bigint AS cents
             FROM project_budget_lines l JOIN bv ON bv.id = l.budget_version_id GROUP BY l.project_id),
  ex AS (SELECT e.project_id,
                sum(e.charged_cents) FILTER (WHERE e.status IN ('CARICATA', 'VALIDATA', 'IN_DOMANDA', 'VERIFICATA'))::bigint AS spent,
                count(*) FILTER (WHERE e.warnings <> '{}' AND e.status <> 'BOZZA')::integer AS warned
           FROM project_expenses e WHERE e.project_id IN (SELECT id FROM vis) GROUP BY e.project_id),
  wc AS (SELECT e.project_id, w.code, count(*) AS n, sum(e.charged_cents) AS cents
           FROM project_expenses e CROSS JOIN LATERAL unnest(e.warnings) AS w(code)
          WHERE e.warnings <> '{}' AND e.status <> 'BOZZA' AND e.project_id IN (SELECT id FROM vis)
          GROUP BY e.project_id, w.code),
  wj AS (SELECT wc.project_id, jsonb_agg(jsonb_build_object('code', wc.code, 'n', wc.n, 'cents', wc.cents) ORDER BY wc.code) AS list
           FROM wc GROUP BY wc.project_id),
  cl AS (SELECT c.project_id,
                sum(c.verified_cents) FILTER (WHERE c.status NOT IN ('BOZZA', 'SOSTITUITA'))::bigint AS verified,
                sum(c.paid_cents) FILTER (WHERE c.status = 'LIQUIDATA')::bigint AS paid,
                count(*) FILTER (WHERE c.status IN ('INVIATA', 'IN_VERIFICA', 'RICHIESTA_INTEGRAZIONI', 'CONTRODEDUZIONI'))::integer AS waiting
           FROM project_claims c WHERE c.project_id IN (SELECT id FROM vis) GROUP BY c.project_id),
  ce AS (SELECT x.project_id, sum(x.charged_cents)::bigint AS claimed
           FROM project_claim_expenses x JOIN project_claims c ON c.id = x.claim_id
          WHERE c.status NOT IN ('BOZZA', 'SOSTITUITA') AND x.project_id IN (SELECT id FROM vis)
          GROUP BY x.project_id),
  wcl AS (SELECT c.id, c.project_id, c.claim_no, c.version_no, c.status, c.requested_cents, c.submitted_at
            FROM project_claims c
           WHERE c.status IN ('INVIATA', 'IN_VERIFICA', 'RICHIESTA_INTEGRAZIONI', 'CONTRODEDUZIONI')
             AND c.project_id IN (SELECT id FROM vis)),
  wev AS (SELECT ev.claim_id, max(ev.at) AS last_at, max(ev.at) FILTER (WHERE ev.to_status = wcl.status) AS status_at
            FROM project_claim_events ev JOIN wcl ON wcl.id = ev.claim_id GROUP BY ev.claim_id),
  wx AS (SELECT x.claim_id, sum(x.charged_cents) AS cents
           FROM project_claim_expenses x JOIN wcl ON wcl.id = x.claim_id GROUP BY x.claim_id),
  wd AS (SELECT wcl.id, wcl.project_id, wcl.claim_no, wcl.version_no, wcl.status, wcl.requested_cents,
                coalesce((wcl.submitted_at AT TIME ZONE 'Europe/Rome')::date, (wev.last_at AT TIME ZONE 'Europe/Rome')::date) AS sent_on,
                (wev.status_at AT TIME ZONE 'Europe/Rome')::date AS status_since, coalesce(wx.cents, 0) AS claimed
           FROM wcl LEFT JOIN wev ON wev.claim_id = wcl.id LEFT JOIN wx ON wx.claim_id = wcl.id),
  wl AS (SELECT wd.project_id,
                jsonb_agg(jsonb_build_object('id', wd.id, 'project_id', wd.project_id, 'claim_no', wd.claim_no, 'version_no', wd.version_no,
                                             'status', wd.status, 'requested_cents', wd.requested_cents,
                                             'claimed_cents', wd.claimed, 'sent_on', wd.sent_on,
                                             'status_since', wd.status_since, 'age_days', p_today - wd.sent_on)
                          ORDER BY wd.sent_on NULLS LAST, wd.claim_no, wd.id) AS list
           FROM wd GROUP BY wd.project_id),
  q AS (SELECT pq.project_id, count(*)::integer AS overdue, min(pq.due_on) AS earliest
          FROM project_queries pq
         WHERE pq.status <> 'RISOLTA' AND pq.due_on < p_today AND pq.project_id IN (SELECT id FROM vis)
         GROUP BY pq.project_id)
  SELECT vis.id, coalesce(plan.cents, 0), coalesce(ex.spent, 0), coalesce(ce.claimed, 0), coalesce(cl.verified, 0),
         coalesce(cl.paid, 0), coalesce(ex.warned, 0), coalesce(wj.list, '[]'::jsonb), coalesce(cl.waiting, 0),
         coalesce(wl.list, '[]'::jsonb), coalesce(q.overdue, 0), q.earliest
    FROM vis
    LEFT JOIN plan ON plan.project_id = vis.id
    LEFT JOIN ex ON ex.project_id = vis.id
    LEFT JOIN wj ON wj.project_id = vis.id
    LEFT JOIN cl ON cl.project_id = vis.id
    LEFT JOIN ce ON ce.project_id = vis.id
    LEFT JOIN wl ON wl.project_id = vis.id
    LEFT JOIN q ON q.project_id = vis.id;
END
$$;

REVOKE ALL ON FUNCTION project_dashboard_sums(uuid[], date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION project_dashboard_sums(uuid[], date) TO incas_app;
