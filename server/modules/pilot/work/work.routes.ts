import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changeIssue, createIssue, findIssues } from './issues.service.js';
import { completeTask, findMyTasks } from './tasks.service.js';
import {
  createIssueSchema,
  issuePageSchema,
  issueParams,
  issueQuerySchema,
  issueSchema,
  taskDoneQuerySchema,
  taskDoneSchema,
  taskPageSchema,
  taskParams,
  taskQuerySchema,
  taskSchema,
  updateIssueSchema,
} from './work.schema.js';

/** The work list and the register of critical issues, under /api/v1/pilot. */
export async function pilotWorkRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['pilot-monitoring'];

  app.get('/tasks', {
    config: { auth: 'session' },
    schema: {
      tags,
      operationId: 'findPilotTasks',
      summary: 'My work list: tasks assigned to me, earliest due first',
      description:
        "Operatore, referente_comunale and responsabile_amministrativo (`pilot.tasks.read`): a page of the caller's own tasks, earliest due first, in words in the requested language (`lang`, which also becomes the language of the caller's e-mail digest): the case manager's (permit deadlines, PAI reviews, follow-ups, late measures) for the cases they own now, the referente's (PAIs to approve, admissions to decide) and the responsabile amministrativo's (actual costs missing, allocation, budget) for their Comune. Each task ends by itself when its cause ends (status superato).",
      querystring: taskQuerySchema,
      response: { 200: taskPageSchema },
    },
    handler: (req) => findMyTasks(req.ctx, req.query),
  });
  app.post('/tasks/:taskId/done', {
    config: { auth: 'session' },
    schema: {
      tags,
      operationId: 'completePilotTask',
      summary: 'Mark one of my tasks done',
      description:
        "The task's assignee (`pilot.tasks.read`): marks the task done; a task of someone else answers 404 `pilot.task.not_found`.",
      params: taskParams,
      querystring: taskDoneQuerySchema,
      body: taskDoneSchema,
      response: { 200: taskSchema },
    },
    handler: (req) => completeTask(req.ctx, req.params.taskId, req.query.lang),
  });

  app.get('/issues', {
    config: { auth: 'session' },
    schema: {
      tags,
      operationId: 'findPilotIssues',
      summary: "Critical issues and corrective actions: my Comune's, or every pilot Comune's for the national roles",
      description:
        'With `pilot.issues.read`: the own Comune for its staff, every pilot Comune for assistenza_tecnica and mlps. A page of critical issues with their corrective actions.',
      querystring: issueQuerySchema,
      response: { 200: issuePageSchema },
    },
    handler: (req) => findIssues(req.ctx, req.query),
  });
  app.post('/issues', {
    config: { auth: 'session' },
    schema: {
      tags,
      operationId: 'createPilotIssue',
      summary: 'Raise a critical issue of a pilot Comune (no personal data)',
      description:
        'Referente_comunale (own Comune) and assistenza_tecnica (any pilot Comune), with `pilot.issues.manage`: raises a critical issue, whose text must not hold personal data; 400 `pilot.invalid` for a Comune outside the pilot.',
      body: createIssueSchema,
      response: { 201: issueSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createIssue(req.ctx, req.body)),
  });
  app.patch('/issues/:issueId', {
    config: { auth: 'session' },
    schema: {
      tags,
      operationId: 'updatePilotIssue',
      summary: 'Update a critical issue: status, corrective action, owner, due date, resolution',
      description:
        'The callers who raise issues (`pilot.issues.manage`): absent fields stay as they are; resolving or closing needs a resolution (400 `pilot.invalid`). 404 `pilot.issue.not_found`.',
      params: issueParams,
      body: updateIssueSchema,
      response: { 200: issueSchema },
    },
    handler: (req) => changeIssue(req.ctx, req.params.issueId, req.body),
  });
}
