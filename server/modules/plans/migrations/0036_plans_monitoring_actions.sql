-- The state of every action of the plan at each monitoring (decision 0054): a monitoring records the
-- indicators' values and changes the actions' states; what state each action was in at that
-- monitoring is kept here, one row per action of the plan, written with the monitoring and never
-- changed after (an action's later change does not touch it). A monitoring recorded before this
-- table has no rows.
CREATE TABLE plm_monitoring_actions (
  monitoring_id    uuid NOT NULL REFERENCES plm_monitorings (id),
  action_id        uuid NOT NULL REFERENCES plm_actions (id),
  plan_id          uuid NOT NULL REFERENCES plm_plans (id),
  comune_istat     char(6) NOT NULL,
  region_code      char(2) NOT NULL,
  status           text NOT NULL CHECK (status IN ('PROGRAMMATA', 'AVVIATA', 'IN_CORSO', 'COMPLETATA', 'SOSPESA', 'ANNULLATA')),
  PRIMARY KEY (monitoring_id, action_id)
);
-- whether an action was recorded by a monitoring (it cannot be removed then)
CREATE INDEX plm_monitoring_actions_action_idx ON plm_monitoring_actions (action_id);

-- Row-level security as for the plan and what it holds (0034): the Comune writes; the Comune, its
-- Region's scope and the national scope (never the revisore) read.
DO $$
DECLARE
  is_revisore constant text := 'EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id::text = incas_setting(''user_id'') AND r.role = ''revisore'')';
  national constant text := 'incas_setting(''scope'') IN (''national'', ''platform'', ''system'')';
  own_region constant text := '(incas_setting(''scope'') = ''regione'' AND region_code = incas_setting(''region''))';
  read_cond text;
  t constant text := 'plm_monitoring_actions';
BEGIN
  read_cond := format('incas_is_tenant(comune_istat) OR %s OR (%s AND NOT %s)', own_region, national, is_revisore);
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
  EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  EXECUTE format('CREATE POLICY plm_read ON %I FOR SELECT TO incas_app USING (%s)', t, read_cond);
  EXECUTE format('CREATE POLICY plm_insert ON %I FOR INSERT TO incas_app WITH CHECK (incas_is_tenant(comune_istat))', t);
  EXECUTE format('CREATE POLICY plm_update ON %I FOR UPDATE TO incas_app USING (incas_is_tenant(comune_istat)) WITH CHECK (incas_is_tenant(comune_istat))', t);
  EXECUTE format('CREATE POLICY plm_delete ON %I FOR DELETE TO incas_app USING (incas_is_tenant(comune_istat))', t);
  EXECUTE format('CREATE POLICY owner_all ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
END
$$;

-- history is append-only, as the plan's events and versions
GRANT SELECT, INSERT ON plm_monitoring_actions TO incas_app;
