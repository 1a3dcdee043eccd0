/**
 * The budget in versions (issue 12 item 2; decision 0053): the lines of a draft version are
 * replaced as a whole; a version proposed to MLPS is frozen (and the database refuses to change
 * its lines); MLPS approves or rejects it. A rimodulazione copies the lines of the version in force
 * keeping their line keys (expenses are charged to a key), so the differences are per line.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { loadProject, type ProjectRow } from '../shared/access.js';
import type { CallRules } from '../shared/call-rules.js';
import { selectProjectRow } from '../shared/project.repo.js';
import { assertStatus, invalid, loadForDesign, rulesOfVersion } from './design.access.js';
import {
  insertVersion,
  markDecided,
  markSubmitted,
  replaceLines,
  selectLines,
  selectOrganisations,
  selectPartners,
  selectVersion,
  selectVersions,
  touchVersion,
  updateProject,
  type LineRow,
  type VersionRow,
} from './design.repo.js';
import { diffCategories, diffLines, evaluateBudget } from './design.rules.js';
import type { BudgetDiffOut, BudgetVersionOut, DecisionBody, PutLinesBody } from './design.schema.js';
import { assertChecksHold, toVersionSummary, versionsInPlay } from './projects.service.js';

async function loadVersion(tx: Queryable, projectId: string, versionId: string, lock = false): Promise<VersionRow> {
  const v = await selectVersion(tx, projectId, versionId, lock);
  if (!v) throw new AppError('projects.budget_version.not_found');
  return v;
}

async function leadName(tx: Queryable, project: ProjectRow): Promise<string> {
  return (await selectOrganisations(tx, [project.lead_org_id]))[0]?.name ?? '';
}

const labelOf = (rules: CallRules, code: string) => rules.categories.find((c) => c.code === code)?.labelIt ?? code;

async function versionOut(tx: Queryable, project: ProjectRow, v: VersionRow): Promise<BudgetVersionOut> {
  const rules = await rulesOfVersion(tx, project.call_version_id);
  const lines = await selectLines(tx, v.id);
  const lead = await leadName(tx, project);
  const ev = evaluateBudget(
    rules,
    lines.map((l) => ({ categoryCode: l.category_code, amountCents: l.amount_cents })),
    v.co_financing_cents,
  );
  return {
    ...toVersionSummary(v),
    projectId: project.id,
    coFinancingCents: v.co_financing_cents,
    lines: lines.map((l) => ({
      id: l.id,
      lineKey: l.line_key,
      categoryCode: l.category_code,
      categoryLabel: labelOf(rules, l.category_code),
      partnerOrgId: l.partner_org_id,
      partnerName: l.partner_name ?? lead,
      description: l.description,
      amountCents: l.amount_cents,
      position: l.position,
    })),
    totals: {
      directCents: ev.totals.directCents,
      indirectCents: ev.totals.indirectCents,
      totalCents: ev.totals.totalCents,
      byCategory: rules.categories
        .filter((c) => ev.totals.byCategory[c.code] !== undefined)
        .map((c) => ({ code: c.code, labelIt: c.labelIt, cents: ev.totals.byCategory[c.code]! })),
    },
    caps: ev.caps,
    coFinancing: ev.coFinancing,
    checksOk: ev.ok,
  };
}

/** A budget version with its lines, totals and checks. */
export async function getBudgetVersion(ctx: Ctx, projectId: string, versionId: string): Promise<BudgetVersionOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { project } = await loadProject(tx, ctx, projectId);
    return versionOut(tx, project, await loadVersion(tx, projectId, versionId));
  });
}

/**
 * Replaces every line of a draft version at once (with the version's row version). A draft may
 * break the caps: the answer lists the checks. Categories must be the call's; a partner must be
 * the lead or one of the project's partners; a line key kept must be one of the version's.
 */
export async function putBudgetLines(
  ctx: Ctx,
  projectId: string,
  versionId: string,
  body: PutLinesBody,
): Promise<BudgetVersionOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const project = await loadForDesign(tx, ctx, projectId);
    const v = await loadVersion(tx, projectId, versionId, true);
    if (v.status !== 'BOZZA') {
      throw new AppError('projects.budget.frozen', 'A proposed or decided budget version never changes.', {
        context: { status: v.status },
      });
    }
    if (v.row_version !== body.rowVersion) {
      throw new AppError('projects.stale', 'Someone else changed it in the meantime: reload the page.', {
        context: { currentVersion: v.row_version },
      });
    }
    const rules = await rulesOfVersion(tx, project.call_version_id);
    const codes = new Set(rules.categories.map((c) => c.code));
    const partners = new Set((await selectPartners(tx, projectId)).map((p) => p.organisation_id));
    const existingKeys = new Set((await selectLines(tx, versionId)).map((l) => l.line_key));
    const seen = new Set<string>();
    const lines = body.lines.map((l, i) => {
      if (!codes.has(l.categoryCode)) throw invalid(`lines.${i}.categoryCode`, 'Not a cost category of the call');
      if (l.partnerOrgId !== null && l.partnerOrgId !== project.lead_org_id && !partners.has(l.partnerOrgId))
        throw invalid(`lines.${i}.partnerOrgId`, 'Neither the lead beneficiary nor a partner of the project');
      if (l.lineKey !== undefined && !existingKeys.has(l.lineKey))
        throw invalid(`lines.${i}.lineKey`, 'Not a line of this version');
      const lineKey = l.lineKey ?? randomUUID();
      if (seen.has(lineKey)) throw invalid(`lines.${i}.lineKey`, 'A line is listed twice');
      seen.add(lineKey);
      return {
        id: randomUUID(),
        lineKey,
        categoryCode: l.categoryCode,
        partnerOrgId: l.partnerOrgId === project.lead_org_id ? null : l.partnerOrgId,
        description: l.description,
        amountCents: l.amountCents,
      };
    });
    await replaceLines(tx, { versionId, projectId, comuneIstat: project.comune_istat }, lines);
    await touchVersion(tx, versionId, body.coFinancingCents);
    await recordAudit(tx, ctx, {
      action: 'projects.budget.save',
      entityType: 'project_budget_version',
      entityId: versionId,
      tenantComune: project.comune_istat,
      details: { project: projectId, lines: lines.length, totalCents: lines.reduce((s, l) => s + l.amountCents, 0) },
    });
    return versionOut(tx, project, await loadVersion(tx, projectId, versionId));
  });
}

/**
 * Opens a rimodulazione of an approved or running project (no other version open): a new draft
 * version copying the lines of the version in force with their line keys, and the reason.
 */
export async function createRimodulazione(ctx: Ctx, projectId: string, reason: string): Promise<BudgetVersionOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const project = await loadForDesign(tx, ctx, projectId);
    assertStatus(project, (s) => s === 'APPROVATO' || s === 'IN_CORSO', 'propose a rimodulazione');
    const versions = await selectVersions(tx, projectId);
    const { inForce, open } = versionsInPlay(versions);
    if (open) {
      throw new AppError('projects.budget.open_version', 'Another version is being edited or waits for MLPS.', {
        context: { versionId: open.id, status: open.status },
      });
    }
    const id = randomUUID();
    await insertVersion(tx, {
      id,
      projectId,
      comuneIstat: project.comune_istat,
      versionNo: versions.length ? versions[versions.length - 1]!.version_no + 1 : 1,
      kind: 'RIMODULAZIONE',
      reason,
      coFinancingCents: inForce?.co_financing_cents ?? 0,
      createdBy: ctx.actor!.userId,
      at: ctx.clock.now(),
    });
    await copyLines(tx, project, inForce, id);
    await recordAudit(tx, ctx, {
      action: 'projects.budget.rimodulate',
      entityType: 'project_budget_version',
      entityId: id,
      tenantComune: project.comune_istat,
      details: { project: projectId, from: inForce?.id ?? null },
    });
    return versionOut(tx, project, await loadVersion(tx, projectId, id));
  });
}

async function copyLines(tx: Queryable, project: ProjectRow, from: VersionRow | null, to: string): Promise<void> {
  const lines: LineRow[] = from ? await selectLines(tx, from.id) : [];
  await replaceLines(
    tx,
    { versionId: to, projectId: project.id, comuneIstat: project.comune_istat },
    lines.map((l) => ({
      id: randomUUID(),
      lineKey: l.line_key,
      categoryCode: l.category_code,
      partnerOrgId: l.partner_org_id,
      description: l.description,
      amountCents: l.amount_cents,
    })),
  );
}

/**
 * Proposes a draft rimodulazione to MLPS (the initial version is proposed with the project): the
 * caps and co-financing must hold (400 `projects.budget.caps`).
 */
export async function submitBudgetVersion(
  ctx: Ctx,
  projectId: string,
  versionId: string,
  rowVersion?: number,
): Promise<BudgetVersionOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const project = await loadForDesign(tx, ctx, projectId);
    const v = await loadVersion(tx, projectId, versionId, true);
    if (v.status !== 'BOZZA' || v.kind !== 'RIMODULAZIONE') {
      throw new AppError(
        'projects.state',
        'Only a draft rimodulazione is proposed here (the initial plan goes with the project).',
        {
          context: { status: v.status },
        },
      );
    }
    if (rowVersion !== undefined && rowVersion !== v.row_version) {
      throw new AppError('projects.stale', 'Someone else changed it in the meantime: reload the page.', {
        context: { currentVersion: v.row_version },
      });
    }
    const lines = await selectLines(tx, versionId);
    if (lines.length === 0) throw invalid('lines', 'A budget without lines');
    await assertChecksHold(await rulesOfVersion(tx, project.call_version_id), lines, v.co_financing_cents);
    await markSubmitted(tx, versionId, ctx.actor!.userId, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'projects.budget.submit',
      entityType: 'project_budget_version',
      entityId: versionId,
      tenantComune: project.comune_istat,
      details: { project: projectId },
    });
    return versionOut(tx, project, await loadVersion(tx, projectId, versionId));
  });
}

/**
 * MLPS's decision on a proposed version. Approving the initial version approves the project
 * (PRESENTATO → APPROVATO); approving a rimodulazione puts it in force. Rejecting the initial
 * version sends the project back to BOZZA with a new draft version copying its lines; a rejected
 * rimodulazione leaves the version in force as it was.
 */
export async function decideBudgetVersion(
  ctx: Ctx,
  projectId: string,
  versionId: string,
  body: DecisionBody,
): Promise<BudgetVersionOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { project } = await loadProject(tx, ctx, projectId, 'projects.budget.decide');
    assertCan(ctx.actor, 'projects.budget.decide');
    await selectProjectRow(tx, projectId, true);
    const v = await loadVersion(tx, projectId, versionId, true);
    if (v.status !== 'PROPOSTA') {
      throw new AppError('projects.state', 'Only a proposed version is decided.', { context: { status: v.status } });
    }
    if (body.decision === 'reject' && !body.note) throw invalid('note', 'A rejection says why');
    const at = ctx.clock.now();
    const actor = ctx.actor;
    await markDecided(
      tx,
      versionId,
      body.decision === 'approve' ? 'APPROVATA' : 'RESPINTA',
      actor.userId,
      at,
      body.note,
    );
    if (v.kind === 'INIZIALE' && project.status === 'PRESENTATO') {
      if (body.decision === 'approve') {
        await updateProject(tx, projectId, { status: 'APPROVATO' }, at);
      } else {
        await updateProject(tx, projectId, { status: 'BOZZA' }, at);
        const versions = await selectVersions(tx, projectId);
        const id = randomUUID();
        await insertVersion(tx, {
          id,
          projectId,
          comuneIstat: project.comune_istat,
          versionNo: versions[versions.length - 1]!.version_no + 1,
          kind: 'INIZIALE',
          reason: null,
          coFinancingCents: v.co_financing_cents,
          createdBy: actor.userId,
          at,
        });
        await copyLines(tx, project, v, id);
      }
    } else {
      await updateProject(tx, projectId, {}, at);
    }
    await recordAudit(tx, ctx, {
      action: 'projects.budget.decide',
      entityType: 'project_budget_version',
      entityId: versionId,
      tenantComune: project.comune_istat,
      details: { project: projectId, decision: body.decision, kind: v.kind },
    });
    return versionOut(tx, project, await loadVersion(tx, projectId, versionId));
  });
}

/**
 * The differences of a version against another (by default the version in force; against nothing
 * every line is added): per line by its key, per category and in total.
 */
export async function diffBudgetVersion(
  ctx: Ctx,
  projectId: string,
  versionId: string,
  against: string | undefined,
): Promise<BudgetDiffOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { project } = await loadProject(tx, ctx, projectId);
    const v = await loadVersion(tx, projectId, versionId);
    let base: VersionRow | null;
    if (against) base = await loadVersion(tx, projectId, against);
    else {
      const inForce = versionsInPlay(await selectVersions(tx, projectId)).inForce;
      base = inForce && inForce.id !== v.id ? inForce : null;
    }
    const rules = await rulesOfVersion(tx, project.call_version_id);
    const lead = await leadName(tx, project);
    const norm = (l: LineRow) => ({
      lineKey: l.line_key,
      categoryCode: l.category_code,
      partnerOrgId: l.partner_org_id,
      partnerName: l.partner_name ?? lead,
      description: l.description,
      amountCents: l.amount_cents,
    });
    const before = base ? (await selectLines(tx, base.id)).map(norm) : [];
    const after = (await selectLines(tx, v.id)).map(norm);
    return {
      fromVersionId: base?.id ?? null,
      toVersionId: v.id,
      lines: diffLines(before, after).map((d) => {
        const l = (d.after ?? d.before)!;
        return {
          lineKey: d.lineKey,
          change: d.change,
          categoryCode: l.categoryCode,
          categoryLabel: labelOf(rules, l.categoryCode),
          partnerName: l.partnerName,
          description: l.description,
          beforeCents: d.before?.amountCents ?? null,
          afterCents: d.after?.amountCents ?? null,
        };
      }),
      categories: diffCategories(rules, before, after),
      totals: {
        beforeCents: before.reduce((s, l) => s + l.amountCents, 0),
        afterCents: after.reduce((s, l) => s + l.amountCents, 0),
      },
    };
  });
}
