import { useTranslation } from 'react-i18next';
import type { Cell } from './types';

export interface BarSeries {
  label: string;
  /** 'solid' bars are filled; 'outline' bars are light with a border, so the two differ without colour. */
  look: 'solid' | 'outline';
}

export interface BarDatum {
  name: string;
  /** One value per series. */
  values: (Cell | undefined)[];
}

interface BarChartProps {
  id: string;
  title: string;
  /** Where the same figures are in a table, said after the chart. */
  dataNote: string;
  series: BarSeries[];
  data: BarDatum[];
  format: (value: number) => string;
}

const PRIMARY = '#0066cc';
const TEXT = '#1a1a1a';
const LABEL_WIDTH = 170;
const PLOT_WIDTH = 500;
const VALUE_WIDTH = 130;
const BAR = 16;
const GAP = 4;
const GROUP_GAP = 14;
const LEGEND_LINE = 24;

/**
 * A horizontal bar chart in inline SVG: one group of bars per row, one bar per series. It is one
 * image for assistive technology (role="img", a title and a label that reads out every value);
 * the same figures are in the tables below. «<10» values are drawn as hatched bars labelled «<10».
 */
export function BarChart({ id, title, dataNote, series, data, format }: BarChartProps) {
  const { t } = useTranslation();
  const numbers = data.flatMap((d) => d.values.filter((v): v is number => typeof v === 'number'));
  const max = Math.max(10, ...numbers);
  const scale = (v: number) => (v / max) * PLOT_WIDTH;
  const groupHeight = series.length * (BAR + GAP) - GAP + GROUP_GAP;
  const anyLessThanTen = data.some((d) => d.values.includes('<10'));
  const legend = LEGEND_LINE * (anyLessThanTen ? 2 : 1) + 6;
  const height = legend + data.length * groupHeight + 4;
  const width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
  const text = (v: Cell | undefined) =>
    v === '<10'
      ? t('monitoring.format.lessThanTen')
      : v === null || v === undefined
        ? t('common.notAvailable')
        : format(v);
  const label = [
    title,
    ...data.map(
      (d) =>
        `${d.name}: ${series.map((s, i) => `${series.length > 1 ? `${s.label} ` : ''}${text(d.values[i])}`).join(', ')}`,
    ),
  ].join('. ');

  return (
    <figure className="mb-5">
      <figcaption className="fw-semibold mb-2" id={`${id}-caption`}>
        {title}
      </figcaption>
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: `${width}px` }}
        className="d-block"
      >
        <title>{title}</title>
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={PRIMARY} strokeWidth="2" />
          </pattern>
        </defs>
        {series.map((s, i) => {
          const x = LABEL_WIDTH + i * 220;
          return (
            <g key={s.label}>
              <rect
                x={x}
                y={4}
                width={14}
                height={14}
                fill={s.look === 'solid' ? PRIMARY : '#d9e8f7'}
                stroke={PRIMARY}
                strokeWidth={s.look === 'solid' ? 0 : 2}
              />
              <text x={x + 20} y={16} fontSize="13" fill={TEXT}>
                {s.label}
              </text>
            </g>
          );
        })}
        {anyLessThanTen && (
          <g>
            <rect
              x={LABEL_WIDTH}
              y={4 + LEGEND_LINE}
              width={14}
              height={14}
              fill={`url(#${id}-hatch)`}
              stroke={PRIMARY}
              strokeWidth="1.5"
            />
            <text x={LABEL_WIDTH + 20} y={16 + LEGEND_LINE} fontSize="13" fill={TEXT}>
              <tspan fontWeight="bold">&lt;10</tspan> {t('monitoring.chart.hatchedLegend')}
            </text>
          </g>
        )}
        {data.map((d, row) => {
          const top = legend + row * groupHeight;
          return (
            <g key={d.name}>
              <text
                x={LABEL_WIDTH - 8}
                y={top + (series.length * (BAR + GAP)) / 2 + 3}
                fontSize="13"
                textAnchor="end"
                fill={TEXT}
              >
                {d.name}
              </text>
              {series.map((s, i) => {
                const v = d.values[i];
                const y = top + i * (BAR + GAP);
                if (v === '<10') {
                  const w = Math.max(scale(9), 14);
                  return (
                    <g key={s.label}>
                      <rect
                        x={LABEL_WIDTH}
                        y={y}
                        width={w}
                        height={BAR}
                        fill={`url(#${id}-hatch)`}
                        stroke={PRIMARY}
                        strokeWidth="1.5"
                      />
                      <text x={LABEL_WIDTH + w + 6} y={y + BAR - 3} fontSize="13" fontWeight="bold" fill={TEXT}>
                        &lt;10
                      </text>
                    </g>
                  );
                }
                if (typeof v !== 'number') {
                  return (
                    <text key={s.label} x={LABEL_WIDTH + 6} y={y + BAR - 3} fontSize="13" fill={TEXT}>
                      {t('monitoring.chart.notAvailable')}
                    </text>
                  );
                }
                const w = Math.max(scale(v), v > 0 ? 2 : 0);
                return (
                  <g key={s.label}>
                    <rect
                      x={LABEL_WIDTH}
                      y={y}
                      width={w}
                      height={BAR}
                      fill={s.look === 'solid' ? PRIMARY : '#d9e8f7'}
                      stroke={PRIMARY}
                      strokeWidth={s.look === 'solid' ? 0 : 1.5}
                    />
                    <text x={LABEL_WIDTH + w + 6} y={y + BAR - 3} fontSize="13" fill={TEXT}>
                      {format(v)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <p className="small mt-2 mb-0">{dataNote}</p>
    </figure>
  );
}
