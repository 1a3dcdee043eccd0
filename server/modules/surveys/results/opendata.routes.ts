import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSV_MEDIA_TYPE } from '../../../platform/csv.js';
import {
  catalogMetadata,
  datasetCsv,
  datasetMetadata,
  listPublicDatasets,
  listWaveReleases,
  releaseDataset,
  withdrawDataset,
  type MetadataFormat,
} from './opendata.service.js';
import {
  datasetParams,
  datasetRefParams,
  metadataQuerySchema,
  openDatasetListSchema,
  releaseBodySchema,
  waveReleaseListSchema,
  waveReleaseSchema,
  withdrawBodySchema,
} from './opendata.schema.js';
import { waveParams } from './results.schema.js';

const JSON_LD = 'application/ld+json';
const TURTLE = 'text/turtle';
const text = z.any().meta({ type: 'string' });
/** A JSON-LD document: @context (the prefixes) and a flat @graph of nodes. */
const jsonLd = z.any().meta({ type: 'object', required: ['@context', '@graph'] });
const metadataResponse = {
  200: {
    description: 'DCAT-AP_IT metadata: JSON-LD (default) or RDF Turtle',
    content: { [JSON_LD]: { schema: jsonLd }, [`${TURTLE}; charset=utf-8`]: { schema: text } },
  },
};
const turtleResponse = {
  200: {
    description: 'DCAT-AP_IT metadata as RDF Turtle',
    content: { [`${TURTLE}; charset=utf-8`]: { schema: text } },
  },
};
const who =
  'ANCI/Cittalia only (`surveys.opendata.release`); others 403. 404 `surveys.wave.not_found` for an unknown wave.';
const publicNote =
  'Public: no session. Cache-Control public (5 minutes) with a strong ETag; a matching If-None-Match answers 304. The per-IP request limit applies.';

/**
 * Sends a public document with its ETag (the SHA-256 of the bytes) and answers 304 when the
 * client already has it. The bytes are sent as a Buffer so that Fastify never serialises them again.
 */
function sendCached(req: FastifyRequest, reply: FastifyReply, body: string | Buffer, type: string, etagHex?: string) {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const etag = `"${etagHex ?? createHash('sha256').update(bytes).digest('hex')}"`;
  reply.header('etag', etag).header('cache-control', 'public, max-age=300').header('vary', 'accept');
  const match = req.headers['if-none-match'];
  if (match && match.split(',').some((m) => m.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
  return reply.type(type).send(bytes);
}

/** The format asked for: the path's suffix, then ?format, then the Accept header; JSON-LD by default. */
function formatOf(req: FastifyRequest, suffix: string | undefined, query: { format?: MetadataFormat }): MetadataFormat {
  if (suffix === 'ttl' || suffix === 'jsonld') return suffix;
  if (query.format) return query.format;
  const accept = req.headers.accept ?? '';
  return accept.includes(TURTLE) && !accept.includes(JSON_LD) ? 'ttl' : 'jsonld';
}

const mediaOf = (f: MetadataFormat) => (f === 'ttl' ? `${TURTLE}; charset=utf-8` : JSON_LD);

/** ANCI/Cittalia's releases of a wave (under /api/v1/surveys): release, list, withdraw. */
export async function openDataReleaseRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];
  const config = { auth: 'session' } as const;

  app.post('/waves/:waveId/open-data', {
    config,
    schema: {
      tags,
      operationId: 'releaseSurveyOpenDataset',
      summary: 'Release a dataset of a wave’s aggregates as open data, frozen, with its DCAT-AP_IT metadata',
      description: `${who} The questions (choice, multiple choice, number, range) are aggregated by regione, provincia or comune (over Italy, or one Region with \`region\`) through the disclosure control MLPS reads with: a cell resting on 1–2 Comuni, or a count of persons of 1–9, is empty and flagged (soppresso = si), other counts of persons are rounded to 5. Free text, dates, and counts of persons at Comune level answer 400 \`surveys.opendata.question\`. The CSV (long: livello, codice_area, area, domanda, domanda_etichetta, misura, scelta, scelta_etichetta, valore, base_comuni, soppresso) is computed once and stored with its size and SHA-256; temporal coverage is the wave's field period. 409 \`surveys.wave.state\` for a wave not launched. One transaction, audited.`,
      params: waveParams,
      body: releaseBodySchema,
      response: { 201: waveReleaseSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await releaseDataset(req.ctx, req.params.waveId, req.body)),
  });

  app.get('/waves/:waveId/open-data', {
    config,
    schema: {
      tags,
      operationId: 'listSurveyOpenDataReleases',
      summary: 'The open-data releases of a wave, withdrawn ones too, newest first',
      description: who,
      params: waveParams,
      response: { 200: waveReleaseListSchema },
    },
    handler: (req) => listWaveReleases(req.ctx, req.params.waveId),
  });

  app.post('/open-data/:datasetId/withdraw', {
    config,
    schema: {
      tags,
      operationId: 'withdrawSurveyOpenDataset',
      summary: 'Withdraw a released dataset from the public catalogue (the record stays)',
      description:
        'ANCI/Cittalia only (`surveys.opendata.release`); others 403. 404 `surveys.opendata.not_found`; 409 `surveys.opendata.withdrawn` when already withdrawn. Audited.',
      params: datasetParams,
      body: withdrawBodySchema,
      response: { 200: waveReleaseSchema },
    },
    handler: (req) => withdrawDataset(req.ctx, req.params.datasetId, req.body.reason),
  });
}

/** The public open-data catalogue (under /api/v1/open-data): no session, harvestable by dati.gov.it. */
export async function openDataPublicRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['open-data'];
  const config = { auth: 'public' } as const;

  app.get('/datasets', {
    config,
    schema: {
      tags,
      operationId: 'listOpenDatasets',
      summary: 'The released datasets (not withdrawn), newest first, with links to their CSV and metadata',
      description: 'Public: no session. The per-IP request limit applies.',
      response: { 200: openDatasetListSchema },
    },
    handler: async (req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return listPublicDatasets(req.ctx);
    },
  });

  app.get('/datasets/:datasetId', {
    config,
    schema: {
      tags,
      operationId: 'getOpenDatasetMetadata',
      summary: 'A dataset’s DCAT-AP_IT metadata: JSON-LD, or Turtle with .ttl, ?format=ttl or Accept: text/turtle',
      description: `${publicNote} \`{id}.ttl\` and \`{id}.jsonld\` name the format in the path. 404 \`surveys.opendata.not_found\` (problem+json) for an unknown or withdrawn dataset.`,
      params: z.object({ datasetId: datasetRefParams.shape.datasetRef }).strict(),
      querystring: metadataQuerySchema,
      response: metadataResponse,
    },
    handler: async (req, reply) => {
      const [id, suffix] = req.params.datasetId.toLowerCase().split('.') as [string, string | undefined];
      const format = formatOf(req, suffix, req.query);
      return sendCached(req, reply, await datasetMetadata(req.ctx, id, format), mediaOf(format));
    },
  });

  app.get('/datasets/:datasetId/distribution.csv', {
    config,
    schema: {
      tags,
      operationId: 'getOpenDatasetCsv',
      summary: 'A dataset’s distribution: the CSV frozen at release',
      description: `${publicNote} UTF-8 with BOM, ";" separated, CRLF, decimal comma, a header row; the ETag is the SHA-256 declared in the metadata. 404 \`surveys.opendata.not_found\` for an unknown or withdrawn dataset.`,
      params: datasetParams,
      response: {
        200: {
          description: 'The CSV',
          content: { 'text/csv': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
        },
      },
    },
    handler: async (req, reply) => {
      const { csv, sha256 } = await datasetCsv(req.ctx, req.params.datasetId);
      reply.header('content-disposition', `attachment; filename="dataset-${req.params.datasetId}.csv"`);
      return sendCached(req, reply, csv, CSV_MEDIA_TYPE, sha256);
    },
  });

  const catalog = (suffix: MetadataFormat | undefined) => async (req: FastifyRequest, reply: FastifyReply) => {
    const format = formatOf(req, suffix, req.query as { format?: MetadataFormat });
    return sendCached(req, reply, await catalogMetadata(req.ctx, format), mediaOf(format));
  };
  const catalogSchema = {
    tags,
    summary: 'The catalogue (dcat:Catalog, DCAT-AP_IT) of every released dataset, for harvesting by dati.gov.it',
    description: `${publicNote} JSON-LD by default; Turtle with /catalog.ttl, ?format=ttl or Accept: text/turtle.`,
    querystring: metadataQuerySchema,
    response: metadataResponse,
  };
  app.get('/catalog', {
    config,
    schema: { ...catalogSchema, operationId: 'getOpenDataCatalog' },
    handler: catalog(undefined),
  });
  app.get('/catalog.ttl', {
    config,
    schema: { ...catalogSchema, operationId: 'getOpenDataCatalogTurtle', response: turtleResponse },
    handler: catalog('ttl'),
  });
}
