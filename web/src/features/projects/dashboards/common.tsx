/**
 * What both dashboards show alike: amounts "1.234,50 €", shares "7,4%", dates gg/mm/aaaa, the
 * spending progress bar with its words, a critical issue in words (a warning code the page does
 * not know reads "Avviso «code»").
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dateFormat, useFormat } from '../../../lib/format';
import { formatBp, formatEuro } from '../../../lib/project-rules';
import type { Figures, Issue } from './api/national';

/** Amounts, shares and dates as the page writes them. */
export function useDashboardFormat() {
  const { locale } = useFormat();
  return useMemo(() => {
    const day = dateFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    return {
      euro: (cents: number) => formatEuro(cents),
      share: (bp: number) => formatBp(bp),
      date: (iso: string | null) => (iso ? day.format(new Date(`${iso}T00:00:00Z`)) : '—'),
    };
  }, [locale]);
}

const KNOWN_WARNINGS = new Set([
  'doppio_finanziamento',
  'fuori_periodo',
  'massimale_superato',
  'budget_riga_superato',
  'quietanza_mancante',
]);

/** A warning code of the expenses in words. */
export function useWarningWords() {
  const { t } = useTranslation();
  return (code: string) =>
    KNOWN_WARNINGS.has(code)
      ? t(`projects.dashboards.warning.${code as 'fuori_periodo'}`)
      : t('projects.dashboards.warning.other', { code });
}

/** A critical issue in words. */
export function IssueText({ issue }: { issue: Issue }) {
  const { t } = useTranslation();
  const f = useDashboardFormat();
  const warning = useWarningWords();
  switch (issue.kind) {
    case 'claim_waiting':
      return (
        <>
          {t('projects.dashboards.issue.claim_waiting', {
            claimNo: issue.claimNo ?? '',
            days: issue.days ?? 0,
            amount: f.euro(issue.cents ?? 0),
          })}
        </>
      );
    case 'ending_underspent':
      return (
        <>
          {t('projects.dashboards.issue.ending_underspent', {
            date: f.date(issue.date),
            days: issue.days ?? 0,
            share: f.share(issue.shareBp ?? 0),
          })}
        </>
      );
    case 'query_overdue':
      return (
        <>
          {t('projects.dashboards.issue.query_overdue', {
            count: issue.count,
            date: f.date(issue.date),
            days: issue.days ?? 0,
          })}
        </>
      );
    case 'expense_warning':
      return (
        <>
          {t('projects.dashboards.issue.expense_warning', {
            count: issue.count,
            warning: warning(issue.code ?? ''),
            amount: f.euro(issue.cents ?? 0),
          })}
        </>
      );
  }
}

/** Spent of the plan as a bar, with the expected share in words (the bar is not the only carrier). */
export function SpendingProgress({ figures, title }: { figures: Figures; title: string }) {
  const { t } = useTranslation();
  const f = useDashboardFormat();
  const width = Math.min(100, figures.spentShareBp / 100);
  const behind = figures.spentShareBp < figures.expectedShareBp;
  return (
    <div className="mb-3">
      <div
        className="progress"
        role="progressbar"
        aria-label={t('projects.dashboards.progress.label', { title })}
        aria-valuenow={Math.round(width)}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuetext={f.share(figures.spentShareBp)}
      >
        <div className={`progress-bar${behind ? ' bg-warning' : ''}`} style={{ width: `${width}%` }} />
      </div>
      <p className="small mt-1 mb-0">
        {t('projects.dashboards.progress.text', {
          spent: f.share(figures.spentShareBp),
          spentAmount: f.euro(figures.spentCents),
          planAmount: f.euro(figures.planCents),
          expected: f.share(figures.expectedShareBp),
        })}{' '}
        {behind ? t('projects.dashboards.progress.behind') : t('projects.dashboards.progress.onTrack')}
      </p>
    </div>
  );
}

const FIGURE_KEYS = ['plan', 'spent', 'claimed', 'verified', 'paid', 'expected'] as const;
const centsOf = (f: Figures, k: (typeof FIGURE_KEYS)[number]) =>
  ({
    plan: f.planCents,
    spent: f.spentCents,
    claimed: f.claimedCents,
    verified: f.verifiedCents,
    paid: f.paidCents,
    expected: f.expectedCents,
  })[k];

/** The header cells of the money columns (plan … expected, then the two shares). */
export function FigureHeads() {
  const { t } = useTranslation();
  return (
    <>
      {FIGURE_KEYS.map((k) => (
        <th scope="col" className="text-end" key={k}>
          {t(`projects.dashboards.figures.${k}`)}
        </th>
      ))}
      <th scope="col" className="text-end">
        {t('projects.dashboards.figures.spentShare')}
      </th>
      <th scope="col" className="text-end">
        {t('projects.dashboards.figures.expectedShare')}
      </th>
    </>
  );
}

/** The money cells of a row, matching FigureHeads. */
export function FigureCells({ figures }: { figures: Figures }) {
  const f = useDashboardFormat();
  return (
    <>
      {FIGURE_KEYS.map((k) => (
        <td className="text-end text-nowrap" key={k}>
          {f.euro(centsOf(figures, k))}
        </td>
      ))}
      <td className="text-end">{f.share(figures.spentShareBp)}</td>
      <td className="text-end">{f.share(figures.expectedShareBp)}</td>
    </>
  );
}
