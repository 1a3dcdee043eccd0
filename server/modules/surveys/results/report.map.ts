/**
 * The response rate by Region drawn as an SVG map for the report (decision 0045), from the same
 * ISTAT/openpolis boundaries the web maps use (data-sources/boundaries; decision 0039), read once
 * per process. Fixed classes of 20 points on the web maps' colour-blind-safe sequential palette
 * (viridis), a legend, Regions without invited Comuni in grey, the attribution; the SVG is an image
 * with a title and a description, and the same figures are in the table next to it (Tavola R1).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { geoConicConformal, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { escapeHtml as e } from '../../../platform/pdf.js';
import { projectRoot } from '../../../platform/paths.js';
import { MISSING_FILL, SEQUENTIAL } from '../shared/map-palette.js';
import type { RateRow } from './report.schema.js';

const ATTRIBUTION = 'Confini amministrativi: © ISTAT, elaborazione openpolis, CC BY 4.0. Limiti al giugno 2023.';

const WIDTH = 420;
const HEIGHT = 480;
const LEGEND_W = 190;

interface RegionShape {
  code: string;
  name: string;
  d: string;
}

let shapes: RegionShape[] | null = null;

/** The 20 Regions as SVG path data in a WIDTH × HEIGHT box (computed once). */
function regionShapes(): RegionShape[] {
  if (shapes) return shapes;
  const file = join(projectRoot(), 'data-sources', 'boundaries', 'limits_IT_regions.topo.json');
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology<{
    regions: GeometryCollection<{ reg_istat_code: string; reg_name: string }>;
  }>;
  const fc = feature(topo, topo.objects.regions) as FeatureCollection<
    Geometry,
    { reg_istat_code: string; reg_name: string }
  >;
  const projection = geoConicConformal().parallels([38, 46]).rotate([-12.5, 0]).fitSize([WIDTH, HEIGHT], fc);
  const path = geoPath(projection).digits(1);
  shapes = fc.features.map((f) => ({
    code: f.properties.reg_istat_code,
    name: f.properties.reg_name,
    d: path(f) ?? '',
  }));
  return shapes;
}

/** The class (0–4) of a rate: [0, 20 %), [20 %, 40 %), … [80 %, 100 %]. */
export function rateClass(rate: number): number {
  return Math.min(SEQUENTIAL.length - 1, Math.floor(rate * SEQUENTIAL.length));
}

const pct = new Intl.NumberFormat('it-IT', { style: 'percent', maximumFractionDigits: 1 });

/** The map as a standalone SVG document fragment (Italian). */
export function responseRateMap(byRegion: RateRow[]): string {
  const rates = new Map(byRegion.map((r) => [r.code, r]));
  const paths = regionShapes()
    .map((s) => {
      const r = rates.get(s.code);
      const fill = r && r.rate !== null ? SEQUENTIAL[rateClass(r.rate)] : MISSING_FILL;
      const label = r && r.rate !== null ? `${s.name}: ${pct.format(r.rate)}` : `${s.name}: nessun Comune invitato`;
      return `<path d="${s.d}" fill="${fill}"><title>${e(label)}</title></path>`;
    })
    .join('');
  const classes: { fill: string; label: string }[] = SEQUENTIAL.map((fill, i) => ({
    fill,
    label: `da ${i * 20} a ${i === SEQUENTIAL.length - 1 ? '100' : `meno di ${(i + 1) * 20}`} %`,
  }));
  classes.push({ fill: MISSING_FILL, label: 'nessun Comune invitato' });
  const legend = classes
    .map(
      (c, i) =>
        `<rect x="${WIDTH + 12}" y="${40 + i * 22}" width="14" height="14" fill="${c.fill}" stroke="#555555"/>` +
        `<text x="${WIDTH + 32}" y="${52 + i * 22}" font-size="11" fill="#1a1a1a">${e(c.label)}</text>`,
    )
    .join('');
  const title = 'Tasso di risposta per Regione';
  const desc =
    'Mappa delle Regioni colorate per classe del tasso di risposta (Comuni rispondenti su Comuni invitati); ' +
    'i valori sono nella tavola R1.';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH + LEGEND_W} ${HEIGHT + 24}" ` +
    `width="${WIDTH + LEGEND_W}" height="${HEIGHT + 24}" role="img" aria-labelledby="report-map-title report-map-desc">` +
    `<title id="report-map-title">${title}</title><desc id="report-map-desc">${desc}</desc>` +
    `<g stroke="#ffffff" stroke-width="0.6" stroke-linejoin="round">${paths}</g>` +
    `<text x="${WIDTH + 12}" y="26" font-size="12" font-weight="600" fill="#1a1a1a">Tasso di risposta</text>${legend}` +
    `<text x="4" y="${HEIGHT + 18}" font-size="9" fill="#404040">${e(ATTRIBUTION)}</text></svg>`
  );
}
