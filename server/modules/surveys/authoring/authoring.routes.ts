import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { maxBase64Chars } from '../../../platform/upload/index.js';
import {
  createSurveySchema,
  importVersionSchema,
  surveyDetailSchema,
  surveyListSchema,
  surveyParams,
  surveySchema,
  versionDetailSchema,
  versionParams,
} from './authoring.schema.js';
import {
  createSurvey,
  exportVersion,
  getSurvey,
  getVersion,
  importVersion,
  listSurveys,
  publish,
} from './authoring.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Questionnaires and their versions: XLSForm import and export, preview, publication, differences. */
export async function authoringRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];
  const config = { auth: 'session' } as const;

  app.get('', {
    config,
    schema: {
      tags,
      operationId: 'listSurveys',
      summary: 'The national surveys, newest first, with their versions and waves counted',
      description:
        'Whoever follows or writes the surveys (`surveys.read` or `surveys.author`): each survey with how many questionnaire versions it has, the number of the latest published one and how many waves use it.',
      response: { 200: surveyListSchema },
    },
    handler: (req) => listSurveys(req.ctx),
  });

  app.post('', {
    config,
    schema: {
      tags,
      operationId: 'createSurvey',
      summary: 'Create a survey (its questionnaire comes with the first XLSForm)',
      description:
        'ANCI/Cittalia (`surveys.author`). The code is a short stable name (lower-case letters, digits, dashes); 409 `surveys.survey.code_taken` when another survey has it. Audited.',
      body: createSurveySchema,
      response: { 201: surveySchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createSurvey(req.ctx, req.body)),
  });

  app.get('/:surveyId', {
    config,
    schema: {
      tags,
      operationId: 'getSurvey',
      summary: 'A survey with its questionnaire versions, each with what changed from the previous published one',
      description: '`surveys.read` or `surveys.author`. 404 `surveys.survey.not_found`.',
      params: surveyParams,
      response: { 200: surveyDetailSchema },
    },
    handler: (req) => getSurvey(req.ctx, req.params.surveyId),
  });

  app.post('/:surveyId/versions', {
    config,
    // the JSON body carries the file in base64, above the global 1 MiB limit
    bodyLimit: maxBase64Chars() + 4096,
    schema: {
      tags,
      operationId: 'importSurveyVersion',
      summary: 'Upload an XLSForm (.xlsx) as a new draft version of the questionnaire',
      description:
        'ANCI/Cittalia (`surveys.author`). The workbook (survey, choices, settings sheets) is read off the event loop within the upload limits (413 `upload.too_large` / `upload.too_complex`, 400 `upload.unreadable` for a file that is not an XLSX, 503 `upload.busy`). A form with errors is refused with 400 `surveys.xlsform.invalid` and `context.issues` (each with sheet, row, column and the reason in Italian and English); nothing is written. Otherwise a draft version, with the warnings of the import (questions of types InCaS does not take left out, columns not kept). 404 `surveys.survey.not_found`. Audited.',
      params: surveyParams,
      body: importVersionSchema,
      response: { 201: versionDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await importVersion(req.ctx, req.params.surveyId, req.body)),
  });

  app.get('/versions/:versionId', {
    config,
    schema: {
      tags,
      operationId: 'getSurveyVersion',
      summary:
        'A questionnaire version: the form, the import report and every change from the previous published version',
      description: '`surveys.read` or `surveys.author`. 404 `surveys.version.not_found`.',
      params: versionParams,
      response: { 200: versionDetailSchema },
    },
    handler: (req) => getVersion(req.ctx, req.params.versionId),
  });

  app.post('/versions/:versionId/publish', {
    config,
    schema: {
      tags,
      operationId: 'publishSurveyVersion',
      summary: 'Publish a draft version: it takes the next number and never changes again',
      description:
        'ANCI/Cittalia (`surveys.author`). 409 `surveys.version.published` for a version already published, or a draft older than a version published since. 404 `surveys.version.not_found`. Audited.',
      params: versionParams,
      response: { 200: versionDetailSchema },
    },
    handler: (req) => publish(req.ctx, req.params.versionId),
  });

  app.get('/versions/:versionId/xlsform', {
    config,
    schema: {
      tags,
      operationId: 'exportSurveyVersionXlsForm',
      summary: 'The questionnaire version as an XLSForm workbook (.xlsx)',
      description:
        '`surveys.read` or `surveys.author`: the survey, choices and settings sheets, as an attachment; uploading it again gives the same questionnaire. 404 `surveys.version.not_found`.',
      params: versionParams,
      response: {
        200: { description: 'The XLSForm (XLSX workbook)', content: { [XLSX]: { schema: z.file().mime(XLSX) } } },
      },
    },
    handler: async (req, reply) => {
      const file = await exportVersion(req.ctx, req.params.versionId);
      return (
        reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('x-content-type-options', 'nosniff')
          // Fastify sends a Buffer as it is (no serializer); the schema only documents the binary body
          .send(file.bytes as unknown as File)
      );
    },
  });
}
