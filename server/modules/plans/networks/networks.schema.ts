/**
 * API schemas of the plans' networks (issue 13 item 3): tavoli and thematic working groups of a
 * Comune or a Region, their member organisations, meetings with participating organisations and
 * minutes, decisions and follow-ups, the user's work list and the totals beside phase 1.
 */
import { z } from 'zod';
import { uploadFileFields } from '../../../platform/documents/index.js';
import {
  axes,
  followUpKinds,
  followUpStatuses,
  meetingKinds,
  networkKinds,
  networkRoles,
} from '../shared/vocabulary.js';

const day = z.iso.date().describe('A date, YYYY-MM-DD');
const istat = z.string().regex(/^[0-9]{6}$/, 'An ISTAT code of six digits');
const regionCode = z.string().regex(/^[0-9]{2}$/, 'A Region code of two digits');
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v === '' ? null : v));

export const networkKindSchema = z.enum(networkKinds).meta({ id: 'PlanNetworkKind' });
export const networkRoleSchema = z.enum(networkRoles).meta({ id: 'PlanNetworkRole' });
export const meetingKindSchema = z.enum(meetingKinds).meta({ id: 'PlanMeetingKind' });
export const followUpKindSchema = z.enum(followUpKinds).meta({ id: 'PlanFollowUpKind' });
export const followUpStatusSchema = z.enum(followUpStatuses).meta({ id: 'PlanFollowUpStatus' });
export const planAxisSchema = z.enum(axes);

export const networkParams = z.object({ networkId: z.uuid() }).strict();
export const memberParams = z.object({ networkId: z.uuid(), organisationId: z.uuid() }).strict();
export const meetingParams = z.object({ meetingId: z.uuid() }).strict();
export const followUpParams = z.object({ followUpId: z.uuid() }).strict();

const boolString = z.enum(['true', 'false']).transform((v) => v === 'true');

export const networkListQuery = z
  .object({
    comune: istat.optional(),
    region: regionCode.optional(),
    kind: networkKindSchema.optional(),
    axis: planAxisSchema.optional(),
    active: boolString.optional(),
    /** only the networks of a Region (no Comune) */
    regional: boolString.optional(),
  })
  .strict();
export type NetworkListQuery = z.infer<typeof networkListQuery>;

export const networkCreateSchema = z
  .object({
    /** the Comune; null (or absent) for a network of the Region given in `regionCode` */
    comuneIstat: istat.nullable().default(null),
    /** the Region of a regional network; for a Comune's network it is the Comune's own */
    regionCode: regionCode.nullable().default(null),
    kind: networkKindSchema,
    name: text(2, 200),
    theme: optionalText(500).default(null),
    axis: planAxisSchema.nullable().default(null),
    /** the plan the group works on (of the same Comune) */
    planId: z.uuid().nullable().default(null),
  })
  .strict()
  .meta({ id: 'PlanNetworkCreate' });
export type NetworkCreateBody = z.infer<typeof networkCreateSchema>;

export const networkUpdateSchema = z
  .object({
    kind: networkKindSchema.optional(),
    name: text(2, 200).optional(),
    theme: optionalText(500).optional(),
    axis: planAxisSchema.nullable().optional(),
    planId: z.uuid().nullable().optional(),
    active: z.boolean().optional(),
    rowVersion: z.number().int().positive(),
  })
  .strict()
  .meta({ id: 'PlanNetworkUpdate' });
export type NetworkUpdateBody = z.infer<typeof networkUpdateSchema>;

export const memberBodySchema = z
  .object({ role: networkRoleSchema, joinedOn: day.nullable().default(null) })
  .strict()
  .meta({ id: 'PlanNetworkMemberPut' });
export type MemberBody = z.infer<typeof memberBodySchema>;

const placeShape = {
  comuneIstat: z.string().nullable(),
  comuneName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
};

export const networkSummarySchema = z
  .object({
    id: z.uuid(),
    ...placeShape,
    kind: networkKindSchema,
    name: z.string(),
    theme: z.string().nullable(),
    axis: planAxisSchema.nullable(),
    planId: z.uuid().nullable(),
    active: z.boolean(),
    members: z.number().int(),
    meetings: z.number().int(),
    lastMeetingOn: day.nullable(),
    /** the actor may change it (and record its meetings) */
    canEdit: z.boolean(),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'PlanNetworkSummary' });
export type NetworkSummary = z.infer<typeof networkSummarySchema>;
export const networkListSchema = z
  .object({ items: z.array(networkSummarySchema), canCreate: z.boolean() })
  .meta({ id: 'PlanNetworkList' });

export const networkMemberSchema = z
  .object({
    organisationId: z.uuid(),
    name: z.string(),
    type: z.string(),
    role: networkRoleSchema,
    joinedOn: day.nullable(),
  })
  .meta({ id: 'PlanNetworkMember' });

export const meetingSummarySchema = z
  .object({
    id: z.uuid(),
    networkId: z.uuid().nullable(),
    networkName: z.string().nullable(),
    ...placeShape,
    kind: meetingKindSchema,
    title: z.string(),
    heldOn: day,
    place: z.string().nullable(),
    participantsCount: z.number().int(),
    organisations: z.number().int(),
    hasMinutes: z.boolean(),
    followUpsOpen: z.number().int(),
  })
  .meta({ id: 'PlanMeetingSummary' });
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const networkDetailSchema = z
  .object({
    ...networkSummarySchema.shape,
    memberList: z.array(networkMemberSchema),
    meetingList: z.array(meetingSummarySchema),
  })
  .meta({ id: 'PlanNetwork' });
export type NetworkDetail = z.infer<typeof networkDetailSchema>;

export const meetingListQuery = z
  .object({
    networkId: z.uuid().optional(),
    comune: istat.optional(),
    region: regionCode.optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    kind: meetingKindSchema.optional(),
  })
  .strict();
export type MeetingListQuery = z.infer<typeof meetingListQuery>;
export const meetingListSchema = z.object({ items: z.array(meetingSummarySchema) }).meta({ id: 'PlanMeetingList' });

const meetingFields = {
  kind: meetingKindSchema,
  title: text(3, 300),
  heldOn: day,
  place: optionalText(300),
  agenda: optionalText(8000),
  participantsCount: z.number().int().min(0).max(100000),
  /** the participating organisations (from the registry) */
  organisationIds: z.array(z.uuid()).max(300),
};

export const meetingCreateSchema = z
  .object({
    /** the network whose meeting it is; or none, with the place given */
    networkId: z.uuid().nullable().default(null),
    comuneIstat: istat.nullable().default(null),
    regionCode: regionCode.nullable().default(null),
    ...meetingFields,
    place: meetingFields.place.default(null),
    agenda: meetingFields.agenda.default(null),
    participantsCount: meetingFields.participantsCount.default(0),
    organisationIds: meetingFields.organisationIds.default([]),
  })
  .strict()
  .meta({ id: 'PlanMeetingCreate' });
export type MeetingCreateBody = z.infer<typeof meetingCreateSchema>;

export const meetingUpdateSchema = z
  .object({
    kind: meetingFields.kind.optional(),
    title: meetingFields.title.optional(),
    heldOn: meetingFields.heldOn.optional(),
    place: meetingFields.place.optional(),
    agenda: meetingFields.agenda.optional(),
    participantsCount: meetingFields.participantsCount.optional(),
    organisationIds: meetingFields.organisationIds.optional(),
    rowVersion: z.number().int().positive(),
  })
  .strict()
  .meta({ id: 'PlanMeetingUpdate' });
export type MeetingUpdateBody = z.infer<typeof meetingUpdateSchema>;

export const minutesUploadSchema = z
  .object({ ...uploadFileFields })
  .strict()
  .meta({ id: 'PlanMeetingMinutesUpload' });
export type MinutesUploadBody = z.infer<typeof minutesUploadSchema>;

export const documentSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    uploadedBy: z.string(),
    uploadedAt: z.iso.datetime(),
  })
  .meta({ id: 'PlanMeetingMinutes' });

export const followUpSchema = z
  .object({
    id: z.uuid(),
    meetingId: z.uuid(),
    kind: followUpKindSchema,
    text: z.string(),
    actionId: z.uuid().nullable(),
    /** the linked action in words: "A2 – Sportello di orientamento" */
    actionLabel: z.string().nullable(),
    ownerUserId: z.uuid().nullable(),
    ownerUserName: z.string().nullable(),
    ownerOrgId: z.uuid().nullable(),
    ownerOrgName: z.string().nullable(),
    dueDate: day.nullable(),
    status: followUpStatusSchema,
    doneAt: z.iso.datetime().nullable(),
    daysOverdue: z.number().int().nullable(),
    /** the actor may mark it done or change it */
    canChange: z.boolean(),
  })
  .meta({ id: 'PlanFollowUp' });
export type FollowUpOut = z.infer<typeof followUpSchema>;

const choiceSchema = z.object({ id: z.uuid(), label: z.string() });

export const meetingDetailSchema = z
  .object({
    ...meetingSummarySchema.shape,
    agenda: z.string().nullable(),
    organisationList: z.array(z.object({ id: z.uuid(), name: z.string(), type: z.string() })),
    minutes: documentSchema.nullable(),
    followUps: z.array(followUpSchema),
    /** the actions of the plans of the meeting's Comune, for the follow-ups' link */
    actionChoices: z.array(choiceSchema),
    /** the users who may own a follow-up: of the same Comune, of the same Region, of ANCI/Cittalia */
    ownerChoices: z.array(choiceSchema),
    canEdit: z.boolean(),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'PlanMeeting' });
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const followUpCreateSchema = z
  .object({
    kind: followUpKindSchema,
    text: text(2, 2000),
    actionId: z.uuid().nullable().default(null),
    ownerUserId: z.uuid().nullable().default(null),
    ownerOrgId: z.uuid().nullable().default(null),
    dueDate: day.nullable().default(null),
  })
  .strict()
  .meta({ id: 'PlanFollowUpCreate' });
export type FollowUpCreateBody = z.infer<typeof followUpCreateSchema>;

export const followUpUpdateSchema = z
  .object({
    kind: followUpKindSchema.optional(),
    text: text(2, 2000).optional(),
    actionId: z.uuid().nullable().optional(),
    ownerUserId: z.uuid().nullable().optional(),
    ownerOrgId: z.uuid().nullable().optional(),
    dueDate: day.nullable().optional(),
    status: followUpStatusSchema.optional(),
  })
  .strict()
  .meta({ id: 'PlanFollowUpUpdate' });
export type FollowUpUpdateBody = z.infer<typeof followUpUpdateSchema>;

export const workItemSchema = z
  .object({
    ...followUpSchema.shape,
    meetingTitle: z.string(),
    heldOn: day,
    networkName: z.string().nullable(),
    comuneName: z.string().nullable(),
    regionName: z.string(),
  })
  .meta({ id: 'PlanFollowUpWorkItem' });
export type WorkItem = z.infer<typeof workItemSchema>;
export const workListSchema = z
  .object({ items: z.array(workItemSchema), overdue: z.number().int() })
  .meta({ id: 'PlanFollowUpWorkList' });

export const totalsQuery = z.object({ comune: istat.optional(), region: regionCode.optional() }).strict();
export type TotalsQuery = z.infer<typeof totalsQuery>;

export const totalsSchema = z
  .object({
    networks: z.number().int(),
    activeNetworks: z.number().int(),
    byKind: z.object({ TAVOLO: z.number().int(), GRUPPO_TEMATICO: z.number().int() }),
    /** distinct organisations members of a network */
    memberOrganisations: z.number().int(),
    /** distinct organisations members of a network or present at a meeting */
    organisationsInvolved: z.number().int(),
    meetings: z.number().int(),
    meetingsByKindAndYear: z.array(
      z.object({ year: z.number().int(), kind: meetingKindSchema, count: z.number().int() }),
    ),
    participants: z.number().int(),
    followUps: z.object({ open: z.number().int(), done: z.number().int(), overdue: z.number().int() }),
    /** InCaS phase 1 (domain.md §3): 36 thematic working groups, 250 organisations, 110 meetings */
    reference: z.object({ groups: z.number().int(), organisations: z.number().int(), meetings: z.number().int() }),
  })
  .meta({ id: 'PlanNetworkTotals' });
export type Totals = z.infer<typeof totalsSchema>;
