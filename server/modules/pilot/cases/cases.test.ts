import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, TEST_PASSWORD } from '../../../../tests/support/factories.js';
import { makePilotComune, pilotFingerprint, type PilotComune } from '../../../../tests/support/pilot-factories.js';

interface Problem { code: string; errors?: { path: string; message: string }[]; detail?: string }
interface Member {
  personId: string; pseudonym: string; role: string; relation: string | null; kinshipKind: string | null; degree: number | null;
  identity: { surname: string } | null; eligibility: { eligible: boolean; code: string; explanation: string };
  admission: { status: string } | null; permits: { id: string; status: string; expiresOn: string | null; basis: string }[];
}
interface CaseDetail { id: string; pseudonym: string; status: string; members: Member[]; allowedTransitions: string[]; exitReason: string | null }

let t: TestApp;
let a: PilotComune;
let b: PilotComune;
let opA: Agent;
let refA: Agent;
let opB: Agent;

const holder = (surname: string, over: Record<string, unknown> = {}) => ({
  identity: { surname, givenNames: 'Esempio', birthDate: '1988-03-02', codiceFiscale: null, phone: '+39 000 0000000' },
  sex: 'M', birthCountry: 'IN', nationalities: ['IN'], languages: ['pa', 'en'], ...over,
});

async function login(u: { email: string }): Promise<Agent> {
  const agent = new Agent(t.app);
  expect((await agent.login(u.email, TEST_PASSWORD)).status).toBe(200);
  return agent;
}

beforeAll(async () => {
  t = await startTestApp();
  a = await makePilotComune(t.db);
  b = await makePilotComune(t.db);
  opA = await login(a.operatore);
  refA = await login(a.referente);
  opB = await login(b.operatore);
});
afterAll(async () => t.close());

describe('registering a beneficiary and the household', () => {
  let c: CaseDetail;

  it('answers 401 without a session and 400 for a bad codice fiscale or an EU national, writing nothing', async () => {
    expect((await new Agent(t.app).request('POST', '/api/v1/pilot/cases', { openedOn: '2026-05-20', holder: holder('X') }, { csrf: false })).status).toBe(401);
    const before = await pilotFingerprint(t.db);
    const badCf = await opA.post<Problem>('/api/v1/pilot/cases', {
      openedOn: '2026-05-20', holder: holder('Sbagliati', { identity: { surname: 'Sbagliati', givenNames: 'Uno', birthDate: '1985-12-10', codiceFiscale: 'RSSMRA85T10A562X' } }),
    });
    expect(badCf.status).toBe(400);
    expect(badCf.body.errors!.map((e) => e.path)).toContain('body.holder.identity.codiceFiscale');
    const eu = await opA.post<Problem>('/api/v1/pilot/cases', { openedOn: '2026-05-20', holder: holder('Europei', { nationalities: ['FR'] }) });
    expect(eu.status).toBe(400);
    expect(eu.body.errors!.map((e) => e.path)).toContain('body.holder.nationalities');
    expect((await opA.post('/api/v1/pilot/cases', { openedOn: '2026-05-20', holder: { ...holder('X'), extra: 1 } })).status).toBe(400);
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });

  it('creates the case with a pseudonym of the Comune and keeps the identity encrypted at rest', async () => {
    const res = await opA.post<CaseDetail>('/api/v1/pilot/cases', { openedOn: '2026-05-20', holder: holder('Canarini') });
    expect(res.status).toBe(201);
    c = res.body;
    expect(c.pseudonym).toMatch(/^[A-Z]{2}-2026-\d{4}$/);
    expect(c.status).toBe('aperto');
    expect(c.members[0]!.identity!.surname).toBe('Canarini');
    const [row] = await t.db.ownerTx((tx) => tx.query<{ identity_enc: string }>('SELECT identity_enc FROM pilot_persons WHERE id = $1', [c.members[0]!.personId]));
    expect(row!.identity_enc).not.toContain('Canarini');
    expect(row!.identity_enc.startsWith('v1:')).toBe(true);
    const second = await opA.post<CaseDetail>('/api/v1/pilot/cases', { openedOn: '2026-05-21', holder: holder('Secondi') });
    expect(Number(second.body.pseudonym.slice(-4))).toBe(Number(c.pseudonym.slice(-4)) + 1);
  });

  it('hides the case from another Comune (404) and finds it by full name through the blind index', async () => {
    expect((await opB.get(`/api/v1/pilot/cases/${c.id}`)).status).toBe(404);
    expect((await opB.get<{ total: number }>('/api/v1/pilot/cases?q=Canarini%20Esempio')).body.total).toBe(0);
    const found = await refA.get<{ items: { id: string }[] }>('/api/v1/pilot/cases?q=canarini%20esempio');
    expect(found.body.items.map((i) => i.id)).toEqual([c.id]);
    expect((await refA.get<{ items: { id: string }[] }>(`/api/v1/pilot/cases?q=${c.pseudonym}`)).body.items.map((i) => i.id)).toEqual([c.id]);
    expect((await opA.get(`/api/v1/pilot/cases/${randomUUID()}`)).status).toBe(404);
  });

  it('computes kind and degree from the relation', async () => {
    const add = (relation: string, surname: string) =>
      opA.post<CaseDetail>(`/api/v1/pilot/cases/${c.id}/members`, { relation, person: holder(surname) });
    expect((await add('fratello', 'Fratelli')).status).toBe(201);
    expect((await add('cognato', 'Cognati')).status).toBe(201);
    const res = await add('zio', 'Zii');
    const byRelation = Object.fromEntries(res.body.members.map((m) => [m.relation ?? 'titolare', m]));
    expect(byRelation.fratello).toMatchObject({ kinshipKind: 'parentela', degree: 2 });
    expect(byRelation.cognato).toMatchObject({ kinshipKind: 'affinita', degree: 2 });
    expect(byRelation.zio).toMatchObject({ kinshipKind: 'parentela', degree: 3 });
    expect((await opA.post(`/api/v1/pilot/cases/${c.id}/members`, { relation: 'fratello', person: holder('X'), degree: 1 })).status).toBe(400);
  });
});

describe('permits, admission and closure', () => {
  let c: CaseDetail;
  let holderId: string;

  beforeAll(async () => {
    c = (await opA.post<CaseDetail>('/api/v1/pilot/cases', { openedOn: '2026-05-01', holder: holder('Ammessi') })).body;
    holderId = c.members[0]!.personId;
    c = (await opA.post<CaseDetail>(`/api/v1/pilot/cases/${c.id}/members`, { relation: 'coniuge', person: holder('Coniugi', { sex: 'F' }) })).body;
    c = (await opA.post<CaseDetail>(`/api/v1/pilot/cases/${c.id}/members`, { relation: 'zio', person: holder('Lontani') })).body;
  });

  it('refuses admission without a valid 18-ter permit, and to an operatore', async () => {
    const op = await opA.post<Problem>(`/api/v1/pilot/cases/${c.id}/transitions`, { to: 'ammesso_misure', on: '2026-05-10', reason: 'Ammissione' });
    expect(op.status).toBe(403);
    const none = await refA.post<Problem>(`/api/v1/pilot/cases/${c.id}/transitions`, { to: 'ammesso_misure', on: '2026-05-10', reason: 'Ammissione' });
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('pilot.not_eligible');
    expect(none.body.detail).toContain('Non ammissibile perché');
  });

  it('records a first 18-ter permit expiring after 6 months, then the referente admits the holder', async () => {
    const permit = await opA.post<Member['permits'][number]>(`/api/v1/pilot/persons/${holderId}/permits`, {
      basis: 'art_18ter', questura: 'Questura di prova', initiatedBy: 'proposta_ag', number: 'I-0000000', receiptOn: '2026-04-20', issuedOn: '2026-04-30',
    });
    expect(permit.status).toBe(201);
    expect(permit.body).toMatchObject({ expiresOn: '2026-10-30', status: 'rilasciato' });
    const bad = await opA.post<Problem>(`/api/v1/pilot/persons/${holderId}/permits`, {
      basis: 'art_18ter', questura: 'Q', issuedOn: '2026-04-30', receiptOn: '2026-05-10', expiresOn: '2026-10-30',
    });
    expect(bad.status).toBe(400);
    const ok = await refA.post<CaseDetail>(`/api/v1/pilot/cases/${c.id}/transitions`, { to: 'ammesso_misure', on: '2026-05-10', reason: 'Requisiti verificati' });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('ammesso_misure');
    expect(ok.body.members[0]!.admission!.status).toBe('ammesso');
  });

  it('admits the spouse, refuses the uncle (third degree) with the reason', async () => {
    const spouse = c.members.find((m) => m.relation === 'coniuge')!;
    const uncle = c.members.find((m) => m.relation === 'zio')!;
    const ok = await refA.post<CaseDetail>(`/api/v1/pilot/cases/${c.id}/members/${spouse.personId}/admission`, { decision: 'ammetti', on: '2026-05-11', reason: 'Familiare' });
    expect(ok.status).toBe(200);
    const no = await refA.post<Problem>(`/api/v1/pilot/cases/${c.id}/members/${uncle.personId}/admission`, { decision: 'ammetti', on: '2026-05-11', reason: 'Familiare' });
    expect(no.status).toBe(409);
    expect(no.body.detail).toContain('Non ammissibile perché');
    expect((await opA.post(`/api/v1/pilot/cases/${c.id}/members/${spouse.personId}/admission`, { decision: 'revoca', on: '2026-05-12', reason: 'Prova' })).status).toBe(403);
  });

  it('refuses invalid transitions with a clear error and closes with a reason', async () => {
    const manual = await opA.post<Problem>(`/api/v1/pilot/cases/${c.id}/transitions`, { to: 'pai_attivo', on: '2026-05-12', reason: 'Attivo' });
    expect(manual.status).toBe(409);
    expect(manual.body.code).toBe('pilot.invalid_transition');
    const noReason = await opA.post<Problem>(`/api/v1/pilot/cases/${c.id}/transitions`, { to: 'chiuso', on: '2026-05-12', reason: 'Fine' });
    expect(noReason.status).toBe(400);
    expect((await opA.post(`/api/v1/pilot/cases/${c.id}/transitions`, { to: 'chiuso', on: '2026-05-12', reason: 'Revoca', exitReason: 'revoca_art7' })).status).toBe(403);
    const closed = await refA.post<CaseDetail>(`/api/v1/pilot/cases/${c.id}/transitions`, { to: 'chiuso', on: '2026-05-20', reason: 'Revoca art. 7', exitReason: 'revoca_art7' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'chiuso', exitReason: 'revoca_art7' });
    expect(closed.body.members.filter((m) => m.admission).every((m) => m.admission!.status === 'revocato')).toBe(true);
    expect((await opA.post(`/api/v1/pilot/cases/${c.id}/transitions`, { to: 'sospeso', on: '2026-05-21', reason: 'Dopo' })).status).toBe(409);
    const transitions = await auditRows(t.db, `action = 'pilot.case.transition' AND entity_id = $1`, [c.id]);
    expect(transitions.map((r) => r.details.to)).toEqual(['ammesso_misure', 'chiuso']);
  });
});

describe('permit timeline events', () => {
  it('renews and converts, the conversion opening a work permit', async () => {
    const c = (await opA.post<CaseDetail>('/api/v1/pilot/cases', { openedOn: '2026-01-10', holder: holder('Rinnovati') })).body;
    const pid = c.members[0]!.personId;
    const p = (await opA.post<{ id: string }>(`/api/v1/pilot/persons/${pid}/permits`, { basis: 'art_18ter', questura: 'Q', issuedOn: '2026-01-15' })).body;
    const early = await opA.post<Problem>(`/api/v1/pilot/permits/${p.id}/events`, { event: 'renew', on: '2026-05-01', expiresOn: '2026-12-01' });
    expect(early.status).toBe(400);
    const renewed = await opA.post<{ status: string; expiresOn: string }>(`/api/v1/pilot/permits/${p.id}/events`, { event: 'renew', on: '2026-05-01', expiresOn: '2027-05-01' });
    expect(renewed.body).toMatchObject({ status: 'rinnovato', expiresOn: '2027-05-01' });
    const conv = await opA.post<{ status: string }>(`/api/v1/pilot/permits/${p.id}/events`, { event: 'convert', on: '2026-05-30', convertedTo: 'lavoro_subordinato', expiresOn: '2028-05-30' });
    expect(conv.body.status).toBe('convertito');
    const file = (await opA.get<CaseDetail>(`/api/v1/pilot/cases/${c.id}`)).body;
    expect(file.members[0]!.permits.map((x) => [x.basis, x.status])).toEqual([['art_18ter', 'convertito'], ['lavoro_subordinato', 'rilasciato']]);
    expect((await opA.post(`/api/v1/pilot/permits/${p.id}/events`, { event: 'revoke', on: '2026-05-31', reason: 'Prova' })).status).toBe(409);
    // the list shows the permit that counts now, with its derived status
    const listed = await opA.get<{ items: { id: string; permitStatus: string; permitExpiresOn: string }[] }>(`/api/v1/pilot/cases?q=${file.pseudonym}`);
    expect(listed.body.items[0]).toMatchObject({ id: c.id, permitStatus: 'rilasciato', permitExpiresOn: '2028-05-30' });
    expect((await opB.post(`/api/v1/pilot/permits/${p.id}/events`, { event: 'renewal_request', on: '2026-05-31' })).status).toBe(404);
  });
});

describe('who viewed this person, and the access package', () => {
  it('audits each read, shows the viewers to the referente, and packs only the person\'s own data', async () => {
    const c = (await opA.post<CaseDetail>('/api/v1/pilot/cases', { openedOn: '2026-05-02', holder: holder('Letti') })).body;
    const withSpouse = (await opA.post<CaseDetail>(`/api/v1/pilot/cases/${c.id}/members`, { relation: 'coniuge', person: holder('Riservati') })).body;
    await opA.get(`/api/v1/pilot/cases/${c.id}`);
    await refA.get(`/api/v1/pilot/cases/${c.id}`);
    const reads = await auditRows(t.db, `action = 'pilot.case.read' AND entity_id = $1`, [c.id]);
    expect(reads.length).toBe(2);
    expect(JSON.stringify(reads)).not.toContain('Letti');
    const pid = c.members[0]!.personId;
    expect((await opA.get(`/api/v1/pilot/persons/${pid}/viewers`)).status).toBe(403);
    const viewers = await refA.get<{ items: { displayName: string }[] }>(`/api/v1/pilot/persons/${pid}/viewers`);
    expect(viewers.body.items.length).toBe(2);
    const pkg = await refA.get<Record<string, unknown>>(`/api/v1/pilot/persons/${pid}/access-package`);
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
    const cat = await opA.get<{ version: number; indicators: { code: string }[] }>('/api/v1/pilot/indicators');
    expect(cat.body.indicators).toHaveLength(15);
    const bad = await opA.post<Problem>('/api/v1/pilot/referrals', {
      receivedOn: '2026-05-01', source: 'inl', channel: 'telefono', sector: 'agricoltura', screening: [{ code: 'NOPE', observed: 'si' }],
    });
    expect(bad.status).toBe(400);
    const ok = await opA.post<{ id: string; observedCount: number; outcome: string }>('/api/v1/pilot/referrals', {
      receivedOn: '2026-05-01', source: 'inl', channel: 'telefono', sector: 'agricoltura',
      screening: [{ code: '603BIS_1', observed: 'si' }, { code: 'ILO_07', observed: 'si' }, { code: 'ILO_09', observed: 'non_noto' }],
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ observedCount: 2, outcome: 'in_screening' });
    const next = await opA.patch<{ outcome: string }>(`/api/v1/pilot/referrals/${ok.body.id}`, { outcome: 'permesso_avviato', outcomeOn: '2026-05-05' });
    expect(next.body.outcome).toBe('permesso_avviato');
    expect((await opA.patch(`/api/v1/pilot/referrals/${ok.body.id}`, { outcome: 'in_screening', outcomeOn: '2026-05-06' })).status).toBe(409);
    expect((await opB.patch(`/api/v1/pilot/referrals/${ok.body.id}`, { outcome: 'non_pertinente', outcomeOn: '2026-05-06' })).status).toBe(404);
    const c = await opA.post<CaseDetail & { referralId: string }>('/api/v1/pilot/cases', { openedOn: '2026-05-06', referralId: ok.body.id, holder: holder('Segnalati') });
    expect(c.body.referralId).toBe(ok.body.id);
  });
});
