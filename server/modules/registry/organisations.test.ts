import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../tests/support/harness.js';
import { auditRows, fingerprint, makeOrg, makeUser, TEST_PASSWORD } from '../../../tests/support/factories.js';

interface Org {
  id: string;
  type: string;
  name: string;
  comuneIstat: string | null;
  regionCode: string | null;
  users: unknown[];
}

let t: TestApp;
let admin: Agent;
let op: Agent;
beforeAll(async () => {
  t = await startTestApp();
  admin = new Agent(t.app);
  await admin.login((await makeUser(t.db, { roles: ['amministratore'] })).email, TEST_PASSWORD);
  op = new Agent(t.app);
  await op.login((await makeUser(t.db, { roles: ['operatore'] })).email, TEST_PASSWORD);
});
afterAll(async () => t.close());

describe('organisations', () => {
  it('creates a Comune organisation tied to its Comune and region, audited', async () => {
    const res = await admin.post<Org>('/api/v1/organisations', {
      type: 'comune',
      name: 'Comune di Cefalù',
      comuneIstat: '082027',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'comune', comuneIstat: '082027', regionCode: '19' });
    expect(await auditRows(t.db, `action = 'organisation.create' AND entity_id = $1`, [res.body.id])).toHaveLength(1);
    const dup = await admin.post<{ code: string }>('/api/v1/organisations', {
      type: 'comune',
      name: 'Altro Comune di Cefalù',
      comuneIstat: '082027',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('organisation.duplicate');
    const detail = await op.get<{ organisations: Org[] }>('/api/v1/comuni/082027');
    expect(detail.body.organisations.map((o) => o.name)).toContain('Comune di Cefalù');
  });

  it('refuses a place that does not fit the type, writing nothing', async () => {
    const before = await fingerprint(t.db);
    const noComune = await admin.post<{ code: string; errors: { path: string }[] }>('/api/v1/organisations', {
      type: 'comune',
      name: 'Senza comune',
    });
    expect(noComune.status).toBe(400);
    expect(noComune.body.errors[0]!.path).toBe('body.comuneIstat');
    expect((await admin.post('/api/v1/organisations', { type: 'regione', name: 'Senza regione' })).status).toBe(400);
    expect(
      (await admin.post('/api/v1/organisations', { type: 'asl', name: 'ASL X', comuneIstat: '999999' })).status,
    ).toBe(400);
    expect(
      (
        await admin.post('/api/v1/organisations', {
          type: 'asl',
          name: 'ASL X',
          comuneIstat: '082027',
          regionCode: '01',
        })
      ).status,
    ).toBe(400);
    expect((await admin.post('/api/v1/organisations', { type: 'nonsense', name: 'X' })).status).toBe(400);
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it('answers 401 → 400 → 404 → 403 → 200 on rename', async () => {
    const org = await makeOrg(t.db, { type: 'terzo_settore', regionCode: '12' });
    expect(
      (await new Agent(t.app).request('PATCH', `/api/v1/organisations/${org.id}`, { name: 'Nuovo nome' })).status,
    ).toBe(401);
    expect((await admin.patch(`/api/v1/organisations/${org.id}`, { name: '' })).status).toBe(400);
    expect((await admin.patch(`/api/v1/organisations/${randomUUID()}`, { name: 'Nuovo nome' })).status).toBe(404);
    expect((await op.patch(`/api/v1/organisations/${org.id}`, { name: 'Nuovo nome' })).status).toBe(403);
    const ok = await admin.patch<Org>(`/api/v1/organisations/${org.id}`, { name: 'Nuovo nome' });
    expect(ok.status).toBe(200);
    expect(ok.body.name).toBe('Nuovo nome');
  });

  it('lists and filters; shows users only to administrators', async () => {
    const org = await makeOrg(t.db, { type: 'comune' });
    await makeUser(t.db, { roles: ['referente_comunale'], org });
    const list = await op.get<{ items: Org[]; total: number }>(`/api/v1/organisations?comune=${org.comuneIstat}`);
    expect(list.body.items.map((o) => o.id)).toEqual([org.id]);
    expect((await op.get<Org>(`/api/v1/organisations/${org.id}`)).body.users).toEqual([]);
    expect((await admin.get<Org>(`/api/v1/organisations/${org.id}`)).body.users).toHaveLength(1);
    const byType = await op.get<{ items: Org[] }>('/api/v1/organisations?type=comune&pageSize=100');
    expect(byType.body.items.every((o) => o.type === 'comune')).toBe(true);
  });
});
