/**
 * The activities' timeline drawn in SVG: one row per activity, the planned period as an outlined
 * bar, the actual period (when started) filled to its progress. Hidden from assistive technology:
 * the activities' table next to it says the same.
 */
import { useTranslation } from 'react-i18next';
import type { Activity } from './api/types';

const DAY = 86_400_000;
const ROW = 28;
const LABEL = 180;
const WIDTH = 900;

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** The first day of each month between two dates, for the ticks. */
function monthStarts(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}-01`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export function GanttChart({ activities, from, to }: { activities: readonly Activity[]; from: string; to: string }) {
  const { t } = useTranslation();
  if (activities.length === 0) return null;
  const start = dayOf(from);
  const span = Math.max(1, dayOf(to) - start + 1);
  const x = (iso: string) => LABEL + ((dayOf(iso) - start) / span) * (WIDTH - LABEL);
  const height = 30 + activities.length * ROW;
  const months = monthStarts(from, to).filter((m) => m >= from);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <figure className="mb-3" aria-hidden="true">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        className="d-block"
        style={{ maxWidth: WIDTH, fontSize: 11 }}
        data-testid="gantt"
      >
        {months.map((m, i) => (
          <g key={m}>
            <line x1={x(m)} x2={x(m)} y1={18} y2={height} stroke="#d9dadb" />
            {(months.length <= 18 || i % 3 === 0) && (
              <text x={x(m) + 2} y={12} fill="#5d7083">
                {`${m.slice(5, 7)}/${m.slice(2, 4)}`}
              </text>
            )}
          </g>
        ))}
        {today >= from && today <= to && (
          <line x1={x(today)} x2={x(today)} y1={18} y2={height} stroke="#cc334d" strokeDasharray="4 2" />
        )}
        {activities.map((a, i) => {
          const y = 24 + i * ROW;
          const depth = a.code.split('.').length - 1;
          const px0 = x(a.plannedStart);
          const px1 = x(a.plannedEnd) + (WIDTH - LABEL) / span;
          const actualEnd = a.actualEnd ?? (a.actualStart ? (today < a.plannedEnd ? today : a.plannedEnd) : null);
          return (
            <g key={a.id}>
              <text x={4 + depth * 10} y={y + 14} fill="#1a1a1a">
                {`${a.code} ${a.title}`.slice(0, 28)}
              </text>
              <rect
                x={px0}
                y={y + 3}
                width={Math.max(2, px1 - px0)}
                height={ROW - 10}
                fill="#e6ecf2"
                stroke="#0066cc"
                rx={2}
              />
              {a.actualStart && actualEnd && (
                <rect
                  x={x(a.actualStart)}
                  y={y + 7}
                  width={Math.max(2, ((x(actualEnd) - x(a.actualStart)) * a.progressPct) / 100 || 2)}
                  height={ROW - 18}
                  fill="#0066cc"
                />
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="small text-muted">{t('projects.design.activities.ganttLegend')}</figcaption>
    </figure>
  );
}
