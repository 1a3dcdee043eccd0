import { describe, expect, it } from 'vitest';
import {
  addYears,
  canEditPlace,
  compareWorkItems,
  daysBetween,
  daysOverdue,
  dueDateProblem,
  meetingDateProblem,
} from './networks.rules.js';

const actor = (
  level: 'comune' | 'regione' | 'national' | 'platform',
  roles: string[],
  comune: string | null,
  region: string | null,
) => ({
  roles,
  scope: { level, comuneIstat: comune, regionCode: region },
});

describe('who edits a place', () => {
  const comuneOfPiemonte = { comune: '004003', region: '01' };
  const piemonte = { comune: null, region: '01' };
  const lazio = { comune: null, region: '12' };
  it('a Comune its own only, never its Region’s', () => {
    const a = actor('comune', ['referente_comunale'], '004003', null);
    expect(canEditPlace(a, comuneOfPiemonte)).toBe(true);
    expect(canEditPlace(a, { comune: '004004', region: '01' })).toBe(false);
    expect(canEditPlace(a, piemonte)).toBe(false);
  });
  it('a Regione its Region and its Comuni; a regional ANCI branch its Region’s own', () => {
    expect(canEditPlace(actor('regione', ['regione'], null, '01'), comuneOfPiemonte)).toBe(true);
    expect(canEditPlace(actor('regione', ['regione'], null, '01'), piemonte)).toBe(true);
    expect(canEditPlace(actor('regione', ['regione'], null, '01'), lazio)).toBe(false);
    expect(canEditPlace(actor('regione', ['assistenza_tecnica'], null, '01'), piemonte)).toBe(true);
    expect(canEditPlace(actor('regione', ['assistenza_tecnica'], null, '01'), comuneOfPiemonte)).toBe(false);
    expect(canEditPlace(actor('regione', ['assistenza_tecnica'], null, '01'), lazio)).toBe(false);
  });
  it('ANCI/Cittalia national any; MLPS and the platform none', () => {
    expect(canEditPlace(actor('national', ['assistenza_tecnica'], null, null), lazio)).toBe(true);
    expect(canEditPlace(actor('national', ['assistenza_tecnica'], null, null), comuneOfPiemonte)).toBe(true);
    expect(canEditPlace(actor('national', ['mlps'], null, null), lazio)).toBe(false);
    expect(canEditPlace(actor('platform', ['amministratore'], null, null), lazio)).toBe(false);
  });
});

describe('dates', () => {
  it('counts days and adds years', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBetween('2026-03-29', '2026-03-30')).toBe(1);
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2026-03-10', 5)).toBe('2031-03-10');
  });
  it('a meeting from 2015 to one year ahead', () => {
    expect(meetingDateProblem('2014-12-31', '2026-03-10')).not.toBeNull();
    expect(meetingDateProblem('2015-01-01', '2026-03-10')).toBeNull();
    expect(meetingDateProblem('2027-03-10', '2026-03-10')).toBeNull();
    expect(meetingDateProblem('2027-03-11', '2026-03-10')).not.toBeNull();
  });
  it('a due date from the meeting to five years after', () => {
    expect(dueDateProblem('2026-03-09', '2026-03-10')).not.toBeNull();
    expect(dueDateProblem('2026-03-10', '2026-03-10')).toBeNull();
    expect(dueDateProblem('2031-03-11', '2026-03-10')).not.toBeNull();
  });
  it('days overdue only for an open follow-up past its date', () => {
    expect(daysOverdue({ status: 'APERTO', dueDate: '2026-03-01' }, '2026-03-10')).toBe(9);
    expect(daysOverdue({ status: 'APERTO', dueDate: '2026-03-10' }, '2026-03-10')).toBeNull();
    expect(daysOverdue({ status: 'FATTO', dueDate: '2026-03-01' }, '2026-03-10')).toBeNull();
    expect(daysOverdue({ status: 'APERTO', dueDate: null }, '2026-03-10')).toBeNull();
  });
});

describe('the work list order', () => {
  it('overdue first (the most late first), then by due date, none last', () => {
    const items = [
      { id: 'none', daysOverdue: null, dueDate: null, heldOn: '2026-01-01' },
      { id: 'soon', daysOverdue: null, dueDate: '2026-04-01', heldOn: '2026-01-01' },
      { id: 'late2', daysOverdue: 2, dueDate: '2026-03-08', heldOn: '2026-01-01' },
      { id: 'late9', daysOverdue: 9, dueDate: '2026-03-01', heldOn: '2026-01-01' },
      { id: 'sooner', daysOverdue: null, dueDate: '2026-03-20', heldOn: '2026-01-01' },
    ];
    expect(items.sort(compareWorkItems).map((i) => i.id)).toEqual(['late9', 'late2', 'sooner', 'soon', 'none']);
  });
});
