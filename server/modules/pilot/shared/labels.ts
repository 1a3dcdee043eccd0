/**
 * The pilot's domain labels (statuses, relations, measure types…) in Italian and English. One
 * catalogue per language, `labels/{it,en}.json`, that the web client mounts under `cases.*` and
 * that the server's renders (PAI PDF, XLSX exports, e-mails, messages) read through `labelOf`.
 * The files are imported as modules (the build copies them), so reading a label is pure, and the
 * compiler checks that each catalogue labels every value of every group.
 */
import en from './labels/en.json' with { type: 'json' };
import it from './labels/it.json' with { type: 'json' };
import type {
  CaseStatus,
  ContractType,
  DocumentKind,
  ExitReason,
  ImportColumn,
  ImportMessage,
  ImportTemplateWord,
  KinshipKind,
  MeasureStatus,
  MeasureType,
  Observation,
  OutcomeKind,
  PaiStatus,
  PermitBasis,
  PermitInitiator,
  PermitStatus,
  ReferralChannel,
  ReferralOutcome,
  ReferralSource,
  Relation,
  Sector,
  Sex,
  TaskKind,
  TaskStatus,
  TaskText,
  cefrLevels,
  educationLevels,
} from './vocab.js';
import type { IdentityReadKey } from './identity-reads.js';

/** The languages of the catalogue; Italian is the default of every render. */
export const labelLanguages = ['it', 'en'] as const;
export type LabelLanguage = (typeof labelLanguages)[number];

/** Each group of the catalogue and the values it labels. */
export interface LabelGroups {
  caseStatus: CaseStatus;
  exitReason: ExitReason;
  relation: Relation;
  kinship: KinshipKind;
  sex: Sex;
  permitStatus: PermitStatus;
  permitBasis: PermitBasis;
  permitInitiator: PermitInitiator;
  paiStatus: PaiStatus;
  measureType: MeasureType;
  measureStatus: MeasureStatus;
  education: (typeof educationLevels)[number];
  cefr: (typeof cefrLevels)[number];
  referralSource: ReferralSource;
  referralChannel: ReferralChannel;
  sector: Sector;
  observation: Observation;
  referralOutcome: ReferralOutcome;
  contractType: ContractType;
  importColumn: ImportColumn;
  importMessage: ImportMessage;
  importTemplate: ImportTemplateWord;
  taskKind: TaskKind;
  taskStatus: TaskStatus;
  /** The work list's sentences, with {placeholders} (tasks.text.ts fills them in). */
  taskText: TaskText;
  documentKind: DocumentKind;
  outcomeKind: OutcomeKind;
  identityRead: IdentityReadKey;
}
export type LabelGroup = keyof LabelGroups;

type Catalogue = { [G in LabelGroup]: Record<LabelGroups[G], string> };

const catalogues: Record<LabelLanguage, Catalogue> = { it, en };

/** The whole catalogue of one language. */
export function labelCatalogue(lang: LabelLanguage): Catalogue {
  return catalogues[lang];
}

/** The label of `value` in `group`, in `lang`; the value itself if the catalogue lacks it. */
export function labelOf<G extends LabelGroup>(lang: LabelLanguage, group: G, value: LabelGroups[G]): string {
  const labels: Partial<Record<string, string>> = labelCatalogue(lang)[group];
  return labels[value] ?? value;
}
