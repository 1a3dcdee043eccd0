-- What other modules may read of the audit trail: the events without their place in the hash
-- chain. The view runs with the reader's privileges (`security_invoker`), so the row-level
-- security of `audit_log` still applies: a Comune's users see the rows about their Comune only.
CREATE VIEW audit_events_v WITH (security_invoker = true) AS
  SELECT a.seq, a.occurred_at, a.actor_user_id, a.actor_org_id, a.tenant_comune, a.action, a.entity_type, a.entity_id,
         a.outcome, a.details
    FROM audit_log a;

GRANT SELECT ON audit_events_v TO incas_app;
