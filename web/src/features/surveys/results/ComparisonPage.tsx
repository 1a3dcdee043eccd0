import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { SearchPicker, type PickerOption } from '../../../components/SearchPicker';
import { useFormat } from '../../../lib/format';
import { useListParams } from '../../../lib/listParams';
import { useComuneChoices } from '../../../lib/lookups';
import { Permission } from '../../../lib/permissions';
import { useProblemMessages } from '../../../lib/problemMessages';
import { hasPermission, useSession } from '../../../lib/session';
import {
  useComparableWaves,
  useComparison,
  useSaveMappings,
  useWaveMappings,
  type Comparison,
  type ComparisonWarning,
  type WaveMapping,
} from './api/comparison';
import { useResultQuestions, type QuestionResult, type ResultQuestion } from './api/results';
import { AreaFilters, QuestionSelect, useFigures, useLocalText, usePageFilters, type Figure } from './common';

type Side = QuestionResult | null;

/** A signed difference: "+3,5" (points or units), "—" when either side is missing or not a number. */
function useChange() {
  const format = useFormat();
  return useMemo(() => {
    const n = new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    return (a: Figure | undefined, b: Figure | undefined, scale = 1) =>
      typeof a === 'number' && typeof b === 'number' ? n.format((b - a) * scale) : '—';
  }, [format.locale]);
}

/** The two waves side by side for one population (all respondents, the panel, or one Comune). */
function ComparisonTable({
  data,
  earlier,
  later,
  caption,
}: {
  data: Comparison;
  earlier: Side;
  later: Side;
  caption: string;
}) {
  const { t } = useTranslation();
  const local = useLocalText();
  const f = useFigures();
  const change = useChange();
  const hidden = (s: Side) => !s || s.suppressed;
  const anyChoices = earlier?.choices ?? later?.choices;
  const head = (
    <thead>
      <tr>
        <td />
        <th scope="colgroup" colSpan={anyChoices ? 2 : 1} className="text-end">
          {data.earlier.title}
        </th>
        <th scope="colgroup" colSpan={anyChoices ? 2 : 1} className="text-end">
          {data.later.title}
        </th>
        <th scope="col" rowSpan={anyChoices ? 2 : 1} className="text-end">
          {anyChoices ? t('surveys.comparison.changePoints') : t('surveys.comparison.change')}
        </th>
      </tr>
      {anyChoices && (
        <tr>
          <td />
          {[0, 1].map((i) => (
            <FragmentHeaders key={i} />
          ))}
        </tr>
      )}
    </thead>
  );
  const baseRow = (
    <tr>
      <th scope="row">{t('surveys.comparison.base')}</th>
      <td className="text-end" colSpan={anyChoices ? 2 : 1}>
        {earlier ? f.count(earlier.base) : '—'}
      </td>
      <td className="text-end" colSpan={anyChoices ? 2 : 1}>
        {later ? f.count(later.base) : '—'}
      </td>
      <td className="text-end">{earlier && later ? change(earlier.base, later.base) : '—'}</td>
    </tr>
  );
  let rows: ReactNode[] = [];
  if (anyChoices) {
    const codes = [...(later?.choices ?? []), ...(earlier?.choices ?? [])].filter(
      (c, i, all) => all.findIndex((x) => x.code === c.code) === i,
    );
    rows = codes.map((c) => {
      const e = hidden(earlier) ? undefined : earlier?.choices?.find((x) => x.code === c.code);
      const l = hidden(later) ? undefined : later?.choices?.find((x) => x.code === c.code);
      return (
        <tr key={c.code}>
          <th scope="row">{local(c.label, c.code)}</th>
          <td className="text-end">{e ? f.figure(e.count) : '—'}</td>
          <td className="text-end">{e ? f.percent(e.share) : '—'}</td>
          <td className="text-end">{l ? f.figure(l.count) : '—'}</td>
          <td className="text-end">{l ? f.percent(l.share) : '—'}</td>
          <td className="text-end">{change(e?.share ?? null, l?.share ?? null, 100)}</td>
        </tr>
      );
    });
  } else {
    const stats: [string, (s: QuestionResult) => Figure | undefined][] = [];
    if (earlier?.number || later?.number)
      for (const k of ['n', 'sum', 'mean', 'median', 'min', 'max'] as const)
        stats.push([t(`surveys.results.number.${k}`), (s) => s.number?.[k]]);
    if (earlier?.range || later?.range)
      for (const k of ['n', 'sumMin', 'sumMax'] as const)
        stats.push([t(`surveys.results.range.${k}`), (s) => s.range?.[k]]);
    rows = stats.map(([label, pick]) => {
      const e = earlier && !hidden(earlier) ? pick(earlier) : undefined;
      const l = later && !hidden(later) ? pick(later) : undefined;
      return (
        <tr key={label}>
          <th scope="row">{label}</th>
          <td className="text-end">{f.figure(e)}</td>
          <td className="text-end">{f.figure(l)}</td>
          <td className="text-end">{change(e, l)}</td>
        </tr>
      );
    });
  }
  return (
    <>
      {(earlier?.suppressed || later?.suppressed) && (
        <p className="alert alert-info">{t('surveys.comparison.suppressed')}</p>
      )}
      <div className="table-responsive">
        <table className="table table-sm">
          <caption>{caption}</caption>
          {head}
          <tbody>
            {baseRow}
            {rows}
          </tbody>
        </table>
      </div>
    </>
  );
}

function FragmentHeaders() {
  const { t } = useTranslation();
  return (
    <>
      <th scope="col" className="text-end">
        {t('surveys.results.comuni')}
      </th>
      <th scope="col" className="text-end">
        {t('surveys.results.percent')}
      </th>
    </>
  );
}

/** The labels of the codes a warning names: questions of either wave, or choices of the two questions. */
function WarningText({
  w,
  questions,
  choices,
}: {
  w: ComparisonWarning;
  questions: ResultQuestion[];
  choices: { code: string; label: { it?: string; en?: string } }[];
}): string {
  const { t } = useTranslation();
  const local = useLocalText();
  const q = (code: string) => {
    const found = questions.find((x) => x.name === code);
    return found ? `«${local(found.label, code)}»` : `«${code}»`;
  };
  const c = (code: string) => {
    const found = choices.find((x) => x.code === code);
    return found ? `«${local(found.label, code)}»` : `«${code}»`;
  };
  const list = (xs: string[]) => [...new Set(xs)].join(', ');
  switch (w.code) {
    case 'split':
    case 'merged':
    case 'renamed':
      return t(`surveys.comparison.warnings.${w.code}` as 'surveys.comparison.warnings.split', {
        items: list(w.codes.map(q)),
      });
    case 'not_comparable':
      return t('surveys.comparison.warnings.not_comparable', { reason: w.reason ?? '' });
    case 'choices_changed':
      return t('surveys.comparison.warnings.choices_changed', { items: list(w.codes.map(c)) });
    case 'recoded':
      return t('surveys.comparison.warnings.recoded', {
        items: list(
          w.codes.map((pair) => {
            const [a = '', b = ''] = pair.split('→');
            return `${c(a)} → ${c(b)}`;
          }),
        ),
      });
    default:
      return t(`surveys.comparison.warnings.${w.code}` as 'surveys.comparison.warnings.labels_changed');
  }
}

/** ANCI/Cittalia: recode a choice of the question, or mark it not comparable; the pair's mapping is replaced. */
function MappingEditor({ waveId, other, data }: { waveId: string; other: string; data: Comparison }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const { messageOf } = useProblemMessages();
  const mappings = useWaveMappings(waveId, other);
  const save = useSaveMappings(waveId, other);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState('');
  const e = data.questions.earlier;
  const l = data.questions.later;
  if (mappings.isPending) return <Loading />;
  if (mappings.isError) return <QueryError error={mappings.error} onRetry={() => void mappings.refetch()} />;
  if (!mappings.data.canManage) return null;
  const items = mappings.data.items;
  const names = (m: WaveMapping) => [m.earlier, m.later].flat().filter((x): x is string => x !== null);
  const touches = (m: WaveMapping) => names(m).some((n) => n === e?.name || n === l?.name);
  const submit = (next: WaveMapping[], message: string) => {
    setSaved('');
    save.mutate(next, { onSuccess: () => setSaved(message) });
  };
  const recode = (ev: FormEvent) => {
    ev.preventDefault();
    if (!e || !l || !from || !to) return;
    const current = items.find((m) => m.kind === 'match' && m.earlier === e.name && m.later === l.name);
    const recodes = [
      ...(current?.kind === 'match' ? current.recodes.filter((r) => r.from !== from) : []),
      { from, to },
    ];
    submit(
      [...items.filter((m) => !touches(m)), { kind: 'match', earlier: e.name, later: l.name, recodes }],
      t('surveys.comparison.mapping.savedRecode'),
    );
  };
  const notComparable = (ev: FormEvent) => {
    ev.preventDefault();
    if (!reason.trim()) return;
    submit(
      [
        ...items.filter((m) => !touches(m)),
        { kind: 'not_comparable', earlier: e?.name ?? null, later: l?.name ?? null, reason: reason.trim() },
      ],
      t('surveys.comparison.mapping.savedNotComparable'),
    );
  };
  const mine = items.filter(touches);
  return (
    <section aria-labelledby="mapping-title" className="mt-5">
      <h2 id="mapping-title" className="h4">
        {t('surveys.comparison.mapping.title')}
      </h2>
      <p>{t('surveys.comparison.mapping.lead')}</p>
      {save.isError && (
        <Alert kind="danger" live="alert">
          <p className="mb-0">{messageOf(save.error)}</p>
        </Alert>
      )}
      {saved && (
        <Alert kind="success" live="status">
          <p className="mb-0">{saved}</p>
        </Alert>
      )}
      {mine.length > 0 && (
        <>
          <h3 className="h6">{t('surveys.comparison.mapping.current')}</h3>
          <ul>
            {mine.map((m, i) => (
              <li key={i}>
                {t(`surveys.comparison.mapping.kinds.${m.kind}`)}
                {m.kind === 'not_comparable' && `: ${m.reason}`}
                {m.kind === 'match' && m.recodes.length > 0 && `: ${m.recodes.length}`}{' '}
                <button
                  type="button"
                  className="btn btn-link btn-sm p-0 align-baseline"
                  onClick={() =>
                    submit(
                      items.filter((x) => x !== m),
                      t('surveys.comparison.mapping.removed'),
                    )
                  }
                >
                  {t('surveys.comparison.mapping.remove', { kind: t(`surveys.comparison.mapping.kinds.${m.kind}`) })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {e && l && e.choices.length > 0 && l.choices.length > 0 && (
        <form onSubmit={recode} aria-labelledby="recode-title" className="mb-4">
          <h3 id="recode-title" className="h6 mb-4">
            {t('surveys.comparison.mapping.recodeTitle')}
          </h3>
          <div className="row">
            <div className="col-md-6">
              <SelectField
                id="recode-from"
                label={t('surveys.comparison.mapping.from', { wave: data.earlier.title })}
                emptyOption={t('surveys.comparison.mapping.chooseChoice')}
                value={from}
                onChange={(ev) => setFrom(ev.target.value)}
                options={e.choices.map((c) => ({ value: c.code, label: local(c.label, c.code) }))}
              />
            </div>
            <div className="col-md-6">
              <SelectField
                id="recode-to"
                label={t('surveys.comparison.mapping.to', { wave: data.later.title })}
                emptyOption={t('surveys.comparison.mapping.chooseChoice')}
                value={to}
                onChange={(ev) => setTo(ev.target.value)}
                options={l.choices.map((c) => ({ value: c.code, label: local(c.label, c.code) }))}
              />
            </div>
          </div>
          <button type="submit" className="btn btn-primary" disabled={save.isPending || !from || !to}>
            {t('surveys.comparison.mapping.saveRecode')}
          </button>
        </form>
      )}
      <form onSubmit={notComparable} aria-labelledby="nc-title">
        <h3 id="nc-title" className="h6">
          {t('surveys.comparison.mapping.notComparableTitle')}
        </h3>
        <div className="form-group">
          <label htmlFor="nc-reason" className="active">
            {t('surveys.comparison.mapping.reason')}
          </label>
          <textarea
            id="nc-reason"
            className="form-control"
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={(ev) => setReason(ev.target.value)}
          />
        </div>
        <button type="submit" className="btn btn-outline-primary" disabled={save.isPending || !reason.trim()}>
          {t('surveys.comparison.mapping.saveNotComparable')}
        </button>
      </form>
    </section>
  );
}

/** `/indagini/rilevazioni/:waveId/confronto`: one question of this wave next to another wave's. */
export function ComparisonPage() {
  const { t } = useTranslation();
  const { waveId = '' } = useParams();
  const me = useSession();
  const { get, update } = useListParams();
  const local = useLocalText();
  const f = useFigures();
  const filters = usePageFilters();
  const waves = useComparableWaves(waveId);
  const questions = useResultQuestions(waveId);
  const other = get('other');
  const question = get('q');
  const panel = get('pop') === 'panel';
  const otherQuestions = useResultQuestions(other);
  const [comuneText, setComuneText] = useState('');
  const [comune, setComune] = useState<PickerOption | null>(null);
  const comuneChoices = useComuneChoices(comune === null ? comuneText : '');
  const canComune = hasPermission(me, Permission.surveysResultsFull) || me.scope.level === 'regione';
  const cmp = useComparison(waveId, other, question, comune?.value ?? '', filters);
  const d = cmp.data;
  const pickable = (questions.data?.items ?? []).filter((q) => q.kind !== 'text');
  const allQuestions = [...(questions.data?.items ?? []), ...(otherQuestions.data?.items ?? [])];
  const choices = [...(d?.questions.earlier?.choices ?? []), ...(d?.questions.later?.choices ?? [])];
  const sameSurvey = (waves.data?.items ?? []).filter((w) => w.sameSurvey);
  const otherSurveys = (waves.data?.items ?? []).filter((w) => !w.sameSurvey);
  const waveOption = (w: { id: string; title: string; opensOn: string }) => ({
    value: w.id,
    label: t('surveys.comparison.waveOption', { title: w.title, year: w.opensOn.slice(0, 4) }),
  });
  const title = d
    ? local((d.questions.later ?? d.questions.earlier)?.label ?? {}, question)
    : local(pickable.find((q) => q.name === question)?.label ?? {}, '');

  return (
    <>
      <PageHeader
        title={t('surveys.comparison.title')}
        lead={t('surveys.comparison.lead')}
        breadcrumbs={[
          { label: t('surveys.results.wave'), to: `/indagini/rilevazioni/${waveId}` },
          { label: t('surveys.results.title'), to: `/indagini/rilevazioni/${waveId}/risultati` },
        ]}
      />
      {waves.isError && <QueryError error={waves.error} onRetry={() => void waves.refetch()} />}
      {questions.isError && <QueryError error={questions.error} onRetry={() => void questions.refetch()} />}
      {waves.isPending || questions.isPending ? (
        <Loading />
      ) : (
        <>
          {!questions.data?.full && <p className="alert alert-info">{t('surveys.results.controlled')}</p>}
          <form aria-label={t('surveys.comparison.form')} onSubmit={(e) => e.preventDefault()}>
            <div className="row">
              <div className="col-md-6">
                <SelectField
                  id="compare-wave"
                  label={t('surveys.comparison.otherWave')}
                  emptyOption={t('surveys.comparison.chooseWave')}
                  value={other}
                  onChange={(e) => update({ other: e.target.value })}
                  options={[]}
                  groups={[
                    { label: t('surveys.comparison.sameSurvey'), options: sameSurvey.map(waveOption) },
                    { label: t('surveys.comparison.otherSurveys'), options: otherSurveys.map(waveOption) },
                  ].filter((g) => g.options.length > 0)}
                />
              </div>
              <div className="col-md-6">
                <QuestionSelect
                  id="compare-question"
                  label={t('surveys.results.question')}
                  questions={pickable}
                  value={question}
                  onChange={(v) => update({ q: v })}
                />
              </div>
            </div>
            <AreaFilters idPrefix="compare" filters={filters} />
            <fieldset className="mb-4">
              <legend className="h6">{t('surveys.comparison.population')}</legend>
              {(['all', 'panel'] as const).map((p) => (
                <div className="form-check form-check-inline" key={p}>
                  <input
                    className="form-check-input"
                    type="radio"
                    name="population"
                    id={`population-${p}`}
                    checked={panel === (p === 'panel')}
                    onChange={() => update({ pop: p === 'panel' ? 'panel' : '' })}
                  />
                  <label className="form-check-label" htmlFor={`population-${p}`}>
                    {t(`surveys.comparison.populations.${p}`)}
                  </label>
                </div>
              ))}
            </fieldset>
            {canComune && (
              <SearchPicker
                id="compare-comune"
                label={t('surveys.comparison.comune')}
                hint={t('surveys.comparison.comuneHint')}
                text={comuneText}
                onTextChange={setComuneText}
                options={comuneChoices.data?.items.map((c) => ({
                  value: c.istatCode,
                  label: c.name,
                  description: `${c.provinceSigla}, ${c.regionName}`,
                }))}
                loading={comuneChoices.isFetching}
                selected={comune}
                onSelect={setComune}
              />
            )}
          </form>
          {other === '' || question === '' ? (
            <p>{t('surveys.comparison.choose')}</p>
          ) : cmp.isError ? (
            <QueryError error={cmp.error} onRetry={() => void cmp.refetch()} />
          ) : !d ? (
            <Loading />
          ) : (
            <div aria-busy={cmp.isFetching}>
              {d.warnings.length > 0 && (
                <Alert kind="warning" live="status">
                  <h2 className="h6">{t('surveys.comparison.warningsTitle')}</h2>
                  <ul className="mb-0">
                    {d.warnings.map((w, i) => (
                      <li key={i}>
                        <WarningText w={w} questions={allQuestions} choices={choices} />
                      </li>
                    ))}
                  </ul>
                </Alert>
              )}
              <h2 className="h4">{title}</h2>
              <p>
                {t('surveys.comparison.respondents', {
                  earlier: f.count(d.respondents.earlier),
                  later: f.count(d.respondents.later),
                  panel: f.count(d.respondents.panel),
                })}
              </p>
              <ComparisonTable
                data={d}
                earlier={panel ? d.panel.earlier : d.all.earlier}
                later={panel ? d.panel.later : d.all.later}
                caption={t(panel ? 'surveys.comparison.captionPanel' : 'surveys.comparison.captionAll', {
                  question: title,
                })}
              />
              {d.comune && (
                <section aria-labelledby="comune-trend" className="mt-4">
                  <h3 id="comune-trend" className="h5">
                    {t('surveys.comparison.comuneTitle', { comune: d.comune.name })}
                  </h3>
                  <ComparisonTable
                    data={d}
                    earlier={d.comune.earlier}
                    later={d.comune.later}
                    caption={t('surveys.comparison.captionComune', { question: title, comune: d.comune.name })}
                  />
                </section>
              )}
              <p className="small">{t('surveys.comparison.note')}</p>
              <MappingEditor waveId={waveId} other={other} data={d} />
            </div>
          )}
          <p className="mt-4">
            <Link to={`/indagini/rilevazioni/${waveId}/risultati`}>{t('surveys.comparison.back')}</Link>
          </p>
        </>
      )}
    </>
  );
}
