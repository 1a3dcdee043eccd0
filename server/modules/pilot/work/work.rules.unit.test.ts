/** The work list's rules: the tasks a day's case data calls for, the digest's text, the changes of an issue. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import { digestMessage, issueChanges, tasksDue } from './work.rules.js';
import type { Issue } from './work.schema.js';

const owner = { case_id: 'c1', comune_istat: '001272', owner_user_id: 'u1', pseudonym: 'TO-0001' };
const none = { permits: [], pais: [], closed: [], measures: [] };

describe('tasksDue', () => {
  it('reminds of a permit expiry with the latest reminder reached only', () => {
    const tasks = tasksDue('2026-05-15', {
      ...none,
      permits: [{ ...owner, permit_id: 'p1', expires_on: '2026-06-30' }],
    });
    expect(tasks).toEqual([
      {
        comuneIstat: '001272',
        assigneeUserId: 'u1',
        kind: 'permit_expiry',
        dueOn: '2026-05-01',
        caseId: 'c1',
        label: 'Permesso in scadenza il 2026-06-30 (TO-0001): 60 giorni',
        dedupeKey: 'permit:p1:2026-06-30:60',
      },
    ]);
  });

  it('asks for the follow-ups not yet recorded, from 14 days before they fall due', () => {
    const closed = [{ ...owner, closed_on: '2025-11-01', recorded: ['follow_up_6'] }];
    expect(tasksDue('2026-04-20', { ...none, closed })).toEqual([]);
    const tasks = tasksDue('2026-10-20', { ...none, closed });
    expect(tasks.map((t) => [t.kind, t.dueOn, t.dedupeKey])).toEqual([['follow_up', '2026-11-01', 'follow-up:c1:12']]);
  });

  it('flags a measure not started by its start date, and one started but past its end', () => {
    const m = { ...owner, type: 'formazione', end_on: '2026-04-30' };
    const tasks = tasksDue('2026-05-15', {
      ...none,
      measures: [
        { ...m, measure_id: 'm1', status: 'pianificata', start_on: '2026-05-01' },
        { ...m, measure_id: 'm2', status: 'avviata', start_on: '2026-03-01' },
      ],
    });
    expect(tasks.map((t) => [t.dueOn, t.label])).toEqual([
      ['2026-05-01', 'Misura formazione non avviata: inizio previsto il 2026-05-01 (TO-0001)'],
      ['2026-04-30', 'Misura formazione non conclusa: fine prevista il 2026-04-30 (TO-0001)'],
    ]);
  });
});

describe('digestMessage', () => {
  it('counts the tasks by kind, marks the overdue ones and links to InCaS', () => {
    const { subject, text } = digestMessage(
      [
        { user_id: 'u1', email: 'a@example.org', kind: 'pai_review', due_on: '2026-05-10', label: 'Revisione A' },
        { user_id: 'u1', email: 'a@example.org', kind: 'pai_review', due_on: '2026-05-16', label: 'Revisione B' },
      ],
      '2026-05-15',
      'https://incas.example.org//',
    );
    expect(subject).toBe('InCaS: 2 attività da svolgere / 2 tasks due');
    expect(text).toContain('Revisioni del PAI / PAI reviews: 2');
    expect(text).toContain('- 2026-05-10 (scaduta / overdue): Revisione A');
    expect(text).toContain('- 2026-05-16: Revisione B');
    expect(text).toContain('Open InCaS for the details: https://incas.example.org/\n');
  });
});

describe('issueChanges', () => {
  const issue = {
    status: 'aperta',
    correctiveAction: 'Formare il personale',
    owner: 'Ufficio',
    dueOn: '2026-06-01',
    resolution: null,
  } as unknown as Issue;

  it('keeps the fields whose value differs', () => {
    expect(issueChanges(issue, { status: 'in_corso', owner: 'Ufficio', dueOn: '2026-07-01' })).toEqual({
      status: 'in_corso',
      dueOn: '2026-07-01',
    });
  });

  it('refuses to resolve an issue without its resolution', () => {
    expect(() => issueChanges(issue, { status: 'risolta' })).toThrow(AppError);
    expect(issueChanges(issue, { status: 'chiusa', resolution: 'Fatto' })).toEqual({
      status: 'chiusa',
      resolution: 'Fatto',
    });
  });
});
