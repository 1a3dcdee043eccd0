-- The daily digest is sent at most once per user and day, whatever runs overlap: a run claims the
-- (user, day) with INSERT … ON CONFLICT DO NOTHING in the transaction that writes the audit row,
-- before sending; a run that finds the claim taken skips the user. A failed send gives the claim back.
CREATE TABLE pilot_digest_claims (
  user_id     uuid NOT NULL REFERENCES users (id),
  day         date NOT NULL,
  claimed_at  timestamptz NOT NULL,
  PRIMARY KEY (user_id, day)
);

-- the digests already sent (audit rows of the last days) count as claims
INSERT INTO pilot_digest_claims (user_id, day, claimed_at)
SELECT a.entity_id::uuid, (a.details ->> 'day')::date, min(a.occurred_at)
  FROM audit_log a
 WHERE a.action = 'pilot.digest.sent' AND a.entity_type = 'user'
   AND (a.details ->> 'day') ~ '^\d{4}-\d{2}-\d{2}$'
   AND a.occurred_at > now() - interval '3 days'
   AND EXISTS (SELECT 1 FROM users u WHERE u.id::text = a.entity_id)
 GROUP BY 1, 2
ON CONFLICT DO NOTHING;

-- the job runs with system access only
ALTER TABLE pilot_digest_claims ENABLE ROW LEVEL SECURITY;
CREATE POLICY digest_system ON pilot_digest_claims TO incas_app
  USING (incas_setting('scope') = 'system') WITH CHECK (incas_setting('scope') = 'system');
GRANT SELECT, INSERT, DELETE ON pilot_digest_claims TO incas_app;
