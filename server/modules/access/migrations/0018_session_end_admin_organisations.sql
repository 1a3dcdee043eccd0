-- Issue 9 (decision 0024): what the administration and the organisations were missing.
-- One migration number was reserved for this work, so this file also extends the registry's
-- `organisations` table and its view; the registry's code owns those columns.

-- A password set by an administrator (a new account, a reset) must be changed by its owner at the
-- next login before anything else; changing one's own password clears the flag.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- An organisation's certified e-mail (PEC), its codice fiscale / partita IVA (11 digits, the check
-- digit is verified by the application), its address, and whether it is active. An inactive
-- organisation gets no new accounts and cannot be chosen as a partner (a measure's provider); its
-- existing accounts keep working until an administrator disables them one by one.
ALTER TABLE organisations
  ADD COLUMN pec text CHECK (pec IS NULL OR (length(pec) BETWEEN 3 AND 254 AND pec = lower(pec))),
  ADD COLUMN tax_code char(11) CHECK (tax_code IS NULL OR tax_code ~ '^[0-9]{11}$'),
  ADD COLUMN address text CHECK (address IS NULL OR length(address) BETWEEN 3 AND 300),
  ADD COLUMN active boolean NOT NULL DEFAULT true;

-- The registry's contract with other modules gains `active` (at the end: a view's columns may only
-- be added after the existing ones).
CREATE OR REPLACE VIEW registry_organisations_v WITH (security_invoker = true) AS
  SELECT o.id, o.type, o.name, o.comune_istat, o.region_code, o.active
    FROM organisations o;
