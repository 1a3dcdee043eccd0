/**
 * The pilot's domain labels (statuses, relations, measure types…) in Italian and English. One
 * catalogue per language, `labels/{it,en}.json`, that the web client mounts under `cases.*` and
 * that the server's renders (PAI PDF, XLSX exports, e-mails, messages) read through `labelOf`.
 * The files are read from the source tree (like the migrations), from `tsx` and `dist/` alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { moduleDir } from '../../../platform/paths.js';
import type {
  CaseStatus,
  ContractType,
  ExitReason,
  KinshipKind,
  MeasureStatus,
  MeasureType,
  Observation,
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
  cefrLevels,
  educationLevels,
} from './vocab.js';

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
}
export type LabelGroup = keyof LabelGroups;

type Catalogue = { [G in LabelGroup]: Record<LabelGroups[G], string> };

const catalogues = new Map<LabelLanguage, Catalogue>();

/** The whole catalogue of one language (read once, then cached). */
export function labelCatalogue(lang: LabelLanguage): Catalogue {
  let catalogue = catalogues.get(lang);
  if (!catalogue) {
    const file = join(moduleDir('pilot'), 'shared', 'labels', `${lang}.json`);
    catalogue = JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
    catalogues.set(lang, catalogue);
  }
  return catalogue;
}

/** The label of `value` in `group`, in `lang`; the value itself if the catalogue lacks it. */
export function labelOf<G extends LabelGroup>(lang: LabelLanguage, group: G, value: LabelGroups[G]): string {
  const labels: Partial<Record<string, string>> = labelCatalogue(lang)[group];
  return labels[value] ?? value;
}
