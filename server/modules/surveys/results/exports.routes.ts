import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { waveParams } from './results.schema.js';
import { createSpool } from '../../../platform/spool.js';
import {
  prepareCodebook,
  prepareExport,
  preparedExport,
  preparedExportOwner,
  startPreparedExport,
  type ExportFile,
} from './exports.service.js';
import {
  codebookQuerySchema,
  exportQuerySchema,
  preparedExportParams,
  preparedExportSchema,
  XLSX_MEDIA_TYPE,
} from './exports.schema.js';

const binary = z.any().meta({ type: 'string', format: 'binary' });
const fileResponse = {
  200: {
    description: 'The file (CSV or XLSX), streamed',
    content: { 'text/csv': { schema: binary }, [XLSX_MEDIA_TYPE]: { schema: binary } },
  },
};

/**
 * Streams a prepared file into the reply: the headers go first, the rows follow as they are read.
 * A failure after the first bytes cannot become an error response any more: the download is cut
 * short (the browser reports it as failed), never ended as if complete.
 */
function sendFile(req: FastifyRequest, reply: FastifyReply, file: ExportFile) {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  file.write(out).catch((err: unknown) => {
    req.log.error({ err }, 'survey export failed while streaming');
    out.destroy(err instanceof Error ? err : new Error('export failed'));
  });
  return reply
    .type(file.mediaType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(out);
}

/** A wave's responses as CSV or XLSX, and its codebook (issue 11 item 5; decision 0042). */
export async function exportsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];
  const config = { auth: 'session' } as const;
  // the prepared exports of this instance (decision 0047), deleted when it closes
  const spool = createSpool();
  fastify.addHook('onClose', async () => spool.close());

  app.get('/waves/:waveId/export', {
    config,
    schema: {
      tags,
      operationId: 'exportSurveyWaveResponses',
      summary: 'A wave’s responses as CSV or XLSX, wide or long, codes or labels, streamed',
      description:
        'ANCI/Cittalia (`surveys.results.full`): every Comune; a Regione (`surveys.results.read` at the regional level): its own Region’s Comuni only (forced from its account, whatever the query) and no free text (no text question, no "Altro" text); others 403. Per-Comune answers, not aggregates. The responses that count for the results (inviato, in_validazione, validato, consolidato), in ISTAT-code order. ' +
        'wide: one row per Comune (istat, comune, provincia, regione, stato, inviato_il, then the questions: a multiple choice as its codes plus one 0/1 column per choice `q/code`; a range as `q/min`, `q/max`, `q/value`, `q/quality`; a period as `q/from`, `q/to`; "Altro" as `q_other`); in XLSX each repeat is a sheet of its own keyed by istat and voce (the entry’s number, "2.1" when nested); in CSV `repeat=<name>` gives that repeat’s entries instead of the Comuni. ' +
        'long: one row per answer (istat, domanda, ripetizione, voce, valore_codice, valore_etichetta; a multiple choice gives one row per code). values=labels writes choices and qualities as their Italian labels (wide only). ' +
        'XLSX ends with the codebook sheet. CSV: UTF-8 with BOM, ";" separated, CRLF, decimal comma. Texts starting with = + - @ are prefixed with a quote. Audited (format, shape, values, repeat). 400 `surveys.results.question` for an unknown repeat or a repeat outside csv+wide.',
      params: waveParams,
      querystring: exportQuerySchema,
      response: fileResponse,
    },
    handler: async (req, reply) => sendFile(req, reply, await prepareExport(req.ctx, req.params.waveId, req.query)),
  });

  app.get('/waves/:waveId/export/codebook', {
    config,
    schema: {
      tags,
      operationId: 'exportSurveyWaveCodebook',
      summary: 'The codebook of a wave’s questionnaire as CSV or XLSX',
      description:
        'ANCI/Cittalia (`surveys.results.full`), and a Regione (without the free-text questions). One row per question: domanda (code), colonne (its columns in the wide export), etichetta_it, etichetta_en, tipo, scelte (code=label | …), sezione, ripetizione, versione (the questionnaire version).',
      params: waveParams,
      querystring: codebookQuerySchema,
      response: fileResponse,
    },
    handler: async (req, reply) => sendFile(req, reply, await prepareCodebook(req.ctx, req.params.waveId, req.query)),
  });

  const prepared =
    'ANCI/Cittalia only (`surveys.results.full`). The file is the one the direct export streams, written once in the server’s spool by a background writer; it belongs to the user who prepared it and is kept one hour (404 `spool.gone` after, or after a restart: prepare it again).';

  app.post('/waves/:waveId/exports', {
    config,
    schema: {
      tags,
      operationId: 'prepareSurveyWaveExport',
      summary: 'Prepare a wave’s export as a file to download with its size and resume (progress readable)',
      description: `${prepared} Same options as the direct export; checked and audited when asked. 202 with the file's state; 503 \`spool.busy\` (Retry-After) when too many files are being prepared.`,
      params: waveParams,
      body: exportQuerySchema,
      response: { 202: preparedExportSchema },
    },
    handler: async (req, reply) =>
      reply.code(202).send(await startPreparedExport(req.ctx, spool, req.params.waveId, req.body)),
  });

  app.get('/waves/:waveId/exports/:exportId', {
    config,
    schema: {
      tags,
      operationId: 'getSurveyWaveExport',
      summary: 'A prepared export’s progress (responses read of the total) and, once ready, its size',
      description: prepared,
      params: preparedExportParams,
      response: { 200: preparedExportSchema },
    },
    handler: async (req) => preparedExport(req.ctx, spool, req.params.waveId, req.params.exportId),
  });

  app.get('/waves/:waveId/exports/:exportId/file', {
    config,
    // the file's own bytes: its size and byte ranges must be those of the file
    compress: false,
    schema: {
      tags,
      operationId: 'downloadSurveyWaveExport',
      summary: 'Download a prepared export: whole, or the byte range asked for (a resumed download)',
      description: `${prepared} Content-Length, a strong ETag, Last-Modified and Accept-Ranges: bytes; \`Range: bytes=N-\` gives 206 with Content-Range (with If-Range naming another version, the whole file), an unsatisfiable range 416; several ranges give the whole file. 409 \`spool.not_ready\` while it is being prepared.`,
      params: preparedExportParams,
      response: {
        200: fileResponse[200],
        206: {
          description: 'The range asked for',
          content: { 'text/csv': { schema: binary }, [XLSX_MEDIA_TYPE]: { schema: binary } },
        },
        416: z.null().describe('The range is outside the file (Content-Range: bytes */size), no content'),
      },
    },
    handler: async (req, reply) =>
      spool.send(req, reply, req.params.exportId, preparedExportOwner(req.ctx, req.params.waveId)),
  });
}
