/**
 * "Chi ha consultato" and the access package through the API, on the real database: every read
 * that exposed a person's identity (case file, PAI, PAI print, export with names, access package in
 * any format) is listed with who made it, in words; the package reads as sections in words with the
 * Comune's name as controller; reads of other people and exports without names are not listed.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows } from '../../../../tests/support/factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { loggedInPilotComune, makeCase, type LoggedInPilotComune } from '../../../../tests/support/pilot-factories.js';
import { IDENTITY_READS } from '../shared/identity-reads.js';

type Viewers = Schema<'PilotViewerList'>;
type PackageDoc = Schema<'PilotAccessPackageDocument'>;

let t: TestApp;
let a: LoggedInPilotComune;
let comuneName: string;

beforeAll(async () => {
  t = await startTestApp();
  a = await loggedInPilotComune(t);
  const [row] = await t.db.ownerTx((tx) =>
    tx.query<{ name: string }>('SELECT name FROM comuni WHERE istat_code = $1', [a.istat]),
  );
  comuneName = row!.name;
  await t.db.ownerTx((tx) =>
    tx.query(`UPDATE users SET display_name = $1 WHERE id = $2`, ['Mario Operatore', a.operatore.id]),
  );
});
afterAll(async () => t.close());

/** A draft PAI of the holder, through the API (its version 1), for the print. */
async function makePai(caseId: string, personId: string): Promise<string> {
  const res = await a.as.operatore.post<{ id: string }>(`/api/v1/pilot/cases/${caseId}/pais`, {
    personId,
    needs: { education: 'secondaria_inferiore', skills: [], languages: [], workHistory: [], notes: '' },
    objectives: ['Raggiungere il livello A2 di italiano'],
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

describe('who consulted this person', () => {
  it('lists case reads, PAI prints, exports with names and access packages, with name, role and organisation', async () => {
    const c = await makeCase(t.db, t.cipher, { comune: a, status: 'ammesso_misure' });
    const other = await makeCase(t.db, t.cipher, { comune: a });
    const paiId = await makePai(c.caseId, c.holderId);
    const op = a.as.operatore;
    const ref = a.as.referente;

    expect((await op.get(`/api/v1/pilot/cases/${c.caseId}`)).status).toBe(200);
    const print = await op.get(`/api/v1/pilot/pais/${paiId}/pdf`);
    expect(print.status).toBe(200);
    // an operatore's export carries no names: not an identity read; the referente's does
    expect((await op.get('/api/v1/pilot/export/cases.xlsx')).status).toBe(200);
    expect((await ref.get('/api/v1/pilot/export/cases.xlsx')).status).toBe(200);
    expect((await ref.get(`/api/v1/pilot/persons/${c.holderId}/access-package`)).status).toBe(200);
    // another person's reads are not this person's
    expect((await op.get(`/api/v1/pilot/cases/${other.caseId}`)).status).toBe(200);

    const res = await ref.get<Viewers>(`/api/v1/pilot/persons/${c.holderId}/viewers`);
    expect(res.status).toBe(200);
    const actions = res.body.items.map((v) => v.action);
    expect(actions).toEqual(['pilot.person.access_package', 'pilot.case.export', 'pilot.pai.print', 'pilot.case.read']);
    const printed = res.body.items.find((v) => v.action === 'pilot.pai.print')!;
    expect(printed).toMatchObject({
      displayName: 'Mario Operatore',
      roles: ['operatore'],
      paiVersion: 1,
      userId: a.operatore.id,
    });
    expect(printed.organisation).toBeTruthy();
    expect(res.body.items.find((v) => v.action === 'pilot.person.access_package')).toMatchObject({
      format: 'json',
      roles: ['referente_comunale'],
    });
    // every listed action is one of the declared list, and the words exist for each (labels unit test)
    for (const v of res.body.items) expect(IDENTITY_READS.map((r) => r.action)).toContain(v.action);
  });

  it('answers 403 to the operatore and 404 for a person of another Comune', async () => {
    const c = await makeCase(t.db, t.cipher, { comune: a });
    expect((await a.as.operatore.get(`/api/v1/pilot/persons/${c.holderId}/viewers`)).status).toBe(403);
    const b = await loggedInPilotComune(t);
    expect((await b.as.referente.get(`/api/v1/pilot/persons/${c.holderId}/viewers`)).status).toBe(404);
  });
});

describe('the access package as a page and a PDF', () => {
  it('reads in words, names the Comune as controller, writes Italian dates, and is audited per format', async () => {
    const c = await makeCase(t.db, t.cipher, {
      comune: a,
      status: 'ammesso_misure',
      identity: { surname: 'Leggibile', givenNames: 'Anna', birthDate: '1991-02-03' },
    });
    const ref = a.as.referente;
    expect((await ref.get(`/api/v1/pilot/cases/${c.caseId}`)).status).toBe(200);

    const page = await ref.get<PackageDoc>(`/api/v1/pilot/persons/${c.holderId}/access-package/document`);
    expect(page.status).toBe(200);
    const doc = page.body;
    expect(doc.controller).toBe(`Comune di ${comuneName}`);
    expect(doc.title).toBe('Accesso ai dati personali (art. 15 GDPR)');
    expect(doc.generatedOn).toMatch(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/);
    const person = doc.sections.find((s) => s.key === 'person')!;
    expect(person.title).toBe('Dati della persona');
    const field = (l: string) => person.fields.find((f) => f.label === l)?.value;
    expect(field('Cognome')).toBe('Leggibile');
    expect(field('Data di nascita')).toBe('03/02/1991');
    expect(field('Paese di nascita')).toBe('India');
    expect(field('Ruolo nel nucleo')).toBe('titolare');
    const permits = doc.sections.find((s) => s.key === 'permits')!;
    expect(permits.rows[0]).toContain('15/10/2026');
    expect(permits.rows[0]!.join(' ')).not.toMatch(/art_18ter|\d{4}-\d{2}-\d{2}/);
    const log = doc.sections.find((s) => s.key === 'accessLog')!;
    expect(log.rows.some((r) => r[2] === 'ha consultato la scheda del caso')).toBe(true);
    // no code, no ISO date anywhere in the words
    expect(JSON.stringify(doc.sections)).not.toMatch(/pilot\.|\d{4}-\d{2}-\d{2}T/);

    const english = await ref.get<PackageDoc>(`/api/v1/pilot/persons/${c.holderId}/access-package/document?lang=en`);
    expect(english.body.sections[0]!.title).toBe('Personal data');

    const pdf = await ref.get(`/api/v1/pilot/persons/${c.holderId}/access-package.pdf`);
    expect(pdf.status).toBe(200);
    const bytes = pdf.raw.rawPayload.toString('latin1');
    expect(bytes.startsWith('%PDF')).toBe(true);
    expect(bytes).toContain('StructTreeRoot');

    const json = await ref.get<{ controller: string }>(`/api/v1/pilot/persons/${c.holderId}/access-package`);
    expect(json.body.controller).toBe(`Comune di ${comuneName}`);

    const rows = await auditRows(t.db, `action = 'pilot.person.access_package' AND entity_id = $1`, [c.holderId]);
    expect(rows.map((r) => r.details.format).sort()).toEqual(['json', 'page', 'page', 'pdf']);
    expect(JSON.stringify(rows)).not.toContain('Leggibile');

    const viewers = await ref.get<Viewers>(`/api/v1/pilot/persons/${c.holderId}/viewers`);
    expect(viewers.body.items.filter((v) => v.action === 'pilot.person.access_package').map((v) => v.format)).toEqual([
      'json',
      'pdf',
      'page',
      'page',
    ]);
  });

  it('is refused to the operatore (403) and unknown elsewhere (404)', async () => {
    const c = await makeCase(t.db, t.cipher, { comune: a });
    expect((await a.as.operatore.get(`/api/v1/pilot/persons/${c.holderId}/access-package/document`)).status).toBe(403);
    expect((await a.as.referente.get(`/api/v1/pilot/persons/${randomUUID()}/access-package/document`)).status).toBe(
      404,
    );
  });
});
