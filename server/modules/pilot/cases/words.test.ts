/**
 * Words, not codes (issue 9, points 6 and 10): citizenships and languages checked against the one
 * list, the eligibility and the timeline in both languages, the PAI print and the cases XLSX in
 * the user's language.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../../../tests/support/harness.js';
import type { Problem, Schema } from '../../../../tests/support/schema.js';
import {
  makeCase,
  pilotFingerprint,
  twoPilotComuni,
  type LoggedInPilotComune,
} from '../../../../tests/support/pilot-factories.js';
import { renderPaiHtml } from '../pai/pai.pdf.js';

type CaseDetail = Schema<'PilotCaseDetail'>;
type Pai = Schema<'PilotPaiDetail'>;

let t: TestApp;
let a: LoggedInPilotComune;
let op: Agent;
let ref: Agent;

beforeAll(async () => {
  t = await startTestApp();
  ({ a } = await twoPilotComuni(t));
  ({ operatore: op, referente: ref } = a.as);
});
afterAll(async () => t.close());

const holder = (over: Record<string, unknown> = {}) => ({
  identity: { surname: 'Parole', givenNames: 'Esempio', birthDate: '1988-03-02' },
  sex: 'M',
  birthCountry: 'IN',
  nationalities: ['IN'],
  languages: ['pa', 'snk'],
  ...over,
});
const openCase = (over: Record<string, unknown> = {}) =>
  op.post<CaseDetail>('/api/v1/pilot/cases', { openedOn: '2026-05-01', holder: holder(over) });
const refused = (over: Record<string, unknown>) =>
  op.post<Problem>('/api/v1/pilot/cases', { openedOn: '2026-05-01', holder: holder(over) });

describe('citizenships and languages by code, from the one list', () => {
  it('accepts codes on the list, a stateless person, and a citizenship not known yet', async () => {
    const res = await openCase();
    expect(res.status).toBe(201);
    expect(res.body.members[0]).toMatchObject({ birthCountry: 'IN', nationalities: ['IN'], languages: ['pa', 'snk'] });
    expect((await openCase({ nationalities: ['XA'] })).status).toBe(201);
    const unknown = await openCase({ birthCountry: 'ZZ', nationalities: ['ZZ'] });
    expect(unknown.status).toBe(201);
    expect(unknown.body.members[0]!.eligibility.code).toBe('nazionalita_mancante');
  });

  it('refuses a country or a language off the list with stable codes, writing nothing', async () => {
    const before = await pilotFingerprint(t.db);
    const res = await refused({ birthCountry: 'XA', nationalities: ['IN', 'XX'], languages: ['pa', 'zz'] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('request.invalid');
    expect(res.body.errors!.map((e) => [e.path, e.code])).toEqual(
      expect.arrayContaining([
        ['body.holder.birthCountry', 'unknown_country'],
        ['body.holder.nationalities', 'unknown_country'],
        ['body.holder.languages', 'unknown_language'],
      ]),
    );
    expect(res.body.errors!.find((e) => e.code === 'unknown_language')!.message).toContain('zz');
    // a name instead of a code is refused by the schema (the web's picker sends the code)
    expect((await openCase({ nationalities: ['India'] })).status).toBe(400);
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });
});

describe('the case file in both languages', () => {
  it('explains eligibility in Italian and in English, with the law references', async () => {
    const made = await makeCase(t.db, t.cipher, { comune: a, withPermit: true });
    const res = await op.get<CaseDetail>(`/api/v1/pilot/cases/${made.caseId}`);
    expect(res.status).toBe(200);
    const e = res.body.members[0]!.eligibility;
    expect(e.code).toBe('titolare_18ter');
    expect(e.explanation.it).toMatch(/^Ammissibile perché titolare di un permesso/);
    expect(e.explanation.en).toMatch(/^Eligible because holder of a valid art\. 18-ter TUI residence permit/);
    expect(e.legalReference.it).toContain('DL 145/2024');
    expect(e.legalReference.en).toContain('Decree-Law 145/2024');
  });

  it('says the timeline lines in words, in both languages', async () => {
    const made = await makeCase(t.db, t.cipher, { comune: a, status: 'ammesso_misure' });
    const pai = await op.post<Pai>(`/api/v1/pilot/cases/${made.caseId}/pais`, {
      personId: made.holderId,
      needs: { education: 'primaria', languages: [{ code: 'pa', level: 'A2' }] },
      objectives: ['Imparare l’italiano'],
    });
    expect(pai.status).toBe(201);
    const file = await op.get<CaseDetail>(`/api/v1/pilot/cases/${made.caseId}`);
    const created = file.body.events.find((e) => e.type === 'PAI_CREATO')!;
    expect(created.line).toEqual({ it: 'PAI v1: bozza', en: 'PAI v1: draft' });
    expect(created.note).toBeNull();
  });

  it('refuses a PAI language off the list with a stable code', async () => {
    const made = await makeCase(t.db, t.cipher, { comune: a, status: 'ammesso_misure' });
    const res = await op.post<Problem>(`/api/v1/pilot/cases/${made.caseId}/pais`, {
      personId: made.holderId,
      needs: { education: 'primaria', languages: [{ code: 'qq', level: 'A2' }] },
      objectives: ['x'],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'body.needs.languages.0.code', code: 'unknown_language' }),
    ]);
  });
});

describe('files in the user language', () => {
  /** Fixed Italian words of the PAI print that no English print may carry. */
  const italianWords = [
    'Programma di Assistenza Individuale',
    'Dati del programma',
    'Beneficiario',
    'Codice pseudonimo',
    'Bisogni rilevati',
    'Lingue conosciute',
    'Istruzione',
    'Esperienze di lavoro',
    'Obiettivi',
    'Misure previste',
    'Ente erogatore',
    'Costo previsto',
    'Totale',
    'Firme',
    'Stampato il',
    'livello',
    'anni',
    'bozza',
    'primaria',
    'agricoltura',
    'lang="it"',
  ];

  it('renders the PAI print in English: fixed words, dates, labels, languages with their level', async () => {
    const made = await makeCase(t.db, t.cipher, { comune: a, status: 'ammesso_misure' });
    const created = await op.post<Pai>(`/api/v1/pilot/cases/${made.caseId}/pais`, {
      personId: made.holderId,
      needs: {
        education: 'primaria',
        languages: [{ code: 'pa', level: 'A2' }],
        workHistory: [{ sector: 'agricoltura', years: 2 }],
      },
      objectives: ['Objective typed by the operator'],
    });
    expect(created.status).toBe(201);
    const print = {
      pai: created.body,
      comuneName: 'Prova',
      beneficiaryName: 'Esempio Parole',
      caseManagerName: 'Operatore',
      printedOn: '2026-06-05',
    };
    const en = renderPaiHtml(print, 'en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Individual Assistance Programme');
    expect(en).toContain('Punjabi — level A2');
    expect(en).toContain('Agriculture, 2 years');
    expect(en).toContain('5 June 2026');
    for (const word of italianWords) expect(en, word).not.toContain(word);
    const it = renderPaiHtml(print, 'it');
    expect(it).toContain('<html lang="it">');
    expect(it).toContain('Punjabi — livello A2');
    expect(it).toContain('05/06/2026');
  });

  it('asks for the language of the PAI print as it or en only', async () => {
    const made = await makeCase(t.db, t.cipher, { comune: a, status: 'ammesso_misure' });
    const created = await op.post<Pai>(`/api/v1/pilot/cases/${made.caseId}/pais`, {
      personId: made.holderId,
      needs: { education: 'primaria' },
      objectives: ['x'],
    });
    expect((await op.get(`/api/v1/pilot/pais/${created.body.id}/pdf?lang=de`)).status).toBe(400);
  });

  it('writes the cases XLSX with English headings and ISO dates, or Italian ones with gg/mm/aaaa', async () => {
    await makeCase(t.db, t.cipher, { comune: a, openedOn: '2026-05-03' });
    const cells = async (url: string) => {
      const res = await ref.get(url);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((res.raw as unknown as { rawPayload: Buffer }).rawPayload as unknown as ArrayBuffer);
      const out: string[] = [];
      wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => out.push(String(c.text))));
      return out;
    };
    const en = await cells('/api/v1/pilot/export/cases.xlsx?lang=en');
    for (const h of [
      'Surname',
      'Given names',
      'Date of birth',
      'Status',
      'Taken in charge',
      'Exit reason',
      'Case worker',
    ])
      expect(en).toContain(h);
    for (const h of ['Cognome', 'Nomi', 'Stato', 'Presa in carico', 'Motivo di uscita', 'Operatore', 'Pseudonimo'])
      expect(en).not.toContain(h);
    expect(en).toContain('2026-05-03');
    const it = await cells('/api/v1/pilot/export/cases.xlsx');
    expect(it).toContain('Presa in carico');
    expect(it).toContain('03/05/2026');
    expect(it).not.toContain('2026-05-03');
  });
});
