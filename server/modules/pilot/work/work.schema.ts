/**
 * API schemas of the pilot's work list (tasks kept in line with the data on every change) and of the register of
 * critical issues (criticità) with their corrective actions.
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../../platform/pagination.js';
import { isIsoDate } from '../shared/dates.js';
import { labelLanguages } from '../shared/labels.js';
import { issueCategories, issueStatuses, taskAssignees, taskKinds, taskStatuses } from '../shared/vocab.js';

const isoDate = z
  .string()
  .refine(isIsoDate, 'A calendar date YYYY-MM-DD')
  .meta({ format: 'date', description: 'YYYY-MM-DD' });
const istatCode = z.string().regex(/^\d{6}$/, 'Six digits');

// ───────────────────────────── tasks ─────────────────────────────

export const taskKindSchema = z.enum(taskKinds).meta({
  id: 'PilotTaskKind',
  description:
    "The case manager's: permit_expiry (a permit expires in 90/60/30 days), pai_review (a PAI review is due), " +
    'follow_up (6- or 12-month follow-up after the exit), measure_overdue (a measure did not start or end on time). ' +
    "The referente's: pai_approval (a PAI shared with the person waits for approval), admission_pending (a person " +
    "in care waits for the admission decision). The responsabile amministrativo's: measure_cost_missing (a measure " +
    'ended without its actual cost), allocation_missing (no allocation for this or next year), budget_low ' +
    "(90% or more of the year's allocation committed). Every operatore's and referente's of the Comune: " +
    'referral_screening (a referral waits in screening; ends when it has an outcome or is taken in charge). ' +
    "Words for each: the label catalogue's group taskKind.",
});
export const taskStatusSchema = z.enum(taskStatuses).meta({
  id: 'PilotTaskStatus',
  description: 'aperto; fatto (marked done by a person); superato (its cause ended: closed automatically).',
});
export const taskAssigneeSchema = z.enum(taskAssignees).meta({
  id: 'PilotTaskAssignee',
  description:
    "case_manager: whoever owns the case now (a reassignment moves the task); referente_comunale, responsabile_amministrativo: every holder of the role in the task's Comune; operatori_referenti: every operatore and referente comunale of the task's Comune.",
});
export const taskLanguageSchema = z
  .enum(labelLanguages)
  .default('it')
  .meta({ description: "The language of the tasks' words (the user's); also the language of their e-mail digest." });

export const taskSchema = z
  .object({
    id: z.uuid(),
    kind: taskKindSchema,
    dueOn: z.string().meta({ description: 'YYYY-MM-DD' }),
    label: z.string().meta({
      description: 'What to do, in words and in the requested language, naming the person by pseudonym only.',
    }),
    caseId: z.uuid().nullable().meta({ description: "The case; null for the Comune's own tasks." }),
    link: z
      .string()
      .meta({ description: 'Where to act: a path of the web application (case, PAI, referrals or budget page).' }),
    assignee: taskAssigneeSchema,
    status: taskStatusSchema,
    overdue: z.boolean().meta({ description: 'Open and due before today.' }),
  })
  .meta({ id: 'PilotTask' });
export type Task = z.infer<typeof taskSchema>;

export const taskQuerySchema = z
  .object({ status: taskStatusSchema.optional(), lang: taskLanguageSchema, ...pageQuery })
  .strict();
export type TaskQuery = z.infer<typeof taskQuerySchema>;
export const taskPageSchema = pageOf(taskSchema).meta({ id: 'PilotTaskPage' });
export const taskParams = z.object({ taskId: z.uuid() }).strict();
export const taskDoneSchema = z.object({}).strict().meta({ id: 'PilotTaskDone' });
export const taskDoneQuerySchema = z.object({ lang: taskLanguageSchema }).strict();

// ───────────────────────────── critical issues ─────────────────────────────

const noPersonalData =
  'Must not contain personal data: no names, dates of birth, codici fiscali or details that identify a person.';

export const issueCategorySchema = z.enum(issueCategories).meta({ id: 'PilotIssueCategory' });
export const issueStatusSchema = z.enum(issueStatuses).meta({ id: 'PilotIssueStatus' });
export const issueLevelSchema = z.enum(['comune', 'national']).meta({ id: 'PilotIssueLevel' });

export const issueSchema = z
  .object({
    id: z.uuid(),
    comuneIstat: z.string(),
    comuneName: z.string(),
    raisedByLevel: issueLevelSchema,
    category: issueCategorySchema,
    title: z.string(),
    description: z.string(),
    correctiveAction: z.string(),
    owner: z.string(),
    dueOn: z.string().meta({ description: 'YYYY-MM-DD' }),
    status: issueStatusSchema,
    resolution: z.string().nullable(),
    overdue: z.boolean().meta({ description: 'Still open (aperta, in_corso) and due before today.' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({
    id: 'PilotIssue',
    description: `A critical issue of a pilot Comune and its corrective action. ${noPersonalData}`,
  });
export type Issue = z.infer<typeof issueSchema>;

export const issueQuerySchema = z
  .object({ comune: istatCode.optional(), status: issueStatusSchema.optional(), ...pageQuery })
  .strict();
export type IssueQuery = z.infer<typeof issueQuerySchema>;
export const issuePageSchema = pageOf(issueSchema).meta({ id: 'PilotIssuePage' });
export const issueParams = z.object({ issueId: z.uuid() }).strict();

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const createIssueSchema = z
  .object({
    comuneIstat: istatCode.meta({ description: 'A Comune of the pilot; Comune staff may name only their own.' }),
    category: issueCategorySchema,
    title: text(3, 200).meta({ description: noPersonalData }),
    description: text(1, 4000).meta({ description: noPersonalData }),
    correctiveAction: z.string().trim().max(4000).default('').meta({ description: noPersonalData }),
    owner: text(2, 200).meta({ description: 'A role or office, not a person: e.g. "Referente comunale".' }),
    dueOn: isoDate,
  })
  .strict()
  .meta({ id: 'CreatePilotIssue', description: `Raise a critical issue. ${noPersonalData}` });
export type CreateIssueBody = z.infer<typeof createIssueSchema>;

export const updateIssueSchema = z
  .object({
    status: issueStatusSchema.optional(),
    correctiveAction: z.string().trim().max(4000).optional().meta({ description: noPersonalData }),
    owner: text(2, 200).optional().meta({ description: 'A role or office, not a person.' }),
    dueOn: isoDate.optional(),
    resolution: text(1, 4000)
      .optional()
      .meta({ description: `Required to move to risolta or chiusa. ${noPersonalData}` }),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change')
  .meta({
    id: 'UpdatePilotIssue',
    description: `Change the status, action, owner, due date or resolution. ${noPersonalData}`,
  });
export type UpdateIssueBody = z.infer<typeof updateIssueSchema>;
