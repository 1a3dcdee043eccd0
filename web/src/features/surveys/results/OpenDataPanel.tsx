import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../lib/format';
import { useRegions } from '../../../lib/lookups';
import { Permission } from '../../../lib/permissions';
import { useProblemMessages } from '../../../lib/problemMessages';
import { hasPermission, useSession } from '../../../lib/session';
import type { ResultQuestion } from './api/results';
import {
  useReleaseDataset,
  useWaveReleases,
  useWithdrawDataset,
  type OpenDataLevel,
  type OpenDataTheme,
} from './api/opendata';

const levels: readonly OpenDataLevel[] = ['regione', 'provincia', 'comune'];
const themes: readonly OpenDataTheme[] = ['SOCI', 'GOVE'];
const RELEASABLE = new Set(['choice', 'multiple', 'number', 'range']);

/** The wave's releases, with their withdrawal. */
function Releases({ waveId }: { waveId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const releases = useWaveReleases(waveId);
  const withdraw = useWithdrawDataset(waveId);
  const { messageOf } = useProblemMessages();
  const [done, setDone] = useState<string | null>(null);
  if (releases.isPending) return <Loading />;
  if (releases.isError) return <QueryError error={releases.error} onRetry={() => void releases.refetch()} />;
  return (
    <>
      <h3 className="h5 mt-4">{t('surveys.opendata.release.list')}</h3>
      {done && (
        <Alert kind="success" live="status">
          {done}
        </Alert>
      )}
      {withdraw.isError && (
        <Alert kind="danger" live="alert">
          {messageOf(withdraw.error)}
        </Alert>
      )}
      {releases.data.items.length === 0 ? (
        <p>{t('surveys.opendata.release.none')}</p>
      ) : (
        <ul className="list-unstyled">
          {releases.data.items.map((d) => (
            <li key={d.id} className="mb-3 border-bottom pb-2">
              <strong>{d.title.it}</strong> — {d.spatial.name}, {t(`surveys.opendata.levels.${d.level}`)}
              <br />
              <span className="small">
                {d.withdrawnAt
                  ? t('surveys.opendata.release.withdrawn', { date: f.date(d.withdrawnAt) })
                  : t('surveys.opendata.release.published', { date: f.date(d.issued) })}
                {' · '}
                {t('surveys.opendata.release.suppressed', { count: d.suppressedCells, rows: d.distribution.rows })}
              </span>
              {!d.withdrawnAt && (
                <div className="mt-1">
                  <a className="me-3" href={d.distribution.downloadUrl} download>
                    CSV
                  </a>
                  <a className="me-3" href={d.metadata.jsonld}>
                    JSON-LD
                  </a>
                  <button
                    type="button"
                    className="btn btn-outline-danger btn-sm"
                    disabled={withdraw.isPending}
                    onClick={() => {
                      if (!window.confirm(t('surveys.opendata.release.withdrawConfirm', { title: d.title.it }))) return;
                      setDone(null);
                      withdraw.mutate(d.id, {
                        onSuccess: () => setDone(t('surveys.opendata.release.withdrawDone', { title: d.title.it })),
                      });
                    }}
                  >
                    {t('surveys.opendata.release.withdraw', { title: d.title.it })}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * ANCI/Cittalia's release of a wave's aggregates as open data (decision 0044): the questions by
 * their Italian label (choice, number and range questions; counts of persons not per Comune), the
 * level, the area, the title, description, keywords and theme; then the wave's releases with their
 * withdrawal. Shown only with `surveys.opendata.release`; the server checks it again.
 */
export function OpenDataPanel({ waveId, questions }: { waveId: string; questions: readonly ResultQuestion[] }) {
  const { t } = useTranslation();
  const me = useSession();
  const id = useId();
  const regions = useRegions();
  const release = useReleaseDataset(waveId);
  const { messageOf } = useProblemMessages();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [level, setLevel] = useState<OpenDataLevel>('regione');
  const [region, setRegion] = useState('');
  const [titleIt, setTitleIt] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [descriptionIt, setDescriptionIt] = useState('');
  const [descriptionEn, setDescriptionEn] = useState('');
  const [keywords, setKeywords] = useState('');
  const [theme, setTheme] = useState<OpenDataTheme>('SOCI');
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  if (!hasPermission(me, Permission.surveysOpendataRelease)) return null;

  const releasable = questions.filter((q) => RELEASABLE.has(q.kind));
  const allowed = (q: ResultQuestion) => !(q.persons && level === 'comune');
  const titleId = `${id}-title`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const picked = releasable.filter((q) => chosen.has(q.name) && allowed(q)).map((q) => q.name);
    const words = keywords
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== '');
    if (!picked.length || !titleIt.trim() || !descriptionIt.trim() || !words.length) {
      setMissing(true);
      return;
    }
    setMissing(false);
    release.mutate(
      {
        questions: picked,
        level,
        ...(region ? { region } : {}),
        titleIt,
        ...(titleEn.trim() ? { titleEn } : {}),
        descriptionIt,
        ...(descriptionEn.trim() ? { descriptionEn } : {}),
        keywords: words,
        theme,
        accrualPeriodicity: 'IRREG',
      },
      {
        onSuccess: (d) => {
          setDone(t('surveys.opendata.release.done', { title: d.title.it }));
          setChosen(new Set());
        },
      },
    );
  };

  return (
    <section aria-labelledby={titleId} className="mt-5">
      <h2 id={titleId} className="h4">
        {t('surveys.opendata.release.title')}
      </h2>
      <p>{t('surveys.opendata.release.lead')}</p>
      {missing && (
        <Alert kind="danger" live="alert">
          {t('surveys.opendata.release.required')}
        </Alert>
      )}
      {release.isError && (
        <Alert kind="danger" live="alert">
          {messageOf(release.error)}
        </Alert>
      )}
      {done && (
        <Alert kind="success" live="status">
          {done}
        </Alert>
      )}
      <form onSubmit={submit} noValidate aria-labelledby={titleId}>
        <div className="row">
          <div className="col-md-6">
            <SelectField
              id={`${id}-level`}
              label={t('surveys.opendata.release.level')}
              value={level}
              onChange={(e) => setLevel(levels.find((l) => l === e.target.value) ?? 'regione')}
              options={levels.map((l) => ({ value: l, label: t(`surveys.opendata.levels.${l}`) }))}
            />
          </div>
          <div className="col-md-6">
            <SelectField
              id={`${id}-region`}
              label={t('surveys.opendata.release.region')}
              value={region}
              onChange={(e) => setRegion(e.target.value)}
              options={[
                { value: '', label: t('surveys.opendata.release.italy') },
                ...(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name })),
              ]}
            />
          </div>
        </div>
        <fieldset className="mb-4">
          <legend className="h6">{t('surveys.opendata.release.questions')}</legend>
          {releasable.map((q) => (
            <CheckboxField
              key={q.name}
              id={`${id}-q-${q.name}`}
              label={q.label.it ?? q.name}
              checked={chosen.has(q.name) && allowed(q)}
              disabled={!allowed(q)}
              hint={q.persons && level === 'comune' ? t('surveys.opendata.release.personsNote') : undefined}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(q.name);
                else next.delete(q.name);
                setChosen(next);
              }}
            />
          ))}
        </fieldset>
        <div className="row">
          <div className="col-md-6">
            <TextField
              id={`${id}-title-it`}
              label={t('surveys.opendata.release.titleIt')}
              value={titleIt}
              maxLength={300}
              required
              onChange={(e) => setTitleIt(e.target.value)}
            />
          </div>
          <div className="col-md-6">
            <TextField
              id={`${id}-title-en`}
              label={t('surveys.opendata.release.titleEn')}
              value={titleEn}
              maxLength={300}
              lang="en"
              onChange={(e) => setTitleEn(e.target.value)}
            />
          </div>
        </div>
        <TextAreaField
          id={`${id}-description-it`}
          label={t('surveys.opendata.release.descriptionIt')}
          value={descriptionIt}
          maxLength={4000}
          required
          onChange={(e) => setDescriptionIt(e.target.value)}
        />
        <TextAreaField
          id={`${id}-description-en`}
          label={t('surveys.opendata.release.descriptionEn')}
          value={descriptionEn}
          maxLength={4000}
          lang="en"
          onChange={(e) => setDescriptionEn(e.target.value)}
        />
        <div className="row">
          <div className="col-md-6">
            <TextField
              id={`${id}-keywords`}
              label={t('surveys.opendata.release.keywords')}
              hint={t('surveys.opendata.release.keywordsHint')}
              value={keywords}
              required
              onChange={(e) => setKeywords(e.target.value)}
            />
          </div>
          <div className="col-md-6">
            <SelectField
              id={`${id}-theme`}
              label={t('surveys.opendata.release.theme')}
              value={theme}
              onChange={(e) => setTheme(themes.find((x) => x === e.target.value) ?? 'SOCI')}
              options={themes.map((x) => ({ value: x, label: t(`surveys.opendata.themes.${x}`) }))}
            />
          </div>
        </div>
        <button type="submit" className="btn btn-primary" disabled={release.isPending}>
          {release.isPending ? t('surveys.opendata.release.submitting') : t('surveys.opendata.release.submit')}
        </button>
      </form>
      <Releases waveId={waveId} />
    </section>
  );
}
