-- Word-prefix search on Comune names without scanning: one row per word start of the folded
-- name and alternative-language name ("reggio di calabria" → "reggio di calabria",
-- "di calabria", "calabria"), so `term LIKE 'cal%'` is an index range scan.
CREATE TABLE comuni_search_terms (
  term        text NOT NULL,
  istat_code  char(6) NOT NULL REFERENCES comuni (istat_code) ON DELETE CASCADE,
  PRIMARY KEY (istat_code, term)
);
CREATE INDEX comuni_search_terms_term_idx ON comuni_search_terms (term text_pattern_ops);

GRANT SELECT ON comuni_search_terms TO incas_app;
