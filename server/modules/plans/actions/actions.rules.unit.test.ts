import { describe, expect, it } from 'vitest';
import { comparePeriods, parsePeriod, periodWithin, progressOf, targetFor, totalsOf } from './actions.rules.js';

describe('periods', () => {
  it('reads years and semesters, and nothing else', () => {
    expect(parsePeriod('2025')).toEqual({ year: 2025, half: null });
    expect(parsePeriod('2025-S2')).toEqual({ year: 2025, half: 2 });
    expect(parsePeriod('2025-S3')).toBeNull();
    expect(parsePeriod('25')).toBeNull();
  });

  it('falls within the plan’s years, both ends included', () => {
    expect(periodWithin('2025-S1', 2025, 2027)).toBe(true);
    expect(periodWithin('2027', 2025, 2027)).toBe(true);
    expect(periodWithin('2024-S2', 2025, 2027)).toBe(false);
    expect(periodWithin('2028', 2025, 2027)).toBe(false);
  });

  it('orders by when they end: S1, S2, then the whole year', () => {
    expect(['2026', '2025', '2025-S2', '2026-S1', '2025-S1'].sort(comparePeriods)).toEqual([
      '2025-S1',
      '2025-S2',
      '2025',
      '2026-S1',
      '2026',
    ]);
  });
});

describe('targets and progress', () => {
  const targets = [
    { period: '2025', target: 200 },
    { period: '2026-S2', target: 500 },
  ];

  it('takes the period’s own target, else the year’s for a semester, else the second semester’s for a year', () => {
    expect(targetFor(targets, '2025')).toBe(200);
    expect(targetFor(targets, '2025-S1')).toBe(200);
    expect(targetFor(targets, '2026')).toBe(500);
    expect(targetFor(targets, '2026-S1')).toBeNull();
    expect(targetFor(targets, '2027')).toBeNull();
  });

  it('compares the latest value (by period, then reference date) with its target', () => {
    expect(progressOf(targets, [])).toBeNull();
    const p = progressOf(targets, [
      { period: '2025', referenceDate: '2025-12-31', value: 150, monitoringId: 'm1' },
      { period: '2026', referenceDate: '2026-12-31', value: 450, monitoringId: 'm3' },
      { period: '2026-S1', referenceDate: '2026-06-30', value: 300, monitoringId: 'm2' },
    ]);
    expect(p).toEqual({
      period: '2026',
      value: 450,
      target: 500,
      percent: 90,
      referenceDate: '2026-12-31',
      monitoringId: 'm3',
    });
    expect(
      progressOf(
        [{ period: '2025', target: 0 }],
        [{ period: '2025', referenceDate: '2025-12-31', value: 3, monitoringId: 'm' }],
      )?.percent,
    ).toBeNull();
    expect(
      progressOf([], [{ period: '2025', referenceDate: '2025-12-31', value: 3, monitoringId: 'm' }]),
    ).toMatchObject({
      target: null,
      percent: null,
    });
  });
});

describe('totals', () => {
  it('counts actions and budget by axis, by priority action and by both (budget missing counts as 0)', () => {
    const t = totalsOf([
      { axis: 'PREVENZIONE', priorityAction: 7, budgetCents: 1_250_050 },
      { axis: 'PREVENZIONE', priorityAction: 5, budgetCents: 100 },
      { axis: 'PROTEZIONE_ASSISTENZA', priorityAction: 5, budgetCents: null },
      { axis: 'PREVENZIONE', priorityAction: 7, budgetCents: 50 },
    ]);
    expect(t.all).toEqual({ actions: 4, budgetCents: 1_250_200 });
    expect(t.byAxis).toEqual([
      { axis: 'PREVENZIONE', actions: 3, budgetCents: 1_250_200 },
      { axis: 'VIGILANZA_CONTRASTO', actions: 0, budgetCents: 0 },
      { axis: 'PROTEZIONE_ASSISTENZA', actions: 1, budgetCents: 0 },
      { axis: 'REINTEGRAZIONE', actions: 0, budgetCents: 0 },
    ]);
    expect(t.byPriorityAction).toHaveLength(10);
    expect(t.byPriorityAction[4]).toEqual({ priorityAction: 5, actions: 2, budgetCents: 100 });
    expect(t.cells).toEqual([
      { axis: 'PREVENZIONE', priorityAction: 5, actions: 1, budgetCents: 100 },
      { axis: 'PREVENZIONE', priorityAction: 7, actions: 2, budgetCents: 1_250_100 },
      { axis: 'PROTEZIONE_ASSISTENZA', priorityAction: 5, actions: 1, budgetCents: 0 },
    ]);
    expect(totalsOf([]).all).toEqual({ actions: 0, budgetCents: 0 });
  });
});
