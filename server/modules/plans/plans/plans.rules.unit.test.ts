/** The plan's pure rules: the steps and their conditions, and what changed between two snapshots. */
import { describe, expect, it } from 'vitest';
import { checkStep, diffSnapshots, normaliseSnapshot, type PlanSnapshot, type SnapshotAction } from './plans.rules.js';

const action = (code: string, over: Partial<SnapshotAction> = {}): SnapshotAction => ({
  code,
  title: `Azione ${code}`,
  description: null,
  axis: 'PREVENZIONE',
  priorityAction: 7,
  leadOrganisation: 'ASL (demo)',
  budgetCents: 1_000_000,
  fundingSource: 'FNPM',
  projectId: null,
  status: 'PROGRAMMATA',
  startDate: '2024-01-01',
  endDate: null,
  partners: [],
  indicators: [],
  ...over,
});

const snapshot = (actions: SnapshotAction[], header: Partial<PlanSnapshot['header']> = {}): PlanSnapshot => ({
  header: {
    title: 'Piano locale',
    periodFrom: 2023,
    periodTo: 2025,
    summary: null,
    adoptionOrgan: 'GIUNTA',
    adoptionNumber: '12',
    adoptionDate: '2023-03-01',
    ...header,
  },
  actions,
});

describe('the steps of a plan', () => {
  const facts = {
    adoption: { organ: 'GIUNTA', number: '12', date: '2025-01-10' },
    actions: 2,
    monitorings: 0,
    today: '2025-02-01',
  };
  it('allows only the steps of planTransitions, naming them', () => {
    expect(checkStep('AVVIO', 'BOZZA', facts).refusal).toEqual({ code: 'plans.state', allowed: ['ANALISI_CONTESTO'] });
    expect(checkStep('AVVIO', 'ANALISI_CONTESTO', facts)).toEqual({ refusal: null, freezes: null });
    expect(checkStep('ADOTTATO', 'BOZZA', facts).refusal?.code).toBe('plans.state');
  });
  it('adopts with the act (date not in the future) and an action, freezing version 1', () => {
    expect(checkStep('BOZZA', 'ADOTTATO', facts)).toEqual({ refusal: null, freezes: 'ADOZIONE' });
    const noAct = { ...facts, adoption: { organ: null, number: null, date: null } };
    expect(checkStep('BOZZA', 'ADOTTATO', noAct).refusal?.code).toBe('plans.plans.adoption_missing');
    const future = { ...facts, adoption: { ...facts.adoption, date: '2025-02-02' } };
    expect(checkStep('BOZZA', 'ADOTTATO', future).refusal?.code).toBe('plans.plans.adoption_missing');
    expect(checkStep('BOZZA', 'ADOTTATO', { ...facts, actions: 0 }).refusal?.code).toBe('plans.plans.no_actions');
  });
  it('is monitored after a monitoring; an update freezes a version', () => {
    expect(checkStep('IN_ATTUAZIONE', 'MONITORATO', facts).refusal?.code).toBe('plans.plans.no_monitoring');
    expect(checkStep('IN_ATTUAZIONE', 'MONITORATO', { ...facts, monitorings: 1 }).refusal).toBeNull();
    expect(checkStep('MONITORATO', 'AGGIORNATO', facts)).toEqual({ refusal: null, freezes: 'AGGIORNAMENTO' });
  });
});

describe('what changed between two snapshots', () => {
  it('finds nothing between equal snapshots', () => {
    const s = snapshot([action('A1'), action('A2')]);
    expect(diffSnapshots(s, structuredClone(s))).toEqual({ header: [], actions: [] });
  });

  it('lists header fields, actions added and removed, and changed fields', () => {
    const before = snapshot([action('A1'), action('A2')]);
    const after = snapshot(
      [action('A1', { budgetCents: 1_250_000, status: 'AVVIATA' }), action('A3', { title: 'Foresteria comunale' })],
      { title: 'Piano locale aggiornato', periodTo: 2026 },
    );
    const d = diffSnapshots(before, after);
    expect(d.header).toEqual([
      { field: 'title', period: null, before: 'Piano locale', after: 'Piano locale aggiornato' },
      { field: 'periodTo', period: null, before: 2025, after: 2026 },
    ]);
    expect(d.actions.map((a) => [a.code, a.change])).toEqual([
      ['A1', 'CHANGED'],
      ['A3', 'ADDED'],
      ['A2', 'REMOVED'],
    ]);
    expect(d.actions[0]!.fields).toEqual([
      { field: 'budgetCents', period: null, before: 1_000_000, after: 1_250_000 },
      { field: 'status', period: null, before: 'PROGRAMMATA', after: 'AVVIATA' },
    ]);
    expect(d.actions[1]!.title).toBe('Foresteria comunale');
  });

  it('compares partners by organisation and indicators by name with their targets', () => {
    const before = snapshot([
      action('A1', {
        partners: [
          { organisationId: 'o1', name: 'CPI (demo)', role: 'PARTNER' },
          { organisationId: 'o2', name: 'Sindacato (demo)', role: 'PARTNER' },
        ],
        indicators: [
          { name: 'Lavoratori raggiunti', unit: 'persone', baseline: 0, targets: { '2024': 100, '2025': 150 } },
          { name: 'Sportelli aperti', unit: 'sportelli', baseline: null, targets: {} },
        ],
      }),
    ]);
    const after = snapshot([
      action('A1', {
        partners: [
          { organisationId: 'o1', name: 'CPI (demo)', role: 'ATTUATORE' },
          { organisationId: 'o3', name: 'ASL (demo)', role: 'PARTNER' },
        ],
        indicators: [
          {
            name: 'Lavoratori raggiunti',
            unit: 'persone',
            baseline: 0,
            targets: { '2024': 100, '2025': 200, '2026': 250 },
          },
          { name: 'Corsi svolti', unit: 'corsi', baseline: null, targets: { '2025': 4 } },
        ],
      }),
    ]);
    const [a] = diffSnapshots(before, after).actions;
    expect(a!.fields).toEqual([]);
    expect(a!.partners).toEqual([
      { name: 'CPI (demo)', change: 'CHANGED', before: 'PARTNER', after: 'ATTUATORE' },
      { name: 'ASL (demo)', change: 'ADDED', before: null, after: 'PARTNER' },
      { name: 'Sindacato (demo)', change: 'REMOVED', before: 'PARTNER', after: null },
    ]);
    expect(a!.indicators).toEqual([
      {
        name: 'Lavoratori raggiunti',
        change: 'CHANGED',
        fields: [
          { field: 'target', period: '2025', before: 150, after: 200 },
          { field: 'target', period: '2026', before: null, after: 250 },
        ],
      },
      { name: 'Corsi svolti', change: 'ADDED', fields: [] },
      { name: 'Sportelli aperti', change: 'REMOVED', fields: [] },
    ]);
  });

  it('reads a partial snapshot as empty parts', () => {
    expect(normaliseSnapshot({ actions: [{ code: 'A1' }] }).actions[0]).toMatchObject({ code: 'A1', partners: [] });
    const d = diffSnapshots({ actions: [{ code: 'A1', title: 'x' }] }, snapshot([]));
    expect(d.actions).toEqual([
      { code: 'A1', title: 'x', change: 'REMOVED', fields: [], partners: [], indicators: [] },
    ]);
  });
});
