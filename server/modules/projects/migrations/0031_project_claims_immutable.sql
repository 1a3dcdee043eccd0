-- Reimbursement claims (issue 12 item 4; decision 0051): a claim, once sent, never changes in
-- what it asked. The service answers 409 first; these triggers make it true in the database too.

-- The expense set of a claim changes only while the claim is a draft (BOZZA). The service writes
-- the snapshots before it moves the claim to INVIATA, so the freeze starts exactly at sending.
CREATE FUNCTION project_claim_expenses_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE st text;
BEGIN
  SELECT status INTO st FROM project_claims
   WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.claim_id ELSE NEW.claim_id END);
  IF st IS DISTINCT FROM 'BOZZA' THEN
    RAISE EXCEPTION 'the expenses of a sent claim cannot change' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.claim_id <> OLD.claim_id THEN
    RAISE EXCEPTION 'an expense cannot move to another claim' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER project_claim_expenses_frozen BEFORE INSERT OR UPDATE OR DELETE ON project_claim_expenses
  FOR EACH ROW EXECUTE FUNCTION project_claim_expenses_frozen();

-- What a sent claim asked is frozen (period, totals, requested amount, version chain, who sent
-- it); the verbale once issued; the approved amount once approved; the payment once paid. Only
-- the state moves, and only forward from a state that is not final.
CREATE FUNCTION project_claims_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'BOZZA' THEN
      RAISE EXCEPTION 'a sent claim cannot be deleted' USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'BOZZA' AND (
       NEW.project_id IS DISTINCT FROM OLD.project_id OR NEW.comune_istat IS DISTINCT FROM OLD.comune_istat OR
       NEW.claim_no IS DISTINCT FROM OLD.claim_no OR NEW.version_no IS DISTINCT FROM OLD.version_no OR
       NEW.supersedes_id IS DISTINCT FROM OLD.supersedes_id OR NEW.period_start IS DISTINCT FROM OLD.period_start OR
       NEW.period_end IS DISTINCT FROM OLD.period_end OR NEW.totals IS DISTINCT FROM OLD.totals OR
       NEW.requested_cents IS DISTINCT FROM OLD.requested_cents OR NEW.submitted_by IS DISTINCT FROM OLD.submitted_by OR
       NEW.submitted_at IS DISTINCT FROM OLD.submitted_at OR NEW.created_by IS DISTINCT FROM OLD.created_by OR
       NEW.created_at IS DISTINCT FROM OLD.created_at) THEN
    RAISE EXCEPTION 'a sent claim cannot change: send a new version' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.verbale_issued_at IS NOT NULL AND (
       NEW.verified_cents IS DISTINCT FROM OLD.verified_cents OR NEW.verbale_no IS DISTINCT FROM OLD.verbale_no OR
       NEW.verbale_issued_at IS DISTINCT FROM OLD.verbale_issued_at OR NEW.verbale_by IS DISTINCT FROM OLD.verbale_by) THEN
    RAISE EXCEPTION 'an issued verbale cannot change' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.status IN ('APPROVATA', 'LIQUIDATA') AND NEW.approved_cents IS DISTINCT FROM OLD.approved_cents THEN
    RAISE EXCEPTION 'the approved amount cannot change' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.status IN ('LIQUIDATA', 'SOSTITUITA') AND (
       NEW.status IS DISTINCT FROM OLD.status OR NEW.paid_cents IS DISTINCT FROM OLD.paid_cents OR
       NEW.paid_on IS DISTINCT FROM OLD.paid_on) THEN
    RAISE EXCEPTION 'a paid or superseded claim cannot change' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.status <> 'BOZZA' AND NEW.status = 'BOZZA' THEN
    RAISE EXCEPTION 'a sent claim cannot go back to draft' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER project_claims_frozen BEFORE UPDATE OR DELETE ON project_claims
  FOR EACH ROW EXECUTE FUNCTION project_claims_frozen();

-- The revisore verifies while the claim is under verification (IN_VERIFICA or CONTRODEDUZIONI)
-- and until the verbale is issued; then the verifications are the verbale's and never change.
CREATE FUNCTION project_expense_verifications_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE st text; issued timestamptz;
BEGIN
  SELECT status, verbale_issued_at INTO st, issued FROM project_claims
   WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.claim_id ELSE NEW.claim_id END);
  IF issued IS NOT NULL OR st IS NULL OR st NOT IN ('IN_VERIFICA', 'CONTRODEDUZIONI') THEN
    RAISE EXCEPTION 'the verification of this claim cannot change now' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER project_expense_verifications_frozen BEFORE INSERT OR UPDATE OR DELETE ON project_expense_verifications
  FOR EACH ROW EXECUTE FUNCTION project_expense_verifications_frozen();

-- When the revisore issues the verbale, the expenses of the claim become VERIFICATA. The revisore
-- may not write project_expenses (row-level security: only the Comune and the national bodies
-- do), so this one step runs as the owner, and only for the revisore who issued that verbale.
CREATE FUNCTION project_claim_mark_verified(p_claim uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE n integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM project_claims c
                  WHERE c.id = p_claim AND c.verbale_issued_at IS NOT NULL
                    AND c.verbale_by::text = incas_setting('user_id')) THEN
    RAISE EXCEPTION 'only the revisore who issued the verbale marks its expenses' USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE project_expenses e SET status = 'VERIFICATA', updated_at = now(), row_version = e.row_version + 1
   WHERE e.id IN (SELECT ce.expense_id FROM project_claim_expenses ce WHERE ce.claim_id = p_claim)
     AND e.status = 'IN_DOMANDA';
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;
REVOKE ALL ON FUNCTION project_claim_mark_verified(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION project_claim_mark_verified(uuid) TO incas_app;

-- one draft or sent version superseding a claim at a time
CREATE UNIQUE INDEX project_claims_supersedes_idx ON project_claims (supersedes_id) WHERE supersedes_id IS NOT NULL;
-- the expenses of the claims of a project, for "not in another active claim"
CREATE INDEX project_claims_project_idx ON project_claims (project_id, claim_no, version_no);
