/**
 * The certificate of attendance as our own HTML, printed by Chromium to a tagged A4 PDF
 * (server/platform/pdf.ts): lang it, one h1, the facts as a description list, the code and the
 * address where anyone checks it. Every interpolated value is escaped.
 */
import { escapeHtml as e, htmlToPdf } from '../../../platform/pdf.js';
import type { EventKind } from '../shared/vocabulary.js';

const kindWords: Record<EventKind, string> = {
  WORKSHOP_TERRITORIALE: 'Workshop territoriale',
  WEBINAR: 'Webinar',
  CONFERENZA_NAZIONALE: 'Conferenza nazionale',
};

export interface CertificateModel {
  holder: string;
  title: string;
  kind: EventKind;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  online: boolean;
  hours: number | null;
  code: string;
  verificationUrl: string;
}

const dateIt = (d: Date) =>
  d.toLocaleDateString('it-IT', { timeZone: 'Europe/Rome', day: 'numeric', month: 'long', year: 'numeric' });

const CSS = `
  @page { size: A4; margin: 24mm 20mm; }
  body { font-family: "Titillium Web", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 12pt; color: #111; line-height: 1.5; }
  header p { margin: 0; color: #003366; font-weight: bold; }
  h1 { font-size: 24pt; margin: 18mm 0 10mm; color: #003366; text-align: center; }
  .lead { text-align: center; font-size: 13pt; }
  .holder { text-align: center; font-size: 20pt; font-weight: bold; margin: 4mm 0 8mm; }
  dl { display: grid; grid-template-columns: 45mm 1fr; gap: 2mm 4mm; margin: 8mm 0; }
  dt { font-weight: bold; }
  dd { margin: 0; }
  footer { margin-top: 18mm; font-size: 10pt; border-top: 1px solid #999; padding-top: 4mm; }
  .code { font-family: "DejaVu Sans Mono", monospace; font-size: 13pt; letter-spacing: 1px; }
`;

export function certificateHtml(m: CertificateModel): string {
  const date =
    dateIt(m.startsAt) === dateIt(m.endsAt) ? dateIt(m.startsAt) : `dal ${dateIt(m.startsAt)} al ${dateIt(m.endsAt)}`;
  const where = [m.place, m.online ? 'online' : null].filter(Boolean).join(' e ');
  return `<!doctype html>
<html lang="it">
<head><meta charset="utf-8"><title>Attestato di partecipazione — ${e(m.title)}</title><style>${CSS}</style></head>
<body>
<header><p>InCaS plus — contrasto allo sfruttamento lavorativo</p></header>
<main>
<h1>Attestato di partecipazione</h1>
<p class="lead">Si attesta che</p>
<p class="holder">${e(m.holder)}</p>
<p class="lead">ha partecipato all’evento</p>
<dl>
  <dt>Titolo</dt><dd>${e(m.title)}</dd>
  <dt>Tipo</dt><dd>${e(kindWords[m.kind])}</dd>
  <dt>Data</dt><dd>${e(date)}</dd>
  <dt>Luogo</dt><dd>${e(where || '—')}</dd>
  ${m.hours !== null ? `<dt>Ore di formazione</dt><dd>${e(String(m.hours).replace('.', ','))}</dd>` : ''}
</dl>
</main>
<footer>
<p>Codice dell’attestato: <span class="code">${e(m.code)}</span></p>
<p>Chiunque può verificarlo all’indirizzo ${e(m.verificationUrl)}</p>
</footer>
</body>
</html>`;
}

export const certificatePdf = (m: CertificateModel): Promise<Buffer> => htmlToPdf(certificateHtml(m));
