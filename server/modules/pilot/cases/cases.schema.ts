/**
 * API schemas of referrals, persons, households, permits and cases (the one schema source: they
 * validate requests, shape responses and become the OpenAPI components).
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../../platform/pagination.js';
import { isIsoDate } from '../shared/dates.js';
import { MIN_NAME_QUERY } from '../shared/name-search.js';
import { roleSchema } from '../../access/index.js';
import { IDENTITY_READS, type IdentityReadAction } from '../shared/identity-reads.js';
import {
  caseStatuses,
  exitReasons,
  kinshipKinds,
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
} from '../shared/vocab.js';

export const isoDate = z.string().refine(isIsoDate, 'A calendar date YYYY-MM-DD');
// The shape of the codes; whether a code is on the list (countries.ts, languages.ts) is checked by
// personIssues, which answers the stable codes unknown_country and unknown_language.
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code, upper case');
const languageCode = z.string().regex(/^[a-z]{2,3}$/, 'ISO 639 code, lower case');
const text = (max: number) => z.string().trim().min(1).max(max);
export const idParam = z.uuid();

export const caseStatusSchema = z.enum(caseStatuses).meta({ id: 'PilotCaseStatus' });
export const exitReasonSchema = z.enum(exitReasons).meta({ id: 'PilotExitReason' });
export const relationSchema = z.enum(relations).meta({ id: 'PilotRelation' });
export const permitBasisSchema = z.enum(permitBases).meta({ id: 'PilotPermitBasis' });
export const permitStatusSchema = z.enum(permitStatuses).meta({ id: 'PilotPermitStatus' });
/** How an import treats its rows: only validate, all or nothing, or the valid rows only. */
export const importModes = ['dry_run', 'all', 'valid_only'] as const;
export const importModeSchema = z.enum(importModes);
export type ImportMode = z.infer<typeof importModeSchema>;

// ---------------------------------------------------------------------------------------------
// Referrals
// ---------------------------------------------------------------------------------------------
export const indicatorSchema = z
  .object({
    code: z.string(),
    source: z.enum(['603bis', 'ilo', 'lg2021', 'locale']),
    labelIt: z.string(),
    labelEn: z.string(),
  })
  .meta({ id: 'PilotIndicator' });
export const indicatorCatalogueSchema = z
  .object({ version: z.number().int(), indicators: z.array(indicatorSchema) })
  .meta({ id: 'PilotIndicatorCatalogue' });

export const createReferralSchema = z
  .object({
    receivedOn: isoDate,
    source: z.enum(referralSources),
    channel: z.enum(referralChannels),
    sector: z.enum(sectors),
    screening: z.array(z.object({ code: z.string().max(20), observed: z.enum(observations) }).strict()).max(50),
    outcome: z.enum(referralOutcomes).default('in_screening'),
    outcomeOn: isoDate.optional(),
  })
  .strict()
  .meta({ id: 'PilotCreateReferral' });
export type CreateReferralBody = z.infer<typeof createReferralSchema>;

export const updateReferralSchema = z
  .object({ outcome: z.enum(referralOutcomes), outcomeOn: isoDate })
  .strict()
  .meta({ id: 'PilotUpdateReferral' });

export const referralSchema = z
  .object({
    id: z.uuid(),
    comuneIstat: z.string(),
    receivedOn: z.string(),
    source: z.enum(referralSources),
    channel: z.enum(referralChannels),
    sector: z.enum(sectors),
    catalogueVersion: z.number().int(),
    outcome: z.enum(referralOutcomes),
    outcomeOn: z.string().nullable(),
    caseId: z.uuid().nullable(),
    screening: z.array(z.object({ code: z.string(), observed: z.enum(observations) })),
    observedCount: z.number().int(),
  })
  .meta({ id: 'PilotReferral' });
export type Referral = z.infer<typeof referralSchema>;
export const referralQuerySchema = z.object({ outcome: z.enum(referralOutcomes).optional(), ...pageQuery }).strict();
export const referralPageSchema = pageOf(referralSchema).meta({ id: 'PilotReferralPage' });

// ---------------------------------------------------------------------------------------------
// Persons
// ---------------------------------------------------------------------------------------------
export const identitySchema = z
  .object({
    surname: text(80),
    givenNames: text(120),
    birthDate: isoDate,
    codiceFiscale: z.string().trim().max(16).nullable().default(null),
    phone: z.string().trim().max(40).nullable().default(null),
    email: z.email().max(200).nullable().default(null),
    address: z.string().trim().max(300).nullable().default(null),
  })
  .strict()
  .meta({ id: 'PilotIdentity' });

export const personInputSchema = z
  .object({
    identity: identitySchema,
    sex: z.enum(sexes),
    birthCountry: countryCode,
    nationalities: z.array(countryCode).min(1).max(4),
    languages: z.array(languageCode).max(10).default([]),
  })
  .strict()
  .meta({ id: 'PilotPersonInput' });
export type PersonInput = z.infer<typeof personInputSchema>;

/** A text in each language of the UI, so the client shows the one the user chose (decision 0030). */
export const localizedTextSchema = z.object({ it: z.string(), en: z.string() }).meta({ id: 'PilotLocalizedText' });

export const eligibilitySchema = z
  .object({
    eligible: z.boolean(),
    code: z.string(),
    explanation: localizedTextSchema,
    legalReference: localizedTextSchema,
  })
  .meta({ id: 'PilotEligibility' });

export const permitSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    basis: permitBasisSchema,
    questura: z.string(),
    initiatedBy: z.enum(permitInitiators).nullable(),
    /** Only for the roles that see identity. */
    number: z.string().nullable(),
    receiptOn: z.string().nullable(),
    issuedOn: z.string().nullable(),
    expiresOn: z.string().nullable(),
    renewalRequestedOn: z.string().nullable(),
    renewedOn: z.string().nullable(),
    renewalCount: z.number().int(),
    conversionRequestedOn: z.string().nullable(),
    convertedOn: z.string().nullable(),
    convertedTo: permitBasisSchema.nullable(),
    revokedOn: z.string().nullable(),
    revocationReason: z.string().nullable(),
    predecessorId: z.uuid().nullable(),
    status: permitStatusSchema,
    daysToExpiry: z.number().int().nullable(),
  })
  .meta({ id: 'PilotPermit' });
export type Permit = z.infer<typeof permitSchema>;

export const admissionSchema = z
  .object({
    status: z.enum(['ammesso', 'revocato', 'cessato']),
    decidedOn: z.string(),
    decidedBy: z.string(),
    reason: z.string(),
    endedOn: z.string().nullable(),
    endReason: z.string().nullable(),
  })
  .meta({ id: 'PilotAdmission' });

export const memberSchema = z
  .object({
    personId: z.uuid(),
    pseudonym: z.string(),
    role: z.enum(['titolare', 'familiare']),
    relation: relationSchema.nullable(),
    kinshipKind: z.enum(kinshipKinds).nullable(),
    degree: z.number().int().nullable(),
    inNucleo: z.boolean(),
    presentInItaly: z.boolean(),
    sex: z.enum(sexes),
    birthYear: z.number().int(),
    birthCountry: z.string(),
    nationalities: z.array(z.string()),
    languages: z.array(z.string()),
    /** The identity panel (only the roles that may open a case file receive one). */
    identity: identitySchema,
    eligibility: eligibilitySchema,
    admission: admissionSchema.nullable(),
    permits: z.array(permitSchema),
    pai: z.object({ id: z.uuid(), status: z.string(), version: z.number().int() }).nullable(),
  })
  .meta({ id: 'PilotMember' });
export type Member = z.infer<typeof memberSchema>;

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------
export const createCaseSchema = z
  .object({
    openedOn: isoDate,
    referralId: z.uuid().optional(),
    /** The case manager; an operatore's own cases default to themselves. */
    ownerUserId: z.uuid().optional(),
    inSai: z.boolean().default(true),
    holder: personInputSchema,
  })
  .strict()
  .meta({ id: 'PilotCreateCase' });
export type CreateCaseBody = z.infer<typeof createCaseSchema>;

export const addMemberSchema = z
  .object({
    relation: relationSchema,
    inNucleo: z.boolean().default(true),
    presentInItaly: z.boolean().default(true),
    person: personInputSchema,
  })
  .strict()
  .meta({ id: 'PilotAddMember' });
export type AddMemberBody = z.infer<typeof addMemberSchema>;

export const caseTransitionSchema = z
  .object({
    to: caseStatusSchema,
    on: isoDate,
    reason: z.string().trim().min(3).max(1000),
    exitReason: exitReasonSchema.optional(),
  })
  .strict()
  .meta({ id: 'PilotCaseTransition' });
export type CaseTransitionBody = z.infer<typeof caseTransitionSchema>;

export const admissionDecisionSchema = z
  .object({ decision: z.enum(['ammetti', 'revoca']), on: isoDate, reason: z.string().trim().min(3).max(1000) })
  .strict()
  .meta({ id: 'PilotAdmissionDecision' });
export type AdmissionDecisionBody = z.infer<typeof admissionDecisionSchema>;

export const caseEventSchema = z
  .object({
    id: z.number().int(),
    type: z.string(),
    fromStatus: z.string().nullable(),
    toStatus: z.string().nullable(),
    occurredOn: z.string(),
    recordedAt: z.iso.datetime(),
    actor: z.string().nullable(),
    pseudonym: z.string().nullable(),
    /** What the event says in words (a PAI's move, a permit's basis, an exit reason), or null. */
    line: localizedTextSchema.nullable(),
    /** What a person wrote (the reason of a decision), or null. */
    note: z.string().nullable(),
  })
  .meta({ id: 'PilotCaseEvent' });

export const caseDetailSchema = z
  .object({
    id: z.uuid(),
    pseudonym: z.string(),
    comuneIstat: z.string(),
    comuneName: z.string(),
    status: caseStatusSchema,
    openedOn: z.string(),
    admittedOn: z.string().nullable(),
    closedOn: z.string().nullable(),
    exitReason: exitReasonSchema.nullable(),
    inSai: z.boolean(),
    referralId: z.uuid().nullable(),
    owner: z.object({ id: z.uuid(), displayName: z.string() }),
    version: z.number().int(),
    members: z.array(memberSchema),
    events: z.array(caseEventSchema),
    allowedTransitions: z.array(caseStatusSchema),
    allowedExitReasons: z.array(exitReasonSchema),
    canDecide: z.boolean(),
  })
  .meta({ id: 'PilotCaseDetail' });
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseSummarySchema = z
  .object({
    id: z.uuid(),
    pseudonym: z.string(),
    /** "Surname Given names" of the holder, beside the pseudonym; the read is audited. */
    holderName: z.string(),
    status: caseStatusSchema,
    openedOn: z.string(),
    ownerId: z.uuid(),
    ownerName: z.string(),
    members: z.number().int(),
    permitStatus: permitStatusSchema.nullable(),
    permitExpiresOn: z.string().nullable(),
    paiStatus: z.string().nullable(),
  })
  .meta({ id: 'PilotCaseSummary' });
export type CaseSummary = z.infer<typeof caseSummarySchema>;

/** Filters of the case list on the expiry of the holder's current permit. */
export const permitExpiryFilters = ['expired', 'within_30', 'within_60', 'within_90'] as const;
/** Filters of the case list on the holder's latest PAI: its status, or none yet. */
export const paiStateFilters = [...paiStatuses, 'none'] as const;

export const caseQuerySchema = z
  .object({
    /**
     * A pseudonym (prefix), a codice fiscale, an exact full name, or part of a name: every word of
     * three letters or more, in any order, accents and case ignored (keyed trigram index).
     */
    q: z.string().trim().min(MIN_NAME_QUERY, 'Scrivi almeno 3 caratteri per cercare').max(120).optional(),
    status: caseStatusSchema.optional(),
    mine: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    /** The case manager (the referente's filter; an operatore sees only their own cases anyway). */
    ownerUserId: z.uuid().optional(),
    /** The holder's current permit: expired, or expiring within 30, 60 or 90 days (revoked ones excluded). */
    permitExpiry: z.enum(permitExpiryFilters).optional(),
    /** The status of the holder's latest PAI, or `none` for a holder without one. */
    paiStatus: z.enum(paiStateFilters).optional(),
    ...pageQuery,
  })
  .strict();
export type CaseQuery = z.infer<typeof caseQuerySchema>;
export const casePageSchema = pageOf(caseSummarySchema).meta({ id: 'PilotCasePage' });

export const reassignCaseSchema = z
  .object({
    /** The new case manager: an active operatore or referente of the Comune. */
    ownerUserId: z.uuid(),
    /** The case version the referente saw (optimistic concurrency); 409 `pilot.stale` when it moved on. */
    version: z.number().int().min(1).optional(),
  })
  .strict()
  .meta({ id: 'PilotReassignCase' });
export type ReassignCaseBody = z.infer<typeof reassignCaseSchema>;

export const caseManagerSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    /** Of the roles that hold cases: operatore, referente_comunale. */
    roles: z.array(z.string()),
    /** Cases not closed that they hold. */
    openCases: z.number().int(),
    closedCases: z.number().int(),
  })
  .meta({ id: 'PilotCaseManager' });
export const caseManagerListSchema = z
  .object({ items: z.array(caseManagerSchema) })
  .meta({ id: 'PilotCaseManagerList' });
export type CaseManagerList = z.infer<typeof caseManagerListSchema>;

// ---------------------------------------------------------------------------------------------
// Permits
// ---------------------------------------------------------------------------------------------
export const createPermitSchema = z
  .object({
    basis: permitBasisSchema,
    questura: text(120),
    initiatedBy: z.enum(permitInitiators).optional(),
    number: z.string().trim().min(3).max(40).optional(),
    receiptOn: isoDate.optional(),
    issuedOn: isoDate.optional(),
    /** Defaults to issue + 6 months for a first art. 18-ter permit. */
    expiresOn: isoDate.optional(),
  })
  .strict()
  .meta({ id: 'PilotCreatePermit' });
export type CreatePermitBody = z.infer<typeof createPermitSchema>;

export const permitEventSchema = z
  .discriminatedUnion('event', [
    z.object({ event: z.literal('receipt'), on: isoDate }).strict(),
    z
      .object({
        event: z.literal('issue'),
        on: isoDate,
        expiresOn: isoDate.optional(),
        number: z.string().trim().min(3).max(40).optional(),
      })
      .strict(),
    z.object({ event: z.literal('renewal_request'), on: isoDate }).strict(),
    z.object({ event: z.literal('renew'), on: isoDate, expiresOn: isoDate }).strict(),
    z.object({ event: z.literal('conversion_request'), on: isoDate }).strict(),
    z
      .object({
        event: z.literal('convert'),
        on: isoDate,
        convertedTo: z.enum(['lavoro_subordinato', 'lavoro_autonomo', 'studio']),
        expiresOn: isoDate,
      })
      .strict(),
    z.object({ event: z.literal('revoke'), on: isoDate, reason: z.string().trim().min(3).max(500) }).strict(),
  ])
  .meta({ id: 'PilotPermitEvent' });
export type PermitEventBody = z.infer<typeof permitEventSchema>;

export const viewerSchema = z
  .object({
    at: z.iso.datetime(),
    userId: z.uuid().nullable(),
    displayName: z.string().nullable(),
    /** the user's roles now (the audit row does not keep them) */
    roles: z.array(roleSchema),
    organisation: z.string().nullable(),
    action: z.enum(IDENTITY_READS.map((r) => r.action) as [IdentityReadAction, ...IdentityReadAction[]]),
    /** the PAI version printed or read, when the audit row names it */
    paiVersion: z.int().nullable(),
    /** how an access package was produced: json, page or pdf */
    format: z.enum(['json', 'page', 'pdf']).nullable(),
  })
  .meta({ id: 'PilotViewer' });

const packageSectionSchema = z
  .object({
    key: z.string(),
    title: z.string(),
    /** a record: label and value in words (empty for a list section) */
    fields: z.array(z.object({ label: z.string(), value: z.string() })),
    /** a list: its column headings and rows in words (empty for a record section) */
    columns: z.array(z.string()),
    rows: z.array(z.array(z.string())),
  })
  .meta({ id: 'PilotAccessPackageSection' });
export type AccessPackageSection = z.infer<typeof packageSectionSchema>;

export const accessPackageDocumentSchema = z
  .object({
    lang: z.enum(['it', 'en']),
    title: z.string(),
    legalBasis: z.string(),
    controllerLabel: z.string(),
    controller: z.string(),
    generatedOnLabel: z.string(),
    generatedOn: z.string(),
    pseudonym: z.string(),
    emptyText: z.string(),
    sections: z.array(packageSectionSchema),
  })
  .meta({ id: 'PilotAccessPackageDocument' });
export type AccessPackageDocument = z.infer<typeof accessPackageDocumentSchema>;
export const viewerListSchema = z.object({ items: z.array(viewerSchema) }).meta({ id: 'PilotViewerList' });

/** What closing a case does to its PAIs' measures (GET /cases/{caseId}/closure-preview). */
export const closurePreviewSchema = z
  .object({
    /** PAIs not closed yet, which the closure closes. */
    paisClosing: z.number().int(),
    /** Planned measures, cancelled; `committed` when their PAI was approved (their cost is released). */
    cancelled: z.array(
      z.object({
        measureId: z.uuid(),
        paiId: z.uuid(),
        type: z.string(),
        costPlanned: z.number(),
        committed: z.boolean(),
      }),
    ),
    /** The planned cost of the cancelled measures of approved PAIs: what the Comune's budget gets back. */
    released: z.number(),
    /** Started measures, interrupted on the closing day with the actual cost recorded so far. */
    interrupted: z.array(
      z.object({
        measureId: z.uuid(),
        paiId: z.uuid(),
        type: z.string(),
        costPlanned: z.number(),
        costActual: z.number().nullable(),
      }),
    ),
    /** Started measures without an actual cost: record it before closing, they no longer change after. */
    withoutActualCost: z.number().int(),
  })
  .meta({ id: 'PilotClosurePreview' });
export type ClosurePreview = z.infer<typeof closurePreviewSchema>;
