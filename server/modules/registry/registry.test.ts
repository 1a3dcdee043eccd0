import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../tests/support/harness.js';
import { auditRows, makeUser, TEST_PASSWORD } from '../../../tests/support/factories.js';
import { projectRoot } from '../../platform/paths.js';
import { loadRegistry } from './registry.load.js';

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
interface C {
  istatCode: string;
  name: string;
  nameAlt: string | null;
  population: number;
  regionCode: string;
  band: string;
  provinceSigla: string;
  saiNetwork: boolean;
}

const csv = parse<Record<string, string>>(
  readFileSync(join(projectRoot(), 'data-sources', 'registry', 'comuni.csv'), 'utf8'),
  { columns: true },
);

let t: TestApp;
let op: Agent;
let admin: Agent;
beforeAll(async () => {
  t = await startTestApp();
  op = new Agent(t.app);
  await op.login((await makeUser(t.db, { roles: ['operatore'] })).email, TEST_PASSWORD);
  admin = new Agent(t.app);
  await admin.login((await makeUser(t.db, { roles: ['amministratore'] })).email, TEST_PASSWORD);
});
afterAll(async () => t.close());

describe('Comuni search', () => {
  it('holds every active Comune of the source', async () => {
    const r = await op.get<Page<C>>('/api/v1/comuni');
    expect(r.body.total).toBe(csv.length);
    expect(r.body.total).toBe(7894);
  });

  it('finds Cefalù by "cefalu": prefix, case and accents ignored', async () => {
    for (const q of ['cefalu', 'CEFALÙ', 'Cefa']) {
      const r = await op.get<Page<C>>(`/api/v1/comuni?q=${encodeURIComponent(q)}`);
      expect(
        r.body.items.map((c) => c.name),
        q,
      ).toContain('Cefalù');
    }
  });

  it('finds by ISTAT code, codice catastale, a word inside the name and the alternative-language name', async () => {
    expect((await op.get<Page<C>>('/api/v1/comuni?q=087015')).body.items.map((c) => c.name)).toEqual(['Catania']);
    expect((await op.get<Page<C>>('/api/v1/comuni?q=f205')).body.items.map((c) => c.name)).toEqual(['Milano']);
    const calabria = await op.get<Page<C>>('/api/v1/comuni?q=calabria');
    expect(calabria.body.items.map((c) => c.name)).toContain('Reggio di Calabria');
    const bozen = await op.get<Page<C>>('/api/v1/comuni?q=bozen');
    expect(bozen.body.items.map((c) => c.nameAlt)).toContain('Bozen');
    // names that start with the text come before names that merely contain a word starting with it
    const reggio = await op.get<Page<C>>('/api/v1/comuni?q=reggio&pageSize=5');
    expect(reggio.body.items[0]!.name.toLowerCase().startsWith('reggio')).toBe(true);
  });

  it('filters by region, province and band, with totals that match the source data', async () => {
    const sicily = await op.get<Page<C>>('/api/v1/comuni?region=19&pageSize=100');
    expect(sicily.body.total).toBe(csv.filter((r) => r.region_code === '19').length);
    expect(sicily.body.items.every((c) => c.regionCode === '19')).toBe(true);
    const big = await op.get<Page<C>>('/api/v1/comuni?band=gt200k&pageSize=100');
    expect(big.body.total).toBe(csv.filter((r) => Number(r.population) > 200_000).length);
    const over15k = csv.filter((r) => Number(r.population) > 15_000).length;
    let sum = 0;
    for (const band of ['15k-50k', '50k-100k', '100k-200k', 'gt200k']) {
      sum += (await op.get<Page<C>>(`/api/v1/comuni?band=${band}&pageSize=1`)).body.total;
    }
    expect(sum).toBe(over15k);
    expect(over15k).toBe(746);
    const palermo = await op.get<Page<C>>('/api/v1/comuni?province=082&pageSize=1');
    expect(palermo.body.total).toBe(csv.filter((r) => r.province_code === '082').length);
  });

  it('pages and sorts', async () => {
    const top = await op.get<Page<C>>('/api/v1/comuni?sort=-population&pageSize=3');
    expect(top.body.items.map((c) => c.name)).toEqual(['Roma', 'Milano', 'Napoli']);
    const p1 = await op.get<Page<C>>('/api/v1/comuni?sort=name&pageSize=10&page=1');
    const p2 = await op.get<Page<C>>('/api/v1/comuni?sort=name&pageSize=10&page=2');
    expect(p1.body.items).toHaveLength(10);
    expect(p2.body.items[0]!.istatCode).not.toBe(p1.body.items[9]!.istatCode);
    expect(p2.body.page).toBe(2);
    const last = await op.get<Page<C>>('/api/v1/comuni?sort=name&pageSize=100&page=79');
    expect(last.body.items).toHaveLength(94);
  });

  it('rejects bad parameters with every invalid field listed', async () => {
    const r = await op.get<{ errors: { path: string }[] }>(
      '/api/v1/comuni?pageSize=0&band=huge&region=x&sort=magic&extra=1',
    );
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e) => e.path).sort()).toEqual(
      expect.arrayContaining(['querystring.band', 'querystring.pageSize', 'querystring.region', 'querystring.sort']),
    );
  });

  it('treats search text as data, never as SQL', async () => {
    for (const q of ["'; DROP TABLE comuni; --", '%', '_', '\\', "O'Higgins"]) {
      const r = await op.get<Page<C>>(`/api/v1/comuni?q=${encodeURIComponent(q)}`);
      expect(r.status, q).toBe(200);
    }
    expect((await op.get<Page<C>>('/api/v1/comuni')).body.total).toBe(7894);
    expect((await op.get<Page<C>>('/api/v1/comuni?q=cefalu')).body.items.map((x) => x.name)).toContain('Cefalù');
  });
});

describe('Comune detail and flags', () => {
  it('shows a Comune with its data, band and macro-area', async () => {
    const r = await op.get<
      C & { macroArea: string; codiceCatastale: string; populationMonth: string; organisations: unknown[] }
    >('/api/v1/comuni/015146');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      name: 'Milano',
      codiceCatastale: 'F205',
      provinceSigla: 'MI',
      regionCode: '03',
      band: 'gt200k',
      macroArea: 'NO',
      populationMonth: '2026-04',
      population: 1398249,
    });
  });

  it('PATCH answers 401 → 400 → 404 → 403 → 200, with an audit row on the Comune', async () => {
    expect((await new Agent(t.app).request('PATCH', '/api/v1/comuni/082027', { saiNetwork: true })).status).toBe(401);
    expect((await admin.patch('/api/v1/comuni/082027', { saiNetwork: 'yes' })).status).toBe(400);
    expect((await admin.patch('/api/v1/comuni/999999', { saiNetwork: true })).status).toBe(404);
    expect((await op.patch('/api/v1/comuni/082027', { saiNetwork: true })).status).toBe(403);
    const ok = await admin.patch<C>('/api/v1/comuni/082027', { saiNetwork: true });
    expect(ok.status).toBe(200);
    expect(ok.body.saiNetwork).toBe(true);
    const rows = await auditRows(t.db, `action = 'comune.update' AND entity_id = '082027'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tenant_comune).toBe('082027');
    const sai = await op.get<Page<C>>('/api/v1/comuni?saiNetwork=true');
    expect(sai.body.items.map((c) => c.istatCode)).toContain('082027');
  });

  it('answers 404 for an unknown Comune and 400 for a malformed code', async () => {
    expect((await op.get('/api/v1/comuni/999999')).status).toBe(404);
    expect((await op.get('/api/v1/comuni/12ab')).status).toBe(400);
  });
});

describe('regions, provinces, sources', () => {
  it('lists 20 regions with macro-areas and 107 provinces', async () => {
    const regions = await op.get<{ items: { code: string; macroArea: string }[] }>('/api/v1/regions');
    expect(regions.body.items).toHaveLength(20);
    expect(regions.body.items.find((r) => r.code === '19')!.macroArea).toBe('I');
    expect((await op.get<{ items: unknown[] }>('/api/v1/provinces')).body.items).toHaveLength(107);
    const sicily = await op.get<{ items: { regionCode: string }[] }>('/api/v1/provinces?region=19');
    expect(sicily.body.items.length).toBe(9);
  });

  it('publishes the sources with licence and attribution, without login', async () => {
    const r = await new Agent(t.app).get<{ items: { id: string; licence: string; attribution: string }[] }>(
      '/api/v1/registry/sources',
    );
    expect(r.status).toBe(200);
    expect(r.body.items.map((s) => s.licence).sort()).toEqual(['CC BY 4.0', 'CC BY 4.0', 'CC0 1.0']);
    expect(r.body.items.some((s) => s.attribution.includes('ANPR'))).toBe(true);
  });

  it('loads the registry idempotently and keeps the platform flags', async () => {
    await admin.patch('/api/v1/comuni/001001', { pilot18ter: true });
    const again = await loadRegistry(t.db);
    expect(again.skipped).toBe(true);
    // a database loaded by an older loader (before search terms existed) reloads once
    await t.db.ownerExec(`DELETE FROM comuni_search_terms; UPDATE registry_sources SET content_hash = 'older loader'`);
    const reload = await loadRegistry(t.db);
    expect(reload).toMatchObject({ skipped: false, comuni: 7894, provinces: 107, regions: 20 });
    const c = await op.get<{ pilot18ter: boolean }>('/api/v1/comuni/001001');
    expect(c.body.pilot18ter).toBe(true);
    expect((await op.get<Page<C>>('/api/v1/comuni')).body.total).toBe(7894);
    expect((await op.get<Page<C>>('/api/v1/comuni?q=cefalu')).body.items.map((x) => x.name)).toContain('Cefalù');
  });
});
