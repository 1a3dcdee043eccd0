/**
 * The work list kept in line with the data (decision 0027): computed at start without the nightly
 * run, on every change that creates or ends a task, with the referente's approvals and admissions
 * and the responsabile amministrativo's tasks; the digest in words, Italian dates, the user's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/context.js';
import { startJobs } from '../../../platform/jobs.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { makeUser, TEST_PASSWORD, type TestUser } from '../../../../tests/support/factories.js';
import { makeCase, makePilotComune, type PilotComune } from '../../../../tests/support/pilot-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { plainText as plain, startSmtp, type TestSmtp } from '../../../../tests/support/smtp.js';
import { refreshTasksJob } from '../shared/tasks.js';
import { pilotJobs } from './jobs.js';

type Task = Schema<'PilotTask'>;
type TaskPage = Schema<'PilotTaskPage'>;
type Pai = Schema<'PilotPaiDetail'>;

const PUBLIC_URL = 'https://incas.esempio.it';
let smtp: TestSmtp;
let t: TestApp;
let ctx: Ctx;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await startTestApp({ INCAS_SMTP_URL: smtp.url, INCAS_PUBLIC_URL: PUBLIC_URL });
  ctx = {
    actor: null,
    db: t.db,
    clock: t.clock,
    log: t.app.log,
    config: t.config,
    cipher: t.cipher,
    requestId: 'test',
    ip: '',
  };
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function as(user: TestUser): Promise<Agent> {
  const a = new Agent(t.app);
  expect((await a.login(user.email, TEST_PASSWORD)).status).toBe(200);
  return a;
}

/** The open tasks `agent` reads, in `lang`. */
async function openTasks(agent: Agent, lang: 'it' | 'en' = 'it'): Promise<Task[]> {
  const res = await agent.get<TaskPage>(`/api/v1/pilot/tasks?status=aperto&pageSize=100&lang=${lang}`);
  expect(res.status).toBe(200);
  return res.body.items;
}

const kinds = (tasks: Task[]) => tasks.map((x) => x.kind).sort();

async function setPermitExpiry(holderId: string, expiresOn: string): Promise<void> {
  await t.db.ownerTx((tx) =>
    tx.query('UPDATE pilot_permits SET expires_on = $2 WHERE person_id = $1', [holderId, expiresOn]),
  );
}

async function allocate(istat: string, year: number, allocation: number): Promise<void> {
  await t.db.ownerTx((tx) =>
    tx.query(
      `INSERT INTO pilot_budgets (comune_istat, year, allocation, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (comune_istat, year) DO UPDATE SET allocation = EXCLUDED.allocation`,
      [istat, year, allocation],
    ),
  );
}

/** A PAI drafted by the operatore on a fresh admitted case, with one measure, shared with the person. */
async function sharedPai(comune: PilotComune, op: Agent, cost = 800): Promise<{ pai: Pai; measureId: string }> {
  const kase = await makeCase(t.db, t.cipher, { comune, status: 'ammesso_misure' });
  const pai = await op.post<Pai>(`/api/v1/pilot/cases/${kase.caseId}/pais`, {
    personId: kase.holderId,
    needs: { education: 'secondaria_inferiore', skills: [], languages: [], workHistory: [], notes: '' },
    objectives: ['Raggiungere il livello A2 di italiano'],
  });
  expect(pai.status).toBe(201);
  const measure = await op.post<{ id: string }>(`/api/v1/pilot/pais/${pai.body.id}/measures`, {
    type: 'corso_italiano',
    providerName: 'CPIA di prova',
    startOn: '2026-06-15',
    hoursPlanned: 120,
    costPlanned: cost,
  });
  expect(measure.status).toBe(201);
  const shared = await op.post(`/api/v1/pilot/pais/${pai.body.id}/transitions`, {
    to: 'condiviso',
    on: '2026-06-01',
    noticeLanguage: 'pa',
  });
  expect(shared.status).toBe(200);
  return { pai: pai.body, measureId: measure.body.id };
}

describe('the work list at start', () => {
  it('is there right after two instances start together, before any nightly run, each task once', async () => {
    // 2026-06-01: three permits expiring within 30, 60 and 90 days, a person waiting for admission
    const C = await makePilotComune(t.db);
    const expiries = ['2026-06-20', '2026-07-25', '2026-08-28'];
    const cases = [];
    for (const expiresOn of expiries) {
      const kase = await makeCase(t.db, t.cipher, { comune: C, status: 'ammesso_misure' });
      await setPermitExpiry(kase.holderId, expiresOn);
      cases.push(kase);
    }
    const waiting = await makeCase(t.db, t.cipher, { comune: C, status: 'aperto' });
    const op = await as(C.operatore);
    const ref = await as(C.referente);
    expect(await openTasks(op)).toEqual([]);

    const deps = { db: t.db, config: t.config, log: t.app.log, cipher: t.cipher, clock: t.clock };
    const started = Date.now();
    const instances = await Promise.all([startJobs(deps, [refreshTasksJob]), startJobs(deps, [refreshTasksJob])]);
    try {
      while ((await openTasks(op)).length < 3 && Date.now() - started < 20_000)
        await new Promise((r) => setTimeout(r, 100));
    } finally {
      await Promise.all(instances.map((j) => j.stop()));
    }
    const mine = await openTasks(op);
    expect(mine.map((x) => [x.kind, x.dueOn, x.caseId])).toEqual([
      ['permit_expiry', '2026-05-21', cases[0]!.caseId],
      ['permit_expiry', '2026-05-26', cases[1]!.caseId],
      ['permit_expiry', '2026-05-30', cases[2]!.caseId],
    ]);
    expect(mine.map((x) => x.label)).toEqual([
      `Il permesso di soggiorno di ${cases[0]!.pseudonym} scade il 20/06/2026 (promemoria a 30 giorni): verificare il rinnovo`,
      `Il permesso di soggiorno di ${cases[1]!.pseudonym} scade il 25/07/2026 (promemoria a 60 giorni): verificare il rinnovo`,
      `Il permesso di soggiorno di ${cases[2]!.pseudonym} scade il 28/08/2026 (promemoria a 90 giorni): verificare il rinnovo`,
    ]);
    expect(mine[0]).toMatchObject({ link: `/casi/${cases[0]!.caseId}`, assignee: 'case_manager', overdue: true });
    const refs = await openTasks(ref);
    expect(refs.map((x) => [x.kind, x.caseId, x.link])).toEqual([
      ['admission_pending', waiting.caseId, `/casi/${waiting.caseId}`],
    ]);
    expect(refs[0]!.label).toBe(
      `Decidere l'ammissione alle misure di ${waiting.pseudonym}, preso/a in carico il 01/05/2026`,
    );
    const stored = await t.db.ownerTx((tx) =>
      tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM pilot_tasks WHERE comune_istat = $1`, [C.istat]),
    );
    // the three reminders, the admission, and the missing 2026 allocation: nothing twice
    expect(stored[0]!.n).toBe(5);
  });
});

describe('the work list on every change', () => {
  it('reminds of a permit as soon as it is recorded, and forgets it once its renewal is requested', async () => {
    const C = await makePilotComune(t.db);
    const kase = await makeCase(t.db, t.cipher, { comune: C, status: 'ammesso_misure', withPermit: false });
    const op = await as(C.operatore);
    const permit = await op.post<{ id: string }>(`/api/v1/pilot/persons/${kase.holderId}/permits`, {
      basis: 'art_18ter',
      questura: 'Questura di prova',
      issuedOn: '2025-12-20',
      expiresOn: '2026-06-20',
    });
    expect(permit.status).toBe(201);
    expect((await openTasks(op)).map((x) => [x.kind, x.dueOn])).toEqual([['permit_expiry', '2026-05-21']]);
    expect((await openTasks(op, 'en'))[0]!.label).toBe(
      `${kase.pseudonym}'s residence permit expires on 20 June 2026 (30-day reminder): check the renewal`,
    );
    const renewal = await op.post(`/api/v1/pilot/permits/${permit.body.id}/events`, {
      event: 'renewal_request',
      on: '2026-06-01',
    });
    expect(renewal.status).toBe(200);
    expect(await openTasks(op)).toEqual([]);
    const ended = await op.get<TaskPage>('/api/v1/pilot/tasks?status=superato');
    expect(ended.body.items.map((x) => x.kind)).toEqual(['permit_expiry']);
  });

  it('asks the referente to approve a shared PAI, linked to it, until it is approved or returned', async () => {
    const C = await makePilotComune(t.db);
    await allocate(C.istat, 2026, 100_000);
    const op = await as(C.operatore);
    const ref = await as(C.referente);
    const { pai } = await sharedPai(C, op);
    const waiting = await openTasks(ref);
    expect(waiting.map((x) => [x.kind, x.dueOn, x.link])).toEqual([['pai_approval', '2026-06-08', `/pai/${pai.id}`]]);
    expect(waiting[0]!.label).toBe(`Approvare il PAI di ${pai.pseudonym}, condiviso con la persona il 01/06/2026`);
    expect(await openTasks(op)).toEqual([]); // not the case manager's

    const back = await ref.post(`/api/v1/pilot/pais/${pai.id}/transitions`, { to: 'bozza', on: '2026-06-01' });
    expect(back.status).toBe(200);
    expect(await openTasks(ref)).toEqual([]);
    const again = await op.post(`/api/v1/pilot/pais/${pai.id}/transitions`, {
      to: 'condiviso',
      on: '2026-06-01',
      noticeLanguage: 'pa',
    });
    expect(again.status).toBe(200);
    expect(kinds(await openTasks(ref))).toEqual(['pai_approval']);
    const approved = await ref.post(`/api/v1/pilot/pais/${pai.id}/transitions`, { to: 'approvato', on: '2026-06-01' });
    expect(approved.status).toBe(200);
    expect(await openTasks(ref)).toEqual([]);
  });

  it('asks the referente to decide on a person taken in care, until the admission is decided', async () => {
    const C = await makePilotComune(t.db);
    const op = await as(C.operatore);
    const ref = await as(C.referente);
    const opened = await op.post<{ id: string; pseudonym: string; members: { personId: string }[] }>(
      '/api/v1/pilot/cases',
      {
        openedOn: '2026-05-25',
        holder: {
          identity: { surname: 'Attesa', givenNames: 'Esempio', birthDate: '1988-03-02', codiceFiscale: null },
          sex: 'M',
          birthCountry: 'IN',
          nationalities: ['IN'],
          languages: ['pa'],
        },
      },
    );
    expect(opened.status).toBe(201);
    expect((await openTasks(ref)).map((x) => [x.kind, x.caseId, x.dueOn])).toEqual([
      ['admission_pending', opened.body.id, '2026-06-08'],
    ]);
    const permit = await op.post(`/api/v1/pilot/persons/${opened.body.members[0]!.personId}/permits`, {
      basis: 'art_18ter',
      questura: 'Questura di prova',
      initiatedBy: 'proposta_ag',
      receiptOn: '2026-04-20',
      issuedOn: '2026-04-30',
    });
    expect(permit.status).toBe(201);
    const admitted = await ref.post(`/api/v1/pilot/cases/${opened.body.id}/transitions`, {
      to: 'ammesso_misure',
      on: '2026-05-28',
      reason: 'Titolare di permesso art. 18-ter',
    });
    expect(admitted.status).toBe(200);
    expect(await openTasks(ref)).toEqual([]);
  });

  it('asks the operatori and referenti to screen a referral, until it is taken in charge or dismissed', async () => {
    const C = await makePilotComune(t.db);
    const op = await as(C.operatore);
    const ref = await as(C.referente);
    const amm = await as(C.amministrativo);
    const referral = async (receivedOn: string) => {
      const r = await op.post<{ id: string }>('/api/v1/pilot/referrals', {
        receivedOn,
        source: 'sindacato',
        channel: 'telefono',
        sector: 'agricoltura',
        screening: [{ code: 'ILO_07', observed: 'si' }],
      });
      expect(r.status).toBe(201);
      return r.body.id;
    };
    const [taken, dismissed] = [await referral('2026-05-20'), await referral('2026-05-28')];
    const screening = (tasks: Task[]) => tasks.filter((x) => x.kind === 'referral_screening');
    for (const agent of [op, ref]) {
      expect(screening(await openTasks(agent)).map((x) => [x.dueOn, x.caseId, x.link, x.assignee, x.overdue])).toEqual([
        ['2026-05-27', null, '/segnalazioni?outcome=in_screening', 'operatori_referenti', true],
        ['2026-06-04', null, '/segnalazioni?outcome=in_screening', 'operatori_referenti', false],
      ]);
    }
    expect(screening(await openTasks(op))[0]!.label).toBe(
      "Valutare la segnalazione ricevuta il 20/05/2026 (fonte: Sindacato): registrare l'esito dello screening o prendere in carico la persona",
    );
    expect(screening(await openTasks(ref, 'en'))[1]!.label).toBe(
      'Screen the referral received on 28 May 2026 (source: Trade union): record the screening outcome or take the person in charge',
    );
    expect(screening(await openTasks(amm))).toEqual([]); // the amministrativo screens no one
    const [stored] = await t.db.ownerTx((tx) =>
      tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pilot_tasks WHERE referral_id = ANY($1::uuid[]) AND kind = 'referral_screening'`,
        [[taken, dismissed]],
      ),
    );
    expect(stored!.n).toBe(2); // one task per referral, whoever reads it

    // dismissed: its task ends by itself
    const out = await ref.patch(`/api/v1/pilot/referrals/${dismissed}`, {
      outcome: 'non_pertinente',
      outcomeOn: '2026-05-30',
    });
    expect(out.status).toBe(200);
    expect(screening(await openTasks(op)).map((x) => x.dueOn)).toEqual(['2026-05-27']);
    // taken in charge: the case opened from it ends the other
    const kase = await op.post('/api/v1/pilot/cases', {
      openedOn: '2026-05-31',
      referralId: taken,
      holder: {
        identity: { surname: 'Segnalata', givenNames: 'Esempio', birthDate: '1990-01-02', codiceFiscale: null },
        sex: 'F',
        birthCountry: 'IN',
        nationalities: ['IN'],
        languages: ['pa'],
      },
    });
    expect(kase.status).toBe(201);
    expect(screening(await openTasks(op))).toEqual([]);
    expect(screening(await openTasks(ref))).toEqual([]);
    const ended = await ref.get<TaskPage>('/api/v1/pilot/tasks?status=superato&pageSize=100');
    expect(screening(ended.body.items)).toHaveLength(2);
  });

  it("moves a case's open tasks to its new case manager with no other change", async () => {
    const C = await makePilotComune(t.db);
    const kase = await makeCase(t.db, t.cipher, { comune: C, status: 'ammesso_misure' });
    await setPermitExpiry(kase.holderId, '2026-06-20');
    await refreshTasksJob.handler(ctx, { comune: C.istat });
    const before = await openTasks(await as(C.operatore));
    expect(kinds(before)).toEqual(['permit_expiry']);
    const other = await makeUser(t.db, { roles: ['operatore'], org: C.enteOrg });
    await t.db.ownerTx((tx) =>
      tx.query('UPDATE pilot_cases SET owner_user_id = $2 WHERE id = $1', [kase.caseId, other.id]),
    );
    expect(await openTasks(await as(C.operatore))).toEqual([]);
    expect((await openTasks(await as(other))).map((x) => x.id)).toEqual([before[0]!.id]);
  });
});

describe("the responsabile amministrativo's work list", () => {
  it('asks for the actual cost of an ended measure, the allocation, and warns of a budget near exhaustion', async () => {
    const C = await makePilotComune(t.db);
    const op = await as(C.operatore);
    const ref = await as(C.referente);
    const amm = await as(C.amministrativo);
    const { pai, measureId } = await sharedPai(C, op, 950);
    // no allocation for 2026 yet
    expect((await openTasks(amm)).map((x) => [x.kind, x.caseId, x.link])).toEqual([
      ['allocation_missing', null, '/budget'],
    ]);
    // allocations are set by ANCI/Cittalia, who manage the pilot's funds (decision 0023)
    const admin = await as(await makeUser(t.db, { roles: ['assistenza_tecnica'] }));
    expect((await admin.request('PUT', `/api/v1/pilot/budget/${C.istat}/2026`, { allocation: 1000 })).status).toBe(200);
    expect(await openTasks(amm)).toEqual([]);

    expect(
      (await ref.post(`/api/v1/pilot/pais/${pai.id}/transitions`, { to: 'approvato', on: '2026-06-01' })).status,
    ).toBe(200);
    const low = await openTasks(amm);
    expect(low.map((x) => x.kind)).toEqual(['budget_low']);
    expect(low[0]!.label).toBe('Budget 2026: impegnato il 95% dello stanziamento (950,00\u00a0€ su 1.000,00\u00a0€)');

    for (const status of ['avviata', 'completata'])
      expect((await op.patch(`/api/v1/pilot/measures/${measureId}`, { status })).status).toBe(200);
    const cost = (await openTasks(amm)).find((x) => x.kind === 'measure_cost_missing')!;
    expect(cost).toMatchObject({ caseId: null, link: '/budget', assignee: 'responsabile_amministrativo' });
    expect(cost.label).toBe(
      'La misura «Corso di lingua italiana» (CPIA di prova) è conclusa dal 15/06/2026 senza costo effettivo (costo previsto 950,00\u00a0€)',
    );
    expect(cost.label).not.toContain(pai.pseudonym);
    expect(kinds(await openTasks(op))).toEqual([]); // none of these is the case manager's

    expect((await op.patch(`/api/v1/pilot/measures/${measureId}`, { costActual: 900 })).status).toBe(200);
    expect(kinds(await openTasks(amm))).toEqual(['budget_low']);
  });
});

describe('the digest', () => {
  it('mails each user their tasks in their own language, in words, with dates and links where to act', async () => {
    const C = await makePilotComune(t.db);
    const op = await as(C.operatore);
    const { pai } = await sharedPai(C, op);
    const referral = await op.post('/api/v1/pilot/referrals', {
      receivedOn: '2026-05-30',
      source: 'asl',
      channel: 'telefono',
      sector: 'agricoltura',
      screening: [],
    });
    expect(referral.status).toBe(201);
    await as(C.referente); // reads the list in Italian (the default)
    const amm = await as(C.amministrativo);
    await openTasks(amm, 'en'); // the English switch: their digest is in English too
    await pilotJobs.find((j) => j.name === 'pilot.daily-digest')!.handler(ctx, {});

    const toRef = smtp.received.filter((m) => m.to.includes(C.referente.email));
    expect(toRef).toHaveLength(1);
    const it = plain(toRef[0]!.raw);
    expect(it).toContain('PAI da approvare: 1');
    expect(it).toContain(
      `- entro il 08/06/2026: Approvare il PAI di ${pai.pseudonym}, condiviso con la persona il 01/06/2026`,
    );
    expect(it).toContain(`Dove agire: ${PUBLIC_URL}/pai/${pai.id}`);
    expect(it).toContain('Segnalazione da valutare: 1');
    // the referral's task, to the operatore as to the referente: one mail each
    const toOp = smtp.received.filter((m) => m.to.includes(C.operatore.email));
    expect(toOp).toHaveLength(1);
    const opText = plain(toOp[0]!.raw);
    expect(opText).toContain(
      "- entro il 06/06/2026: Valutare la segnalazione ricevuta il 30/05/2026 (fonte: Azienda sanitaria): registrare l'esito dello screening o prendere in carico la persona",
    );
    expect(opText).toContain(`Dove agire: ${PUBLIC_URL}/segnalazioni?outcome=in_screening`);
    expect(it).not.toMatch(/pai_approval|condiviso →|\d{4}-\d{2}-\d{2}|Esempio/);

    const toAmm = smtp.received.filter((m) => m.to.includes(C.amministrativo.email));
    expect(toAmm).toHaveLength(1);
    const en = plain(toAmm[0]!.raw);
    expect(en).toContain('Allocation missing: 1');
    expect(en).toContain("- due 1 June 2026: The Comune's allocation for 2026 is missing");
    expect(en).toContain(`Where to act: ${PUBLIC_URL}/budget`);
    expect(en).not.toContain('Buongiorno');
    expect(en).not.toContain(pai.pseudonym);
  });
});
