/**
 * Named shapes of the pilot API, derived from the generated description (house style: no API
 * type is written twice).
 */
import type { BodyOf, Get, Patch, Post, Put, QueryOf, SuccessOf } from '../../../api/operations';

export type CasesQuery = QueryOf<Get<'/api/v1/pilot/cases'>>;
export type CaseDetail = SuccessOf<Get<'/api/v1/pilot/cases/{caseId}'>>;
export type CaseStatus = CaseDetail['status'];
export type ExitReason = CaseDetail['allowedExitReasons'][number];
export type Member = CaseDetail['members'][number];
export type Permit = Member['permits'][number];
export type PermitStatus = Permit['status'];
export type PermitBasis = Permit['basis'];
export type CreateCaseBody = BodyOf<Post<'/api/v1/pilot/cases'>>;
export type PersonInput = CreateCaseBody['holder'];
export type AddMemberBody = BodyOf<Post<'/api/v1/pilot/cases/{caseId}/members'>>;
export type Relation = AddMemberBody['relation'];
export type CaseTransitionBody = BodyOf<Post<'/api/v1/pilot/cases/{caseId}/transitions'>>;
export type AdmissionDecisionBody = BodyOf<Post<'/api/v1/pilot/cases/{caseId}/members/{personId}/admission'>>;
export type CreatePermitBody = BodyOf<Post<'/api/v1/pilot/persons/{personId}/permits'>>;
export type PermitEventBody = BodyOf<Post<'/api/v1/pilot/permits/{permitId}/events'>>;
export type PermitEventKind = PermitEventBody['event'];

export type Referral = SuccessOf<Get<'/api/v1/pilot/referrals'>>['items'][number];
export type ReferralsQuery = QueryOf<Get<'/api/v1/pilot/referrals'>>;
export type CreateReferralBody = BodyOf<Post<'/api/v1/pilot/referrals'>>;
export type UpdateReferralBody = BodyOf<Patch<'/api/v1/pilot/referrals/{referralId}'>>;
export type ReferralSource = Referral['source'];
export type ReferralChannel = Referral['channel'];
export type Sector = Referral['sector'];
export type ReferralOutcome = Referral['outcome'];
export type Observation = Referral['screening'][number]['observed'];

export type PaiDetail = SuccessOf<Get<'/api/v1/pilot/pais/{paiId}'>>;
export type PaiStatus = PaiDetail['status'];
export type PaiNeeds = PaiDetail['needs'];
export type Measure = PaiDetail['measures'][number];
export type MeasureType = Measure['type'];
export type MeasureStatus = Measure['status'];
export type CreatePaiBody = BodyOf<Post<'/api/v1/pilot/cases/{caseId}/pais'>>;
export type UpdatePaiBody = BodyOf<Patch<'/api/v1/pilot/pais/{paiId}'>>;
export type PaiTransitionBody = BodyOf<Post<'/api/v1/pilot/pais/{paiId}/transitions'>>;
export type CreateMeasureBody = BodyOf<Post<'/api/v1/pilot/pais/{paiId}/measures'>>;
export type UpdateMeasureBody = BodyOf<Patch<'/api/v1/pilot/measures/{measureId}'>>;
export type EducationLevel = PaiNeeds['education'];
export type CefrLevel = PaiNeeds['languages'][number]['level'];

export type CaseOutcomes = SuccessOf<Get<'/api/v1/pilot/cases/{caseId}/outcomes'>>;
export type Contract = CaseOutcomes['contracts'][number];
export type Outcome = CaseOutcomes['outcomes'][number];
export type ContractType = Contract['type'];
export type OutcomeKind = Outcome['kind'];
export type CreateContractBody = BodyOf<Post<'/api/v1/pilot/cases/{caseId}/contracts'>>;
export type CreateOutcomeBody = BodyOf<Post<'/api/v1/pilot/cases/{caseId}/outcomes'>>;
export type ImportBody = BodyOf<Post<'/api/v1/pilot/import'>>;
export type ImportMode = ImportBody['mode'];
export type ImportEncoding = NonNullable<ImportBody['encoding']>;
export type ImportReport = SuccessOf<Post<'/api/v1/pilot/import'>>;
export type ImportRow = ImportReport['report'][number];
export type ImportRowStatus = ImportRow['status'];
export type PaiVersion = SuccessOf<Get<'/api/v1/pilot/pais/{paiId}/versions/{version}'>>;

export type CaseSummary = SuccessOf<Get<'/api/v1/pilot/cases'>>['items'][number];
export type PermitExpiryFilter = NonNullable<CasesQuery['permitExpiry']>;
export type PaiStateFilter = NonNullable<CasesQuery['paiStatus']>;
export type CaseManager = SuccessOf<Get<'/api/v1/pilot/case-managers'>>['items'][number];
export type ReassignCaseBody = BodyOf<Put<'/api/v1/pilot/cases/{caseId}/case-manager'>>;
// case records: documents and notes (issue 9)
export type CaseDocument = SuccessOf<Get<'/api/v1/pilot/cases/{caseId}/documents'>>['items'][number];
export type DocumentKind = CaseDocument['kind'];
export type UploadDocumentBody = BodyOf<Post<'/api/v1/pilot/cases/{caseId}/documents'>>;
export type CaseNote = SuccessOf<Get<'/api/v1/pilot/cases/{caseId}/notes'>>['items'][number];
