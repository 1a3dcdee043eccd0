/**
 * The closed lists of the pilot as the forms offer them: the server's own lists (lib/pilotVocab),
 * checked against the API types; the `satisfies` + `Exhaustive` checks fail to compile when the
 * two disagree.
 */
import type {
  CaseStatus,
  CefrLevel,
  ContractType,
  EducationLevel,
  ExitReason,
  ImportRowStatus,
  MeasureStatus,
  MeasureType,
  Observation,
  OutcomeKind,
  PaiStateFilter,
  PaiStatus,
  PermitBasis,
  PermitEventKind,
  PermitExpiryFilter,
  PermitStatus,
  ReferralChannel,
  ReferralOutcome,
  ReferralSource,
  Relation,
  Sector,
} from './api/types';
import { pilotImportRequestInputEncodingValues, pilotImportRequestInputModeValues } from '../../api/schema';
import {
  caseStatuses,
  cefrLevels,
  contractTypes,
  coreMeasureTypes,
  educationLevels,
  exitReasons,
  importColumns,
  measureStatuses,
  observations,
  paiStatuses,
  permitBases,
  permitInitiators,
  permitStatuses,
  referralChannels,
  referralOutcomes,
  referralSources,
  relations,
  sectors,
  sexes,
  supportMeasureTypes,
} from '../../lib/pilotVocab';

type Exhaustive<T extends string, L extends readonly T[]> = [T] extends [L[number]]
  ? unknown
  : { missing: Exclude<T, L[number]> };
const all =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & Exhaustive<T, L>) =>
    list;

export const CASE_STATUSES = all<CaseStatus>()(caseStatuses);
export const EXIT_REASONS = all<ExitReason>()(exitReasons);
export const RELATIONS = all<Relation>()(relations);
export const SEXES = sexes;
export const PERMIT_BASES = all<PermitBasis>()(permitBases);
export const PERMIT_INITIATORS = permitInitiators;
export const PERMIT_STATUSES = all<PermitStatus>()(permitStatuses);
export const PERMIT_EVENTS = all<PermitEventKind>()([
  'receipt',
  'issue',
  'renewal_request',
  'renew',
  'conversion_request',
  'convert',
  'revoke',
]);
export const CONVERSION_TARGETS = ['lavoro_subordinato', 'lavoro_autonomo', 'studio'] as const;
export const PAI_STATUSES = all<PaiStatus>()(paiStatuses);
export const CORE_MEASURES = coreMeasureTypes satisfies readonly MeasureType[];
export const SUPPORT_MEASURES = supportMeasureTypes satisfies readonly MeasureType[];
export const MEASURE_TYPES = all<MeasureType>()([...CORE_MEASURES, ...SUPPORT_MEASURES]);
export const MEASURE_STATUSES = all<MeasureStatus>()(measureStatuses);
export const EDUCATION_LEVELS = all<EducationLevel>()(educationLevels);
export const CEFR_LEVELS = all<CefrLevel>()(cefrLevels);
export const REFERRAL_SOURCES = all<ReferralSource>()(referralSources);
export const REFERRAL_CHANNELS = all<ReferralChannel>()(referralChannels);
export const SECTORS = all<Sector>()(sectors);
export const REFERRAL_OUTCOMES = all<ReferralOutcome>()(referralOutcomes);
/** The outcomes a referral may still move to (the server's referral machine). */
export const REFERRAL_NEXT: Record<ReferralOutcome, readonly ReferralOutcome[]> = {
  in_screening: ['non_pertinente', 'inviata_altro_servizio', 'in_attesa_identificazione', 'permesso_avviato'],
  in_attesa_identificazione: ['permesso_avviato', 'non_pertinente'],
  non_pertinente: [],
  inviata_altro_servizio: [],
  permesso_avviato: [],
};
export const CONTRACT_TYPES = all<ContractType>()(contractTypes);
export const OUTCOME_KINDS = all<OutcomeKind>()([
  'certificato',
  'assegno_inclusione',
  'autonomia_abitativa',
  'follow_up_6',
  'follow_up_12',
]);
export const FOLLOW_UPS = ['follow_up_6', 'follow_up_12'] as const satisfies readonly OutcomeKind[];
/** The import modes, in the server's order (generated from its schema: declared once there). */
export const IMPORT_MODES = pilotImportRequestInputModeValues;
/** How a CSV may be decoded, `auto` first (generated from the server's schema). */
export const IMPORT_ENCODINGS = pilotImportRequestInputEncodingValues;
export const IMPORT_ROW_STATUSES = all<ImportRowStatus>()(['valid', 'invalid', 'already_imported', 'imported']);
/** The columns of an import file, as the server reads them (declared once there). */
export const IMPORT_COLUMNS = importColumns;
/** The columns an import file must fill in every row. */
export const IMPORT_REQUIRED: readonly (typeof IMPORT_COLUMNS)[number][] = [
  'cognome',
  'nomi',
  'data_nascita',
  'sesso',
  'paese_nascita',
  'cittadinanze',
  'data_presa_in_carico',
];
/** How in_sai may be written (the server reads these and nothing else). */
export const IMPORT_BOOLEAN_VALUES = 'sì, si, yes, true, 1 / no, false, 0';
export const OBSERVATIONS = all<Observation>()(observations);

/** Today in the browser's calendar, as 'YYYY-MM-DD'. */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The case list's filters on the holder's current permit and latest PAI (the server's lists). */
export const PERMIT_EXPIRY_FILTERS = all<PermitExpiryFilter>()(['within_30', 'within_60', 'within_90', 'expired']);
export const PAI_STATE_FILTERS = all<PaiStateFilter>()([
  'none',
  'bozza',
  'condiviso',
  'approvato',
  'in_corso',
  'in_revisione',
  'chiuso',
]);
/** The shortest search the server accepts. */
export const MIN_SEARCH = 3;
