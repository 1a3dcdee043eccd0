-- A referral (segnalazione) waiting in screening is a task of the work list (issue 9).
-- * Its subject is the referral, which may have no case yet: `referral_id`.
-- * It goes to whoever may screen it and take it in charge: every operatore and referente comunale
--   of the Comune (the roles that may hold a case), as the assignee 'operatori_referenti'.
-- * It ends as 'superato' when the referral is taken in charge (linked to a case) or its screening
--   has an outcome.
ALTER TABLE pilot_tasks DROP CONSTRAINT pilot_tasks_kind_check;
ALTER TABLE pilot_tasks ADD CONSTRAINT pilot_tasks_kind_check CHECK (kind IN (
  'permit_expiry', 'pai_review', 'follow_up', 'measure_overdue',
  'pai_approval', 'admission_pending',
  'measure_cost_missing', 'allocation_missing', 'budget_low',
  'referral_screening'));
ALTER TABLE pilot_tasks DROP CONSTRAINT pilot_tasks_assignee_role_check;
ALTER TABLE pilot_tasks ADD CONSTRAINT pilot_tasks_assignee_role_check CHECK (assignee_role IN (
  'case_manager', 'referente_comunale', 'responsabile_amministrativo', 'operatori_referenti'));
ALTER TABLE pilot_tasks ADD COLUMN referral_id uuid REFERENCES pilot_referrals (id);
ALTER TABLE pilot_tasks ADD CONSTRAINT pilot_tasks_referral_subject
  CHECK ((kind = 'referral_screening') = (referral_id IS NOT NULL));
