-- Pilot art. 18-ter: documents attached to a person or a PAI, and case notes (decision 0025).
-- Both are case data of one Comune: row-level security on comune_istat as every pilot table
-- (0003), never open to the national or regional scopes. Their contents are encrypted by the
-- application (AES-256-GCM bound to the row): the file name, the file's bytes and the note's text.

-- A document's description; its bytes live in pilot_document_contents (the database store of the
-- DocumentStore interface), so that listing documents never reads the files.
CREATE TABLE pilot_documents (
  id                uuid PRIMARY KEY,
  comune_istat      char(6) NOT NULL REFERENCES comuni (istat_code),
  case_id           uuid NOT NULL REFERENCES pilot_cases (id),
  person_id         uuid NOT NULL REFERENCES pilot_persons (id),
  pai_id            uuid REFERENCES pilot_pais (id),
  kind              text NOT NULL CHECK (kind IN ('pai_firmato', 'permesso_soggiorno', 'documento_identita', 'altro')),
  -- the name the file had on the uploader's computer (it may hold a name): encrypted
  filename_enc      text NOT NULL,
  content_type      text NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes        integer NOT NULL CHECK (size_bytes > 0),
  uploaded_by       uuid NOT NULL REFERENCES users (id),
  uploaded_at       timestamptz NOT NULL
);
CREATE INDEX pilot_documents_case_idx ON pilot_documents (case_id, uploaded_at);

CREATE TABLE pilot_document_contents (
  id            uuid PRIMARY KEY REFERENCES pilot_documents (id) ON DELETE CASCADE,
  comune_istat  char(6) NOT NULL REFERENCES comuni (istat_code),
  -- AES-256-GCM of the file's base64 text
  content_enc   text NOT NULL
);

-- Case notes: append-only (a correction is a new note), readable only inside the Comune.
CREATE TABLE pilot_case_notes (
  id              uuid PRIMARY KEY,
  comune_istat    char(6) NOT NULL REFERENCES comuni (istat_code),
  case_id         uuid NOT NULL REFERENCES pilot_cases (id),
  author_user_id  uuid NOT NULL REFERENCES users (id),
  created_at      timestamptz NOT NULL,
  text_enc        text NOT NULL
);
CREATE INDEX pilot_case_notes_case_idx ON pilot_case_notes (case_id, created_at);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['pilot_documents', 'pilot_document_contents', 'pilot_case_notes'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_rw ON %I TO incas_app USING (incas_is_tenant(comune_istat) OR incas_setting(''scope'') = ''system'') '
                   'WITH CHECK (incas_is_tenant(comune_istat) OR incas_setting(''scope'') = ''system'')', t);
    EXECUTE format('CREATE POLICY owner_all ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END
$$;

-- documents are deleted by the referente (audited); notes are never changed nor deleted
GRANT SELECT, INSERT, DELETE ON pilot_documents, pilot_document_contents TO incas_app;
GRANT SELECT, INSERT ON pilot_case_notes TO incas_app;
