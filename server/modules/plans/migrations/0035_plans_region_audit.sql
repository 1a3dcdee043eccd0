-- A Regione reads its Comuni's plans and their documents (the adoption resolution, a meeting's
-- minutes): the audit row of such a read belongs to the Comune, so that its referente sees it among
-- the accesses. The Regione's scope may therefore write audit rows about the Comuni of its own
-- Region; a Comune's actors still only about their own, the national scope about any.
DROP POLICY audit_write ON audit_log;
CREATE POLICY audit_write ON audit_log FOR INSERT TO incas_app
  WITH CHECK (incas_setting('scope') IN ('platform', 'system', 'national') OR tenant_comune IS NULL
              OR incas_is_tenant(tenant_comune)
              OR (incas_setting('scope') = 'regione'
                  AND tenant_comune IN (SELECT istat_code FROM comuni WHERE region_code = incas_setting('region'))));
