/**
 * The words of the help desk (issue 14 item 4), as the database stores them; the web names them in
 * Italian (helpdesk.common.*).
 */
export const helpTopics = [
  'PROGETTAZIONE',
  'RENDICONTAZIONE',
  'MONITORAGGIO',
  'VALUTAZIONE',
  'PLM',
  'PILOTA_18TER',
  'ALTRO',
] as const;
export type HelpTopic = (typeof helpTopics)[number];

/** The Italian names of the topics (for the server's texts; the web has its own catalogue). */
export const topicLabels: Record<HelpTopic, string> = {
  PROGETTAZIONE: 'Progettazione',
  RENDICONTAZIONE: 'Rendicontazione',
  MONITORAGGIO: 'Monitoraggio',
  VALUTAZIONE: 'Valutazione',
  PLM: 'Piano locale multisettoriale',
  PILOTA_18TER: 'Pilota 18-ter',
  ALTRO: 'Altro',
};

export const helpPriorities = ['NORMALE', 'ALTA'] as const;
export type HelpPriority = (typeof helpPriorities)[number];

/** NUOVA → ASSEGNATA → IN_LAVORAZIONE ⇄ IN_ATTESA_COMUNE → RISOLTA → CHIUSA (reopened within REOPEN_DAYS). */
export const requestStatuses = [
  'NUOVA',
  'ASSEGNATA',
  'IN_LAVORAZIONE',
  'IN_ATTESA_COMUNE',
  'RISOLTA',
  'CHIUSA',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export const answerStatuses = ['BOZZA', 'PUBBLICATA', 'RITIRATA'] as const;
export type AnswerStatus = (typeof answerStatuses)[number];

export const escalationKinds = ['PRIMA_RISPOSTA', 'RISOLUZIONE'] as const;
export type EscalationKind = (typeof escalationKinds)[number];
