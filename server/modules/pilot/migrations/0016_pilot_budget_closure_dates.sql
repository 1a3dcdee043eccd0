-- Issue 9, budget (decision 0023).
--
-- 1. The pilot Comuni's yearly allocations are set by whoever manages the pilot funds: ANCI/Cittalia
--    (role assistenza_tecnica, scope 'national'), no longer by the platform administrator. The
--    service checks the permission (pilot.budget.manage); row-level security lets the national
--    scope read and write pilot_budgets rows of any Comune, and no longer the platform scope.
DROP POLICY budgets_platform ON pilot_budgets;
CREATE POLICY budgets_national ON pilot_budgets TO incas_app
  USING (incas_setting('scope') = 'national') WITH CHECK (incas_setting('scope') = 'national');

-- who set the allocation last (the audit trail keeps every change)
ALTER TABLE pilot_budgets ADD COLUMN updated_by uuid REFERENCES users (id);

-- 2. Measures get their actual dates: recorded when the measure starts and when it ends
--    (completed or interrupted), editable within the PAI's life (the service checks the rules).
ALTER TABLE pilot_measures ADD COLUMN actual_start_on date;
ALTER TABLE pilot_measures ADD COLUMN actual_end_on date;
ALTER TABLE pilot_measures ADD CONSTRAINT pilot_measures_actual_dates_check
  CHECK (actual_end_on IS NULL OR (actual_start_on IS NOT NULL AND actual_end_on >= actual_start_on));

-- measures started before this release: their start is unknown, the planned start stands in for it
-- (and the end of a finished one is its planned end, or that start)
UPDATE pilot_measures SET actual_start_on = start_on WHERE status IN ('avviata', 'completata', 'interrotta');
UPDATE pilot_measures SET actual_end_on = greatest(coalesce(end_on, start_on), actual_start_on)
 WHERE status IN ('completata', 'interrotta');
