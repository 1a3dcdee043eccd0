import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows } from '../../../../tests/support/factories.js';
import type { Ok, Problem, Schema } from '../../../../tests/support/schema.js';
import {
  pilotFingerprint,
  twoPilotComuni,
  type LoggedInPilotComune,
} from '../../../../tests/support/pilot-factories.js';

type CaseDetail = Schema<'PilotCaseDetail'>;
type Permit = Schema<'PilotPermit'>;

let t: TestApp;
let a: LoggedInPilotComune;
let b: LoggedInPilotComune;
let opA: Agent;
let refA: Agent;
let opB: Agent;

const holder = (surname: string, over: Record<string, unknown> = {}) => ({
  identity: { surname, givenNames: 'Esempio', birthDate: '1988-03-02', codiceFiscale: null, phone: '+39 000 0000000' },
  sex: 'M',
  birthCountry: 'IN',
  nationalities: ['IN'],
  languages: ['pa', 'en'],
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  ({ a, b } = await twoPilotComuni(t));
  ({ operatore: opA, referente: refA } = a.as);
  opB = b.as.operatore;
});
afterAll(async () => t.close());

/** A surname no other test uses, so a search by name finds only this test's case. */
const fresh = (base: string) =>
  `${base}${randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 6)}`;

/** A new case opened by the operatore of Comune A, through the API. */
async function openCase(surname = fresh('Aperti'), openedOn = '2026-05-01'): Promise<CaseDetail> {
  const res = await opA.post<CaseDetail>('/api/v1/pilot/cases', { openedOn, holder: holder(surname) });
  expect(res.status).toBe(201);
  return res.body;
}

async function addMember(
  caseId: string,
  relation: string,
  surname: string,
  over: Record<string, unknown> = {},
): Promise<CaseDetail> {
  const res = await opA.post<CaseDetail>(`/api/v1/pilot/cases/${caseId}/members`, {
    relation,
    person: holder(surname, over),
  });
  expect(res.status).toBe(201);
  return res.body;
}

const first18ter = {
  basis: 'art_18ter',
  questura: 'Questura di prova',
  initiatedBy: 'proposta_ag',
  number: 'I-0000000',
  receiptOn: '2026-04-20',
  issuedOn: '2026-04-30',
};

/** A household (holder, spouse, uncle) whose holder has an 18-ter permit and has been admitted by the referente. */
async function admittedHousehold(): Promise<CaseDetail> {
  const c = await openCase(fresh('Ammessi'));
  await addMember(c.id, 'coniuge', fresh('Coniugi'), { sex: 'F' });
  await addMember(c.id, 'zio', fresh('Lontani'));
  expect((await opA.post(`/api/v1/pilot/persons/${c.members[0]!.personId}/permits`, first18ter)).status).toBe(201);
  const admitted = await refA.post<CaseDetail>(`/api/v1/pilot/cases/${c.id}/transitions`, {
    to: 'ammesso_misure',
    on: '2026-05-10',
    reason: 'Requisiti verificati',
  });
  expect(admitted.status).toBe(200);
  return admitted.body;
}

describe('registering a beneficiary', () => {
  it('answers 401 without a session', async () => {
    const res = await new Agent(t.app).request(
      'POST',
      '/api/v1/pilot/cases',
      { openedOn: '2026-05-20', holder: holder('X') },
      { csrf: false },
    );
    expect(res.status).toBe(401);
  });

  it('refuses a codice fiscale that does not check, on its field, writing nothing', async () => {
    const before = await pilotFingerprint(t.db);
    const badCf = await opA.post<Problem>('/api/v1/pilot/cases', {
      openedOn: '2026-05-20',
      holder: holder('Sbagliati', {
        identity: {
          surname: 'Sbagliati',
          givenNames: 'Uno',
          birthDate: '1985-12-10',
          codiceFiscale: 'RSSMRA85T10A562X',
        },
      }),
    });
    expect(badCf.status).toBe(400);
    expect(badCf.body.errors!.map((e) => e.path)).toContain('body.holder.identity.codiceFiscale');
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });

  it('refuses an EU national, who is not a third-country national, writing nothing', async () => {
    const before = await pilotFingerprint(t.db);
    const eu = await opA.post<Problem>('/api/v1/pilot/cases', {
      openedOn: '2026-05-20',
      holder: holder('Europei', { nationalities: ['FR'] }),
    });
    expect(eu.status).toBe(400);
    expect(eu.body.errors!.map((e) => e.path)).toContain('body.holder.nationalities');
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });

  it('refuses a field the API does not know', async () => {
    const before = await pilotFingerprint(t.db);
    expect(
      (await opA.post('/api/v1/pilot/cases', { openedOn: '2026-05-20', holder: { ...holder('X'), extra: 1 } })).status,
    ).toBe(400);
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });

  it('opens the case under a pseudonym of the Comune, showing the identity to its staff', async () => {
    const res = await opA.post<CaseDetail>('/api/v1/pilot/cases', {
      openedOn: '2026-05-20',
      holder: holder('Canarini'),
    });
    expect(res.status).toBe(201);
    expect(res.body.pseudonym).toMatch(/^[A-Z]{2}-2026-\d{4}$/);
    expect(res.body.status).toBe('aperto');
    expect(res.body.members[0]!.identity.surname).toBe('Canarini');
  });

  it('keeps the identity encrypted at rest', async () => {
    const surname = fresh('Cifrati');
    const c = await openCase(surname);
    const [row] = await t.db.ownerTx((tx) =>
      tx.query<{ identity_enc: string }>('SELECT identity_enc FROM pilot_persons WHERE id = $1', [
        c.members[0]!.personId,
      ]),
    );
    expect(row!.identity_enc).not.toContain(surname);
    expect(row!.identity_enc.startsWith('v1:')).toBe(true);
  });

  it('numbers the pseudonyms of a Comune in sequence', async () => {
    const first = await openCase(fresh('Primi'), '2026-05-20');
    const second = await openCase(fresh('Secondi'), '2026-05-21');
    expect(Number(second.pseudonym.slice(-4))).toBe(Number(first.pseudonym.slice(-4)) + 1);
  });
});

describe('finding a case', () => {
  it('hides the case from another Comune, by id (404) and by name', async () => {
    const surname = fresh('Nascosti');
    const c = await openCase(surname);
    expect((await opB.get(`/api/v1/pilot/cases/${c.id}`)).status).toBe(404);
    expect((await opB.get<Schema<'PilotCasePage'>>(`/api/v1/pilot/cases?q=${surname}%20Esempio`)).body.total).toBe(0);
  });

  it('finds the case by full name, in any case, through the blind index', async () => {
    const surname = fresh('Trovati');
    const c = await openCase(surname);
    const found = await refA.get<Schema<'PilotCasePage'>>(`/api/v1/pilot/cases?q=${surname.toLowerCase()}%20esempio`);
    expect(found.body.items.map((i) => i.id)).toEqual([c.id]);
  });

  it('finds the case by its pseudonym', async () => {
    const c = await openCase();
    const found = await refA.get<Schema<'PilotCasePage'>>(`/api/v1/pilot/cases?q=${c.pseudonym}`);
    expect(found.body.items.map((i) => i.id)).toEqual([c.id]);
  });

  it('answers 404 for a case that does not exist', async () => {
    expect((await opA.get(`/api/v1/pilot/cases/${randomUUID()}`)).status).toBe(404);
  });
});

describe('the household', () => {
  it('computes kind and degree from the relation', async () => {
    const c = await openCase();
    await addMember(c.id, 'fratello', 'Fratelli');
    await addMember(c.id, 'cognato', 'Cognati');
    const household = await addMember(c.id, 'zio', 'Zii');
    const byRelation = Object.fromEntries(household.members.map((m) => [m.relation ?? 'titolare', m]));
    expect(byRelation.fratello).toMatchObject({ kinshipKind: 'parentela', degree: 2 });
    expect(byRelation.cognato).toMatchObject({ kinshipKind: 'affinita', degree: 2 });
    expect(byRelation.zio).toMatchObject({ kinshipKind: 'parentela', degree: 3 });
  });

  it('refuses a degree sent by the client', async () => {
    const c = await openCase();
    expect(
      (await opA.post(`/api/v1/pilot/cases/${c.id}/members`, { relation: 'fratello', person: holder('X'), degree: 1 }))
        .status,
    ).toBe(400);
  });
});

describe('permits and admission', () => {
  it('lets only the referente admit (403 to an operatore)', async () => {
    const c = await openCase();
    const op = await opA.post<Problem>(`/api/v1/pilot/cases/${c.id}/transitions`, {
      to: 'ammesso_misure',
      on: '2026-05-10',
      reason: 'Ammissione',
    });
    expect(op.status).toBe(403);
  });

  it('refuses admission without a valid 18-ter permit, saying why', async () => {
    const c = await openCase();
    const none = await refA.post<Problem>(`/api/v1/pilot/cases/${c.id}/transitions`, {
      to: 'ammesso_misure',
      on: '2026-05-10',
      reason: 'Ammissione',
    });
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('pilot.not_eligible');
    expect(none.body.detail).toContain('Non ammissibile perché');
  });

  it('records a first 18-ter permit, which expires after 6 months', async () => {
    const c = await openCase();
    const permit = await opA.post<Permit>(`/api/v1/pilot/persons/${c.members[0]!.personId}/permits`, first18ter);
    expect(permit.status).toBe(201);
    expect(permit.body).toMatchObject({ expiresOn: '2026-10-30', status: 'rilasciato' });
  });

  it('refuses a permit received after it was issued', async () => {
    const c = await openCase();
    const bad = await opA.post<Problem>(`/api/v1/pilot/persons/${c.members[0]!.personId}/permits`, {
      basis: 'art_18ter',
      questura: 'Q',
      issuedOn: '2026-04-30',
      receiptOn: '2026-05-10',
      expiresOn: '2026-10-30',
    });
    expect(bad.status).toBe(400);
  });

  it('admits the holder of a valid 18-ter permit', async () => {
    const c = await openCase();
    expect((await opA.post(`/api/v1/pilot/persons/${c.members[0]!.personId}/permits`, first18ter)).status).toBe(201);
    const ok = await refA.post<CaseDetail>(`/api/v1/pilot/cases/${c.id}/transitions`, {
      to: 'ammesso_misure',
      on: '2026-05-10',
      reason: 'Requisiti verificati',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('ammesso_misure');
    expect(ok.body.members[0]!.admission!.status).toBe('ammesso');
  });

  it('admits the spouse of an admitted holder', async () => {
    const c = await admittedHousehold();
    const spouse = c.members.find((m) => m.relation === 'coniuge')!;
    const ok = await refA.post<CaseDetail>(`/api/v1/pilot/cases/${c.id}/members/${spouse.personId}/admission`, {
      decision: 'ammetti',
      on: '2026-05-11',
      reason: 'Familiare',
    });
    expect(ok.status).toBe(200);
  });

  it('refuses the uncle, a relative of the third degree, saying why', async () => {
    const c = await admittedHousehold();
    const uncle = c.members.find((m) => m.relation === 'zio')!;
    const no = await refA.post<Problem>(`/api/v1/pilot/cases/${c.id}/members/${uncle.personId}/admission`, {
      decision: 'ammetti',
      on: '2026-05-11',
      reason: 'Familiare',
    });
    expect(no.status).toBe(409);
    expect(no.body.detail).toContain('Non ammissibile perché');
  });

  it('lets only the referente revoke an admission (403 to an operatore)', async () => {
    const c = await admittedHousehold();
    const holderId = c.members[0]!.personId;
    expect(
      (
        await opA.post(`/api/v1/pilot/cases/${c.id}/members/${holderId}/admission`, {
          decision: 'revoca',
          on: '2026-05-12',
          reason: 'Prova',
        })
      ).status,
    ).toBe(403);
  });
});

describe('moving a case through its states', () => {
  it('refuses a move the state machine does not allow by hand, with a clear error', async () => {
    const c = await admittedHousehold();
    const manual = await opA.post<Problem>(`/api/v1/pilot/cases/${c.id}/transitions`, {
      to: 'pai_attivo',
      on: '2026-05-12',
      reason: 'Attivo',
    });
    expect(manual.status).toBe(409);
    expect(manual.body.code).toBe('pilot.invalid_transition');
  });

  it('asks for an exit reason to close a case', async () => {
    const c = await admittedHousehold();
    const noReason = await opA.post<Problem>(`/api/v1/pilot/cases/${c.id}/transitions`, {
      to: 'chiuso',
      on: '2026-05-12',
      reason: 'Fine',
    });
    expect(noReason.status).toBe(400);
  });

  it('lets only the referente close an admitted case by revocation (403 to an operatore)', async () => {
    const c = await admittedHousehold();
    expect(
      (
        await opA.post(`/api/v1/pilot/cases/${c.id}/transitions`, {
          to: 'chiuso',
          on: '2026-05-12',
          reason: 'Revoca',
          exitReason: 'revoca_art7',
        })
      ).status,
    ).toBe(403);
  });

  it('closes with the exit reason, revoking every admission, and audits each move', async () => {
    const c = await admittedHousehold();
    const closed = await refA.post<CaseDetail>(`/api/v1/pilot/cases/${c.id}/transitions`, {
      to: 'chiuso',
      on: '2026-05-20',
      reason: 'Revoca art. 7',
      exitReason: 'revoca_art7',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'chiuso', exitReason: 'revoca_art7' });
    expect(closed.body.members.filter((m) => m.admission).every((m) => m.admission!.status === 'revocato')).toBe(true);
    const transitions = await auditRows(t.db, `action = 'pilot.case.transition' AND entity_id = $1`, [c.id]);
    expect(transitions.map((r) => r.details.to)).toEqual(['ammesso_misure', 'chiuso']);
  });

  it('keeps a closed case closed', async () => {
    const c = await admittedHousehold();
    expect(
      (
        await refA.post(`/api/v1/pilot/cases/${c.id}/transitions`, {
          to: 'chiuso',
          on: '2026-05-20',
          reason: 'Revoca art. 7',
          exitReason: 'revoca_art7',
        })
      ).status,
    ).toBe(200);
    expect(
      (await opA.post(`/api/v1/pilot/cases/${c.id}/transitions`, { to: 'sospeso', on: '2026-05-21', reason: 'Dopo' }))
        .status,
    ).toBe(409);
  });
});

describe('permit timeline events', () => {
  it('renews and converts, the conversion opening a work permit', async () => {
    const c = (
      await opA.post<CaseDetail>('/api/v1/pilot/cases', { openedOn: '2026-01-10', holder: holder('Rinnovati') })
    ).body;
    const pid = c.members[0]!.personId;
    const p = (
      await opA.post<Permit>(`/api/v1/pilot/persons/${pid}/permits`, {
        basis: 'art_18ter',
        questura: 'Q',
        issuedOn: '2026-01-15',
      })
    ).body;
    const early = await opA.post<Problem>(`/api/v1/pilot/permits/${p.id}/events`, {
      event: 'renew',
      on: '2026-05-01',
      expiresOn: '2026-12-01',
    });
    expect(early.status).toBe(400);
    const renewed = await opA.post<Permit>(`/api/v1/pilot/permits/${p.id}/events`, {
      event: 'renew',
      on: '2026-05-01',
      expiresOn: '2027-05-01',
    });
    expect(renewed.body).toMatchObject({ status: 'rinnovato', expiresOn: '2027-05-01' });
    const conv = await opA.post<Permit>(`/api/v1/pilot/permits/${p.id}/events`, {
      event: 'convert',
      on: '2026-05-30',
      convertedTo: 'lavoro_subordinato',
      expiresOn: '2028-05-30',
    });
    expect(conv.body.status).toBe('convertito');
    const file = (await opA.get<CaseDetail>(`/api/v1/pilot/cases/${c.id}`)).body;
    expect(file.members[0]!.permits.map((x) => [x.basis, x.status])).toEqual([
      ['art_18ter', 'convertito'],
      ['lavoro_subordinato', 'rilasciato'],
    ]);
    expect(
      (await opA.post(`/api/v1/pilot/permits/${p.id}/events`, { event: 'revoke', on: '2026-05-31', reason: 'Prova' }))
        .status,
    ).toBe(409);
    // the list shows the permit that counts now, with its derived status
    const listed = await opA.get<Schema<'PilotCasePage'>>(`/api/v1/pilot/cases?q=${file.pseudonym}`);
    expect(listed.body.items[0]).toMatchObject({ id: c.id, permitStatus: 'rilasciato', permitExpiresOn: '2028-05-30' });
    expect(
      (await opB.post(`/api/v1/pilot/permits/${p.id}/events`, { event: 'renewal_request', on: '2026-05-31' })).status,
    ).toBe(404);
  });
});

describe('who viewed this person, and the access package', () => {
  it("audits each read, shows the viewers to the referente, and packs only the person's own data", async () => {
    const c = (await opA.post<CaseDetail>('/api/v1/pilot/cases', { openedOn: '2026-05-02', holder: holder('Letti') }))
      .body;
    const withSpouse = (
      await opA.post<CaseDetail>(`/api/v1/pilot/cases/${c.id}/members`, {
        relation: 'coniuge',
        person: holder('Riservati'),
      })
    ).body;
    await opA.get(`/api/v1/pilot/cases/${c.id}`);
    await refA.get(`/api/v1/pilot/cases/${c.id}`);
    const reads = await auditRows(t.db, `action = 'pilot.case.read' AND entity_id = $1`, [c.id]);
    expect(reads.length).toBe(2);
    expect(JSON.stringify(reads)).not.toContain('Letti');
    const pid = c.members[0]!.personId;
    expect((await opA.get(`/api/v1/pilot/persons/${pid}/viewers`)).status).toBe(403);
    const viewers = await refA.get<Schema<'PilotViewerList'>>(`/api/v1/pilot/persons/${pid}/viewers`);
    expect(viewers.body.items.length).toBe(2);
    const pkg = await refA.get<Ok<'/api/v1/pilot/persons/{personId}/access-package', 'get'>>(
      `/api/v1/pilot/persons/${pid}/access-package`,
    );
    expect(pkg.status).toBe(200);
    const text = JSON.stringify(pkg.body);
    expect(text).toContain('Letti');
    expect(text).not.toContain('Riservati');
    expect(withSpouse.members).toHaveLength(2);
    expect((await opB.get(`/api/v1/pilot/persons/${pid}/access-package`)).status).toBe(403);
    const pdf = await refA.get(`/api/v1/pilot/persons/${pid}/access-package.pdf`);
    expect(pdf.status).toBe(200);
    const bytes = pdf.raw.rawPayload.toString('latin1');
    expect(bytes.startsWith('%PDF')).toBe(true);
    expect(bytes).toContain('StructTreeRoot');
    expect(await auditRows(t.db, `action = 'pilot.person.access_package' AND entity_id = $1`, [pid])).toHaveLength(2);
  });
});

describe('referrals', () => {
  it('records a referral with its screening and refuses unknown indicators', async () => {
    const cat = await opA.get<Schema<'PilotIndicatorCatalogue'>>('/api/v1/pilot/indicators');
    expect(cat.body.indicators).toHaveLength(15);
    const bad = await opA.post<Problem>('/api/v1/pilot/referrals', {
      receivedOn: '2026-05-01',
      source: 'inl',
      channel: 'telefono',
      sector: 'agricoltura',
      screening: [{ code: 'NOPE', observed: 'si' }],
    });
    expect(bad.status).toBe(400);
    const ok = await opA.post<Schema<'PilotReferral'>>('/api/v1/pilot/referrals', {
      receivedOn: '2026-05-01',
      source: 'inl',
      channel: 'telefono',
      sector: 'agricoltura',
      screening: [
        { code: '603BIS_1', observed: 'si' },
        { code: 'ILO_07', observed: 'si' },
        { code: 'ILO_09', observed: 'non_noto' },
      ],
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ observedCount: 2, outcome: 'in_screening' });
    const next = await opA.patch<Schema<'PilotReferral'>>(`/api/v1/pilot/referrals/${ok.body.id}`, {
      outcome: 'permesso_avviato',
      outcomeOn: '2026-05-05',
    });
    expect(next.body.outcome).toBe('permesso_avviato');
    expect(
      (await opA.patch(`/api/v1/pilot/referrals/${ok.body.id}`, { outcome: 'in_screening', outcomeOn: '2026-05-06' }))
        .status,
    ).toBe(409);
    expect(
      (await opB.patch(`/api/v1/pilot/referrals/${ok.body.id}`, { outcome: 'non_pertinente', outcomeOn: '2026-05-06' }))
        .status,
    ).toBe(404);
    const c = await opA.post<CaseDetail & { referralId: string }>('/api/v1/pilot/cases', {
      openedOn: '2026-05-06',
      referralId: ok.body.id,
      holder: holder('Segnalati'),
    });
    expect(c.body.referralId).toBe(ok.body.id);
  });
});
