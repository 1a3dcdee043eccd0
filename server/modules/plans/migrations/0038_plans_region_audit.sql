-- A Region's staff (and a regional ANCI branch) write its Comuni's networks, meetings and
-- follow-ups and read their minutes (issue 13 item 3): the audit row of such a change belongs to
-- the Comune, so that its referente sees it, as a national actor's does (0007). The Region's
-- scope may therefore write audit rows about a Comune of its own Region; a Comune's actors still
-- only about their own.
DROP POLICY audit_write ON audit_log;
CREATE POLICY audit_write ON audit_log FOR INSERT TO incas_app
  WITH CHECK (incas_setting('scope') IN ('platform', 'system', 'national') OR tenant_comune IS NULL
              OR incas_is_tenant(tenant_comune)
              OR (incas_setting('scope') = 'regione'
                  AND EXISTS (SELECT 1 FROM comuni c
                               WHERE c.istat_code = tenant_comune AND c.region_code = incas_setting('region'))));
