import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { compareWaves, getWaveMappings, listComparableWaves, putWaveMappings } from './comparison.service.js';
import { waveParams } from './results.schema.js';
import {
  comparableWavesSchema,
  comparisonParams,
  comparisonQuerySchema,
  comparisonSchema,
  waveMappingsInSchema,
  waveMappingsSchema,
} from './comparison.schema.js';

const readers =
  '`surveys.results.read` (ANCI/Cittalia exact with `surveys.results.full`; MLPS, administrators, Regioni controlled as the results are) or `surveys.results.own` (a Comune’s users: only with comune=their own Comune, national figures controlled)';

/** The comparison of a question across two waves and the mapping between their questionnaires (issue 11, item 4). */
export async function comparisonRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];
  const config = { auth: 'session' } as const;

  app.get('/waves/:waveId/comparison', {
    config,
    schema: {
      tags,
      operationId: 'getSurveyWaveComparison',
      summary: 'One question across two waves: figures in each, over all respondents and over the panel, with warnings',
      description: `${readers}. \`question\` is a code of the path’s wave; its counterpart in \`other\` is the question with the same code or the one the waves’ mapping names. The earlier wave (by opening date) has its choices recoded as the mapping says. \`panel\`: only the Comuni whose answers count in both waves (inviato, in_validazione, validato, consolidato). \`warnings\` lists where comparability breaks (different survey, question missing, type changed, choices changed without a mapping, labels changed, renamed, recoded, split, merged, not comparable). \`comune\`: that Comune’s own figures in each wave, exact, for ANCI/Cittalia, a Regione for its own Comuni, and the Comune itself; others 403. Filters as the results (400 \`surveys.results.filter\`); 400 \`surveys.results.question\` for an unknown or free-text question; 404 \`surveys.wave.not_found\`. Audited.`,
      params: waveParams,
      querystring: comparisonQuerySchema,
      response: { 200: comparisonSchema },
    },
    handler: (req) => compareWaves(req.ctx, req.params.waveId, req.query.other, req.query),
  });

  app.get('/waves/:waveId/comparison/waves', {
    config,
    schema: {
      tags,
      operationId: 'listSurveyComparableWaves',
      summary: 'The waves a wave may be compared with (launched; those of its survey first)',
      description: `${readers}. 404 \`surveys.wave.not_found\`.`,
      params: waveParams,
      response: { 200: comparableWavesSchema },
    },
    handler: (req) => listComparableWaves(req.ctx, req.params.waveId),
  });

  app.get('/waves/:waveId/comparison/:otherWaveId/mappings', {
    config,
    schema: {
      tags,
      operationId: 'getSurveyWaveMappings',
      summary: 'How the questions of two waves correspond where the questionnaire changed (earlier wave first)',
      description: `${readers}. 404 \`surveys.wave.not_found\`.`,
      params: comparisonParams,
      response: { 200: waveMappingsSchema },
    },
    handler: (req) => getWaveMappings(req.ctx, req.params.waveId, req.params.otherWaveId),
  });

  app.put('/waves/:waveId/comparison/:otherWaveId/mappings', {
    config,
    schema: {
      tags,
      operationId: 'putSurveyWaveMappings',
      summary: 'Replace the mapping between two waves’ questionnaires',
      description:
        'ANCI/Cittalia (`surveys.comparison.manage`). `earlier` names questions of the wave that opened first, `later` of the other one. match: the same question (renamed when the codes differ) with choices recoded old → new; split: one earlier question became several; merge: several became one; not_comparable: with the reason. 400 `surveys.comparison.mapping` (context.issues) for a question or choice the waves do not have; 409 `surveys.comparison.conflict` when a question is named by two mappings on the same side; 404 `surveys.wave.not_found`. Replaces the whole mapping in one transaction. Audited.',
      params: comparisonParams,
      body: waveMappingsInSchema,
      response: { 200: waveMappingsSchema },
    },
    handler: (req) => putWaveMappings(req.ctx, req.params.waveId, req.params.otherWaveId, req.body),
  });
}
