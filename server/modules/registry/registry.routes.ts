import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  comuneDetailSchema,
  comunePageSchema,
  comuneParams,
  comuneQuerySchema,
  createOrganisationSchema,
  organisationDetailSchema,
  organisationPageSchema,
  organisationParams,
  organisationQuerySchema,
  provinceListSchema,
  provinceQuerySchema,
  regionListSchema,
  sourceListSchema,
  updateComuneSchema,
  updateOrganisationSchema,
} from './registry.schema.js';
import { findComuni, getComune, listProvinces, listRegions, listSources, updateComune } from './registry.service.js';
import { createOrganisation, findOrganisations, getOrganisation, updateOrganisation } from './organisations.service.js';

export async function registryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];

  app.get('/regions', {
    config: { auth: 'session' },
    schema: {
      tags,
      operationId: 'listRegions',
      summary: 'All 20 Regions with their macro-area',
      description: 'Every role (`registry.read`): the 20 Regions with ISTAT code and macro-area, in one list.',
      response: { 200: regionListSchema },
    },
    handler: (req) => listRegions(req.ctx),
  });
  app.get('/provinces', {
    config: { auth: 'session' },
    schema: {
      tags,
      operationId: 'listProvinces',
      summary: 'Provinces, optionally of one Region',
      description:
        'Every role (`registry.read`): the provinces and metropolitan cities, all of them or those of the Region given in `region`.',
      querystring: provinceQuerySchema,
      response: { 200: provinceListSchema },
    },
    handler: (req) => listProvinces(req.ctx, req.query.region),
  });
  app.get('/comuni', {
    config: { auth: 'session' },
    schema: {
      tags,
      operationId: 'findComuni',
      summary: 'Search Comuni by name (prefix, ignoring case and accents), ISTAT or cadastral code, with filters',
      description:
        'Every role (`registry.read`): a page of Comuni matching the search text and the filters, sorted by `sort`.',
      querystring: comuneQuerySchema,
      response: { 200: comunePageSchema },
    },
    handler: (req) => findComuni(req.ctx, req.query),
  });
  app.get('/comuni/:istatCode', {
    config: { auth: 'session' },
    schema: {
      tags,
      operationId: 'getComune',
      summary: 'One Comune with its organisations',
      description:
        'Every role (`registry.read`): one Comune by ISTAT code with its population, flags and the organisations acting there; 404 `comune.not_found`.',
      params: comuneParams,
      response: { 200: comuneDetailSchema },
    },
    handler: (req) => getComune(req.ctx, req.params.istatCode),
  });
  app.patch('/comuni/:istatCode', {
    config: { auth: 'session' },
    schema: {
      tags,
      operationId: 'updateComune',
      summary: 'Set the SAI-network and pilot 18-ter flags of a Comune',
      description:
        'Amministratore only (`registry.manage`): sets the SAI-network and pilot 18-ter flags, absent flags staying as they are; audited. 404 `comune.not_found`.',
      params: comuneParams,
      body: updateComuneSchema,
      response: { 200: comuneDetailSchema },
    },
    handler: (req) => updateComune(req.ctx, req.params.istatCode, req.body),
  });
  app.get('/registry/sources', {
    config: { auth: 'public' },
    schema: {
      tags,
      operationId: 'listDataSources',
      summary: 'Sources, reference dates and licences of the reference data',
      description:
        'Public: the source, reference date and licence of each reference data set (ISTAT, ANPR), for attribution.',
      response: { 200: sourceListSchema },
    },
    handler: (req) => listSources(req.ctx),
  });

  const orgTags = ['organisations'];
  app.get('/organisations', {
    config: { auth: 'session' },
    schema: {
      tags: orgTags,
      operationId: 'findOrganisations',
      summary: 'Search organisations',
      description:
        'Every role (`organisations.read`): a page of organisations, filtered by type, place, name and active flag.',
      querystring: organisationQuerySchema,
      response: { 200: organisationPageSchema },
    },
    handler: (req) => findOrganisations(req.ctx, req.query),
  });
  app.get('/organisations/:id', {
    config: { auth: 'session' },
    schema: {
      tags: orgTags,
      operationId: 'getOrganisation',
      summary: 'One organisation (with its users, for administrators)',
      description:
        'Every role (`organisations.read`): one organisation; its users are listed only for the amministratore (`users.manage`). 404 `organisation.not_found`.',
      params: organisationParams,
      response: { 200: organisationDetailSchema },
    },
    handler: (req) => getOrganisation(req.ctx, req.params.id),
  });
  app.post('/organisations', {
    config: { auth: 'session' },
    schema: {
      tags: orgTags,
      operationId: 'createOrganisation',
      summary: 'Create an organisation',
      description:
        'Amministratore only (`organisations.manage`): creates an organisation tied to its place (Comune, Region or national level), with its PEC, codice fiscale / partita IVA (11 digits with a valid check digit) and address when given; 400 `organisation.invalid_place` or an invalid field, 409 `organisation.duplicate` when the place already has one.',
      body: createOrganisationSchema,
      response: { 201: organisationDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createOrganisation(req.ctx, req.body)),
  });
  app.patch('/organisations/:id', {
    config: { auth: 'session' },
    schema: {
      tags: orgTags,
      operationId: 'updateOrganisation',
      summary: "Change an organisation's name, PEC, tax code, address or active flag",
      description:
        'Amministratore only (`organisations.manage`): a merge patch of name, PEC (an e-mail address), codice fiscale / partita IVA (11 digits with a valid check digit), address and `active` (`null` clears PEC, tax code or address). An inactive organisation gets no new accounts and cannot be chosen as a partner; its accounts keep working. 400 for an invalid field, 404 `organisation.not_found`.',
      params: organisationParams,
      body: updateOrganisationSchema,
      response: { 200: organisationDetailSchema },
    },
    handler: (req) => updateOrganisation(req.ctx, req.params.id, req.body),
  });
}
