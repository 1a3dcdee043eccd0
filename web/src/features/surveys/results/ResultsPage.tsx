import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useListParams } from '../../../lib/listParams';
import {
  useCrosstab,
  useQuestionResults,
  useResultQuestions,
  type PageFilters,
  type QuestionResult,
  type ResultQuestion,
} from './api/results';
import type { MapQuestion } from './ResultsMap';

// the map and d3-geo in their own chunk
const ResultsMap = lazy(() => import('./ResultsMap'));
import { ExportPanel } from './ExportPanel';
import { AreaFilters, QuestionSelect, useFigures, useLocalText, usePageFilters } from './common';
import { OpenDataPanel } from './OpenDataPanel';

function ChoicesTable({ r, title }: { r: QuestionResult; title: string }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const f = useFigures();
  const inRepeat = r.question.inRepeat;
  return (
    <>
      {r.question.kind === 'multiple' && <p className="small">{t('surveys.results.multipleNote')}</p>}
      <div className="table-responsive">
        <table className="table table-sm">
          <caption>{t('surveys.results.choicesCaption', { question: title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('surveys.results.answer')}</th>
              <th scope="col" className="text-end">
                {inRepeat ? t('surveys.results.entryCount') : t('surveys.results.comuni')}
              </th>
              <th scope="col" className="text-end">
                {t('surveys.results.percent')}
              </th>
            </tr>
          </thead>
          <tbody>
            {(r.choices ?? []).map((c) => (
              <tr key={c.code}>
                <th scope="row">{local(c.label, c.code)}</th>
                <td className="text-end">{f.figure(c.count)}</td>
                <td className="text-end">{f.percent(c.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function StatsTable({ title, rows }: { title: string; rows: [string, string][] }) {
  const { t } = useTranslation();
  return (
    <div className="table-responsive">
      <table className="table table-sm w-auto">
        <caption>{t('surveys.results.statsCaption', { question: title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('surveys.results.statistic')}</th>
            <th scope="col" className="text-end">
              {t('surveys.results.value')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="text-end">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TextsTable({
  title,
  caption,
  texts,
}: {
  title: string;
  caption: string;
  texts: NonNullable<QuestionResult['texts']>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <h4 className="h6">{title}</h4>
      <div className="table-responsive">
        <table className="table table-sm">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('surveys.results.comune')}</th>
              <th scope="col">{t('surveys.results.text')}</th>
            </tr>
          </thead>
          <tbody>
            {texts.items.map((x, i) => (
              <tr key={i}>
                <th scope="row">{x.comune}</th>
                <td className="text-break">{x.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** One question's result: its base, then a table by kind. */
function QuestionResultView({ r }: { r: QuestionResult }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const f = useFigures();
  const title = local(r.question.label, r.question.name);
  let body: ReactNode = null;
  if (r.suppressed) body = <p className="alert alert-info">{t('surveys.results.suppressed')}</p>;
  else if (r.base === 0) body = <p>{t('surveys.results.none')}</p>;
  else if (r.choices) body = <ChoicesTable r={r} title={title} />;
  else if (r.number)
    body = (
      <StatsTable
        title={title}
        rows={(['n', 'sum', 'mean', 'median', 'min', 'max'] as const).map((k) => [
          t(`surveys.results.number.${k}`),
          f.figure(r.number![k]),
        ])}
      />
    );
  else if (r.range)
    body = (
      <StatsTable
        title={title}
        rows={[
          [t('surveys.results.range.n'), f.count(r.range.n)],
          [t('surveys.results.range.sumMin'), f.figure(r.range.sumMin)],
          [t('surveys.results.range.sumMax'), f.figure(r.range.sumMax)],
          [t('surveys.results.range.certain'), f.count(r.range.certain)],
          [t('surveys.results.range.estimated'), f.count(r.range.estimated)],
          [t('surveys.results.range.unknown'), f.count(r.range.unknown)],
          [t('surveys.results.range.estimateShare'), f.percent(r.range.estimateShare)],
        ]}
      />
    );
  else if (r.texts)
    body = (
      <TextsTable
        title={t('surveys.results.texts', { formatted: f.count(r.texts.total) })}
        caption={t('surveys.results.textsCaption', { question: title })}
        texts={r.texts}
      />
    );
  else body = <p>{t('surveys.results.answeredOnly')}</p>;
  return (
    <section aria-labelledby={`result-${r.question.name}`} className="mb-4">
      <h3 id={`result-${r.question.name}`} className="h5">
        {title}
        {r.question.persons && <span className="badge bg-secondary ms-2">{t('surveys.results.persons')}</span>}
      </h3>
      <p className="mb-1">{t('surveys.results.base', { formatted: f.count(r.base) })}</p>
      {r.entries !== null && <p className="mb-1">{t('surveys.results.entries', { formatted: f.count(r.entries) })}</p>}
      {body}
      {r.otherTexts && r.otherTexts.total > 0 && (
        <TextsTable
          title={t('surveys.results.otherTexts', { formatted: f.count(r.otherTexts.total) })}
          caption={t('surveys.results.textsCaption', { question: title })}
          texts={r.otherTexts}
        />
      )}
    </section>
  );
}

function CrosstabSection({
  waveId,
  questions,
  filters,
}: {
  waveId: string;
  questions: ResultQuestion[];
  filters: PageFilters;
}) {
  const { t } = useTranslation();
  const local = useLocalText();
  const f = useFigures();
  const { get, update } = useListParams();
  const choiceQuestions = questions.filter((q) => (q.kind === 'choice' || q.kind === 'multiple') && !q.inRepeat);
  const row = get('row');
  const col = get('col');
  const x = useCrosstab(waveId, row, col, filters);
  const d = x.data;
  return (
    <section aria-labelledby="crosstab-title" className="mt-5">
      <h2 id="crosstab-title" className="h4">
        {t('surveys.results.crosstab.title')}
      </h2>
      <p>{t('surveys.results.crosstab.lead')}</p>
      <div className="row">
        <div className="col-md-6">
          <QuestionSelect
            id="crosstab-row"
            label={t('surveys.results.crosstab.row')}
            questions={choiceQuestions}
            value={row}
            onChange={(v) => update({ row: v })}
          />
        </div>
        <div className="col-md-6">
          <QuestionSelect
            id="crosstab-col"
            label={t('surveys.results.crosstab.col')}
            questions={choiceQuestions}
            value={col}
            onChange={(v) => update({ col: v })}
          />
        </div>
      </div>
      {row !== '' && row === col && <p>{t('surveys.results.crosstab.same')}</p>}
      {x.isError && <QueryError error={x.error} onRetry={() => void x.refetch()} />}
      {x.isFetching && !d && <Loading />}
      {d && (
        <>
          <p>{t('surveys.results.crosstab.base', { formatted: f.count(d.base) })}</p>
          {d.suppressed ? (
            <p className="alert alert-info">{t('surveys.results.suppressed')}</p>
          ) : (
            <div className="table-responsive">
              <table className="table table-sm">
                <caption>
                  {t('surveys.results.crosstab.caption', {
                    row: local(d.row.label, d.row.name),
                    col: local(d.col.label, d.col.name),
                  })}
                </caption>
                <thead>
                  <tr>
                    <td />
                    {d.col.choices.map((c) => (
                      <th key={c.code} scope="col" className="text-end">
                        {local(c.label, c.code)}
                      </th>
                    ))}
                    <th scope="col" className="text-end">
                      {t('surveys.results.crosstab.total')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.row.choices.map((r) => (
                    <tr key={r.code}>
                      <th scope="row">{local(r.label, r.code)}</th>
                      {d.col.choices.map((c) => (
                        <td key={c.code} className="text-end">
                          {f.count(d.cells.find((x) => x.row === r.code && x.col === c.code)?.count ?? 0)}
                        </td>
                      ))}
                      <td className="text-end">{f.count(d.rowTotals.find((x) => x.code === r.code)?.count ?? 0)}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">{t('surveys.results.crosstab.total')}</th>
                    {d.col.choices.map((c) => (
                      <td key={c.code} className="text-end">
                        {f.count(d.colTotals.find((x) => x.code === c.code)?.count ?? 0)}
                      </td>
                    ))}
                    <td className="text-end">{f.count(d.base)}</td>
                  </tr>
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** `/indagini/rilevazioni/:waveId/risultati`: a wave's results per question, filtered, and a cross-tabulation. */
export function ResultsPage() {
  const { t } = useTranslation();
  const { waveId = '' } = useParams();
  const { get, update } = useListParams();
  const f = useFigures();
  const filters = usePageFilters();
  const questions = useResultQuestions(waveId);
  const question = get('q');
  const result = useQuestionResults(waveId, question, filters);
  const local = useLocalText();
  const picked = questions.data?.items.find((q) => q.name === question);
  const mapQuestion: MapQuestion | null =
    picked &&
    (picked.kind === 'choice' || picked.kind === 'multiple' || picked.kind === 'number' || picked.kind === 'range')
      ? {
          name: picked.name,
          title: local(picked.label, picked.name),
          kind: picked.kind,
          inRepeat: picked.inRepeat,
          choices: picked.choices.map((c) => ({ code: c.code, label: local(c.label, c.code) })),
        }
      : null;

  return (
    <>
      <PageHeader
        title={t('surveys.results.title')}
        lead={t('surveys.results.lead')}
        breadcrumbs={[{ label: t('surveys.results.wave'), to: `/indagini/rilevazioni/${waveId}` }]}
      />
      {questions.isPending ? (
        <Loading />
      ) : questions.isError ? (
        <QueryError error={questions.error} onRetry={() => void questions.refetch()} />
      ) : (
        <>
          {!questions.data.full && <p className="alert alert-info">{t('surveys.results.controlled')}</p>}
          <p>
            <Link to={`/indagini/rilevazioni/${waveId}/confronto`}>{t('surveys.comparison.link')}</Link>
            <Link to={`/indagini/rilevazioni/${waveId}/rapporto`}>{t('surveys.report.link')}</Link>
          </p>
          {questions.data.items.some((q) => q.name === 'ins_persone' && q.inRepeat) && (
            <p>
              <Link to={`/indagini/rilevazioni/${waveId}/insediamenti`}>{t('surveys.results.settlements.link')}</Link>
            </p>
          )}
          <form aria-label={t('surveys.results.filters')} onSubmit={(e) => e.preventDefault()}>
            <AreaFilters idPrefix="filter" filters={filters} />
            <QuestionSelect
              id="result-question"
              label={t('surveys.results.question')}
              questions={questions.data.items}
              value={question}
              onChange={(v) => update({ q: v })}
            />
          </form>
          {result.isError && <QueryError error={result.error} onRetry={() => void result.refetch()} />}
          {result.isFetching && !result.data && <Loading />}
          {result.data && question !== '' && (
            <div aria-busy={result.isFetching}>
              <p>{t('surveys.results.respondents', { formatted: f.count(result.data.respondents) })}</p>
              {result.data.questions.map((r) => (
                <QuestionResultView key={r.question.name} r={r} />
              ))}
            </div>
          )}
          {mapQuestion && (
            <Suspense fallback={<Loading />}>
              <ResultsMap
                key={mapQuestion.name}
                waveId={waveId}
                question={mapQuestion}
                filters={filters}
                full={questions.data.full}
              />
            </Suspense>
          )}
          <CrosstabSection waveId={waveId} questions={questions.data.items} filters={filters} />
          <ExportPanel waveId={waveId} full={questions.data.full} questions={questions.data.items} />
          <OpenDataPanel waveId={waveId} questions={questions.data.items} />
        </>
      )}
    </>
  );
}
