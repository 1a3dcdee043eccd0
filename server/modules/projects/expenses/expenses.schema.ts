/** API schemas of the projects' expenses (giustificativi), their documents and the import of a register. */
import { z } from 'zod';
import { documentTypes, uploadFileFields } from '../../../platform/documents/index.js';
import { queryBool } from '../../../platform/pagination.js';
import { encodingChoices, maxBase64Chars, textEncodings } from '../../../platform/upload/index.js';
import { MAX_CENTS } from '../shared/money.js';
import { expenseStatuses, settableStatuses, warningCodes } from './expenses.rules.js';

const day = z.iso.date().describe('A date, YYYY-MM-DD');
const cents = z
  .number()
  .int()
  .min(0)
  .max(MAX_CENTS - 1);
const word = z.string().regex(/^[A-Z][A-Z0-9_]{1,29}$/, 'An upper-case code such as FATTURA');

export const projectParams = z.object({ projectId: z.uuid() }).strict();
export const expenseParams = z.object({ projectId: z.uuid(), expenseId: z.uuid() }).strict();
export const documentParams = z.object({ projectId: z.uuid(), expenseId: z.uuid(), documentId: z.uuid() }).strict();

export const expenseStatusSchema = z.enum(expenseStatuses).meta({ id: 'ProjectExpenseStatus' });
export const expenseWarningSchema = z
  .object({
    code: z.enum(warningCodes),
    message: z.string().describe('In Italian; for double funding, the other projects by CUP or title only'),
  })
  .meta({ id: 'ProjectExpenseWarning' });

const taxId = z
  .string()
  .trim()
  .max(20)
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .describe('Partita IVA (11 digits, check digit verified) or codice fiscale (16 characters)');

/** The fields of an expense as sent; on create the optional ones default to null (VAT to 0). */
const expenseFields = {
  lineKey: z.uuid().describe('A budget line of the version in force (its line_key)'),
  activityId: z.uuid().nullable(),
  docType: word.describe("One of the call's document types (FATTURA, CEDOLINO, NOTULA, RICEVUTA, F24…)"),
  issuerName: z.string().trim().min(2).max(200),
  issuerTaxId: taxId,
  docNumber: z.string().trim().min(1).max(60),
  docDate: day,
  description: z.string().trim().max(1000).nullable(),
  netCents: cents.describe('Taxable amount (imponibile), cents'),
  vatCents: cents,
  vatRecoverable: z.boolean().describe('VAT the Comune recovers is not eligible'),
  chargedCents: cents
    .min(1)
    .describe('The part charged to this project: at most net + VAT (net alone when VAT is recoverable)'),
  paymentDate: day.nullable(),
  paymentMeans: word.nullable().describe("One of the call's payment means; CONTANTI only on a petty-cash line"),
  paymentRef: z.string().trim().max(100).nullable(),
  paymentCents: cents.nullable(),
};

export const createExpenseSchema = z
  .object({
    ...expenseFields,
    activityId: expenseFields.activityId.default(null),
    issuerTaxId: expenseFields.issuerTaxId.default(null),
    description: expenseFields.description.default(null),
    vatCents: expenseFields.vatCents.default(0),
    vatRecoverable: expenseFields.vatRecoverable.default(false),
    paymentDate: expenseFields.paymentDate.default(null),
    paymentMeans: expenseFields.paymentMeans.default(null),
    paymentRef: expenseFields.paymentRef.default(null),
    paymentCents: expenseFields.paymentCents.default(null),
  })
  .strict()
  .meta({ id: 'ProjectCreateExpense' });
export type CreateExpenseBody = z.infer<typeof createExpenseSchema>;

/** The fields to change (the others stay), with the row version the page read. */
export const patchExpenseSchema = z
  .object({ rowVersion: z.number().int().min(1), ...expenseFields })
  .partial()
  .required({ rowVersion: true })
  .strict()
  .meta({ id: 'ProjectPatchExpense' });
export type PatchExpenseBody = z.infer<typeof patchExpenseSchema>;

export const expenseSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    lineKey: z.uuid(),
    categoryCode: z.string().nullable().describe('The category of the line in force; null if the line left the budget'),
    activityId: z.uuid().nullable(),
    docType: z.string(),
    issuerName: z.string(),
    issuerTaxId: z.string().nullable(),
    docNumber: z.string(),
    docDate: day,
    description: z.string().nullable(),
    netCents: z.number().int(),
    vatCents: z.number().int(),
    vatRecoverable: z.boolean(),
    grossCents: z.number().int().describe('net + VAT'),
    chargedCents: z.number().int(),
    paymentDate: day.nullable(),
    paymentMeans: z.string().nullable(),
    paymentRef: z.string().nullable(),
    paymentCents: z.number().int().nullable(),
    status: expenseStatusSchema,
    warnings: z.array(expenseWarningSchema),
    documentCount: z.number().int(),
    imported: z.boolean(),
    rowVersion: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    canEdit: z.boolean().describe('The actor may change it now (owner staff, open project, not in a claim)'),
  })
  .meta({ id: 'ProjectExpense' });
export type ExpenseOut = z.infer<typeof expenseSchema>;

export const listExpensesQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
    lineKey: z.uuid().optional(),
    status: expenseStatusSchema.optional(),
    from: day.optional(),
    to: day.optional(),
    q: z.string().trim().min(1).max(100).optional().describe("Part of the issuer's name or of the document number"),
    withWarnings: queryBool.optional(),
  })
  .strict();
export type ListExpensesQuery = z.infer<typeof listExpensesQuerySchema>;

export const lineTotalSchema = z
  .object({
    lineKey: z.uuid(),
    categoryCode: z.string(),
    categoryLabelIt: z.string(),
    categoryLabelEn: z.string().nullable(),
    description: z.string(),
    budgetCents: z.number().int(),
    chargedCents: z.number().int(),
    expenseCount: z.number().int(),
    pettyCash: z.boolean(),
    flatRate: z.boolean(),
    over: z.boolean(),
  })
  .meta({ id: 'ProjectExpenseLineTotal' });

export const expensePageSchema = z
  .object({
    project: z.object({
      id: z.uuid(),
      title: z.string(),
      cup: z.string().nullable(),
      status: z.string(),
      eligibleFrom: day,
      eligibleTo: day,
      canEdit: z.boolean(),
      documentTypes: z.array(z.string()),
      paymentMeans: z.array(z.string()),
      activities: z
        .array(z.object({ id: z.uuid(), code: z.string(), title: z.string() }))
        .describe("The project's activities, for the expense's activity picker"),
    }),
    lines: z.array(lineTotalSchema),
    items: z.array(expenseSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'ProjectExpensePage' });
export type ExpensePageOut = z.infer<typeof expensePageSchema>;

export const setStatusSchema = z
  .object({ to: z.enum(settableStatuses), rowVersion: z.number().int().min(1).optional() })
  .strict()
  .meta({ id: 'ProjectExpenseSetStatus' });

// documents
export const expenseDocumentKinds = ['GIUSTIFICATIVO', 'QUIETANZA', 'ALTRO'] as const;
export const uploadExpenseDocumentSchema = z
  .object({
    kind: z.enum(expenseDocumentKinds),
    ...uploadFileFields,
  })
  .strict()
  .meta({ id: 'ProjectUploadExpenseDocument' });
export type UploadExpenseDocumentBody = z.infer<typeof uploadExpenseDocumentSchema>;

export const expenseDocumentSchema = z
  .object({
    id: z.uuid(),
    expenseId: z.uuid(),
    kind: z.enum(expenseDocumentKinds),
    filename: z.string(),
    contentType: z.enum(documentTypes),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.iso.datetime(),
    uploadedBy: z.string().nullable(),
  })
  .meta({ id: 'ProjectExpenseDocument' });
export type ExpenseDocumentOut = z.infer<typeof expenseDocumentSchema>;
export const expenseDocumentListSchema = z
  .object({ items: z.array(expenseDocumentSchema), canEdit: z.boolean() })
  .meta({ id: 'ProjectExpenseDocumentList' });

// import
export const importExpensesSchema = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    content: z.base64().max(maxBase64Chars()),
    encoding: z
      .enum(encodingChoices)
      .default('auto')
      .describe('How to decode a CSV: auto (default), utf-8, windows-1252 or utf-16. A byte-order mark wins.'),
    dryRun: z.boolean().describe('true: only the row report; false: imports the valid rows'),
  })
  .strict()
  .meta({ id: 'ProjectImportExpenses' });
export type ImportExpensesBody = z.infer<typeof importExpensesSchema>;

export const importRowOutcomes = ['valid', 'invalid', 'duplicate', 'imported'] as const;
export const importReportSchema = z
  .object({
    dryRun: z.boolean(),
    encoding: z.enum(textEncodings).nullable(),
    rows: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    duplicates: z.number().int(),
    imported: z.number().int(),
    report: z.array(
      z.object({
        row: z.number().int().describe('The line in the file'),
        outcome: z.enum(importRowOutcomes),
        messages: z.array(z.string()).describe('What is wrong, in Italian, each naming the column'),
        warnings: z.array(expenseWarningSchema),
        expenseId: z.uuid().nullable(),
      }),
    ),
  })
  .meta({ id: 'ProjectExpenseImportReport' });
export type ImportReportOut = z.infer<typeof importReportSchema>;
