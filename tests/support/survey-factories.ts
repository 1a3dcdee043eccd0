/**
 * Factories of the national surveys' tests, written straight into the tables as the database owner
 * so that each feature's tests do not depend on the other features' routes: questionnaires (all
 * valid for the form model), a survey with its versions, waves with their Comuni and responses,
 * the Comuni's survey staff, personal links, survey contacts, and the users who act on waves.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../server/platform/db/db.js';
import { Form, type Item } from '../../server/modules/surveys/shared/form/model.js';
import { countQuestions } from '../../server/modules/surveys/shared/form/xlsform-export.js';
import { newLinkToken } from '../../server/modules/surveys/shared/links.js';
import type { Agent, TestApp } from './harness.js';
import { makeOrg, makeUser, type TestOrg, type TestUser } from './factories.js';
import { loginAs } from './pilot-factories.js';

/**
 * A small questionnaire: a general section (Comune's name as text, number of inhabitants with a
 * constraint, a yes/no with a follow-up), a section with a choice list and a date, and a repeat of
 * settlements.
 */
export function smallForm(): Form {
  const q = (name: string, type: string, extra: Record<string, unknown> = {}) =>
    ({ kind: 'question', name, type, required: false, readOnly: false, ...extra }) as Item;
  return Form.parse({
    modelVersion: 1,
    id: 'prova_risposte',
    title: { it: 'Questionario di prova', en: 'Test questionnaire' },
    defaultLanguage: 'it',
    items: [
      {
        kind: 'group',
        name: 'A',
        label: { it: 'A. Dati generali' },
        items: [
          q('referente', 'text', { label: { it: 'Nome del referente' }, required: true }),
          q('abitanti', 'integer', {
            label: { it: 'Abitanti stranieri' },
            required: true,
            constraint: '. >= 0 and . <= 100000',
            constraintMessage: { it: 'Tra 0 e 100.000' },
          }),
          q('servizio', 'yes_no', {
            label: { it: 'Il Comune ha uno sportello?' },
            required: true,
            listName: 'sino',
            yes: 'si',
            no: 'no',
          }),
          q('servizio_dal', 'date', { label: { it: 'Attivo dal' }, relevant: "${servizio} = 'si'" }),
        ],
      },
      {
        kind: 'group',
        name: 'B',
        label: { it: 'B. Servizi' },
        items: [
          q('settori', 'select_multiple', { label: { it: 'Settori' }, listName: 'settori', other: false }),
          q('note_b', 'text', { label: { it: 'Note' } }),
        ],
      },
      {
        kind: 'repeat',
        name: 'insediamenti',
        label: { it: 'C. Insediamenti' },
        items: [
          q('luogo', 'text', { label: { it: 'Luogo' }, required: true }),
          q('persone', 'integer', { label: { it: 'Persone' } }),
        ],
      },
    ],
    lists: [
      {
        name: 'sino',
        choices: [
          { name: 'si', label: { it: 'Sì' }, extra: {} },
          { name: 'no', label: { it: 'No' }, extra: {} },
        ],
      },
      {
        name: 'settori',
        choices: [
          { name: 'agricoltura', label: { it: 'Agricoltura' }, extra: {} },
          { name: 'edilizia', label: { it: 'Edilizia' }, extra: {} },
        ],
      },
    ],
  });
}

/** Answers that complete smallForm. */
export const completeAnswers = {
  referente: 'Maria Prova',
  abitanti: 120,
  servizio: 'si',
  servizio_dal: '2024-03-01',
  settori: 'agricoltura',
  insediamenti: [{ luogo: 'Borgo Mezzanone', persone: 300 }],
};

/** A questionnaire of `n` integer questions in sections of 20, each required (for the bench). */
export function bigForm(n: number): Form {
  const items: Item[] = [];
  for (let s = 0; s * 20 < n; s++) {
    const qs: Item[] = [];
    for (let i = s * 20; i < Math.min(n, (s + 1) * 20); i++) {
      qs.push({
        kind: 'question',
        name: `q${i}`,
        type: 'integer',
        required: true,
        readOnly: false,
        constraint: '. >= 0',
      });
    }
    items.push({ kind: 'group', name: `s${s}`, label: { it: `Sezione ${s + 1}` }, items: qs });
  }
  return Form.parse({
    modelVersion: 1,
    id: 'grande',
    title: { it: 'Grande' },
    defaultLanguage: 'it',
    items,
    lists: [],
  });
}

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

/** A survey and its published version of `form` (and a draft version of it when asked). */
async function insertSurvey(
  tx: Queryable,
  s: { form: Form; createdBy: string; at: Date; title?: string; draft?: boolean },
): Promise<{ surveyId: string; versionId: string; draftId: string | null; code: string }> {
  const surveyId = randomUUID();
  const versionId = randomUUID();
  const code = `prova-${randomBytes(4).toString('hex')}`;
  const form = JSON.stringify(s.form);
  const questions = countQuestions(s.form);
  await tx.query(
    `INSERT INTO survey_surveys (id, code, title_it, created_by, created_at) VALUES ($1, $2, $3, $4, $5)`,
    [surveyId, code, s.title ?? 'Indagine di prova', s.createdBy, s.at],
  );
  await tx.query(
    `INSERT INTO survey_form_versions (id, survey_id, version_no, form, question_count, created_by, created_at, published_by, published_at)
     VALUES ($1, $2, 1, $3::jsonb, $4, $5, $6, $5, $6)`,
    [versionId, surveyId, form, questions, s.createdBy, s.at],
  );
  let draftId: string | null = null;
  if (s.draft) {
    draftId = randomUUID();
    await tx.query(
      `INSERT INTO survey_form_versions (id, survey_id, form, question_count, created_by, created_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6)`,
      [draftId, surveyId, form, questions, s.createdBy, s.at],
    );
  }
  return { surveyId, versionId, draftId, code };
}

/** A Comune's row in a wave and its response (empty unless `answers`); returns the response id. */
async function insertWaveComune(
  tx: Queryable,
  r: {
    waveId: string;
    comune: string;
    status: string;
    at: Date;
    invitedAt: Date | null;
    answers?: Record<string, unknown>;
  },
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO survey_wave_comuni (id, wave_id, comune_istat, status, invited_at, status_changed_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [id, r.waveId, r.comune, r.status, r.invitedAt, r.at],
  );
  await tx.query(`INSERT INTO survey_responses (id, comune_istat, answers) VALUES ($1, $2, $3::jsonb)`, [
    id,
    r.comune,
    JSON.stringify(r.answers ?? {}),
  ]);
  return id;
}

export interface MadeSurvey {
  surveyId: string;
  publishedId: string;
  draftId: string;
}

/** A survey with a published and a draft version of the minimal questionnaire (for the waves' tests). */
export async function makeSurvey(db: Database, createdBy: string): Promise<MadeSurvey> {
  const s = await db.ownerTx((tx) => insertSurvey(tx, { form: minimalForm, createdBy, at: new Date(), draft: true }));
  return { surveyId: s.surveyId, publishedId: s.versionId, draftId: s.draftId! };
}

export interface TestWave {
  surveyId: string;
  versionId: string;
  waveId: string;
  author: TestUser;
}

/** A survey with a published version of `form` and a wave ('aperta' unless said). */
export async function makeWave(
  db: Database,
  o: { form?: Form; status?: 'aperta' | 'chiusa'; author?: TestUser } = {},
): Promise<TestWave> {
  const author = o.author ?? (await makeUser(db, { roles: ['assistenza_tecnica'] }));
  const waveId = randomUUID();
  const now = new Date();
  const { surveyId, versionId } = await db.ownerTx(async (tx) => {
    const s = await insertSurvey(tx, { form: o.form ?? smallForm(), createdBy: author.id, at: now });
    await tx.query(
      `INSERT INTO survey_waves (id, survey_id, form_version_id, title_it, universe_rule, opens_on, closes_on, status,
                                 universe_count, launched_by, launched_at, created_by, created_at)
       VALUES ($1, $2, $3, $4, '{}'::jsonb, '2026-11-01', '2027-01-31', $5, 0, $6, $7, $6, $7)`,
      [waveId, s.surveyId, s.versionId, 'Rilevazione di prova 2026', o.status ?? 'aperta', author.id, now],
    );
    return s;
  });
  return { surveyId, versionId, waveId, author };
}

/** A Comune's row in a wave with its (empty) answers, invited now; returns the response id. */
export async function addComuneToWave(
  db: Database,
  waveId: string,
  comune: string,
  o: { status?: string; answers?: Record<string, unknown> } = {},
): Promise<string> {
  const now = new Date();
  return db.ownerTx((tx) =>
    insertWaveComune(tx, {
      waveId,
      comune,
      status: o.status ?? 'invitato',
      at: now,
      invitedAt: now,
      ...(o.answers ? { answers: o.answers } : {}),
    }),
  );
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

/**
 * A survey, its published version of the minimal questionnaire, and a wave launched over `comuni`
 * (every one 'invitato', not yet invited by a message): the invitation and reminder tests.
 */
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
    const { surveyId, versionId } = await insertSurvey(tx, {
      form: minimalForm,
      createdBy: w.createdBy,
      at,
      title: surveyTitle,
    });
    const waveId = randomUUID();
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
    for (const comune of w.comuni) {
      responses[comune] = await insertWaveComune(tx, { waveId, comune, status: 'invitato', at, invitedAt: null });
    }
    return { surveyId, versionId, waveId, title, surveyTitle, responses };
  });
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

export interface SurveyComune {
  istat: string;
  org: TestOrg;
  regionCode: string;
}

/**
 * A Comune that nobody uses yet, given a Comune organisation (so makeOrg never hands it out again),
 * without users: its survey messages go to its survey contacts only.
 */
export async function makeSurveyComune(db: Database): Promise<SurveyComune> {
  const org = await makeOrg(db, { type: 'comune' });
  const [c] = await db.ownerTx((tx) =>
    tx.query<{ region_code: string }>('SELECT region_code FROM comuni WHERE istat_code = $1', [org.comuneIstat]),
  );
  return { istat: org.comuneIstat!, org, regionCode: c!.region_code };
}

export interface StaffedComune extends SurveyComune {
  compilatore: TestUser;
  validatore: TestUser;
  referente: TestUser;
}

/** A Comune not used before with its survey staff: a compilatore, a validatore, a referente. */
export async function makeStaffedComune(db: Database): Promise<StaffedComune> {
  const c = await makeSurveyComune(db);
  return {
    ...c,
    compilatore: await makeUser(db, { roles: ['compilatore_indagine'], org: c.org }),
    validatore: await makeUser(db, { roles: ['validatore_indagine'], org: c.org }),
    referente: await makeUser(db, { roles: ['referente_comunale'], org: c.org }),
  };
}

/** A personal link to a response; returns the token (shown once) and the link's id. */
export async function makeLink(
  db: Database,
  responseId: string,
  o: { expiresAt?: Date; revoked?: boolean; createdBy: string },
): Promise<{ token: string; id: string }> {
  const { token, hash } = newLinkToken();
  const id = randomUUID();
  await db.ownerTx(async (tx) => {
    const [r] = await tx.query<{ comune_istat: string }>('SELECT comune_istat FROM survey_wave_comuni WHERE id = $1', [
      responseId,
    ]);
    await tx.query(
      `INSERT INTO survey_access_links (id, response_id, comune_istat, token_hash, created_by, created_at, expires_at, revoked_at)
       VALUES ($1, $2, $3, $4, $5, now(), $6, $7)`,
      [
        id,
        responseId,
        r!.comune_istat,
        hash,
        o.createdBy,
        o.expiresAt ?? new Date('2030-01-01T00:00:00Z'),
        o.revoked ? new Date() : null,
      ],
    );
  });
  return { token, id };
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
