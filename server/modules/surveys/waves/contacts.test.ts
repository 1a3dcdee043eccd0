/**
 * A Comune's contacts through the API: ANCI/Cittalia edit any Comune's, a Comune's validatore or
 * referente only their own; the CSV import (UTF-8 or Windows-1252, `;`) is all or nothing with
 * every problem at its row and column; the audit trail keeps counts, never addresses or names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../../../tests/support/factories.js';
import { startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { comuneUser, waveActors, type WaveActors } from '../../../../tests/support/survey-factories.js';

type Contacts = Schema<'SurveyContactList'>;
type Problem = { code: string; errors?: { path: string; message: string }[] };

let t: TestApp;
let w: WaveActors;
let own: Awaited<ReturnType<typeof comuneUser>>;
let other: Awaited<ReturnType<typeof comuneUser>>;
beforeAll(async () => {
  t = await startTestApp();
  w = await waveActors(t);
  own = await comuneUser(t, 'validatore_indagine');
  other = await comuneUser(t, 'referente_comunale');
});
afterAll(async () => t.close());

const url = (istat: string) => `/api/v1/surveys/comuni/${istat}/contacts`;
const referente = {
  kind: 'referente',
  email: 'mario.rossi@comune.example.it',
  personName: 'Mario Rossi',
  personRole: 'Responsabile dei servizi sociali',
};
const contactRows = (istat: string) =>
  t.db.ownerTx((tx) =>
    tx.query<{ email: string }>('SELECT email FROM survey_contacts WHERE comune_istat = $1 ORDER BY email', [istat]),
  );

describe('contacts', () => {
  it("a Comune's validatore replaces its own list; reads it back; another Comune's is refused", async () => {
    const items = [
      { kind: 'email_istituzionale', email: 'protocollo@comune.example.it' },
      { kind: 'pec', email: 'comune@pec.example.it' },
      referente,
    ];
    const res = await own.agent.request<Contacts>('PUT', url(own.istat), { items });
    expect(res.status).toBe(200);
    expect(res.body.items.map((c) => c.kind)).toEqual(['email_istituzionale', 'pec', 'referente']);
    expect(res.body.items[2]).toMatchObject({
      personName: 'Mario Rossi',
      personRole: 'Responsabile dei servizi sociali',
    });
    expect((await own.agent.get<Contacts>(url(own.istat))).body.items).toHaveLength(3);

    expect((await own.agent.request('PUT', url(other.istat), { items })).status).toBe(403);
    expect((await own.agent.get(url(other.istat))).status).toBe(403);
    expect(await contactRows(other.istat)).toEqual([]);

    const audit = await auditRows(t.db, "action = 'surveys.contacts.write' AND tenant_comune = $1", [own.istat]);
    expect(audit[0]!.details).toEqual({ email_istituzionale: 1, pec: 1, referente: 1 });
    expect(JSON.stringify(audit)).not.toContain('Mario Rossi');
    expect(JSON.stringify(audit)).not.toContain('@');
  });

  it('ANCI/Cittalia edit any Comune; MLPS and a Regione read only; a compilatore cannot write', async () => {
    const res = await w.as.anci.request<Contacts>('PUT', url(other.istat), { items: [referente] });
    expect(res.status).toBe(200);
    expect((await w.as.mlps.get<Contacts>(url(other.istat))).body.items).toHaveLength(1);
    expect((await w.as.mlps.request('PUT', url(other.istat), { items: [] })).status).toBe(403);
    expect((await w.as.regione.request('PUT', url(other.istat), { items: [] })).status).toBe(403);
    const compilatore = await comuneUser(t, 'compilatore_indagine', own.istat);
    expect((await compilatore.agent.request('PUT', url(own.istat), { items: [] })).status).toBe(403);
    expect((await w.as.anci.get(url('999999'))).status).toBe(404);
  });

  it('validation errors change nothing: a referente without a name, a bad address, a duplicate', async () => {
    const before = await contactRows(own.istat);
    for (const items of [
      [{ kind: 'referente', email: 'x@y.it' }],
      [{ kind: 'pec', email: 'not-an-address' }],
      [
        { kind: 'pec', email: 'a@pec.it' },
        { kind: 'pec', email: 'A@pec.it' },
      ],
      [{ kind: 'telefono', email: 'a@b.it' }],
    ]) {
      const res = await own.agent.request<Problem>('PUT', url(own.istat), { items });
      expect(res.status, JSON.stringify(items)).toBe(400);
    }
    expect(await contactRows(own.istat)).toEqual(before);
  });
});

describe('contacts import (CSV)', () => {
  const csv = (text: string, encoding: BufferEncoding = 'utf8') => ({
    filename: 'contatti.csv',
    contentBase64: Buffer.from(text, encoding).toString('base64'),
  });

  it('reads a Windows-1252 file with accented names, replacing each named Comune’s list', async () => {
    const text =
      'codice_istat;tipo;email;nome;ruolo\r\n' +
      `${own.istat};pec;comune@pec.example.it;;\r\n` +
      `${own.istat};referente;nicolo@comune.example.it;Niccolò Città;Assessore all'integrazione\r\n` +
      `${other.istat};email_istituzionale;info@altro.example.it;;\r\n`;
    const res = await w.as.anci.post<{ comuni: number; contacts: number; encoding: string }>(
      '/api/v1/surveys/contacts/import',
      csv(text, 'latin1'),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ comuni: 2, contacts: 3, encoding: 'windows-1252' });
    const list = (await w.as.anci.get<Contacts>(url(own.istat))).body.items;
    expect(list.find((c) => c.kind === 'referente')?.personName).toBe('Niccolò Città');
    expect(list).toHaveLength(2);
    expect(await contactRows(other.istat)).toEqual([{ email: 'info@altro.example.it' }]);
    expect((await auditRows(t.db, "action = 'surveys.contacts.import'")).length).toBe(2);
  });

  it('one bad row and nothing is written; every problem as "Riga N, colonna"', async () => {
    const before = await contactRows(own.istat);
    const text =
      'codice_istat;tipo;email;nome;ruolo\n' +
      `${own.istat};pec;nuova@pec.example.it;;\n` +
      `${own.istat};fax;x@y.it;;\n` +
      `${own.istat};referente;senza-nome@example.it;;\n` +
      `999999;pec;a@b.it;;\n` +
      `12;pec;non-un-indirizzo;;\n`;
    const res = await w.as.anci.post<Problem>('/api/v1/surveys/contacts/import', csv(text));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('surveys.contact.invalid');
    const messages = res.body.errors!.map((e) => e.message);
    expect(messages).toContain("Riga 3, colonna 'tipo': tipo non valido (email_istituzionale, pec o referente)");
    expect(messages).toContain("Riga 4, colonna 'nome': il referente deve avere un nome");
    expect(messages).toContain("Riga 5, colonna 'codice_istat': nessun Comune con codice ISTAT 999999");
    expect(messages).toContain("Riga 6, colonna 'email': indirizzo e-mail non valido");
    expect(await contactRows(own.istat)).toEqual(before);

    const noColumns = await w.as.anci.post<Problem>('/api/v1/surveys/contacts/import', csv('comune;indirizzo\nx;y\n'));
    expect(noColumns.status).toBe(400);
  });

  it("a Comune's user imports only its own rows; MLPS cannot import", async () => {
    const text = `codice_istat;tipo;email\n${own.istat};pec;mia@pec.example.it\n${other.istat};pec;altrui@pec.example.it\n`;
    const res = await own.agent.post<Problem>('/api/v1/surveys/contacts/import', csv(text));
    expect(res.status).toBe(400);
    expect(res.body.errors!.map((e) => e.message)).toEqual([
      "Riga 3, colonna 'codice_istat': si possono importare solo i contatti del proprio Comune",
    ]);
    const ok = await own.agent.post(
      '/api/v1/surveys/contacts/import',
      csv(`codice_istat;tipo;email\n${own.istat};pec;mia@pec.example.it\n`),
    );
    expect(ok.status).toBe(200);
    expect(await contactRows(own.istat)).toEqual([{ email: 'mia@pec.example.it' }]);
    expect((await w.as.mlps.post('/api/v1/surveys/contacts/import', csv(text))).status).toBe(403);
  });
});
