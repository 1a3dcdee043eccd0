/**
 * Survey fixtures for the invitation and reminder tests: a survey with a published version of a
 * minimal valid questionnaire, a launched wave over the given Comuni (their rows in the frozen
 * universe and their empty responses), and survey contacts. Written in SQL as the owner, so that
 * these tests do not depend on the authoring and waves routes.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../../server/platform/db/db.js';
import { Form } from '../../server/modules/surveys/shared/form/model.js';
import { makeOrg } from './factories.js';

/** The smallest questionnaire the model accepts: one optional text question. */
export const minimalForm: Form = Form.parse({
  modelVersion: 1,
  id: 'prova_solleciti',
  title: { it: 'Questionario di prova', en: 'Test questionnaire' },
  defaultLanguage: 'it',
  items: [
    {
      kind: 'question',
      type: 'text',
      name: 'a1',
      label: { it: 'Nome del compilatore' },
      required: false,
      readOnly: false,
    },
  ],
  lists: [],
});

/** A Comune that nobody uses yet, given a Comune organisation (so makeOrg never hands it out again). */
export async function makeSurveyComune(db: Database): Promise<{ istat: string; orgId: string; regionCode: string }> {
  const org = await makeOrg(db, { type: 'comune' });
  const [c] = await db.ownerTx((tx) =>
    tx.query<{ region_code: string }>('SELECT region_code FROM comuni WHERE istat_code = $1', [org.comuneIstat]),
  );
  return { istat: org.comuneIstat!, orgId: org.id, regionCode: c!.region_code };
}

export interface MadeWave {
  surveyId: string;
  versionId: string;
  waveId: string;
  title: string;
  surveyTitle: string;
  /** the response (survey_wave_comuni) id of each Comune */
  responses: Record<string, string>;
}

/** A survey, its published version, and a wave launched over `comuni` (every one 'invitato'). */
export async function makeSurveyWave(
  db: Database,
  w: {
    createdBy: string;
    comuni: string[];
    opensOn: string;
    closesOn: string;
    reminderDays?: number[];
    status?: 'bozza' | 'aperta' | 'chiusa';
    surveyTitle?: string;
    title?: string;
    launchedAt?: Date;
  },
): Promise<MadeWave> {
  const suffix = randomBytes(4).toString('hex');
  const surveyTitle = w.surveyTitle ?? `Indagine di prova ${suffix}`;
  const title = w.title ?? `Rilevazione ${suffix}`;
  const at = w.launchedAt ?? new Date(`${w.opensOn}T00:00:00Z`);
  return db.ownerTx(async (tx) => {
    const surveyId = randomUUID();
    const versionId = randomUUID();
    const waveId = randomUUID();
    await tx.query(
      `INSERT INTO survey_surveys (id, code, title_it, created_by, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [surveyId, `prova-${suffix}`, surveyTitle, w.createdBy, at],
    );
    await tx.query(
      `INSERT INTO survey_form_versions (id, survey_id, version_no, form, question_count, created_by, created_at, published_by, published_at)
       VALUES ($1, $2, 1, $3, 1, $4, $5, $4, $5)`,
      [versionId, surveyId, JSON.stringify(minimalForm), w.createdBy, at],
    );
    await tx.query(
      `INSERT INTO survey_waves (id, survey_id, form_version_id, title_it, universe_rule, opens_on, closes_on, reminder_days,
                                 status, universe_count, launched_by, launched_at, created_by, created_at)
       VALUES ($1, $2, $3, $4, '{"kind":"list"}', $5, $6, $7, $8, $9, $10, $11, $10, $11)`,
      [
        waveId,
        surveyId,
        versionId,
        title,
        w.opensOn,
        w.closesOn,
        w.reminderDays ?? [5, 10],
        w.status ?? 'aperta',
        w.comuni.length,
        w.createdBy,
        at,
      ],
    );
    const responses: Record<string, string> = {};
    for (const istat of w.comuni) {
      const id = randomUUID();
      responses[istat] = id;
      await tx.query(
        `INSERT INTO survey_wave_comuni (id, wave_id, comune_istat, status, status_changed_at) VALUES ($1, $2, $3, 'invitato', $4)`,
        [id, waveId, istat, at],
      );
      await tx.query(`INSERT INTO survey_responses (id, comune_istat) VALUES ($1, $2)`, [id, istat]);
    }
    return { surveyId, versionId, waveId, title, surveyTitle, responses };
  });
}

/** A survey contact of a Comune. */
export async function makeSurveyContact(
  db: Database,
  c: { comune: string; kind: 'email_istituzionale' | 'pec' | 'referente'; email: string; name?: string; role?: string },
): Promise<void> {
  await db.ownerTx((tx) =>
    tx.query(
      `INSERT INTO survey_contacts (id, comune_istat, kind, email, person_name, person_role, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, now(), now())`,
      [randomUUID(), c.comune, c.kind, c.email, c.name ?? null, c.role ?? null],
    ),
  );
}

/** Sets a Comune's state in a wave directly (as if it had started or submitted). */
export async function setResponseStatus(db: Database, responseId: string, status: string): Promise<void> {
  await db.ownerTx((tx) =>
    tx.query('UPDATE survey_wave_comuni SET status = $2, status_changed_at = now() WHERE id = $1', [
      responseId,
      status,
    ]),
  );
}
