/**
 * Funding sources and calls through the API: ANCI/Cittalia or MLPS configure a call's rules as data
 * in versions; a draft is edited and published once; a published version never changes (the API
 * and the database refuse it); a Comune reads the published rules and never a draft; bad rules
 * are refused whole and write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, makeUser, TEST_PASSWORD } from '../../../../tests/support/factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import type { Role } from '../../../platform/policy.js';
import { famiLikeRules, fnpmRules } from '../demo/call-rules.js';

type Source = Schema<'ProjectFundingSource'>;
type CallDetail = Schema<'ProjectCallDetail'>;
type CallList = Schema<'ProjectCallList'>;
type Problem = Schema<'Problem'>;

let t: TestApp;
let anci: Agent;
let mlps: Agent;
let comune: Agent;
let n = 0;
const code = () => `avviso-${++n}-${Date.now().toString(36)}`;

async function agentFor(role: Role): Promise<Agent> {
  const u = await makeUser(t.db, { roles: [role] });
  const a = new Agent(t.app);
  expect((await a.login(u.email, TEST_PASSWORD)).status).toBe(200);
  return a;
}

async function counts() {
  return t.db.ownerTx(async (tx) => {
    const [r] = await tx.query<{ calls: number; versions: number; sources: number }>(
      `SELECT (SELECT count(*)::int FROM project_calls) AS calls,
              (SELECT count(*)::int FROM project_call_versions) AS versions,
              (SELECT count(*)::int FROM project_funding_sources) AS sources`,
    );
    return r!;
  });
}

let source: Source;

beforeAll(async () => {
  t = await startTestApp();
  anci = await agentFor('assistenza_tecnica');
  mlps = await agentFor('mlps');
  comune = await agentFor('responsabile_amministrativo');
  const res = await anci.post<Source>('/api/v1/funding-sources', {
    code: `PN_FAMI_${Date.now().toString(36).toUpperCase()}`,
    nameIt: 'PN FAMI 2021-2027',
    programmeRef: 'OS2 azione f',
  });
  expect(res.status).toBe(201);
  source = res.body;
});
afterAll(async () => t.close());

describe('funding sources', () => {
  it('are added by ANCI/Cittalia or MLPS, with a unique code, and read by the Comuni', async () => {
    const again = await mlps.post<Problem>('/api/v1/funding-sources', { code: source.code, nameIt: 'Altro nome' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('projects.funding_source.code_taken');
    expect((await comune.post('/api/v1/funding-sources', { code: 'FNPM_X', nameIt: 'Fondo' })).status).toBe(403);
    const list = await comune.get<{ items: Source[] }>('/api/v1/funding-sources');
    expect(list.status).toBe(200);
    expect(list.body.items.map((s) => s.code)).toContain(source.code);
  });

  it('refuses a malformed code with 400 and writes nothing', async () => {
    const before = await counts();
    const res = await anci.post<Problem>('/api/v1/funding-sources', { code: 'pn fami', nameIt: 'x' });
    expect(res.status).toBe(400);
    expect(await counts()).toEqual(before);
  });
});

describe('calls and their versions', () => {
  it('creates a call with a draft, saves it, publishes it once, then refuses any change', async () => {
    const created = await anci.post<CallDetail>('/api/v1/funding-calls', {
      fundingSourceId: source.id,
      code: code(),
      titleIt: 'Avviso 1/2025 – Inclusione socio-lavorativa',
      rules: famiLikeRules,
    });
    expect(created.status).toBe(201);
    const call = created.body;
    expect(call.latestPublished).toBeNull();
    expect(call.hasDraft).toBe(true);
    expect(call.versions).toHaveLength(1);
    const draft = call.versions[0]!;
    expect(draft.published).toBe(false);

    // a Comune sees the call but not its draft
    const seen = await comune.get<CallDetail>(`/api/v1/funding-calls/${call.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.versions).toHaveLength(0);

    const edited = { ...famiLikeRules, caps: famiLikeRules.caps.map((c) => (c.id === 'g2' ? { ...c, bp: 250 } : c)) };
    const saved = await mlps.request<CallDetail>('PUT', `/api/v1/funding-calls/${call.id}/versions/${draft.id}`, {
      rules: edited,
      note: 'G2 portato al 2,5%',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.versions[0]!.rules.caps.find((c) => c.id === 'g2')!.bp).toBe(250);

    const published = await anci.post<CallDetail>(`/api/v1/funding-calls/${call.id}/versions/${draft.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.latestPublished).toMatchObject({
      id: draft.id,
      versionNo: 1,
      eligibility: famiLikeRules.eligibility,
    });
    expect(published.body.hasDraft).toBe(false);

    const twice = await anci.post<Problem>(`/api/v1/funding-calls/${call.id}/versions/${draft.id}/publish`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('projects.call.version_published');
    const change = await anci.request<Problem>('PUT', `/api/v1/funding-calls/${call.id}/versions/${draft.id}`, {
      rules: famiLikeRules,
    });
    expect(change.status).toBe(409);
    // the database refuses it too, even to its owner
    await expect(
      t.db.ownerTx((tx) => tx.query(`UPDATE project_call_versions SET note = 'x' WHERE id = $1`, [draft.id])),
    ).rejects.toThrow(/cannot change/);

    // version 2: a draft beside the published one; only one draft at a time
    const v2 = await anci.post<CallDetail>(`/api/v1/funding-calls/${call.id}/versions`, { rules: fnpmRules });
    expect(v2.status).toBe(201);
    expect(v2.body.versions.map((v) => [v.versionNo, v.published])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect(v2.body.latestPublished!.versionNo).toBe(1);
    const third = await anci.post<Problem>(`/api/v1/funding-calls/${call.id}/versions`, { rules: fnpmRules });
    expect(third.status).toBe(409);
    expect(third.body.code).toBe('projects.call.draft_exists');

    const list = await comune.get<CallList>('/api/v1/funding-calls');
    expect(list.body.items.find((c) => c.id === call.id)).toMatchObject({
      hasDraft: true,
      latestPublished: { versionNo: 1 },
    });

    const audit = await auditRows(t.db, `entity_id = $1`, [call.id]);
    expect(audit.map((a) => a.action)).toEqual([
      'projects.call.create',
      'projects.call.version_save',
      'projects.call.version_publish',
      'projects.call.version_create',
    ]);
  });

  it('refuses rules that contradict themselves, whole, writing nothing', async () => {
    const before = await counts();
    const bad = {
      ...famiLikeRules,
      eligibility: { from: '2026-01-01', to: '2025-01-01' },
      categories: [...famiLikeRules.categories, famiLikeRules.categories[0]!],
      caps: [...famiLikeRules.caps, { ...famiLikeRules.caps[0]!, id: 'zz', categories: ['Z9'] }],
    };
    const res = await anci.post<Problem>('/api/v1/funding-calls', {
      fundingSourceId: source.id,
      code: code(),
      titleIt: 'Avviso sbagliato',
      rules: bad,
    });
    expect(res.status).toBe(400);
    expect(await counts()).toEqual(before);
    for (const cap of [{ bp: 10_001 }, { bp: -1 }, { bp: 7.5 }, { basis: 'NETTO' }]) {
      const r = await anci.post('/api/v1/funding-calls', {
        fundingSourceId: source.id,
        code: code(),
        titleIt: 'Avviso sbagliato',
        rules: { ...famiLikeRules, caps: [{ ...famiLikeRules.caps[0]!, ...cap }] },
      });
      expect(r.status, JSON.stringify(cap)).toBe(400);
    }
    expect(await counts()).toEqual(before);
  });

  it('answers 404 for an unknown call or source and 409 for a code used twice', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await comune.get<Problem>(`/api/v1/funding-calls/${unknown}`)).body.code).toBe('projects.call.not_found');
    const noSource = await anci.post<Problem>('/api/v1/funding-calls', {
      fundingSourceId: unknown,
      code: code(),
      titleIt: 'Avviso',
      rules: famiLikeRules,
    });
    expect(noSource.status).toBe(404);
    const c = code();
    expect(
      (
        await anci.post('/api/v1/funding-calls', {
          fundingSourceId: source.id,
          code: c,
          titleIt: 'Uno',
          rules: fnpmRules,
        })
      ).status,
    ).toBe(201);
    const dup = await mlps.post<Problem>('/api/v1/funding-calls', {
      fundingSourceId: source.id,
      code: c.toUpperCase(),
      titleIt: 'Due',
      rules: fnpmRules,
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('projects.call.code_taken');
  });

  it('lets only ANCI/Cittalia and MLPS write; a revisore or a Regione reads', async () => {
    for (const role of ['referente_comunale', 'regione', 'revisore', 'operatore'] as Role[]) {
      const a = await agentFor(role);
      const res = await a.post('/api/v1/funding-calls', {
        fundingSourceId: source.id,
        code: code(),
        titleIt: 'Avviso',
        rules: famiLikeRules,
      });
      expect(res.status, role).toBe(403);
    }
    expect((await (await agentFor('regione')).get('/api/v1/funding-calls')).status).toBe(200);
    expect((await (await agentFor('operatore')).get('/api/v1/funding-calls')).status).toBe(403);
  });
});
