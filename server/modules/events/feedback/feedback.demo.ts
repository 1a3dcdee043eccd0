/**
 * The feedback demo (issue 14 item 1): the default questionnaire ("Questionario di gradimento",
 * feedback.form.ts) published as version 1 of a survey with the surveys' own authoring statements,
 * attached to the concluded workshops, and answered by about two thirds of those who attended
 * (answers checked by the form engine like any other, stored without the registration). Runs in
 * the events demo's transaction, after the attendance demo.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Queryable } from '../../../platform/db/db.js';
import { evaluateForm, insertSurvey, insertVersion, publishVersion, walkItems } from '../../surveys/index.js';
import type { EventStatus } from '../shared/vocabulary.js';
import { FEEDBACK_FORM, FEEDBACK_SURVEY } from './feedback.form.js';
import { insertAnswer, markAnswered, setEventForm } from './feedback.repo.js';

export interface DemoFeedbackEvent {
  id: string;
  kind: string;
  status: EventStatus;
  endsAt: Date;
}

/** The share of those who attended who answer. */
export const DEMO_ANSWER_RATE = 0.65;

const unit = (seed: string) => createHash('sha256').update(seed).digest().readUInt32BE(0) / 0x1_0000_0000;

const COMMENTS = [
  'Molto utile il confronto con gli altri Comuni (commento dimostrativo).',
  'Servirebbe più tempo per i lavori di gruppo.',
  'Materiali chiari; sarebbe utile riceverli prima.',
  'Sala poco adatta al lavoro in gruppi, per il resto bene.',
  'Vorrei un incontro di approfondimento sulla rendicontazione.',
  'Esempi concreti molto apprezzati.',
];

/** A plausible answer, the same for the same seed: mostly 4s and 5s, some 3s, rarely lower. */
function demoAnswer(seed: string): Record<string, unknown> {
  const score = (k: string) => {
    const u = unit(`${seed}:${k}`);
    return String(u < 0.05 ? 2 : u < 0.25 ? 3 : u < 0.65 ? 4 : 5);
  };
  const parts = ['relazioni', 'gruppi', 'casi', 'confronto'].filter((p) => unit(`${seed}:${p}`) < 0.45);
  const a: Record<string, unknown> = {
    soddisfazione: score('s'),
    utilita: score('u'),
    organizzazione: score('o'),
  };
  if (parts.length) a.parti_utili = parts.join(' ');
  if (unit(`${seed}:c`) < 0.35) a.commenti = COMMENTS[Math.floor(unit(`${seed}:t`) * COMMENTS.length)];
  return a;
}

/** Publishes the default questionnaire, attaches it and answers it; returns the version and the answers made. */
export async function seedFeedbackDemo(
  tx: Queryable,
  events: readonly DemoFeedbackEvent[],
  organiserId: string,
  today: Date,
): Promise<{ formVersionId: string; answers: number }> {
  const surveyId = randomUUID();
  const versionId = randomUUID();
  const createdAt = new Date(today.getTime() - 300 * 86_400_000);
  await insertSurvey(tx, { id: surveyId, ...FEEDBACK_SURVEY, createdBy: organiserId, createdAt });
  let questions = 0;
  for (const [item] of walkItems(FEEDBACK_FORM.items)) if (item.kind === 'question') questions++;
  await insertVersion(tx, {
    id: versionId,
    surveyId,
    form: FEEDBACK_FORM,
    report: [],
    sourceFilename: 'gradimento-eventi.xlsx',
    questionCount: questions,
    createdBy: organiserId,
    createdAt,
  });
  await publishVersion(tx, versionId, 1, organiserId, createdAt);
  let answers = 0;
  for (const e of events) {
    if (e.kind !== 'WORKSHOP_TERRITORIALE' || e.status !== 'CONCLUSO') continue;
    await setEventForm(tx, e.id, versionId, createdAt);
    const attended = await tx.query<{ id: string }>(
      `SELECT id FROM evt_registrations WHERE event_id = $1 AND attended_at IS NOT NULL ORDER BY queued_at, id`,
      [e.id],
    );
    for (const [i, r] of attended.entries()) {
      if (unit(`${e.id}:${i}:answers`) >= DEMO_ANSWER_RATE) continue;
      const at = new Date(e.endsAt.getTime() + (1 + Math.floor(unit(`${e.id}:${i}:day`) * 5)) * 86_400_000);
      const ev = evaluateForm(FEEDBACK_FORM, demoAnswer(`${e.id}:${i}`), {
        today: at.toISOString().slice(0, 10),
        now: at,
      });
      if (ev.issues.length) throw new Error(`demo feedback answer refused: ${ev.issues[0]!.message.en}`);
      await insertAnswer(tx, { id: randomUUID(), eventId: e.id, formVersionId: versionId, answers: ev.values });
      await markAnswered(tx, r.id, at);
      answers++;
    }
  }
  return { formVersionId: versionId, answers };
}
