-- Quarterly monitoring and query threads (issue 12, items 6 and 7; decision 0052).
--
-- An approved scheda trimestrale is locked and readable for ever: no change of any of its columns
-- (content, status, dates), whoever asks, also outside the application's service.
CREATE FUNCTION project_monitoring_report_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'APPROVATA' THEN
    RAISE EXCEPTION 'an approved monitoring report cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER project_monitoring_reports_locked BEFORE UPDATE OR DELETE ON project_monitoring_reports
  FOR EACH ROW EXECUTE FUNCTION project_monitoring_report_locked();

-- The comments of the levels that returned a report are part of its record: never deleted, and
-- once resolved (the Comune sent the report again) they stay resolved.
CREATE FUNCTION project_monitoring_comment_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.resolved_at IS NOT NULL
     OR (NEW.report_id, NEW.level, NEW.field, NEW.text, NEW.author_id, NEW.created_at)
        IS DISTINCT FROM (OLD.report_id, OLD.level, OLD.field, OLD.text, OLD.author_id, OLD.created_at) THEN
    RAISE EXCEPTION 'a review comment cannot change, only be resolved once' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER project_monitoring_comments_kept BEFORE UPDATE OR DELETE ON project_monitoring_comments
  FOR EACH ROW EXECUTE FUNCTION project_monitoring_comment_kept();

-- Which side asked a query (ANCI/Cittalia or MLPS): that side replies and resolves it, and sees it
-- on its work list when the Comune has answered.
ALTER TABLE project_queries ADD COLUMN opened_level text NOT NULL DEFAULT 'ANCI'
  CHECK (opened_level IN ('ANCI', 'MLPS'));
ALTER TABLE project_queries ALTER COLUMN opened_level DROP DEFAULT;
CREATE INDEX project_queries_due_idx ON project_queries (status, due_on);
CREATE INDEX project_query_messages_query_idx ON project_query_messages (query_id, created_at);
CREATE INDEX project_monitoring_comments_report_idx ON project_monitoring_comments (report_id, created_at);

-- The daily digest of overdue query threads is sent at most once per user and day (the same claim
-- as the pilot's digest, 0014): claimed with the audit row before sending, given back on failure.
CREATE TABLE project_query_digest_claims (
  user_id     uuid NOT NULL REFERENCES users (id),
  day         date NOT NULL,
  claimed_at  timestamptz NOT NULL,
  PRIMARY KEY (user_id, day)
);
ALTER TABLE project_query_digest_claims ENABLE ROW LEVEL SECURITY;
CREATE POLICY digest_system ON project_query_digest_claims TO incas_app
  USING (incas_setting('scope') = 'system') WITH CHECK (incas_setting('scope') = 'system');
GRANT SELECT, INSERT, DELETE ON project_query_digest_claims TO incas_app;
