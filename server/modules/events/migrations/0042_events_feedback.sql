-- The feedback questionnaire of an event (issue 14 item 1; decision 0059). The organisers attach a
-- published questionnaire version of the survey engine (survey_form_versions: our own survey
-- schema, immutable once published); after the event, each participant who was checked in answers
-- it once.
--
-- Anonymous in the results: the answers (evt_feedback_answers) carry no registration, no user, no
-- time; what prevents a second answer is `evt_registrations.feedback_at`, set in the same
-- transaction. Nothing links an answer to its registration: the organisers see that a participant
-- answered, never what. (The 0037 column feedback_wave_id, a wave never used, is left as it was.)

ALTER TABLE evt_events ADD COLUMN feedback_form_version_id uuid REFERENCES survey_form_versions (id);

ALTER TABLE evt_registrations ADD COLUMN feedback_at timestamptz;
ALTER TABLE evt_registrations ADD CONSTRAINT evt_registrations_feedback_attended
  CHECK (feedback_at IS NULL OR attended_at IS NOT NULL);

CREATE TABLE evt_feedback_answers (
  id               uuid PRIMARY KEY,
  event_id         uuid NOT NULL REFERENCES evt_events (id),
  -- the version answered (the event's at the time; it cannot change once answers exist)
  form_version_id  uuid NOT NULL REFERENCES survey_form_versions (id),
  -- the answers the form engine kept (relevant ones only), keyed by question name
  answers          jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object')
);
CREATE INDEX evt_feedback_answers_event_idx ON evt_feedback_answers (event_id);

-- Written by the participant's own request (a user's scope) or the link flow (system scope), after
-- the service's checks; read only by the organisers (national scope) and the system.
ALTER TABLE evt_feedback_answers ENABLE ROW LEVEL SECURITY;
ALTER TABLE evt_feedback_answers FORCE ROW LEVEL SECURITY;
CREATE POLICY evt_insert ON evt_feedback_answers FOR INSERT TO incas_app WITH CHECK (true);
CREATE POLICY evt_read ON evt_feedback_answers FOR SELECT TO incas_app
  USING (incas_setting('scope') IN ('national', 'system'));
CREATE POLICY owner_all ON evt_feedback_answers TO CURRENT_USER USING (true) WITH CHECK (true);

-- append-only: an answer is never changed nor removed
GRANT SELECT, INSERT ON evt_feedback_answers TO incas_app;
