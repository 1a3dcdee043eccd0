import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addMemberSchema,
  admissionDecisionSchema,
  caseDetailSchema,
  caseManagerListSchema,
  casePageSchema,
  caseQuerySchema,
  caseTransitionSchema,
  createCaseSchema,
  createPermitSchema,
  createReferralSchema,
  idParam,
  indicatorCatalogueSchema,
  permitEventSchema,
  importModeSchema,
  permitSchema,
  referralPageSchema,
  referralQuerySchema,
  reassignCaseSchema,
  referralSchema,
  updateReferralSchema,
  viewerListSchema,
  closurePreviewSchema,
  accessPackageDocumentSchema,
} from './cases.schema.js';
import { addMember, createCase, findCases, getCase } from './cases.service.js';
import { listCaseManagers, reassignCase } from './case-managers.service.js';
import { decideAdmission, previewClosure, transitionCase } from './decisions.service.js';
import { createPermit, recordPermitEvent } from './permits.service.js';
import { exportCases } from './export.service.js';
import { importBeneficiaries, listImportCaseManagers, MAX_IMPORT_ROWS } from './import.service.js';
import { languageOfHeader } from './import.rules.js';
import { importTemplate } from './import.template.js';
import { labelLanguages } from '../shared/labels.js';
import { langQuerySchema } from '../shared/lang.js';
import { encodingChoices, maxBase64Chars, textEncodings } from '../../../platform/upload/index.js';
import { getAccessPackage, getAccessPackageDocument, getAccessPackagePdf, listViewers } from './privacy.service.js';
import { createReferral, findReferrals, getIndicatorCatalogue, updateReferral } from './referrals.service.js';

// a file body: Fastify sends the Buffer as it is (no serializer); the schema only documents it
const binary = z.any().meta({ type: 'string', format: 'binary' });

const importReportSchema = z
  .object({
    mode: importModeSchema,
    encoding: z
      .enum(textEncodings)
      .nullable()
      .describe('The encoding the CSV was read in (chosen, or detected with encoding=auto); null for XLSX.'),
    rows: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    alreadyImported: z.number().int(),
    imported: z.number().int(),
    report: z.array(
      z.object({
        row: z.number().int(),
        status: z.enum(['valid', 'invalid', 'already_imported', 'imported']),
        pseudonym: z.string().nullable(),
        caseManager: z
          .string()
          .nullable()
          .describe("The display name of the user the row's case goes (or would go) to."),
        errors: z.array(
          z.object({
            column: z
              .string()
              .nullable()
              .describe('The column as its header is written in the file; null for a problem of the whole row.'),
            value: z.string().nullable().describe('The cell as written, when the problem is about its value.'),
            reason: z.string().describe("What is wrong, in the user's language, without the row and column."),
            message: z
              .string()
              .describe(
                "The whole sentence in the user's language: row, column (as in the file), value and what is wrong.",
              ),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'PilotImportReport' });

const packageLangQuery = z.object({
  lang: z
    .enum(labelLanguages)
    .optional()
    .meta({ description: "The language of the package's words (the user's); Italian by default" }),
});

/** Referrals, cases, households, admissions, permits, and a person's privacy rights. */
export async function pilotCaseRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['pilot'];
  const auth = { auth: 'session' as const };
  const caseParams = z.object({ caseId: idParam });
  const personParams = z.object({ personId: idParam });

  app.get('/indicators', {
    config: auth,
    schema: {
      tags,
      operationId: 'getPilotIndicators',
      summary: 'The current catalogue of exploitation indicators (603-bis c.p., ILO)',
      description:
        "Comune case staff (`pilot.cases.read`): the current catalogue of exploitation indicators that a referral's screening checklist uses, with its version.",
      response: { 200: indicatorCatalogueSchema },
    },
    handler: (req) => getIndicatorCatalogue(req.ctx),
  });
  app.get('/referrals', {
    config: auth,
    schema: {
      tags,
      operationId: 'findPilotReferrals',
      summary: "The Comune's referrals",
      description:
        "Comune case staff (`pilot.cases.read`): a page of the Comune's referrals, optionally by screening outcome; 403 `pilot.not_in_comune` outside a pilot Comune.",
      querystring: referralQuerySchema,
      response: { 200: referralPageSchema },
    },
    handler: (req) => findReferrals(req.ctx, req.query),
  });
  app.post('/referrals', {
    config: auth,
    schema: {
      tags,
      operationId: 'createPilotReferral',
      summary: 'Record a referral with its screening checklist',
      description:
        'Comune case staff (`pilot.cases.write`): records a referral (source, channel, sector) with the indicators checked at screening; 403 `pilot.not_in_comune` outside a pilot Comune.',
      body: createReferralSchema,
      response: { 201: referralSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createReferral(req.ctx, req.body)),
  });
  app.patch('/referrals/:referralId', {
    config: auth,
    schema: {
      tags,
      operationId: 'updatePilotReferral',
      summary: "Record the screening's outcome",
      description:
        "Comune case staff (`pilot.cases.write`): records the screening's outcome and its date; 404 `pilot.referral.not_found`, 409 `pilot.invalid_transition` for an outcome not allowed after the current one.",
      params: z.object({ referralId: idParam }),
      body: updateReferralSchema,
      response: { 200: referralSchema },
    },
    handler: (req) => updateReferral(req.ctx, req.params.referralId, req.body),
  });

  app.get('/cases', {
    config: auth,
    schema: {
      tags,
      operationId: 'findPilotCases',
      summary: "The Comune's cases (an operatore's own), with the holder's name; search and filters",
      description:
        "Referente_comunale (every case of the Comune) or operatore (own cases), with `pilot.cases.read`: a page of case summaries with the holder's name beside the pseudonym (the page's read is audited as `pilot.case.list`). Search by pseudonym, codice fiscale or name, also in part (every word of 3 letters or more, accents and case ignored; a query shorter than 3 characters answers 400); filters by status, case manager, permit expiry and PAI state.",
      querystring: caseQuerySchema,
      response: { 200: casePageSchema },
    },
    handler: (req) => findCases(req.ctx, req.query),
  });
  app.post('/cases', {
    config: auth,
    schema: {
      tags,
      operationId: 'createPilotCase',
      summary: 'Register a beneficiary (permit holder) and open the case',
      description:
        'Comune case staff (`pilot.cases.write`): registers the permit holder and opens the case. Its case manager is whoever opens it, unless the referente names another (`ownerUserId`: an active operatore or referente of the Comune, 400 otherwise; 403 when an operatore names someone else). 403 `pilot.not_in_comune`, 409 `pilot.duplicate_person`.',
      body: createCaseSchema,
      response: { 201: caseDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createCase(req.ctx, req.body)),
  });
  app.get('/case-managers', {
    config: auth,
    schema: {
      tags,
      operationId: 'listPilotCaseManagers',
      summary: 'Who may hold cases in the Comune, and how many each holds',
      description:
        "Referente_comunale (`pilot.cases.decide`): the Comune's active operatori and referenti, who may be named case manager, with the open and closed cases each holds. 403 `pilot.not_in_comune` outside a pilot Comune.",
      response: { 200: caseManagerListSchema },
    },
    handler: (req) => listCaseManagers(req.ctx),
  });
  app.put('/cases/:caseId/case-manager', {
    config: auth,
    schema: {
      tags,
      operationId: 'reassignPilotCase',
      summary: 'Give the case to another case manager',
      description:
        "Referente_comunale (`pilot.cases.decide`): names the case's new case manager (an active operatore or referente of the Comune, 400 otherwise with the reason on `body.ownerUserId`); their open tasks of the case move with it; recorded in the case's history and audited. 404 `pilot.case.not_found`, 409 `pilot.invalid_transition` for a closed case, 409 `pilot.stale` when `version` is not the case's.",
      params: caseParams,
      body: reassignCaseSchema,
      response: { 200: caseDetailSchema },
    },
    handler: (req) => reassignCase(req.ctx, req.params.caseId, req.body),
  });
  app.get('/cases/:caseId', {
    config: auth,
    schema: {
      tags,
      operationId: 'getPilotCase',
      summary: 'The case file (every read is audited)',
      description:
        'Referente_comunale, or the operatore the case is assigned to (`pilot.cases.read`): the case file with household, permits, admissions and history; every read is audited. A case of another Comune answers 404 `pilot.case.not_found`.',
      params: caseParams,
      response: { 200: caseDetailSchema },
    },
    handler: (req) => getCase(req.ctx, req.params.caseId),
  });
  app.post('/cases/:caseId/members', {
    config: auth,
    schema: {
      tags,
      operationId: 'addPilotMember',
      summary: 'Add a family member to the household',
      description:
        'Case staff (`pilot.cases.write`) of an open case: adds a relative to the household; 409 `pilot.duplicate_person`, or `pilot.invalid_transition` on a closed case.',
      params: caseParams,
      body: addMemberSchema,
      response: { 201: caseDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await addMember(req.ctx, req.params.caseId, req.body)),
  });
  app.post('/cases/:caseId/transitions', {
    config: auth,
    schema: {
      tags,
      operationId: 'transitionPilotCase',
      summary: 'Admit, suspend, resume or close a case',
      description:
        'Case staff (`pilot.cases.write`); admitting, and revoking under art. 7, need the referente (`pilot.cases.decide`). Moves the case along its state machine; 409 `pilot.invalid_transition` for a step not allowed. Closing settles the PAIs in the same transaction: planned measures are cancelled (their commitment released), started ones interrupted (see `getPilotCaseClosurePreview`).',
      params: caseParams,
      body: caseTransitionSchema,
      response: { 200: caseDetailSchema },
    },
    handler: (req) => transitionCase(req.ctx, req.params.caseId, req.body),
  });
  app.get('/cases/:caseId/closure-preview', {
    config: auth,
    schema: {
      tags,
      operationId: 'getPilotCaseClosurePreview',
      summary: "What closing the case would do to its PAIs' measures and budget, without closing it",
      description:
        'Case staff (`pilot.cases.write`): the planned measures closing would cancel and the amount released on the budget, the started measures it would interrupt and how many lack an actual cost. 409 `pilot.invalid_transition` on a closed case.',
      params: caseParams,
      response: { 200: closurePreviewSchema },
    },
    handler: (req) => previewClosure(req.ctx, req.params.caseId),
  });
  app.post('/cases/:caseId/members/:personId/admission', {
    config: auth,
    schema: {
      tags,
      operationId: 'decidePilotAdmission',
      summary: "Admit a family member to the measures, or revoke a person's admission (art. 7)",
      description:
        "Referente_comunale only (`pilot.cases.decide`): admits an eligible family member to the measures, or revokes a person's admission; 409 `pilot.not_eligible` or `pilot.invalid_transition`.",
      params: z.object({ caseId: idParam, personId: idParam }),
      body: admissionDecisionSchema,
      response: { 200: caseDetailSchema },
    },
    handler: (req) => decideAdmission(req.ctx, req.params.caseId, req.params.personId, req.body),
  });

  const langQuery = z.object({
    lang: z
      .enum(labelLanguages)
      .optional()
      .meta({ description: "The language of the words (the user's); Italian by default" }),
  });
  app.post('/import', {
    config: auth,
    schema: {
      tags,
      operationId: 'importPilotBeneficiaries',
      summary: `Validate or import beneficiaries from a CSV or XLSX file (base64, at most ${MAX_IMPORT_ROWS} rows)`,
      description:
        'Columns: cognome, nomi, data_nascita, sesso, paese_nascita, cittadinanze, lingue, codice_fiscale, telefono, ' +
        'email, indirizzo, data_presa_in_carico, in_sai, case_manager (formats and allowed values: the template, ' +
        '`getPilotImportTemplateXlsx`). Dates gg/mm/aaaa, g/m/aaaa or aaaa-mm-gg; countries and languages as ISO codes or ' +
        'Italian/English names; several values in one cell separated by |; in_sai sì/no. A row with more cells than the ' +
        'header has columns is refused (a separator inside a value). mode=dry_run only validates; mode=all writes nothing ' +
        'unless every row is valid; mode=valid_only imports the valid rows. Rows imported before are skipped. Each case goes ' +
        "to the row's case_manager (an e-mail), else to `caseManagerId`, else to the importing user; each must be an " +
        'active operatore or referente of the Comune (400 `pilot.invalid` for a `caseManagerId` that is not). Messages ' +
        'are in `lang`, else in the language of Accept-Language (Italian unless English is preferred). ' +
        'A CSV is separated by ; tab or , and read in the `encoding` chosen (auto: a byte-order mark, else UTF-8 if valid, ' +
        'else Windows-1252). The file is parsed off the event loop within limits (docs/PROMISES.md "Uploaded files"): ' +
        '413 `upload.too_large` (unzipped size), 413 `upload.too_complex` (rows, cells, parse time or memory), ' +
        '400 `upload.unreadable`, 400 `upload.encoding` (text not decodable: the line is named), 503 `upload.busy` with Retry-After.',
      body: z
        .object({
          format: z.enum(['csv', 'xlsx']),
          content: z.base64().max(maxBase64Chars()),
          mode: importModeSchema,
          encoding: z
            .enum(encodingChoices)
            .default('auto')
            .describe('How to decode a CSV: auto (default), utf-8, windows-1252 or utf-16. A byte-order mark wins.'),
          caseManagerId: idParam
            .optional()
            .describe(
              'The case manager of the imported cases whose row names none (default: the importing user): see `listPilotImportCaseManagers`.',
            ),
          lang: z
            .enum(labelLanguages)
            .optional()
            .describe("The language of the report's messages; default: from Accept-Language, else Italian."),
        })
        .strict()
        .meta({ id: 'PilotImportRequest' }),
      response: { 200: importReportSchema },
    },
    handler: (req) =>
      importBeneficiaries(req.ctx, {
        ...req.body,
        lang: req.body.lang ?? languageOfHeader(req.headers['accept-language']),
      }),
  });
  app.get('/import/case-managers', {
    config: auth,
    schema: {
      tags,
      operationId: 'listPilotImportCaseManagers',
      summary: 'The users the cases of an import may be given to',
      description:
        'Staff who may import (`pilot.cases.write`): the active operatori and referenti of their Comune, by name, with the e-mail a file names them by in its case_manager column.',
      response: {
        200: z
          .object({
            items: z.array(z.object({ id: z.uuid(), displayName: z.string(), email: z.string() })),
          })
          .meta({ id: 'PilotImportCaseManagers' }),
      },
    },
    handler: (req) => listImportCaseManagers(req.ctx),
  });
  app.get('/import/template.csv', {
    config: auth,
    schema: {
      tags,
      operationId: 'getPilotImportTemplateCsv',
      summary: 'The CSV import template: the header and one example row',
      description:
        'Staff who may import (`pilot.cases.write`): UTF-8 with a byte-order mark, separated by ; with CRLF line ends, as Excel for Windows reads it. The example row is fake and must be deleted.',
      response: {
        200: { description: 'The template (CSV)', content: { 'text/csv': { schema: binary } } },
      },
    },
    handler: async (req, reply) => {
      const file = await importTemplate(req.ctx, 'csv', 'it');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  });
  app.get('/import/template.xlsx', {
    config: auth,
    schema: {
      tags,
      operationId: 'getPilotImportTemplateXlsx',
      summary: 'The XLSX import template: the example row, each column explained, the countries and languages',
      description:
        'Staff who may import (`pilot.cases.write`): a first sheet with the header and one fake example row, a second sheet listing each column (required or not, format and allowed values), then the countries and languages with their names, in `lang`.',
      querystring: langQuery,
      response: {
        200: {
          description: 'The template (XLSX workbook)',
          content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: binary } },
        },
      },
    },
    handler: async (req, reply) => {
      const file = await importTemplate(req.ctx, 'xlsx', req.query.lang ?? 'it');
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  });
  app.get('/export/cases.xlsx', {
    config: auth,
    schema: {
      tags,
      operationId: 'exportPilotCases',
      summary: "The Comune's cases as XLSX (identity columns only for the roles entitled to them); audited",
      description:
        'Comune case staff (`pilot.cases.read`): the cases as an XLSX file, with identity columns only for `pilot.cases.export` (referente_comunale); audited.',
      querystring: langQuerySchema,
      response: {
        200: {
          description: 'The cases (XLSX workbook)',
          content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: binary } },
        },
      },
    },
    handler: async (req, reply) => {
      const file = await exportCases(req.ctx, req.query.lang);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  });

  app.post('/persons/:personId/permits', {
    config: auth,
    schema: {
      tags,
      operationId: 'createPilotPermit',
      summary: 'Record a residence permit of a person',
      description:
        'Case staff (`pilot.cases.write`) of an open case: records a residence permit of a person of the case; 404 `pilot.person.not_found`.',
      params: personParams,
      body: createPermitSchema,
      response: { 201: permitSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createPermit(req.ctx, req.params.personId, req.body)),
  });
  app.post('/permits/:permitId/events', {
    config: auth,
    schema: {
      tags,
      operationId: 'recordPilotPermitEvent',
      summary: 'Receipt, issue, renewal, conversion or revocation of a permit',
      description:
        "Case staff (`pilot.cases.write`): records receipt, issue, renewal request, renewal, conversion or revocation; 404 `pilot.permit.not_found`, 409 `pilot.invalid_transition` for an event the permit's state does not allow.",
      params: z.object({ permitId: idParam }),
      body: permitEventSchema,
      response: { 200: permitSchema },
    },
    handler: (req) => recordPermitEvent(req.ctx, req.params.permitId, req.body),
  });
  app.get('/persons/:personId/viewers', {
    config: auth,
    schema: {
      tags,
      operationId: 'listPilotPersonViewers',
      summary: 'Who viewed this person (for the referente)',
      description:
        "Referente_comunale only (`pilot.cases.decide`): every read that exposed this person's identity (case file, PAI, PAI print, export with names, access package: the audit actions of IDENTITY_READS), who made it (name, roles, organisation) and when; 404 `pilot.person.not_found`.",
      params: personParams,
      response: { 200: viewerListSchema },
    },
    handler: (req) => listViewers(req.ctx, req.params.personId),
  });
  app.get('/persons/:personId/access-package', {
    config: auth,
    schema: {
      tags,
      operationId: 'getPilotAccessPackage',
      summary: 'GDPR access package of one person (JSON)',
      description:
        'Referente_comunale only (`pilot.cases.export`): everything held about one person, for a GDPR access request, as JSON; audited. 404 `pilot.person.not_found`.',
      params: personParams,
      response: { 200: z.record(z.string(), z.unknown()).meta({ id: 'PilotAccessPackage' }) },
    },
    handler: async (req, reply) => {
      const pkg = await getAccessPackage(req.ctx, req.params.personId);
      return reply
        .header('content-disposition', `attachment; filename="accesso-dati-${req.params.personId}.json"`)
        .send(pkg);
    },
  });
  app.get('/persons/:personId/access-package/document', {
    config: auth,
    schema: {
      tags,
      operationId: 'getPilotAccessPackageDocument',
      summary: 'GDPR access package of one person, in words (for the page)',
      description:
        'Referente_comunale only (`pilot.cases.export`): the same access package as sections in words, values labelled and dates written the Italian way, for the page of the web app; audited. 404 `pilot.person.not_found`.',
      params: personParams,
      querystring: packageLangQuery,
      response: { 200: accessPackageDocumentSchema },
    },
    handler: (req) => getAccessPackageDocument(req.ctx, req.params.personId, req.query.lang),
  });
  app.get('/persons/:personId/access-package.pdf', {
    config: auth,
    schema: {
      tags,
      operationId: 'getPilotAccessPackagePdf',
      summary: 'GDPR access package of one person (tagged PDF)',
      description:
        'Referente_comunale only (`pilot.cases.export`): the same access package as a tagged PDF in words (Italian by default), to hand to the person; audited. 404 `pilot.person.not_found`.',
      params: personParams,
      querystring: packageLangQuery,
      response: {
        200: {
          description: 'The access package (application/pdf)',
          content: { 'application/pdf': { schema: binary } },
        },
      },
    },
    handler: async (req, reply) => {
      const pdf = await getAccessPackagePdf(req.ctx, req.params.personId, req.query.lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="accesso-dati-${req.params.personId}.pdf"`)
        .send(pdf);
    },
  });
}
