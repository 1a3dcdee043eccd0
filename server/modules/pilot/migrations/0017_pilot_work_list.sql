-- The work list computed on every change, not only nightly (decision 0027).
-- * Tasks now also go to the referente comunale (PAIs waiting for approval, people waiting for
--   admission) and to the responsabile amministrativo (measures ended without their actual cost, a
--   missing allocation, a budget near exhaustion), as a role of the Comune: `assignee_role`.
-- * A case manager's task follows the case: its assignee is the case's owner when it is read, so a
--   reassignment moves the open tasks with no update. `assignee_user_id` is no longer written.
-- * A task whose cause has ended is closed by the application as 'superato' (and reopened if the
--   same cause comes back); 'fatto' stays what a person marked done.
-- * The text is rendered when read, in the reader's language, from `params` (no personal data:
--   pseudonyms, dates, amounts, measure types); `label` keeps the Italian text for older readers.
ALTER TABLE pilot_tasks DROP CONSTRAINT pilot_tasks_kind_check;
ALTER TABLE pilot_tasks ADD CONSTRAINT pilot_tasks_kind_check CHECK (kind IN (
  'permit_expiry', 'pai_review', 'follow_up', 'measure_overdue',
  'pai_approval', 'admission_pending',
  'measure_cost_missing', 'allocation_missing', 'budget_low'));
ALTER TABLE pilot_tasks DROP CONSTRAINT pilot_tasks_status_check;
ALTER TABLE pilot_tasks ADD CONSTRAINT pilot_tasks_status_check CHECK (status IN ('aperto', 'fatto', 'superato'));
ALTER TABLE pilot_tasks ADD COLUMN assignee_role text NOT NULL DEFAULT 'case_manager'
  CHECK (assignee_role IN ('case_manager', 'referente_comunale', 'responsabile_amministrativo'));
ALTER TABLE pilot_tasks ADD COLUMN params jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE pilot_tasks ALTER COLUMN assignee_user_id DROP NOT NULL;
-- the Comune's own tasks (allocation, budget) belong to no case
ALTER TABLE pilot_tasks ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE pilot_tasks ADD CONSTRAINT pilot_tasks_case_manager_case CHECK (assignee_role <> 'case_manager' OR case_id IS NOT NULL);
CREATE INDEX pilot_tasks_open_idx ON pilot_tasks (comune_istat, assignee_role, status, due_on);
CREATE INDEX pilot_tasks_case_idx ON pilot_tasks (case_id, status);

-- The language of each user's daily digest: the one in which they last read their work list.
CREATE TABLE pilot_digest_languages (
  user_id     uuid PRIMARY KEY REFERENCES users (id),
  language    text NOT NULL CHECK (language IN ('it', 'en')),
  updated_at  timestamptz NOT NULL
);
ALTER TABLE pilot_digest_languages ENABLE ROW LEVEL SECURITY;
ALTER TABLE pilot_digest_languages FORCE ROW LEVEL SECURITY;
CREATE POLICY digest_language_own ON pilot_digest_languages TO incas_app
  USING (user_id::text = incas_setting('user_id') OR incas_setting('scope') = 'system')
  WITH CHECK (user_id::text = incas_setting('user_id') OR incas_setting('scope') = 'system');
CREATE POLICY owner_all ON pilot_digest_languages TO CURRENT_USER USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE ON pilot_digest_languages TO incas_app;
