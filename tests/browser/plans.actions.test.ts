/**
 * A plan's actions and monitoring in the browser (issue 13 item 1): the referente of Catania, with
 * a plan in BOZZA, adds actions on three axes with the pickers — the priority action by its Italian
 * name proposing the axis (kept once, changed once), lead and partner organisations searched in the
 * registry, a budget typed the Italian way, the funding source, the Comune's project, an indicator
 * with its targets — and reads them grouped by axis and in the summary table. Then, with the plan
 * being implemented, records a monitoring, reads the progress against the target and the state of
 * each action at the monitoring (today's beside it once the action has changed). Every page is
 * checked with axe.
 */
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject } from '../support/project-factories.js';
import { type BrowserEnv, settled, signedIn, startBrowserEnv } from './support.js';

/** Chooses a match of a picker as a person does: a click on its label (Bootstrap Italia draws the radio there). */
async function choose(page: Page, name: RegExp) {
  const id = await page.getByRole('radio', { name }).getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
}

/** The texts of a table row's cells, with the spaces of the euro amounts made plain. */
const cellsOf = async (row: Locator) =>
  (await row.getByRole('cell').allInnerTexts()).map((x) => x.replace(/\u00a0/g, ' ').trim());

let env: BrowserEnv;
let planId: string;
const referente = 'referente.catania@demo.incas.local';

beforeAll(async () => {
  env = await startBrowserEnv();
  planId = randomUUID();
  await env.db.ownerTx(async (tx) => {
    const [u] = await tx.query<{ id: string; org: string }>(
      `SELECT u.id, u.organisation_id AS org FROM users u WHERE u.email = $1`,
      [referente],
    );
    await tx.query(
      `INSERT INTO plm_plans (id, comune_istat, region_code, title, period_from, period_to, status, created_by, created_at, updated_at)
       SELECT $1, istat_code, region_code, 'Piano locale di prova (demo)', 2025, 2027, 'BOZZA', $2, now(), now()
         FROM comuni WHERE istat_code = '087015'`,
      [planId, u!.id],
    );
    for (const name of ['Cooperativa Esempio Aurora (demo)', 'Associazione Esempio Ponte (demo)']) {
      await tx.query(`INSERT INTO organisations (type, name, comune_istat) VALUES ('terzo_settore', $1, '087015')`, [
        name,
      ]);
    }
    return u!.org;
  });
  const [org] = await env.db.ownerTx((tx) =>
    tx.query<{ id: string }>('SELECT organisation_id AS id FROM users WHERE email = $1', [referente]),
  );
  await makeProject(env.db, {
    org: { id: org!.id, type: 'comune', comuneIstat: '087015', regionCode: null },
    title: 'Lavoro dignitoso nella Piana (demo)',
    cup: null,
  });
});
afterAll(async () => env?.close());

describe("a plan's actions", () => {
  it('the referente adds actions on three axes with the pickers and reads the summary; then records a monitoring', async () => {
    const page = await signedIn(env, referente);
    page.setDefaultTimeout(20_000);
    await page.goto(`${env.baseUrl}/piani/${planId}/azioni`);
    await page.getByRole('heading', { name: 'Azioni del piano' }).waitFor();
    await settled(page, 'the actions of a plan without actions');

    // 1: priority action 7 proposes the prevention axis; lead, partner, budget, funding, project, an indicator
    await page.getByRole('button', { name: 'Nuova azione' }).click();
    await page.getByLabel('Codice').fill('A1');
    await page.getByLabel('Titolo', { exact: true }).fill('Sportello informativo per i braccianti');
    await page
      .getByLabel('Azione prioritaria del Piano triennale')
      .selectOption({ label: '7. Campagne di informazione e sensibilizzazione' });
    await expect.poll(() => page.getByLabel('Asse').inputValue()).toBe('PREVENZIONE');
    await page.getByLabel('Budget in euro (facoltativo)').fill('12.500,50');
    await page.getByText('= 12.500,50 €').waitFor();
    await page.getByLabel('Fonte di finanziamento (facoltativa)').selectOption({ label: 'PN Inclusione' });
    await page
      .getByLabel('Progetto finanziato collegato (facoltativo)')
      .selectOption({ label: 'Lavoro dignitoso nella Piana (demo)' });
    await page.getByLabel("Cerca l'ente capofila nell'anagrafe").fill('Esempio Aurora');
    await choose(page, /^Cooperativa Esempio Aurora \(demo\)/);
    await page.getByLabel('Ruolo del prossimo partner').selectOption({ label: 'Soggetto attuatore' });
    await page.getByLabel("Cerca un partner nell'anagrafe").fill('Esempio Ponte');
    await choose(page, /^Associazione Esempio Ponte \(demo\)/);
    await page.getByText('Associazione Esempio Ponte (demo) (Soggetto attuatore)').waitFor();
    await page.getByRole('button', { name: 'Aggiungi un indicatore' }).click();
    await page.getByLabel("Nome dell'indicatore").fill('Lavoratori informati');
    await page.getByLabel('Unità di misura').fill('persone');
    await page.getByLabel('Target 2025').fill('200');
    await settled(page, 'the editor of an action');
    await page.getByRole('button', { name: "Salva l'azione" }).click();
    await page.getByRole('heading', { name: 'A1 — Sportello informativo per i braccianti' }).waitFor();

    // 2: priority action 8, its axis as proposed
    await page.getByRole('button', { name: 'Nuova azione' }).click();
    await page.getByLabel('Codice').fill('A2');
    await page.getByLabel('Titolo', { exact: true }).fill('Controlli congiunti nelle aziende agricole');
    await page.getByLabel('Azione prioritaria del Piano triennale').selectOption({ label: '8. Vigilanza e contrasto' });
    await expect.poll(() => page.getByLabel('Asse').inputValue()).toBe('VIGILANZA_CONTRASTO');
    await page.getByLabel('Budget in euro (facoltativo)').fill('3.000');
    await page.getByRole('button', { name: "Salva l'azione" }).click();
    await page.getByRole('heading', { name: 'A2 — Controlli congiunti nelle aziende agricole' }).waitFor();

    // 3: priority action 5 proposes prevention; the referente puts it on the protection axis
    await page.getByRole('button', { name: 'Nuova azione' }).click();
    await page.getByLabel('Codice').fill('A3');
    await page.getByLabel('Titolo', { exact: true }).fill('Alloggi temporanei per le vittime');
    await page
      .getByLabel('Azione prioritaria del Piano triennale')
      .selectOption({ label: '5. Soluzioni alloggiative dignitose' });
    await expect.poll(() => page.getByLabel('Asse').inputValue()).toBe('PREVENZIONE');
    await page.getByLabel('Asse').selectOption({ label: 'Protezione e assistenza' });
    await page.getByRole('button', { name: "Salva l'azione" }).click();
    await page.getByRole('heading', { name: 'A3 — Alloggi temporanei per le vittime' }).waitFor();

    // grouped by axis, with the words of the priority action, lead, partner, budget, funding, project
    const prevention = page.getByRole('region', { name: 'Prevenzione' });
    await prevention.getByRole('heading', { name: 'A1 — Sportello informativo per i braccianti' }).waitFor();
    await prevention.getByText('7. Campagne di informazione e sensibilizzazione').waitFor();
    await prevention.getByText('Cooperativa Esempio Aurora (demo)').waitFor();
    await prevention.getByText('12.500,50 €').first().waitFor();
    await prevention.getByText('PN Inclusione').waitFor();
    await prevention.getByText('Lavoro dignitoso nella Piana (demo) — CUP non ancora assegnato').waitFor();
    await page
      .getByRole('region', { name: 'Vigilanza e contrasto' })
      .getByRole('heading', { name: 'A2 — Controlli congiunti nelle aziende agricole' })
      .waitFor();
    await page
      .getByRole('region', { name: 'Protezione e assistenza' })
      .getByRole('heading', { name: 'A3 — Alloggi temporanei per le vittime' })
      .waitFor();

    // the summary: axes × priority actions
    const summary = page.getByRole('table', { name: /Numero di azioni del piano per azione prioritaria/ });
    const row7 = summary.getByRole('row', { name: /7\. Campagne di informazione/ });
    expect(await cellsOf(row7)).toEqual(['1 azione', '—', '—', '—', '1 azione', '12.500,50 €']);
    const row5 = summary.getByRole('row', { name: /5\. Soluzioni alloggiative/ });
    expect(await cellsOf(row5)).toEqual(['—', '—', '1 azione', '—', '1 azione', '0,00 €']);
    const total = summary.getByRole('row', { name: /^Totale/ });
    expect((await cellsOf(total)).slice(4)).toEqual(['3 azioni', '15.500,50 €']);
    await settled(page, 'the actions of a plan with its summary');

    // the plan adopted and being implemented: the actions are read-only, a monitoring is recorded
    await env.db.ownerTx((tx) =>
      tx.query(
        `UPDATE plm_plans SET status = 'IN_ATTUAZIONE', adoption_organ = 'GIUNTA', adoption_number = '7',
                adoption_date = '2025-02-01' WHERE id = $1`,
        [planId],
      ),
    );
    await page.reload();
    await page.getByText('le azioni cambiano stato solo con un monitoraggio').waitFor();
    expect(await page.getByRole('button', { name: 'Nuova azione' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Monitoraggio', exact: true }).click();
    await page.getByRole('heading', { name: 'Monitoraggio del piano' }).waitFor();
    await settled(page, 'the monitoring of a plan without monitorings');
    await page.getByLabel('Periodo').selectOption({ label: 'Anno 2025' });
    await page.getByText('Target del periodo: 200').waitFor();
    await page.getByLabel('Data di riferimento').fill('2025-12-31');
    await page.getByLabel('Lavoratori informati (persone) — azione A1').fill('150');
    await page
      .getByLabel("Stato dell'azione A1 — Sportello informativo per i braccianti")
      .selectOption({ label: 'In corso' });
    await page.getByRole('button', { name: 'Registra il monitoraggio' }).click();
    const show = { name: 'Vedi i valori e lo stato delle azioni del periodo Anno 2025' };
    await page.getByRole('button', show).click();
    await page.getByRole('cell', { name: '150/200 (75%)' }).waitFor();
    // the state of every action at the monitoring
    const states = page.getByRole('table', { name: /^Stato di ogni azione del piano al monitoraggio/ });
    await page.getByRole('heading', { name: 'Stato delle azioni al monitoraggio' }).waitFor();
    expect(await states.getByRole('row').count()).toBe(4);
    expect(await cellsOf(states.getByRole('row', { name: /^A1 / }))).toEqual([
      'Sportello informativo per i braccianti',
      'In corso',
    ]);
    await settled(page, 'the monitoring with one period recorded');
    await page.getByRole('link', { name: 'Azioni', exact: true }).click();
    await page.getByText('150 su 200 (75%) nel periodo 2025').waitFor();

    // the action completed since: the monitoring keeps its state and says today's beside it
    await env.db.ownerTx((tx) =>
      tx.query(`UPDATE plm_actions SET status = 'COMPLETATA' WHERE plan_id = $1 AND code = 'A1'`, [planId]),
    );
    await page.getByRole('link', { name: 'Monitoraggio', exact: true }).click();
    await page.reload(); // a later visit: the actions read afresh
    await page.getByRole('button', show).click();
    await states.getByText('(oggi: Completata)').waitFor();
    expect(await cellsOf(states.getByRole('row', { name: /^A1 / }))).toEqual([
      'Sportello informativo per i braccianti',
      'In corso\n(oggi: Completata)',
    ]);
    await settled(page, 'the monitoring with an action changed since');
  });
});
