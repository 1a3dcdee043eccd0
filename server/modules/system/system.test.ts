import { describe, expect, it } from 'vitest';
import { Agent, startTestApp } from '../../../tests/support/harness.js';

describe('GET /api/health', () => {
  it('answers 200 while the database answers, and 503 problem+json once it does not', async () => {
    const t = await startTestApp();
    const a = new Agent(t.app);
    expect((await a.get('/api/health')).body).toEqual({ status: 'ok', database: 'ok' });
    await t.db.close();
    const down = await a.get<{ code: string }>('/api/health');
    expect(down.status).toBe(503);
    expect(down.body.code).toBe('database.unavailable');
    expect(down.headers['content-type']).toMatch(/problem\+json/);
    await t.app.close();
  });
});

describe('GET /status', () => {
  it('answers a problem object with status 200 while the database answers, without a session', async () => {
    const t = await startTestApp();
    const up = await new Agent(t.app).get<{ status: number; title: string }>('/status');
    expect(up.status).toBe(200);
    expect(up.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(up.headers['cache-control']).toBe('no-store');
    expect(up.body).toMatchObject({ status: 200, title: 'OK' });
    await t.close();
  });

  it('answers 503 problem+json once the database does not', async () => {
    const t = await startTestApp();
    await t.db.close();
    const down = await new Agent(t.app).get<{ status: number; code: string }>('/status');
    expect(down.status).toBe(503);
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.body).toMatchObject({ status: 503, code: 'database.unavailable' });
    await t.app.close();
  });
});
