import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createRimodulazione,
  decideBudgetVersion,
  diffBudgetVersion,
  getBudgetVersion,
  putBudgetLines,
  submitBudgetVersion,
} from './budget.service.js';
import {
  addIndicator,
  createActivity,
  createLogframeItem,
  deleteLogframeItem,
  patchActivity,
  patchLogframeItem,
  putIndicator,
  removeActivity,
  removeIndicator,
} from './framework.service.js';
import {
  closeProject,
  createProject,
  getIndicatorCatalogue,
  listCallOptions,
  getProject,
  listProjects,
  patchProject,
  putPartners,
  startProject,
  submitProject,
} from './projects.service.js';
import {
  budgetDiffSchema,
  budgetVersionSchema,
  callOptionsSchema,
  createActivitySchema,
  createIndicatorSchema,
  createLogframeSchema,
  createProjectSchema,
  createRimodulazioneSchema,
  decisionSchema,
  diffQuery,
  indicatorCatalogueSchema,
  itemParams,
  patchActivitySchema,
  patchLogframeSchema,
  patchProjectSchema,
  projectDetailSchema,
  projectListQuery,
  projectPageSchema,
  projectParams,
  putIndicatorSchema,
  putLinesSchema,
  putPartnersSchema,
  versionParams,
} from './design.schema.js';

const readers =
  "`projects.read`: the lead Comune's staff, ANCI/Cittalia and MLPS; a Regione its own Comuni's projects; a revisore the projects assigned. 404 `projects.project.not_found` outside the actor's reach";
const owner =
  "`projects.design.write`, the lead Comune's staff only (403 `projects.project.not_owner` for anyone else who can see the project; 404 outside reach)";
const transition = z
  .object({ rowVersion: z.number().int().min(1).optional() })
  .strict()
  .meta({ id: 'ProjectTransition' });

/** The routes of the projects' design (mounted by ../index.ts under /api/v1). */
export async function designRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const config = { auth: 'session' } as const;

  app.get('/project-indicators', {
    config,
    schema: {
      tags,
      operationId: 'listProjectIndicatorCatalogue',
      summary:
        'The indicator catalogue: the PN FAMI common indicators (Reg. (UE) 2021/1147 Annex VIII) and other shared frameworks',
      description: '`projects.read`. Projects add these or define their own (CUSTOM), which are not listed here.',
      response: { 200: indicatorCatalogueSchema },
    },
    handler: (req) => getIndicatorCatalogue(req.ctx),
  });

  app.get('/project-call-options', {
    config,
    schema: {
      tags,
      operationId: 'listProjectCallOptions',
      summary: 'The calls a project can be designed under: the latest published version of each, by title',
      description: '`projects.read`. For the form of a new project and the filters of the list.',
      response: { 200: callOptionsSchema },
    },
    handler: (req) => listCallOptions(req.ctx),
  });

  app.get('/projects', {
    config,
    schema: {
      tags,
      operationId: 'listProjects',
      summary: 'The projects the actor reaches, newest first, with their Comune, Region, call and budget in force',
      description: `${readers}. Filters: status, call or call version, Comune (ISTAT code), q on title or CUP.`,
      querystring: projectListQuery,
      response: { 200: projectPageSchema },
    },
    handler: (req) => listProjects(req.ctx, req.query),
  });

  app.post('/projects', {
    config,
    schema: {
      tags,
      operationId: 'createProject',
      summary:
        "Create a project of the actor's Comune on a published call version (BOZZA, budget version 1 draft); audited",
      description:
        "`projects.design.write`, a Comune's staff (the lead is the actor's Comune). 400 `projects.cup.invalid`; 409 `projects.cup.duplicate`; 400 when the call version is not published or a partner is unknown.",
      body: createProjectSchema,
      response: { 201: projectDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createProject(req.ctx, req.body)),
  });

  app.get('/projects/:projectId', {
    config,
    schema: {
      tags,
      operationId: 'getProject',
      summary:
        'A project: header, partners, call and its rules, logical framework, activities, indicators, budget versions',
      description: readers,
      params: projectParams,
      response: { 200: projectDetailSchema },
    },
    handler: (req) => getProject(req.ctx, req.params.projectId),
  });

  app.patch('/projects/:projectId', {
    config,
    schema: {
      tags,
      operationId: 'updateProject',
      summary: 'Change the header of a project (with the rowVersion read); audited',
      description: `${owner}. Title and dates only in BOZZA; description, acronym, agreement and CUP also while approved or running; 409 \`projects.state\` otherwise, 409 \`projects.stale\`.`,
      params: projectParams,
      body: patchProjectSchema,
      response: { 200: projectDetailSchema },
    },
    handler: (req) => patchProject(req.ctx, req.params.projectId, req.body),
  });

  app.put('/projects/:projectId/partners', {
    config,
    schema: {
      tags,
      operationId: 'putProjectPartners',
      summary: 'Replace the partners of a draft project; audited',
      description: `${owner}. 409 \`projects.partner.in_use\` when a removed partner still has budget lines.`,
      params: projectParams,
      body: putPartnersSchema,
      response: { 200: projectDetailSchema },
    },
    handler: (req) => putPartners(req.ctx, req.params.projectId, req.body),
  });

  app.post('/projects/:projectId/logframe', {
    config,
    schema: {
      tags,
      operationId: 'createProjectLogframeItem',
      summary:
        'Add the general objective, a specific objective (under it) or an expected result (under a specific objective); audited',
      description: `${owner}. In BOZZA only (409 \`projects.state\`).`,
      params: projectParams,
      body: createLogframeSchema,
      response: { 200: projectDetailSchema },
    },
    handler: (req) => createLogframeItem(req.ctx, req.params.projectId, req.body),
  });

  app.patch('/projects/:projectId/logframe/:itemId', {
    config,
    schema: {
      tags,
      operationId: 'updateProjectLogframeItem',
      summary: 'Change an item of the logical framework; audited',
      description: `${owner}. In BOZZA only. 404 \`projects.logframe.not_found\`.`,
      params: itemParams,
      body: patchLogframeSchema,
      response: { 200: projectDetailSchema },
    },
    handler: (req) => patchLogframeItem(req.ctx, req.params.projectId, req.params.itemId, req.body),
  });

  app.delete('/projects/:projectId/logframe/:itemId', {
    config,
    schema: {
      tags,
      operationId: 'deleteProjectLogframeItem',
      summary: 'Remove an item of the logical framework; audited',
      description: `${owner}. In BOZZA only; 409 \`projects.item.in_use\` while items, activities or indicators refer to it.`,
      params: itemParams,
      response: { 200: projectDetailSchema },
    },
    handler: (req) => deleteLogframeItem(req.ctx, req.params.projectId, req.params.itemId),
  });

  app.post('/projects/:projectId/activities', {
    config,
    schema: {
      tags,
      operationId: 'createProjectActivity',
      summary: 'Add an activity (WBS code, parent, result, planned dates); audited',
      description: `${owner}. In BOZZA only; the planned dates within the project's.`,
      params: projectParams,
      body: createActivitySchema,
      response: { 200: projectDetailSchema },
    },
    handler: (req) => createActivity(req.ctx, req.params.projectId, req.body),
  });

  app.patch('/projects/:projectId/activities/:itemId', {
    config,
    schema: {
      tags,
      operationId: 'updateProjectActivity',
      summary: 'Change an activity; progress and actual dates also while the project runs; audited',
      description: `${owner}. 404 \`projects.activity.not_found\`; 409 \`projects.state\` for planned fields outside BOZZA.`,
      params: itemParams,
      body: patchActivitySchema,
      response: { 200: projectDetailSchema },
    },
    handler: (req) => patchActivity(req.ctx, req.params.projectId, req.params.itemId, req.body),
  });

  app.delete('/projects/:projectId/activities/:itemId', {
    config,
    schema: {
      tags,
      operationId: 'deleteProjectActivity',
      summary: 'Remove an activity; audited',
      description: `${owner}. In BOZZA only; 409 \`projects.item.in_use\` with sub-activities or expenses.`,
      params: itemParams,
      response: { 200: projectDetailSchema },
    },
    handler: (req) => removeActivity(req.ctx, req.params.projectId, req.params.itemId),
  });

  app.post('/projects/:projectId/indicators', {
    config,
    schema: {
      tags,
      operationId: 'createProjectIndicator',
      summary:
        'Add an indicator of the catalogue or define a custom one, with baseline, disaggregations and targets; audited',
      description: `${owner}. In BOZZA only.`,
      params: projectParams,
      body: createIndicatorSchema,
      response: { 200: projectDetailSchema },
    },
    handler: (req) => addIndicator(req.ctx, req.params.projectId, req.body),
  });

  app.put('/projects/:projectId/indicators/:itemId', {
    config,
    schema: {
      tags,
      operationId: 'putProjectIndicator',
      summary: "Replace an indicator's result, baseline, disaggregations and targets; audited",
      description: `${owner}. In BOZZA only. 404 \`projects.indicator.not_found\`.`,
      params: itemParams,
      body: putIndicatorSchema,
      response: { 200: projectDetailSchema },
    },
    handler: (req) => putIndicator(req.ctx, req.params.projectId, req.params.itemId, req.body),
  });

  app.delete('/projects/:projectId/indicators/:itemId', {
    config,
    schema: {
      tags,
      operationId: 'deleteProjectIndicator',
      summary: 'Remove an indicator from the project; audited',
      description: `${owner}. In BOZZA only.`,
      params: itemParams,
      response: { 200: projectDetailSchema },
    },
    handler: (req) => removeIndicator(req.ctx, req.params.projectId, req.params.itemId),
  });

  for (const [verb, op, summary, handler] of [
    [
      'submit',
      'submitProject',
      'Present a draft project to MLPS (BOZZA → PRESENTATO; budget version 1 proposed and frozen); audited',
      submitProject,
    ],
    ['start', 'startProject', 'Start an approved project (APPROVATO → IN_CORSO); audited', startProject],
    ['close', 'closeProject', 'Close a running project (IN_CORSO → CONCLUSO); audited', closeProject],
  ] as const) {
    app.post(`/projects/:projectId/${verb}`, {
      config,
      schema: {
        tags,
        operationId: op,
        summary,
        description: `${owner}. 409 \`projects.state\` from another state, 409 \`projects.stale\`.${verb === 'submit' ? ' 400 `projects.project.incomplete` without a general objective, an activity or budget lines; 400 `projects.budget.caps` with the Italian messages of the failed checks in `context.checks`.' : ''}`,
        params: projectParams,
        body: transition,
        response: { 200: projectDetailSchema },
      },
      handler: (req) => handler(req.ctx, req.params.projectId, req.body.rowVersion),
    });
  }

  app.post('/projects/:projectId/budget-versions', {
    config,
    schema: {
      tags,
      operationId: 'createProjectRimodulazione',
      summary:
        'Open a rimodulazione: a draft version copying the lines in force with their keys, and the reason; audited',
      description: `${owner}. Only while APPROVATO or IN_CORSO (409 \`projects.state\`) and with no version open (409 \`projects.budget.open_version\`).`,
      params: projectParams,
      body: createRimodulazioneSchema,
      response: { 201: budgetVersionSchema },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await createRimodulazione(req.ctx, req.params.projectId, req.body.reason)),
  });

  app.get('/projects/:projectId/budget-versions/:versionId', {
    config,
    schema: {
      tags,
      operationId: 'getProjectBudgetVersion',
      summary:
        "A budget version: lines with category and partner names, totals, the call's cap checks and co-financing",
      description: `${readers}; 404 \`projects.budget_version.not_found\`.`,
      params: versionParams,
      response: { 200: budgetVersionSchema },
    },
    handler: (req) => getBudgetVersion(req.ctx, req.params.projectId, req.params.versionId),
  });

  app.put('/projects/:projectId/budget-versions/:versionId/lines', {
    config,
    schema: {
      tags,
      operationId: 'putProjectBudgetLines',
      summary: 'Replace every line of a draft budget version at once (with its rowVersion); audited',
      description: `${owner}. 409 \`projects.budget.frozen\` for a proposed or decided version; 409 \`projects.stale\`; 400 for a category not of the call or a partner not of the project. A draft may break the caps: the answer lists the checks.`,
      params: versionParams,
      body: putLinesSchema,
      response: { 200: budgetVersionSchema },
    },
    handler: (req) => putBudgetLines(req.ctx, req.params.projectId, req.params.versionId, req.body),
  });

  app.post('/projects/:projectId/budget-versions/:versionId/submit', {
    config,
    schema: {
      tags,
      operationId: 'submitProjectBudgetVersion',
      summary: 'Propose a draft rimodulazione to MLPS (frozen from now on); audited',
      description: `${owner}. 400 \`projects.budget.caps\` when a cap or the co-financing fails; 409 \`projects.state\` unless a draft rimodulazione.`,
      params: versionParams,
      body: transition,
      response: { 200: budgetVersionSchema },
    },
    handler: (req) => submitBudgetVersion(req.ctx, req.params.projectId, req.params.versionId, req.body.rowVersion),
  });

  app.post('/projects/:projectId/budget-versions/:versionId/decision', {
    config,
    schema: {
      tags,
      operationId: 'decideProjectBudgetVersion',
      summary: 'MLPS approves or rejects a proposed budget version (with a note; required to reject); audited',
      description:
        '`projects.budget.decide` (MLPS). Approving the initial version approves the project; rejecting it sends the project back to BOZZA with a new draft copying the lines. 409 `projects.state` unless PROPOSTA.',
      params: versionParams,
      body: decisionSchema,
      response: { 200: budgetVersionSchema },
    },
    handler: (req) => decideBudgetVersion(req.ctx, req.params.projectId, req.params.versionId, req.body),
  });

  app.get('/projects/:projectId/budget-versions/:versionId/diff', {
    config,
    schema: {
      tags,
      operationId: 'diffProjectBudgetVersion',
      summary:
        'The differences of a budget version against the version in force (or `against`): per line, per category, in total',
      description: `${readers}.`,
      params: versionParams,
      querystring: diffQuery,
      response: { 200: budgetDiffSchema },
    },
    handler: (req) => diffBudgetVersion(req.ctx, req.params.projectId, req.params.versionId, req.query.against),
  });
}
