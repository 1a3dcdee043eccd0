/**
 * The help desk's demo: seeded on a fresh test database after the demo module's accounts, about 200
 * requests of the demo Comuni over the last year across Regions and topics, with conversations,
 * assignments to the help desk's demo accounts, resolutions and ratings, some late and signalled,
 * and the published entries of the knowledge base; all text synthetic; a second run changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/db.js';
import { openTestDb } from '../../../tests/support/harness.js';
import { seedDemo } from '../demo/index.js';
import { seedHelpdeskDemo } from './helpdesk.demo.js';
import { helpTopics } from './shared/vocabulary.js';

const TODAY = new Date('2026-11-30T09:00:00Z');
let db: Database;
let seeded: { requests: number; answers: number };
const q = <T>(sql: string, params: unknown[] = []) => db.ownerTx((tx) => tx.query<T>(sql, params));

beforeAll(async () => {
  db = await openTestDb();
  await seedDemo(db, 'demo-incas-2026');
  seeded = await seedHelpdeskDemo(db, TODAY);
}, 240_000);
afterAll(async () => db.close());

describe('help desk demo data', () => {
  it('makes about 200 requests over the last year across Regions, topics and states', async () => {
    expect(seeded.requests).toBe(200);
    const [span] = await q<{ first: Date; last: Date; regions: number; comuni: number }>(
      `SELECT min(created_at) AS first, max(created_at) AS last, count(DISTINCT region_code)::int AS regions,
              count(DISTINCT comune_istat)::int AS comuni FROM hd_requests`,
    );
    expect(TODAY.getTime() - span!.first.getTime()).toBeGreaterThan(300 * 86_400_000);
    expect(span!.last.getTime()).toBeLessThanOrEqual(TODAY.getTime());
    expect(span!.regions).toBeGreaterThanOrEqual(8);
    expect(span!.comuni).toBeGreaterThanOrEqual(8);
    const topics = await q<{ topic: string }>('SELECT DISTINCT topic FROM hd_requests ORDER BY topic');
    expect(topics.map((t) => t.topic)).toEqual([...helpTopics].sort());
    const states = await q<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM hd_requests GROUP BY status',
    );
    const by = Object.fromEntries(states.map((s) => [s.status, s.n]));
    expect(by.CHIUSA).toBeGreaterThan(100);
    for (const s of ['NUOVA', 'RISOLTA', 'IN_LAVORAZIONE']) expect(by[s]).toBeGreaterThan(0);
  });

  it('gives them conversations, assignments to the help desk, ratings and late signals', async () => {
    const [m] = await q<{ without: number; internal: number; anci: number }>(
      `SELECT (SELECT count(*)::int FROM hd_requests r WHERE NOT EXISTS
                (SELECT 1 FROM hd_messages m WHERE m.request_id = r.id AND m.side = 'COMUNE')) AS without,
              (SELECT count(*)::int FROM hd_messages WHERE internal) AS internal,
              (SELECT count(*)::int FROM hd_messages WHERE side = 'ANCI' AND NOT internal) AS anci`,
    );
    expect(m).toMatchObject({ without: 0 });
    expect(m!.internal).toBeGreaterThan(0);
    expect(m!.anci).toBeGreaterThan(100);
    const assignees = await q<{ email: string }>(
      'SELECT DISTINCT u.email FROM hd_requests r JOIN users u ON u.id = r.assignee_id ORDER BY u.email',
    );
    expect(assignees.map((a) => a.email)).toEqual([
      'assistenza.anci@demo.incas.local',
      'assistenza.cittalia@demo.incas.local',
    ]);
    const [r] = await q<{ rated: number; avg: string; escalated: number; signals: number }>(
      `SELECT count(satisfaction)::int AS rated, avg(satisfaction) AS avg, count(escalated_at)::int AS escalated,
              (SELECT count(*)::int FROM hd_escalations) AS signals FROM hd_requests`,
    );
    expect(r!.rated).toBeGreaterThan(50);
    expect(Number(r!.avg)).toBeGreaterThan(3);
    expect(r!.escalated).toBeGreaterThan(0);
    expect(r!.signals).toBeGreaterThanOrEqual(r!.escalated);
  });

  it('publishes the knowledge base, searchable in Italian, and writes only synthetic text', async () => {
    expect(seeded.answers).toBeGreaterThanOrEqual(15);
    const found = await q<{ slug: string }>(
      `SELECT slug FROM hd_answers WHERE status = 'PUBBLICATA' AND search @@ websearch_to_tsquery('italian', 'rimborsi')`,
    );
    expect(found.length).toBeGreaterThan(0);
    const [texts] = await q<{ bad: number }>(
      `SELECT (SELECT count(*)::int FROM hd_messages WHERE body NOT LIKE '[demo]%')
            + (SELECT count(*)::int FROM hd_answers WHERE answer NOT LIKE '[demo]%') AS bad`,
    );
    expect(texts!.bad).toBe(0);
  });

  it('changes nothing when run again', async () => {
    expect(await seedHelpdeskDemo(db, TODAY)).toEqual({ requests: 0, answers: 0 });
    const [n] = await q<{ n: number }>('SELECT count(*)::int AS n FROM hd_requests');
    expect(n!.n).toBe(200);
  });
});
