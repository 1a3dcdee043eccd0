/**
 * The demo's query threads (issue 12 item 9), written with this part's own statements: ANCI/
 * Cittalia and MLPS ask the Comuni about a budget line, an expense, a claim or the project, with
 * a due date; some answered, some resolved, and a few open past their due date, so that the work
 * lists and the digest have something to show.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../platform/db/db.js';
import { insertMessage, insertQuery, updateStatus } from './queries.repo.js';
import type { AnchorType } from './queries.schema.js';

export interface QueriesDemoProject {
  id: string;
  comuneIstat: string;
  status: string;
  comuneUserId: string;
  lineKey: string | null;
  expenseId: string | null;
  claimId: string | null;
}

const DAY = 86_400_000;
const isoOf = (d: Date) => d.toISOString().slice(0, 10);

interface Thread {
  anchor: (p: QueriesDemoProject) => { type: AnchorType; id: string | null } | null;
  level: 'ANCI' | 'MLPS';
  subject: string;
  question: string;
  answer: string | null;
  /** Days ago it was opened, and its due date from then. */
  openedDaysAgo: number;
  dueInDays: number;
  resolved: boolean;
}

const threads: Thread[] = [
  {
    anchor: (p) => (p.lineKey ? { type: 'RIGA_BUDGET', id: p.lineKey } : null),
    level: 'MLPS',
    subject: 'Costi di coordinamento',
    question: 'Chiarire la composizione del gruppo di coordinamento e le ore previste per ciascuna figura.',
    answer:
      'Il gruppo è composto dalla responsabile del servizio (8 ore settimanali) e da un istruttore amministrativo (12 ore).',
    openedDaysAgo: 60,
    dueInDays: 20,
    resolved: true,
  },
  {
    anchor: (p) => (p.expenseId ? { type: 'SPESA', id: p.expenseId } : null),
    level: 'ANCI',
    subject: 'Quietanza della fattura',
    question: 'La quietanza allegata riporta un importo diverso da quello imputato: caricare il mandato corretto.',
    answer: null,
    openedDaysAgo: 40,
    dueInDays: 15,
    resolved: false,
  },
  {
    anchor: (p) => (p.claimId ? { type: 'DOMANDA', id: p.claimId } : null),
    level: 'MLPS',
    subject: 'Tempi della domanda di rimborso',
    question: 'Indicare quando saranno trasmesse le controdeduzioni richieste dal revisore.',
    answer: 'Le trasmetteremo entro la fine del mese, dopo la firma dei prospetti delle ore.',
    openedDaysAgo: 12,
    dueInDays: 20,
    resolved: false,
  },
  {
    anchor: () => ({ type: 'PROGETTO', id: null }),
    level: 'ANCI',
    subject: 'Cronoprogramma aggiornato',
    question: 'Inviare il cronoprogramma aggiornato delle attività del secondo semestre.',
    answer: null,
    openedDaysAgo: 5,
    dueInDays: 25,
    resolved: false,
  },
];

export async function seedQueriesDemo(
  db: Database,
  input: { projects: readonly QueriesDemoProject[]; now: Date; anciId: string; mlpsId: string },
): Promise<number> {
  let written = 0;
  await db.ownerTx(async (tx) => {
    let turn = 0;
    for (const p of input.projects) {
      if (p.status !== 'IN_CORSO') continue;
      // two threads per running project, in turn
      for (const t of [threads[turn % threads.length]!, threads[(turn + 1) % threads.length]!]) {
        const anchor = t.anchor(p);
        if (!anchor) continue;
        const id = randomUUID();
        const opened = new Date(input.now.getTime() - t.openedDaysAgo * DAY);
        const asker = t.level === 'MLPS' ? input.mlpsId : input.anciId;
        await insertQuery(
          tx,
          {
            id,
            projectId: p.id,
            comuneIstat: p.comuneIstat,
            anchorType: anchor.type,
            anchorId: anchor.id,
            subject: t.subject,
            dueOn: isoOf(new Date(opened.getTime() + t.dueInDays * DAY)),
            level: t.level,
          },
          asker,
          opened,
        );
        await insertMessage(
          tx,
          { id: randomUUID(), queryId: id, projectId: p.id, comuneIstat: p.comuneIstat, body: t.question },
          asker,
          opened,
        );
        written++;
        if (t.answer) {
          const answered = new Date(opened.getTime() + Math.min(t.openedDaysAgo - 1, 6) * DAY);
          await insertMessage(
            tx,
            { id: randomUUID(), queryId: id, projectId: p.id, comuneIstat: p.comuneIstat, body: t.answer },
            p.comuneUserId,
            answered,
          );
          await updateStatus(tx, id, 'RISPOSTA', null);
          if (t.resolved)
            await updateStatus(tx, id, 'RISOLTA', { by: asker, at: new Date(answered.getTime() + 2 * DAY) });
        }
      }
      turn++;
    }
  });
  return written;
}
