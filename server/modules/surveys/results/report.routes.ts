import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { waveParams } from './results.schema.js';
import { reportQuerySchema, reportSchema } from './report.schema.js';
import { REPORT_MEDIA_TYPES, waveReport, waveReportFile } from './report.service.js';

const binary = z.any().meta({ type: 'string', format: 'binary' });

/** A wave's report: the model as JSON for the page, or the same model as PDF, DOCX or XLSX (decision 0045). */
export async function reportRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/waves/:waveId/report', {
    config: { auth: 'session' },
    schema: {
      tags: ['surveys'],
      operationId: 'getSurveyWaveReport',
      summary: 'A wave’s report (documento di ricognizione): response rate, main tables, settlements',
      description:
        '`surveys.results.read`, with the results’ disclosure control: ANCI/Cittalia exact; MLPS, administrators and Regioni get counts of persons 1–9 as "<10" and others rounded to 5, nothing resting on fewer than 3 Comuni. Free text is never in a report. ' +
        'Response rate: Comuni invited and answering (inviato, in_validazione, validato, consolidato) overall, by Region and by demographic band, over the whole wave. ' +
        'Tables: by default every choice, number and range question; `question` picks some (400 `surveys.results.question` for an unknown one, free text or dates). Settlements: the census’s register summed by kind and by Region, when the questionnaire has it. ' +
        'format=json (default) gives the model; pdf a tagged A4 PDF (lang it), docx a Word document (Heading styles, header rows repeated, it-IT), xlsx one sheet per table; the file is named after the wave. 404 `surveys.wave.not_found`; a bad format is 400 `request.invalid`. Audited.',
      params: waveParams,
      querystring: reportQuerySchema,
      response: {
        200: {
          description: 'The report: the model (JSON) or the file',
          content: {
            'application/json': { schema: reportSchema },
            [REPORT_MEDIA_TYPES.pdf]: { schema: binary },
            [REPORT_MEDIA_TYPES.docx]: { schema: binary },
            [REPORT_MEDIA_TYPES.xlsx]: { schema: binary },
          },
        },
      },
    },
    handler: async (req, reply) => {
      const q = req.query;
      if (q.format === 'json')
        return reply.type('application/json').send(await waveReport(req.ctx, req.params.waveId, q));
      const file = await waveReportFile(req.ctx, req.params.waveId, { ...q, format: q.format });
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  });
}
