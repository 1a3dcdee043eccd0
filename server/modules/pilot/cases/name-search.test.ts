/**
 * Search by name through the API, on the real database (decision 0022): part of a name, in any
 * order, accents and case ignored, only inside the Comune, through a keyed trigram index that
 * holds no name in clear; the holder's name beside the pseudonym, each such list read audited and
 * shown among the case's viewers. And pseudonyms: unique per Comune, so two pilot Comuni of one
 * province both number from 1.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, makeOrg, makeUser } from '../../../../tests/support/factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { loginAs, twoPilotComuni, type LoggedInPilotComune } from '../../../../tests/support/pilot-factories.js';
import { nameGrams } from '../shared/name-search.js';

type CaseDetail = Schema<'PilotCaseDetail'>;
type CasePage = Schema<'PilotCasePage'>;

let t: TestApp;
let a: LoggedInPilotComune;
let b: LoggedInPilotComune;

/** Letters only, distinct per call: a surname no other test uses. */
const tag = () =>
  [...randomBytes(5)]
    .map((x) => String.fromCharCode(97 + (x % 26)))
    .join('')
    .replace(/^./, (c) => c.toUpperCase());

const person = (surname: string, givenNames: string) => ({
  identity: { surname, givenNames, birthDate: '1988-03-02', codiceFiscale: null },
  sex: 'M',
  birthCountry: 'IN',
  nationalities: ['IN'],
});

async function openCase(agent: Agent, surname: string, givenNames: string): Promise<CaseDetail> {
  const res = await agent.post<CaseDetail>('/api/v1/pilot/cases', {
    openedOn: '2026-05-01',
    holder: person(surname, givenNames),
  });
  expect(res.status).toBe(201);
  return res.body;
}

const found = async (agent: Agent, q: string) =>
  (await agent.get<CasePage>(`/api/v1/pilot/cases?q=${encodeURIComponent(q)}`)).body.items.map((i) => i.id);

beforeAll(async () => {
  t = await startTestApp();
  ({ a, b } = await twoPilotComuni(t));
});
afterAll(async () => t.close());

describe('search by part of a name', () => {
  it('finds a case by part of the surname or given name, in any order, accents and case ignored', async () => {
    const surname = `Singh${tag()}`;
    const c = await openCase(a.as.operatore, surname, 'Harpréet Kaur');
    for (const q of [surname.slice(0, 8), 'harpreet', 'HARP', `Kaur ${surname.slice(0, 7)}`, 'Hàrpreèt', surname])
      expect(await found(a.as.operatore, q), q).toContain(c.id);
    expect(await found(a.as.referente, 'harpr')).toContain(c.id);
    // every word must be part of the name
    expect(await found(a.as.operatore, `harpreet ${tag()}`)).not.toContain(c.id);
  });

  it("finds a case through a family member's name", async () => {
    const c = await openCase(a.as.operatore, `Titolo${tag()}`, 'Amadou');
    const member = `Famiglia${tag()}`;
    const added = await a.as.operatore.post(`/api/v1/pilot/cases/${c.id}/members`, {
      relation: 'coniuge',
      person: { ...person(member, 'Fatou'), sex: 'F' },
    });
    expect(added.status).toBe(201);
    expect(await found(a.as.operatore, member.slice(0, 12))).toEqual([c.id]);
  });

  it('drops candidates whose trigrams all match but whose name does not hold the query', async () => {
    // "ananana" has the trigrams of "anana" (ana, nan) and is not part of it
    const c = await openCase(a.as.operatore, 'Anana', 'Kofi');
    expect(await found(a.as.operatore, 'anana')).toContain(c.id);
    expect(await found(a.as.operatore, 'ananana')).not.toContain(c.id);
  });

  it("never finds another Comune's case, nor an operatore a case they do not hold", async () => {
    const surname = `Riservato${tag()}`;
    const c = await openCase(a.as.referente, surname, 'Kwame');
    expect(await found(a.as.referente, surname.slice(0, 10))).toEqual([c.id]);
    expect(await found(a.as.operatore, surname.slice(0, 10))).toEqual([]);
    expect(await found(b.as.referente, surname.slice(0, 10))).toEqual([]);
    expect(await found(b.as.operatore, 'kwame')).toEqual([]);
  });

  it('asks for at least 3 characters', async () => {
    const res = await a.as.operatore.get<{ errors: { path: string; message: string }[] }>('/api/v1/pilot/cases?q=si');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'querystring.q', message: 'Scrivi almeno 3 caratteri per cercare' }),
    ]);
  });

  it('keeps no name in clear: keyed 32-bit values per person, different in another Comune', async () => {
    const surname = `Chiaro${tag()}`;
    const c = await openCase(a.as.operatore, surname, 'Youssef');
    const personId = c.members[0]!.personId;
    const rows = await t.db.ownerTx((tx) =>
      tx.query<Record<string, unknown>>('SELECT * FROM pilot_person_name_grams WHERE person_id = $1', [personId]),
    );
    expect(Object.keys(rows[0]!).sort()).toEqual(['comune_istat', 'gram', 'person_id']);
    expect(rows.every((r) => Number.isInteger(r.gram) && r.comune_istat === a.istat)).toBe(true);
    const grams = rows.map((r) => r.gram as number).sort();
    expect(grams).toEqual(nameGrams(t.cipher, a.istat, surname, 'Youssef').sort());
    // one value per distinct trigram of the name's words, nothing else
    expect(grams.length).toBe(new Set(nameGrams(t.cipher, a.istat, surname, 'Youssef')).size);
    const dump = JSON.stringify(rows).toLowerCase();
    for (const part of [surname.toLowerCase(), 'youssef', 'you', 'sef']) expect(dump).not.toContain(part);
    // row-level security: another Comune's tenancy sees none of them
    const seen = await t.db.tx({ scope: 'comune', tenant: b.istat, region: null, userId: null }, (tx) =>
      tx.query('SELECT 1 FROM pilot_person_name_grams WHERE person_id = $1', [personId]),
    );
    expect(seen).toEqual([]);
    // the same name in another Comune gives unrelated values
    const other = new Set(nameGrams(t.cipher, b.istat, surname, 'Youssef'));
    expect(grams.filter((g) => other.has(g))).toEqual([]);
  });
});

describe('names beside pseudonyms', () => {
  it("shows the holder's name in the list, audits the read with the case ids only, and lists it among the viewers", async () => {
    const surname = `Visibile${tag()}`;
    const c = await openCase(a.as.operatore, surname, 'Nasrin');
    const page = await a.as.referente.get<CasePage>(`/api/v1/pilot/cases?q=${surname}`);
    expect(page.body.items).toEqual([
      expect.objectContaining({ id: c.id, pseudonym: c.pseudonym, holderName: `${surname} Nasrin` }),
    ]);
    const audit = await auditRows(t.db, "action = 'pilot.case.list' AND actor_user_id = $1", [a.referente.id]);
    const last = audit.at(-1)!;
    expect(last.tenant_comune).toBe(a.istat);
    expect(last.details).toEqual({ cases: [c.id], identity: true, byName: true });
    expect(JSON.stringify(audit).toLowerCase()).not.toContain(surname.toLowerCase());
    const viewers = await a.as.referente.get<Schema<'PilotViewerList'>>(
      `/api/v1/pilot/persons/${c.members[0]!.personId}/viewers`,
    );
    expect(viewers.body.items.map((v) => v.action)).toContain('pilot.case.list');
  });
});

describe('pseudonyms', () => {
  it('numbers two pilot Comuni of one province each from 1, and finds each only in its own Comune', async () => {
    const [pair] = await t.db.ownerTx((tx) =>
      tx.query<{ first: string; second: string; sigla: string }>(
        `SELECT min(c.istat_code) AS first, max(c.istat_code) AS second, min(p.sigla) AS sigla
           FROM comuni c JOIN provinces p ON p.code = c.province_code
          WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.comune_istat = c.istat_code)
            AND NOT EXISTS (SELECT 1 FROM comuni x WHERE x.province_code = c.province_code AND x.pilot_18ter)
          GROUP BY c.province_code HAVING count(*) >= 2 ORDER BY c.province_code LIMIT 1`,
      ),
    );
    const agents: Agent[] = [];
    for (const istat of [pair!.first, pair!.second]) {
      await t.db.ownerTx((tx) => tx.query('UPDATE comuni SET pilot_18ter = true WHERE istat_code = $1', [istat]));
      const org = await makeOrg(t.db, { type: 'comune', comuneIstat: istat });
      agents.push(await loginAs(t, await makeUser(t.db, { roles: ['referente_comunale'], org })));
    }
    const first = await openCase(agents[0]!, `Primo${tag()}`, 'Imran');
    const second = await openCase(agents[1]!, `Secondo${tag()}`, 'Salma');
    expect(first.pseudonym).toBe(`${pair!.sigla}-2026-0001`);
    expect(second.pseudonym).toBe(first.pseudonym);
    expect(await found(agents[0]!, first.pseudonym)).toEqual([first.id]);
    expect(await found(agents[1]!, first.pseudonym)).toEqual([second.id]);
  });
});
