import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getContacts, importContacts, putContacts } from './contacts.service.js';
import { exportWaveComuni, waveComuni, waveFunnel, waveStatusMap } from './funnel.service.js';
import { issueLink, listLinks, revokeLink } from './links.service.js';
import {
  closeWave,
  createWave,
  extendWave,
  getWave,
  launchWave,
  listWaves,
  patchWave,
  previewUniverse,
} from './waves.service.js';
import {
  comuneParams,
  contactListSchema,
  createWaveSchema,
  extendWaveSchema,
  funnelQuerySchema,
  funnelSchema,
  importContactsResultSchema,
  importContactsSchema,
  issuedLinkSchema,
  issueLinkSchema,
  linkListSchema,
  linkParams,
  linkSchema,
  MAX_CONTACTS_FILE_BYTES,
  patchWaveSchema,
  putContactsSchema,
  responseParams,
  statusMapSchema,
  surveyParams,
  universePreviewBodySchema,
  universePreviewSchema,
  waveComuniExportQuerySchema,
  waveComuniPageSchema,
  waveComuniQuerySchema,
  waveListSchema,
  waveParams,
  waveSchema,
} from './waves.schema.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const readers =
  '`surveys.read` (MLPS and administrators, read-only; a Regione only its own Comuni), `surveys.waves.manage` or `surveys.review`';

/** Waves: universe rule over the registry, launch, dates, personal links, contacts, the live funnel. */
export async function wavesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];
  const config = { auth: 'session' } as const;

  app.post('/universe/preview', {
    config,
    schema: {
      tags,
      operationId: 'previewSurveyUniverse',
      summary: 'How many Comuni a universe rule selects now, per Region, with the 20 largest',
      description:
        'ANCI/Cittalia (`surveys.waves.manage`). The same SQL as the launch, so the count is the one the launch freezes (unless the registry changes meanwhile). `populationMonths` says which months of population figures the registry holds.',
      body: universePreviewBodySchema,
      response: { 200: universePreviewSchema },
    },
    handler: (req) => previewUniverse(req.ctx, req.body.rule),
  });

  app.post('/:surveyId/waves', {
    config,
    schema: {
      tags,
      operationId: 'createSurveyWave',
      summary: 'Draft a wave of a survey on one of its published versions (status bozza); audited',
      description:
        '`surveys.waves.manage`. 404 `surveys.survey.not_found`; 400 when the version is not a published version of this survey, when the reference month is not one the registry holds, or the dates are reversed.',
      params: surveyParams,
      body: createWaveSchema,
      response: { 201: waveSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createWave(req.ctx, req.params.surveyId, req.body)),
  });

  app.get('/:surveyId/waves', {
    config,
    schema: {
      tags,
      operationId: 'listSurveyWaves',
      summary: 'The waves of a survey, latest opening first',
      description: `${readers}. 404 \`surveys.survey.not_found\`.`,
      params: surveyParams,
      response: { 200: waveListSchema },
    },
    handler: (req) => listWaves(req.ctx, req.params.surveyId),
  });

  app.get('/waves/:waveId', {
    config,
    schema: {
      tags,
      operationId: 'getSurveyWave',
      summary: 'A wave: state, dates, universe rule and count',
      description: `${readers}. 404 \`surveys.wave.not_found\`.`,
      params: waveParams,
      response: { 200: waveSchema },
    },
    handler: (req) => getWave(req.ctx, req.params.waveId),
  });

  app.patch('/waves/:waveId', {
    config,
    schema: {
      tags,
      operationId: 'updateSurveyWave',
      summary: 'Change a draft wave (with the rowVersion read); audited',
      description:
        '`surveys.waves.manage`. Only in bozza: 409 `surveys.wave.state` otherwise; 409 `surveys.wave.stale` when the wave changed since it was read.',
      params: waveParams,
      body: patchWaveSchema,
      response: { 200: waveSchema },
    },
    handler: (req) => patchWave(req.ctx, req.params.waveId, req.body),
  });

  app.post('/waves/:waveId/launch', {
    config,
    schema: {
      tags,
      operationId: 'launchSurveyWave',
      summary: 'Launch a draft wave: freeze its universe (one row per Comune) and open it; audited',
      description:
        '`surveys.waves.manage`. The universe is frozen as the registry is now: later changes of the registry do not change it. 400 `surveys.wave.universe_empty`; 409 `surveys.wave.state` when not a draft. The invitations are sent by the invitation job.',
      params: waveParams,
      response: { 200: waveSchema },
    },
    handler: (req) => launchWave(req.ctx, req.params.waveId),
  });

  app.post('/waves/:waveId/extend', {
    config,
    schema: {
      tags,
      operationId: 'extendSurveyWave',
      summary: 'Move the closing date of an open wave later; audited',
      description:
        '`surveys.waves.manage`. 400 unless later than the current date; 409 `surveys.wave.state` unless open.',
      params: waveParams,
      body: extendWaveSchema,
      response: { 200: waveSchema },
    },
    handler: (req) => extendWave(req.ctx, req.params.waveId, req.body.closesOn),
  });

  app.post('/waves/:waveId/close', {
    config,
    schema: {
      tags,
      operationId: 'closeSurveyWave',
      summary: 'Close an open wave; audited',
      description: '`surveys.waves.manage`. 409 `surveys.wave.state` unless open.',
      params: waveParams,
      response: { 200: waveSchema },
    },
    handler: (req) => closeWave(req.ctx, req.params.waveId),
  });

  app.get('/waves/:waveId/funnel', {
    config,
    schema: {
      tags,
      operationId: 'getSurveyWaveFunnel',
      summary: 'The live funnel of a wave, overall and per Region, macro-area or band',
      description: `${readers}. universe, invited (invitation sent), opened, inProgress (in compilazione now), submitted (inviato or later), validated (validato or consolidato), responseRate = submitted ÷ universe.`,
      params: waveParams,
      querystring: funnelQuerySchema,
      response: { 200: funnelSchema },
    },
    handler: (req) => waveFunnel(req.ctx, req.params.waveId, req.query.groupBy),
  });

  app.get('/waves/:waveId/status-map', {
    config,
    schema: {
      tags,
      operationId: 'getSurveyWaveStatusMap',
      summary: 'Every Comune of a wave with its state, in one answer, for the map of the fieldwork',
      description: `${readers}. The Comuni of the frozen universe that the reader may see, by ISTAT code, with the state of the response and whether the questionnaire was opened; \`region\` is the reader's own Region for a Regione (null otherwise).`,
      params: waveParams,
      response: { 200: statusMapSchema },
    },
    handler: (req) => waveStatusMap(req.ctx, req.params.waveId),
  });

  app.get('/waves/:waveId/comuni', {
    config,
    schema: {
      tags,
      operationId: 'listSurveyWaveComuni',
      summary: 'The Comuni of a wave with their state, last activity and reminders; who is lagging first',
      description: `${readers}. Filters: status, region, band, macroArea, q (name or ISTAT code).`,
      params: waveParams,
      querystring: waveComuniQuerySchema,
      response: { 200: waveComuniPageSchema },
    },
    handler: (req) => waveComuni(req.ctx, req.params.waveId, req.query),
  });

  app.get('/waves/:waveId/comuni.xlsx', {
    config,
    schema: {
      tags,
      operationId: 'exportSurveyWaveComuni',
      summary: 'The Comuni of a wave (same filters, every page) as XLSX',
      description: `${readers}.`,
      params: waveParams,
      querystring: waveComuniExportQuerySchema,
      response: { 200: { description: 'The Comuni (XLSX workbook)', content: { [XLSX]: { schema: z.file() } } } },
    },
    handler: async (req, reply) => {
      const file = await exportWaveComuni(req.ctx, req.params.waveId, req.query);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body as unknown as File);
    },
  });

  app.post('/responses/:responseId/links', {
    config,
    schema: {
      tags,
      operationId: 'issueSurveyLink',
      summary: "Issue a personal link for a Comune's response (revokes the previous one); the token is shown once",
      description:
        '`surveys.waves.manage`. The answer carries the token and the address with it in the fragment, once: only its SHA-256 is kept, and neither the audit trail nor the logs hold it. 409 `surveys.wave.state` unless the wave is open; 404 `surveys.response.not_found`.',
      params: responseParams,
      body: issueLinkSchema,
      response: { 201: issuedLinkSchema },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await issueLink(req.ctx, req.params.responseId, req.body.validDays)),
  });

  app.get('/responses/:responseId/links', {
    config,
    schema: {
      tags,
      operationId: 'listSurveyLinks',
      summary: "The personal links of a Comune's response (never their tokens)",
      description: '`surveys.waves.manage`. 404 `surveys.response.not_found`.',
      params: responseParams,
      response: { 200: linkListSchema },
    },
    handler: (req) => listLinks(req.ctx, req.params.responseId),
  });

  app.post('/links/:linkId/revoke', {
    config,
    schema: {
      tags,
      operationId: 'revokeSurveyLink',
      summary: 'Revoke a personal link (again: no change); audited',
      description: '`surveys.waves.manage`. 404 `surveys.link.not_found`.',
      params: linkParams,
      response: { 200: linkSchema },
    },
    handler: (req) => revokeLink(req.ctx, req.params.linkId),
  });

  app.get('/comuni/:istat/contacts', {
    config,
    schema: {
      tags,
      operationId: 'getSurveyContacts',
      summary: "A Comune's contacts for the surveys",
      description:
        "`surveys.contacts.write`, `surveys.read` or `surveys.waves.manage`; a Comune's own user only their Comune (403). 404 `comune.not_found`.",
      params: comuneParams,
      response: { 200: contactListSchema },
    },
    handler: (req) => getContacts(req.ctx, req.params.istat),
  });

  app.put('/comuni/:istat/contacts', {
    config,
    schema: {
      tags,
      operationId: 'putSurveyContacts',
      summary: "Replace a Comune's contacts (institutional address, PEC, referenti with name and role); audited",
      description:
        "`surveys.contacts.write`: ANCI/Cittalia any Comune, a Comune's validatore or referente only their own (403). A referente needs a name; the same address twice for the same kind: 400 `surveys.contact.invalid`.",
      params: comuneParams,
      body: putContactsSchema,
      response: { 200: contactListSchema },
    },
    handler: (req) => putContacts(req.ctx, req.params.istat, req.body.items),
  });

  app.post('/contacts/import', {
    config,
    bodyLimit: Math.ceil(MAX_CONTACTS_FILE_BYTES / 3) * 4 + 8192,
    schema: {
      tags,
      operationId: 'importSurveyContacts',
      summary: 'Import contacts from a CSV (codice_istat;tipo;email;nome;ruolo): all rows or none; audited',
      description:
        "`surveys.contacts.write`. `;`-separated, UTF-8 or Windows-1252 (auto-detected or chosen). Replaces the contacts of every Comune the file names. Any bad row: 400 `surveys.contact.invalid` with every problem in `errors` as \"Riga N, colonna 'x': motivo\", nothing written. A Comune's user may import only their own Comune's rows.",
      body: importContactsSchema,
      response: { 200: importContactsResultSchema },
    },
    handler: (req) => importContacts(req.ctx, req.body),
  });
}
