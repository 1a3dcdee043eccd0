-- The indicator catalogue's reference data (issue 12 item 2; domain.md §5.3): the common output
-- and result indicators of the AMIF's Specific Objective 2 ("Migrazione legale e integrazione"),
-- Regulation (EU) 2021/1147, Annex VIII, as the PN FAMI 2021-2027 reports them. Source of the
-- codes and wording: Reg. (UE) 2021/1147 Annex VIII, https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32021R1147
-- (as summarised in domain.md §5.3; the Italian labels are ours, following the regulation's
-- Italian text in substance). Disaggregations are those meaningful for people (sex, age band,
-- nationality); the counts of authorities, packages and projects have none.
INSERT INTO project_indicator_defs (code, framework, kind, label_it, label_en, unit, disaggregations, created_at) VALUES
  ('O.2.1', 'AMIF_ANNEX_VIII', 'OUTPUT',
   'Partecipanti a misure pre-partenza',
   'Number of participants in pre-departure measures',
   'partecipanti', '{sex,age,nationality}', now()),
  ('O.2.2', 'AMIF_ANNEX_VIII', 'OUTPUT',
   'Autorità locali e regionali sostenute nell''attuazione di misure di integrazione',
   'Number of local and regional authorities supported to implement integration measures',
   'enti', '{}', now()),
  ('O.2.3', 'AMIF_ANNEX_VIII', 'OUTPUT',
   'Partecipanti sostenuti',
   'Number of participants supported',
   'partecipanti', '{sex,age,nationality}', now()),
  ('O.2.3.1', 'AMIF_ANNEX_VIII', 'OUTPUT',
   'di cui partecipanti a un corso di lingua',
   'of which the number of participants in a language course',
   'partecipanti', '{sex,age,nationality}', now()),
  ('O.2.3.2', 'AMIF_ANNEX_VIII', 'OUTPUT',
   'di cui partecipanti a un corso di orientamento civico',
   'of which the number of participants in a civic orientation course',
   'partecipanti', '{sex,age,nationality}', now()),
  ('O.2.3.3', 'AMIF_ANNEX_VIII', 'OUTPUT',
   'di cui partecipanti che ricevono orientamento professionale personalizzato',
   'of which the number of participants receiving personal professional guidance',
   'partecipanti', '{sex,age,nationality}', now()),
  ('O.2.4', 'AMIF_ANNEX_VIII', 'OUTPUT',
   'Pacchetti informativi e campagne di sensibilizzazione sui canali di migrazione legale verso l''Unione',
   'Number of information packages and campaigns to raise awareness of legal migration channels to the Union',
   'pacchetti e campagne', '{}', now()),
  ('O.2.5', 'AMIF_ANNEX_VIII', 'OUTPUT',
   'Partecipanti che ricevono informazioni e/o assistenza per presentare domanda di ricongiungimento familiare',
   'Number of participants receiving information and/or assistance to apply for family reunification',
   'partecipanti', '{sex,age,nationality}', now()),
  ('O.2.6', 'AMIF_ANNEX_VIII', 'OUTPUT',
   'Partecipanti che beneficiano di programmi di mobilità',
   'Number of participants benefiting from mobility schemes',
   'partecipanti', '{sex,age,nationality}', now()),
  ('O.2.7', 'AMIF_ANNEX_VIII', 'OUTPUT',
   'Progetti di integrazione di cui sono beneficiarie autorità locali e regionali',
   'Number of integration projects where local and regional authorities are the beneficiary',
   'progetti', '{}', now()),
  ('R.2.8', 'AMIF_ANNEX_VIII', 'RESULT',
   'Partecipanti a corsi di lingua che hanno migliorato di almeno un livello il QCER o un livello nazionale equivalente',
   'Number of participants in language courses who have improved their proficiency level by at least one level in the CEFR or national equivalent',
   'partecipanti', '{sex,age,nationality}', now()),
  ('R.2.9', 'AMIF_ANNEX_VIII', 'RESULT',
   'Partecipanti che dichiarano che l''attività è stata utile per la loro integrazione',
   'Number of participants who report that the activity was helpful for their integration',
   'partecipanti', '{sex,age,nationality}', now()),
  ('R.2.10', 'AMIF_ANNEX_VIII', 'RESULT',
   'Partecipanti che hanno chiesto il riconoscimento o la valutazione di qualifiche o competenze acquisite in un paese terzo',
   'Number of participants who applied for their qualification or skills acquired in a third country to be recognised/assessed',
   'partecipanti', '{sex,age,nationality}', now()),
  ('R.2.11', 'AMIF_ANNEX_VIII', 'RESULT',
   'Partecipanti che hanno presentato domanda di permesso di soggiorno di lungo periodo',
   'Number of participants who applied for a long-term resident status',
   'partecipanti', '{sex,age,nationality}', now())
ON CONFLICT (code) DO NOTHING;

-- A custom indicator belongs to the project that defined it: the catalogue page lists only the
-- shared frameworks, and a project adds only the common ones or its own.
ALTER TABLE project_indicator_defs ADD COLUMN project_id uuid REFERENCES projects (id);
ALTER TABLE project_indicator_defs ADD CONSTRAINT project_indicator_defs_custom_owner
  CHECK ((framework = 'CUSTOM') = (project_id IS NOT NULL));

-- Whether a CUP is already used by another project, across every Comune: the CUP is unique
-- nationally, while row-level security hides other Comuni's projects from the Comune asking.
-- Answers only yes or no.
CREATE FUNCTION project_cup_taken(p_cup text, p_except uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM projects WHERE cup = p_cup AND (p_except IS NULL OR id <> p_except))
$$;
REVOKE ALL ON FUNCTION project_cup_taken(text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION project_cup_taken(text, uuid) TO incas_app;
