import { describe, expect, it } from 'vitest';
import type { Scope } from '../../../platform/context.js';
import { comuneInReach, noticeMessage, noticeRecipients, notParticipants } from './dialogue.rules.js';

const comune: Scope = { level: 'comune', comuneIstat: '078157', regionCode: '18' };
const regione: Scope = { level: 'regione', comuneIstat: null, regionCode: '18' };
const national: Scope = { level: 'national', comuneIstat: null, regionCode: null };

describe('comuneInReach', () => {
  it('a Comune its own, a Region its Comuni, the national scope any, the platform none', () => {
    expect(comuneInReach(comune, { istat: '078157', region: '18' })).toBe(true);
    expect(comuneInReach(comune, { istat: '080039', region: '18' })).toBe(false);
    expect(comuneInReach(regione, { istat: '080039', region: '18' })).toBe(true);
    expect(comuneInReach(regione, { istat: '004203', region: '01' })).toBe(false);
    expect(comuneInReach(national, { istat: '004203', region: '01' })).toBe(true);
    expect(
      comuneInReach({ level: 'platform', comuneIstat: null, regionCode: null }, { istat: '004203', region: '01' }),
    ).toBe(false);
  });
});

describe('mentions and recipients', () => {
  it('names the mentioned users who do not take part, once each', () => {
    expect(notParticipants(['a', 'x', 'x', 'b'], [{ userId: 'a' }, { userId: 'b' }])).toEqual(['x']);
    expect(notParticipants([], [{ userId: 'a' }])).toEqual([]);
  });

  it('tells everyone but the author; ANCI only once joined or mentioned; a mention is the reason', () => {
    const participants = [
      { userId: 'ref', anci: false },
      { userId: 'reg', anci: false },
      { userId: 'anci-joined', anci: true },
      { userId: 'anci-quiet', anci: true },
      { userId: 'anci-mentioned', anci: true },
    ];
    expect(noticeRecipients(participants, 'reg', ['anci-mentioned', 'ref'], new Set(['anci-joined']))).toEqual([
      { userId: 'ref', reason: 'MENZIONE' },
      { userId: 'anci-joined', reason: 'PARTECIPANTE' },
      { userId: 'anci-mentioned', reason: 'MENZIONE' },
    ]);
    expect(noticeRecipients(participants, 'ref', ['ref'], new Set())).toEqual([
      { userId: 'reg', reason: 'PARTECIPANTE' },
    ]);
  });
});

describe('noticeMessage', () => {
  const facts = {
    authorName: 'Funzionaria Demo',
    authorOrganisation: 'Regione Piemonte (demo)',
    subject: 'Calendario',
    comuneName: 'Saluzzo',
    regionName: 'Piemonte',
    threadId: 'abc',
  };
  it('says who wrote in which thread and links to it, in Italian then English', () => {
    const m = noticeMessage({ ...facts, reason: 'PARTECIPANTE' }, 'https://incas.example/');
    expect(m.subject).toBe('InCaS: nuovo messaggio / new message – «Calendario»');
    expect(m.text).toContain('Funzionaria Demo (Regione Piemonte (demo)) ha scritto un messaggio');
    expect(m.text).toContain('tra la Regione Piemonte e il Comune di Saluzzo');
    expect(m.text).toContain('https://incas.example/dialogo/abc');
    expect(m.text.indexOf('Leggilo')).toBeLessThan(m.text.indexOf('Read it'));
  });
  it('a mention says so', () => {
    const m = noticeMessage({ ...facts, reason: 'MENZIONE' }, 'https://incas.example');
    expect(m.subject).toContain('ti ha menzionato');
    expect(m.text).toContain('mentioned you');
  });
});
