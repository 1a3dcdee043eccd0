import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createCaseStudy,
  getCaseStudy,
  getPublicCaseStudy,
  listCaseStudies,
  listPublicCaseStudies,
  patchCaseStudy,
  publishCaseStudy,
  returnCaseStudy,
  submitCaseStudy,
} from './case-studies.service.js';
import {
  caseStudyDetailSchema,
  caseStudyPageSchema,
  caseStudyParams,
  createCaseStudySchema,
  createPracticeSchema,
  listCaseStudiesQuerySchema,
  listPracticesQuerySchema,
  listPublicCaseStudiesQuerySchema,
  listPublicPracticesQuerySchema,
  patchCaseStudySchema,
  patchPracticeSchema,
  pickerOptionsSchema,
  pickerQuerySchema,
  practiceDetailSchema,
  practicePageSchema,
  practiceParams,
  publicCaseStudyPageSchema,
  publicCaseStudySchema,
  publicPracticePageSchema,
  publicPracticeSchema,
  publicPracticeRegionsSchema,
  returnSchema,
  slugParams,
  stepSchema,
} from './practices.schema.js';
import {
  createPractice,
  getPractice,
  getPublicPractice,
  listPractices,
  listPublicPracticeRegions,
  listPublicPractices,
  patchPractice,
  pickPracticeTargets,
  publishPractice,
  returnPractice,
  submitPractice,
} from './practices.service.js';

const authors =
  "`knowledge.practices.write`: a Comune's referente or administrative officer (their own Comune's practices) and ANCI/Cittalia's assistenza tecnica (any); 403 for everyone else";
const author = `${authors}; 404 \`knowledge.practice.not_found\` for a practice the actor cannot see; 409 \`knowledge.stale\` when \`rowVersion\` is not the current one`;
const reviewer =
  "`knowledge.practices.review`: ANCI/Cittalia's assistenza tecnica (403 for everyone else); 409 `knowledge.stale` when `rowVersion` is not the current one";
const editors = "`knowledge.case_studies.write`: ANCI/Cittalia's assistenza tecnica (403 for everyone else)";
const publicNote =
  'Public: no session; runs with the anonymous scope (published only, never a draft or one in review: 404).';

/** The routes of the good practices and case studies (mounted by ../index.ts under /api/v1): the authors', the reviewers' and the public site's. */
export async function practicesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['knowledge'];
  const config = { auth: 'session' } as const;
  const publicConfig = { auth: 'public' } as const;

  app.get('/practices', {
    config,
    schema: {
      tags,
      operationId: 'listPractices',
      summary: "The practices the actor writes or reviews: a Comune's own, every one for ANCI/Cittalia",
      description: `${authors}. Filters \`status\` and \`q\` (words of the title); latest change first; paged.`,
      querystring: listPracticesQuerySchema,
      response: { 200: practicePageSchema },
    },
    handler: (req) => listPractices(req.ctx, req.query),
  });

  app.post('/practices', {
    config,
    schema: {
      tags,
      operationId: 'createPractice',
      summary: 'Write a good practice as a draft (BOZZA); its public address is made from the title; audited',
      description: `${authors}; a Comune's user writes only for their own Comune (403). 400 naming the field for an organisation, Region, Comune, plan action, project or survey response that does not exist or that the actor cannot see, or one given twice. The size class and Region default to the Comune's.`,
      body: createPracticeSchema,
      response: { 201: practiceDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createPractice(req.ctx, req.body)),
  });

  app.get('/practices/pickers', {
    config,
    schema: {
      tags,
      operationId: 'pickPracticeTargets',
      summary:
        'What a practice may name, found by words: organisations, Comuni, plan actions, projects, survey responses',
      description: `${authors}. At most 20, by name; only what the actor may see (a Comune's user: its own plan actions, projects and responses).`,
      querystring: pickerQuerySchema,
      response: { 200: pickerOptionsSchema },
    },
    handler: (req) => pickPracticeTargets(req.ctx, req.query),
  });

  app.get('/practices/:practiceId', {
    config,
    schema: {
      tags,
      operationId: 'getPractice',
      summary: 'A practice with everything, for its authors and the reviewers',
      description: `${authors}; 404 \`knowledge.practice.not_found\` for another Comune's draft.`,
      params: practiceParams,
      response: { 200: practiceDetailSchema },
    },
    handler: (req) => getPractice(req.ctx, req.params.practiceId),
  });

  app.patch('/practices/:practiceId', {
    config,
    schema: {
      tags,
      operationId: 'updatePractice',
      summary: 'Change a draft; the lists sent (actors, links, results…) replace the old ones; audited',
      description: `${author}; 403 for another Comune's published practice. 409 \`knowledge.state\` unless a draft. 400 as on creation.`,
      params: practiceParams,
      body: patchPracticeSchema,
      response: { 200: practiceDetailSchema },
    },
    handler: (req) => patchPractice(req.ctx, req.params.practiceId, req.body),
  });

  app.post('/practices/:practiceId/submit', {
    config,
    schema: {
      tags,
      operationId: 'submitPractice',
      summary: 'Send a draft for review (BOZZA → IN_REVISIONE); audited',
      description: `${author}. 409 \`knowledge.state\` (with \`context.status\`) unless a draft.`,
      params: practiceParams,
      body: stepSchema,
      response: { 200: practiceDetailSchema },
    },
    handler: (req) => submitPractice(req.ctx, req.params.practiceId, req.body),
  });

  app.post('/practices/:practiceId/return', {
    config,
    schema: {
      tags,
      operationId: 'returnPractice',
      summary: "Return a practice in review to its authors with the reviewer's comment (IN_REVISIONE → BOZZA); audited",
      description: `${reviewer}. 404 \`knowledge.practice.not_found\`; 409 \`knowledge.state\` unless in review.`,
      params: practiceParams,
      body: returnSchema,
      response: { 200: practiceDetailSchema },
    },
    handler: (req) => returnPractice(req.ctx, req.params.practiceId, req.body),
  });

  app.post('/practices/:practiceId/publish', {
    config,
    schema: {
      tags,
      operationId: 'publishPractice',
      summary: 'Publish a practice in review (IN_REVISIONE → PUBBLICATA): its public page appears; audited',
      description: `${reviewer}. 404 \`knowledge.practice.not_found\`; 409 \`knowledge.state\` unless in review.`,
      params: practiceParams,
      body: stepSchema,
      response: { 200: practiceDetailSchema },
    },
    handler: (req) => publishPractice(req.ctx, req.params.practiceId, req.body),
  });

  app.get('/public/practices', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'listPublicPractices',
      summary: 'Search the published good practices: words with Italian stemming, ranked, with highlighted fragments',
      description: `${publicNote} \`q\` in web search syntax over title (weight A), summary (B), problem, intervention, resources, results and transferability (C); filters \`axis\`, \`sector\`, \`region\`, \`size\`; by relevance when words are given, else latest published first; paged.`,
      querystring: listPublicPracticesQuerySchema,
      response: { 200: publicPracticePageSchema },
    },
    handler: (req) => listPublicPractices(req.ctx, req.query),
  });

  app.get('/public/practice-regions', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'listPublicPracticeRegions',
      summary: 'The Regions with published good practices, with how many each (for the search filter)',
      description: publicNote,
      response: { 200: publicPracticeRegionsSchema },
    },
    handler: (req) => listPublicPracticeRegions(req.ctx),
  });

  app.get('/public/practices/:slug', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'getPublicPractice',
      summary: 'The public page of a good practice, with the case studies that cite it',
      description: `${publicNote} 404 \`knowledge.practice.not_found\`.`,
      params: slugParams,
      response: { 200: publicPracticeSchema },
    },
    handler: (req) => getPublicPractice(req.ctx, req.params.slug),
  });

  app.get('/case-studies', {
    config,
    schema: {
      tags,
      operationId: 'listCaseStudies',
      summary: 'Every case study, drafts included',
      description: `${editors}. Filter \`status\`; paged.`,
      querystring: listCaseStudiesQuerySchema,
      response: { 200: caseStudyPageSchema },
    },
    handler: (req) => listCaseStudies(req.ctx, req.query),
  });

  app.post('/case-studies', {
    config,
    schema: {
      tags,
      operationId: 'createCaseStudy',
      summary: 'Write a case study as a draft: sections of plain text, sources, Comuni and practices; audited',
      description: `${editors}. 400 naming the field for a Comune or practice that does not exist, or one given twice.`,
      body: createCaseStudySchema,
      response: { 201: caseStudyDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createCaseStudy(req.ctx, req.body)),
  });

  app.get('/case-studies/:caseStudyId', {
    config,
    schema: {
      tags,
      operationId: 'getCaseStudy',
      summary: 'A case study with everything',
      description: `${editors}; 404 \`knowledge.case_study.not_found\`.`,
      params: caseStudyParams,
      response: { 200: caseStudyDetailSchema },
    },
    handler: (req) => getCaseStudy(req.ctx, req.params.caseStudyId),
  });

  app.patch('/case-studies/:caseStudyId', {
    config,
    schema: {
      tags,
      operationId: 'updateCaseStudy',
      summary: 'Change a draft case study; audited',
      description: `${editors}; 404 \`knowledge.case_study.not_found\`; 409 \`knowledge.stale\`, \`knowledge.state\` unless a draft.`,
      params: caseStudyParams,
      body: patchCaseStudySchema,
      response: { 200: caseStudyDetailSchema },
    },
    handler: (req) => patchCaseStudy(req.ctx, req.params.caseStudyId, req.body),
  });

  app.post('/case-studies/:caseStudyId/submit', {
    config,
    schema: {
      tags,
      operationId: 'submitCaseStudy',
      summary: 'Send a draft case study for review (BOZZA → IN_REVISIONE); audited',
      description: `${editors}; 404; 409 \`knowledge.stale\`, \`knowledge.state\`.`,
      params: caseStudyParams,
      body: stepSchema,
      response: { 200: caseStudyDetailSchema },
    },
    handler: (req) => submitCaseStudy(req.ctx, req.params.caseStudyId, req.body),
  });

  app.post('/case-studies/:caseStudyId/return', {
    config,
    schema: {
      tags,
      operationId: 'returnCaseStudy',
      summary: "Return a case study in review with the reviewer's comment (→ BOZZA); audited",
      description: `${reviewer}; 404; 409 \`knowledge.state\` unless in review.`,
      params: caseStudyParams,
      body: returnSchema,
      response: { 200: caseStudyDetailSchema },
    },
    handler: (req) => returnCaseStudy(req.ctx, req.params.caseStudyId, req.body),
  });

  app.post('/case-studies/:caseStudyId/publish', {
    config,
    schema: {
      tags,
      operationId: 'publishCaseStudy',
      summary: 'Publish a case study in review (→ PUBBLICATA): its public page appears; audited',
      description: `${reviewer}; 404; 409 \`knowledge.state\` unless in review.`,
      params: caseStudyParams,
      body: stepSchema,
      response: { 200: caseStudyDetailSchema },
    },
    handler: (req) => publishCaseStudy(req.ctx, req.params.caseStudyId, req.body),
  });

  app.get('/public/case-studies', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'listPublicCaseStudies',
      summary: 'The published case studies, in the order they were published',
      description: `${publicNote} Paged.`,
      querystring: listPublicCaseStudiesQuerySchema,
      response: { 200: publicCaseStudyPageSchema },
    },
    handler: (req) => listPublicCaseStudies(req.ctx, req.query),
  });

  app.get('/public/case-studies/:slug', {
    config: publicConfig,
    schema: {
      tags,
      operationId: 'getPublicCaseStudy',
      summary: 'The public page of a case study: its sections, sources, Comuni and published practices',
      description: `${publicNote} 404 \`knowledge.case_study.not_found\`.`,
      params: slugParams,
      response: { 200: publicCaseStudySchema },
    },
    handler: (req) => getPublicCaseStudy(req.ctx, req.params.slug),
  });
}
