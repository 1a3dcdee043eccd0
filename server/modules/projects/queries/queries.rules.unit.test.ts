/** The digest of overdue queries in words: Italian first, dates gg/mm/aaaa, most overdue first. */
import { describe, expect, it } from 'vitest';
import { digestMessage, itDate } from './queries.rules.js';

describe('the digest e-mail', () => {
  it('lists the threads most overdue first, in Italian then English, with the link to the work list', () => {
    const m = digestMessage(
      [
        {
          subject: 'Cronoprogramma',
          dueOn: '2026-05-30',
          daysOverdue: 1,
          projectTitle: 'Accoglienza',
          projectCup: null,
        },
        {
          subject: 'Fattura 12',
          dueOn: '2026-05-01',
          daysOverdue: 30,
          projectTitle: 'Inclusione',
          projectCup: 'E12B34567890123',
        },
      ],
      'https://incas.example.it/',
    );
    expect(m.subject).toBe('InCaS: 2 richieste di chiarimenti scadute / 2 overdue queries');
    const lines = m.text.split('\n');
    const first = lines.findIndex((l) => l.startsWith('- '));
    expect(lines[first]).toBe(
      '- E12B34567890123 – Inclusione: «Fattura 12», scadenza 01/05/2026 (30 giorni di ritardo)',
    );
    expect(lines[first + 1]).toBe('- Accoglienza: «Cronoprogramma», scadenza 30/05/2026 (1 giorno di ritardo)');
    expect(m.text).toContain('Rispondi da: https://incas.example.it/chiarimenti');
    expect(m.text).toContain('"Cronoprogramma", due 30/05/2026 (1 day overdue)');
    expect(m.text.indexOf('Buongiorno')).toBeLessThan(m.text.indexOf('overdue'));
  });

  it('one thread in the singular', () => {
    const m = digestMessage(
      [{ subject: 'X y', dueOn: '2026-01-02', daysOverdue: 3, projectTitle: 'P', projectCup: null }],
      'http://localhost:3000',
    );
    expect(m.subject).toBe('InCaS: 1 richiesta di chiarimenti scaduta / 1 overdue query');
    expect(itDate('2026-01-02')).toBe('02/01/2026');
  });
});
