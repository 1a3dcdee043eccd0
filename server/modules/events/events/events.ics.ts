/**
 * An event as an iCalendar file (RFC 5545): one VEVENT with its UID, DTSTAMP, DTSTART/DTEND in UTC,
 * SUMMARY, DESCRIPTION, LOCATION and URL; text escaped (backslash, comma, semicolon, newline), lines
 * folded at 75 octets, CRLF line endings.
 */

/** Escapes a TEXT value: backslash, semicolon, comma, and newlines as \n. */
export function icsText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (never inside a UTF-8 character), continuation lines starting with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74;
    if (octets + n > limit) {
      out.push(cur);
      cur = '';
      octets = 0;
    }
    cur += ch;
    octets += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

/** An instant in UTC as iCalendar writes it: 20270115T093000Z. */
export const icsUtc = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export interface IcsEvent {
  id: string;
  title: string;
  summary: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  url: string;
  status: string;
  updatedAt: Date;
}

/** The calendar file of one event (`host`: the instance's host name, for the UID). */
export function eventIcs(e: IcsEvent, host: string, now: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//InCaS//Eventi//IT',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${e.id}@${host}`,
    `DTSTAMP:${icsUtc(now)}`,
    `DTSTART:${icsUtc(e.startsAt)}`,
    `DTEND:${icsUtc(e.endsAt)}`,
    `LAST-MODIFIED:${icsUtc(e.updatedAt)}`,
    `SUMMARY:${icsText(e.title)}`,
    `DESCRIPTION:${icsText(`${e.summary}\n\n${e.url}`)}`,
    ...(e.location ? [`LOCATION:${icsText(e.location)}`] : []),
    `URL:${e.url}`,
    `STATUS:${e.status === 'ANNULLATO' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
