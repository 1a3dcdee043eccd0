-- Events of InCaS plus (issue 14 item 1; PRODUCT.md §2.6; decision 0055): territorial workshops,
-- webinars and the national conference, with registration (platform users and external
-- participants, who confirm their e-mail before a seat is held), capacity and a waitlist that
-- promotes in arrival order and never overbooks, check-in, attendance and certificates.
--
-- Who sees what (row-level security; the service narrows further by role):
--   * an event: anyone once published (the public site reads it with no login); the organisers
--     (the national scope: ANCI/Cittalia) every one, drafts included;
--   * a registration holds personal data: the organisers (national scope) read and write them;
--     a platform user reads their own; the public flows (confirming an e-mail, cancelling with the
--     link, verifying a certificate) run as the system scope, each through one row found by a
--     token's hash or a certificate's code;
--   * the e-mails owed (outbox) are the system's.
-- No Comune owns an event: comune_istat and region_code only say where it takes place.

CREATE TABLE evt_events (
  id                      uuid PRIMARY KEY,
  -- the public address: /eventi/<slug>
  slug                    text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) BETWEEN 3 AND 80),
  kind                    text NOT NULL CHECK (kind IN ('WORKSHOP_TERRITORIALE', 'WEBINAR', 'CONFERENZA_NAZIONALE')),
  status                  text NOT NULL CHECK (status IN ('BOZZA', 'PUBBLICATO', 'ANNULLATO', 'CONCLUSO')),
  title                   text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  summary                 text NOT NULL CHECK (length(summary) BETWEEN 1 AND 2000),
  programme               text CHECK (length(programme) <= 20000),
  audience                text CHECK (length(audience) <= 1000),
  starts_at               timestamptz NOT NULL,
  ends_at                 timestamptz NOT NULL,
  -- in person (place), online (online_url), or both
  place                   text CHECK (length(place) BETWEEN 2 AND 300),
  online_url              text CHECK (online_url ~ '^https://' AND length(online_url) <= 500),
  region_code             char(2) REFERENCES regions (code),
  comune_istat            char(6) REFERENCES comuni (istat_code),
  capacity                integer NOT NULL CHECK (capacity BETWEEN 1 AND 100000),
  -- registrations close then (null: when the event starts)
  registration_closes_at  timestamptz,
  -- the hours of training the certificate states (null: no certificate)
  certificate_hours       numeric(4, 1) CHECK (certificate_hours > 0 AND certificate_hours <= 200),
  organiser_org_id        uuid REFERENCES organisations (id),
  -- the feedback questionnaire: a wave of the survey engine
  feedback_wave_id        uuid,
  published_at            timestamptz,
  cancelled_reason        text CHECK (length(cancelled_reason) <= 1000),
  created_by              uuid NOT NULL REFERENCES users (id),
  created_at              timestamptz NOT NULL,
  updated_at              timestamptz NOT NULL,
  row_version             integer NOT NULL DEFAULT 1,
  CHECK (ends_at > starts_at),
  CHECK (place IS NOT NULL OR online_url IS NOT NULL),
  CHECK (status = 'BOZZA' OR published_at IS NOT NULL)
);
CREATE INDEX evt_events_starts_idx ON evt_events (starts_at);
CREATE INDEX evt_events_region_idx ON evt_events (region_code, starts_at);

-- A registration: a platform user's (user_id) or an external participant's (user_id null). The
-- seat is decided when the e-mail is confirmed (a user's at once): CONFERMATA while seats remain,
-- else IN_ATTESA in the order of queued_at; a cancellation promotes the first waiting, in the same
-- transaction, under the event row's lock (never more CONFERMATA than the capacity).
CREATE TABLE evt_registrations (
  id                      uuid PRIMARY KEY,
  event_id                uuid NOT NULL REFERENCES evt_events (id),
  user_id                 uuid REFERENCES users (id),
  full_name               text CHECK (length(full_name) BETWEEN 2 AND 200),
  email                   text CHECK (length(email) BETWEEN 3 AND 254),
  organisation_name       text CHECK (length(organisation_name) <= 300),
  organisation_type       text CHECK (organisation_type IN (
                            'mlps', 'anci', 'cittalia', 'regione', 'comune', 'ente_gestore', 'prefettura',
                            'questura', 'inl', 'asl', 'cpi', 'sindacato', 'terzo_settore', 'universita',
                            'impresa', 'altro')),
  comune_istat            char(6) REFERENCES comuni (istat_code),
  region_code             char(2) REFERENCES regions (code),
  status                  text NOT NULL CHECK (status IN ('DA_CONFERMARE', 'CONFERMATA', 'IN_ATTESA', 'ANNULLATA', 'SCADUTA')),
  -- the link in the confirmation e-mail (sha-256 of the token; cleared once used)
  confirm_token_hash      char(64) UNIQUE,
  -- the participant's own link to see and cancel the registration (sha-256 of the token)
  manage_token_hash       char(64) NOT NULL UNIQUE,
  requested_at            timestamptz NOT NULL,
  -- arrival in the queue: the e-mail confirmed (a user: when registering)
  queued_at               timestamptz,
  seat_at                 timestamptz,
  cancelled_at            timestamptz,
  -- consent to the privacy notice, by its version
  privacy_version         text NOT NULL CHECK (length(privacy_version) BETWEEN 1 AND 40),
  consent_at              timestamptz NOT NULL,
  attended_at             timestamptz,
  checked_in_by           uuid REFERENCES users (id),
  certificate_code        text UNIQUE CHECK (certificate_code ~ '^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$'),
  certificate_issued_at   timestamptz,
  reminder_sent_at        timestamptz,
  -- the personal data removed at the end of the retention period (the row stays, counted)
  erased_at               timestamptz,
  created_at              timestamptz NOT NULL,
  updated_at              timestamptz NOT NULL,
  row_version             integer NOT NULL DEFAULT 1,
  CHECK (erased_at IS NOT NULL OR (full_name IS NOT NULL AND email IS NOT NULL)),
  CHECK (status NOT IN ('CONFERMATA', 'IN_ATTESA') OR queued_at IS NOT NULL),
  CHECK (status <> 'CONFERMATA' OR seat_at IS NOT NULL),
  CHECK (attended_at IS NULL OR status = 'CONFERMATA')
);
-- one live registration per person and event
CREATE UNIQUE INDEX evt_registrations_one_email ON evt_registrations (event_id, lower(email))
  WHERE status IN ('DA_CONFERMARE', 'CONFERMATA', 'IN_ATTESA');
CREATE UNIQUE INDEX evt_registrations_one_user ON evt_registrations (event_id, user_id)
  WHERE user_id IS NOT NULL AND status IN ('DA_CONFERMARE', 'CONFERMATA', 'IN_ATTESA');
CREATE INDEX evt_registrations_queue_idx ON evt_registrations (event_id, status, queued_at, id);
CREATE INDEX evt_registrations_user_idx ON evt_registrations (user_id) WHERE user_id IS NOT NULL;

-- The e-mails owed to participants (confirm your e-mail, seat confirmed, on the waitlist, promoted,
-- reminder, event cancelled), sent by a job once each; the token links are rebuilt by the job from
-- tokens kept only until sent.
CREATE TABLE evt_notices (
  id                      uuid PRIMARY KEY,
  registration_id         uuid NOT NULL REFERENCES evt_registrations (id),
  kind                    text NOT NULL CHECK (kind IN ('CONFERMA_EMAIL', 'POSTO', 'ATTESA', 'PROMOSSO', 'PROMEMORIA',
                                                        'ANNULLATO')),
  -- the token the e-mail's links carry, until the e-mail is sent (then null)
  link_token              text CHECK (length(link_token) <= 200),
  created_at              timestamptz NOT NULL,
  sent_at                 timestamptz,
  attempts                integer NOT NULL DEFAULT 0
);
CREATE INDEX evt_notices_pending_idx ON evt_notices (created_at) WHERE sent_at IS NULL;

-- Row-level security.
ALTER TABLE evt_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE evt_events FORCE ROW LEVEL SECURITY;
CREATE POLICY evt_read ON evt_events FOR SELECT TO incas_app
  USING (status <> 'BOZZA' OR incas_setting('scope') IN ('national', 'platform', 'system'));
CREATE POLICY evt_write ON evt_events FOR INSERT TO incas_app
  WITH CHECK (incas_setting('scope') IN ('national', 'system'));
CREATE POLICY evt_update ON evt_events FOR UPDATE TO incas_app
  USING (incas_setting('scope') IN ('national', 'system')) WITH CHECK (incas_setting('scope') IN ('national', 'system'));
CREATE POLICY owner_all ON evt_events TO CURRENT_USER USING (true) WITH CHECK (true);

ALTER TABLE evt_registrations ENABLE ROW LEVEL SECURITY;
ALTER TABLE evt_registrations FORCE ROW LEVEL SECURITY;
CREATE POLICY evt_read ON evt_registrations FOR SELECT TO incas_app
  USING (incas_setting('scope') IN ('national', 'system')
         OR (user_id IS NOT NULL AND user_id::text = incas_setting('user_id')));
CREATE POLICY evt_insert ON evt_registrations FOR INSERT TO incas_app
  WITH CHECK (incas_setting('scope') IN ('national', 'system')
              OR (user_id IS NOT NULL AND user_id::text = incas_setting('user_id')));
CREATE POLICY evt_update ON evt_registrations FOR UPDATE TO incas_app
  USING (incas_setting('scope') IN ('national', 'system')
         OR (user_id IS NOT NULL AND user_id::text = incas_setting('user_id')))
  WITH CHECK (incas_setting('scope') IN ('national', 'system')
              OR (user_id IS NOT NULL AND user_id::text = incas_setting('user_id')));
CREATE POLICY owner_all ON evt_registrations TO CURRENT_USER USING (true) WITH CHECK (true);

ALTER TABLE evt_notices ENABLE ROW LEVEL SECURITY;
ALTER TABLE evt_notices FORCE ROW LEVEL SECURITY;
-- written with the registration (by the user, the organisers or a public flow), read by the job
CREATE POLICY evt_insert ON evt_notices FOR INSERT TO incas_app WITH CHECK (true);
CREATE POLICY evt_system ON evt_notices TO incas_app
  USING (incas_setting('scope') IN ('national', 'system')) WITH CHECK (incas_setting('scope') IN ('national', 'system'));
CREATE POLICY owner_all ON evt_notices TO CURRENT_USER USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE ON evt_events, evt_registrations, evt_notices TO incas_app;
