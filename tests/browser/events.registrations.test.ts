/**
 * Issue 14 item 1 in Chromium with axe: an external participant asks for a seat in a workshop made
 * with the factory (the public registration call the event page's form sends), opens the link of
 * the e-mail (/eventi/iscrizione, the token in the fragment), which confirms the e-mail and shows
 * the seat, then cancels it; the participants' privacy notice; a logged-in user sees their
 * registrations with the waitlist position on /le-mie-iscrizioni.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEvent, makeRegistration, type TestEvent } from '../support/event-factories.js';
import type { TestUser } from '../support/factories.js';
import { PRIVACY_VERSION } from '../../server/modules/events/shared/vocabulary.js';
import { settled, signedIn, startBrowserEnv, type BrowserEnv } from './support.js';

let env: BrowserEnv;
let organiser: TestUser;
let event: TestEvent;

beforeAll(async () => {
  env = await startBrowserEnv();
  const [u] = await env.db.ownerTx((tx) =>
    tx.query<{ id: string; email: string }>(
      `SELECT id, email FROM users WHERE email = 'assistenza.anci@demo.incas.local'`,
    ),
  );
  organiser = {
    id: u!.id,
    email: u!.email,
    password: '',
    org: { id: '', type: 'anci', comuneIstat: null, regionCode: null },
  };
  event = await makeEvent(env.db, organiser, { capacity: 2, title: 'Workshop territoriale di prova in Calabria' });
});
afterAll(async () => env?.close());

describe('registration of an external participant', () => {
  it('asks for a seat, confirms through the link of the e-mail, sees the seat and cancels it', async () => {
    const email = 'giulia.esempio@example.org';
    const page = await env.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${env.baseUrl}/eventi/privacy`);
    // the request the event page's form sends (with the CSRF token, as the web client does)
    const status = await page.evaluate(
      async ({ slug, body }) => {
        const { token } = (await (await fetch('/api/v1/auth/csrf')).json()) as { token: string };
        const res = await fetch(`/api/v1/public/events/${slug}/registrations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify(body),
        });
        return res.status;
      },
      {
        slug: event.slug,
        body: {
          fullName: 'Giulia Esempio',
          email,
          organisationName: 'Cooperativa Esempio',
          organisationType: 'terzo_settore',
          consent: true,
          privacyVersion: PRIVACY_VERSION,
        },
      },
    );
    expect(status).toBe(202);
    // the token the e-mail carries (read from the outbox, as the mail job does)
    const [notice] = await env.db.ownerTx((tx) =>
      tx.query<{ link_token: string }>(
        `SELECT n.link_token FROM evt_notices n JOIN evt_registrations r ON r.id = n.registration_id
          WHERE r.email = $1 AND n.kind = 'CONFERMA_EMAIL'`,
        [email],
      ),
    );
    const token = notice!.link_token;

    await page.goto(`${env.baseUrl}/eventi/iscrizione#t=${token}`);
    await page.getByRole('heading', { name: 'La tua iscrizione' }).waitFor({ timeout: 10_000 });
    await page.getByText('Posto confermato').waitFor({ timeout: 10_000 });
    expect(await page.getByRole('link', { name: 'Workshop territoriale di prova in Calabria' }).count()).toBe(1);
    await settled(page, 'registration link page (seat confirmed)');
    // opening the link again: the same seat (idempotent)
    await page.reload();
    await page.getByText('Posto confermato').waitFor({ timeout: 10_000 });
    const [row] = await env.db.ownerTx((tx) =>
      tx.query<{ status: string }>(`SELECT status FROM evt_registrations WHERE email = $1`, [email]),
    );
    expect(row!.status).toBe('CONFERMATA');
    // the QR code for the entrance, fetched with the token in the body and drawn as an image
    await page.getByRole('button', { name: /Il tuo QR per l’accoglienza/ }).click();
    const qr = page.getByRole('img', { name: /Codice QR dell’iscrizione/ });
    await qr.waitFor({ timeout: 10_000 });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);

    await page.getByRole('button', { name: 'Annulla l’iscrizione' }).click();
    await page.getByText('Annullata').waitFor({ timeout: 10_000 });
    expect(await page.getByRole('button', { name: 'Annulla l’iscrizione' }).count()).toBe(0);
    await settled(page, 'registration link page (cancelled)');

    // a link without its token
    await page.goto(`${env.baseUrl}/eventi/iscrizione`);
    await page.getByText('Il link è incompleto').waitFor();
  });

  it('the participants’ privacy notice', async () => {
    const page = await env.newPage();
    await page.goto(`${env.baseUrl}/eventi/privacy`);
    await page.getByRole('heading', { name: 'Informativa privacy per i partecipanti agli eventi' }).waitFor();
    await page.getByText(`Versione ${PRIVACY_VERSION}`).waitFor();
    await page.getByText('24 mesi dopo l’evento').waitFor();
    await settled(page, 'participants privacy notice');
  });

  it('a logged-in user sees their registrations with the waitlist position', async () => {
    const full = await makeEvent(env.db, organiser, { capacity: 1, title: 'Workshop al completo di prova' });
    await makeRegistration(env.db, full, { queuedAt: new Date(Date.now() - 3_600_000) });
    await makeRegistration(env.db, full, { status: 'IN_ATTESA', user: organiser, queuedAt: new Date() });
    const page = await signedIn(env, organiser.email);
    await page.getByRole('link', { name: 'Le mie iscrizioni' }).first().click();
    await page.getByRole('heading', { name: 'Le mie iscrizioni' }).waitFor();
    await page.getByText('posizione 1 in lista d’attesa').waitFor({ timeout: 10_000 });
    await settled(page, 'my registrations');
  });
});
