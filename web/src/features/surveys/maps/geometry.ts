/**
 * The shapes of a map (decision 0039): the boundary assets built from data-sources/boundaries
 * (web/build/boundaries.ts) turned into SVG path data for one view, Italy or one Region. A planar
 * projection (longitude scaled by the cosine of the view's middle latitude) is enough at the scale
 * of Italy, and it is several times faster than a spherical one for 7,900 Comuni.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { geoPath, geoTransform } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import boundaries from 'virtual:incas-boundaries';

export type MapLevel = 'regione' | 'provincia' | 'comune';

export interface AreaProps {
  name: string;
  /** the Region's ISTAT code (provinces and Comuni) */
  reg?: string;
}

export interface Shape {
  code: string;
  name: string;
  region: string;
  d: string;
  /** the centroid in the view's coordinates, for the keyboard's moves and the tooltip */
  x: number;
  y: number;
}

export interface View {
  width: number;
  height: number;
  shapes: Shape[];
  /** the outline of the Regions (coast and inner borders), drawn over the areas */
  outline: string;
}

type AreaTopology = Topology<{ areas: GeometryCollection<AreaProps> }>;

const topologies = new Map<string, Promise<AreaTopology>>();

/** Which asset a view needs: a Region's own Comuni file (full detail) when zoomed at Comune level. */
export function assetOf(level: MapLevel, region: string | null): string {
  if (level === 'regione') return boundaries.regions;
  if (level === 'provincia') return boundaries.provinces;
  return region ? boundaries.comuniOfRegion[region]! : boundaries.comuni;
}

/** The topology at a URL, fetched once per page life (the assets are fingerprinted). */
export function loadTopology(url: string): Promise<AreaTopology> {
  let p = topologies.get(url);
  if (!p) {
    p = fetch(url, { credentials: 'same-origin' }).then((r) => {
      if (!r.ok) throw new Error(`boundaries ${r.status}`);
      return r.json() as Promise<AreaTopology>;
    });
    p.catch(() => topologies.delete(url));
    topologies.set(url, p);
  }
  return p;
}

/** A topology's geometry as the maps read it. */
export interface GeometryRef {
  id?: string | number;
  properties?: Partial<AreaProps>;
}

/** The Region (two-digit ISTAT code) an area belongs to. */
export function regionCodeOf(g: GeometryRef, level: MapLevel): string {
  return level === 'regione' ? String(g.id) : (g.properties?.reg ?? '');
}

const WIDTH = 600;

/** The path data of every area of a view, fitted into a box WIDTH wide (the height follows). */
export function viewOf(topo: AreaTopology, level: MapLevel, region: string | null): View {
  const all: FeatureCollection<Geometry, AreaProps> = feature(topo, topo.objects.areas);
  const regionOf = (f: Feature<Geometry, AreaProps>) => (level === 'regione' ? String(f.id) : (f.properties.reg ?? ''));
  const features = region ? all.features.filter((f) => regionOf(f) === region) : all.features;
  const fc: FeatureCollection<Geometry, AreaProps> = { type: 'FeatureCollection', features };
  const [[x0, y0], [x1, y1]] = geoPath().bounds(fc);
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const pad = 8;
  const scale = (WIDTH - 2 * pad) / Math.max(1e-9, (x1 - x0) * k);
  const height = Math.round((y1 - y0) * scale + 2 * pad);
  const projection = geoTransform({
    point(x, y) {
      this.stream.point(pad + (x - x0) * k * scale, pad + (y1 - y) * scale);
    },
  });
  const path = geoPath(projection).digits(1);
  const shapes: Shape[] = [];
  for (const f of features) {
    const d = path(f);
    if (!d) continue;
    const [x, y] = path.centroid(f);
    shapes.push({ code: String(f.id), name: f.properties.name, region: regionOf(f), d, x, y });
  }
  // the Regions' borders and the coast: arcs between areas of two Regions, or on the edge
  const object = topo.objects.areas;
  const regOf = (g: GeometryRef) => regionCodeOf(g, level);
  const borders = mesh(
    topo,
    object,
    (a: GeometryRef, b: GeometryRef) =>
      (!region || regOf(a) === region || regOf(b) === region) && (a === b || regOf(a) !== regOf(b)),
  );
  return { width: WIDTH, height, shapes, outline: path(borders) ?? '' };
}
