/**
 * The scheda trimestrale and the query threads in the browser (issue 12, items 6 and 7): the
 * referente of Catania starts the scheda of a quarter, writes the critical issues and sends it;
 * ANCI/Cittalia returns it with a comment on a field, which the Comune reads beside the field;
 * ANCI/Cittalia opens a query on the project and the Comune answers it from its work list. Every
 * page is checked with axe.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeProject, type TestProject } from '../support/project-factories.js';
import { type BrowserEnv, settled, signedIn, startBrowserEnv } from './support.js';

let env: BrowserEnv;
let project: TestProject;
beforeAll(async () => {
  env = await startBrowserEnv();
  const { rows } = await env.db.ownerQuery(
    `SELECT o.id::text AS id FROM users u JOIN organisations o ON o.id = u.organisation_id
      WHERE u.email = 'referente.catania@demo.incas.local'`,
  );
  const orgId = (rows[0] as { id: string }).id;
  project = await makeProject(env.db, {
    org: { id: orgId, type: 'comune', comuneIstat: '087015', regionCode: null },
    title: 'Accoglienza diffusa a Catania',
    startDate: '2025-01-01',
    endDate: '2027-12-31',
  });
});
afterAll(async () => env?.close());

describe('the scheda trimestrale and the queries', () => {
  it('the Comune sends a scheda, ANCI returns it with a comment, then asks a question the Comune answers', async () => {
    const comune = await signedIn(env, 'referente.catania@demo.incas.local');
    comune.setDefaultTimeout(20_000);
    await comune.goto(`${env.baseUrl}/progetti/${project.id}/monitoraggio`);
    await settled(comune, 'the list of schede');
    await comune.getByLabel('Trimestre').selectOption({ label: '1° trimestre 2025' });
    await comune.getByRole('button', { name: 'Crea la scheda' }).click();
    await comune.getByRole('heading', { name: 'Scheda del 1° trimestre 2025' }).waitFor();
    await settled(comune, 'a scheda being filled in');
    await comune.getByText('114.000,00 €').first().waitFor();
    await comune.getByLabel('Criticità incontrate nel trimestre e azioni correttive').fill('Ritardo nelle assunzioni');
    await comune.getByRole('button', { name: 'Salva e invia' }).click();
    await comune.getByText('Inviata, in esame ad ANCI/Cittalia').first().waitFor();

    const anci = await signedIn(env, 'assistenza.anci@demo.incas.local');
    anci.setDefaultTimeout(20_000);
    await anci.goto(`${env.baseUrl}/progetti/${project.id}/monitoraggio`);
    await anci.getByRole('link', { name: '1° trimestre 2025' }).click();
    await anci.getByRole('heading', { name: 'Esame di ANCI/Cittalia' }).waitFor();
    await settled(anci, 'a scheda under review');
    await anci.getByLabel('Sezione').selectOption({ label: 'Criticità' });
    await anci.getByLabel('Osservazione').fill('Indicare le azioni correttive previste');
    await anci.getByRole('button', { name: "Aggiungi l'osservazione" }).click();
    await anci.getByRole('button', { name: 'Restituisci al Comune con le osservazioni' }).click();
    await anci.getByText('Restituita con osservazioni').first().waitFor();

    await comune.reload();
    await comune.getByText('Indicare le azioni correttive previste').waitFor();
    await settled(comune, 'a returned scheda with its comments');

    await anci.goto(`${env.baseUrl}/progetti/${project.id}/chiarimenti`);
    await settled(anci, "the project's queries");
    await anci.getByRole('button', { name: 'Nuova richiesta di chiarimenti' }).click();
    await anci.getByLabel('Oggetto').fill('Cronoprogramma delle assunzioni');
    await anci.getByLabel('Domanda').fill('Potete inviare il cronoprogramma aggiornato?');
    await anci.getByRole('button', { name: 'Invia la richiesta' }).click();
    await anci.getByRole('heading', { name: 'Cronoprogramma delle assunzioni' }).waitFor();
    await settled(anci, 'a query just opened');

    await comune.goto(`${env.baseUrl}/chiarimenti`);
    await settled(comune, 'the work list of queries');
    await comune.getByRole('link', { name: 'Cronoprogramma delle assunzioni' }).click();
    await comune.getByLabel('La risposta del Comune').fill('Il cronoprogramma è allegato alla scheda');
    await comune.getByRole('button', { name: 'Invia', exact: true }).click();
    await comune.getByText('Risposta del Comune ricevuta').first().waitFor();
    await settled(comune, 'a query answered');
  });
});
