import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  comuneDetailSchema, comunePageSchema, comuneParams, comuneQuerySchema, createOrganisationSchema,
  organisationDetailSchema, organisationPageSchema, organisationParams, organisationQuerySchema,
  provinceListSchema, provinceQuerySchema, regionListSchema, sourceListSchema, updateComuneSchema,
  updateOrganisationSchema,
} from './registry.schema.js';
import { findComuni, getComune, listProvinces, listRegions, listSources, updateComune } from './registry.service.js';
import { createOrganisation, findOrganisations, getOrganisation, updateOrganisation } from './organisations.service.js';

export async function registryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];

  app.get('/regions', {
    config: { auth: 'session' },
    schema: { tags, operationId: 'listRegions', summary: 'All 20 Regions with their macro-area', response: { 200: regionListSchema } },
    handler: (req) => listRegions(req.ctx),
  });
  app.get('/provinces', {
    config: { auth: 'session' },
    schema: {
      tags, operationId: 'listProvinces', summary: 'Provinces, optionally of one Region',
      querystring: provinceQuerySchema, response: { 200: provinceListSchema },
    },
    handler: (req) => listProvinces(req.ctx, req.query.region),
  });
  app.get('/comuni', {
    config: { auth: 'session' },
    schema: {
      tags, operationId: 'findComuni',
      summary: 'Search Comuni by name (prefix, ignoring case and accents), ISTAT or cadastral code, with filters',
      querystring: comuneQuerySchema, response: { 200: comunePageSchema },
    },
    handler: (req) => findComuni(req.ctx, req.query),
  });
  app.get('/comuni/:istatCode', {
    config: { auth: 'session' },
    schema: {
      tags, operationId: 'getComune', summary: 'One Comune with its organisations',
      params: comuneParams, response: { 200: comuneDetailSchema },
    },
    handler: (req) => getComune(req.ctx, req.params.istatCode),
  });
  app.patch('/comuni/:istatCode', {
    config: { auth: 'session' },
    schema: {
      tags, operationId: 'updateComune', summary: 'Set the SAI-network and pilot 18-ter flags of a Comune',
      params: comuneParams, body: updateComuneSchema, response: { 200: comuneDetailSchema },
    },
    handler: (req) => updateComune(req.ctx, req.params.istatCode, req.body),
  });
  app.get('/registry/sources', {
    config: { auth: 'public' },
    schema: {
      tags, operationId: 'listDataSources', summary: 'Sources, reference dates and licences of the reference data',
      response: { 200: sourceListSchema },
    },
    handler: (req) => listSources(req.ctx),
  });

  const orgTags = ['organisations'];
  app.get('/organisations', {
    config: { auth: 'session' },
    schema: {
      tags: orgTags, operationId: 'findOrganisations', summary: 'Search organisations',
      querystring: organisationQuerySchema, response: { 200: organisationPageSchema },
    },
    handler: (req) => findOrganisations(req.ctx, req.query),
  });
  app.get('/organisations/:id', {
    config: { auth: 'session' },
    schema: {
      tags: orgTags, operationId: 'getOrganisation', summary: 'One organisation (with its users, for administrators)',
      params: organisationParams, response: { 200: organisationDetailSchema },
    },
    handler: (req) => getOrganisation(req.ctx, req.params.id),
  });
  app.post('/organisations', {
    config: { auth: 'session' },
    schema: {
      tags: orgTags, operationId: 'createOrganisation', summary: 'Create an organisation',
      body: createOrganisationSchema, response: { 201: organisationDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createOrganisation(req.ctx, req.body)),
  });
  app.patch('/organisations/:id', {
    config: { auth: 'session' },
    schema: {
      tags: orgTags, operationId: 'updateOrganisation', summary: 'Rename an organisation',
      params: organisationParams, body: updateOrganisationSchema, response: { 200: organisationDetailSchema },
    },
    handler: (req) => updateOrganisation(req.ctx, req.params.id, req.body),
  });
}
