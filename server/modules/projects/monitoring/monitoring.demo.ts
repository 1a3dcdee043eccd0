/**
 * The demo's quarterly schede (issue 12 item 9), written with this part's own statements: one per
 * quarter of each running or concluded project, with procurements, activities and an indicator
 * entered by hand, the platform's sections frozen as they stood at the quarter's end. The older
 * ones approved by MLPS, then one at each stage of the review: validated by ANCI/Cittalia, sent,
 * returned with a comment on a field, and the current quarter's draft.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../platform/db/db.js';
import { selectProjectRow } from '../shared/project.repo.js';
import { insertComment, insertReport, markReviewed, markSubmitted, selectActivities } from './monitoring.repo.js';
import { quarterRange, quartersDue, type Quarter } from './monitoring.rules.js';
import type { MonitoringContent, MonitoringStatus } from './monitoring.schema.js';
import { computeSections } from './monitoring.service.js';

export interface MonitoringDemoProject {
  id: string;
  status: string;
  comuneUserId: string;
  title: string;
}

/** The newest schede of each project, newest first: one at each stage, in turn. */
const stagesByProject: MonitoringStatus[][] = [
  ['BOZZA', 'VALIDATA_ANCI'],
  ['RESTITUITA', 'APPROVATA'],
  ['INVIATA', 'APPROVATA'],
  ['BOZZA', 'INVIATA'],
];

const DAY = 86_400_000;

export async function seedMonitoringDemo(
  db: Database,
  input: { projects: readonly MonitoringDemoProject[]; today: string; anciId: string; mlpsId: string },
): Promise<number> {
  let written = 0;
  await db.ownerTx(async (tx) => {
    let turn = 0;
    for (const p of input.projects) {
      if (p.status !== 'IN_CORSO' && p.status !== 'CONCLUSO') continue;
      const project = (await selectProjectRow(tx, p.id))!;
      // the quarters already over (the current one only as a draft)
      const due = quartersDue(project.start_date, project.end_date, input.today);
      if (due.length === 0) continue;
      const stages = stagesByProject[turn++ % stagesByProject.length]!;
      const activities = await selectActivities(tx, p.id);
      for (let i = 0; i < due.length; i++) {
        const q = due[i]!;
        const fromEnd = due.length - 1 - i;
        const status: MonitoringStatus = stages[fromEnd] ?? 'APPROVATA';
        const { end } = quarterRange(q);
        const closed = end < input.today;
        if (!closed && status !== 'BOZZA') continue;
        const content = contentOf(p, q, activities, end, i);
        const id = randomUUID();
        const createdAt = new Date(Date.parse(`${closed ? end : input.today}T09:00:00Z`) - (closed ? 0 : DAY));
        await insertReport(
          tx,
          { id, projectId: p.id, comuneIstat: project.comune_istat, year: q.year, quarter: q.quarter, content },
          p.comuneUserId,
          createdAt,
        );
        written++;
        if (status === 'BOZZA') continue;
        const sentAt = new Date(createdAt.getTime() + 10 * DAY);
        const computed = await computeSections(tx, { clock: { now: () => sentAt } }, project, q, content);
        await markSubmitted(tx, id, { ...content, computed }, p.comuneUserId, sentAt);
        if (status === 'INVIATA') continue;
        const reviewedAt = new Date(sentAt.getTime() + 7 * DAY);
        if (status === 'RESTITUITA') {
          await insertComment(
            tx,
            {
              id: randomUUID(),
              reportId: id,
              projectId: p.id,
              comuneIstat: project.comune_istat,
              level: 'ANCI',
              field: 'procurements.0.cig',
              text: 'Indicare il CIG dell’affidamento e la data di stipula del contratto.',
            },
            input.anciId,
            reviewedAt,
          );
          await markReviewed(tx, id, 'RESTITUITA', reviewedAt);
          continue;
        }
        await markReviewed(tx, id, 'VALIDATA_ANCI', reviewedAt);
        if (status === 'VALIDATA_ANCI') continue;
        await markReviewed(tx, id, 'APPROVATA', new Date(reviewedAt.getTime() + 10 * DAY));
      }
    }
  });
  return written;
}

function contentOf(
  p: MonitoringDemoProject,
  q: Quarter,
  activities: ReadonlyArray<{
    id: string;
    code: string;
    progress_pct: number;
    planned_start: string;
    planned_end: string;
  }>,
  asOf: string,
  i: number,
): MonitoringContent {
  const progress = (a: (typeof activities)[number]) => {
    const s = Date.parse(a.planned_start);
    const e = Date.parse(a.planned_end);
    const t = Date.parse(asOf);
    return t <= s ? 0 : t >= e ? 100 : Math.round(((t - s) / (e - s)) * 100);
  };
  const { start } = quarterRange(q);
  const returned = i % 4 === 1;
  return {
    general: {
      referenteName: 'Referente di progetto (demo)',
      summary: `Trimestre ${q.quarter}/${q.year}: attività dello sportello e dei percorsi individuali secondo il cronoprogramma.`,
    },
    procurements: [
      {
        object: 'Servizio di mediazione interculturale',
        procedure: 'PROCEDURA_NEGOZIATA',
        // a returned scheda lacks the CIG its comment asks for
        cig: returned ? null : `B${p.id.replace(/-/g, '').slice(0, 9).toUpperCase()}`,
        amountCents: 48_000_00,
        steps: [
          { step: 'DETERMINA_A_CONTRARRE', plannedOn: start, doneOn: start },
          { step: 'AGGIUDICAZIONE', plannedOn: start, doneOn: start },
          { step: 'STIPULA', plannedOn: start, doneOn: returned ? null : start },
        ],
      },
    ],
    activities: activities
      .filter((a) => !a.code.includes('.'))
      .map((a) => ({ activityId: a.id, progressPct: progress(a), note: '' })),
    indicators: [
      {
        indicatorCode: 'O.2.3',
        value: 8 + i * 6,
        source: 'Registro delle presenze dello sportello e schede di accesso (dati inventati)',
      },
    ],
    financialNotes: '',
    criticalIssues: i % 3 === 2 ? 'Ritardi nella stipula delle convenzioni con le aziende ospitanti i tirocini.' : '',
  };
}
