-- What other modules may read of the registry: views owned by the registry, so that a module
-- never names `comuni`, `provinces` or `organisations` in its SQL and the registry may reshape its
-- tables behind them. `security_invoker` makes a view check the reader's own privileges and
-- row-level security on the tables below it, so a view never widens what the reader may see.

-- A Comune as other modules know it: its ISTAT code, name, province (and its sigla), region, and
-- whether it takes part in the 18-ter pilot.
CREATE VIEW registry_comuni_v WITH (security_invoker = true) AS
  SELECT c.istat_code, c.name, c.province_code, p.sigla AS province_sigla, c.region_code, c.pilot_18ter
    FROM comuni c JOIN provinces p ON p.code = c.province_code;

-- An organisation as other modules know it: what it is, its name and where it acts.
CREATE VIEW registry_organisations_v WITH (security_invoker = true) AS
  SELECT o.id, o.type, o.name, o.comune_istat, o.region_code
    FROM organisations o;

GRANT SELECT ON registry_comuni_v, registry_organisations_v TO incas_app;
