import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../lib/format';
import { fileToBase64 } from '../../../lib/files';
import { useRegions } from '../../../lib/lookups';
import { Permission } from '../../../lib/permissions';
import { hasPermission, useSession } from '../../../lib/session';
import {
  fileUrl,
  useCreatePublication,
  usePublication,
  usePublishPublication,
  useUpdatePublication,
  useUploadVersion,
  useWithdrawPublication,
  type PublicationCreate,
  type PublicationDetail,
} from './api/publications';
import { publicationKinds, publicationTopics, type PublicationKind, type PublicationTopic } from './vocabulary';
import { dayIt, isoDay, usePublicationProblem } from './words';

interface FormState {
  kind: string;
  title: string;
  abstract: string;
  authors: string;
  keywords: string;
  publishedOn: string;
  language: string;
  topics: PublicationTopic[];
  licence: string;
  regionCode: string;
}

const stateOf = (p: PublicationDetail | undefined): FormState => ({
  kind: p?.kind ?? '',
  title: p?.title ?? '',
  abstract: p?.abstract ?? '',
  authors: (p?.authors ?? []).join('\n'),
  keywords: (p?.keywords ?? []).join(', '),
  publishedOn: dayIt(p?.publishedOn),
  language: p?.language ?? 'it',
  topics: p?.topics ?? [],
  licence: p?.licence ?? 'CC BY 4.0',
  regionCode: p?.regionCode ?? '',
});

const list = (text: string, sep: RegExp) => [
  ...new Map(
    text
      .split(sep)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => [s.toLowerCase(), s] as const),
  ).values(),
];

/** /pubblicazioni-gestione/nuova and /pubblicazioni-gestione/:publicationId: the organisers' page of a publication. */
export function PublicationEditPage() {
  const { publicationId = '' } = useParams();
  const pub = usePublication(publicationId);
  if (publicationId === '') return <PublicationPage />;
  if (pub.isPending) return <Loading />;
  if (pub.isError) return <QueryError error={pub.error} onRetry={() => void pub.refetch()} />;
  return <PublicationPage key={pub.data.id} pub={pub.data} />;
}

function PublicationPage({ pub }: { pub?: PublicationDetail }) {
  const { t } = useTranslation();
  const me = useSession();
  const canManage = hasPermission(me, Permission.knowledgePublicationsManage);
  return (
    <>
      <PageHeader
        title={pub ? pub.title : t('knowledge.publications.form.newTitle')}
        breadcrumbs={[{ to: '/pubblicazioni-gestione', label: t('knowledge.publications.admin.title') }]}
      />
      {pub && <StatusSection pub={pub} canManage={canManage} />}
      {pub && <VersionsSection pub={pub} canManage={canManage} />}
      {canManage && <MetadataForm pub={pub} />}
    </>
  );
}

function StatusSection({ pub, canManage }: { pub: PublicationDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const problem = usePublicationProblem();
  const publish = usePublishPublication(pub.id);
  const withdraw = useWithdrawPublication(pub.id);
  // the latest version unless one is picked (a new upload becomes the default)
  const [picked, setPicked] = useState<string | null>(null);
  const version = picked ?? String(pub.latestVersion ?? '');
  const [exception, setException] = useState('');
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const chosen = pub.versions.find((v) => String(v.number) === version);
  const needsException = chosen !== undefined && !chosen.accessible;
  const error = [publish, withdraw].find((m) => m.isError)?.error;
  const alreadyShown = pub.status === 'PUBBLICATA' && chosen?.number === pub.publishedVersion;

  const doPublish = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    setNotice(null);
    publish.mutate(
      {
        rowVersion: pub.rowVersion,
        version: chosen.number,
        ...(needsException ? { exceptionReason: exception } : {}),
      },
      { onSuccess: () => setNotice(t('knowledge.publications.publish.published', { n: chosen.number })) },
    );
  };
  const doWithdraw = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    withdraw.mutate(
      { reason, rowVersion: pub.rowVersion },
      { onSuccess: () => setNotice(t('knowledge.publications.publish.withdrawn')) },
    );
  };

  return (
    <section aria-labelledby="pubblicazione-stato" className="mb-4">
      <h2 id="pubblicazione-stato" className="h4">
        {t('knowledge.publications.form.status')}: {t(`knowledge.publications.statuses.${pub.status}`)}
      </h2>
      {notice && (
        <Alert kind="success" live="status">
          {notice}
        </Alert>
      )}
      {error !== undefined && (
        <Alert kind="danger" live="alert">
          {problem(error)}
        </Alert>
      )}
      {pub.status === 'BOZZA' && <p>{t('knowledge.publications.form.draftNote')}</p>}
      {pub.status === 'PUBBLICATA' && (
        <p>
          <Link to={`/pubblicazioni/${pub.slug}`}>{t('knowledge.publications.form.publicLink')}</Link>
        </p>
      )}
      {pub.withdrawnReason && (
        <p>{t('knowledge.publications.form.withdrawnReason', { reason: pub.withdrawnReason })}</p>
      )}
      {pub.surveyWaveId && <p>{t('knowledge.publications.form.surveyReport')}</p>}
      {canManage && pub.versions.length > 0 && (
        <form onSubmit={doPublish} noValidate className="mb-3">
          <h3 className="h5">{t('knowledge.publications.publish.title')}</h3>
          <div className="row">
            <div className="col-md-4">
              <SelectField
                id="publication-version"
                label={t('knowledge.publications.publish.version')}
                value={version}
                onChange={(e) => setPicked(e.target.value)}
                options={pub.versions.map((v) => ({ value: String(v.number), label: String(v.number) }))}
              />
            </div>
          </div>
          {needsException && (
            <>
              <Alert kind="warning">
                {t('knowledge.publications.publish.inaccessible', { n: chosen.number })}
                <ul className="mb-0">
                  {chosen.accessibilityIssues.map((i) => (
                    <li key={i}>{t(`knowledge.publications.issues.${i}`)}</li>
                  ))}
                </ul>
              </Alert>
              <TextAreaField
                id="publication-exception"
                label={t('knowledge.publications.publish.exceptionReason')}
                hint={t('knowledge.publications.publish.exceptionHint')}
                value={exception}
                onChange={(e) => setException(e.target.value)}
                minLength={20}
                maxLength={1000}
              />
            </>
          )}
          <button
            type="submit"
            className="btn btn-primary"
            disabled={publish.isPending || alreadyShown || (needsException && exception.trim().length < 20)}
          >
            {needsException
              ? t('knowledge.publications.publish.publishAnyway')
              : t('knowledge.publications.publish.publish', { n: chosen?.number ?? '' })}
          </button>
        </form>
      )}
      {canManage && pub.status === 'PUBBLICATA' && (
        <form onSubmit={doWithdraw} noValidate>
          <h3 className="h5">{t('knowledge.publications.publish.withdrawTitle')}</h3>
          <TextField
            id="publication-withdraw-reason"
            label={t('knowledge.publications.publish.withdrawReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            minLength={3}
            maxLength={1000}
          />
          <button
            type="submit"
            className="btn btn-outline-danger"
            disabled={withdraw.isPending || reason.trim().length < 3}
          >
            {t('knowledge.publications.publish.withdraw')}
          </button>
        </form>
      )}
    </section>
  );
}

function VersionsSection({ pub, canManage }: { pub: PublicationDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const problem = usePublicationProblem();
  const upload = useUploadVersion(pub.id);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [readError, setReadError] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setNotice(null);
    setReadError(false);
    let content: string;
    try {
      content = await fileToBase64(file);
    } catch {
      setReadError(true);
      return;
    }
    upload.mutate(
      { filename: file.name, content, rowVersion: pub.rowVersion, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (p) => {
          const v = p.versions[0]!;
          setNotice(
            t('knowledge.publications.versions.uploaded', {
              n: v.number,
              result: v.accessible
                ? t('knowledge.publications.admin.passed')
                : t('knowledge.publications.admin.failed'),
            }),
          );
          setNote('');
        },
      },
    );
  };

  return (
    <section aria-labelledby="pubblicazione-versioni" className="mb-4">
      <h2 id="pubblicazione-versioni" className="h4">
        {t('knowledge.publications.versions.title')}
      </h2>
      {pub.versions.length === 0 ? (
        <p>{t('knowledge.publications.versions.none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table">
            <caption>{t('knowledge.publications.versions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('knowledge.publications.versions.colVersion')}</th>
                <th scope="col">{t('knowledge.publications.versions.colUploaded')}</th>
                <th scope="col">{t('knowledge.publications.versions.colCheck')}</th>
                <th scope="col">{t('knowledge.publications.versions.colStatus')}</th>
                <th scope="col">{t('knowledge.publications.versions.colFile')}</th>
              </tr>
            </thead>
            <tbody>
              {pub.versions.map((v) => (
                <tr key={v.number}>
                  <th scope="row">{v.number}</th>
                  <td>
                    {dayIt(v.uploadedAt)}
                    {v.note && <span className="d-block small">{v.note}</span>}
                    {v.source === 'RAPPORTO_INDAGINE' && (
                      <span className="d-block small">{t('knowledge.publications.versions.generated')}</span>
                    )}
                  </td>
                  <td>
                    {v.accessible ? (
                      t('knowledge.publications.versions.passed')
                    ) : (
                      <>
                        {t('knowledge.publications.versions.failed')}
                        <ul className="mb-0">
                          {v.accessibilityIssues.map((i) => (
                            <li key={i}>{t(`knowledge.publications.issues.${i}`)}</li>
                          ))}
                        </ul>
                      </>
                    )}
                  </td>
                  <td>
                    {pub.publishedVersion === v.number && pub.status === 'PUBBLICATA'
                      ? t('knowledge.publications.versions.published')
                      : t('knowledge.publications.versions.notPublished')}
                  </td>
                  <td>
                    <a href={fileUrl(pub.id, v.number)} download>
                      {t('knowledge.publications.versions.download', { n: v.number })}
                    </a>
                    <span className="d-block small">{format.size(v.sizeBytes)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="small">{t('knowledge.publications.versions.manualCheck')}</p>
      {canManage && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <h3 className="h5">{t('knowledge.publications.versions.uploadTitle')}</h3>
          {notice && (
            <Alert kind="success" live="status">
              {notice}
            </Alert>
          )}
          {(upload.isError || readError) && (
            <Alert kind="danger" live="alert">
              {readError ? t('knowledge.publications.versions.readError') : problem(upload.error)}
            </Alert>
          )}
          <div className="mb-3">
            <label htmlFor="publication-file" className="form-label">
              {t('knowledge.publications.versions.file')}
            </label>
            <input
              id="publication-file"
              type="file"
              className="form-control"
              accept="application/pdf,.pdf"
              aria-describedby="publication-file-hint"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <small id="publication-file-hint" className="form-text d-block">
              {t('knowledge.publications.versions.fileHint')}
            </small>
          </div>
          <TextField
            id="publication-note"
            label={t('knowledge.publications.versions.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={1000}
          />
          <button type="submit" className="btn btn-outline-primary" disabled={!file || upload.isPending}>
            {t('knowledge.publications.versions.upload')}
          </button>
        </form>
      )}
    </section>
  );
}

function MetadataForm({ pub }: { pub?: PublicationDetail | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const problem = usePublicationProblem();
  const regions = useRegions();
  const create = useCreatePublication();
  const update = useUpdatePublication(pub?.id ?? '');
  const [f, setF] = useState<FormState>(() => stateOf(pub));
  const [dateError, setDateError] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const write = pub ? update : create;
  const set = (k: keyof FormState) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const toggleTopic = (x: PublicationTopic) =>
    setF({ ...f, topics: f.topics.includes(x) ? f.topics.filter((y) => y !== x) : [...f.topics, x] });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const day = isoDay(f.publishedOn);
    if (day === null) {
      setDateError(true);
      return;
    }
    setDateError(false);
    const body: PublicationCreate = {
      kind: f.kind as PublicationKind,
      title: f.title,
      abstract: f.abstract,
      authors: list(f.authors, /\n/),
      keywords: list(f.keywords, /,/),
      publishedOn: day === '' ? null : day,
      language: f.language,
      topics: f.topics,
      licence: f.licence,
      regionCode: f.regionCode === '' ? null : f.regionCode,
      surveyWaveId: pub?.surveyWaveId ?? null,
    };
    if (pub)
      update.mutate(
        { ...body, rowVersion: pub.rowVersion },
        { onSuccess: () => setNotice(t('knowledge.publications.form.saved')) },
      );
    else create.mutate(body, { onSuccess: (made) => void navigate(`/pubblicazioni-gestione/${made.id}`) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <h2 className="h4">
        {pub ? t('knowledge.publications.form.editTitle') : t('knowledge.publications.form.newTitle')}
      </h2>
      {notice && (
        <Alert kind="success" live="status">
          {notice}
        </Alert>
      )}
      {write.isError && (
        <Alert kind="danger" live="alert">
          {problem(write.error)}
        </Alert>
      )}
      {dateError && (
        <Alert kind="danger" live="alert">
          {t('knowledge.publications.form.badDate')}
        </Alert>
      )}
      <div className="row">
        <div className="col-md-4">
          <SelectField
            id="publication-kind"
            label={t('knowledge.publications.form.kind')}
            emptyOption={t('knowledge.publications.form.chooseKind')}
            value={f.kind}
            onChange={set('kind')}
            required
            options={publicationKinds.map((k) => ({ value: k, label: t(`knowledge.publications.kinds.${k}`) }))}
          />
        </div>
        <div className="col-md-8">
          <TextField
            id="publication-title"
            label={t('knowledge.publications.form.title')}
            value={f.title}
            onChange={set('title')}
            required
            minLength={3}
            maxLength={300}
          />
        </div>
      </div>
      <TextAreaField
        id="publication-abstract"
        label={t('knowledge.publications.form.abstract')}
        value={f.abstract}
        onChange={set('abstract')}
        required
        rows={5}
        maxLength={5000}
      />
      <div className="row">
        <div className="col-md-6">
          <TextAreaField
            id="publication-authors"
            label={t('knowledge.publications.form.authors')}
            hint={t('knowledge.publications.form.authorsHint')}
            value={f.authors}
            onChange={set('authors')}
            rows={3}
          />
        </div>
        <div className="col-md-6">
          <TextField
            id="publication-keywords"
            label={t('knowledge.publications.form.keywords')}
            hint={t('knowledge.publications.form.keywordsHint')}
            value={f.keywords}
            onChange={set('keywords')}
          />
        </div>
      </div>
      <div className="row">
        <div className="col-md-4">
          <TextField
            id="publication-date"
            label={t('knowledge.publications.form.publishedOn')}
            hint={t('knowledge.publications.form.dayHint')}
            value={f.publishedOn}
            onChange={set('publishedOn')}
            inputMode="numeric"
          />
        </div>
        <div className="col-md-4">
          <SelectField
            id="publication-language"
            label={t('knowledge.publications.form.language')}
            value={f.language}
            onChange={set('language')}
            options={(['it', 'en'] as const).map((l) => ({
              value: l,
              label: t(`knowledge.publications.form.languages.${l}`),
            }))}
          />
        </div>
        <div className="col-md-4">
          <TextField
            id="publication-licence"
            label={t('knowledge.publications.form.licence')}
            value={f.licence}
            onChange={set('licence')}
            maxLength={200}
          />
        </div>
      </div>
      <fieldset className="mb-3">
        <legend className="h6">{t('knowledge.publications.form.topics')}</legend>
        {publicationTopics.map((x) => (
          <CheckboxField
            key={x}
            id={`publication-topic-${x}`}
            label={t(`knowledge.publications.topics.${x}`)}
            checked={f.topics.includes(x)}
            onChange={() => toggleTopic(x)}
          />
        ))}
      </fieldset>
      <div className="row">
        <div className="col-md-6">
          <SelectField
            id="publication-region"
            label={t('knowledge.publications.form.region')}
            emptyOption={t('knowledge.publications.form.noRegion')}
            value={f.regionCode}
            onChange={set('regionCode')}
            options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
          />
        </div>
      </div>
      <button type="submit" className="btn btn-primary" disabled={write.isPending}>
        {pub ? t('knowledge.publications.form.save') : t('knowledge.publications.form.create')}
      </button>
    </form>
  );
}
