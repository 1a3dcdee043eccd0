/**
 * The journey of issue 14 item 1, in Chromium with axe on every page: ANCI's assistenza tecnica
 * publishes a workshop; an officer of a Comune registers on its public page and finds the seat and
 * the QR on /le-mie-iscrizioni; the organiser's reception page takes the QR (its link, as the
 * phone's camera opens it) and records the presence; after the event (its dates moved to the past,
 * as time would) the organiser chooses the feedback questionnaire and issues the certificates; the
 * officer downloads the certificate and answers the questionnaire, once, anonymously.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInCode } from '../../server/modules/events/attendance/attendance.rules.js';
import { FEEDBACK_FORM } from '../../server/modules/events/feedback/feedback.form.js';
import { insertSurvey, insertVersion, publishVersion } from '../../server/modules/surveys/index.js';
import { createFieldCipher } from '../../server/platform/crypto.js';
import { makeEvent } from '../support/event-factories.js';
import { makeOrg, makeUser, TEST_PASSWORD, type TestUser } from '../support/factories.js';
import { TEST_DATA_KEY } from '../support/harness.js';
import { logIn, settled, signedIn, startBrowserEnv, type BrowserEnv } from './support.js';

const cipher = createFieldCipher(Buffer.from(TEST_DATA_KEY, 'base64'));
const ORGANISER = 'assistenza.anci@demo.incas.local';
const TITLE = 'Workshop territoriale del percorso di prova';
const QUESTIONNAIRE = 'Gradimento del percorso di prova';

let env: BrowserEnv;
let officer: TestUser;

beforeAll(async () => {
  env = await startBrowserEnv();
  officer = await makeUser(env.db, {
    roles: ['referente_comunale'],
    org: await makeOrg(env.db, { type: 'comune' }),
    displayName: 'Referente Prova',
  });
  // a questionnaire of the survey engine, published (the surveys' authoring statements)
  const [anci] = await env.db.ownerTx((tx) =>
    tx.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [ORGANISER]),
  );
  const surveyId = randomUUID();
  const versionId = randomUUID();
  await env.db.ownerTx(async (tx) => {
    await insertSurvey(tx, {
      id: surveyId,
      code: 'gradimento-percorso-prova',
      titleIt: QUESTIONNAIRE,
      titleEn: null,
      descriptionIt: null,
      createdBy: anci!.id,
      createdAt: new Date(),
    });
    await insertVersion(tx, {
      id: versionId,
      surveyId,
      form: FEEDBACK_FORM,
      report: [],
      sourceFilename: 'gradimento.xlsx',
      questionCount: 5,
      createdBy: anci!.id,
      createdAt: new Date(),
    });
    await publishVersion(tx, versionId, 1, anci!.id, new Date());
  });
});
afterAll(async () => env?.close());

describe('the events journey', () => {
  it('ANCI publishes a workshop, an officer registers, is checked in by QR, downloads the certificate and answers the feedback', async () => {
    // ANCI publishes the workshop (a draft made in advance, in three hours)
    const [anci] = await env.db.ownerTx((tx) =>
      tx.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [ORGANISER]),
    );
    const ev = await makeEvent(
      env.db,
      {
        id: anci!.id,
        email: ORGANISER,
        password: '',
        org: { id: '', type: 'anci', comuneIstat: null, regionCode: null },
      },
      { status: 'BOZZA', title: TITLE, startsAt: new Date(Date.now() + 3 * 3_600_000) },
    );
    const organiser = await signedIn(env, ORGANISER);
    organiser.setDefaultTimeout(20_000);
    organiser.on('dialog', (d) => void d.accept());
    await organiser.goto(`${env.baseUrl}/eventi-gestione/${ev.id}`);
    await organiser.getByRole('button', { name: 'Pubblica' }).click();
    await organiser.getByText('Evento pubblicato: ora è visibile sul sito pubblico.').waitFor();
    await settled(organiser, 'the event’s page for the organisers, published');

    // the officer registers from the public page
    const me = await env.newPage();
    me.setDefaultTimeout(20_000);
    await logIn(me, env.baseUrl, officer.email, TEST_PASSWORD);
    await me.waitForURL((u) => !u.pathname.startsWith('/login'));
    await me.goto(`${env.baseUrl}/eventi`);
    await me.getByRole('link', { name: TITLE, exact: true }).click();
    await me.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await settled(me, 'the public page of the workshop');
    await me.getByRole('button', { name: 'Iscriviti' }).click();
    await me.getByRole('status').getByText('Posto confermato').waitFor();
    await me.goto(`${env.baseUrl}/le-mie-iscrizioni`);
    await me.getByRole('link', { name: TITLE, exact: true }).waitFor();
    await settled(me, 'my registrations with the seat and the QR');
    const qrHref = await me.getByRole('link', { name: /Il tuo QR per l’accoglienza/ }).getAttribute('href');
    const qr = await me.request.get(`${env.baseUrl}${qrHref}`);
    expect(qr.headers()['content-type']).toMatch(/^image\/svg\+xml/);
    const [reg] = await env.db.ownerTx((tx) =>
      tx.query<{ id: string }>('SELECT id FROM evt_registrations WHERE event_id = $1 AND user_id = $2', [
        ev.id,
        officer.id,
      ]),
    );

    // the reception page takes the QR's link (what the phone's camera opens)
    await organiser.goto(`${env.baseUrl}/eventi-gestione/accoglienza#c=${reg!.id}.${checkInCode(cipher, reg!.id)}`);
    await organiser.getByText('Presenza registrata: Referente Prova').waitFor();
    await settled(organiser, 'the reception page after the check-in');

    // the workshop is over (as time would do it)
    await env.db.ownerTx((tx) =>
      tx.query(
        `UPDATE evt_events SET starts_at = now() - interval '6 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
        [ev.id],
      ),
    );
    // the organiser chooses the feedback questionnaire and issues the certificates
    await organiser.goto(`${env.baseUrl}/eventi-gestione/${ev.id}/presenze`);
    await organiser.getByRole('link', { name: 'Questionario di gradimento' }).click();
    await organiser.getByRole('heading', { name: 'Questionario di gradimento', level: 1 }).waitFor();
    await organiser.getByLabel('Questionario da usare').selectOption({ label: `${QUESTIONNAIRE} (versione 1)` });
    await organiser.getByRole('button', { name: 'Salva il questionario' }).click();
    await organiser.getByText('Questionario salvato.').waitFor();
    await settled(organiser, 'the feedback questionnaire chosen, no answers yet');
    await organiser.goto(`${env.baseUrl}/eventi-gestione/${ev.id}/presenze`);
    await organiser.getByRole('button', { name: 'Rilascia gli attestati ai presenti' }).click();
    await organiser.getByText('Rilasciato 1 attestato.').waitFor();
    await settled(organiser, 'the attendance with the certificate issued');

    // the officer downloads the certificate
    await me.goto(`${env.baseUrl}/le-mie-iscrizioni`);
    const certificate = me.getByRole('link', { name: /Scarica l’attestato di partecipazione/ });
    const pdf = await me.request.get(`${env.baseUrl}${await certificate.getAttribute('href')}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toMatch(/^application\/pdf/);
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const download = me.waitForEvent('download');
    await certificate.click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
    await settled(me, 'my registrations with the certificate and the questionnaire');

    // … and answers the feedback questionnaire (the survey engine's form; a missing answer first)
    await me.getByRole('link', { name: /Compila il questionario di gradimento/ }).click();
    await me.getByRole('heading', { name: `Questionario di gradimento: ${TITLE}`, level: 1 }).waitFor();
    await settled(me, 'the feedback questionnaire');
    // the Bootstrap Italia radios and checkboxes are chosen by their labels, as a person clicks them
    const choose = (question: RegExp, choice: string) =>
      me.getByRole('group', { name: question }).locator('label', { hasText: choice }).click();
    await choose(/Nel complesso, quanto sei soddisfatto/, '5 — moltissimo');
    await choose(/Quanto è stato utile/, '4 — molto');
    await me.getByRole('button', { name: 'Invia le risposte' }).click();
    await me.getByRole('alert').waitFor();
    await choose(/Come valuti l’organizzazione/, '3 — abbastanza');
    await choose(/Quali parti/, 'I casi di studio');
    await me.getByLabel(/Commenti e suggerimenti/).fill('Utile, da ripetere.');
    await me.getByRole('button', { name: 'Invia le risposte' }).click();
    await me.getByText('Grazie! Le tue risposte sono state registrate.').waitFor();
    await settled(me, 'the feedback questionnaire answered');
    await me.goto(`${env.baseUrl}/le-mie-iscrizioni`);
    await me.getByText('Questionario di gradimento compilato.').waitFor();

    const answers = await env.db.ownerTx((tx) =>
      tx.query<{ answers: Record<string, unknown> }>('SELECT answers FROM evt_feedback_answers WHERE event_id = $1', [
        ev.id,
      ]),
    );
    expect(answers).toEqual([
      {
        answers: {
          soddisfazione: '5',
          utilita: '4',
          organizzazione: '3',
          parti_utili: 'casi',
          commenti: 'Utile, da ripetere.',
        },
      },
    ]);
    // the organiser sees one answer, and no result under the small-number rule
    await organiser.goto(`${env.baseUrl}/eventi-gestione/${ev.id}/gradimento`);
    await organiser.getByText('Risposte: 1 su 1 partecipanti presenti.').waitFor();
    await organiser.getByText(/I risultati si vedono da 5 risposte in su/).waitFor();
    await settled(organiser, 'the feedback results, withheld under the minimum');
  });
});
