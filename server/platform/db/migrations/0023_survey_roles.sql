-- Two roles for the national surveys (issue 10): in a Comune, whoever fills in a questionnaire
-- (compilatore_indagine) and whoever checks and sends it on the Comune's behalf
-- (validatore_indagine). A Comune may have survey users and no 18-ter users at all.
ALTER TABLE user_roles DROP CONSTRAINT user_roles_role_check;
ALTER TABLE user_roles ADD CONSTRAINT user_roles_role_check CHECK (role IN (
  'operatore', 'referente_comunale', 'responsabile_amministrativo', 'revisore',
  'regione', 'assistenza_tecnica', 'mlps', 'amministratore',
  'compilatore_indagine', 'validatore_indagine'));
