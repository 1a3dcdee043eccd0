import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attachmentDisposition,
  maxDocumentBase64Chars,
  MAX_DOCUMENT_BYTES,
} from '../../../platform/documents/index.js';
import { maxBase64Chars } from '../../../platform/upload/index.js';
import {
  deleteExpenseDocument,
  downloadExpenseDocument,
  listExpenseDocuments,
  uploadExpenseDocument,
} from './documents.service.js';
import {
  createExpenseSchema,
  documentParams,
  expenseDocumentListSchema,
  expenseDocumentSchema,
  expensePageSchema,
  expenseParams,
  expenseSchema,
  importExpensesSchema,
  importReportSchema,
  listExpensesQuerySchema,
  patchExpenseSchema,
  projectParams,
  setStatusSchema,
  uploadExpenseDocumentSchema,
} from './expenses.schema.js';
import {
  createExpense,
  deleteExpense,
  getExpense,
  listExpenses,
  patchExpense,
  setExpenseStatus,
} from './expenses.service.js';
import { importExpenses, MAX_IMPORT_ROWS } from './import.service.js';

const noContent = z.null().describe('No content');
const binary = (type: string) => z.file().mime(type);
const readers =
  "`projects.read`: the lead Comune's staff, ANCI/Cittalia, MLPS, the Regione of the Comune, the revisore assigned (the expenses of their periods only)";
const writers =
  "`projects.expenses.write`: the lead Comune's referente or responsabile amministrativo, on an APPROVATO or IN_CORSO project (409 `projects.state` otherwise)";
const documentReaders =
  "`projects.documents.read`: the lead Comune's staff, the revisore assigned, ANCI/Cittalia and MLPS (never the Regione)";

/** The routes of the projects' expenses (mounted by ../index.ts under /api/v1). */
export async function expensesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const config = { auth: 'session' } as const;

  app.get('/projects/:projectId/expenses', {
    config,
    schema: {
      tags,
      operationId: 'listProjectExpenses',
      summary: "A project's expenses by document date, with the totals charged to each budget line",
      description: `${readers}. Filters: lineKey, status, from/to (document date), q (issuer or number), withWarnings. pageSize at most 200. Also the project's title, CUP and eligibility period, and per line of the budget in force its budget and the amount charged (every state). 404 \`projects.project.not_found\`.`,
      params: projectParams,
      querystring: listExpensesQuerySchema,
      response: { 200: expensePageSchema },
    },
    handler: (req) => listExpenses(req.ctx, req.params.projectId, req.query),
  });

  app.post('/projects/:projectId/expenses', {
    config,
    schema: {
      tags,
      operationId: 'createProjectExpense',
      summary: 'Record an expense (giustificativo) on a line of the budget in force',
      description: `${writers}. The line must be a line of the budget version in force, the activity one of the project, the document type and payment means among the call's; the issuer's partita IVA or codice fiscale is checked; charged ≤ net + VAT (net alone when VAT is recoverable): 400 \`projects.expense.invalid\` with the fields. A cash payment (CONTANTI) outside a petty-cash line: 400 \`projects.expense.cash_refused\`. Recorded in BOZZA with its warnings (outside the eligibility period, payment proof missing or short, line budget or a cap exceeded, possible double funding — the other project named by CUP or title only). Audited.`,
      params: projectParams,
      body: createExpenseSchema,
      response: { 201: expenseSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createExpense(req.ctx, req.params.projectId, req.body)),
  });

  app.post('/projects/:projectId/expenses/import', {
    config,
    schema: {
      tags,
      operationId: 'importProjectExpenses',
      summary: `Validate or import an expense register from CSV or XLSX (base64, at most ${MAX_IMPORT_ROWS} rows)`,
      description: `${writers}. Italian headers: Tipo documento, Numero, Data, Fornitore, Partita IVA/Codice fiscale, Descrizione, Imponibile, IVA, IVA recuperabile, Importo imputato, Voce (the category code of a budget line, or its description), Attività (its code), Data pagamento, Mezzo di pagamento, Importo pagato, Riferimento pagamento. Dates gg/mm/aaaa; amounts 1.234,50. dryRun=true only reports; dryRun=false imports the valid rows in one transaction with one audit row. A document already recorded on the same line (issuer, number, date) is reported as a duplicate and not imported again. Messages in Italian. 400 \`projects.expense.import_invalid\` (no rows, missing columns); the upload reader's 413 \`upload.too_large\`/\`upload.too_complex\`, 400 \`upload.unreadable\`/\`upload.encoding\`, 503 \`upload.busy\`.`,
      params: projectParams,
      body: importExpensesSchema,
      response: { 200: importReportSchema },
    },
    bodyLimit: maxBase64Chars() + 4096,
    handler: (req) => importExpenses(req.ctx, req.params.projectId, req.body),
  });

  app.get('/projects/:projectId/expenses/:expenseId', {
    config,
    schema: {
      tags,
      operationId: 'getProjectExpense',
      summary: 'One expense, with its warnings (double funding checked again now)',
      description: `${readers}. 404 \`projects.expense.not_found\`; a revisore outside the periods of their assignments 403 \`projects.revisore.not_assigned\`.`,
      params: expenseParams,
      response: { 200: expenseSchema },
    },
    handler: (req) => getExpense(req.ctx, req.params.projectId, req.params.expenseId),
  });

  app.patch('/projects/:projectId/expenses/:expenseId', {
    config,
    schema: {
      tags,
      operationId: 'updateProjectExpense',
      summary: 'Change an expense (the fields sent) with the row version read',
      description: `${writers}. The same checks as on create. A VALIDATA expense goes back to CARICATA; one without payment proof back to BOZZA. 409 \`projects.expense.locked\` once IN_DOMANDA or VERIFICATA; 409 \`projects.stale\` for an old rowVersion. Audited.`,
      params: expenseParams,
      body: patchExpenseSchema,
      response: { 200: expenseSchema },
    },
    handler: (req) => patchExpense(req.ctx, req.params.projectId, req.params.expenseId, req.body),
  });

  app.delete('/projects/:projectId/expenses/:expenseId', {
    config,
    schema: {
      tags,
      operationId: 'deleteProjectExpense',
      summary: 'Delete an expense not in a claim, with its documents',
      description: `${writers}. 409 \`projects.expense.locked\` once IN_DOMANDA or VERIFICATA. Audited.`,
      params: expenseParams,
      response: { 204: noContent },
    },
    handler: async (req, reply) => {
      await deleteExpense(req.ctx, req.params.projectId, req.params.expenseId);
      return reply.code(204).send(null);
    },
  });

  app.post('/projects/:projectId/expenses/:expenseId/status', {
    config,
    schema: {
      tags,
      operationId: 'setProjectExpenseStatus',
      summary: 'Move an expense between BOZZA, CARICATA and VALIDATA',
      description: `${writers}. Forwards one step (BOZZA → CARICATA → VALIDATA), backwards to any earlier state. CARICATA and VALIDATA need the payment proof and at least one document: 409 \`projects.expense.transition\` with context.missing. VALIDATA only by the responsabile amministrativo (\`projects.expenses.validate\`, 403 otherwise). IN_DOMANDA and VERIFICATA are set by the claims. Audited.`,
      params: expenseParams,
      body: setStatusSchema,
      response: { 200: expenseSchema },
    },
    handler: (req) => setExpenseStatus(req.ctx, req.params.projectId, req.params.expenseId, req.body),
  });

  app.get('/projects/:projectId/expenses/:expenseId/documents', {
    config,
    schema: {
      tags,
      operationId: 'listProjectExpenseDocuments',
      summary: 'The documents of an expense (descriptions only)',
      description: `${documentReaders}. 404 \`projects.expense.not_found\`.`,
      params: expenseParams,
      response: { 200: expenseDocumentListSchema },
    },
    handler: (req) => listExpenseDocuments(req.ctx, req.params.projectId, req.params.expenseId),
  });

  app.post('/projects/:projectId/expenses/:expenseId/documents', {
    config,
    // the JSON body carries the file in base64 (4 characters for 3 bytes), above the global 1 MiB limit
    bodyLimit: maxDocumentBase64Chars + 4096,
    schema: {
      tags,
      operationId: 'uploadProjectExpenseDocument',
      summary: `Attach a document (PDF, PNG or JPEG, at most ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB) to an expense`,
      description: `${writers}, while the expense is not in a claim (409 \`projects.expense.locked\`). The type is read from the content, never from the name: 415 \`projects.expense_document.type\` otherwise, or for a PDF with scripts, launch actions or embedded files; 413 \`projects.expense_document.too_large\`. Stored encrypted in the document store shared with the pilot; audited.`,
      params: expenseParams,
      body: uploadExpenseDocumentSchema,
      response: { 201: expenseDocumentSchema },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await uploadExpenseDocument(req.ctx, req.params.projectId, req.params.expenseId, req.body)),
  });

  app.get('/projects/:projectId/expenses/:expenseId/documents/:documentId/content', {
    config,
    schema: {
      tags,
      operationId: 'downloadProjectExpenseDocument',
      summary: 'Download a document of an expense (always as an attachment); audited',
      description: `${documentReaders}. Every download is audited. 404 \`projects.expense_document.not_found\`.`,
      params: documentParams,
      response: {
        200: {
          description: 'The document',
          content: {
            'application/pdf': { schema: binary('application/pdf') },
            'image/png': { schema: binary('image/png') },
            'image/jpeg': { schema: binary('image/jpeg') },
          },
        },
      },
    },
    handler: async (req, reply) => {
      const file = await downloadExpenseDocument(
        req.ctx,
        req.params.projectId,
        req.params.expenseId,
        req.params.documentId,
      );
      return (
        reply
          .type(file.contentType)
          .header('content-disposition', attachmentDisposition(file.filename))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          // Fastify sends a Buffer as it is (no serializer); the schema only documents the binary body
          .send(file.bytes as unknown as File)
      );
    },
  });

  app.delete('/projects/:projectId/expenses/:expenseId/documents/:documentId', {
    config,
    schema: {
      tags,
      operationId: 'deleteProjectExpenseDocument',
      summary: 'Remove a document of an expense not in a claim; audited',
      description: `${writers}. 409 \`projects.expense.locked\` once IN_DOMANDA or VERIFICATA. 404 \`projects.expense_document.not_found\`.`,
      params: documentParams,
      response: { 204: noContent },
    },
    handler: async (req, reply) => {
      await deleteExpenseDocument(req.ctx, req.params.projectId, req.params.expenseId, req.params.documentId);
      return reply.code(204).send(null);
    },
  });
}
