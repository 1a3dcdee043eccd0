/**
 * The projection of the answers that count (survey_answer_values, migration 0027, decision 0046):
 * the areas and the cross-tabulation read from it give exactly the figures read from the jsonb
 * documents, on a small wave with every kind of answer and every state, and stay so through a
 * submission, a return for correction, a resubmission and the consolidation made through the API
 * (the triggers keep it in the same transaction). Row-level security confines it as the answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../../platform/db/db.js';
import { startTestApp, type Agent, type TestApp } from '../../../../tests/support/harness.js';
import { makeUser } from '../../../../tests/support/factories.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import { comuniOf, makeResultsWave, resultsForm } from '../../../../tests/support/survey-results-factories.js';
import {
  addComuneToWave,
  completeAnswers,
  makeStaffedComune,
  makeWave,
  smallForm,
  type StaffedComune,
  type TestWave,
} from '../../../../tests/support/survey-factories.js';
import { selectAreas, selectCrosstab } from './results.repo.js';
import { selectAreasProjected, selectCrosstabProjected } from './answer-values.repo.js';
import { resultQuestions } from './results.rules.js';
import type { Form } from '../shared/form/model.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const LEVELS = ['regione', 'provincia', 'comune'] as const;

/** Every map of every top-level question (and choice) and every cross-tab, from both paths. */
async function compareAll(tx: Queryable, waveId: string, form: Form, region: string): Promise<number> {
  const qs = resultQuestions(form).filter(
    (q) => !q.repeats.length && ['choice', 'multiple', 'number', 'range'].includes(q.kind),
  );
  let compared = 0;
  for (const q of qs)
    for (const level of LEVELS)
      for (const choice of q.choices.length ? q.choices.map((c) => c.code) : [null])
        for (const [f, only] of [
          [{}, null],
          [{ region }, region],
        ] as const) {
          const jsonb = await selectAreas(tx, waveId, f, { name: q.name, repeats: [] }, level, choice, only);
          const projected = await selectAreasProjected(tx, waveId, f, q.name, level, choice, only);
          expect(projected, `${q.name} ${level} ${choice}`).toEqual(jsonb);
          compared++;
        }
  const choices = qs.filter((q) => q.choices.length);
  for (const r of choices)
    for (const c of choices)
      if (r.name !== c.name) {
        const sort = (rows: { rc: string | null; cc: string | null; n: number }[]) =>
          [...rows].sort((a, b) => `${a.rc}|${a.cc}`.localeCompare(`${b.rc}|${b.cc}`));
        expect(sort(await selectCrosstabProjected(tx, waveId, {}, r.name, c.name))).toEqual(
          sort(await selectCrosstab(tx, waveId, {}, r.name, c.name)),
        );
        compared++;
      }
  return compared;
}

describe('the projection gives the documents’ figures', () => {
  it('on a small wave with every kind of answer and every state', async () => {
    const anci = await makeUser(t.db, { roles: ['assistenza_tecnica'] });
    const puglia = await comuniOf(t.db, '16', 7);
    const [c1, c2, c3, c4, c5, c6, c7] = puglia as [string, string, string, string, string, string, string];
    const [p1] = (await comuniOf(t.db, '01', 1)) as [string];
    const waveId = await makeResultsWave(t.db, anci.id, [
      {
        istat: c1,
        status: 'inviato',
        answers: {
          presenza: 'si',
          settori: 'agri edil',
          addetti: 10,
          lavoratori: { value: 13, quality: 'certo' },
          note: 'Testo libero',
          insediamenti: [{ tipo: 'formale', persone: { value: 30, quality: 'certo' } }],
        },
      },
      { istat: c2, status: 'in_validazione', answers: { presenza: 'si', settori: ' agri  agri other ', addetti: 2.5 } },
      {
        istat: c3,
        status: 'consolidato',
        answers: { presenza: 'no', addetti: 0, lavoratori: { quality: 'non_noto' } },
      },
      {
        istat: c4,
        status: 'validato',
        answers: { presenza: '', settori: null, lavoratori: { min: 3, max: 8, quality: 'stima' } },
      },
      { istat: p1, status: 'inviato', answers: { presenza: 'si', stagionali: { value: 4, quality: 'certo' } } },
      { istat: c5, status: 'da_ricontattare', answers: { presenza: 'si', addetti: 1000 } },
      { istat: c6, status: 'in_compilazione', answers: { presenza: 'no', addetti: 500 } },
      { istat: c7, status: 'invitato', answers: {} },
    ]);
    const rows = await t.db.ownerTx((tx) =>
      tx.query<{ comune_istat: string; question: string }>(
        'SELECT comune_istat, question FROM survey_answer_values WHERE wave_id = $1 ORDER BY 1, 2',
        [waveId],
      ),
    );
    // the counted Comuni's answered, mapped questions only: no free text, no repeat, no blank
    expect(rows.map((r) => `${r.comune_istat}:${r.question}`)).toEqual(
      [
        `${c1}:addetti`,
        `${c1}:lavoratori`,
        `${c1}:presenza`,
        `${c1}:settori`,
        `${c2}:addetti`,
        `${c2}:presenza`,
        `${c2}:settori`,
        `${c3}:addetti`,
        `${c3}:lavoratori`,
        `${c3}:presenza`,
        `${c4}:lavoratori`,
        `${p1}:presenza`,
        `${p1}:stagionali`,
      ].sort(),
    );
    expect(await t.db.ownerTx((tx) => compareAll(tx, waveId, resultsForm, '16'))).toBeGreaterThan(50);
  });
});

describe('kept in step by every write that changes what counts', () => {
  let wave: TestWave;
  let A: StaffedComune;
  let others: StaffedComune[];
  let valA: Agent;
  let anci: Agent;
  let id: string;

  beforeAll(async () => {
    wave = await makeWave(t.db);
    A = await makeStaffedComune(t.db);
    others = [await makeStaffedComune(t.db), await makeStaffedComune(t.db)];
    for (const [i, o] of others.entries())
      await addComuneToWave(t.db, wave.waveId, o.istat, {
        status: 'inviato',
        answers: { ...completeAnswers, abitanti: 10 * (i + 1), servizio: i ? 'no' : 'si' },
      });
    id = await addComuneToWave(t.db, wave.waveId, A.istat);
    valA = await loginAs(t, A.validatore);
    anci = await loginAs(t, wave.author);
  });

  const valuesOfA = () =>
    t.db.ownerTx((tx) =>
      tx.query<{ question: string; num: string | null; codes: string[] | null }>(
        'SELECT question, num::text AS num, codes FROM survey_answer_values WHERE response_id = $1 ORDER BY question',
        [id],
      ),
    );
  const same = () => t.db.ownerTx((tx) => compareAll(tx, wave.waveId, smallForm(), A.regionCode));
  const rowVersion = async () =>
    (
      await t.db.ownerTx((tx) =>
        tx.query<{ row_version: number }>('SELECT row_version FROM survey_responses WHERE id = $1', [id]),
      )
    )[0]!.row_version;

  it('a draft is not there; the submission adds it; a return removes it; the resubmission brings the new answer', async () => {
    const r = `/api/v1/surveys/responses/${id}`;
    expect((await valA.patch(`${r}/answers`, { baseVersion: 0, answers: completeAnswers })).status).toBe(200);
    expect(await valuesOfA()).toEqual([]);
    await same();

    expect((await valA.post(`${r}/submit`, { declaration: true })).status).toBe(200);
    expect(await valuesOfA()).toEqual([
      { question: 'abitanti', num: '120', codes: null },
      { question: 'servizio', num: null, codes: ['si'] },
      { question: 'settori', num: null, codes: ['agricoltura'] },
    ]);
    await same();

    expect((await anci.post(`${r}/review/start`)).status).toBe(200);
    expect((await anci.post(`${r}/flags`, { question: 'abitanti', reason: 'Troppo alto' })).status).toBe(201);
    expect((await anci.post(`${r}/return`, { note: 'Controllare' })).status).toBe(200);
    expect(await valuesOfA()).toEqual([]);
    await same();

    const saved = await valA.patch(`${r}/answers`, { baseVersion: await rowVersion(), answers: { abitanti: 80 } });
    expect(saved.status).toBe(200);
    expect(await valuesOfA()).toEqual([]);
    expect((await valA.post(`${r}/submit`, { declaration: true })).status).toBe(200);
    expect((await valuesOfA()).find((v) => v.question === 'abitanti')?.num).toBe('80');
    await same();

    expect((await anci.post(`${r}/review/start`)).status).toBe(200);
    expect((await anci.post(`${r}/validate`)).status).toBe(200);
    expect((await anci.post(`${r}/consolidate`)).status).toBe(200);
    expect((await valuesOfA()).map((v) => v.question)).toEqual(['abitanti', 'servizio', 'settori']);
    await same();
  });

  it('row-level security: a Comune reads only its own rows, a Regione only its Comuni’s', async () => {
    const read = (access: Parameters<typeof t.db.tx>[0]) =>
      t.db.tx(access, (tx) =>
        tx.query<{ comune_istat: string }>(
          'SELECT DISTINCT comune_istat FROM survey_answer_values WHERE wave_id = $1',
          [wave.waveId],
        ),
      );
    const mine = await read({ scope: 'comune', tenant: A.istat, region: null, userId: null });
    expect(mine.map((r) => r.comune_istat)).toEqual([A.istat]);
    const regional = await read({ scope: 'regione', tenant: null, region: A.regionCode, userId: null });
    const all = [A, ...others];
    expect(regional.map((r) => r.comune_istat).sort()).toEqual(
      all
        .filter((c) => c.regionCode === A.regionCode)
        .map((c) => c.istat)
        .sort(),
    );
    // the application role reads it only: the triggers write it
    await expect(
      t.db.tx({ scope: 'national', tenant: null, region: null, userId: null }, (tx) =>
        tx.query('DELETE FROM survey_answer_values WHERE wave_id = $1', [wave.waveId]),
      ),
    ).rejects.toThrow();
  });
});
