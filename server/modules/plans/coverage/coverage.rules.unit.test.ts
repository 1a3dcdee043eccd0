/** The coverage's pure rules: a row from the query's counts, the totals, the uncovered priority actions, the map's categories. */
import { describe, expect, it } from 'vitest';
import {
  countIndex,
  covers,
  mapCategoryOf,
  rowOf,
  statusGroupOf,
  statusesOfGroup,
  totalsOf,
  uncoveredOf,
  type CoverageSource,
} from './coverage.rules.js';

function source(o: Partial<CoverageSource> & { set?: [number, string, number][]; axisCounts?: number[] }): CoverageSource {
  const counts = Array.from({ length: 60 }, () => 0);
  for (const [p, s, n] of o.set ?? [])
    counts[countIndex(p as 1, s as 'PROGRAMMATA')] = n;
  return {
    planId: o.planId ?? 'p',
    title: 'Piano',
    periodFrom: 2025,
    periodTo: 2027,
    status: o.status ?? 'BOZZA',
    comuneIstat: o.comuneIstat ?? '001001',
    comuneName: o.comuneName ?? 'Comune di prova',
    provinceCode: '001',
    provinceName: 'Provincia',
    provinceSigla: 'PR',
    regionCode: o.regionCode ?? '01',
    regionName: 'Regione',
    band: 'lt15k',
    counts,
    axisCounts: o.axisCounts ?? [0, 0, 0, 0],
  };
}

describe('coverage rules', () => {
  it('status groups: adopted from ADOTTATO on, in preparation before', () => {
    expect(['AVVIO', 'BOZZA', 'ADOTTATO', 'AGGIORNATO'].map(statusGroupOf)).toEqual([
      'preparation',
      'preparation',
      'adopted',
      'adopted',
    ]);
    expect(statusesOfGroup('preparation')).toEqual(['AVVIO', 'ANALISI_CONTESTO', 'TAVOLI_TEMATICI', 'BOZZA']);
    expect(statusesOfGroup('adopted')).toEqual(['ADOTTATO', 'IN_ATTUAZIONE', 'MONITORATO', 'AGGIORNATO']);
  });

  it('the flat counts: priority action × state, 6 states a priority action', () => {
    expect(countIndex(1, 'PROGRAMMATA')).toBe(0);
    expect(countIndex(1, 'ANNULLATA')).toBe(5);
    expect(countIndex(10, 'COMPLETATA')).toBe(57);
  });

  it('a row sums its states per priority action and its priority actions', () => {
    const r = rowOf(
      source({
        status: 'IN_ATTUAZIONE',
        set: [
          [1, 'PROGRAMMATA', 2],
          [1, 'COMPLETATA', 1],
          [10, 'SOSPESA', 4],
        ],
        axisCounts: [3, 0, 0, 4],
      }),
    );
    expect(r.adopted).toBe(true);
    expect(r.actions).toBe(7);
    expect(r.priorityActions).toEqual([3, 0, 0, 0, 0, 0, 0, 0, 0, 4]);
    expect(r.priorityActionStatuses[0]).toEqual([2, 0, 0, 1, 0, 0]);
    expect(r.priorityActionStatuses[9]).toEqual([0, 0, 0, 0, 4, 0]);
    expect(r.axes).toEqual([3, 0, 0, 4]);
    expect(covers(r, { priorityAction: 10 })).toBe(true);
    expect(covers(r, { priorityAction: 2 })).toBe(false);
    expect(covers(r, { axis: 'VIGILANZA_CONTRASTO' })).toBe(false);
    expect(covers(r, { axis: 'PREVENZIONE', priorityAction: 1 })).toBe(true);
    expect(covers(r, {})).toBe(true);
    expect(mapCategoryOf(r, {})).toBe('adopted');
    expect(mapCategoryOf(r, { priorityAction: 2 })).toBe('not_covered');
    expect(mapCategoryOf(r, { axis: 'REINTEGRAZIONE' })).toBe('covered');
  });

  it('totals: actions and Comuni covering, per priority action and axis', () => {
    const rows = [
      rowOf(source({ status: 'ADOTTATO', set: [[1, 'PROGRAMMATA', 2]], axisCounts: [2, 0, 0, 0] })),
      rowOf(source({ set: [[1, 'AVVIATA', 1], [8, 'IN_CORSO', 1]], axisCounts: [1, 1, 0, 0] })),
      rowOf(source({})),
    ];
    const t = totalsOf(rows);
    expect(t).toMatchObject({ comuni: 3, adopted: 1, preparation: 2, actions: 4 });
    expect(t.priorityActions[0]).toEqual({
      priorityAction: 1,
      axis: 'PREVENZIONE',
      actions: 3,
      statuses: [2, 1, 0, 0, 0, 0],
      comuni: 2,
    });
    expect(t.priorityActions[7]).toMatchObject({ axis: 'VIGILANZA_CONTRASTO', actions: 1, comuni: 1 });
    expect(t.axes[0]).toEqual({ axis: 'PREVENZIONE', actions: 3, comuni: 2 });
    expect(totalsOf([])).toMatchObject({ comuni: 0, actions: 0 });
  });

  it('uncovered: per Region given, in its order; a Region with no plan has all ten', () => {
    const rows = [
      rowOf(source({ regionCode: '01', set: [[1, 'PROGRAMMATA', 1], [5, 'PROGRAMMATA', 2]] })),
      rowOf(source({ regionCode: '01', set: [[1, 'COMPLETATA', 1]] })),
      rowOf(source({ regionCode: '18', set: [[10, 'PROGRAMMATA', 1]] })),
    ];
    const u = uncoveredOf(
      [
        { code: '01', name: 'Piemonte' },
        { code: '12', name: 'Lazio' },
      ],
      rows,
    );
    expect(u.map((r) => r.code)).toEqual(['01', '12']);
    expect(u[0]).toEqual({
      code: '01',
      name: 'Piemonte',
      comuni: 2,
      uncovered: [2, 3, 4, 6, 7, 8, 9, 10],
      covered: [
        { priorityAction: 1, comuni: 2 },
        { priorityAction: 5, comuni: 1 },
      ],
    });
    expect(u[1]).toMatchObject({ comuni: 0, uncovered: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], covered: [] });
  });
});
