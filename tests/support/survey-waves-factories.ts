/**
 * Factories of the surveys' waves tests: a survey with a published and a draft version (written as
 * the database owner: the authoring routes are tested on their own), and the users who act on waves.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../../server/platform/db/db.js';
import type { Agent, TestApp } from './harness.js';
import { makeOrg, makeUser, type TestOrg, type TestUser } from './factories.js';
import { loginAs } from './pilot-factories.js';

export interface MadeSurvey {
  surveyId: string;
  publishedId: string;
  draftId: string;
}

export async function makeSurvey(db: Database, createdBy: string): Promise<MadeSurvey> {
  const surveyId = randomUUID();
  const publishedId = randomUUID();
  const draftId = randomUUID();
  const form = { title: 'Indagine di prova', questions: [] };
  await db.ownerTx(async (tx) => {
    await tx.query(
      `INSERT INTO survey_surveys (id, code, title_it, created_by, created_at) VALUES ($1, $2, 'Indagine di prova', $3, now())`,
      [surveyId, `prova-${randomBytes(4).toString('hex')}`, createdBy],
    );
    await tx.query(
      `INSERT INTO survey_form_versions (id, survey_id, version_no, form, question_count, created_by, created_at, published_by, published_at)
       VALUES ($1, $2, 1, $3, 0, $4, now(), $4, now())`,
      [publishedId, surveyId, JSON.stringify(form), createdBy],
    );
    await tx.query(
      `INSERT INTO survey_form_versions (id, survey_id, form, question_count, created_by, created_at)
       VALUES ($1, $2, $3, 0, $4, now())`,
      [draftId, surveyId, JSON.stringify(form), createdBy],
    );
  });
  return { surveyId, publishedId, draftId };
}

export interface WaveActors {
  anci: TestUser;
  mlps: TestUser;
  regione: TestUser;
  as: { anci: Agent; mlps: Agent; regione: Agent };
}

/** ANCI/Cittalia (runs the waves), MLPS (reads), a Regione (reads its own Comuni). */
export async function waveActors(t: TestApp, regionCode = '12'): Promise<WaveActors> {
  const anci = await makeUser(t.db, { roles: ['assistenza_tecnica'] });
  const mlps = await makeUser(t.db, { roles: ['mlps'] });
  const regione = await makeUser(t.db, {
    roles: ['regione'],
    org: await makeOrg(t.db, { type: 'regione', regionCode }),
  });
  return {
    anci,
    mlps,
    regione,
    as: { anci: await loginAs(t, anci), mlps: await loginAs(t, mlps), regione: await loginAs(t, regione) },
  };
}

/** A Comune's user with the given role, logged in. */
export async function comuneUser(
  t: TestApp,
  role: 'validatore_indagine' | 'compilatore_indagine' | 'referente_comunale',
  comuneIstat?: string,
): Promise<{ user: TestUser; agent: Agent; istat: string }> {
  // one organisation per Comune: a second user of the same Comune joins the existing one
  const [existing] = comuneIstat
    ? await t.db.ownerTx((tx) =>
        tx.query<{ id: string }>("SELECT id FROM organisations WHERE comune_istat = $1 AND type = 'comune'", [
          comuneIstat,
        ]),
      )
    : [];
  const org: TestOrg = existing
    ? { id: existing.id, type: 'comune', comuneIstat: comuneIstat!, regionCode: null }
    : await makeOrg(t.db, { type: 'comune', ...(comuneIstat ? { comuneIstat } : {}) });
  const user = await makeUser(t.db, { roles: [role], org });
  return { user, agent: await loginAs(t, user), istat: org.comuneIstat! };
}

export const defaultWave = (formVersionId: string, over: Record<string, unknown> = {}) => ({
  formVersionId,
  titleIt: 'Rilevazione 2026',
  universeRule: { kind: 'filter', population: { min: 15000, minExclusive: true } },
  opensOn: '2026-06-01',
  closesOn: '2026-07-15',
  ...over,
});
