/**
 * The words of the 18-ter pilot (domain.md §7.2–7.3): every enumeration the database, the rules,
 * the API schemas and the web client share. One place, so a value is never spelled twice.
 */

/** Organisation types that refer a person (Linee Guida 2021, §2.3 of domain.md). */
export const referralSources = [
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
] as const;
export type ReferralSource = (typeof referralSources)[number];

export const referralChannels = [
  'telefono',
  'email',
  'di_persona',
  'numero_verde',
  'unita_di_strada',
  'pec',
  'altro',
] as const;
export type ReferralChannel = (typeof referralChannels)[number];

export const sectors = [
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
] as const;
export type Sector = (typeof sectors)[number];

/** Outcome of the preliminary screening (identificazione preliminare). */
export const referralOutcomes = [
  'in_screening',
  'non_pertinente',
  'inviata_altro_servizio',
  'in_attesa_identificazione',
  'permesso_avviato',
] as const;
export type ReferralOutcome = (typeof referralOutcomes)[number];

export const observations = ['si', 'no', 'non_noto'] as const;
export type Observation = (typeof observations)[number];

export const sexes = ['F', 'M', 'X'] as const;
export type Sex = (typeof sexes)[number];

/** Relation of a family member to the permit holder: the holder is "ego". */
export const relations = [
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
] as const;
export type Relation = (typeof relations)[number];

export const kinshipKinds = ['parentela', 'affinita', 'coniugio', 'nessuno'] as const;
export type KinshipKind = (typeof kinshipKinds)[number];

export const permitBases = [
  'art_18ter',
  'art_18',
  'motivi_famiglia',
  'lavoro_subordinato',
  'lavoro_autonomo',
  'studio',
  'altro',
] as const;
export type PermitBasis = (typeof permitBases)[number];

export const permitInitiators = ['proposta_ag', 'parere_inl'] as const;
export type PermitInitiator = (typeof permitInitiators)[number];

/** Status of a permit, derived from its dates and events, never typed in. */
export const permitStatuses = [
  'in_istruttoria',
  'ricevuta_rilasciata',
  'rilasciato',
  'in_scadenza',
  'rinnovo_richiesto',
  'rinnovato',
  'convertito',
  'revocato',
  'scaduto',
] as const;
export type PermitStatus = (typeof permitStatuses)[number];

export const caseStatuses = ['aperto', 'ammesso_misure', 'pai_attivo', 'sospeso', 'chiuso'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Why a case closed (domain.md §7.3). */
export const exitReasons = [
  'lavoro_autonomia',
  'trasferimento',
  'abbandono',
  'revoca_art7',
  'scadenza_permesso',
] as const;
export type ExitReason = (typeof exitReasons)[number];

export const paiStatuses = ['bozza', 'condiviso', 'approvato', 'in_corso', 'in_revisione', 'chiuso'] as const;
export type PaiStatus = (typeof paiStatuses)[number];

/** The measure catalogue: the core measures, then the complementary support. */
export const coreMeasureTypes = [
  'orientamento',
  'bilancio_competenze',
  'formazione',
  'riqualificazione',
  'corso_italiano',
  'tirocinio',
  'accompagnamento_lavoro',
] as const;
export const supportMeasureTypes = [
  'supporto_abitativo',
  'trasporto',
  'mediazione',
  'legale',
  'sanitario',
  'cura_figli',
  'sostegno_economico',
  'altro_complementare',
] as const;
export const measureTypes = [...coreMeasureTypes, ...supportMeasureTypes] as const;
export type MeasureType = (typeof measureTypes)[number];

export const measureStatuses = ['pianificata', 'avviata', 'completata', 'interrotta', 'annullata'] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

/** CEFR levels for languages (needs assessment). */
export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'madrelingua'] as const;

export const educationLevels = [
  'nessuno',
  'primaria',
  'secondaria_inferiore',
  'secondaria_superiore',
  'professionale',
  'universitaria',
] as const;

export const contractTypes = [
  'tempo_determinato',
  'tempo_indeterminato',
  'stagionale',
  'apprendistato',
  'somministrazione',
  'autonomo',
] as const;
export type ContractType = (typeof contractTypes)[number];

export const issueCategories = [
  'presa_in_carico',
  'permessi',
  'misure',
  'rete_territoriale',
  'finanziaria',
  'dati',
  'altro',
] as const;
export const issueStatuses = ['aperta', 'in_corso', 'risolta', 'chiusa'] as const;

/**
 * What a work-list task asks. The case manager's: a permit expiring, a PAI review, a follow-up, a
 * late measure; the referente's: a PAI waiting for approval, a person waiting for the admission
 * decision; the responsabile amministrativo's: a measure ended without its actual cost, the next
 * year's allocation missing, the year's budget near exhaustion; every operatore's and referente's of
 * the Comune: a referral waiting in screening.
 */
export const taskKinds = [
  'permit_expiry',
  'pai_review',
  'follow_up',
  'measure_overdue',
  'pai_approval',
  'admission_pending',
  'measure_cost_missing',
  'allocation_missing',
  'budget_low',
  'referral_screening',
] as const;
export type TaskKind = (typeof taskKinds)[number];

// ---------------------------------------------------------------------------------------------
// Import of beneficiaries (cases/import.*): the file's columns, the messages of its report and the
// words of its template, each labelled in labels/{it,en}.json.
// ---------------------------------------------------------------------------------------------
/** The columns of an import file, named in Italian as the users write them. */
export const importColumns = [
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
  'case_manager',
] as const;
export type ImportColumn = (typeof importColumns)[number];

export const importMessages = [
  'at',
  'atRow',
  'required',
  'date',
  'dateFuture',
  'birthDate',
  'sex',
  'country',
  'language',
  'notThirdCountry',
  'boolean',
  'email',
  'codiceFiscale',
  'tooLong',
  'tooMany',
  'extraCells',
  'caseManager',
  'caseManagerChosen',
  'invalid',
  'noRows',
  'missingColumns',
  'invalidRows',
] as const;
export type ImportMessage = (typeof importMessages)[number];

export const importTemplateWords = [
  'sheetData',
  'sheetHelp',
  'sheetCountries',
  'sheetLanguages',
  'column',
  'required',
  'format',
  'example',
  'yes',
  'no',
  'code',
  'name',
] as const;
export type ImportTemplateWord = (typeof importTemplateWords)[number];
/** The sentences of the work list: one per kind, a late measure has two (not started, not ended). */
export const taskTexts = [
  'permit_expiry',
  'pai_review',
  'follow_up',
  'measure_not_started',
  'measure_not_ended',
  'pai_approval',
  'admission_pending',
  'measure_cost_missing',
  'allocation_missing',
  'budget_low',
  'referral_screening',
] as const;
export type TaskText = (typeof taskTexts)[number];
/** aperto; fatto (marked done by a person); superato (its cause ended: closed by the application). */
export const taskStatuses = ['aperto', 'fatto', 'superato'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
/** The roles that hold cases: the operatore (case manager) and the referente comunale. */
export const caseManagerRoles = ['operatore', 'referente_comunale'] as const;

/**
 * Who a task goes to: the case's manager, or every holder of a role in the Comune;
 * 'operatori_referenti' is every operatore and referente comunale of the Comune (who may hold a case).
 */
export const taskAssignees = [
  'case_manager',
  'referente_comunale',
  'responsabile_amministrativo',
  'operatori_referenti',
] as const;
export type TaskAssignee = (typeof taskAssignees)[number];
/** The kinds of document attached to a person or a PAI (records/, decision 0025). */
export const documentKinds = ['pai_firmato', 'permesso_soggiorno', 'documento_identita', 'altro'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** The outcomes recorded for a person (cases/outcomes), labelled in the catalogue for the printed summary. */
export const outcomeKinds = [
  'certificato',
  'assegno_inclusione',
  'autonomia_abitativa',
  'follow_up_6',
  'follow_up_12',
] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];
