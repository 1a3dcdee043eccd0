/**
 * Factories for the national surveys' responses: a survey with a published version of a small
 * questionnaire, an open wave, and a Comune's row in it (survey_wave_comuni + survey_responses),
 * written straight into the tables as the owner, so that the response tests do not depend on the
 * authoring and waves routes. Personal links are made here too (token and hash as links.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../../server/platform/db/db.js';
import type { Form, Item } from '../../server/modules/surveys/shared/form/model.js';
import { newLinkToken } from '../../server/modules/surveys/shared/links.js';
import { makeOrg, makeUser, type TestOrg, type TestUser } from './factories.js';

/**
 * A small questionnaire: a general section (Comune's name as text, number of inhabitants with a
 * constraint, a yes/no with a follow-up), a section with a choice list and a date, and a repeat of
 * settlements.
 */
export function smallForm(): Form {
  const q = (name: string, type: string, extra: Record<string, unknown> = {}) =>
    ({ kind: 'question', name, type, required: false, readOnly: false, ...extra }) as Item;
  return {
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
  };
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
  return { modelVersion: 1, id: 'grande', title: { it: 'Grande' }, defaultLanguage: 'it', items, lists: [] };
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
  const form = o.form ?? smallForm();
  const surveyId = randomUUID();
  const versionId = randomUUID();
  const waveId = randomUUID();
  const now = new Date();
  await db.ownerTx(async (tx) => {
    await tx.query(
      `INSERT INTO survey_surveys (id, code, title_it, created_by, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [surveyId, `prova-${randomBytes(4).toString('hex')}`, 'Indagine di prova', author.id, now],
    );
    await tx.query(
      `INSERT INTO survey_form_versions (id, survey_id, version_no, form, question_count, created_by, created_at, published_by, published_at)
       VALUES ($1, $2, 1, $3::jsonb, $4, $5, $6, $5, $6)`,
      [versionId, surveyId, JSON.stringify(form), 10, author.id, now],
    );
    await tx.query(
      `INSERT INTO survey_waves (id, survey_id, form_version_id, title_it, universe_rule, opens_on, closes_on, status,
                                 universe_count, launched_by, launched_at, created_by, created_at)
       VALUES ($1, $2, $3, $4, '{}'::jsonb, '2026-11-01', '2027-01-31', $5, 0, $6, $7, $6, $7)`,
      [waveId, surveyId, versionId, 'Rilevazione di prova 2026', o.status ?? 'aperta', author.id, now],
    );
  });
  return { surveyId, versionId, waveId, author };
}

/** A Comune's row in a wave with its (empty) answers; returns the response id. */
export async function addComuneToWave(
  db: Database,
  waveId: string,
  comune: string,
  o: { status?: string; answers?: Record<string, unknown> } = {},
): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await db.ownerTx(async (tx) => {
    await tx.query(
      `INSERT INTO survey_wave_comuni (id, wave_id, comune_istat, status, invited_at, status_changed_at)
       VALUES ($1, $2, $3, $4, $5, $5)`,
      [id, waveId, comune, o.status ?? 'invitato', now],
    );
    await tx.query(`INSERT INTO survey_responses (id, comune_istat, answers) VALUES ($1, $2, $3::jsonb)`, [
      id,
      comune,
      JSON.stringify(o.answers ?? {}),
    ]);
  });
  return id;
}

export interface SurveyComune {
  istat: string;
  org: TestOrg;
  compilatore: TestUser;
  validatore: TestUser;
  referente: TestUser;
}

/** A Comune not used before with its survey staff. */
export async function makeSurveyComune(db: Database): Promise<SurveyComune> {
  const org = await makeOrg(db, { type: 'comune' });
  return {
    istat: org.comuneIstat!,
    org,
    compilatore: await makeUser(db, { roles: ['compilatore_indagine'], org }),
    validatore: await makeUser(db, { roles: ['validatore_indagine'], org }),
    referente: await makeUser(db, { roles: ['referente_comunale'], org }),
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
