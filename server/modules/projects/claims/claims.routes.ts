import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignmentListSchema,
  assignmentParams,
  assignmentSchema,
  assignRevisoreSchema,
  claimDetailSchema,
  claimListSchema,
  claimParams,
  claimTransitionSchema,
  createClaimSchema,
  myAssignmentListSchema,
  projectParams,
  revisorePickerQuery,
  revisorePickerSchema,
  setClaimExpensesSchema,
  submitClaimSchema,
  verbaleSchema,
  verificationParams,
  verificationSchema,
} from './claims.schema.js';
import { createClaim, getClaim, listClaims } from './claims.service.js';
import { newClaimVersion, setClaimExpenses, submitClaim } from './drafts.service.js';
import { verbaleFile, type OutputKind } from './outputs.service.js';
import { assignRevisore, findRevisori, listAssignments, myAssignments, revokeRevisore } from './revisori.service.js';
import { transitionClaim } from './transitions.service.js';
import { issueVerbale, verifyExpense } from './verification.service.js';

const binary = z.any().meta({ type: 'string', format: 'binary' });

/** The routes of the projects' claims (mounted by ../index.ts under /api/v1; decision 0051). */
export async function claimsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const config = { auth: 'session' } as const;

  // ——— revisori ———
  app.get('/projects/:projectId/revisori', {
    config,
    schema: {
      tags,
      operationId: 'listProjectRevisori',
      summary: 'The revisori assigned to a project, with period and validity',
      description:
        'Every reader of the project (`projects.read`); a revisore sees only their own assignments. 404 `projects.project.not_found`.',
      params: projectParams,
      response: { 200: assignmentListSchema },
    },
    handler: (req) => listAssignments(req.ctx, req.params.projectId),
  });
  app.post('/projects/:projectId/revisori', {
    config,
    schema: {
      tags,
      operationId: 'assignProjectRevisore',
      summary: 'Assign a revisore indipendente to the project for a period and a validity',
      description:
        '`projects.revisori.assign`: the referente of the lead Comune, or ANCI/Cittalia. The user must hold the revisore role (400 `projects.revisori.not_revisore`). Audited.',
      params: projectParams,
      body: assignRevisoreSchema,
      response: { 201: assignmentSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await assignRevisore(req.ctx, req.params.projectId, req.body)),
  });
  app.post('/projects/:projectId/revisori/:assignmentId/revoke', {
    config,
    schema: {
      tags,
      operationId: 'revokeProjectRevisore',
      summary: 'Revoke a revisore’s assignment at once',
      description:
        '`projects.revisori.assign`, as for assigning. 404 `projects.revisori.not_found`; 409 `projects.revisori.revoked`. Audited.',
      params: assignmentParams,
      response: { 200: assignmentSchema },
    },
    handler: (req) => revokeRevisore(req.ctx, req.params.projectId, req.params.assignmentId),
  });
  app.get('/project-revisori', {
    config,
    schema: {
      tags,
      operationId: 'findProjectRevisori',
      summary: 'Users with the revisore role, for the assignment picker (name and organisation only)',
      description: '`projects.revisori.assign`. At most 20, matching `q` in the name or the organisation.',
      querystring: revisorePickerQuery,
      response: { 200: revisorePickerSchema },
    },
    handler: (req) => findRevisori(req.ctx, req.query.q),
  });
  app.get('/revisore/assignments', {
    config,
    schema: {
      tags,
      operationId: 'listMyRevisoreAssignments',
      summary: 'The revisore’s own assignments, with the project’s title, CUP and Comune',
      description: '`projects.claims.verify`.',
      response: { 200: myAssignmentListSchema },
    },
    handler: (req) => myAssignments(req.ctx),
  });

  // ——— claims ———
  app.get('/projects/:projectId/claims', {
    config,
    schema: {
      tags,
      operationId: 'listProjectClaims',
      summary: 'The reimbursement claims of a project',
      description:
        'Every reader of the project; a revisore sees the claims sent whose period their assignments valid today overlap. Audited.',
      params: projectParams,
      response: { 200: claimListSchema },
    },
    handler: (req) => listClaims(req.ctx, req.params.projectId),
  });
  app.post('/projects/:projectId/claims', {
    config,
    schema: {
      tags,
      operationId: 'createProjectClaim',
      summary: 'Draft the next reimbursement claim for a period',
      description:
        '`projects.claims.write`, staff of the lead Comune (403 `projects.project.not_owner` otherwise). The claim number is the next of the project. Audited.',
      params: projectParams,
      body: createClaimSchema,
      response: { 201: claimDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createClaim(req.ctx, req.params.projectId, req.body)),
  });
  app.get('/projects/:projectId/claims/:claimId', {
    config,
    schema: {
      tags,
      operationId: 'getProjectClaim',
      summary: 'A claim: expenses (frozen once sent), totals against the budget, progress, events, verifications',
      description:
        'Every reader of the project; a revisore only a claim sent in their period (404 `projects.claims.not_found` otherwise). Audited.',
      params: claimParams,
      response: { 200: claimDetailSchema },
    },
    handler: (req) => getClaim(req.ctx, req.params.projectId, req.params.claimId),
  });
  app.put('/projects/:projectId/claims/:claimId/expenses', {
    config,
    schema: {
      tags,
      operationId: 'setProjectClaimExpenses',
      summary: 'Choose the expenses of a draft claim',
      description:
        '`projects.claims.write`, lead Comune, BOZZA only (409 `projects.state`). Each expense must be VALIDATA, dated within the period and in no other claim not superseded (409 `projects.claims.expense`, listing each). Audited.',
      params: claimParams,
      body: setClaimExpensesSchema,
      response: { 200: claimDetailSchema },
    },
    handler: (req) => setClaimExpenses(req.ctx, req.params.projectId, req.params.claimId, req.body),
  });
  app.post('/projects/:projectId/claims/:claimId/submit', {
    config,
    schema: {
      tags,
      operationId: 'submitProjectClaim',
      summary: 'Send a draft claim: its expenses and totals are frozen',
      description:
        '`projects.claims.write`, lead Comune, BOZZA → INVIATA. Freezes each expense’s figures, the totals and the requested amount; the expenses become IN_DOMANDA; the version it corrects becomes SOSTITUITA. 409 `projects.claims.empty` without expenses. Audited.',
      params: claimParams,
      body: submitClaimSchema,
      response: { 200: claimDetailSchema },
    },
    handler: (req) => submitClaim(req.ctx, req.params.projectId, req.params.claimId, req.body),
  });
  app.post('/projects/:projectId/claims/:claimId/transitions', {
    config,
    schema: {
      tags,
      operationId: 'transitionProjectClaim',
      summary: 'Move a sent claim to its next state, by the role that takes that step',
      description:
        'INVIATA → IN_VERIFICA (revisore); IN_VERIFICA → RICHIESTA_INTEGRAZIONI (revisore, note); RICHIESTA_INTEGRAZIONI → CONTRODEDUZIONI (lead Comune, note); CONTRODEDUZIONI → RICHIESTA_INTEGRAZIONI (revisore, note); IN_VERIFICA or CONTRODEDUZIONI → APPROVATA (MLPS, once the verbale is issued: 409 `projects.claims.verbale`; approvedCents at most the verified amount); APPROVATA → LIQUIDATA (MLPS, paidCents and paidOn). A role that never takes the step: 403 `projects.claims.transition`; a step not from this state: 409 `projects.state`. Audited.',
      params: claimParams,
      body: claimTransitionSchema,
      response: { 200: claimDetailSchema },
    },
    handler: (req) => transitionClaim(req.ctx, req.params.projectId, req.params.claimId, req.body),
  });
  app.post('/projects/:projectId/claims/:claimId/new-version', {
    config,
    schema: {
      tags,
      operationId: 'newProjectClaimVersion',
      summary: 'Start a new version of a claim awaiting integrations, to correct it',
      description:
        '`projects.claims.write`, lead Comune, from RICHIESTA_INTEGRAZIONI: a new BOZZA with the same number, period and expenses; the old version stays readable and is superseded when the new one is sent. 409 `projects.claims.version_exists`. Audited.',
      params: claimParams,
      response: { 201: claimDetailSchema },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await newClaimVersion(req.ctx, req.params.projectId, req.params.claimId)),
  });

  // ——— verification ———
  app.put('/projects/:projectId/claims/:claimId/verifications/:expenseId', {
    config,
    schema: {
      tags,
      operationId: 'verifyProjectClaimExpense',
      summary: 'The revisore’s verification of one expense of the claim',
      description:
        '`projects.claims.verify`, assigned revisore, claim IN_VERIFICA or CONTRODEDUZIONI before the verbale (409 `projects.state`); the assignment must cover the expense’s date (403 `projects.revisore.not_assigned`). AMMISSIBILE: eligible = charged; PARZIALMENTE_AMMISSIBILE: 0 < eligible < charged with a reason; NON_AMMISSIBILE: 0 with a reason (400 `projects.claims.verification`). Audited.',
      params: verificationParams,
      body: verificationSchema,
      response: { 200: claimDetailSchema },
    },
    handler: (req) => verifyExpense(req.ctx, req.params.projectId, req.params.claimId, req.params.expenseId, req.body),
  });
  app.post('/projects/:projectId/claims/:claimId/verbale', {
    config,
    schema: {
      tags,
      operationId: 'issueProjectClaimVerbale',
      summary: 'Issue the verbale di verifica: every expense verified; the verified amount is the sum of the eligible',
      description:
        '`projects.claims.verify`, assigned revisore. 409 `projects.claims.verbale` while an expense is not verified. The expenses become VERIFICATA; nothing of the verification changes afterwards. Audited.',
      params: claimParams,
      body: verbaleSchema,
      response: { 200: claimDetailSchema },
    },
    handler: (req) => issueVerbale(req.ctx, req.params.projectId, req.params.claimId, req.body),
  });

  // ——— outputs ———
  const outputs: { path: string; kind: OutputKind; operationId: string; summary: string }[] = [
    {
      path: 'verbale.pdf',
      kind: 'verbale.pdf',
      operationId: 'getProjectClaimVerbalePdf',
      summary: 'The verbale di verifica amministrativo-contabile (tagged PDF)',
    },
    {
      path: 'allegato-1.pdf',
      kind: 'allegato-1.pdf',
      operationId: 'getProjectClaimAllegato1Pdf',
      summary: 'Allegato 1: the expenses verified (tagged PDF)',
    },
    {
      path: 'allegato-2.pdf',
      kind: 'allegato-2.pdf',
      operationId: 'getProjectClaimAllegato2Pdf',
      summary: 'Allegato 2: the results of the verification (tagged PDF)',
    },
    {
      path: 'allegato-1.xlsx',
      kind: 'allegato-1.xlsx',
      operationId: 'getProjectClaimAllegato1Xlsx',
      summary: 'Allegato 1: the expenses verified (XLSX)',
    },
    {
      path: 'allegato-2.xlsx',
      kind: 'allegato-2.xlsx',
      operationId: 'getProjectClaimAllegato2Xlsx',
      summary: 'Allegato 2: the results of the verification (XLSX)',
    },
  ];
  for (const o of outputs) {
    const mediaType = o.kind.endsWith('.pdf')
      ? 'application/pdf'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    app.get(`/projects/:projectId/claims/:claimId/${o.path}`, {
      config,
      schema: {
        tags,
        operationId: o.operationId,
        summary: o.summary,
        description:
          'The lead Comune’s staff, the assigned revisore, ANCI/Cittalia and MLPS, once the verbale is issued (409 `projects.claims.verbale` before). Totals recomputed from the verified amounts. Audited.',
        params: claimParams,
        response: { 200: { description: o.summary, content: { [mediaType]: { schema: binary } } } },
      },
      handler: async (req, reply) => {
        const file = await verbaleFile(req.ctx, req.params.projectId, req.params.claimId, o.kind);
        return reply
          .type(file.mediaType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    });
  }
}
