import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { waveParams } from './results.schema.js';
import { prepareCodebook, prepareExport, type ExportFile } from './exports.service.js';
import { codebookQuerySchema, exportQuerySchema, XLSX_MEDIA_TYPE } from './exports.schema.js';

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
}
