-- InCaS foundation schema. PostgreSQL 15 features only (PGlite runs a newer PostgreSQL).
-- Forward-only: never edit a migration that has landed; add a new one.

-- The application role: not a superuser, no BYPASSRLS, owns nothing. Every request transaction
-- switches to it (set_config('role', 'incas_app', true)), so row-level security always applies.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'incas_app') THEN
    CREATE ROLE incas_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO incas_app;

-- Reads a tenancy setting of the current transaction ('' when unset).
CREATE FUNCTION incas_setting(setting_name text) RETURNS text
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('app.' || setting_name, true), '') $$;

-- True when the row's Comune is the actor's own tenant. Tenant-owned tables use it in policies.
CREATE FUNCTION incas_is_tenant(comune text) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT comune IS NOT NULL AND comune = incas_setting('tenant') $$;

-- ---------------------------------------------------------------------------------------------
-- Registry of the territory (ISTAT / ANPR reference data; loaded by the application at start)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE regions (
  code        char(2) PRIMARY KEY,
  name        text NOT NULL,
  macro_area  text NOT NULL CHECK (macro_area IN ('NO', 'NE', 'C', 'S', 'I'))
);

CREATE TABLE provinces (
  code         char(3) PRIMARY KEY,
  sigla        char(2) NOT NULL UNIQUE,
  name         text NOT NULL,
  region_code  char(2) NOT NULL REFERENCES regions (code)
);

CREATE TABLE comuni (
  istat_code        char(6) PRIMARY KEY,
  name              text NOT NULL,
  name_alt          text,
  codice_catastale  char(4) UNIQUE,
  province_code     char(3) NOT NULL REFERENCES provinces (code),
  region_code       char(2) NOT NULL REFERENCES regions (code),
  population        integer NOT NULL CHECK (population >= 0),
  population_month  char(7) NOT NULL,
  band              text NOT NULL CHECK (band IN ('lt15k', '15k-50k', '50k-100k', '100k-200k', 'gt200k')),
  -- name and alternative name folded to lower-case ASCII words, for accent-insensitive prefix search
  search_key        text NOT NULL,
  search_key_alt    text,
  sai_network       boolean NOT NULL DEFAULT false,
  pilot_18ter       boolean NOT NULL DEFAULT false,
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX comuni_search_key_idx ON comuni (search_key text_pattern_ops);
CREATE INDEX comuni_search_key_alt_idx ON comuni (search_key_alt text_pattern_ops);
CREATE INDEX comuni_region_idx ON comuni (region_code);
CREATE INDEX comuni_province_idx ON comuni (province_code);
CREATE INDEX comuni_population_idx ON comuni (population);

-- Where each reference data set comes from, shown in the UI with its licence.
CREATE TABLE registry_sources (
  id              text PRIMARY KEY,
  title           text NOT NULL,
  licence         text NOT NULL,
  reference_date  text NOT NULL,
  attribution     text NOT NULL,
  url             text NOT NULL,
  content_hash    text NOT NULL,
  loaded_at       timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------------------------
-- Organisations
-- ---------------------------------------------------------------------------------------------
CREATE TABLE organisations (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type          text NOT NULL CHECK (type IN (
                  'mlps', 'anci', 'cittalia', 'regione', 'comune', 'ente_gestore', 'prefettura',
                  'questura', 'inl', 'asl', 'cpi', 'sindacato', 'terzo_settore',
                  'societa_revisione', 'piattaforma', 'altro')),
  name          text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  comune_istat  char(6) REFERENCES comuni (istat_code),
  region_code   char(2) REFERENCES regions (code),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (type <> 'comune' OR comune_istat IS NOT NULL),
  CHECK (type <> 'regione' OR (region_code IS NOT NULL AND comune_istat IS NULL))
);
-- One Comune organisation per Comune and one Regione organisation per Region.
CREATE UNIQUE INDEX organisations_one_comune ON organisations (comune_istat) WHERE type = 'comune';
CREATE UNIQUE INDEX organisations_one_regione ON organisations (region_code) WHERE type = 'regione';
CREATE INDEX organisations_comune_idx ON organisations (comune_istat);
CREATE INDEX organisations_region_idx ON organisations (region_code);

-- ---------------------------------------------------------------------------------------------
-- Accounts, roles, sessions
-- ---------------------------------------------------------------------------------------------
CREATE TABLE users (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email                text NOT NULL UNIQUE CHECK (email = lower(email)),
  display_name         text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
  organisation_id      uuid NOT NULL REFERENCES organisations (id),
  -- argon2id PHC string; NULL for accounts that only log in through an external identity
  password_hash        text,
  status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  totp_secret          text,
  totp_pending_secret  text,
  totp_enabled         boolean NOT NULL DEFAULT false,
  -- last accepted TOTP time step: a code is accepted once only
  totp_last_step       bigint,
  is_demo              boolean NOT NULL DEFAULT false,
  last_login_at        timestamptz,
  password_changed_at  timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_organisation_idx ON users (organisation_id);

CREATE TABLE user_roles (
  user_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role     text NOT NULL CHECK (role IN (
             'operatore', 'referente_comunale', 'responsabile_amministrativo', 'revisore',
             'regione', 'assistenza_tecnica', 'mlps', 'amministratore')),
  PRIMARY KEY (user_id, role)
);

-- External identities (SPID/CIE through an OpenID Connect broker): a later issue fills it.
CREATE TABLE user_identities (
  provider    text NOT NULL,
  subject     text NOT NULL,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider, subject)
);

CREATE TABLE sessions (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- SHA-256 of the cookie token: the token itself is never stored
  token_hash     text NOT NULL UNIQUE,
  user_id        uuid NOT NULL REFERENCES users (id),
  second_factor  boolean NOT NULL,
  created_at     timestamptz NOT NULL,
  last_seen_at   timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  revoked_at     timestamptz,
  revoked_reason text
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;

-- Failed-login counters keyed by a hash of the email, known or not (same answer for both).
CREATE TABLE login_throttle (
  key_hash      text PRIMARY KEY,
  failures      integer NOT NULL,
  window_start  timestamptz NOT NULL,
  locked_until  timestamptz
);

-- ---------------------------------------------------------------------------------------------
-- Audit trail: append-only, hash-chained, tenant-owned (row-level security)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE audit_log (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- position in the hash chain, assigned under a lock by the trigger below
  seq               bigint NOT NULL UNIQUE,
  occurred_at       timestamptz NOT NULL,
  actor_user_id     uuid,
  actor_org_id      uuid,
  -- the Comune whose data the event concerns; NULL for platform-wide events
  tenant_comune     char(6),
  action            text NOT NULL CHECK (action ~ '^[a-z0-9_]+(\.[a-z0-9_]+)+$'),
  entity_type       text,
  entity_id         text,
  outcome           text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  -- identifiers and field names only, never personal data
  details           jsonb NOT NULL DEFAULT '{}'::jsonb,
  request_id        text,
  prev_hash         text NOT NULL,
  hash              text NOT NULL
);
CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, seq);
CREATE INDEX audit_log_org_idx ON audit_log (actor_org_id, seq);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_tenant_idx ON audit_log (tenant_comune, seq);

-- The digest of one row, chained to the previous row's hash. Used by the trigger and the verifier.
CREATE FUNCTION incas_audit_digest(prev text, a audit_log) RETURNS text
  LANGUAGE sql STABLE
  AS $$
    SELECT encode(sha256(convert_to(prev || '|' || jsonb_build_array(
      a.seq, (extract(epoch FROM a.occurred_at) * 1000000)::bigint, a.actor_user_id, a.actor_org_id,
      a.tenant_comune, a.action, a.entity_type, a.entity_id, a.outcome, a.details, a.request_id
    )::text, 'UTF8')), 'hex')
  $$;

CREATE FUNCTION incas_audit_chain() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
  DECLARE
    last_seq bigint;
    last_hash text;
  BEGIN
    -- serialise writers so that the chain has no forks
    PERFORM pg_advisory_xact_lock(7308001);
    SELECT seq, hash INTO last_seq, last_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, '');
    NEW.hash := incas_audit_digest(NEW.prev_hash, NEW);
    RETURN NEW;
  END
  $$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION incas_audit_chain();

CREATE FUNCTION incas_audit_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION incas_audit_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION incas_audit_append_only();

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
-- the platform administrator reads every row; a Comune's users read the rows of their Comune
CREATE POLICY audit_read ON audit_log FOR SELECT TO incas_app
  USING (incas_setting('scope') IN ('platform', 'system') OR incas_is_tenant(tenant_comune));
-- an actor writes rows about its own Comune or platform-wide rows, never another Comune's
CREATE POLICY audit_write ON audit_log FOR INSERT TO incas_app
  WITH CHECK (incas_setting('scope') IN ('platform', 'system') OR tenant_comune IS NULL
              OR incas_is_tenant(tenant_comune));
-- the owner (migrations, the chain trigger) is not subject to the tenancy rules
CREATE POLICY audit_owner ON audit_log TO CURRENT_USER USING (true) WITH CHECK (true);

-- ---------------------------------------------------------------------------------------------
-- Privileges of the application role: only what the services need
-- ---------------------------------------------------------------------------------------------
GRANT SELECT ON regions, provinces, registry_sources TO incas_app;
GRANT SELECT, UPDATE (sai_network, pilot_18ter, updated_at) ON comuni TO incas_app;
GRANT SELECT, INSERT, UPDATE ON organisations, users TO incas_app;
GRANT SELECT, INSERT, DELETE ON user_roles, user_identities TO incas_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO incas_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON login_throttle TO incas_app;
GRANT SELECT, INSERT ON audit_log TO incas_app;
GRANT EXECUTE ON FUNCTION incas_setting(text), incas_is_tenant(text), incas_audit_digest(text, audit_log) TO incas_app;
