import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition, maxDocumentBase64Chars } from '../../../platform/documents/index.js';
import {
  createPublicationSchema,
  listPublicationsQuerySchema,
  listPublicPublicationsQuerySchema,
  patchPublicationSchema,
  publicationDetailSchema,
  publicationPageSchema,
  publicationParams,
  publicPublicationPageSchema,
  publicPublicationSchema,
  publicVersionParams,
  publishPublicationSchema,
  publishSurveyReportSchema,
  slugParams,
  uploadVersionSchema,
  versionParams,
  withdrawPublicationSchema,
} from './publications.schema.js';
import {
  createPublication,
  getPublication,
  getPublicPublication,
  listPublications,
  listPublicPublications,
  patchPublication,
  publicVersionFile,
  publishPublication,
  publishSurveyReport,
  uploadVersion,
  versionFile,
  withdrawPublication,
  type PublicationFile,
} from './publications.service.js';

const readers =
  '`knowledge.publications.read`: ANCI/Cittalia’s assistenza tecnica and MLPS (403 for everyone else); 404 `knowledge.publications.not_found`';
const managers =
  '`knowledge.publications.manage`: ANCI/Cittalia’s assistenza tecnica (403 for everyone else); 404 `knowledge.publications.not_found`';
const writer = `${managers}; 409 \`knowledge.stale\` when \`rowVersion\` is not the current one`;
const publicNote =
  'Public: no session; runs with the anonymous scope (published publications and the versions up to the one published; never a draft nor a withdrawn one: 404 `knowledge.publications.not_found`).';
const pdf = {
  200: {
    description: 'The PDF, always as an attachment named after the publication and the version',
    content: { 'application/pdf': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
  },
};

const sendPdf = (reply: FastifyReply, file: PublicationFile) =>
  reply
    .type('application/pdf')
    .header('content-disposition', attachmentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);

/** The routes of the publications (mounted by ../index.ts under /api/v1): the organisers' and the public library's. */
export async function publicationsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['knowledge'];
  const config = { auth: 'session' } as const;
  const publicConfig = { auth: 'public' } as const;

  app.get('/knowledge/publications', {
    config,
    schema: {
      tags,
      operationId: 'listPublications',
      summary: 'Every publication, drafts and withdrawn ones included, with its latest version’s accessibility',
      description: `${readers.split(';')[0]}. Filters \`kind\`, \`status\`, \`q\` (Italian full text); the latest change first; paged.`,
      querystring: listPublicationsQuerySchema,
      response: { 200: publicationPageSchema },
    },
    handler: (req) => listPublications(req.ctx, req.query),
  });

  app.post('/knowledge/publications', {
    config,
    schema: {
      tags,
      operationId: 'createPublication',
      summary: 'Create a publication as a draft (BOZZA); its public address is made from the title; audited',
      description: `${managers.split(';')[0]}. 400 for an unknown Region or survey wave.`,
      body: createPublicationSchema,
      response: { 201: publicationDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createPublication(req.ctx, req.body)),
  });

  app.post('/knowledge/publications/survey-reports', {
    config,
    schema: {
      tags,
      operationId: 'publishSurveyReport',
      summary:
        'Publish a survey wave’s report in the library in one step: printed as a tagged PDF and added as the next version of the wave’s RAPPORTO_INDAGINE publication; audited',
      description: `${managers.split(';')[0]}. The report is the disclosure-controlled copy (as MLPS reads it: it becomes public). The first time, the publication is created with the wave’s metadata; the new version is published at once when it passes the accessibility check (a withdrawn publication stays withdrawn). 404 \`surveys.wave.not_found\`; 503 \`pdf.busy\`/\`pdf.timeout\` when the printer is overloaded.`,
      body: publishSurveyReportSchema,
      response: { 200: publicationDetailSchema },
    },
    handler: (req) => publishSurveyReport(req.ctx, req.body),
  });

  app.get('/knowledge/publications/:publicationId', {
    config,
    schema: {
      tags,
      operationId: 'getPublication',
      summary: 'A publication with every version and the result of its accessibility check',
      description: `${readers}.`,
      params: publicationParams,
      response: { 200: publicationDetailSchema },
    },
    handler: (req) => getPublication(req.ctx, req.params.publicationId),
  });

  app.patch('/knowledge/publications/:publicationId', {
    config,
    schema: {
      tags,
      operationId: 'updatePublication',
      summary: 'Change a publication’s metadata (in any state); audited',
      description: `${writer}. The public address stays.`,
      params: publicationParams,
      body: patchPublicationSchema,
      response: { 200: publicationDetailSchema },
    },
    handler: (req) => patchPublication(req.ctx, req.params.publicationId, req.body),
  });

  app.post('/knowledge/publications/:publicationId/versions', {
    config,
    bodyLimit: maxDocumentBase64Chars + 4096,
    schema: {
      tags,
      operationId: 'uploadPublicationVersion',
      summary:
        'Upload a PDF as the next version (1, 2…), checked for accessibility; not public until published; audited',
      description: `${writer}. The file is checked by content: 400 \`knowledge.publications.file_refused\` (with \`context.reason\`) for anything but a PDF, a name without .pdf, or a PDF with scripts, launch actions or embedded files; 413 \`knowledge.publications.file_too_large\` over 10 MB. Nothing is stored when refused. Then the accessibility check (tagged, structure tree, language, title, not encrypted) is recorded with the version. Versions never change.`,
      params: publicationParams,
      body: uploadVersionSchema,
      response: { 200: publicationDetailSchema },
    },
    handler: (req) => uploadVersion(req.ctx, req.params.publicationId, req.body),
  });

  app.get('/knowledge/publications/:publicationId/versions/:number/file', {
    config,
    schema: {
      tags,
      operationId: 'getPublicationVersionFile',
      summary: 'Download any version’s PDF (published or not)',
      description: `${readers}; 404 \`knowledge.publications.version_not_found\`.`,
      params: versionParams,
      response: pdf,
    },
    handler: async (req, reply) =>
      sendPdf(reply, await versionFile(req.ctx, req.params.publicationId, req.params.number)),
  });

  app.post('/knowledge/publications/:publicationId/publish', {
    config,
    schema: {
      tags,
      operationId: 'publishPublication',
      summary:
        'Publish the latest version (or the one named): a draft enters the library, a published one shows the newer version, a withdrawn one returns; audited',
      description: `${writer}. 409 \`knowledge.publications.no_version\` before any upload; 404 \`knowledge.publications.version_not_found\`; 409 \`knowledge.publications.inaccessible\` (with \`context.issues\`) for a version that fails the accessibility check, unless \`exceptionReason\` says why it is published all the same (kept in the audit trail).`,
      params: publicationParams,
      body: publishPublicationSchema,
      response: { 200: publicationDetailSchema },
    },
    handler: (req) => publishPublication(req.ctx, req.params.publicationId, req.body),
  });

  app.post('/knowledge/publications/:publicationId/withdraw', {
    config,
    schema: {
      tags,
      operationId: 'withdrawPublication',
      summary: 'Withdraw a published publication with a reason (→ RITIRATA): it leaves the library; audited',
      description: `${writer}. 409 \`knowledge.state\` unless published.`,
      params: publicationParams,
      body: withdrawPublicationSchema,
      response: { 200: publicationDetailSchema },
    },
    handler: (req) => withdrawPublication(req.ctx, req.params.publicationId, req.body),
  });

  app.get('/public/publications', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'listPublicPublications',
      summary: 'The public library: published publications, searched in Italian and filtered',
      description: `${publicNote} \`q\`: words of the title, keywords or abstract with Italian stemming (web-search syntax), best match first; filters \`kind\`, \`year\` (of the publication date), \`topic\` (an axis of the Piano triennale); otherwise the newest first; paged.`,
      querystring: listPublicPublicationsQuerySchema,
      response: { 200: publicPublicationPageSchema },
    },
    handler: (req) => listPublicPublications(req.ctx, req.query),
  });

  app.get('/public/publications/:slug', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'getPublicPublication',
      summary: 'A publication’s public page: metadata, the version shown and the earlier ones',
      description: publicNote,
      params: slugParams,
      response: { 200: publicPublicationSchema },
    },
    handler: (req) => getPublicPublication(req.ctx, req.params.slug),
  });

  app.get('/public/publications/:slug/versions/:number/file', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'getPublicPublicationFile',
      summary: 'Download a published version’s PDF',
      description: `${publicNote} 404 \`knowledge.publications.version_not_found\` for a version not (yet) public.`,
      params: publicVersionParams,
      response: pdf,
    },
    handler: async (req, reply) => sendPdf(reply, await publicVersionFile(req.ctx, req.params.slug, req.params.number)),
  });
}
