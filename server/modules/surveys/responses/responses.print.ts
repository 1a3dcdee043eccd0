/**
 * A response printed as a tagged A4 PDF (Chromium, server/platform/pdf.ts): title, Comune, wave,
 * state, then each section with its questions' labels and the answers in words (choice labels,
 * Italian dates and numbers); repeats as tables. Every interpolated value is escaped.
 */
import { escapeHtml as e } from '../../../platform/pdf.js';
import {
  estimateQualityLabels,
  type ChoiceList,
  type Form,
  type Item,
  type LocalText,
  type Question,
} from '../shared/form/model.js';
import type { ResponseStatus } from './responses.repo.js';

export const statusWords: Record<ResponseStatus, string> = {
  invitato: 'Invitato',
  sollecitato: 'Sollecitato',
  in_compilazione: 'In compilazione',
  inviato: 'Inviato',
  in_validazione: 'In verifica',
  validato: 'Validato',
  da_ricontattare: 'Restituito per correzione',
  consolidato: 'Consolidato',
};

const text = (t: LocalText | undefined, fallback: string): string => t?.it ?? t?.en ?? fallback;

const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);

const number = (n: number): string => new Intl.NumberFormat('it-IT', { maximumFractionDigits: 6 }).format(n);

function dateIt(s: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(s);
  if (month) return `${month[2]}/${month[1]}`;
  return s;
}

/** One answer in words; '—' when not given. */
export function answerWords(q: Question, value: unknown, lists: ReadonlyMap<string, ChoiceList>): string {
  if (value === undefined || value === null || value === '') return '—';
  const choiceLabel = (listName: string, code: string): string => {
    const c = lists.get(listName)?.choices.find((x) => x.name === code);
    return c ? text(c.label, code) : code === 'other' ? 'Altro' : code;
  };
  switch (q.type) {
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? number(value) : str(value);
    case 'date':
      return typeof value === 'string' ? dateIt(value) : str(value);
    case 'yes_no':
      return choiceLabel(q.listName, str(value));
    case 'select_one':
      return choiceLabel(q.listName, str(value));
    case 'select_multiple':
      return str(value)
        .trim()
        .split(/\s+/)
        .map((c) => choiceLabel(q.listName, c))
        .join('; ');
    case 'acknowledge':
      return 'Confermato';
    case 'range_estimate': {
      const v = value as { value?: number; min?: number; max?: number; quality?: keyof typeof estimateQualityLabels };
      const quality = v.quality ? estimateQualityLabels[v.quality]?.it : undefined;
      const figure =
        typeof v.value === 'number'
          ? number(v.value)
          : typeof v.min === 'number' && typeof v.max === 'number'
            ? `da ${number(v.min)} a ${number(v.max)}`
            : '';
      return [figure, quality ? (figure ? `(${quality})` : quality) : ''].filter(Boolean).join(' ') || '—';
    }
    case 'reference_period': {
      const p = value as { from?: string; to?: string };
      return p.from && p.to ? `dal ${dateIt(p.from)} al ${dateIt(p.to)}` : '—';
    }
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

export interface PrintInput {
  form: Form;
  answers: Record<string, unknown>;
  comuneName: string;
  surveyTitle: string;
  waveTitle: string;
  status: ResponseStatus;
  submittedAt: Date | null;
  printedOn: string;
}

export function renderResponseHtml(p: PrintInput): string {
  const lists = new Map(p.form.lists.map((l) => [l.name, l] as const));
  const questionRow = (q: Question, answers: Record<string, unknown>) => {
    const other = answers[`${q.name}_other`];
    const words = answerWords(q, answers[q.name], lists);
    return `<dt>${e(text(q.label, q.name))}</dt><dd>${e(words)}${typeof other === 'string' && other ? ` – ${e(other)}` : ''}</dd>`;
  };
  const answerable = (items: readonly Item[]): Item[] =>
    items.flatMap((i) =>
      i.kind === 'group'
        ? answerable(i.items)
        : i.kind === 'question' && (i.type === 'note' || i.type === 'calculate')
          ? []
          : [i],
    );
  const repeatTable = (r: Item & { kind: 'repeat' }, value: unknown): string => {
    const entries = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
    const cols = answerable(r.items);
    const caption = e(text(r.label, r.name));
    if (entries.length === 0) return `<p><strong>${caption}</strong>: nessuna voce.</p>`;
    const head = cols.map((c) => `<th scope="col">${e(text(c.label, c.name))}</th>`).join('');
    const body = entries
      .map(
        (entry, i) =>
          `<tr><th scope="row">${i + 1}</th>${cols
            .map((c) =>
              c.kind === 'question'
                ? `<td>${e(answerWords(c, entry[c.name], lists))}</td>`
                : `<td>${e(`${Array.isArray(entry[c.name]) ? (entry[c.name] as unknown[]).length : 0} voci`)}</td>`,
            )
            .join('')}</tr>`,
      )
      .join('');
    return `<table><caption>${caption}</caption><thead><tr><th scope="col">N.</th>${head}</tr></thead><tbody>${body}</tbody></table>`;
  };
  const block = (items: readonly Item[]): string => {
    const out: string[] = [];
    let dl: string[] = [];
    const flush = () => {
      if (dl.length) out.push(`<dl>${dl.join('')}</dl>`);
      dl = [];
    };
    for (const item of answerable(items)) {
      if (item.kind === 'question') dl.push(questionRow(item, p.answers));
      else if (item.kind === 'repeat') {
        flush();
        out.push(repeatTable(item, p.answers[item.name]));
      }
    }
    flush();
    return out.join('\n');
  };
  const sections: string[] = [];
  const loose = p.form.items.filter((i) => i.kind === 'question');
  if (loose.length)
    sections.push(`<section aria-labelledby="s0"><h2 id="s0">Domande generali</h2>${block(loose)}</section>`);
  p.form.items.forEach((item, n) => {
    if (item.kind === 'question') return;
    const id = `s${n + 1}`;
    const body = item.kind === 'group' ? block(item.items) : repeatTable(item, p.answers[item.name]);
    sections.push(
      `<section aria-labelledby="${id}"><h2 id="${id}">${e(text(item.label, item.name))}</h2>${body}</section>`,
    );
  });
  return `<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<title>${e(p.surveyTitle)} – Comune di ${e(p.comuneName)}</title>
<style>
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #111; line-height: 1.4; }
  h1 { font-size: 16pt; margin: 0 0 2mm; }
  h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #555; }
  dl { display: grid; grid-template-columns: 80mm 1fr; gap: 1mm 4mm; margin: 0 0 3mm; }
  dt { font-weight: bold; }
  dd { margin: 0; }
  table { width: 100%; border-collapse: collapse; font-size: 9pt; margin-bottom: 3mm; }
  caption { text-align: left; font-weight: bold; margin-bottom: 1mm; }
  th, td { border: 1px solid #777; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
  th { background: #e8e8e8; }
</style>
</head>
<body>
<main>
<header>
  <h1>${e(p.surveyTitle)}</h1>
  <dl>
    <dt>Comune</dt><dd>${e(p.comuneName)}</dd>
    <dt>Rilevazione</dt><dd>${e(p.waveTitle)}</dd>
    <dt>Stato</dt><dd>${e(statusWords[p.status])}</dd>
    <dt>Inviato il</dt><dd>${e(p.submittedAt ? dateIt(p.submittedAt.toISOString().slice(0, 10)) : '—')}</dd>
    <dt>Stampato il</dt><dd>${e(dateIt(p.printedOn))}</dd>
  </dl>
</header>
${sections.join('\n')}
</main>
</body>
</html>`;
}
