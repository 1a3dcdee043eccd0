/**
 * The upload reader with its real worker threads: files are parsed off the calling thread, a zip
 * bomb costs the event loop nothing, and the bounds hold — workers at once, queue (upload.busy,
 * 503 with Retry-After), time (the worker is terminated) and heap (Worker resourceLimits).
 */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { xlsxBomb } from '../../../tests/support/zip-files.js';
import { AppError } from '../errors.js';
import { createUploadReader, type UploadLimits, type UploadReader } from './index.js';

const readers: UploadReader[] = [];
function reader(over: Partial<UploadLimits> = {}): UploadReader {
  const r = createUploadReader(over);
  readers.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.close()));
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

/** The longest the event loop was late for a 10 ms timer while `work` ran. */
async function loopLag<T>(work: () => Promise<T>): Promise<{ result: T; lagMs: number }> {
  let lagMs = 0;
  let expected = performance.now() + 10;
  const timer = setInterval(() => {
    const now = performance.now();
    lagMs = Math.max(lagMs, now - expected);
    expected = now + 10;
  }, 10);
  try {
    return { result: await work(), lagMs };
  } finally {
    clearInterval(timer);
  }
}

const csv = Buffer.from('cognome;nomi\nD’Amico;Nicolò\n', 'utf8');

describe('the upload reader', () => {
  it('parses a CSV and an XLSX in a worker', async () => {
    const r = reader();
    expect(await r.read({ format: 'csv', bytes: csv })).toEqual({
      header: ['cognome', 'nomi'],
      rows: [{ line: 2, cells: ['D’Amico', 'Nicolò'] }],
      encoding: 'utf-8',
      delimiter: ';',
    });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Foglio1').addRows([
      ['cognome', 'nomi'],
      ['Perché', 'Nicolò'],
    ]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await r.read({ format: 'xlsx', bytes: xlsx })).rows).toEqual([{ line: 2, cells: ['Perché', 'Nicolò'] }]);
    expect(r.stats()).toEqual({ active: 0, queued: 0 });
  });

  it('reads several named worksheets of one XLSX in a worker, sheet names ignoring case', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('SURVEY').addRows([
      ['type', 'name'],
      ['text', 'comune'],
    ]);
    wb.addWorksheet('Settings').addRows([['form_id'], ['censimento_2021']]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const r = reader();
    expect(await r.readWorkbook({ bytes: xlsx, sheets: ['survey', 'choices', 'settings'] })).toEqual({
      sheetNames: ['SURVEY', 'Settings'],
      sheets: {
        survey: { name: 'SURVEY', header: ['type', 'name'], rows: [{ line: 2, cells: ['text', 'comune'] }] },
        choices: null,
        settings: { name: 'Settings', header: ['form_id'], rows: [{ line: 2, cells: ['censimento_2021'] }] },
      },
    });
    const err = await refusal(reader({ cells: 3 }).readWorkbook({ bytes: xlsx, sheets: ['survey'] }));
    expect(err).toMatchObject({ code: 'upload.too_complex', status: 413 });
    const notXlsx = await refusal(r.readWorkbook({ bytes: csv, sheets: ['survey'] }));
    expect(notXlsx).toMatchObject({ code: 'upload.unreadable', status: 400 });
    expect(r.stats()).toEqual({ active: 0, queued: 0 });
  });

  it('refuses a zip bomb that declares its size on the calling thread, starting no worker', async () => {
    const bomb = await xlsxBomb({ unzippedBytes: 240_000_000, header: ['cognome'], row: ['x'] });
    const r = reader();
    const started = performance.now();
    const err = await refusal(r.read({ format: 'xlsx', bytes: bomb }));
    expect(err).toMatchObject({ code: 'upload.too_large', status: 413 });
    expect(performance.now() - started).toBeLessThan(200);
    expect(r.stats()).toEqual({ active: 0, queued: 0 });
  });

  it('refuses a zip bomb that lies about its size in its worker, the event loop never waiting', async () => {
    const bomb = await xlsxBomb({ unzippedBytes: 240_000_000, header: ['cognome'], row: ['x'], lie: true });
    const r = reader();
    const started = performance.now();
    const { result, lagMs } = await loopLag(() => refusal(r.read({ format: 'xlsx', bytes: bomb })));
    expect(result).toMatchObject({ code: 'upload.too_large', status: 413 });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(lagMs).toBeLessThan(1000);
  });

  it('terminates a parse over its time limit: upload.too_complex (413)', async () => {
    const r = reader({ parseMs: 1 });
    const err = await refusal(r.read({ format: 'csv', bytes: csv }));
    expect(err).toMatchObject({ code: 'upload.too_complex', status: 413 });
    expect(err.message).toContain('secondi');
    expect(r.stats()).toEqual({ active: 0, queued: 0 });
  });

  it('terminates a worker that runs out of its heap: upload.too_complex (413), and the next file is read', async () => {
    const big = Buffer.from(`a;b;c\n${'xxxxxxxxxx;yyyyyyyyyy;zzzzzzzzzz\n'.repeat(20_000)}`, 'utf8');
    const tight = reader({ workerHeapMb: 4, cells: 1_000_000, rows: 1_000_000, fileBytes: 2_000_000 });
    const err = await refusal(tight.read({ format: 'csv', bytes: big }));
    expect(err).toMatchObject({ code: 'upload.too_complex', status: 413 });
    expect(err.message).toContain('memoria');
    expect(await reader().read({ format: 'csv', bytes: csv })).toMatchObject({ rows: [{ line: 2 }] });
  });

  it('runs at most maxConcurrent workers, queues maxQueued, and refuses the rest with upload.busy (503, Retry-After)', async () => {
    const r = reader({ maxConcurrent: 1, maxQueued: 1 });
    const first = r.read({ format: 'csv', bytes: csv });
    const second = r.read({ format: 'csv', bytes: csv });
    const third = await refusal(r.read({ format: 'csv', bytes: csv }));
    expect(third).toMatchObject({ code: 'upload.busy', status: 503, headers: { 'retry-after': '5' } });
    expect(r.stats()).toEqual({ active: 1, queued: 1 });
    await expect(first).resolves.toMatchObject({ rows: [{ line: 2 }] });
    await expect(second).resolves.toMatchObject({ rows: [{ line: 2 }] });
    expect(r.stats()).toEqual({ active: 0, queued: 0 });
  });

  it('refuses a file over the size limit before anything else', async () => {
    const err = await refusal(reader({ fileBytes: 10 }).read({ format: 'csv', bytes: csv }));
    expect(err).toMatchObject({ code: 'upload.too_large', status: 413 });
  });
});
