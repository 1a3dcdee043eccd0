/**
 * The closed lists of the pilot as the forms offer them. Their types come from the API; the
 * `satisfies` + `Exhaustive` checks fail to compile when the server adds or drops a value.
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
  PaiStatus,
  PermitBasis,
  PermitEventKind,
  PermitStatus,
  ReferralChannel,
  ReferralOutcome,
  ReferralSource,
  Relation,
  Sector,
} from './api/types';
import { pilotImportRequestInputEncodingValues, pilotImportRequestInputModeValues } from '../../api/schema';

type Exhaustive<T extends string, L extends readonly T[]> = [T] extends [L[number]]
  ? unknown
  : { missing: Exclude<T, L[number]> };
const all =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & Exhaustive<T, L>) =>
    list;

export const CASE_STATUSES = all<CaseStatus>()(['aperto', 'ammesso_misure', 'pai_attivo', 'sospeso', 'chiuso']);
export const EXIT_REASONS = all<ExitReason>()([
  'lavoro_autonomia',
  'trasferimento',
  'abbandono',
  'revoca_art7',
  'scadenza_permesso',
]);
export const RELATIONS = all<Relation>()([
  'coniuge',
  'figlio',
  'genitore',
  'fratello',
  'nonno',
  'nipote_di_nonno',
  'nipote_di_zio',
  'zio',
  'suocero',
  'genero_nuora',
  'cognato',
  'figliastro',
  'patrigno_matrigna',
  'altro',
]);
export const SEXES = ['F', 'M', 'X'] as const;
export const PERMIT_BASES = all<PermitBasis>()([
  'art_18ter',
  'art_18',
  'motivi_famiglia',
  'lavoro_subordinato',
  'lavoro_autonomo',
  'studio',
  'altro',
]);
export const PERMIT_INITIATORS = ['proposta_ag', 'parere_inl'] as const;
export const PERMIT_STATUSES = all<PermitStatus>()([
  'in_istruttoria',
  'ricevuta_rilasciata',
  'rilasciato',
  'in_scadenza',
  'rinnovo_richiesto',
  'rinnovato',
  'convertito',
  'revocato',
  'scaduto',
]);
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
export const PAI_STATUSES = all<PaiStatus>()(['bozza', 'condiviso', 'approvato', 'in_corso', 'in_revisione', 'chiuso']);
export const CORE_MEASURES = [
  'orientamento',
  'bilancio_competenze',
  'formazione',
  'riqualificazione',
  'corso_italiano',
  'tirocinio',
  'accompagnamento_lavoro',
] as const satisfies readonly MeasureType[];
export const SUPPORT_MEASURES = [
  'supporto_abitativo',
  'trasporto',
  'mediazione',
  'legale',
  'sanitario',
  'cura_figli',
  'sostegno_economico',
  'altro_complementare',
] as const satisfies readonly MeasureType[];
export const MEASURE_TYPES = all<MeasureType>()([...CORE_MEASURES, ...SUPPORT_MEASURES]);
export const MEASURE_STATUSES = all<MeasureStatus>()([
  'pianificata',
  'avviata',
  'completata',
  'interrotta',
  'annullata',
]);
export const EDUCATION_LEVELS = all<EducationLevel>()([
  'nessuno',
  'primaria',
  'secondaria_inferiore',
  'secondaria_superiore',
  'professionale',
  'universitaria',
]);
export const CEFR_LEVELS = all<CefrLevel>()(['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'madrelingua']);
export const REFERRAL_SOURCES = all<ReferralSource>()([
  'inl',
  'forze_ordine',
  'procura',
  'sindacato',
  'ente_antitratta',
  'servizi_sociali',
  'sai_cas',
  'asl',
  'terzo_settore',
  'autosegnalazione',
  'altro',
]);
export const REFERRAL_CHANNELS = all<ReferralChannel>()([
  'telefono',
  'email',
  'di_persona',
  'numero_verde',
  'unita_di_strada',
  'pec',
  'altro',
]);
export const SECTORS = all<Sector>()([
  'agricoltura',
  'edilizia',
  'logistica',
  'manifattura',
  'ristorazione',
  'turismo',
  'lavoro_domestico_cura',
  'commercio',
  'pulizie',
  'altro',
]);
export const REFERRAL_OUTCOMES = all<ReferralOutcome>()([
  'in_screening',
  'non_pertinente',
  'inviata_altro_servizio',
  'in_attesa_identificazione',
  'permesso_avviato',
]);
/** The outcomes a referral may still move to (the server's referral machine). */
export const REFERRAL_NEXT: Record<ReferralOutcome, readonly ReferralOutcome[]> = {
  in_screening: ['non_pertinente', 'inviata_altro_servizio', 'in_attesa_identificazione', 'permesso_avviato'],
  in_attesa_identificazione: ['permesso_avviato', 'non_pertinente'],
  non_pertinente: [],
  inviata_altro_servizio: [],
  permesso_avviato: [],
};
export const CONTRACT_TYPES = all<ContractType>()([
  'tempo_determinato',
  'tempo_indeterminato',
  'stagionale',
  'apprendistato',
  'somministrazione',
  'autonomo',
]);
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
/** The columns of an import file, as the server reads them. */
export const IMPORT_COLUMNS = [
  'cognome',
  'nomi',
  'data_nascita',
  'sesso',
  'paese_nascita',
  'cittadinanze',
  'lingue',
  'codice_fiscale',
  'telefono',
  'email',
  'indirizzo',
  'data_presa_in_carico',
  'in_sai',
] as const;
export const OBSERVATIONS = all<Observation>()(['si', 'no', 'non_noto']);

/** Third countries most often met in the pilot, offered first in the country selects (ISO 3166-1). */
export const COMMON_COUNTRIES = [
  'IN',
  'PK',
  'BD',
  'MA',
  'TN',
  'EG',
  'SN',
  'GM',
  'ML',
  'NG',
  'GH',
  'CI',
  'GN',
  'BF',
  'AL',
  'UA',
  'LK',
  'CN',
  'PE',
  'EC',
] as const;

/** Today in the browser's calendar, as 'YYYY-MM-DD'. */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
