/** API schemas of the waves: universe preview, waves, personal links, contacts, funnel and list of Comuni. */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../../platform/pagination.js';
import { encodingChoices } from '../../../platform/upload/index.js';
import { universeBands, universeMacroAreas, universeRuleSchema } from '../shared/universe.js';

const day = z.iso.date().describe('A date, YYYY-MM-DD');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "A month as 'YYYY-MM'");

export const surveyParams = z.object({ surveyId: z.uuid() }).strict();
export const waveParams = z.object({ waveId: z.uuid() }).strict();
export const responseParams = z.object({ responseId: z.uuid() }).strict();
export const linkParams = z.object({ linkId: z.uuid() }).strict();
export const comuneParams = z.object({ istat: z.string().regex(/^\d{6}$/, 'An ISTAT code of six digits') }).strict();

export const waveStatusSchema = z.enum(['bozza', 'aperta', 'chiusa']).meta({ id: 'SurveyWaveStatus' });
import { responseStatuses, responseStatusSchema } from '../shared/status.js';
export { responseStatuses, responseStatusSchema };

// --- universe preview

export const universePreviewBodySchema = z
  .object({ rule: universeRuleSchema })
  .strict()
  .meta({ id: 'SurveyUniversePreviewRequest' });

export const universePreviewSchema = z
  .object({
    count: z.number().int(),
    /** the month of the population figures the registry holds (the rule reads these) */
    populationMonths: z.array(z.string()),
    byRegion: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
    sample: z.array(z.object({ istat: z.string(), name: z.string(), provinceSigla: z.string() })),
  })
  .meta({ id: 'SurveyUniversePreview' });
export type UniversePreview = z.infer<typeof universePreviewSchema>;

// --- waves

const reminderDays = z
  .array(z.number().int().min(1).max(60))
  .max(6)
  .refine((d) => d.every((v, i) => i === 0 || v > d[i - 1]!), 'Working days in increasing order')
  .describe('Reminders at these working days after the invitation');

export const createWaveSchema = z
  .object({
    formVersionId: z.uuid(),
    titleIt: z.string().trim().min(1).max(300),
    titleEn: z.string().trim().min(1).max(300).nullable().default(null),
    universeRule: universeRuleSchema,
    referenceMonth: month.nullable().default(null),
    opensOn: day,
    closesOn: day,
    reminderDays: reminderDays.default([5, 10]),
  })
  .strict()
  .refine((w) => w.closesOn >= w.opensOn, {
    message: 'The closing date cannot precede the opening',
    path: ['closesOn'],
  })
  .meta({ id: 'SurveyCreateWave' });
export type CreateWaveBody = z.infer<typeof createWaveSchema>;

export const patchWaveSchema = z
  .object({
    rowVersion: z.number().int().min(1),
    formVersionId: z.uuid().optional(),
    titleIt: z.string().trim().min(1).max(300).optional(),
    titleEn: z.string().trim().min(1).max(300).nullable().optional(),
    universeRule: universeRuleSchema.optional(),
    referenceMonth: month.nullable().optional(),
    opensOn: day.optional(),
    closesOn: day.optional(),
    reminderDays: reminderDays.optional(),
  })
  .strict()
  .meta({ id: 'SurveyPatchWave' });
export type PatchWaveBody = z.infer<typeof patchWaveSchema>;

export const extendWaveSchema = z.object({ closesOn: day }).strict().meta({ id: 'SurveyExtendWave' });

export const waveSchema = z
  .object({
    id: z.uuid(),
    surveyId: z.uuid(),
    surveyTitle: z.string(),
    formVersionId: z.uuid(),
    versionNo: z.number().int().nullable(),
    titleIt: z.string(),
    titleEn: z.string().nullable(),
    universeRule: universeRuleSchema,
    referenceMonth: z.string().nullable(),
    opensOn: day,
    closesOn: day,
    reminderDays: z.array(z.number().int()),
    status: waveStatusSchema,
    universeCount: z.number().int().nullable(),
    launchedAt: z.iso.datetime().nullable(),
    launchedBy: z.string().nullable().describe('Display name'),
    closedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'SurveyWave' });
export type WaveOut = z.infer<typeof waveSchema>;

export const waveListSchema = z
  .object({
    surveyTitle: z.string(),
    items: z.array(waveSchema),
    /** the versions a new wave may use, latest first */
    publishedVersions: z.array(
      z.object({
        id: z.uuid(),
        versionNo: z.number().int(),
        publishedAt: z.iso.datetime(),
        questionCount: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'SurveyWaveList' });
export type WaveListOut = z.infer<typeof waveListSchema>;

// --- personal links

export const issueLinkSchema = z
  .object({ validDays: z.number().int().min(1).max(365).optional() })
  .strict()
  .meta({ id: 'SurveyIssueLink' });

export const issuedLinkSchema = z
  .object({
    id: z.uuid(),
    url: z.string().describe('The address to send, with the token in its fragment; shown once'),
    token: z.string().describe('The token itself; shown once, never stored'),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'SurveyIssuedLink' });

export const linkStatusSchema = z.enum(['attivo', 'scaduto', 'revocato']).meta({ id: 'SurveyLinkStatus' });
export const linkSchema = z
  .object({
    id: z.uuid(),
    status: linkStatusSchema,
    createdAt: z.iso.datetime(),
    createdBy: z.string().nullable(),
    expiresAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'SurveyLink' });
export type LinkOut = z.infer<typeof linkSchema>;
export const linkListSchema = z.object({ items: z.array(linkSchema) }).meta({ id: 'SurveyLinkList' });

// --- contacts

export const contactKinds = ['email_istituzionale', 'pec', 'referente'] as const;
export const contactKindSchema = z.enum(contactKinds).meta({ id: 'SurveyContactKind' });

export const contactInputSchema = z
  .object({
    kind: contactKindSchema,
    email: z.email().max(254),
    personName: z.string().trim().min(1).max(200).nullable().default(null),
    personRole: z.string().trim().min(1).max(200).nullable().default(null),
  })
  .strict()
  .refine((c) => c.kind !== 'referente' || c.personName !== null, {
    message: 'A referente needs a name',
    path: ['personName'],
  });
export type ContactInput = z.infer<typeof contactInputSchema>;

export const putContactsSchema = z
  .object({ items: z.array(contactInputSchema).max(20) })
  .strict()
  .meta({ id: 'SurveyPutContacts' });

export const contactSchema = z
  .object({
    id: z.uuid(),
    kind: contactKindSchema,
    email: z.string(),
    personName: z.string().nullable(),
    personRole: z.string().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'SurveyContact' });
export const contactListSchema = z
  .object({ istat: z.string(), name: z.string(), items: z.array(contactSchema) })
  .meta({ id: 'SurveyContactList' });
export type ContactListOut = z.infer<typeof contactListSchema>;

export const MAX_CONTACTS_FILE_BYTES = 2 * 1024 * 1024;
export const importContactsSchema = z
  .object({
    filename: z.string().trim().min(1).max(200),
    contentBase64: z.base64().max(Math.ceil(MAX_CONTACTS_FILE_BYTES / 3) * 4 + 4),
    encoding: z.enum(encodingChoices).default('auto'),
  })
  .strict()
  .meta({ id: 'SurveyImportContacts' });
export type ImportContactsBody = z.infer<typeof importContactsSchema>;

export const importContactsResultSchema = z
  .object({ comuni: z.number().int(), contacts: z.number().int(), encoding: z.string().nullable() })
  .meta({ id: 'SurveyImportContactsResult' });

// --- funnel and list

export const funnelGroupBySchema = z.enum(['region', 'macroArea', 'band']);
export const funnelQuerySchema = z.object({ groupBy: funnelGroupBySchema.default('region') }).strict();

const funnelCounts = {
  universe: z.number().int(),
  invited: z.number().int(),
  opened: z.number().int(),
  inProgress: z.number().int(),
  submitted: z.number().int(),
  validated: z.number().int(),
  /** submitted ÷ universe, 0–1 (0 for an empty group) */
  responseRate: z.number(),
};
export const funnelRowSchema = z.object({ key: z.string(), label: z.string(), ...funnelCounts });
export const funnelSchema = z
  .object({
    waveId: z.uuid(),
    groupBy: funnelGroupBySchema,
    overall: z.object(funnelCounts),
    groups: z.array(funnelRowSchema),
  })
  .meta({ id: 'SurveyWaveFunnel' });
export type FunnelOut = z.infer<typeof funnelSchema>;

/** One Comune of a wave's universe on the status map: as compact as the 7,900 rows of a national wave allow. */
export const statusMapItemSchema = z
  .object({
    istat: z.string(),
    name: z.string(),
    status: responseStatusSchema,
    /** the questionnaire was opened (also while still invitato or sollecitato) */
    opened: z.boolean(),
  })
  .meta({ id: 'SurveyWaveStatusMapItem' });
export const statusMapSchema = z
  .object({
    waveId: z.uuid(),
    /** the reader's own Region (a Regione's user sees only its Comuni), null for national readers */
    region: z.string().nullable(),
    items: z.array(statusMapItemSchema),
  })
  .meta({ id: 'SurveyWaveStatusMap' });
export type StatusMapOut = z.infer<typeof statusMapSchema>;

export const waveComuniQuerySchema = z
  .object({
    status: responseStatusSchema.optional(),
    region: z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
    band: z.enum(universeBands).optional(),
    macroArea: z.enum(universeMacroAreas).optional(),
    q: z.string().trim().min(1).max(100).optional(),
    ...pageQuery,
  })
  .strict();
export type WaveComuniQuery = z.infer<typeof waveComuniQuerySchema>;
export const waveComuniExportQuerySchema = waveComuniQuerySchema.omit({ page: true, pageSize: true });

export const waveComuneSchema = z
  .object({
    responseId: z.uuid(),
    istat: z.string(),
    name: z.string(),
    provinceSigla: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    band: z.enum(universeBands),
    status: responseStatusSchema,
    statusChangedAt: z.iso.datetime(),
    invitedAt: z.iso.datetime().nullable(),
    submittedAt: z.iso.datetime().nullable(),
    lastActivityAt: z.iso.datetime().nullable(),
    remindersSent: z.number().int(),
  })
  .meta({ id: 'SurveyWaveComune' });
export type WaveComuneOut = z.infer<typeof waveComuneSchema>;
export const waveComuniPageSchema = pageOf(waveComuneSchema).meta({ id: 'SurveyWaveComuniPage' });
