/**
 * A choropleth map of Italy (decision 0039): Regions, provinces or Comuni coloured by a number (in
 * classes), a category (a status map), a suppressed value (hatched, never zero) or nothing ("nessun
 * dato", grey); areas with no item are "no data" or, for a wave, outside its universe.
 *
 * Accessible: the map is one tab stop (arrow keys move between neighbouring areas, Enter zooms to the
 * focused area's Region, Escape back to Italy); the focused or hovered area's name and value show in
 * a tooltip and are announced; the same data is in a table beside the map (below it on phones),
 * whose rows can show their area on the map. The Comuni that the June 2023 boundaries lack (merged
 * later) are listed as "non cartografati". The map downloads as SVG and PNG and prints.
 *
 * The results API's area values plug in as they are: `{ code, name, value, suppressed, base }`.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { useFormat } from '../../../lib/format';
import { useRegions } from '../../../lib/lookups';
import { downloadPng, downloadSvg, mapSvgText, type LegendEntry } from './exportMap';
import { assetOf, loadTopology, regionCodeOf, viewOf, type MapLevel, type Shape, type View } from './geometry';
import { CATEGORICAL, classOf, MISSING_FILL, numberClasses, OUTSIDE_FILL } from './scale';

export type { MapLevel } from './geometry';

/** One area's datum; the results API's items have this shape. */
export interface MapItem {
  /** ISTAT code: 2 digits (Regione), 3 (provincia), 6 (Comune) */
  code: string;
  name?: string;
  value?: number | null;
  /** hidden by disclosure control: drawn hatched, never as zero */
  suppressed?: boolean;
  /** for a status map: the key of one of the categories */
  category?: string;
  /** how many answers the value rests on (shown in the table when given) */
  base?: number;
}

export interface MapCategory {
  key: string;
  label: string;
  /** defaults to the colour-blind-safe palette, in order */
  colour?: string;
}

export interface ChoroplethMapProps {
  title: string;
  level: MapLevel;
  items: readonly MapItem[];
  /** given: a status map (items carry `category`); otherwise numbers in classes */
  categories?: readonly MapCategory[];
  /** the Region to show first (two-digit ISTAT code) */
  region?: string | null;
  /** a reader who sees one Region only: the map stays on it */
  lockedRegion?: string | null;
  /** how areas with no item are drawn: no data (grey) or outside the universe (white) */
  absent?: 'missing' | 'outside';
  /** the heading of the table's value column */
  valueLabel?: string;
  /** what the value is (e.g. "Somma dei minimi (persone)"), above the legend and in the downloads */
  legendTitle?: string;
  formatValue?: (n: number) => string;
  /** the downloads' name, without extension */
  fileName: string;
}

type Datum = { kind: 'number'; value: number } | { kind: 'category'; key: string } | { kind: 'suppressed' } | null;

function datumOf(item: MapItem | undefined): Datum | undefined {
  if (!item) return undefined;
  if (item.suppressed) return { kind: 'suppressed' };
  if (item.category !== undefined) return { kind: 'category', key: item.category };
  if (item.value !== undefined && item.value !== null) return { kind: 'number', value: item.value };
  return null;
}

const PAGE = 25;

/** The nearest area in an arrow's direction (within 60° of it), else null. */
function neighbour(shapes: Shape[], from: Shape, dx: number, dy: number): Shape | null {
  let best: Shape | null = null;
  let bestScore = Infinity;
  for (const s of shapes) {
    if (s === from) continue;
    const vx = s.x - from.x;
    const vy = s.y - from.y;
    const along = vx * dx + vy * dy;
    if (along <= 0) continue;
    const across = Math.abs(vx * dy - vy * dx);
    if (across > along * 1.75) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = s;
    }
  }
  return best;
}

export function ChoroplethMap({
  title,
  level,
  items,
  categories,
  region = null,
  lockedRegion = null,
  absent = 'missing',
  valueLabel,
  legendTitle,
  formatValue,
  fileName,
}: ChoroplethMapProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const uid = useId().replace(/[^\w-]/g, '');
  const patternId = `${uid}-suppressed`;
  const regions = useRegions();
  const [zoom, setZoom] = useState<string | null>(lockedRegion ?? region);
  const [view, setView] = useState<{ key: string; view: View } | null>(null);
  // the view (or the whole map) whose boundaries failed to load
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [hover, setHover] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [baseCodes, setBaseCodes] = useState<Map<string, string> | null>(null);
  const mapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const started = useRef(0);
  useEffect(() => {
    started.current = performance.now();
  }, []);
  const [firstRenderMs, setFirstRenderMs] = useState<number | null>(null);

  const viewKey = `${level}:${zoom ?? 'IT'}`;

  // the view's shapes: the asset of the level (a Region's own Comuni file when zoomed)
  useEffect(() => {
    let live = true;
    loadTopology(assetOf(level, level === 'comune' ? zoom : null))
      .then((topo) => {
        if (live) setView({ key: viewKey, view: viewOf(topo, level, zoom) });
      })
      .catch(() => live && setError(viewKey));
    return () => {
      live = false;
    };
  }, [level, zoom, viewKey]);

  // every mapped area of the reader's whole map (Italy, or the locked Region), code → Region:
  // which items have no polygon, and which Region a table row belongs to
  useEffect(() => {
    let live = true;
    loadTopology(assetOf(level, level === 'comune' ? lockedRegion : null))
      .then((topo) => {
        if (!live) return;
        const codes = new Map<string, string>();
        for (const g of topo.objects.areas.geometries) codes.set(String(g.id), regionCodeOf(g, level));
        setBaseCodes(codes);
      })
      .catch(() => live && setError('base'));
    return () => {
      live = false;
    };
  }, [level, lockedRegion]);

  const current = view?.key === viewKey ? view.view : null;

  useEffect(() => {
    if (current && firstRenderMs === null) {
      // after the browser has painted the paths
      requestAnimationFrame(() =>
        setTimeout(() => setFirstRenderMs(Math.round(performance.now() - started.current)), 0),
      );
    }
  }, [current, firstRenderMs]);

  const byCode = useMemo(() => new Map(items.map((i) => [i.code, i])), [items]);
  const classes = useMemo(
    () =>
      categories
        ? null
        : numberClasses(items.filter((i) => !i.suppressed && i.value != null).map((i) => i.value as number)),
    [items, categories],
  );
  const categoryColour = useMemo(
    () => new Map((categories ?? []).map((c, i) => [c.key, c.colour ?? CATEGORICAL[i % CATEGORICAL.length]!])),
    [categories],
  );
  const categoryLabel = useMemo(() => new Map((categories ?? []).map((c) => [c.key, c.label])), [categories]);
  const fmt = formatValue ?? ((n: number) => format.number(n));

  const fillOf = (d: Datum | undefined): string => {
    if (d === undefined) return absent === 'outside' ? OUTSIDE_FILL : MISSING_FILL;
    if (d === null) return MISSING_FILL;
    if (d.kind === 'suppressed') return `url(#${patternId})`;
    if (d.kind === 'category') return categoryColour.get(d.key) ?? MISSING_FILL;
    return classes!.colours[classOf(d.value, classes!)] ?? MISSING_FILL;
  };
  const textOf = (d: Datum | undefined): string => {
    if (d === undefined) return absent === 'outside' ? t('surveys.maps.outside') : t('surveys.maps.noData');
    if (d === null) return t('surveys.maps.noData');
    if (d.kind === 'suppressed') return t('surveys.maps.suppressed');
    if (d.kind === 'category') return categoryLabel.get(d.key) ?? d.key;
    return fmt(d.value);
  };

  const legend: LegendEntry[] = useMemo(() => {
    const entries: LegendEntry[] = [];
    if (categories) for (const c of categories) entries.push({ label: c.label, fill: categoryColour.get(c.key)! });
    else if (classes && classes.colours.length) {
      const bounds = [classes.min, ...classes.breaks, classes.max];
      classes.colours.forEach((fill, i) =>
        entries.push({
          fill,
          label:
            i === classes.colours.length - 1
              ? t('surveys.maps.classLast', { from: fmt(bounds[i]!), to: fmt(bounds[i + 1]!) })
              : t('surveys.maps.classRange', { from: fmt(bounds[i]!), to: fmt(bounds[i + 1]!) }),
        }),
      );
    }
    if (items.some((i) => i.suppressed))
      entries.push({ label: t('surveys.maps.suppressed'), fill: '#f2f2f2', hatch: patternId });
    entries.push({ label: t('surveys.maps.noData'), fill: MISSING_FILL });
    if (absent === 'outside') entries.push({ label: t('surveys.maps.outside'), fill: OUTSIDE_FILL });
    return entries;
    // fmt and t change with the language only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [categories, categoryColour, classes, items, absent, patternId, t]);

  const shapeByCode = useMemo(() => new Map((current?.shapes ?? []).map((s) => [s.code, s])), [current]);
  const unmapped = useMemo(() => (baseCodes ? items.filter((i) => !baseCodes.has(i.code)) : []), [items, baseCodes]);
  const nameOf = (code: string) => byCode.get(code)?.name ?? shapeByCode.get(code)?.name ?? code;

  // the table: the data of the areas in view, by name, filtered by the search
  const rows = useMemo(() => {
    const inView = items.filter((i) => {
      if (!baseCodes || !baseCodes.has(i.code)) return false;
      return !zoom || baseCodes.get(i.code) === zoom;
    });
    const q = query.trim().toLocaleLowerCase('it');
    const named = inView.map((i) => ({ item: i, name: i.name ?? shapeByCode.get(i.code)?.name ?? i.code }));
    return named
      .filter((r) => !q || r.name.toLocaleLowerCase('it').includes(q) || r.item.code === q)
      .sort((a, b) => a.name.localeCompare(b.name, 'it'));
  }, [items, baseCodes, zoom, query, shapeByCode]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const shownPage = Math.min(page, pages);

  const regionName = (code: string | null) =>
    code === null ? t('surveys.maps.italy') : (regions.data?.items.find((r) => r.code === code)?.name ?? code);

  const say = (code: string) => {
    const text = `${nameOf(code)}: ${textOf(datumOf(byCode.get(code)))}`;
    setAnnounce(text);
  };
  const activate = (code: string) => {
    setActive(code);
    say(code);
  };
  const zoomTo = (code: string | null) => {
    if (lockedRegion) return;
    setZoom(code);
    setActive(null);
    setPage(1);
    setAnnounce(t('surveys.maps.zoomed', { area: regionName(code) }));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!current || !current.shapes.length) return;
    const from = active ? shapeByCode.get(active) : undefined;
    const dirs: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const dir = dirs[e.key];
    if (dir) {
      e.preventDefault();
      if (!from) {
        // the area nearest the middle of the view
        const cx = current.width / 2;
        const cy = current.height / 2;
        const first = current.shapes.reduce((a, b) =>
          (a.x - cx) ** 2 + (a.y - cy) ** 2 <= (b.x - cx) ** 2 + (b.y - cy) ** 2 ? a : b,
        );
        activate(first.code);
        return;
      }
      const next = neighbour(current.shapes, from, dir[0], dir[1]);
      if (next) activate(next.code);
    } else if (e.key === 'Enter' && from && !zoom && !lockedRegion) {
      e.preventDefault();
      zoomTo(from.region);
    } else if (e.key === 'Escape' && zoom && !lockedRegion) {
      e.preventDefault();
      zoomTo(null);
    }
  };

  const onPointerOver = (e: PointerEvent<SVGSVGElement>) => {
    const code = (e.target as Element).getAttribute('data-code');
    setHover(code);
  };
  const onClick = (e: React.MouseEvent<SVGSVGElement>) => {
    const code = (e.target as Element).getAttribute('data-code');
    if (!code) return;
    const shape = shapeByCode.get(code);
    if (shape && !zoom && !lockedRegion) zoomTo(shape.region);
    else activate(code);
  };

  const shown = hover ?? (focused ? active : null);
  const shownShape = shown ? shapeByCode.get(shown) : undefined;
  const exportText = () =>
    mapSvgText(svgRef.current!, `${title} – ${regionName(zoom)}`, legend, t('surveys.maps.attribution'), legendTitle);
  const instructionsId = `${uid}-instructions`;
  const stroke = level === 'comune' && !zoom ? 0.15 : 0.5;

  return (
    <figure
      className="choropleth mb-4"
      data-first-render-ms={firstRenderMs ?? undefined}
      style={{ breakInside: 'avoid' }}
    >
      <figcaption className="h5">
        {title} <span className="fw-normal">– {regionName(zoom)}</span>
      </figcaption>
      <div className="row">
        <div className="col-12 col-xl-7">
          <div className="d-flex flex-wrap align-items-end gap-3 d-print-none">
            {!lockedRegion && (
              <SelectField
                id={`${uid}-zoom`}
                className="mb-2"
                label={t('surveys.maps.zoom')}
                value={zoom ?? ''}
                onChange={(e) => zoomTo(e.target.value || null)}
                emptyOption={t('surveys.maps.italy')}
                options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
              />
            )}
            <button
              type="button"
              className="btn btn-outline-primary btn-sm mb-2"
              disabled={!current}
              onClick={() => downloadSvg(exportText(), fileName)}
            >
              {t('surveys.maps.exportSvg')}
            </button>
            <button
              type="button"
              className="btn btn-outline-primary btn-sm mb-2"
              disabled={!current}
              onClick={() => void downloadPng(exportText(), fileName)}
            >
              {t('surveys.maps.exportPng')}
            </button>
          </div>
          <p id={instructionsId} className="small text-secondary d-print-none">
            {lockedRegion ? t('surveys.maps.instructionsLocked') : t('surveys.maps.instructions')}
          </p>
          {error === viewKey || error === 'base' ? (
            <p className="text-danger" role="alert">
              {t('surveys.maps.error')}
            </p>
          ) : !current ? (
            <Loading label={t('surveys.maps.loading')} />
          ) : (
            // one tab stop that the arrow keys move inside (role application: screen readers pass them on)
            // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- a composite widget with roving focus
            <div
              ref={mapRef}
              className="position-relative"
              role="application"
              aria-roledescription={t('surveys.maps.roleDescription')}
              aria-label={`${title} – ${regionName(zoom)}`}
              aria-describedby={instructionsId}
              // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- the map's one tab stop
              tabIndex={0}
              onKeyDown={onKeyDown}
              onFocus={() => {
                setFocused(true);
                if (active) say(active);
              }}
              onBlur={() => setFocused(false)}
              style={{ outlineOffset: 2 }}
            >
              <svg
                ref={svgRef}
                viewBox={`0 0 ${current.width} ${current.height}`}
                width="100%"
                aria-hidden="true"
                focusable="false"
                onPointerOver={onPointerOver}
                onPointerLeave={() => setHover(null)}
                onClick={onClick}
                style={{ display: 'block', cursor: zoom || lockedRegion ? 'default' : 'zoom-in', maxHeight: '80vh' }}
              >
                <defs>
                  <pattern
                    id={patternId}
                    patternUnits="userSpaceOnUse"
                    width="4"
                    height="4"
                    patternTransform="rotate(45)"
                  >
                    <rect width="4" height="4" fill="#f2f2f2" />
                    <line x1="0" y1="0" x2="0" y2="4" stroke="#3d3d3d" strokeWidth="1.4" />
                  </pattern>
                </defs>
                <g stroke="#ffffff" strokeWidth={stroke} strokeLinejoin="round">
                  {current.shapes.map((s) => (
                    <path key={s.code} d={s.d} data-code={s.code} fill={fillOf(datumOf(byCode.get(s.code)))} />
                  ))}
                </g>
                <path d={current.outline} fill="none" stroke="#3d3d3d" strokeWidth={0.6} pointerEvents="none" />
                {shownShape && (
                  <path
                    data-screen-only=""
                    d={shownShape.d}
                    fill="none"
                    stroke="#000000"
                    strokeWidth={2}
                    pointerEvents="none"
                  />
                )}
              </svg>
              {shownShape && (
                <div
                  className="choropleth-tooltip bg-white border rounded shadow-sm px-2 py-1 small position-absolute"
                  style={{
                    left: `${(shownShape.x / current.width) * 100}%`,
                    top: `${(shownShape.y / current.height) * 100}%`,
                    transform: 'translate(-50%, calc(-100% - 8px))',
                    pointerEvents: 'none',
                    whiteSpace: 'nowrap',
                  }}
                  aria-hidden="true"
                  data-testid="map-tooltip"
                >
                  <strong>{nameOf(shownShape.code)}</strong>: {textOf(datumOf(byCode.get(shownShape.code)))}
                </div>
              )}
            </div>
          )}
          <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {announce}
          </div>
          {legendTitle && (
            <p id={`${uid}-legend`} className="small fw-semibold mt-2 mb-0">
              {legendTitle}
            </p>
          )}
          <ul
            className="list-unstyled d-flex flex-wrap gap-3 mt-2 small"
            aria-label={legendTitle ? `${t('surveys.maps.legend')}: ${legendTitle}` : t('surveys.maps.legend')}
          >
            {legend.map((entry) => (
              <li key={entry.label} className="d-flex align-items-center gap-1">
                <svg width="16" height="16" aria-hidden="true" focusable="false">
                  <rect x="0.5" y="0.5" width="15" height="15" fill={entry.fill} stroke="#555555" />
                  {entry.hatch && <rect x="0.5" y="0.5" width="15" height="15" fill={`url(#${entry.hatch})`} />}
                </svg>
                {entry.label}
              </li>
            ))}
          </ul>
          {unmapped.length > 0 && (
            <div className="mt-3">
              <h3 className="h6">{t('surveys.maps.unmapped', { count: unmapped.length })}</h3>
              <p className="small">{t('surveys.maps.unmappedLead')}</p>
              <ul className="small">
                {unmapped.map((i) => (
                  <li key={i.code}>
                    {i.name ?? i.code} ({i.code}): {textOf(datumOf(i))}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p className="small text-secondary">{t('surveys.maps.attribution')}</p>
        </div>
        <div className="col-12 col-xl-5">
          <TextField
            id={`${uid}-search`}
            className="d-print-none"
            type="search"
            label={t('surveys.maps.search')}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setPage(1);
            }}
          />
          <div className="table-responsive">
            <table className="table table-sm">
              <caption>{t('surveys.maps.tableCaption', { title, area: regionName(zoom) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`surveys.maps.level.${level}`)}</th>
                  <th scope="col">{valueLabel ?? t('surveys.maps.value')}</th>
                  {items.some((i) => i.base !== undefined) && (
                    <th scope="col" className="text-end">
                      {t('surveys.maps.base')}
                    </th>
                  )}
                  <th scope="col" className="d-print-none">
                    <span className="visually-hidden">{t('surveys.maps.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.slice((shownPage - 1) * PAGE, shownPage * PAGE).map((r) => (
                  <tr key={r.item.code}>
                    <th scope="row">{r.name}</th>
                    <td>{textOf(datumOf(r.item))}</td>
                    {items.some((i) => i.base !== undefined) && (
                      <td className="text-end">{r.item.base !== undefined ? format.number(r.item.base) : ''}</td>
                    )}
                    <td className="d-print-none">
                      {shapeByCode.has(r.item.code) && (
                        <button
                          type="button"
                          className="btn btn-link btn-sm p-0"
                          onClick={() => {
                            activate(r.item.code);
                            mapRef.current?.focus();
                          }}
                        >
                          {t('surveys.maps.show')}
                          <span className="visually-hidden"> {r.name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="d-flex align-items-center gap-2 d-print-none">
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              disabled={shownPage <= 1}
              onClick={() => setPage(shownPage - 1)}
            >
              {t('surveys.maps.previous')}
            </button>
            <span aria-live="polite">
              {t('surveys.maps.page', { page: shownPage, pages, count: rows.length, n: format.number(rows.length) })}
            </span>
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              disabled={shownPage >= pages}
              onClick={() => setPage(shownPage + 1)}
            >
              {t('surveys.maps.next')}
            </button>
          </div>
        </div>
      </div>
    </figure>
  );
}
