/**
 * Attendance in the browser (issue 14 item 1): an organiser opens a participant's QR link on the
 * phone's reception page and sees the presence recorded; the second scan says it was already; a
 * check-in without a connection waits in the queue and goes on "Riprova"; the organiser issues the
 * certificates of an ended event from the list of attendance; a visitor without login verifies a
 * code on /verifica-attestato; the participation figures. Every page is checked with axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInCode } from '../../server/modules/events/attendance/attendance.rules.js';
import { createFieldCipher } from '../../server/platform/crypto.js';
import { TEST_PASSWORD, type TestUser } from '../support/factories.js';
import { makeEvent, makeOrganiser, makeRegistration } from '../support/event-factories.js';
import { TEST_DATA_KEY } from '../support/harness.js';
import { type BrowserEnv, logIn, settled, startBrowserEnv } from './support.js';

const cipher = createFieldCipher(Buffer.from(TEST_DATA_KEY, 'base64'));
const DAY = 86_400_000;

let env: BrowserEnv;
let organiser: TestUser;
beforeAll(async () => {
  env = await startBrowserEnv();
  organiser = await makeOrganiser(env.db);
});
afterAll(async () => env?.close());

const nameOf = async (registrationId: string) =>
  (
    (await env.db.ownerQuery('SELECT full_name FROM evt_registrations WHERE id = $1', [registrationId])).rows[0] as {
      full_name: string;
    }
  ).full_name;

describe('check-in, certificates and their verification', () => {
  it('the organiser checks a participant in by the QR link, twice, and once without a connection', async () => {
    const ev = await makeEvent(env.db, organiser, { startsAt: new Date(Date.now() + 3_600_000) });
    const r = await makeRegistration(env.db, ev);
    const link = `${env.baseUrl}/eventi-gestione/accoglienza#c=${r.id}.${checkInCode(cipher, r.id)}`;
    const page = await env.newPage();
    page.setDefaultTimeout(20_000);
    await logIn(page, env.baseUrl, organiser.email, TEST_PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));

    await page.goto(link);
    await page.getByText(`Presenza registrata: ${await nameOf(r.id)}`).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await settled(page, 'the reception page after a check-in');

    await page.goto(`${env.baseUrl}/`);
    await page.locator('h1').first().waitFor();
    await page.goto(link);
    await page.getByText(/Già registrata alle \d{2}:\d{2}/).waitFor();

    // no connection: the check-in waits on the phone, with no name, and goes on "Riprova"
    const late = await makeRegistration(env.db, ev);
    await page.route('**/api/v1/event-check-ins', (route) => route.abort('internetdisconnected'));
    await page.goto(`${env.baseUrl}/`);
    await page.locator('h1').first().waitFor();
    await page.goto(`${env.baseUrl}/eventi-gestione/accoglienza#c=${late.id}.${checkInCode(cipher, late.id)}`);
    await page.getByText('Connessione assente: la presenza è in coda').waitFor();
    await page.getByText('1 presenza in coda su questo telefono.').waitFor();
    const stored = await page.evaluate(() => localStorage.getItem('incas.events.checkInQueue'));
    expect(JSON.parse(stored!)).toEqual([{ registrationId: late.id, code: checkInCode(cipher, late.id) }]);
    await settled(page, 'the reception page with a queued check-in');
    await page.unroute('**/api/v1/event-check-ins');
    await page.getByRole('button', { name: 'Riprova' }).click();
    await page.getByText('0 presenze in coda su questo telefono.').waitFor();
    const { rows } = await env.db.ownerQuery('SELECT attended_at FROM evt_registrations WHERE id = $1', [late.id]);
    expect((rows[0] as { attended_at: Date | null }).attended_at).not.toBeNull();
  });

  it('the organiser issues the certificates of an ended event and a visitor verifies one', async () => {
    const past = await makeEvent(env.db, organiser, {
      startsAt: new Date(Date.now() - 5 * DAY),
      title: 'Workshop di Cosenza sul caporalato',
    });
    const came = await makeRegistration(env.db, past, { attended: true });
    await makeRegistration(env.db, past);
    const page = await env.newPage();
    page.setDefaultTimeout(20_000);
    await logIn(page, env.baseUrl, organiser.email, TEST_PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${env.baseUrl}/eventi-gestione/${past.id}/presenze`);
    await page.getByRole('heading', { name: 'Presenze: Workshop di Cosenza sul caporalato', level: 1 }).waitFor();
    await settled(page, 'the list of attendance');
    await page.getByRole('button', { name: 'Rilascia gli attestati ai presenti' }).click();
    await page.getByText('Rilasciato 1 attestato.').waitFor();
    const { rows } = await env.db.ownerQuery('SELECT certificate_code FROM evt_registrations WHERE id = $1', [came.id]);
    const code = (rows[0] as { certificate_code: string }).certificate_code;
    await page.getByRole('link', { name: new RegExp(code) }).waitFor();
    await settled(page, 'the list of attendance with a certificate');

    await page.goto(`${env.baseUrl}/eventi/partecipazione`);
    await page.getByRole('heading', { name: 'Partecipazione agli eventi', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Per tipo di organizzazione' }).getByText('Terzo settore').waitFor();
    await settled(page, 'the participation figures');

    const visitor = await env.newPage();
    visitor.setDefaultTimeout(20_000);
    await visitor.goto(`${env.baseUrl}/verifica-attestato`);
    await visitor.getByRole('heading', { name: 'Verifica un attestato di partecipazione', level: 1 }).waitFor();
    await settled(visitor, 'the public verification page');
    await visitor.getByLabel('Codice dell’attestato').fill(code.toLowerCase().replaceAll('-', ' '));
    await visitor.getByRole('button', { name: 'Verifica' }).click();
    await visitor.getByText('L’attestato è autentico.').waitFor();
    await visitor.getByText(`Rilasciato a ${await nameOf(came.id)}.`).waitFor();
    await visitor.getByText(/Workshop di Cosenza sul caporalato/).waitFor();
    await settled(visitor, 'a verified certificate');

    await visitor.getByLabel('Codice dell’attestato').fill('AAAA-BBBB-CCCC-DDDD');
    await visitor.getByRole('button', { name: 'Verifica' }).click();
    await visitor.getByText('Nessun attestato corrisponde a questo codice.', { exact: false }).waitFor();

    // the link printed on the certificate brings the code with it
    await visitor.goto(`${env.baseUrl}/`);
    await visitor.goto(`${env.baseUrl}/verifica-attestato#${code}`);
    await visitor.getByText('L’attestato è autentico.').waitFor();
  });
});
