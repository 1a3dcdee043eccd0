/**
 * The words of the good practices and case studies (issue 14 item 2), as the database stores them;
 * the browser reads them through web/src/lib/practice-vocabulary.ts and names them in Italian
 * (knowledge.practices.*). The axes and priority actions are the plans module's (the Piano
 * triennale's: plans/index.ts on the server, web/src/lib/plan-vocabulary.ts in the browser), so
 * practices are classified with the plans' own words. Pure: no imports.
 */

/** BOZZA → IN_REVISIONE (sent for review) → PUBBLICATA, or back to BOZZA with the reviewer's comment. */
export const practiceStatuses = ['BOZZA', 'IN_REVISIONE', 'PUBBLICATA'] as const;
export type PracticeStatus = (typeof practiceStatuses)[number];

/** The economic sector the practice works in. */
export const practiceSectors = [
  'AGRICOLTURA',
  'LOGISTICA',
  'EDILIZIA',
  'MANIFATTURA',
  'TURISMO_RISTORAZIONE',
  'LAVORO_DOMESTICO_CURA',
  'COMMERCIO',
  'TRASVERSALE',
] as const;
export type PracticeSector = (typeof practiceSectors)[number];

/**
 * How strong the evidence of a result is, weakest first: an account of those involved, figures
 * from monitoring, a before/after comparison, an evaluation with a comparison group
 * (counterfactual).
 */
export const evidenceLevels = ['ANEDDOTICA', 'MONITORAGGIO', 'PRIMA_DOPO', 'VALUTAZIONE_CONTROFATTUALE'] as const;
export type EvidenceLevel = (typeof evidenceLevels)[number];

/** The Comuni's size classes (the registry's population bands). */
export const sizeClasses = ['lt15k', '15k-50k', '50k-100k', '100k-200k', 'gt200k'] as const;
export type SizeClass = (typeof sizeClasses)[number];

/** The part an organisation played in the practice. */
export const actorRoles = ['CAPOFILA', 'PROMOTORE', 'PARTNER', 'ATTUATORE', 'FINANZIATORE'] as const;
export type ActorRole = (typeof actorRoles)[number];

/** What a practice may be tied to: a Comune, an action of a local plan, an MLPS project, a survey response. */
export const linkKinds = ['COMUNE', 'AZIONE_PLM', 'PROGETTO', 'RISPOSTA_INDAGINE'] as const;
export type LinkKind = (typeof linkKinds)[number];
