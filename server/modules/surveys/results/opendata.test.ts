/**
 * Open data of a wave (issue 11 item 6; decision 0044): ANCI/Cittalia release a dataset of
 * aggregates (others 403), the questions that may not be released are refused with a stable code,
 * the released CSV passes disclosure control (no 1–9, multiples of 5, suppressed cells empty and
 * flagged, never 0), a visitor without a session reads the list, the CSV and the DCAT-AP_IT
 * metadata (JSON-LD and Turtle, parsed back), the catalogue lists it, and a withdrawal (audited)
 * takes it off the public catalogue with 404.
 */
import { createHash } from 'node:crypto';
import { Parser, type Quad } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readItalianCsv } from '../../../../tests/support/csv.js';
import { auditRows } from '../../../../tests/support/factories.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { comuniOf, makeResultsWave } from '../../../../tests/support/survey-results-factories.js';
import { waveActors, type WaveActors } from '../../../../tests/support/survey-factories.js';

type Release = Schema<'OpenDataRelease'>;
type Releases = Schema<'OpenDataReleaseList'>;
type Datasets = Schema<'OpenDatasetList'>;
type Problem = { code: string; status: number };
type Node = Record<string, unknown> & { '@id': string; '@type'?: string[] };
type JsonLd = { '@context': Record<string, string>; '@graph': Node[] };

let t: TestApp;
let w: WaveActors;
let waveId: string;
let visitor: Agent;
let puglia: string[];

const TITLE = 'Lavoratori stranieri: «presenza» e "stime"';
const DESCRIPTION = 'Dati per Regione;\ncon controllo della riservatezza (celle soppresse vuote).';
const release = (over: Record<string, unknown> = {}) => ({
  questions: ['presenza', 'addetti', 'lavoratori', 'stagionali'],
  level: 'regione',
  titleIt: TITLE,
  titleEn: 'Foreign workers: presence and estimates',
  descriptionIt: DESCRIPTION,
  keywords: ['lavoro', 'agricoltura'],
  theme: 'SOCI',
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  w = await waveActors(t, '16');
  visitor = new Agent(t.app);
  puglia = await comuniOf(t.db, '16', 4);
  const piemonte = await comuniOf(t.db, '01', 2);
  const [c1, c2, c3, c4] = puglia as [string, string, string, string];
  const [p1, p2] = piemonte as [string, string];
  // Puglia: 4 Comuni; workers' minima 13 + 3 + 6 + 0 = 22 (→ 20), maxima 13 + 8 + 6 + 0 = 27 (→ 25);
  // seasonal workers 2 + 3 + 1 = 6 on 3 Comuni (1–9: suppressed). Piemonte: 2 Comuni (suppressed).
  waveId = await makeResultsWave(t.db, w.anci.id, [
    {
      istat: c1,
      status: 'inviato',
      answers: {
        presenza: 'si',
        addetti: 10,
        lavoratori: { value: 13, quality: 'certo' },
        stagionali: { value: 2, quality: 'certo' },
        note: 'Un testo libero che non esce mai',
      },
    },
    {
      istat: c2,
      status: 'validato',
      answers: {
        presenza: 'si',
        addetti: 20,
        lavoratori: { min: 3, max: 8, quality: 'stima' },
        stagionali: { value: 3, quality: 'certo' },
      },
    },
    {
      istat: c3,
      status: 'consolidato',
      answers: {
        presenza: 'no',
        addetti: 0,
        lavoratori: { value: 6, quality: 'certo' },
        stagionali: { value: 1, quality: 'certo' },
      },
    },
    {
      istat: c4,
      status: 'inviato',
      answers: { presenza: 'no', addetti: 6, lavoratori: { value: 0, quality: 'certo' } },
    },
    { istat: p1, status: 'inviato', answers: { presenza: 'si', lavoratori: { value: 40, quality: 'certo' } } },
    { istat: p2, status: 'inviato', answers: { presenza: 'si', lavoratori: { value: 50, quality: 'certo' } } },
  ]);
});
afterAll(() => t.close());

const releaseUrl = () => `/api/v1/surveys/waves/${waveId}/open-data`;

/** A CSV body (BOM, ";" and CRLF, quotes doubled) as records keyed by its header. */
type Row = { [k in (typeof COLUMNS)[number]]: string };
const COLUMNS = [
  'livello',
  'codice_area',
  'area',
  'domanda',
  'domanda_etichetta',
  'misura',
  'scelta',
  'scelta_etichetta',
  'valore',
  'base_comuni',
  'soppresso',
] as const;

function csvRecords(text: string): Row[] {
  const rows = readItalianCsv(text);
  const [header, ...body] = rows;
  expect(header).toEqual([...COLUMNS]);
  return body.map((r) => Object.fromEntries(COLUMNS.map((h, i) => [h, r[i] ?? ''])) as Row);
}

const values = (n: Node, p: string) => (n[p] as { '@id'?: string; '@value'?: string; '@language'?: string }[]) ?? [];

describe('releasing a dataset', () => {
  it('answers 401 without a session, 403 to MLPS and a Regione', async () => {
    expect((await visitor.post(releaseUrl(), release())).status).toBe(401);
    for (const a of [w.as.mlps, w.as.regione]) {
      const res = await a.post<Problem>(releaseUrl(), release());
      expect(res.status).toBe(403);
      expect((await a.get(releaseUrl())).status).toBe(403);
    }
  });

  it('refuses free text, persons per Comune and unknown questions with surveys.opendata.question', async () => {
    const cases = [
      release({ questions: ['presenza', 'note'] }),
      release({ level: 'comune', questions: ['lavoratori'] }),
      release({ questions: ['nessuna'] }),
    ];
    for (const body of cases) {
      const res = await w.as.anci.post<Problem>(releaseUrl(), body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('surveys.opendata.question');
    }
    const none = await t.db.ownerTx((tx) =>
      tx.query('SELECT 1 FROM survey_open_datasets WHERE wave_id = $1', [waveId]),
    );
    expect(none).toHaveLength(0);
  });

  it('releases by Regione: the frozen CSV is controlled, public without a session, and audited', async () => {
    const res = await w.as.anci.post<Release>(releaseUrl(), release());
    expect(res.status).toBe(201);
    const d = res.body;
    expect(d.level).toBe('regione');
    expect(d.temporal).toEqual({ start: '2026-01-10', end: '2026-03-31' });
    expect(d.spatial).toEqual({ regionCode: null, name: 'Italia' });
    expect(d.licence.url).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(d.withdrawnAt).toBeNull();

    const csv = await visitor.request('GET', `/api/v1/open-data/datasets/${d.id}/distribution.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const bytes = csv.raw.rawPayload;
    expect(bytes.length).toBe(d.distribution.byteSize);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(d.distribution.sha256);
    expect(csv.headers.etag).toBe(`"${d.distribution.sha256}"`);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFlivello;codice_area;area;domanda;domanda_etichetta;misura;scelta;scelta_etichetta;valore;base_comuni;soppresso',
    );
    const rows = csvRecords(text);
    expect(rows).toHaveLength(d.distribution.rows);
    // every Region, for each question and measure: presenza (2 choices), addetti, lavoratori (2), stagionali (2)
    expect(rows.length).toBe(20 * 7);
    expect(rows.some((r) => r.domanda === 'note' || r.valore.includes('testo libero'))).toBe(false);
    for (const r of rows) {
      if (r.soppresso === 'si') {
        expect(r.valore, JSON.stringify(r)).toBe('');
        expect(r.base_comuni).toBe('');
      } else expect(r.soppresso).toBe('no');
      if (r.misura.startsWith('somma_') && r.valore !== '') {
        const n = Number(r.valore.replace(',', '.'));
        expect(n % 5, JSON.stringify(r)).toBe(0);
        expect(n >= 1 && n <= 9).toBe(false);
      }
    }
    const cell = (area: string, q: string, m: string, choice = '') =>
      rows.find((r) => r.codice_area === area && r.domanda === q && r.misura === m && r.scelta === choice)!;
    expect(cell('16', 'lavoratori', 'somma_minimi')).toMatchObject({ valore: '20', base_comuni: '4', soppresso: 'no' });
    expect(cell('16', 'lavoratori', 'somma_massimi')).toMatchObject({ valore: '25', soppresso: 'no' });
    expect(cell('16', 'stagionali', 'somma_minimi')).toMatchObject({ valore: '', base_comuni: '', soppresso: 'si' });
    expect(cell('16', 'presenza', 'quota', 'si')).toMatchObject({
      valore: '0,5',
      base_comuni: '4',
      scelta_etichetta: 'Sì',
    });
    expect(cell('16', 'addetti', 'media')).toMatchObject({ valore: '9', soppresso: 'no' });
    // Piemonte rests on 2 Comuni: every cell suppressed, none 0
    expect(cell('01', 'lavoratori', 'somma_minimi')).toMatchObject({ valore: '', soppresso: 'si' });
    expect(cell('01', 'presenza', 'quota', 'si')).toMatchObject({ valore: '', soppresso: 'si' });
    // a Region with no answer: empty, base 0, not suppressed
    expect(cell('12', 'presenza', 'quota', 'si')).toMatchObject({ valore: '', base_comuni: '0', soppresso: 'no' });

    const audit = await auditRows(t.db, "action = 'surveys.opendata.release' AND entity_id = $1", [d.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_user_id).toBe(w.anci.id);
    expect(audit[0]!.details).toMatchObject({ waveId, level: 'regione', sha256: d.distribution.sha256 });

    // a second request with the ETag: 304
    const again = await visitor.request('GET', `/api/v1/open-data/datasets/${d.id}/distribution.csv`, undefined, {
      headers: { 'if-none-match': csv.headers.etag as string },
    });
    expect(again.status).toBe(304);
  });

  it('releases per Comune a question that is not about persons, over one Region', async () => {
    const res = await w.as.anci.post<Release>(
      releaseUrl(),
      release({ level: 'comune', region: '16', questions: ['presenza', 'addetti'], titleEn: undefined }),
    );
    expect(res.status).toBe(201);
    expect(res.body.spatial).toEqual({ regionCode: '16', name: 'Puglia' });
    const csv = await visitor.request('GET', `/api/v1/open-data/datasets/${res.body.id}/distribution.csv`);
    const rows = csvRecords(csv.raw.rawPayload.toString('utf8'));
    expect(new Set(rows.map((r) => r.codice_area))).toEqual(new Set(puglia));
    expect(rows.find((r) => r.codice_area === puglia[0] && r.domanda === 'addetti')).toMatchObject({ valore: '10' });
  });
});

describe('the public catalogue', () => {
  let id: string;
  beforeAll(async () => {
    const list = await visitor.get<Datasets>('/api/v1/open-data/datasets');
    id = list.body.items.find((d) => d.title.it === TITLE && d.level === 'regione')!.id;
  });

  it('lists the datasets without a session, with links to the CSV and the metadata', async () => {
    const res = await visitor.get<Datasets>('/api/v1/open-data/datasets');
    expect(res.status).toBe(200);
    const d = res.body.items.find((x) => x.id === id)!;
    expect(d.distribution.downloadUrl).toMatch(new RegExp(`/api/v1/open-data/datasets/${id}/distribution\\.csv$`));
    expect(d.metadata.turtle).toMatch(/\.ttl$/);
    expect(d.keywords).toEqual(['lavoro', 'agricoltura']);
  });

  it('serves the DCAT-AP_IT metadata as JSON-LD with the required properties', async () => {
    const res = await visitor.request('GET', `/api/v1/open-data/datasets/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/ld+json');
    expect(res.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    const doc = JSON.parse(res.raw.body) as JsonLd;
    for (const p of ['dcat', 'dct', 'foaf', 'vcard', 'dcatapit']) expect(doc['@context'][p], p).toMatch(/^http:\/\//);
    const node = (type: string) => doc['@graph'].find((n) => n['@type']?.includes(type))!;
    const ds = node('dcatapit:Dataset');
    expect(ds['@type']).toContain('dcat:Dataset');
    for (const p of [
      'dct:identifier',
      'dct:title',
      'dct:description',
      'dct:modified',
      'dct:issued',
      'dcat:theme',
      'dct:publisher',
      'dct:rightsHolder',
      'dct:accrualPeriodicity',
      'dcat:contactPoint',
      'dcat:distribution',
      'dct:temporal',
      'dct:spatial',
      'dct:language',
      'dcat:keyword',
    ])
      expect(values(ds, p).length, p).toBeGreaterThan(0);
    expect(values(ds, 'dct:title')).toContainEqual({ '@value': TITLE, '@language': 'it' });
    expect(values(ds, 'dcat:theme')[0]!['@id']).toBe(
      'http://publications.europa.eu/resource/authority/data-theme/SOCI',
    );
    expect(values(ds, 'dct:language')[0]!['@id']).toBe('http://publications.europa.eu/resource/authority/language/ITA');
    expect(values(ds, 'dct:spatial')[0]!['@id']).toBe('http://publications.europa.eu/resource/authority/country/ITA');
    const publisher = node('dcatapit:Agent');
    expect(values(ds, 'dct:publisher')[0]!['@id']).toBe(publisher['@id']);
    expect(values(publisher, 'dct:identifier')[0]!['@value']).toBeTruthy();
    expect(values(node('dcatapit:Organization'), 'vcard:hasEmail')[0]!['@id']).toMatch(/^mailto:/);
    const period = node('dct:PeriodOfTime');
    expect(values(period, 'dcat:startDate')[0]).toMatchObject({ '@value': '2026-01-10', '@type': 'xsd:date' });
    const dist = node('dcatapit:Distribution');
    expect(values(dist, 'dct:license')[0]!['@id']).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(values(dist, 'dct:format')[0]!['@id']).toBe(
      'http://publications.europa.eu/resource/authority/file-type/CSV',
    );
    expect(values(dist, 'dcat:downloadURL')[0]!['@id']).toMatch(/distribution\.csv$/);
    expect(values(dist, 'dcat:accessURL')).toHaveLength(1);
    const csv = await visitor.request('GET', `/api/v1/open-data/datasets/${id}/distribution.csv`);
    expect(values(dist, 'dcat:byteSize')[0]!['@value']).toBe(String(csv.raw.rawPayload.length));
    const checksum = node('spdx:Checksum');
    expect(values(checksum, 'spdx:checksumValue')[0]!['@value']).toBe(
      createHash('sha256').update(csv.raw.rawPayload).digest('hex'),
    );
  });

  it('serves the same metadata as Turtle that parses, the literals escaped', async () => {
    for (const url of [`/api/v1/open-data/datasets/${id}.ttl`, `/api/v1/open-data/datasets/${id}?format=ttl`]) {
      const res = await visitor.request('GET', url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/turtle');
      const quads: Quad[] = new Parser().parse(res.raw.body);
      const title = quads.find(
        (q) => q.predicate.value === 'http://purl.org/dc/terms/title' && q.subject.value.endsWith(`/datasets/${id}`),
      );
      expect(title?.object.value).toBe(TITLE);
      const description = quads.find((q) => q.predicate.value === 'http://purl.org/dc/terms/description');
      expect(description?.object.value).toBe(DESCRIPTION);
      expect(quads.some((q) => q.object.value === 'http://www.w3.org/ns/dcat#Dataset')).toBe(true);
    }
  });

  it('serves the catalogue (dcat:Catalog) listing the datasets, as JSON-LD and Turtle', async () => {
    const res = await visitor.request('GET', '/api/v1/open-data/catalog');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/ld+json');
    const doc = JSON.parse(res.raw.body) as JsonLd;
    const cat = doc['@graph'].find((n) => n['@type']?.includes('dcat:Catalog'))!;
    expect(values(cat, 'dcat:dataset').map((v) => v['@id'])).toContainEqual(
      expect.stringMatching(new RegExp(`/datasets/${id}$`)),
    );
    const ttl = await visitor.request('GET', '/api/v1/open-data/catalog.ttl');
    const quads: Quad[] = new Parser().parse(ttl.raw.body);
    expect(quads.filter((q) => q.predicate.value === 'http://www.w3.org/ns/dcat#dataset').length).toBeGreaterThan(0);
  });

  it('answers 404 problem+json for an unknown dataset', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const url of [
      `/api/v1/open-data/datasets/${unknown}`,
      `/api/v1/open-data/datasets/${unknown}/distribution.csv`,
    ]) {
      const res = await visitor.request<Problem>('GET', url);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('surveys.opendata.not_found');
    }
  });

  it('a withdrawal (audited, once) takes the dataset off the catalogue; ANCI still sees the record', async () => {
    expect((await w.as.mlps.post(`/api/v1/surveys/open-data/${id}/withdraw`, {})).status).toBe(403);
    const res = await w.as.anci.post<Release>(`/api/v1/surveys/open-data/${id}/withdraw`, { reason: 'Errore' });
    expect(res.status).toBe(200);
    expect(res.body.withdrawnAt).not.toBeNull();
    const twice = await w.as.anci.post<Problem>(`/api/v1/surveys/open-data/${id}/withdraw`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('surveys.opendata.withdrawn');
    for (const url of [
      `/api/v1/open-data/datasets/${id}`,
      `/api/v1/open-data/datasets/${id}.ttl`,
      `/api/v1/open-data/datasets/${id}/distribution.csv`,
    ]) {
      const gone = await visitor.request<Problem>('GET', url);
      expect(gone.status, url).toBe(404);
      expect(gone.body.code).toBe('surveys.opendata.not_found');
    }
    const list = await visitor.get<Datasets>('/api/v1/open-data/datasets');
    expect(list.body.items.some((d) => d.id === id)).toBe(false);
    const cat = await visitor.request('GET', '/api/v1/open-data/catalog');
    expect(cat.raw.body).not.toContain(id);
    const mine = await w.as.anci.get<Releases>(releaseUrl());
    expect(mine.body.items.find((d) => d.id === id)).toMatchObject({ withdrawalReason: 'Errore' });
    expect(await auditRows(t.db, "action = 'surveys.opendata.withdraw' AND entity_id = $1", [id])).toHaveLength(1);
  });
});
