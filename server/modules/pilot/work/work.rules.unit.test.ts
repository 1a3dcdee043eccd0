/** The work list's rules: the tasks the data calls for, their words, the digest's text, the changes of an issue. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import { taskSentence, tasksDue, type TaskSources } from '../shared/tasks.rules.js';
import { digestMessage, issueChanges, taskLink, taskRolesOf } from './work.rules.js';
import type { DigestTask } from './work.repo.js';
import type { Issue } from './work.schema.js';

const ofCase = { case_id: 'c1', comune_istat: '001272', pseudonym: 'TO-0001' };
const none: TaskSources = {
  permits: [],
  reviews: [],
  closed: [],
  measures: [],
  shared: [],
  admissions: [],
  costs: [],
  budgets: [],
  referrals: [],
};

describe('tasksDue', () => {
  it('reminds of a permit expiry with the latest reminder reached only', () => {
    const tasks = tasksDue('2026-05-15', {
      ...none,
      permits: [{ ...ofCase, permit_id: 'p1', expires_on: '2026-06-30' }],
    });
    expect(tasks).toEqual([
      {
        comuneIstat: '001272',
        assignee: 'case_manager',
        kind: 'permit_expiry',
        dueOn: '2026-05-01',
        caseId: 'c1',
        params: { text: 'permit_expiry', expiresOn: '2026-06-30', days: 60, pseudonym: 'TO-0001' },
        dedupeKey: 'permit:p1:2026-06-30:60',
      },
    ]);
    expect(taskSentence('it', tasks[0]!.params)).toBe(
      'Il permesso di soggiorno di TO-0001 scade il 30/06/2026 (promemoria a 60 giorni): verificare il rinnovo',
    );
    expect(taskSentence('en', tasks[0]!.params)).toBe(
      "TO-0001's residence permit expires on 30 June 2026 (60-day reminder): check the renewal",
    );
  });

  it('asks for the follow-ups not yet recorded, from 14 days before they fall due', () => {
    const closed = [{ ...ofCase, closed_on: '2025-11-01', recorded: ['follow_up_6'] }];
    expect(tasksDue('2026-04-20', { ...none, closed })).toEqual([]);
    const tasks = tasksDue('2026-10-20', { ...none, closed });
    expect(tasks.map((t) => [t.kind, t.dueOn, t.dedupeKey])).toEqual([['follow_up', '2026-11-01', 'follow-up:c1:12']]);
  });

  it('flags a measure not started by its start date, and one started but past its end, in words', () => {
    const m = { ...ofCase, type: 'formazione' as const, end_on: '2026-04-30' };
    const tasks = tasksDue('2026-05-15', {
      ...none,
      measures: [
        { ...m, measure_id: 'm1', status: 'pianificata', start_on: '2026-05-01' },
        { ...m, measure_id: 'm2', status: 'avviata', start_on: '2026-03-01' },
      ],
    });
    expect(tasks.map((t) => [t.dueOn, taskSentence('it', t.params)])).toEqual([
      [
        '2026-05-01',
        'La misura «Formazione professionale» di TO-0001 non è ancora avviata: inizio previsto il 01/05/2026',
      ],
      [
        '2026-04-30',
        'La misura «Formazione professionale» di TO-0001 non è ancora conclusa: fine prevista il 30/04/2026',
      ],
    ]);
  });

  it("gives the referente the PAIs to approve and the admissions to decide, the amministrativo no person's name", () => {
    const tasks = tasksDue('2026-05-15', {
      ...none,
      shared: [{ ...ofCase, pai_id: 'a1', shared_on: '2026-05-10', updated_on: '2026-05-10' }],
      admissions: [{ ...ofCase, case_id: 'c2', opened_on: '2026-05-02' }],
      costs: [
        {
          measure_id: 'm1',
          case_id: 'c1',
          comune_istat: '001272',
          type: 'tirocinio',
          provider_name: 'Ente Esempio',
          start_on: '2026-03-01',
          end_on: '2026-04-30',
          cost_planned: 1234.5,
        },
      ],
      budgets: [
        { comune_istat: '001272', year: 2026, allocation: 10000, committed: 9500 },
        { comune_istat: '001272', year: 2027, allocation: null, committed: 0 },
      ],
    });
    expect(tasks.map((t) => [t.assignee, t.kind, t.dueOn])).toEqual([
      ['referente_comunale', 'pai_approval', '2026-05-17'],
      ['referente_comunale', 'admission_pending', '2026-05-16'],
      ['responsabile_amministrativo', 'measure_cost_missing', '2026-05-30'],
      ['responsabile_amministrativo', 'budget_low', '2026-05-15'],
      ['responsabile_amministrativo', 'allocation_missing', '2026-12-01'],
    ]);
    const [, , cost, low, allocation] = tasks.map((t) => taskSentence('it', t.params));
    expect(cost).toBe(
      'La misura «Tirocinio» (Ente Esempio) è conclusa dal 30/04/2026 senza costo effettivo (costo previsto 1.234,50\u00a0€)',
    );
    expect(low).toBe('Budget 2026: impegnato il 95% dello stanziamento (9.500,00\u00a0€ su 10.000,00\u00a0€)');
    expect(allocation).toContain('Manca lo stanziamento del Comune per il 2027');
    expect(tasks.slice(2).every((t) => t.params.pseudonym === undefined)).toBe(true);
  });

  it('asks the operatori and referenti to screen a referral within 7 days, naming its date and source, no person', () => {
    const [task, ...more] = tasksDue('2026-05-15', {
      ...none,
      referrals: [{ referral_id: 'r1', comune_istat: '001272', received_on: '2026-05-12', source: 'inl' }],
    });
    expect(more).toEqual([]);
    expect(task).toEqual({
      comuneIstat: '001272',
      assignee: 'operatori_referenti',
      kind: 'referral_screening',
      dueOn: '2026-05-19',
      caseId: null,
      referralId: 'r1',
      params: { text: 'referral_screening', receivedOn: '2026-05-12', source: 'inl' },
      dedupeKey: 'referral:r1',
    });
    expect(taskSentence('it', task!.params)).toBe(
      "Valutare la segnalazione ricevuta il 12/05/2026 (fonte: Ispettorato nazionale del lavoro): registrare l'esito dello screening o prendere in carico la persona",
    );
    expect(taskSentence('en', task!.params)).toContain('received on 12 May 2026 (source: ');
    expect(
      taskLink({ kind: 'referral_screening', assignee_role: 'operatori_referenti', case_id: null, params: {} }),
    ).toBe('/segnalazioni?outcome=in_screening');
  });

  it('gives the referral tasks to whoever may hold a case, and only to them', () => {
    expect(taskRolesOf(['operatore'])).toEqual(['operatori_referenti']);
    expect(taskRolesOf(['referente_comunale'])).toEqual(['referente_comunale', 'operatori_referenti']);
    expect(taskRolesOf(['responsabile_amministrativo'])).toEqual(['responsabile_amministrativo']);
  });
});

describe('digestMessage', () => {
  const task = (over: Partial<DigestTask>): DigestTask => ({
    id: 't1',
    comune_istat: '001272',
    assignee_role: 'case_manager',
    kind: 'pai_review',
    due_on: '2026-05-10',
    case_id: 'c1',
    label: '',
    params: { text: 'pai_review', reviewDueOn: '2026-05-10', pseudonym: 'TO-0001', paiId: 'a1' },
    status: 'aperto',
    user_id: 'u1',
    email: 'a@example.org',
    language: 'it',
    ...over,
  });

  it('counts the tasks by kind in words, dates them the Italian way and links where to act', () => {
    const { subject, text } = digestMessage(
      'it',
      [
        task({}),
        task({
          id: 't2',
          kind: 'permit_expiry',
          due_on: '2026-05-16',
          params: { text: 'permit_expiry', pseudonym: 'TO-0002', expiresOn: '2026-06-15', days: 30 },
        }),
      ],
      '2026-05-15',
      'https://incas.example.org//',
    );
    expect(subject).toBe('InCaS: 2 attività da svolgere');
    expect(text).toContain('Revisione del PAI: 1');
    expect(text).toContain('Permesso in scadenza: 1');
    expect(text).toContain('- entro il 10/05/2026 (scaduta): Rivedere il PAI di TO-0001 entro il 10/05/2026');
    expect(text).toContain('  Dove agire: https://incas.example.org/pai/a1');
    expect(text).toContain('- entro il 16/05/2026: Il permesso di soggiorno di TO-0002 scade il 15/06/2026');
    expect(text).toContain('Apra InCaS per i dettagli: https://incas.example.org/\n');
    expect(text).not.toMatch(/pai_review|permit_expiry|aperto|2026-05-10/);
  });

  it('writes to an English reader in English', () => {
    const { subject, text } = digestMessage('en', [task({})], '2026-05-15', 'https://incas.example.org');
    expect(subject).toBe('InCaS: 1 task to do');
    expect(text).toContain('PAI review: 1');
    expect(text).toContain('- due 10 May 2026 (overdue): Review the PAI of TO-0001 by 10 May 2026');
    expect(text).not.toContain('Buongiorno');
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
