/**
 * The 18-ter pilot's closed lists as the server declares them (server/modules/pilot/shared/vocab.ts):
 * one place, so the web never spells a value list twice. The features check them against the API
 * types (features/cases/vocab.ts).
 */
export {
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
} from '../../../server/modules/pilot/shared/vocab';
