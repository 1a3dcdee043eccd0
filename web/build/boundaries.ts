import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { Topology } from 'topojson-specification';
import type { Plugin } from 'vite';

/**
 * The map boundaries (decision 0039): the openpolis TopoJSON of data-sources/boundaries (ISTAT limits
 * of June 2023, CC BY 4.0) made into light assets at build time, every area keyed by its ISTAT code
 * (the geometry's `id`) with `name` and, below the Region, `reg` (a Comune's province is the first
 * three digits of its code):
 *
 * - `regions`: the 20 Regions (object `areas`);
 * - `provinces`: the 107 provinces (object `areas`);
 * - `comuni`: Italy at Comune level in one file, the 20 regional files merged into one topology
 *   (shared borders become shared arcs) and simplified for the national view;
 * - `comuni-RR`: one Region's Comuni at full source detail, for the zoom to a Region.
 *
 * `import boundaries from 'virtual:incas-boundaries'` gives the URLs: fingerprinted assets in the
 * build, a middleware of the dev server otherwise.
 */

export const REGION_CODES = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0'));

interface SourceProps {
  name?: string;
  reg_name?: string;
  prov_name?: string;
  reg_istat_code: string;
  prov_istat_code?: string;
  com_istat_code?: string;
}

type Level = 'regions' | 'provinces' | 'comuni';

function readTopo(dir: string, file: string): Topology {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as Topology;
}

/** The features of a source file with only the code (as id) and the properties the maps use. */
function featuresOf(topo: Topology, level: Level): Feature<Geometry, Record<string, string>>[] {
  const object = Object.values(topo.objects)[0]!;
  const fc = feature(topo, object) as FeatureCollection<Geometry, SourceProps>;
  // an area without a polygon in the source (one Comune of 2023 has none) stays out: the maps list
  // the areas without a shape as not mapped
  return fc.features
    .filter((f) => f.geometry !== null)
    .map((f) => {
      const p = f.properties;
      const area =
        level === 'regions'
          ? { id: p.reg_istat_code, properties: { name: p.reg_name! } }
          : level === 'provinces'
            ? { id: p.prov_istat_code!, properties: { name: p.prov_name!, reg: p.reg_istat_code } }
            : { id: p.com_istat_code!, properties: { name: p.name!, reg: p.reg_istat_code } };
      return { type: 'Feature', id: area.id, properties: area.properties, geometry: f.geometry };
    });
}

/**
 * One topology of the features, keeping `keep` of the points (Visvalingam weights, the arcs' ends
 * always kept, no ring dropped) and quantized on a grid of `grid` steps across its extent.
 */
function lighten(features: Feature<Geometry, Record<string, string>>[], keep: number, grid: number): Topology {
  const topo = topology({ areas: { type: 'FeatureCollection', features } });
  let light: Topology = topo;
  if (keep < 1) {
    const pre = presimplify(topo);
    const weight = quantile(pre, keep);
    light = simplify(pre, weight);
    // a ring drawn by one arc alone (an island, an enclave) keeps at least a triangle: no area
    // may vanish from the map
    light.arcs = light.arcs.map((arc, i) => {
      const source = pre.arcs[i]! as unknown as [number, number, number][];
      const [first, last] = [source[0]!, source.at(-1)!];
      if (arc.length >= 4 || first[0] !== last[0] || first[1] !== last[1]) return arc;
      const inner = source.slice(1, -1).map((p, j) => ({ p, j }));
      const kept = inner
        .sort((a, b) => b.p[2] - a.p[2])
        .slice(0, 2)
        .sort((a, b) => a.j - b.j);
      return [first, ...kept.map((k) => k.p), last].map((p) => [p[0], p[1]]);
    });
  }
  return quantize(light, grid);
}

export interface BoundaryAsset {
  /** file name without the fingerprint: regions.topo.json, comuni-05.topo.json… */
  file: string;
  body: string;
}

/** Every asset from the source folder (about 3 s on one core). */
export function buildBoundaries(sourceDir: string): BoundaryAsset[] {
  const comuniByRegion = REGION_CODES.map((code) =>
    featuresOf(readTopo(sourceDir, `limits_R_${Number(code)}_municipalities.topo.json`), 'comuni'),
  );
  const assets: [string, Topology][] = [
    ['regions', lighten(featuresOf(readTopo(sourceDir, 'limits_IT_regions.topo.json'), 'regions'), 0.35, 10_000)],
    ['provinces', lighten(featuresOf(readTopo(sourceDir, 'limits_IT_provinces.topo.json'), 'provinces'), 0.35, 10_000)],
    // the national view: 1 px is about 1.5 km on a 800 px map, a 5,000-step grid is about 250 m
    ['comuni', lighten(comuniByRegion.flat(), 0.05, 5_000)],
    // a Region's view keeps every source point
    ...REGION_CODES.map((code, i): [string, Topology] => [`comuni-${code}`, lighten(comuniByRegion[i]!, 1, 10_000)]),
  ];
  return assets.map(([name, topo]) => ({ file: `${name}.topo.json`, body: JSON.stringify(topo) }));
}

const VIRTUAL = 'virtual:incas-boundaries';
const RESOLVED = `\0${VIRTUAL}`;
const DEV_PREFIX = '/@incas-boundaries/';

function moduleOf(urlOf: (file: string) => string): string {
  const byRegion = REGION_CODES.map((c) => `${JSON.stringify(c)}: ${urlOf(`comuni-${c}.topo.json`)}`).join(',\n  ');
  return `export default {
  regions: ${urlOf('regions.topo.json')},
  provinces: ${urlOf('provinces.topo.json')},
  comuni: ${urlOf('comuni.topo.json')},
  comuniOfRegion: {
  ${byRegion}
  },
};`;
}

export function boundaries(sourceDir: string): Plugin {
  let building = false;
  let cache: Map<string, string> | null = null;
  const assets = () => (cache ??= new Map(buildBoundaries(sourceDir).map((a) => [a.file, a.body])));
  return {
    name: 'incas-boundaries',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (!building) return moduleOf((file) => JSON.stringify(DEV_PREFIX + file));
      const refs = new Map<string, string>();
      const sizes: string[] = [];
      for (const [file, body] of assets()) {
        refs.set(file, this.emitFile({ type: 'asset', name: file, source: body }));
        const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
        sizes.push(`${file} ${kb(Buffer.byteLength(body))} (gzip ${kb(gzipSync(body, { level: 9 }).length)})`);
      }
      this.info(`boundaries: ${sizes.join(', ')}`);
      return moduleOf((file) => `import.meta.ROLLUP_FILE_URL_${refs.get(file)!}`);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url?.startsWith(DEV_PREFIX)) return next();
        const body = assets().get(req.url.slice(DEV_PREFIX.length));
        if (body === undefined) return next();
        res.setHeader('content-type', 'application/json');
        res.end(body);
      });
    },
  };
}
