-- The bytes of an expense's documents are kept by the platform's document store (decision 0050),
-- encrypted with the data key as text (a "v1:" token of their base64), like the pilot's: the key
-- check at start and the key rotation read and write the column as text. The table is empty until
-- the expenses' documents are uploaded, so the conversion changes no data.
ALTER TABLE project_document_contents ALTER COLUMN content TYPE text USING encode(content, 'escape');
