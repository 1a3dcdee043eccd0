/** The dashboards' pure rules: elapsed share, quarters without a scheda, critical issues and deadlines at their edges. */
import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  deadlinesOf,
  elapsedShareBp,
  expectedCentsOf,
  issuesOf,
  missingQuarters,
  sortIssues,
  warningWordsIt,
} from './dashboards.rules.js';

describe('elapsedShareBp', () => {
  it('is 0 before the start, 10 000 from the last day on, and counts days inclusively', () => {
    expect(elapsedShareBp('2026-01-01', '2026-01-10', '2025-12-31')).toBe(0);
    expect(elapsedShareBp('2026-01-01', '2026-01-10', '2026-01-01')).toBe(1_000);
    expect(elapsedShareBp('2026-01-01', '2026-01-10', '2026-01-05')).toBe(5_000);
    expect(elapsedShareBp('2026-01-01', '2026-01-10', '2026-01-10')).toBe(10_000);
    expect(elapsedShareBp('2026-01-01', '2026-01-10', '2027-01-01')).toBe(10_000);
    expect(elapsedShareBp('2026-03-01', '2026-03-01', '2026-03-01')).toBe(10_000);
  });
  it('the expected spending is the plan times the share, rounded down to the cent', () => {
    expect(expectedCentsOf(12_000_000, 7_082)).toBe(8_498_400);
    expect(expectedCentsOf(333, 5_000)).toBe(166);
  });
  it('counts days across a change of daylight saving time and a leap year', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-06-01', '2026-03-01')).toBe(-92);
  });
});

describe('missingQuarters', () => {
  it('lists the quarters ended by today without a scheda sent, within the project', () => {
    const q = missingQuarters('2025-05-10', '2026-12-31', '2026-04-01', new Set(['2025-3']));
    expect(q.map((x) => `${x.year}-${x.quarter} ${x.endsOn}`)).toEqual([
      '2025-2 2025-06-30',
      '2025-4 2025-12-31',
      '2026-1 2026-03-31',
    ]);
  });
  it('a quarter ending today is not yet due; none after the project’s end', () => {
    expect(missingQuarters('2026-01-01', '2026-12-31', '2026-03-31', new Set())).toEqual([]);
    expect(missingQuarters('2025-01-01', '2025-03-15', '2026-06-01', new Set()).map((x) => x.quarter)).toEqual([1]);
  });
});

const project = { id: 'p', status: 'IN_CORSO', endDate: '2026-08-30', planCents: 10_000, spentCents: 4_999 };
const none = { overdueQueries: { count: 0, earliestDue: null }, waitingClaims: [], warnings: [] };

describe('issuesOf', () => {
  it('a claim waiting more than 60 days, not 60', () => {
    const i = issuesOf(
      {
        ...none,
        project: { ...project, endDate: '2027-12-31' },
        waitingClaims: [
          { id: 'a', claimNo: 1, ageDays: 60, cents: 1 },
          { id: 'b', claimNo: 2, ageDays: 61, cents: 2 },
        ],
      },
      '2026-06-01',
    );
    expect(i.map((x) => [x.kind, x.claimNo])).toEqual([['claim_waiting', 2]]);
  });
  it('ending within 90 days with less than half spent; not at half, not when closed, not after 90 days', () => {
    expect(issuesOf({ ...none, project }, '2026-06-01').map((x) => [x.kind, x.days, x.shareBp])).toEqual([
      ['ending_underspent', 90, 4_999],
    ]);
    expect(issuesOf({ ...none, project: { ...project, spentCents: 5_000 } }, '2026-06-01')).toEqual([]);
    expect(issuesOf({ ...none, project: { ...project, status: 'CONCLUSO' } }, '2026-06-01')).toEqual([]);
    expect(issuesOf({ ...none, project }, '2026-05-31')).toEqual([]);
    expect(issuesOf({ ...none, project }, '2026-08-31')).toEqual([]);
  });
  it('overdue queries and warnings; sorted by kind, the longest waiting first', () => {
    const i = issuesOf(
      {
        project: { ...project, endDate: '2027-12-31' },
        overdueQueries: { count: 2, earliestDue: '2026-05-01' },
        waitingClaims: [
          { id: 'a', claimNo: 1, ageDays: 70, cents: 1 },
          { id: 'b', claimNo: 2, ageDays: 90, cents: 2 },
        ],
        warnings: [{ code: 'codice_nuovo', count: 3, cents: 300 }],
      },
      '2026-06-01',
    );
    expect(sortIssues(i).map((x) => [x.kind, x.claimNo ?? x.code, x.days])).toEqual([
      ['claim_waiting', 2, 90],
      ['claim_waiting', 1, 70],
      ['query_overdue', null, 31],
      ['expense_warning', 'codice_nuovo', null],
    ]);
    expect(warningWordsIt('codice_nuovo')).toBe('Avviso: codice_nuovo');
    expect(warningWordsIt('quietanza_mancante')).toBe('Quietanza di pagamento mancante');
  });
});

describe('deadlinesOf', () => {
  it('earliest first; a closed project has only its open queries', () => {
    const d = {
      project: { status: 'IN_CORSO', startDate: '2026-01-01', endDate: '2026-12-31' },
      integrationClaims: [{ id: 'c', claimNo: 3, since: '2026-05-20' }],
      openQueries: [{ id: 'q', subject: 'Chiarimento', dueOn: '2026-06-10' }],
      submittedQuarters: new Set<string>(),
    };
    expect(deadlinesOf(d, '2026-06-01').map((x) => [x.kind, x.date, x.overdue])).toEqual([
      ['monitoring_missing', '2026-03-31', true],
      ['claim_integrations', '2026-05-20', false],
      ['query_due', '2026-06-10', false],
      ['project_end', '2026-12-31', false],
    ]);
    expect(
      deadlinesOf({ ...d, project: { ...d.project, status: 'CONCLUSO' } }, '2026-06-11').map((x) => [
        x.kind,
        x.overdue,
      ]),
    ).toEqual([
      ['claim_integrations', false],
      ['query_due', true],
    ]);
  });
});
