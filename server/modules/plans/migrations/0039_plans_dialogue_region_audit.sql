-- The Region–Comune dialogue (issue 13 item 4): a Region's staff or a regional ANCI branch who
-- writes in a Comune's thread, attaches a file to it or downloads one of its attachments acts on
-- that Comune's thread: the audit row belongs to the Comune (its referente sees it among the
-- accesses). The Regione scope may therefore write audit rows about the Comuni of its own Region;
-- a Comune's actors still only about their own, the national scope about any (0007).
DROP POLICY audit_write ON audit_log;
CREATE POLICY audit_write ON audit_log FOR INSERT TO incas_app
  WITH CHECK (incas_setting('scope') IN ('platform', 'system', 'national') OR tenant_comune IS NULL
              OR incas_is_tenant(tenant_comune)
              OR (incas_setting('scope') = 'regione'
                  AND tenant_comune IN (SELECT c.istat_code FROM comuni c WHERE c.region_code = incas_setting('region'))));
