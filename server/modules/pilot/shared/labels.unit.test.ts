import { describe, expect, it } from 'vitest';
import { labelCatalogue, labelLanguages, labelOf, type LabelGroup } from './labels.js';
import {
  caseStatuses,
  cefrLevels,
  contractTypes,
  documentKinds,
  educationLevels,
  exitReasons,
  importColumns,
  importMessages,
  importTemplateWords,
  kinshipKinds,
  measureStatuses,
  measureTypes,
  observations,
  outcomeKinds,
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
  taskKinds,
  taskStatuses,
  taskTexts,
} from './vocab.js';
import { IDENTITY_READS, identityReadKey } from './identity-reads.js';

const vocabulary: Record<LabelGroup, readonly string[]> = {
  caseStatus: caseStatuses,
  exitReason: exitReasons,
  relation: relations,
  kinship: kinshipKinds,
  sex: sexes,
  permitStatus: permitStatuses,
  permitBasis: permitBases,
  permitInitiator: permitInitiators,
  paiStatus: paiStatuses,
  measureType: measureTypes,
  measureStatus: measureStatuses,
  education: educationLevels,
  cefr: cefrLevels,
  referralSource: referralSources,
  referralChannel: referralChannels,
  sector: sectors,
  observation: observations,
  referralOutcome: referralOutcomes,
  contractType: contractTypes,
  importColumn: importColumns,
  importMessage: importMessages,
  importTemplate: importTemplateWords,
  taskKind: taskKinds,
  taskStatus: taskStatuses,
  taskText: taskTexts,
  documentKind: documentKinds,
  outcomeKind: outcomeKinds,
  identityRead: IDENTITY_READS.map((r) => identityReadKey(r.action)),
};

describe('domain label catalogue', () => {
  it.each(labelLanguages)('labels every value of every group of the vocabulary, and no other, in %s', (lang) => {
    const catalogue: Record<string, Record<string, string>> = labelCatalogue(lang);
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(vocabulary).sort());
    for (const [group, values] of Object.entries(vocabulary)) {
      expect(Object.keys(catalogue[group] ?? {}).sort(), group).toEqual([...values].sort());
      for (const v of values) expect(catalogue[group]?.[v]?.trim().length, `${group}.${v}`).toBeGreaterThan(0);
    }
  });

  it('gives the Italian and the English label of a value', () => {
    expect(labelOf('it', 'caseStatus', 'ammesso_misure')).toBe('ammesso alle misure di assistenza');
    expect(labelOf('en', 'caseStatus', 'ammesso_misure')).toBe('admitted to the assistance measures');
    expect(labelOf('it', 'relation', 'nipote_di_nonno')).toBe('nipote (figlio/a di un figlio/a)');
    expect(labelOf('it', 'relation', 'nipote_di_zio')).toBe('nipote (figlio/a di fratello/sorella)');
    expect(labelOf('it', 'measureType', 'corso_italiano')).toBe('Corso di lingua italiana');
  });
});
