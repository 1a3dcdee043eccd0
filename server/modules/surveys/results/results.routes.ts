import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../platform/errors.js';
import { listResultQuestions, waveAreas, waveCrosstab, waveResults, waveSettlements } from './results.service.js';
import { settlementsQuerySchema, settlementsSchema } from './settlements.schema.js';
import { myResults } from './mine.service.js';
import { myResultsSchema } from './mine.schema.js';
import {
  areasQuerySchema,
  areasSchema,
  crosstabQuerySchema,
  crosstabSchema,
  resultQuestionListSchema,
  resultsQuerySchema,
  resultsSchema,
  waveParams,
} from './results.schema.js';

const who =
  '`surveys.results.full` (ANCI/Cittalia: every figure exact, free text) or `surveys.results.read` (MLPS, administrators, Regioni: counts of persons 1–9 as "<10", others rounded to 5; nothing resting on fewer than 3 Comuni; no free text; a Regione reads national figures and may narrow them only to its own Region, else 403)';
const counted =
  'Answers count when the response is inviato, in_validazione, validato or consolidato (not da_ricontattare). Filters: region, macroArea, province, band, sai, pilot; an unknown Region or province is 400 `surveys.results.filter`. Audited.';

const COORDINATES = ['lat', 'lon', 'lng', 'latitude', 'longitude', 'coordinates'];

/**
 * The results and the settlements hold no location finer than the Comune: a request for one is
 * refused as such (400 `surveys.results.filter`), before the generic check of the query.
 */
async function noCoordinates(req: FastifyRequest): Promise<void> {
  const asked = Object.keys((req.query ?? {}) as Record<string, unknown>).filter((k) =>
    COORDINATES.includes(k.toLowerCase()),
  );
  if (asked.length)
    throw new AppError(
      'surveys.results.filter',
      `No coordinates (${asked.join(', ')}): the survey results and settlements go no finer than the Comune`,
    );
}

/** A wave's results: per question, cross-tabulated, per area, and its settlements (issue 11). */
export async function resultsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];
  const config = { auth: 'session' } as const;
  const preValidation = noCoordinates;

  app.get('/waves/:waveId/results/questions', {
    config,
    preValidation,
    schema: {
      tags,
      operationId: 'listSurveyResultQuestions',
      summary: 'The questions of a wave that have results, in the questionnaire’s order, with their section',
      description: `${who}. Free-text questions are listed only for ANCI/Cittalia. 404 \`surveys.wave.not_found\`.`,
      params: waveParams,
      response: { 200: resultQuestionListSchema },
    },
    handler: (req) => listResultQuestions(req.ctx, req.params.waveId),
  });

  app.get('/waves/:waveId/results', {
    config,
    preValidation,
    schema: {
      tags,
      operationId: 'getSurveyWaveResults',
      summary: 'Results of one or more questions of a wave, each with its base (Comuni that answered)',
      description: `${who}. ${counted} Choices: count and share of the answers (a multiple choice counts each respondent once per choice; in a repeat, per entry). Numbers: n, sum, mean, median, min, max. Ranges: sum of minima and maxima, certain/estimated/unknown and the share of estimates. 400 \`surveys.results.question\` for a code the questionnaire does not have.`,
      params: waveParams,
      querystring: resultsQuerySchema,
      response: { 200: resultsSchema },
    },
    handler: (req) => waveResults(req.ctx, req.params.waveId, req.query),
  });

  app.get('/waves/:waveId/results/crosstab', {
    config,
    preValidation,
    schema: {
      tags,
      operationId: 'getSurveyWaveCrosstab',
      summary: 'Cross-tabulation of two choice questions of a wave: Comuni per pair of choices, margins and base',
      description: `${who}. ${counted} Both questions must be choice questions answered once per Comune (400 \`surveys.results.question\` otherwise).`,
      params: waveParams,
      querystring: crosstabQuerySchema,
      response: { 200: crosstabSchema },
    },
    handler: (req) => waveCrosstab(req.ctx, req.params.waveId, req.query),
  });

  app.get('/waves/:waveId/results/areas', {
    config,
    preValidation,
    schema: {
      tags,
      operationId: 'getSurveyWaveResultAreas',
      summary: 'One value per Region, province or Comune of a wave, for a map',
      description: `${who}. ${counted} value: for a choice question (with \`choice\`) the share of the answers with that choice (0–1); for a number the mean of the answers; for a range (persons) the sum of the minima. base: Comuni that answered in the area. For non-ANCI viewers an area resting on 1–2 Comuni, or a count of persons of 1–9, is null and suppressed. A Regione gets only its own Region’s areas.`,
      params: waveParams,
      querystring: areasQuerySchema,
      response: { 200: areasSchema },
    },
    handler: (req) => waveAreas(req.ctx, req.params.waveId, req.query),
  });

  app.get('/waves/:waveId/results/mine', {
    config,
    schema: {
      tags,
      operationId: 'getMySurveyWaveResults',
      summary: 'A Comune’s own answers beside its Region’s and Italy’s figures, with their bases',
      description:
        'The Comune’s users (`surveys.results.own`: compilatore, validatore, referente comunale; others 403). For each question answered once per Comune with a figure (choices, numbers, ranges; no free text, no dates): the Comune’s own answer (choices with their labels), and over the Comuni whose response counts in its Region and in Italy the base and the figures, controlled as for MLPS (nothing resting on fewer than 3 Comuni, counts of persons 1–9 as "<10" and others rounded to 5). 404 `surveys.wave.not_found` when the Comune is not in the wave; 409 `surveys.results.not_counted` until its response is sent (or while it is back for correction). Audited.',
      params: waveParams,
      response: { 200: myResultsSchema },
    },
    handler: (req) => myResults(req.ctx, req.params.waveId),
  });

  app.get('/waves/:waveId/settlements', {
    config,
    preValidation,
    schema: {
      tags,
      operationId: 'listSurveyWaveSettlements',
      summary: 'The settlements of a wave (the census’s repeat), each with its Comune, province and Region; paged',
      description: `${who}. Answers count when the response is inviato, in_validazione, validato or consolidato. Filters: region, type (formale, informale), kind (a code of the formal or informal kinds). persons: exact for ANCI/Cittalia, else 1–9 as "<10" and others rounded to 5; place (free text) for ANCI/Cittalia only. A Regione lists its own Region's. No coordinates exist: a lat, lon or coordinates parameter is 400 \`surveys.results.filter\`. 400 \`surveys.results.question\` when the questionnaire has no settlements. Audited.`,
      params: waveParams,
      querystring: settlementsQuerySchema,
      response: { 200: settlementsSchema },
    },
    handler: (req) => waveSettlements(req.ctx, req.params.waveId, req.query),
  });
}
