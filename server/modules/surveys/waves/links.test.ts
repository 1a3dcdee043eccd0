/**
 * Personal links through the API: issued once (the token in the answer, only its SHA-256 stored),
 * listed without tokens, revoked, re-issued (the previous one revoked), audited without the token,
 * never in the server's log.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.js';
import { auditRows } from '../../../../tests/support/factories.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import {
  comuneUser,
  defaultWave,
  makeSurvey,
  waveActors,
  type WaveActors,
} from '../../../../tests/support/survey-factories.js';
import { hashLinkToken } from '../shared/links.js';

type Issued = Schema<'SurveyIssuedLink'>;
type Link = Schema<'SurveyLink'>;

let t: TestApp;
let w: WaveActors;
let responseId: string;
let istat: string;
let waveId: string;
beforeAll(async () => {
  t = await startTestApp();
  w = await waveActors(t);
  const s = await makeSurvey(t.db, w.anci.id);
  const wave = await w.as.anci.post<{ id: string }>(
    `/api/v1/surveys/${s.surveyId}/waves`,
    defaultWave(s.publishedId, { universeRule: { kind: 'filter', regions: ['12'] } }),
  );
  waveId = wave.body.id;
  await w.as.anci.post(`/api/v1/surveys/waves/${waveId}/launch`);
  const [row] = await t.db.ownerTx((tx) =>
    tx.query<{ id: string; comune_istat: string }>(
      `SELECT id, comune_istat FROM survey_wave_comuni WHERE wave_id = $1 ORDER BY comune_istat LIMIT 1`,
      [waveId],
    ),
  );
  responseId = row!.id;
  istat = row!.comune_istat;
});
afterAll(async () => t.close());

const linksUrl = () => `/api/v1/surveys/responses/${responseId}/links`;

describe('personal links', () => {
  it('issues a link once: the token in the URL fragment, only its hash stored, audited without it', async () => {
    const res = await w.as.anci.post<Issued>(linksUrl(), { validDays: 30 });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.url).toBe(`${t.config.publicUrl.replace(/\/+$/, '')}/q#${res.body.token}`);
    expect(Date.parse(res.body.expiresAt) - t.clock.now().getTime()).toBe(30 * 86_400_000);
    const [stored] = await t.db.ownerTx((tx) =>
      tx.query<{ token_hash: string; comune_istat: string }>(
        'SELECT token_hash, comune_istat FROM survey_access_links WHERE id = $1',
        [res.body.id],
      ),
    );
    expect(stored).toEqual({ token_hash: hashLinkToken(res.body.token), comune_istat: istat });
    const audit = await auditRows(t.db, "action LIKE 'surveys.link.%'");
    expect(audit.map((r) => r.action)).toEqual(['surveys.link.issue']);
    expect(audit[0]!.tenant_comune).toBe(istat);
    const everything = await t.db.ownerTx((tx) => tx.query<{ row: string }>('SELECT a::text AS row FROM audit_log a'));
    expect(everything.some((r) => r.row.includes(res.body.token))).toBe(false);

    const list = await w.as.anci.get<{ items: Link[] }>(linksUrl());
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: res.body.id, status: 'attivo', lastUsedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(res.body.token);
  });

  it('re-issuing revokes the previous link; revoke is idempotent; expiry shows as scaduto', async () => {
    const first = (await w.as.anci.post<Issued>(linksUrl(), {})).body;
    const second = (await w.as.anci.post<Issued>(linksUrl(), { validDays: 1 })).body;
    expect(second.token).not.toBe(first.token);
    let list = (await w.as.anci.get<{ items: Link[] }>(linksUrl())).body.items;
    expect(list.find((l) => l.id === first.id)?.status).toBe('revocato');
    expect(list.filter((l) => l.status === 'attivo').map((l) => l.id)).toEqual([second.id]);

    const revoked = await w.as.anci.post<Link>(`/api/v1/surveys/links/${second.id}/revoke`);
    expect(revoked.body.status).toBe('revocato');
    const before = (await auditRows(t.db, "action = 'surveys.link.revoke'")).length;
    expect((await w.as.anci.post<Link>(`/api/v1/surveys/links/${second.id}/revoke`)).body.status).toBe('revocato');
    expect((await auditRows(t.db, "action = 'surveys.link.revoke'")).length).toBe(before);
    expect((await w.as.anci.post(`/api/v1/surveys/links/${crypto.randomUUID()}/revoke`)).status).toBe(404);

    const third = (await w.as.anci.post<Issued>(linksUrl(), { validDays: 1 })).body;
    // a day later (set in the row: moving the clock would also end the session)
    await t.db.ownerTx((tx) =>
      tx.query('UPDATE survey_access_links SET expires_at = $2 WHERE id = $1', [third.id, t.clock.now()]),
    );
    list = (await w.as.anci.get<{ items: Link[] }>(linksUrl())).body.items;
    expect(list.find((l) => l.id === third.id)?.status).toBe('scaduto');
  });

  it('only surveys.waves.manage: MLPS, a Regione, a Comune get 403; an unknown response 404', async () => {
    const c = await comuneUser(t, 'validatore_indagine', istat);
    for (const agent of [w.as.mlps, w.as.regione, c.agent]) {
      expect((await agent.post(linksUrl(), {})).status).toBe(403);
      expect((await agent.get(linksUrl())).status).toBe(403);
    }
    expect((await w.as.anci.get(`/api/v1/surveys/responses/${crypto.randomUUID()}/links`)).status).toBe(404);
    expect((await w.as.anci.post(linksUrl(), { validDays: 0 })).status).toBe(400);
  });

  it('a closed wave issues no link', async () => {
    const s = await makeSurvey(t.db, w.anci.id);
    const wave = await w.as.anci.post<{ id: string }>(
      `/api/v1/surveys/${s.surveyId}/waves`,
      defaultWave(s.publishedId, { universeRule: { kind: 'filter', include: ['001001'] } }),
    );
    await w.as.anci.post(`/api/v1/surveys/waves/${wave.body.id}/launch`);
    await w.as.anci.post(`/api/v1/surveys/waves/${wave.body.id}/close`);
    const [row] = await t.db.ownerTx((tx) =>
      tx.query<{ id: string }>('SELECT id FROM survey_wave_comuni WHERE wave_id = $1', [wave.body.id]),
    );
    const res = await w.as.anci.post<{ code: string }>(`/api/v1/surveys/responses/${row!.id}/links`, {});
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('surveys.wave.state');
  });
});

describe('the token never reaches the log', () => {
  it('with the logger on at trace level, no line holds the token', async () => {
    // the app as in production, logging to stdout (pino writes through fs.write/fs.writeSync on fd 1)
    const config = { ...t.config, logLevel: 'trace' as const };
    const app = await buildApp({ config, db: t.db, clock: t.clock, cipher: t.cipher });
    await app.ready();
    const lines: string[] = [];
    const original = { write: fs.write, writeSync: fs.writeSync };
    const grab = (fd: number, data: unknown) => {
      if (fd !== 1 && fd !== 2) return false;
      lines.push(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
      return true;
    };
    const patched = fs as unknown as Record<string, unknown>;
    patched.writeSync = (fd: number, data: unknown, ...rest: unknown[]) => {
      if (grab(fd, data)) return Buffer.byteLength(data as string);
      return (original.writeSync as (...a: unknown[]) => number)(fd, data, ...rest);
    };
    patched.write = (fd: number, data: unknown, ...rest: unknown[]) => {
      if (grab(fd, data)) {
        const cb = rest.find((r) => typeof r === 'function') as ((e: null, n: number) => void) | undefined;
        process.nextTick(() => cb?.(null, Buffer.byteLength(data as string)));
        return;
      }
      (original.write as (...a: unknown[]) => void)(fd, data, ...rest);
    };
    let token = '';
    try {
      const agent = await loginAs({ ...t, app }, w.anci);
      const res = await agent.post<Issued>(linksUrl(), {});
      expect(res.status).toBe(201);
      token = res.body.token;
      await agent.get(linksUrl());
      // a request that carries the token in the header the link-holder's routes read
      await new Agent(app).request('GET', '/api/v1/me', undefined, { headers: { 'x-survey-link': token } });
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      patched.write = original.write;
      patched.writeSync = original.writeSync;
      await app.close();
    }
    const log = lines.join('');
    expect(log).toContain('request completed');
    expect(log).toContain('/links');
    expect(log).not.toContain(token);
  });
});
