/**
 * The invitation and reminder e-mails: Italian, with one English line, plain text and simple HTML.
 * Every value that comes from the data is escaped in the HTML and kept on one line in the subject.
 */
import { italianDate, type MessageKind } from './messages.rules.js';

export interface MessageData {
  kind: MessageKind;
  /** 1.. for a reminder */
  step: number;
  surveyTitle: string;
  waveTitle: string;
  comuneName: string;
  /** 'YYYY-MM-DD' */
  closesOn: string;
  /** where the Comune answers: the questionnaire's page (users) or a personal link */
  url: string;
  /** the URL is a personal link (no account needed) */
  personalLink: boolean;
  /** the Comune has already started: the reminder says its answers are kept */
  started: boolean;
  /** the organisation running the survey (ANCI, Cittalia…), to contact for help */
  organisation: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** One line: no line breaks or control characters (a header must not be split). */
// eslint-disable-next-line no-control-regex -- exactly the characters a one-line header cannot carry
const oneLine = (s: string): string => s.replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ').trim();

export function renderMessage(d: MessageData): RenderedMessage {
  const closes = italianDate(d.closesOn);
  const title = oneLine(d.surveyTitle);
  const wave = oneLine(d.waveTitle);
  const comune = oneLine(d.comuneName);
  const organisation = oneLine(d.organisation);
  const subject = d.kind === 'invito' ? `Invito all'indagine: ${title}` : `Sollecito n. ${d.step} – indagine: ${title}`;

  const opening =
    d.kind === 'invito'
      ? `il Comune di ${comune} è invitato a rispondere all'indagine nazionale "${title}" (${wave}).`
      : d.started
        ? `il questionario dell'indagine "${title}" (${wave}) per il Comune di ${comune} risulta iniziato ma non ancora inviato. Le risposte già salvate sono conservate: riprenda da dove si era fermato, senza ricominciare.`
        : `non abbiamo ancora ricevuto la risposta del Comune di ${comune} all'indagine nazionale "${title}" (${wave}).`;
  const access = d.personalLink
    ? 'Il collegamento qui sotto è personale e non richiede un account: non lo inoltri a persone esterne al Comune.'
    : 'Acceda con le credenziali del Comune sulla piattaforma InCaS.';
  const action = d.kind === 'sollecito' && d.started ? 'Riprendere il questionario' : 'Compilare il questionario';
  const english =
    d.kind === 'invito'
      ? `English: your Comune is invited to answer the national survey "${title}" by ${closes}; the link above opens it.`
      : `English: reminder ${d.step}; please answer the national survey "${title}" by ${closes}${d.started ? ' (your saved answers are kept)' : ''}.`;

  const lines = [
    'Gentile referente,',
    '',
    opening,
    `Il questionario va inviato entro il ${closes}.`,
    '',
    `${action}: ${d.url}`,
    access,
    '',
    `Per assistenza si rivolga a ${organisation}.`,
    '',
    english,
    '',
    '-- ',
    'InCaS – messaggio automatico, non risponda a questo indirizzo.',
  ];
  const text = lines.join('\n');

  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const html = [
    '<!doctype html><html lang="it"><head><meta charset="utf-8"><title>',
    escapeHtml(subject),
    '</title></head><body>',
    p('Gentile referente,'),
    p(opening),
    `<p><strong>${escapeHtml(`Il questionario va inviato entro il ${closes}.`)}</strong></p>`,
    `<p><a href="${escapeHtml(d.url)}">${escapeHtml(action)}</a></p>`,
    p(access),
    p(`Per assistenza si rivolga a ${organisation}.`),
    `<p lang="en">${escapeHtml(english)}</p>`,
    `<p><small>${escapeHtml('InCaS – messaggio automatico, non risponda a questo indirizzo.')}</small></p>`,
    '</body></html>',
  ].join('');
  return { subject, text, html };
}
