import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../shared/working-days.js';
import {
  dueStep,
  italianDate,
  phoneReason,
  reminderDueDates,
  retryDue,
  RETRY_AFTER_MS,
  statusAfter,
  type LadderComune,
  type LadderWave,
} from './messages.rules.js';
import { renderMessage, type MessageData } from './messages.templates.js';

const wave: LadderWave = { status: 'aperta', opensOn: '2026-12-24', closesOn: '2027-02-26', reminderDays: [5, 10] };
const fresh: LadderComune = { status: 'invitato', invitedOn: null, remindersSent: 0 };
const reached = { hasAddress: true, latestUndelivered: false };

/** Runs the ladder day by day from `from` to `to`, as the job would, and lists what went out. */
function walk(w: LadderWave, from: string, to: string, submitOn?: string) {
  let c: LadderComune = { ...fresh };
  const sent: [string, number][] = [];
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) {
    if (day === submitOn) c = { ...c, status: 'inviato' };
    const s = dueStep(w, c, day);
    if (!s) continue;
    sent.push([day, s.step]);
    c = {
      status: statusAfter(s.kind, c.status),
      invitedOn: c.invitedOn ?? day,
      remindersSent: s.kind === 'sollecito' ? s.step : c.remindersSent,
    };
  }
  return { sent, comune: c };
}

describe('the reminder ladder', () => {
  it('invites on Thursday 24 December 2026 and reminds at +5 and +10 working days, over the holidays', () => {
    expect(reminderDueDates('2026-12-24', [5, 10])).toEqual(['2027-01-04', '2027-01-12']);
    const { sent, comune } = walk(wave, '2026-12-20', '2027-02-28');
    expect(sent).toEqual([
      ['2026-12-24', 0],
      ['2027-01-04', 1],
      ['2027-01-12', 2],
    ]);
    expect(comune).toEqual({ status: 'sollecitato', invitedOn: '2026-12-24', remindersSent: 2 });
    expect(phoneReason(wave, comune, reached)).toBe('solleciti_esauriti');
  });

  it('crosses Easter Monday, 25 April and 1 May', () => {
    const spring = { ...wave, opensOn: '2025-04-17', closesOn: '2025-06-30' };
    expect(walk(spring, '2025-04-01', '2025-06-30').sent).toEqual([
      ['2025-04-17', 0],
      ['2025-04-28', 1],
      ['2025-05-06', 2],
    ]);
  });

  it('stops as soon as the Comune submits, and keeps it off the phone list', () => {
    const { sent, comune } = walk(wave, '2026-12-24', '2027-02-28', '2027-01-05');
    expect(sent).toEqual([
      ['2026-12-24', 0],
      ['2027-01-04', 1],
    ]);
    expect(phoneReason(wave, comune, reached)).toBeNull();
  });

  it('sends nothing before the wave opens, after it closes, or for a wave not open', () => {
    expect(dueStep(wave, fresh, '2026-12-23')).toBeNull();
    expect(dueStep(wave, fresh, '2027-02-27')).toBeNull();
    expect(dueStep({ ...wave, status: 'chiusa' }, fresh, '2026-12-28')).toBeNull();
    expect(dueStep({ ...wave, status: 'bozza' }, fresh, '2026-12-28')).toBeNull();
    // a reminder due after the closing day never goes out
    const short = { ...wave, closesOn: '2027-01-08' };
    expect(walk(short, '2026-12-24', '2027-02-28').sent).toEqual([
      ['2026-12-24', 0],
      ['2027-01-04', 1],
    ]);
  });

  it('invites late when the wave opened before the job first saw the Comune', () => {
    expect(dueStep(wave, fresh, '2027-01-20')).toEqual({ step: 0, kind: 'invito', dueOn: '2026-12-24' });
  });

  it('sends only the latest reminder when several fell due while the job was down', () => {
    const c = { status: 'invitato', invitedOn: '2026-12-24', remindersSent: 0 };
    expect(dueStep(wave, c, '2027-01-20')).toEqual({ step: 2, kind: 'sollecito', dueOn: '2027-01-12' });
  });

  it('reminds a Comune that started, without changing its state; marks an invited one as reminded', () => {
    const started = { status: 'in_compilazione', invitedOn: '2026-12-24', remindersSent: 0 };
    expect(dueStep(wave, started, '2027-01-04')?.step).toBe(1);
    expect(statusAfter('sollecito', 'in_compilazione')).toBe('in_compilazione');
    expect(statusAfter('sollecito', 'invitato')).toBe('sollecitato');
    expect(statusAfter('invito', 'invitato')).toBe('invitato');
  });

  it('ignores offsets that are not positive or repeat, and orders them', () => {
    expect(reminderDueDates('2026-12-24', [10, 0, 5, 5, -1])).toEqual(['2027-01-04', '2027-01-12']);
    // no reminders at all: on the phone list right after the invitation
    expect(
      phoneReason({ reminderDays: [] }, { status: 'invitato', invitedOn: '2026-12-24', remindersSent: 0 }, reached),
    ).toBe('solleciti_esauriti');
  });

  it('puts a Comune without any address, or whose latest message reached nobody, on the phone list at once', () => {
    const unreached = { hasAddress: true, latestUndelivered: true };
    expect(phoneReason(wave, fresh, { hasAddress: false, latestUndelivered: false })).toBe('senza_indirizzo');
    expect(
      phoneReason(wave, { ...fresh, status: 'validato' }, { hasAddress: false, latestUndelivered: false }),
    ).toBeNull();
    const invited = { status: 'invitato', invitedOn: '2026-12-24', remindersSent: 0 };
    expect(phoneReason(wave, invited, unreached)).toBe('non_raggiungibile');
    expect(phoneReason(wave, { ...invited, remindersSent: 2 }, unreached)).toBe('non_raggiungibile');
    expect(phoneReason(wave, invited, reached)).toBeNull();
    expect(phoneReason(wave, { ...invited, status: 'inviato' }, unreached)).toBeNull();
  });

  it('retries a failed message after an hour, only while its step is the latest', () => {
    const c = { status: 'sollecitato', invitedOn: '2026-12-24', remindersSent: 1 };
    const now = new Date('2027-01-05T10:00:00Z');
    const at = (ms: number) => new Date(now.getTime() - ms);
    expect(retryDue(wave, c, { step: 1, lastAttemptAt: at(RETRY_AFTER_MS) }, now, '2027-01-05')).toBe(true);
    expect(retryDue(wave, c, { step: 1, lastAttemptAt: at(RETRY_AFTER_MS - 1) }, now, '2027-01-05')).toBe(false);
    expect(retryDue(wave, c, { step: 0, lastAttemptAt: at(RETRY_AFTER_MS) }, now, '2027-01-05')).toBe(false);
    expect(
      retryDue(wave, { ...c, status: 'inviato' }, { step: 1, lastAttemptAt: at(RETRY_AFTER_MS) }, now, '2027-01-05'),
    ).toBe(false);
  });

  it('property: at most one message a day, steps in order, none after submission or closing', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => addCalendarDays('2026-01-01', n));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 90 }),
        fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 4 }),
        fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
        (opensOn, length, reminderDays, submitAfter) => {
          const w = { status: 'aperta', opensOn, closesOn: addCalendarDays(opensOn, length), reminderDays };
          const submitOn = submitAfter === undefined ? undefined : addCalendarDays(opensOn, submitAfter);
          const { sent } = walk(w, addCalendarDays(opensOn, -3), addCalendarDays(opensOn, 200), submitOn);
          const days = sent.map(([d]) => d);
          expect(new Set(days).size).toBe(days.length);
          const steps = sent.map(([, s]) => s);
          expect(steps).toEqual([...steps].sort((a, b) => a - b));
          for (const d of days) {
            expect(d >= opensOn && d <= w.closesOn).toBe(true);
            if (submitOn) expect(d < submitOn).toBe(true);
          }
        },
      ),
    );
  });
});

describe('the e-mail', () => {
  const base: MessageData = {
    kind: 'invito',
    step: 0,
    surveyTitle: 'Abitazioni <dei> lavoratori & "agroalimentare"',
    waveTitle: 'Rilevazione 2026',
    comuneName: "Sant'Agata",
    closesOn: '2027-02-26',
    url: 'https://incas.esempio.it/q#abc',
    personalLink: true,
    started: false,
    organisation: 'ANCI',
  };

  it('fills in the survey, the wave, the closing date as gg/mm/aaaa and the link, escaped in HTML', () => {
    const m = renderMessage(base);
    expect(m.subject).toBe('Invito all\'indagine: Abitazioni <dei> lavoratori & "agroalimentare"');
    expect(m.text).toContain('entro il 26/02/2027');
    expect(m.text).toContain('https://incas.esempio.it/q#abc');
    expect(m.text).toContain('Per assistenza si rivolga a ANCI.');
    expect(m.text).toContain('non richiede un account');
    expect(m.html).toContain('Abitazioni &lt;dei&gt; lavoratori &amp; &quot;agroalimentare&quot;');
    expect(m.html).toContain('Sant&#39;Agata');
    expect(m.html).not.toContain('<dei>');
    expect(m.html).toContain('href="https://incas.esempio.it/q#abc"');
  });

  it('tells a Comune that started that its answers are kept', () => {
    const m = renderMessage({ ...base, kind: 'sollecito', step: 2, started: true, personalLink: false });
    expect(m.subject).toMatch(/^Sollecito n\. 2/);
    expect(m.text).toContain('senza ricominciare');
    expect(m.text).toContain('Riprendere il questionario');
    expect(m.text).toContain('credenziali del Comune');
  });

  it('keeps the subject on one line', () => {
    expect(renderMessage({ ...base, surveyTitle: 'A\r\nBcc: x@y' }).subject).toBe("Invito all'indagine: A Bcc: x@y");
  });

  it('writes dates the Italian way', () => {
    expect(italianDate('2027-01-04')).toBe('04/01/2027');
  });
});
