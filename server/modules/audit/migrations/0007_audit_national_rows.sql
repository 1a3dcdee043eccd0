-- A national actor (ANCI/Cittalia technical assistance) who reads a Comune's pseudonymised rows or
-- edits its critical issues acts on that Comune's data: the audit row belongs to the Comune, so
-- its referente sees it among the accesses. The national scope may therefore write audit rows
-- about any Comune; a Comune's actors still only about their own.
DROP POLICY audit_write ON audit_log;
CREATE POLICY audit_write ON audit_log FOR INSERT TO incas_app
  WITH CHECK (incas_setting('scope') IN ('platform', 'system', 'national') OR tenant_comune IS NULL
              OR incas_is_tenant(tenant_comune));
