/** The report's pure parts: the map's classes and its drawing, the file's name from the wave's. */
import { describe, expect, it } from 'vitest';
import { rateClass, responseRateMap } from './report.map.js';
import { reportFilename } from './report.rules.js';

describe('the response-rate map', () => {
  it('puts a rate in fixed classes of 20 points, 100 % in the last', () => {
    expect([0, 0.199, 0.2, 0.5, 0.79, 0.8, 1].map(rateClass)).toEqual([0, 0, 1, 2, 3, 4, 4]);
  });

  it('draws the 20 Regions, those without invited Comuni in grey, with a legend and the attribution', () => {
    const svg = responseRateMap([
      { code: '16', label: 'Puglia', invited: 5, answered: 3, rate: 0.6 },
      { code: '01', label: 'Piemonte', invited: 2, answered: 0, rate: 0 },
    ]);
    expect(svg.match(/<path /g)).toHaveLength(20);
    expect(svg).toContain('<title>Puglia: 60%</title>');
    expect(svg).toMatch(/fill="#3b528b"><title>Puglia/);
    expect(svg).toMatch(/fill="#fde725"><title>Piemonte/);
    expect(svg.match(/fill="#c6c6c6"><title>/g)).toHaveLength(18);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('nessun Comune invitato');
    expect(svg).toContain('© ISTAT, elaborazione openpolis, CC BY 4.0');
  });
});

describe('the file’s name', () => {
  it('is the wave’s name in plain letters and dashes', () => {
    expect(reportFilename('Censimento 2021 — «Prima» rilevazione, Città', 'pdf')).toBe(
      'rapporto-censimento-2021-prima-rilevazione-citta.pdf',
    );
    expect(reportFilename('***', 'docx')).toBe('rapporto-rilevazione.docx');
  });
});
