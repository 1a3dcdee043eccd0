/**
 * The Comune and its respondent, as both demo questionnaires ask them in their section A (the
 * 2021 census adds the cadastral code and the Assessore's portfolio, and numbers the office and
 * the e-mail differently): the questions and the list of roles, written once.
 */
import { list, type ChoiceRow, type SurveyRow } from './xlsform-rows.js';

export const comuneName: SurveyRow = {
  type: 'text',
  name: 'a1_comune',
  label: ['A1. Nome del Comune', 'A1. Name of the Comune'],
  required: 'yes',
};

export const respondentName: SurveyRow = {
  type: 'text',
  name: 'a2_nome',
  label: ['A2. Nome e cognome del rispondente', 'A2. Name of the respondent'],
  required: 'yes',
  constraint: 'string-length(.) >= 3',
  constraint_message: ['Indicare nome e cognome', 'Give first and last name'],
};

/** The respondent's role, and what it is when none of the list fits. */
export const respondentRole: SurveyRow[] = [
  {
    type: 'select_one ruolo',
    name: 'a3_ruolo',
    label: ['A3. Ruolo del rispondente', 'A3. Role of the respondent'],
    required: 'yes',
  },
  {
    type: 'text',
    name: 'a3_ruolo_altro',
    label: ['Specificare il ruolo', 'Specify the role'],
    relevant: "${a3_ruolo} = 'altro'",
    required: 'yes',
  },
];

/** The respondent's office, under the number the questionnaire gives it (`A4`). */
export const respondentOffice = (n: string): SurveyRow => ({
  type: 'text',
  name: 'a3b_ufficio',
  label: [`${n}. Ufficio o settore di appartenenza`, `${n}. Office or department`],
  required: 'yes',
});

/** The respondent's e-mail address, under the number the questionnaire gives it (`A5`). */
export const respondentEmail = (n: string): SurveyRow => ({
  type: 'text',
  name: 'a4_email',
  label: [`${n}. Indirizzo email del rispondente`, `${n}. E-mail address of the respondent`],
  required: 'yes',
  constraint: "regex(., '^[^@ ]+@[^@ ]+[.][a-z]{2,}$')",
  constraint_message: ['Indicare un indirizzo email valido (es. nome@comune.it)', 'Give a valid e-mail address'],
});

/** The choices of `a3_ruolo`. */
export const roleChoices: ChoiceRow[] = list('ruolo', [
  ['sindaco', 'Sindaco / Vicesindaco / Commissario', 'Mayor / Deputy mayor / Commissioner'],
  ['assessore', 'Assessore', 'Councillor with a portfolio (Assessore)'],
  ['dirigente', 'Dirigente / Responsabile / Funzionario', 'Manager / Head of office / Officer'],
  ['polizia_locale', 'Comandante / Agente di Polizia Locale', 'Local police commander / officer'],
  ['servizi_sociali', 'Referente Servizi Sociali / Assistente Sociale', 'Social services contact / Social worker'],
  ['altro', 'Altro', 'Other'],
]);
