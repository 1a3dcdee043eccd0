import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  actionListSchema,
  actionParams,
  actionSchema,
  createActionSchema,
  createMonitoringSchema,
  monitoringListSchema,
  monitoringParams,
  monitoringSchema,
  patchActionSchema,
  planParams,
  putIndicatorsSchema,
} from './actions.schema.js';
import {
  createAction,
  createMonitoring,
  getMonitoring,
  listActions,
  listMonitorings,
  patchAction,
  putIndicators,
  removeAction,
} from './actions.service.js';

const readers =
  "`plans.read`: the plan's Comune, its Region (row-level security), ANCI/Cittalia, MLPS. 404 `plans.plan.not_found` for a plan out of reach";
const writers =
  "`plans.edit`, the referente of the plan's Comune only (403 `forbidden` for the other roles, 403 `plans.plan.not_owner` for anyone else's staff; 404 `plans.plan.not_found` out of reach)";
const editable = '409 `plans.state` unless the plan is drafted (AVVIO to BOZZA) or prepares an update (MONITORATO)';

/** The routes of the plans' actions (mounted by ../index.ts under /api/v1): the plan's actions tagged by axis and priority action, their partners, budget and funding, indicators with targets, and the monitorings with the values reported. */
export async function actionsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];
  const config = { auth: 'session' } as const;
  const actions = '/plans/:planId/actions';
  const monitorings = '/plans/:planId/monitorings';

  app.get(actions, {
    config,
    schema: {
      tags,
      operationId: 'listPlanActions',
      summary:
        "A plan's actions with partners, budget, indicators and latest values; totals by axis and priority action",
      description: `${readers}. \`canEdit\` says whether the actor may change them now, \`editBlockedBy\` why not (ROLE, STATE).`,
      params: planParams,
      response: { 200: actionListSchema },
    },
    handler: (req) => listActions(req.ctx, req.params.planId),
  });

  app.post(actions, {
    config,
    schema: {
      tags,
      operationId: 'createPlanAction',
      summary: 'Add an action to the plan, with its partners; audited',
      description: `${writers}; ${editable}. The axis defaults to the priority action's (Piano triennale). 400 \`plans.reference\` for an organisation not in the registry or a project not of the plan's Comune; 409 \`plans.actions.duplicate_code\`.`,
      params: planParams,
      body: createActionSchema,
      response: { 201: actionSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createAction(req.ctx, req.params.planId, req.body)),
  });

  app.patch(`${actions}/:actionId`, {
    config,
    schema: {
      tags,
      operationId: 'updatePlanAction',
      summary: 'Change an action (the partners given replace the list); audited',
      description: `${writers}; ${editable}. \`rowVersion\` as read (409 \`plans.stale\`). A new priority action without an axis takes its default axis. 400 \`plans.reference\`; 409 \`plans.actions.duplicate_code\`; 404 \`plans.actions.not_found\`.`,
      params: actionParams,
      body: patchActionSchema,
      response: { 200: actionSchema },
    },
    handler: (req) => patchAction(req.ctx, req.params.planId, req.params.actionId, req.body),
  });

  app.delete(`${actions}/:actionId`, {
    config,
    schema: {
      tags,
      operationId: 'deletePlanAction',
      summary: 'Remove an action; audited; answers the remaining actions',
      description: `${writers}; ${editable}. 409 \`plans.actions.reported\` when values were reported on its indicators or a monitoring recorded its state, \`plans.actions.in_use\` when a follow-up or a thread refers to it; 404 \`plans.actions.not_found\`.`,
      params: actionParams,
      response: { 200: actionListSchema },
    },
    handler: (req) => removeAction(req.ctx, req.params.planId, req.params.actionId),
  });

  app.put(`${actions}/:actionId/indicators`, {
    config,
    schema: {
      tags,
      operationId: 'putPlanActionIndicators',
      summary: "Set an action's indicators with their targets per period (the whole list); audited",
      description: `${writers}; ${editable}. Periods are years or semesters within the plan's years (400). An indicator kept by its \`id\` keeps its values; removing one with reported values is 409 \`plans.actions.reported\`. \`rowVersion\` of the action (409 \`plans.stale\`).`,
      params: actionParams,
      body: putIndicatorsSchema,
      response: { 200: actionSchema },
    },
    handler: (req) => putIndicators(req.ctx, req.params.planId, req.params.actionId, req.body),
  });

  app.get(monitorings, {
    config,
    schema: {
      tags,
      operationId: 'listPlanMonitorings',
      summary: "A plan's monitorings, newest first",
      description: `${readers}. \`canRecord\` says whether the actor may record one now, \`recordBlockedBy\` why not (ROLE, STATE).`,
      params: planParams,
      response: { 200: monitoringListSchema },
    },
    handler: (req) => listMonitorings(req.ctx, req.params.planId),
  });

  app.post(monitorings, {
    config,
    schema: {
      tags,
      operationId: 'createPlanMonitoring',
      summary: "Record a monitoring: the indicators' values and the actions' states; audited",
      description: `${writers}. While the plan is implemented (IN_ATTUAZIONE, MONITORATO, AGGIORNATO; 409 \`plans.state\` otherwise). One per period (409 \`plans.monitoring.duplicate\`); the period within the plan's years (400); values only for the plan's indicators and states only for its actions (400 \`plans.reference\`). The actions take their states in the same transaction, and the state of every action of the plan is kept with the monitoring.`,
      params: planParams,
      body: createMonitoringSchema,
      response: { 201: monitoringSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createMonitoring(req.ctx, req.params.planId, req.body)),
  });

  app.get(`${monitorings}/:monitoringId`, {
    config,
    schema: {
      tags,
      operationId: 'getPlanMonitoring',
      summary: 'A monitoring with its values against the targets of its period and the state of each action at it',
      description: `${readers}; 404 \`plans.monitoring.not_found\`. \`actions\`: every action's state as the monitoring recorded it, in the actions' order (empty for a monitoring recorded before states were kept).`,
      params: monitoringParams,
      response: { 200: monitoringSchema },
    },
    handler: (req) => getMonitoring(req.ctx, req.params.planId, req.params.monitoringId),
  });
}
