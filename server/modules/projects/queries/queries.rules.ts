/** Pure rules of the query threads: the daily digest's e-mail in words (Italian first, then English). */

export interface DigestLine {
  subject: string;
  dueOn: string;
  daysOverdue: number;
  projectTitle: string;
  projectCup: string | null;
}

/** 2026-03-05 → 05/03/2026 (gg/mm/aaaa). */
export const itDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The e-mail of a user's overdue threads: one line each, overdue first, and the link to the work list. */
export function digestMessage(lines: DigestLine[], publicUrl: string): { subject: string; text: string } {
  const n = lines.length;
  const link = `${publicUrl.replace(/\/+$/, '')}/chiarimenti`;
  const sorted = [...lines].sort((a, b) => b.daysOverdue - a.daysOverdue);
  const project = (l: DigestLine) => (l.projectCup ? `${l.projectCup} – ${l.projectTitle}` : l.projectTitle);
  const it = sorted.map(
    (l) =>
      `- ${project(l)}: «${l.subject}», scadenza ${itDate(l.dueOn)} (${l.daysOverdue === 1 ? '1 giorno' : `${l.daysOverdue} giorni`} di ritardo)`,
  );
  const en = sorted.map(
    (l) =>
      `- ${project(l)}: "${l.subject}", due ${itDate(l.dueOn)} (${l.daysOverdue === 1 ? '1 day' : `${l.daysOverdue} days`} overdue)`,
  );
  return {
    subject:
      n === 1
        ? 'InCaS: 1 richiesta di chiarimenti scaduta / 1 overdue query'
        : `InCaS: ${n} richieste di chiarimenti scadute / ${n} overdue queries`,
    text: [
      'Buongiorno,',
      '',
      n === 1
        ? "c'è una richiesta di chiarimenti sui progetti del Comune a cui rispondere, oltre la scadenza:"
        : `ci sono ${n} richieste di chiarimenti sui progetti del Comune a cui rispondere, oltre la scadenza:`,
      '',
      ...it,
      '',
      `Rispondi da: ${link}`,
      '',
      '---',
      '',
      n === 1
        ? "One query on the Comune's projects awaits an answer past its due date:"
        : `${n} queries on the Comune's projects await an answer past their due date:`,
      '',
      ...en,
      '',
      `Answer at: ${link}`,
      '',
      'Messaggio automatico, non rispondere / Automatic message, do not reply.',
    ].join('\n'),
  };
}
