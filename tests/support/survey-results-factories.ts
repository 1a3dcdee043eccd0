/**
 * Factories of the results tests: a small questionnaire with every kind of result (yes/no,
 * multiple choice with "Altro", integer, range of persons, free text, a repeat) and a wave whose
 * Comuni answered it as the test says, written as the database owner.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../../server/platform/db/db.js';
import type { Form } from '../../server/modules/surveys/shared/form/model.js';

const q = { kind: 'question', required: false, readOnly: false } as const;

export const resultsForm: Form = {
  modelVersion: 1,
  id: 'risultati',
  title: { it: 'Risultati di prova' },
  defaultLanguage: 'it',
  items: [
    {
      kind: 'group',
      name: 'sez_a',
      label: { it: 'A. Presenza', en: 'A. Presence' },
      items: [
        {
          ...q,
          type: 'yes_no',
          name: 'presenza',
          label: { it: 'Presenza di lavoratori' },
          listName: 'sn',
          yes: 'si',
          no: 'no',
        },
        { ...q, type: 'select_multiple', name: 'settori', label: { it: 'Settori' }, listName: 'settori', other: true },
        { ...q, type: 'integer', name: 'addetti', label: { it: 'Addetti comunali' } },
        { ...q, type: 'range_estimate', name: 'lavoratori', label: { it: 'Lavoratori' }, decimal: false },
        { ...q, type: 'range_estimate', name: 'stagionali', label: { it: 'Stagionali' }, decimal: false },
        { ...q, type: 'text', name: 'note', label: { it: 'Note' } },
      ],
    },
    {
      kind: 'repeat',
      name: 'insediamenti',
      label: { it: 'Insediamento' },
      items: [
        { ...q, type: 'select_one', name: 'tipo', label: { it: 'Tipo' }, listName: 'tipo', other: false },
        { ...q, type: 'range_estimate', name: 'persone', label: { it: 'Persone' }, decimal: false },
      ],
    },
  ],
  lists: [
    {
      name: 'sn',
      choices: [
        { name: 'si', label: { it: 'Sì' }, extra: {} },
        { name: 'no', label: { it: 'No' }, extra: {} },
      ],
    },
    {
      name: 'settori',
      choices: [
        { name: 'agri', label: { it: 'Agricoltura' }, extra: {} },
        { name: 'edil', label: { it: 'Edilizia' }, extra: {} },
        { name: 'serv', label: { it: 'Servizi' }, extra: {} },
      ],
    },
    {
      name: 'tipo',
      choices: [
        { name: 'formale', label: { it: 'Formale' }, extra: {} },
        { name: 'informale', label: { it: 'Informale' }, extra: {} },
      ],
    },
  ],
};

/**
 * A closed wave of `form`, with one row per Comune given, in its state and with its answers: on a
 * fresh survey, or on `opts.surveyId` as its next published version (a later wave of the same survey).
 */
export async function makeResultsWave(
  db: Database,
  authorId: string,
  comuni: { istat: string; status: string; answers: Record<string, unknown> }[],
  form: Form = resultsForm,
  opts: { surveyId?: string; opensOn?: string; title?: string } = {},
): Promise<string> {
  const surveyId = opts.surveyId ?? randomUUID();
  const versionId = randomUUID();
  const waveId = randomUUID();
  const opensOn = opts.opensOn ?? '2026-01-10';
  await db.ownerTx(async (tx) => {
    if (!opts.surveyId)
      await tx.query(
        `INSERT INTO survey_surveys (id, code, title_it, created_by, created_at) VALUES ($1, $2, 'Risultati di prova', $3, now())`,
        [surveyId, `risultati-${randomBytes(4).toString('hex')}`, authorId],
      );
    await tx.query(
      `INSERT INTO survey_form_versions (id, survey_id, version_no, form, question_count, created_by, created_at, published_by, published_at)
       VALUES ($1, $2, (SELECT coalesce(max(version_no), 0) + 1 FROM survey_form_versions WHERE survey_id = $2),
               $3::jsonb, 8, $4, now(), $4, now())`,
      [versionId, surveyId, JSON.stringify(form), authorId],
    );
    await tx.query(
      `INSERT INTO survey_waves (id, survey_id, form_version_id, title_it, universe_rule, opens_on, closes_on, status,
                                 universe_count, launched_by, launched_at, created_by, created_at)
       VALUES ($1, $2, $3, $6, '{"kind":"all"}'::jsonb, $7::date, $7::date + 80, 'chiusa', $4, $5, now(), $5, now())`,
      [waveId, surveyId, versionId, comuni.length, authorId, opts.title ?? 'Rilevazione di prova', opensOn],
    );
    for (const c of comuni) {
      const id = randomUUID();
      await tx.query(
        `INSERT INTO survey_wave_comuni (id, wave_id, comune_istat, status, invited_at, status_changed_at) VALUES ($1, $2, $3, $4, now(), now())`,
        [id, waveId, c.istat, c.status],
      );
      await tx.query(`INSERT INTO survey_responses (id, comune_istat, answers) VALUES ($1, $2, $3::jsonb)`, [
        id,
        c.istat,
        JSON.stringify(c.answers),
      ]);
    }
  });
  return waveId;
}

/** The survey a wave belongs to. */
export async function surveyOfWave(db: Database, waveId: string): Promise<string> {
  const [row] = await db.ownerTx((tx) =>
    tx.query<{ survey_id: string }>('SELECT survey_id FROM survey_waves WHERE id = $1', [waveId]),
  );
  return row!.survey_id;
}

/** `n` Comuni of a Region (ISTAT codes, in code order). */
export async function comuniOf(db: Database, region: string, n: number): Promise<string[]> {
  const rows = await db.ownerTx((tx) =>
    tx.query<{ istat_code: string }>(
      'SELECT istat_code FROM comuni WHERE region_code = $1 ORDER BY istat_code LIMIT $2',
      [region, n],
    ),
  );
  return rows.map((r) => r.istat_code);
}
