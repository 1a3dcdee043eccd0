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
