/**
 * The pure rules of a Comune's plan: which step may follow which and what it needs (the adoption
 * act and an action to adopt, a monitoring to be monitored), and what changed between two frozen
 * snapshots of the plan (header, actions field by field, partners, indicators and their targets).
 * No I/O.
 */
import type { z } from 'zod';
import { planTransitions, type PlanStatus } from '../shared/vocabulary.js';
import type { planChangesSchema, planSnapshotSchema, snapshotActionSchema } from './plans.schema.js';

export type PlanSnapshot = z.infer<typeof planSnapshotSchema>;
export type SnapshotAction = z.infer<typeof snapshotActionSchema>;
export type PlanChanges = Omit<z.infer<typeof planChangesSchema>, 'from' | 'to'>;
type FieldChange = PlanChanges['header'][number];
type Value = string | number | null;

/** The steps the plan may take from its state. */
export function allowedSteps(status: PlanStatus): PlanStatus[] {
  return [...planTransitions[status]];
}

export interface StepFacts {
  adoption: { organ: string | null; number: string | null; date: string | null };
  actions: number;
  monitorings: number;
  today: string;
}

export type StepRefusal =
  | { code: 'plans.state'; allowed: PlanStatus[] }
  | { code: 'plans.plans.adoption_missing' }
  | { code: 'plans.plans.no_actions' }
  | { code: 'plans.plans.no_monitoring' };

/** Why the plan may not go from `from` to `to` (null: it may), and whether the step freezes a version. */
export function checkStep(
  from: PlanStatus,
  to: PlanStatus,
  facts: StepFacts,
): { refusal: StepRefusal | null; freezes: 'ADOZIONE' | 'AGGIORNAMENTO' | null } {
  const allowed = allowedSteps(from);
  if (!allowed.includes(to)) return { refusal: { code: 'plans.state', allowed }, freezes: null };
  if (to === 'ADOTTATO') {
    const a = facts.adoption;
    if (!a.organ || !a.number || !a.date || a.date > facts.today)
      return { refusal: { code: 'plans.plans.adoption_missing' }, freezes: null };
    if (facts.actions < 1) return { refusal: { code: 'plans.plans.no_actions' }, freezes: null };
    return { refusal: null, freezes: 'ADOZIONE' };
  }
  if (to === 'MONITORATO' && facts.monitorings < 1)
    return { refusal: { code: 'plans.plans.no_monitoring' }, freezes: null };
  if (to === 'AGGIORNATO') return { refusal: null, freezes: 'AGGIORNAMENTO' };
  return { refusal: null, freezes: null };
}

/** When the adoption act may be changed: until the plan is adopted (then it is part of version 1). */
export const adoptionEditableIn: readonly PlanStatus[] = ['AVVIO', 'ANALISI_CONTESTO', 'TAVOLI_TEMATICI', 'BOZZA'];

const asValue = (v: unknown): Value =>
  v === undefined || v === null ? null : typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v);

function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[]) {
  const out: FieldChange[] = [];
  for (const field of fields) {
    const b = asValue(before[field]);
    const a = asValue(after[field]);
    if (b !== a) out.push({ field, period: null, before: b, after: a });
  }
  return out;
}

const HEADER_FIELDS = [
  'title',
  'periodFrom',
  'periodTo',
  'summary',
  'adoptionOrgan',
  'adoptionNumber',
  'adoptionDate',
] as const;
const ACTION_FIELDS = [
  'title',
  'description',
  'axis',
  'priorityAction',
  'leadOrganisation',
  'budgetCents',
  'fundingSource',
  'projectId',
  'status',
  'startDate',
  'endDate',
] as const;

/** A snapshot as stored, made whole: a version written by another hand may lack parts. */
export function normaliseSnapshot(raw: unknown): PlanSnapshot {
  const s = (raw ?? {}) as { header?: Partial<PlanSnapshot['header']>; actions?: unknown };
  const h: Partial<PlanSnapshot['header']> = s.header ?? {};
  return {
    header: {
      title: h.title ?? '',
      periodFrom: h.periodFrom ?? 0,
      periodTo: h.periodTo ?? 0,
      summary: h.summary ?? null,
      adoptionOrgan: h.adoptionOrgan ?? null,
      adoptionNumber: h.adoptionNumber ?? null,
      adoptionDate: h.adoptionDate ?? null,
    },
    actions: (Array.isArray(s.actions) ? (s.actions as Partial<SnapshotAction>[]) : []).map((a) => ({
      code: String(a.code ?? ''),
      title: a.title ?? '',
      description: a.description ?? null,
      axis: a.axis ?? '',
      priorityAction: a.priorityAction ?? 0,
      leadOrganisation: a.leadOrganisation ?? null,
      budgetCents: a.budgetCents ?? null,
      fundingSource: a.fundingSource ?? null,
      projectId: a.projectId ?? null,
      status: a.status ?? '',
      startDate: a.startDate ?? null,
      endDate: a.endDate ?? null,
      partners: Array.isArray(a.partners) ? a.partners : [],
      indicators: Array.isArray(a.indicators) ? a.indicators : [],
    })),
  };
}

function partnerChanges(before: SnapshotAction['partners'], after: SnapshotAction['partners']) {
  const out: PlanChanges['actions'][number]['partners'] = [];
  const b = new Map(before.map((p) => [p.organisationId, p]));
  const a = new Map(after.map((p) => [p.organisationId, p]));
  for (const [id, p] of a) {
    const old = b.get(id);
    if (!old) out.push({ name: p.name, change: 'ADDED', before: null, after: p.role });
    else if (old.role !== p.role) out.push({ name: p.name, change: 'CHANGED', before: old.role, after: p.role });
  }
  for (const [id, p] of b) if (!a.has(id)) out.push({ name: p.name, change: 'REMOVED', before: p.role, after: null });
  return out;
}

function indicatorChanges(before: SnapshotAction['indicators'], after: SnapshotAction['indicators']) {
  const out: PlanChanges['actions'][number]['indicators'] = [];
  const b = new Map(before.map((i) => [i.name, i]));
  const a = new Map(after.map((i) => [i.name, i]));
  for (const [name, i] of a) {
    const old = b.get(name);
    if (!old) {
      out.push({ name, change: 'ADDED', fields: [] });
      continue;
    }
    const fields = fieldChanges(old, i, ['unit', 'baseline']);
    const periods = [...new Set([...Object.keys(old.targets ?? {}), ...Object.keys(i.targets ?? {})])].sort();
    for (const period of periods) {
      const tb = old.targets?.[period] ?? null;
      const ta = i.targets?.[period] ?? null;
      if (tb !== ta) fields.push({ field: 'target', period, before: tb, after: ta });
    }
    if (fields.length) out.push({ name, change: 'CHANGED', fields });
  }
  for (const name of b.keys()) if (!a.has(name)) out.push({ name, change: 'REMOVED', fields: [] });
  return out;
}

/**
 * What changed from `before` to `after`: the header's fields, then the actions by code (added,
 * removed, or changed field by field with their partners and indicators), in the order of
 * `after` (removed ones last).
 */
export function diffSnapshots(beforeRaw: unknown, afterRaw: unknown): PlanChanges {
  const before = normaliseSnapshot(beforeRaw);
  const after = normaliseSnapshot(afterRaw);
  const header = fieldChanges(before.header, after.header, HEADER_FIELDS);
  const actions: PlanChanges['actions'] = [];
  const old = new Map(before.actions.map((a) => [a.code, a]));
  const now = new Set(after.actions.map((a) => a.code));
  for (const a of after.actions) {
    const b = old.get(a.code);
    if (!b) {
      actions.push({ code: a.code, title: a.title, change: 'ADDED', fields: [], partners: [], indicators: [] });
      continue;
    }
    const fields = fieldChanges(b, a, ACTION_FIELDS);
    const partners = partnerChanges(b.partners, a.partners);
    const indicators = indicatorChanges(b.indicators, a.indicators);
    if (fields.length || partners.length || indicators.length)
      actions.push({ code: a.code, title: a.title, change: 'CHANGED', fields, partners, indicators });
  }
  for (const b of before.actions)
    if (!now.has(b.code))
      actions.push({ code: b.code, title: b.title, change: 'REMOVED', fields: [], partners: [], indicators: [] });
  return { header, actions };
}
