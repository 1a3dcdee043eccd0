/**
 * Spending against plan by Region as a simple bar chart (SVG): one bar per Region for spent / plan,
 * a tick for the share expected by today. The figure has a title and a description; the same data
 * are in the "By Region" table beside it, so the chart is not the only way to read them.
 */
import { useTranslation } from 'react-i18next';
import type { NationalDashboard } from './api/national';
import { useDashboardFormat } from './common';

const ROW = 28;
const LABEL = 190;
const WIDTH = 640;
const BAR = WIDTH - LABEL - 70;

export function SpendingChart({ groups }: { groups: NationalDashboard['byRegion'] }) {
  const { t } = useTranslation();
  const f = useDashboardFormat();
  if (groups.length === 0) return null;
  const max = Math.max(10_000, ...groups.map((g) => Math.max(g.figures.spentShareBp, g.figures.expectedShareBp)));
  const x = (bp: number) => (bp / max) * BAR;
  const height = groups.length * ROW + 30;
  return (
    <figure className="mb-4">
      <svg
        role="img"
        aria-labelledby="cruscotto-grafico-titolo cruscotto-grafico-desc"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: WIDTH }}
      >
        <title id="cruscotto-grafico-titolo">{t('projects.dashboards.chart.title')}</title>
        <desc id="cruscotto-grafico-desc">{t('projects.dashboards.chart.desc')}</desc>
        {groups.map((g, i) => {
          const y = i * ROW;
          return (
            <g key={g.code}>
              <text x={LABEL - 8} y={y + 18} textAnchor="end" fontSize="13" fill="currentColor">
                {g.name}
              </text>
              <rect x={LABEL} y={y + 6} width={BAR} height={16} fill="#e6e9f2" />
              <rect x={LABEL} y={y + 6} width={x(g.figures.spentShareBp)} height={16} fill="#0066cc" />
              <line
                x1={LABEL + x(g.figures.expectedShareBp)}
                x2={LABEL + x(g.figures.expectedShareBp)}
                y1={y + 2}
                y2={y + 26}
                stroke="#b5350b"
                strokeWidth={3}
              />
              <text x={LABEL + BAR + 6} y={y + 18} fontSize="12" fill="currentColor">
                {f.share(g.figures.spentShareBp)}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${LABEL}, ${groups.length * ROW + 8})`} aria-hidden="true">
          <rect width={14} height={12} fill="#0066cc" />
          <text x={20} y={11} fontSize="12" fill="currentColor">
            {t('projects.dashboards.chart.legendSpent')}
          </text>
          <line x1={200} x2={200} y1={0} y2={14} stroke="#b5350b" strokeWidth={3} />
          <text x={208} y={11} fontSize="12" fill="currentColor">
            {t('projects.dashboards.chart.legendExpected')}
          </text>
        </g>
      </svg>
    </figure>
  );
}
