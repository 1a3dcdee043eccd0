/**
 * An attacker's test of the quadro comparativo (issue 9, point 12): the Ministry divided "Speso" by
 * "Costo medio per PAI" and got the exact number of PAIs of each Comune. Here the attacker takes
 * the table as MLPS receives it (JSON and XLSX), for the demo Comuni and for small synthetic Comuni
 * with 1–9 PAIs (and 12, 13), and tries every ratio and difference between two published figures of
 * a row, between a row and the total, and the total minus the sum of the rows. No derivation may
 * give back a true count that the table does not already publish exactly (a count of 1–9, or one
 * that is not a multiple of 5). The same attack on the figures published before the fix finds the
 * counts, so the test has teeth.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { makeUser, TEST_PASSWORD } from '../../../../tests/support/factories.js';
import {
  makeCase,
  makePilotComune,
  type MadeCase,
  type PilotComune,
} from '../../../../tests/support/pilot-factories.js';
import { seedDemo } from '../../demo/index.js';
import { comparativeColumns } from './comparative.columns.js';

type Cell = number | '<10' | null;
interface Row {
  comuneIstat: string | null;
  comuneName: string;
  exact: boolean;
  cells: Record<string, Cell>;
}

const PERIOD = 'from=2026-01-01&to=2026-11-30';
const SMALL = [1, 2, 3, 4, 6, 7, 8, 9, 12, 13];
let t: TestApp;
let mlps: Agent;
/** The true counts the attacker must not find, per Comune (and '' for the total). */
const secrets = new Map<string, { pais: number; persons: Record<string, number> }>();

/** A count published as it is (a multiple of 5 from 10 up, or 0) is no secret. */
const isSecret = (n: number) => n > 0 && (n < 10 || n % 5 !== 0);

async function smallComune(paiCount: number, k: number): Promise<PilotComune> {
  const comune = await makePilotComune(t.db);
  const cases: MadeCase[] = [];
  for (let i = 0; i < paiCount; i++) cases.push(await makeCase(t.db, t.cipher, { comune, status: 'ammesso_misure' }));
  await t.db.ownerTx(async (tx) => {
    for (const [i, c] of cases.entries()) {
      const [p] = await tx.query<{ id: string }>(
        `INSERT INTO pilot_pais (case_id, person_id, comune_istat, status, shared_on, approved_on, approved_by, created_at, updated_at)
         VALUES ($1, $2, $3, 'in_corso', '2026-05-11', '2026-05-12', $4, now(), now()) RETURNING id`,
        [c.caseId, c.holderId, comune.istat, comune.referente.id],
      );
      // costs that are not round, so no quotient is whole by chance
      await tx.query(
        `INSERT INTO pilot_measures (pai_id, comune_istat, type, provider_name, start_on, end_on, hours_planned, hours_actual,
           cost_planned, cost_actual, status, created_at, updated_at)
         VALUES ($1, $2, 'corso_italiano', 'Scuola di prova', '2026-05-15', '2026-06-15', 20, 17, $3, $4, 'completata', now(), now())`,
        [p!.id, comune.istat, 1234.56 + 7.31 * i + k, 987.65 + 3.17 * i + k],
      );
    }
    await tx.query(
      'INSERT INTO pilot_budgets (comune_istat, year, allocation, updated_at) VALUES ($1, 2026, $2, now())',
      [comune.istat, 20_000 + 1_111 * k],
    );
  });
  return comune;
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.advance(Date.parse('2026-11-30T09:00:00Z') - t.clock.now().getTime());
  await seedDemo(t.db, 'demo-incas-2026', { cipher: t.cipher, today: new Date('2026-11-30T09:00:00Z') });
  for (const [k, n] of SMALL.entries()) await smallComune(n, k);
  mlps = new Agent(t.app);
  expect((await mlps.login((await makeUser(t.db, { roles: ['mlps'] })).email, TEST_PASSWORD)).status).toBe(200);
  // the true figures, read by the owner straight from the aggregate function
  const raw = await t.db.ownerTx(async (tx) => {
    await tx.query(`SELECT set_config('app.scope', 'national', true)`);
    return tx.query<{ comune_istat: string | null; metric: string; value: number | null; base: number | null }>(
      `SELECT comune_istat, metric, value, base FROM pilot_comparative_counts('2026-01-01'::date, '2026-11-30'::date)`,
    );
  });
  const kinds = new Map(comparativeColumns.map((c) => [c.key, c.kind]));
  for (const r of raw) {
    const key = r.comune_istat ?? '';
    const s = secrets.get(key) ?? { pais: 0, persons: {} };
    if (r.metric === 'cost_per_pai') s.pais = Number(r.base ?? 0);
    if (kinds.get(r.metric) === 'persons' && r.value !== null) s.persons[r.metric] = Number(r.value);
    secrets.set(key, s);
  }
}, 180_000);
afterAll(async () => t.close());

/** Every derivation an attacker can make from the published rows: [how, value]. */
function derivations(rows: Row[]): { row: string; how: string; value: number }[] {
  const out: { row: string; how: string; value: number }[] = [];
  const total = rows.find((r) => r.comuneIstat === null)!;
  const numeric = (r: Row) =>
    Object.entries(r.cells).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] !== 0);
  for (const r of rows) {
    const key = r.comuneIstat ?? '';
    const cells = numeric(r);
    for (const [ka, a] of cells)
      for (const [kb, b] of cells) {
        if (ka === kb) continue;
        out.push({ row: key, how: `${ka} / ${kb}`, value: a / b }, { row: key, how: `${ka} - ${kb}`, value: a - b });
      }
    if (r !== total)
      for (const [ka, a] of cells) {
        const tb = total.cells[ka];
        if (typeof tb === 'number' && tb !== 0) out.push({ row: key, how: `total ${ka} / ${ka}`, value: tb / a });
      }
  }
  // the total minus the sum of the other rows gives a row back when every row is published
  for (const c of comparativeColumns) {
    const values = rows.filter((r) => r !== total).map((r) => r.cells[c.key]);
    const tv = total.cells[c.key];
    if (typeof tv !== 'number' || values.some((v) => typeof v !== 'number')) continue;
    for (const [i, r] of rows.filter((x) => x !== total).entries()) {
      const others = values.reduce<number>((s, v, j) => (j === i ? s : s + (v as number)), 0);
      out.push({ row: r.comuneIstat ?? '', how: `total - others (${c.key})`, value: tv - others });
    }
  }
  return out;
}

const finance = new Set(comparativeColumns.filter((c) => c.block === 'finance').map((c) => c.key));

/**
 * The derivations that land on a true count the table does not publish: a quotient or difference
 * involving a finance column that gives the row's number of PAIs (what the averages are computed
 * over), or the total minus the other rows that gives a row's count of a column. (A quotient of two
 * rounded counts is a function of rounded figures only: whatever whole number it gives, by chance,
 * tells nothing more than the rounded figures.)
 */
function leaks(rows: Row[]): string[] {
  const found: string[] = [];
  for (const d of derivations(rows)) {
    const s = secrets.get(d.row);
    if (!s) continue;
    const near = Math.round(d.value);
    if (Math.abs(d.value - near) > 1e-3 || !isSecret(near)) continue;
    const differencing = /^total - others \((.+)\)$/.exec(d.how);
    const target = differencing
      ? s.persons[differencing[1]!]
      : [...finance].some((k) => d.how.includes(k))
        ? s.pais
        : undefined;
    if (target === near) found.push(`${d.row}: ${d.how} = ${d.value} (true count ${near})`);
  }
  return found;
}

async function xlsxRows(buf: Buffer, names: Map<string, string | null>): Promise<Row[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: Row[] = [];
  ws.eachRow((row, n) => {
    if (n < 6) return;
    const v1 = row.getCell(1).value;
    const label = typeof v1 === 'string' ? v1 : '';
    const cells: Record<string, Cell> = {};
    comparativeColumns.forEach((c, i) => {
      const v = row.getCell(2 + i).value;
      cells[c.key] = typeof v === 'number' ? v : v === '<10' ? '<10' : null;
    });
    rows.push({ comuneIstat: names.has(label) ? names.get(label)! : label, comuneName: label, exact: false, cells });
  });
  return rows;
}

describe('the quadro comparativo against derivations (issue 9, point 12)', () => {
  it('gives back no true count of PAIs by any ratio or difference, nor a row by total minus the others, in the JSON and in the XLSX', async () => {
    const json = await mlps.get<{ rows: Row[] }>(`/api/v1/pilot/comparative?${PERIOD}`);
    expect(json.status).toBe(200);
    const rows = json.body.rows;
    expect(rows.every((r) => !r.exact)).toBe(true);
    // the small Comuni are there, with their PAIs counted, and the demo Comuni too
    const pais = [...secrets.values()].map((s) => s.pais);
    for (const n of SMALL) expect(pais).toContain(n);
    expect(rows.length).toBeGreaterThanOrEqual(SMALL.length + 10);
    expect(leaks(rows)).toEqual([]);

    const xlsx = await mlps.get(`/api/v1/pilot/comparative.xlsx?${PERIOD}`);
    expect(xlsx.status).toBe(200);
    const names = new Map(rows.map((r) => [r.comuneName, r.comuneIstat]));
    const sheet = await xlsxRows(xlsx.raw.rawPayload, names);
    expect(sheet).toHaveLength(rows.length);
    expect(leaks(sheet)).toEqual([]);
  });

  it('finds the counts when the average is published over the true count, as it was (the attack works)', async () => {
    const json = await mlps.get<{ rows: Row[] }>(`/api/v1/pilot/comparative?${PERIOD}`);
    const before = json.body.rows.map((r) => {
      const s = secrets.get(r.comuneIstat ?? '')!;
      const spent = r.cells.spent;
      const old =
        typeof spent === 'number' && s.pais >= 10
          ? Math.round((spent / s.pais) * 100) / 100
          : (r.cells.cost_per_pai ?? null);
      return { ...r, cells: { ...r.cells, cost_per_pai: old } };
    });
    expect(leaks(before).length).toBeGreaterThan(0);
  });
});
