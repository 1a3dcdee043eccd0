import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { ApiProblem } from '../../../api/problem';
import { useFormat } from '../../../lib/format';
import { useMyResults, type MyAnswer, type MyResults, type MyResultsArea } from './api/results';

type Item = MyResults['items'][number];
type Figure = number | '<10' | null;

/** Numbers, shares and "<10" as the reader's language writes them; — for none. */
function useFigures() {
  const format = useFormat();
  return useMemo(() => {
    const number = new Intl.NumberFormat(format.locale, { useGrouping: 'always', maximumFractionDigits: 2 });
    const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 1 });
    return {
      figure: (v: Figure) => (v === null ? '—' : v === '<10' ? '<10' : number.format(v)),
      percent: (v: number | null) => (v === null ? '—' : percent.format(v)),
      number: (v: number) => number.format(v),
    };
  }, [format.locale]);
}

function useLocalText() {
  const { i18n } = useTranslation();
  const en = (i18n.resolvedLanguage ?? i18n.language) === 'en';
  return (text: { it?: string; en?: string }, fallback = '') => (en ? (text.en ?? text.it) : text.it) ?? fallback;
}

/** The Comune's own answer, in words. */
function OwnAnswer({ item }: { item: Item }) {
  const { t } = useTranslation();
  const f = useFigures();
  const local = useLocalText();
  const a: MyAnswer | null = item.answer;
  if (!a) return <span className="text-muted">{t('surveys.results.mine.noAnswer')}</span>;
  if (a.choices) return <>{a.choices.map((c) => local(c.label, c.code)).join(', ')}</>;
  if (a.number !== null) return <>{f.number(a.number)}</>;
  if (a.range) {
    const { min, max, quality } = a.range;
    const value =
      min === null ? '—' : min === max ? f.number(min) : `${f.number(min)}–${max === null ? '—' : f.number(max)}`;
    const q = quality === 'certo' || quality === 'stima' || quality === 'non_noto' ? quality : null;
    return (
      <>
        {value}
        {q && <> ({t(`surveys.results.mine.quality.${q}`)})</>}
      </>
    );
  }
  return <span className="text-muted">{t('surveys.results.mine.noAnswer')}</span>;
}

/** The figure of an area (the Region or Italy) for one question, with its base. */
function AreaCell({ item, area }: { item: Item; area: MyResultsArea }) {
  const { t } = useTranslation();
  const f = useFigures();
  const local = useLocalText();
  const base = (
    <div className="small text-muted">
      {t('surveys.results.mine.base', { count: area.base, n: f.number(area.base) })}
    </div>
  );
  if (area.base === 0) return <span className="text-muted">{t('surveys.results.mine.nobody')}</span>;
  if (area.suppressed)
    return (
      <>
        <span>{t('surveys.results.mine.suppressed')}</span>
        {base}
      </>
    );
  const own = new Set(item.answer?.choices?.map((c) => c.code) ?? []);
  return (
    <>
      {area.choices && (
        <ul className="list-unstyled mb-0">
          {area.choices.map((c) => (
            <li key={c.code}>
              {own.has(c.code) ? <strong>{local(c.label, c.code)}</strong> : local(c.label, c.code)}:{' '}
              {f.percent(c.share)}
              {own.has(c.code) && <span className="visually-hidden"> {t('surveys.results.mine.yourChoice')}</span>}
            </li>
          ))}
        </ul>
      )}
      {area.number && area.number.mean !== null && (
        <>{t('surveys.results.mine.mean', { value: f.figure(area.number.mean) })}</>
      )}
      {area.range && (
        <>{t('surveys.results.mine.sum', { min: f.figure(area.range.sumMin), max: f.figure(area.range.sumMax) })}</>
      )}
      {base}
    </>
  );
}

/**
 * `/indagini/rilevazioni/:waveId/i-miei-risultati`: a Comune's own answers beside its Region's and
 * Italy's figures (issue 11 item 8), once its questionnaire is sent; controlled as for MLPS.
 */
export function MyResultsPage() {
  const { t } = useTranslation();
  const { waveId = '' } = useParams();
  const f = useFigures();
  const local = useLocalText();
  const mine = useMyResults(waveId);
  const notYet = mine.error instanceof ApiProblem && mine.error.code === 'surveys.results.not_counted';
  return (
    <>
      <PageHeader title={t('surveys.results.mine.title')} lead={t('surveys.results.mine.lead')} />
      <p>
        <Link to="/questionari">{t('surveys.results.mine.back')}</Link>
      </p>
      {mine.isPending && <Loading />}
      {notYet && (
        <Alert kind="info">
          <p className="mb-0">{t('surveys.results.mine.notYet')}</p>
        </Alert>
      )}
      {mine.isError && !notYet && <QueryError error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.data && (
        <>
          <p>
            {t('surveys.results.mine.respondents', {
              comune: mine.data.comune.name,
              region: mine.data.region.name,
              regionN: f.number(mine.data.respondents.region),
              italyN: f.number(mine.data.respondents.italy),
            })}
          </p>
          <p className="small">{local(mine.data.note)}</p>
          <div className="table-responsive">
            <table className="table">
              <caption>{t('surveys.results.mine.caption', { comune: mine.data.comune.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('surveys.results.question')}</th>
                  <th scope="col">{t('surveys.results.mine.yours', { comune: mine.data.comune.name })}</th>
                  <th scope="col">{mine.data.region.name}</th>
                  <th scope="col">{t('surveys.results.mine.italy')}</th>
                </tr>
              </thead>
              <tbody>
                {mine.data.items.map((item) => (
                  <tr key={item.question.name}>
                    <th scope="row">{local(item.question.label, item.question.name)}</th>
                    <td>
                      <OwnAnswer item={item} />
                    </td>
                    <td>
                      <AreaCell item={item} area={item.region} />
                    </td>
                    <td>
                      <AreaCell item={item} area={item.italy} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
