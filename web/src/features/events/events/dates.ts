/** The events' dates on the web: an instant in Italian words on Rome's clock, and Rome's wall clock ⇄ instants. Pure: no React. */
const ROME = 'Europe/Rome';

function romeParts(d: Date, locale = 'it-IT') {
  const parts = new Intl.DateTimeFormat(locale, {
    timeZone: ROME,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: get('day'), month: get('month'), year: get('year'), hour: get('hour'), minute: get('minute') };
}

/** '2027-01-20T14:00:00Z' → { date: '20 gennaio 2027', time: '15:00' } in Italy's time (English month names in English). */
export function eventWhen(iso: string, language = 'it'): { date: string; time: string } {
  const p = romeParts(new Date(iso), language === 'en' ? 'en-GB' : 'it-IT');
  return { date: `${p.day} ${p.month} ${p.year}`, time: `${p.hour}:${p.minute}` };
}

/** The wall clock in Rome of an instant, as the form writes it: { day: 'gg/mm/aaaa', time: 'hh:mm' }. */
export function romeWallClock(iso: string | null | undefined): { day: string; time: string } {
  if (!iso) return { day: '', time: '' };
  const parts = new Intl.DateTimeFormat('it-IT', {
    timeZone: ROME,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${get('day')}/${get('month')}/${get('year')}`, time: `${get('hour')}:${get('minute')}` };
}

/** 'gg/mm/aaaa' + 'hh:mm' on Rome's clock → the instant (ISO, UTC); null when not a valid date and time. */
export function romeInstant(day: string, time: string): string | null {
  const d = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(day);
  const h = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(time);
  if (!d || !h) return null;
  const [dd, mm, yyyy, hh, mi] = [d[1], d[2], d[3], h[1], h[2]].map(Number) as [number, number, number, number, number];
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31 || hh > 23 || mi > 59) return null;
  const asUtc = Date.UTC(yyyy, mm - 1, dd, hh, mi);
  const check = new Date(asUtc);
  if (check.getUTCDate() !== dd) return null;
  // Rome's offset at that moment (twice: near the change of hour the first guess may be off)
  let t = asUtc;
  for (let i = 0; i < 2; i++) {
    const w = romeWallClock(new Date(t).toISOString());
    const [wd, wm, wy] = w.day.split('/').map(Number) as [number, number, number];
    const [wh, wmi] = w.time.split(':').map(Number) as [number, number];
    t += asUtc - Date.UTC(wy, wm - 1, wd, wh, wmi);
  }
  return new Date(t).toISOString();
}
