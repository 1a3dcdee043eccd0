/**
 * Pure rules of the Region–Comune dialogue: which Comuni an actor may open a thread with, who is
 * told of a new message, which mentions are refused, and the notice's e-mail in words.
 */
import type { Scope } from '../../../platform/context.js';

/**
 * The Comuni an actor may open a thread with: a Comune's staff their own; a Regione scope (the
 * Region's staff, a regional ANCI branch) the Comuni of its Region; the national scope any.
 */
export function comuneInReach(scope: Scope, comune: { istat: string; region: string }): boolean {
  if (scope.level === 'comune') return scope.comuneIstat === comune.istat;
  if (scope.level === 'regione') return scope.regionCode === comune.region;
  return scope.level === 'national';
}

/** The mentioned users that are not participants of the thread (to refuse). */
export function notParticipants(mentions: readonly string[], participants: readonly { userId: string }[]): string[] {
  const ids = new Set(participants.map((p) => p.userId));
  return [...new Set(mentions)].filter((m) => !ids.has(m));
}

export interface NoticeCandidate {
  userId: string;
  /** ANCI/Cittalia, national or the regional branch: told only once they joined the thread */
  anci: boolean;
}

/**
 * Who receives an e-mail about a new message: every participant but its author — the Comune's
 * referenti and the Region's staff always; ANCI/Cittalia (national or the regional branch) only
 * once they joined the thread (wrote in it or were mentioned in it), so that a national office is
 * not told of every message in Italy. A mentioned participant is told because of the mention.
 */
export function noticeRecipients(
  participants: readonly NoticeCandidate[],
  authorId: string,
  mentions: readonly string[],
  joined: ReadonlySet<string>,
): { userId: string; reason: 'MENZIONE' | 'PARTECIPANTE' }[] {
  const mentioned = new Set(mentions);
  return participants
    .filter((p) => p.userId !== authorId && (mentioned.has(p.userId) || !p.anci || joined.has(p.userId)))
    .map((p) => ({ userId: p.userId, reason: mentioned.has(p.userId) ? 'MENZIONE' : 'PARTECIPANTE' }));
}

export interface NoticeFacts {
  reason: 'MENZIONE' | 'PARTECIPANTE';
  authorName: string;
  authorOrganisation: string;
  subject: string;
  comuneName: string;
  regionName: string;
  threadId: string;
}

/**
 * The e-mail of a new message: who wrote, in which thread (its subject, the Comune and the
 * Region), and the link to read it. Never the message's text: a message may speak of people or
 * carry details a Comune shares with its Region only inside the platform, and an e-mail leaves it
 * (copies in mailboxes, forwards, relays); the reader opens the thread after logging in.
 */
export function noticeMessage(f: NoticeFacts, publicUrl: string): { subject: string; text: string } {
  const link = `${publicUrl.replace(/\/+$/, '')}/dialogo/${f.threadId}`;
  const mention = f.reason === 'MENZIONE';
  return {
    subject: mention
      ? `InCaS: ${f.authorName} ti ha menzionato / mentioned you – «${f.subject}»`
      : `InCaS: nuovo messaggio / new message – «${f.subject}»`,
    text: [
      'Buongiorno,',
      '',
      mention
        ? `${f.authorName} (${f.authorOrganisation}) ti ha menzionato in un messaggio della conversazione «${f.subject}» tra la Regione ${f.regionName} e il Comune di ${f.comuneName}.`
        : `${f.authorName} (${f.authorOrganisation}) ha scritto un messaggio nella conversazione «${f.subject}» tra la Regione ${f.regionName} e il Comune di ${f.comuneName}.`,
      '',
      `Leggilo e rispondi da: ${link}`,
      '',
      '---',
      '',
      mention
        ? `${f.authorName} (${f.authorOrganisation}) mentioned you in a message of the thread "${f.subject}" between the Region ${f.regionName} and the Comune of ${f.comuneName}.`
        : `${f.authorName} (${f.authorOrganisation}) wrote a message in the thread "${f.subject}" between the Region ${f.regionName} and the Comune of ${f.comuneName}.`,
      '',
      `Read it and reply at: ${link}`,
      '',
      'Messaggio automatico, non rispondere / Automatic message, do not reply.',
    ].join('\n'),
  };
}
