/**
 * An uploaded file cannot stall the server (issue 8, item 2). Over real HTTP on a loopback port: a
 * 0.7 MB XLSX that unzips to 240 MB is refused with a 413 problem within seconds while
 * GET /api/health keeps answering fast and the process's memory stays flat; the same bomb lying
 * about its size, three at once, likewise; nothing is written; a real small XLSX still imports.
 */
import { on } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../../../tests/support/harness.js';
import { loggedInPilotComune, pilotFingerprint } from '../../../../tests/support/pilot-factories.js';
import { xlsxBomb } from '../../../../tests/support/zip-files.js';
import { importColumns } from './import.service.js';

let t: TestApp;
let base: string;
let op: Agent;
let bomb: Buffer;
let lyingBomb: Buffer;

/** What Excel would hold: the import's header, then one short row repeated (about 49 bytes each). */
const UNZIPPED = 240_000_000;

beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  bomb = await xlsxBomb({ unzippedBytes: UNZIPPED, header: [...importColumns], row: ['x'] });
  lyingBomb = await xlsxBomb({ unzippedBytes: UNZIPPED, header: [...importColumns], row: ['x'], lie: true });
});
beforeEach(async () => {
  op = (await loggedInPilotComune(t)).as.operatore;
});
afterAll(async () => t.close());

/** POST /api/v1/pilot/import over HTTP with the operatore's session and CSRF token. */
async function postImport(file: Buffer, format: 'csv' | 'xlsx', mode = 'dry_run') {
  const { body } = await op.get<{ token: string }>('/api/v1/auth/csrf');
  const res = await fetch(`${base}/api/v1/pilot/import`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': body.token,
      cookie: [...op.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    body: JSON.stringify({ format, content: file.toString('base64'), mode }),
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: (await res.json()) as Record<string, unknown>,
  };
}

interface Watch {
  /** every GET /api/health answer's time, in ms (a failed request counts with the time it took to fail) */
  health: number[];
  /** health requests that got no 200 (a reset connection, a timeout, an error status) */
  healthFailures: number;
  /** the highest RSS seen above the one at the start, in MB */
  rssJumpMb: number;
}

/**
 * The watcher: a thread of its own (the server and this test share one event loop, so a poller
 * here would stall with the server and see nothing), polling GET /api/health one request after
 * another and sampling the process's RSS, which the server's worker threads share.
 */
const WATCHER = `
const { parentPort, workerData } = require('node:worker_threads');
const health = [];
let failures = 0;
let polling = true;
const startRss = process.memoryUsage().rss;
let peakRss = startRss;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 10);
parentPort.on('message', () => { polling = false; });
(async () => {
  parentPort.postMessage({ started: true });
  while (polling) {
    const started = performance.now();
    try {
      const res = await fetch(workerData.url, { signal: AbortSignal.timeout(120000) });
      await res.text();
      if (res.status !== 200) failures++;
    } catch {
      failures++;
    }
    health.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 20));
  }
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  parentPort.postMessage({ health, healthFailures: failures, rssJumpMb: (peakRss - startRss) / 1e6 });
})();
`;

/** Runs `work` with the watcher on, from 200 ms before until 200 ms after. */
async function watched<T>(work: () => Promise<T>): Promise<{ result: T; elapsedMs: number } & Watch> {
  const watcher = new Worker(WATCHER, { eval: true, workerData: { url: `${base}/api/health` } });
  const answers = on(watcher, 'message');
  await answers.next(); // polling
  await new Promise((r) => setTimeout(r, 200));
  const started = performance.now();
  const result = await work();
  const elapsedMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 200));
  watcher.postMessage('stop');
  const watch = (await answers.next()).value as [Watch];
  await watcher.terminate();
  return { result, elapsedMs, ...watch[0] };
}

const report = (name: string, w: { elapsedMs: number } & Watch) =>
  // the numbers of the closing note (no personal data: sizes and times only)
  console.info(
    `${name}: refused in ${Math.round(w.elapsedMs)} ms; health max ${Math.round(Math.max(...w.health))} ms ` +
      `over ${w.health.length} requests, ${w.healthFailures} failed; RSS +${Math.round(w.rssJumpMb)} MB`,
  );

describe('an XLSX zip bomb posted to the import', () => {
  it('is a 0.7 MB file that unzips to 240 MB (the testers’ file)', () => {
    expect(bomb.length).toBeLessThan(750_000);
    expect(lyingBomb.length).toBeLessThan(750_000);
  });

  it('is refused with a 413 problem at once, health answering fast throughout, writing nothing', async () => {
    const before = await pilotFingerprint(t.db);
    const w = await watched(() => postImport(bomb, 'xlsx'));
    report('declared bomb', w);
    expect(w.result).toMatchObject({ status: 413, type: expect.stringContaining('application/problem+json') });
    expect(w.result.body).toMatchObject({ code: 'upload.too_large', detail: expect.stringContaining('decompresso') });
    expect(w.elapsedMs).toBeLessThan(3_000);
    // the health watcher did poll around the refusal (fewer times on a loaded machine)
    expect(w.health.length).toBeGreaterThanOrEqual(2);
    expect(w.healthFailures).toBe(0);
    expect(Math.max(...w.health)).toBeLessThan(1_000);
    expect(w.rssJumpMb).toBeLessThan(300);
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });

  it('is refused the same when its zip lies about the sizes (counted while inflating), three at once', async () => {
    const before = await pilotFingerprint(t.db);
    const w = await watched(() => Promise.all([1, 2, 3].map(() => postImport(lyingBomb, 'xlsx', 'all'))));
    report('three lying bombs', w);
    for (const res of w.result) {
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ code: 'upload.too_large' });
    }
    expect(w.elapsedMs).toBeLessThan(15_000);
    expect(w.healthFailures).toBe(0);
    expect(Math.max(...w.health)).toBeLessThan(1_000);
    expect(w.rssJumpMb).toBeLessThan(600);
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });
});

describe('a real XLSX', () => {
  it('still imports, names read back exactly', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Beneficiari');
    ws.addRow([...importColumns]);
    ws.addRow(['D’Amico', 'Nicolò', '1989-07-08', 'M', 'SN', 'SN', 'wo|fr', '', '', '', '', '2026-05-05', 'si']);
    const res = await postImport(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx', 'all');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 1, encoding: null });
    const pseudonym = (res.body.report as { pseudonym: string }[])[0]!.pseudonym;
    const page = await op.get<{ items: { id: string }[] }>(`/api/v1/pilot/cases?q=${encodeURIComponent(pseudonym)}`);
    const detail = await op.get<{ members: { identity: { surname: string; givenNames: string } }[] }>(
      `/api/v1/pilot/cases/${page.body.items[0]!.id}`,
    );
    expect(detail.body.members[0]!.identity).toMatchObject({ surname: 'D’Amico', givenNames: 'Nicolò' });
  });
});
