-- The fingerprint of the data key (INCAS_DATA_KEY) that encrypts this database's identity fields:
-- one row, written at the first start with a key and changed only by `npm run rotate-data-key`.
-- A start with another key is refused instead of showing errors on every case file and writing
-- new rows under a second key. The fingerprint is an HMAC of a constant: it reveals nothing of the
-- key. Owner only: the application role has no privilege on it.
CREATE TABLE incas_data_key (
  singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  fingerprint  text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  rotated_at   timestamptz
);
