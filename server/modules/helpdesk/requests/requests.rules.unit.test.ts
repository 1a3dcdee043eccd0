import { describe, expect, it } from 'vitest';
import { canReopen, dueDates, missedDueDates, nextStatus, REOPEN_DAYS } from './requests.rules.js';
import { requestStatuses } from '../shared/vocabulary.js';

describe('due dates in Italian working days', () => {
  it('counts two working days for the first answer and ten for the resolution from a Monday', () => {
    // Monday 2 March 2026: Wednesday, then Monday 16 March
    expect(dueDates('2026-03-02', 'RENDICONTAZIONE', 'NORMALE')).toEqual({
      firstAnswerDue: '2026-03-04',
      resolutionDue: '2026-03-16',
    });
  });
  it('skips the weekend and the holidays (Friday before Easter; 25 April, 1 May)', () => {
    // Friday 3 April 2026, Easter Monday 6 April: two working days are Tuesday 7 and Wednesday 8
    expect(dueDates('2026-04-03', 'PLM', 'NORMALE').firstAnswerDue).toBe('2026-04-08');
    // Thursday 30 April 2026: 1 May (Friday) is a holiday, so one working day is Monday 4 May
    expect(dueDates('2026-04-30', 'PLM', 'ALTA').firstAnswerDue).toBe('2026-05-04');
  });
  it('gives urgent requests shorter and evaluation questions longer resolution times', () => {
    expect(dueDates('2026-03-02', 'PROGETTAZIONE', 'ALTA').resolutionDue).toBe('2026-03-09');
    expect(dueDates('2026-03-02', 'VALUTAZIONE', 'NORMALE').resolutionDue).toBe('2026-03-23');
  });
  it('crosses Christmas and the new year', () => {
    // Tuesday 23 December 2025: 24 (Wed), then 25–26 holidays, weekend, 29 (Mon)
    expect(dueDates('2025-12-23', 'ALTRO', 'NORMALE').firstAnswerDue).toBe('2025-12-29');
  });
});

describe('the state machine', () => {
  it('follows NUOVA → ASSEGNATA → IN_LAVORAZIONE ⇄ IN_ATTESA_COMUNE → RISOLTA → CHIUSA', () => {
    expect(nextStatus('NUOVA', 'assign')).toBe('ASSEGNATA');
    expect(nextStatus('ASSEGNATA', 'anci_reply')).toBe('IN_LAVORAZIONE');
    expect(nextStatus('IN_LAVORAZIONE', 'anci_ask')).toBe('IN_ATTESA_COMUNE');
    expect(nextStatus('IN_ATTESA_COMUNE', 'comune_reply')).toBe('IN_LAVORAZIONE');
    expect(nextStatus('IN_LAVORAZIONE', 'resolve')).toBe('RISOLTA');
    expect(nextStatus('RISOLTA', 'close')).toBe('CHIUSA');
    expect(nextStatus('CHIUSA', 'reopen')).toBe('IN_LAVORAZIONE');
    expect(nextStatus('RISOLTA', 'reopen')).toBe('IN_LAVORAZIONE');
  });
  it('keeps the state on a reassignment and on the Comune writing while the help desk works', () => {
    expect(nextStatus('IN_ATTESA_COMUNE', 'assign')).toBe('IN_ATTESA_COMUNE');
    expect(nextStatus('ASSEGNATA', 'comune_reply')).toBe('ASSEGNATA');
    expect(nextStatus('NUOVA', 'comune_reply')).toBe('NUOVA');
  });
  it('refuses what does not fit', () => {
    expect(nextStatus('NUOVA', 'resolve')).toBeNull();
    expect(nextStatus('NUOVA', 'close')).toBeNull();
    expect(nextStatus('IN_LAVORAZIONE', 'close')).toBeNull();
    expect(nextStatus('IN_LAVORAZIONE', 'reopen')).toBeNull();
    for (const done of ['RISOLTA', 'CHIUSA'] as const) {
      expect(nextStatus(done, 'assign')).toBeNull();
      expect(nextStatus(done, 'anci_reply')).toBeNull();
      expect(nextStatus(done, 'comune_reply')).toBeNull();
      expect(nextStatus(done, 'resolve')).toBeNull();
    }
    expect(nextStatus('CHIUSA', 'close')).toBeNull();
  });
  it('never leads outside the known states', () => {
    const actions = ['assign', 'anci_reply', 'anci_ask', 'comune_reply', 'resolve', 'close', 'reopen'] as const;
    for (const s of requestStatuses)
      for (const a of actions) {
        const to = nextStatus(s, a);
        if (to !== null) expect(requestStatuses).toContain(to);
      }
  });
});

describe('reopening and late requests', () => {
  it('allows reopening within the period after the resolution', () => {
    const resolved = new Date('2026-03-02T10:00:00Z');
    expect(canReopen(resolved, new Date(resolved.getTime() + REOPEN_DAYS * 86_400_000))).toBe(true);
    expect(canReopen(resolved, new Date(resolved.getTime() + REOPEN_DAYS * 86_400_000 + 1))).toBe(false);
    expect(canReopen(null, resolved)).toBe(false);
  });
  it('finds the missed due dates of an open request only, the first answer while none was given', () => {
    const r = {
      status: 'ASSEGNATA' as const,
      firstAnswerDue: '2026-03-04',
      resolutionDue: '2026-03-16',
      firstAnswerAt: null,
    };
    expect(missedDueDates(r, '2026-03-04')).toEqual([]);
    expect(missedDueDates(r, '2026-03-05')).toEqual([{ kind: 'PRIMA_RISPOSTA', dueDate: '2026-03-04' }]);
    expect(missedDueDates({ ...r, firstAnswerAt: new Date() }, '2026-03-05')).toEqual([]);
    expect(missedDueDates(r, '2026-03-17').map((m) => m.kind)).toEqual(['PRIMA_RISPOSTA', 'RISOLUZIONE']);
    expect(missedDueDates({ ...r, status: 'RISOLTA' }, '2026-03-17')).toEqual([]);
  });
});
