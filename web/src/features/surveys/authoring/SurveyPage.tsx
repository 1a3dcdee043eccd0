import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { isProblem } from '../../../api/problem';
import { fileToBase64 } from '../../../lib/files';
import { useFormat } from '../../../lib/format';
import { useProblemMessages } from '../../../lib/problemMessages';
import { hasPermission, useSession } from '../../../lib/session';
import { Permission } from '../../../lib/permissions';
import { versionXlsFormHref } from './api/export-version';
import { useSurvey } from './api/get-survey';
import { useImportVersion } from './api/import-version';
import { usePublishVersion } from './api/publish-version';
import type { Version, VersionSummary, XlsFormIssue } from './api/types';
import { IssueList } from './IssueList';
import { SurveyWaves } from '../waves/SurveyWaves';

/** The largest file whose base64 fits the API's 1,000,000 characters. */
const MAX_BYTES = 740_000;

/** A version's name: "Versione 2", or "Bozza del 6 dic 2026" */
function useVersionName() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  return (v: { versionNo: number | null; createdAt: string }) =>
    v.versionNo === null
      ? t('surveys.authoring.survey.draftOf', { date: dateTime(v.createdAt) })
      : t('surveys.authoring.survey.versionNo', { n: v.versionNo });
}

/** /indagini/:surveyId — the versions of a survey's questionnaire, the XLSForm import, publication */
export function SurveyPage() {
  const { t, i18n } = useTranslation();
  const { surveyId = '' } = useParams();
  const me = useSession();
  const survey = useSurvey(surveyId);
  const canAuthor = hasPermission(me, Permission.surveysAuthor);
  const lang = (i18n.resolvedLanguage ?? i18n.language).startsWith('en') ? 'en' : 'it';
  const crumbs = [{ label: t('surveys.authoring.list.title'), to: '/indagini' }];
  if (survey.isPending) return <Loading />;
  if (survey.isError) {
    return (
      <>
        <PageHeader title={t('surveys.authoring.list.title')} breadcrumbs={crumbs} />
        <QueryError error={survey.error} onRetry={() => void survey.refetch()} />
      </>
    );
  }
  const s = survey.data;
  const title = lang === 'en' && s.titleEn ? s.titleEn : s.titleIt;
  return (
    <>
      <PageHeader title={title} breadcrumbs={crumbs} lead={s.descriptionIt ?? undefined} />
      <p>
        <code>{s.code}</code> · {t('surveys.authoring.survey.waves', { count: s.waveCount })}
      </p>
      <VersionsTable versions={s.versions} canAuthor={canAuthor} lang={lang} />
      <SurveyWaves surveyId={s.id} />
      {canAuthor && <ImportSection surveyId={s.id} />}
    </>
  );
}

function VersionsTable({
  versions,
  canAuthor,
  lang,
}: {
  versions: readonly VersionSummary[];
  canAuthor: boolean;
  lang: 'it' | 'en';
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const name = useVersionName();
  const { messageOf } = useProblemMessages();
  const publish = usePublishVersion();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  return (
    <section aria-labelledby="versions-title" className="mb-5">
      <h2 id="versions-title" className="h4">
        {t('surveys.authoring.survey.versionsTitle')}
      </h2>
      {done && (
        <Alert kind="success" live="status">
          {done}
        </Alert>
      )}
      {publish.isError && (
        <Alert kind="danger" live="alert">
          {isProblem(publish.error, 'surveys.version.published')
            ? t('surveys.authoring.survey.alreadyPublished')
            : messageOf(publish.error)}
        </Alert>
      )}
      {versions.length === 0 ? (
        <p>{t('surveys.authoring.survey.noVersions')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table">
            <caption>{t('surveys.authoring.survey.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.authoring.survey.version')}</th>
                <th scope="col">{t('surveys.authoring.survey.status')}</th>
                <th scope="col">{t('surveys.authoring.survey.questions')}</th>
                <th scope="col">{t('surveys.authoring.survey.publishedAt')}</th>
                <th scope="col">{t('surveys.authoring.survey.changes')}</th>
                <th scope="col">{t('surveys.authoring.survey.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => {
                const vName = name(v);
                return (
                  <tr key={v.id}>
                    <th scope="row">
                      {vName}
                      {v.sourceFilename && <div className="small text-muted">{v.sourceFilename}</div>}
                    </th>
                    <td>
                      {v.status === 'published'
                        ? t('surveys.authoring.survey.published')
                        : t('surveys.authoring.survey.draft')}
                    </td>
                    <td>{v.questionCount}</td>
                    <td>{v.publishedAt ? dateTime(v.publishedAt) : '—'}</td>
                    <td>{v.changeSummary ? v.changeSummary[lang] : t('surveys.authoring.survey.firstVersion')}</td>
                    <td>
                      <div className="d-flex flex-wrap gap-2">
                        <Link
                          className="btn btn-outline-primary btn-sm"
                          to={`/indagini/versioni/${v.id}`}
                          aria-label={t('surveys.authoring.survey.previewOf', { version: vName })}
                        >
                          {t('surveys.authoring.survey.preview')}
                        </Link>
                        <a
                          className="btn btn-outline-primary btn-sm"
                          href={versionXlsFormHref(v.id)}
                          download
                          aria-label={t('surveys.authoring.survey.downloadOf', { version: vName })}
                        >
                          {t('surveys.authoring.survey.download')}
                        </a>
                        {canAuthor && v.status === 'draft' && confirming !== v.id && (
                          <button
                            type="button"
                            className="btn btn-primary btn-sm"
                            aria-label={t('surveys.authoring.survey.publishOf', { version: vName })}
                            onClick={() => {
                              setDone(null);
                              publish.reset();
                              setConfirming(v.id);
                              requestAnimationFrame(() => confirmRef.current?.focus());
                            }}
                          >
                            {t('surveys.authoring.survey.publish')}
                          </button>
                        )}
                      </div>
                      {confirming === v.id && (
                        <div className="mt-2" role="group" aria-labelledby={`confirm-${v.id}`}>
                          <p id={`confirm-${v.id}`} className="small mb-2">
                            {t('surveys.authoring.survey.confirmPublish', { version: vName })}
                          </p>
                          <button
                            ref={confirmRef}
                            type="button"
                            className="btn btn-primary btn-sm me-2"
                            disabled={publish.isPending}
                            onClick={() =>
                              publish.mutate(v.id, {
                                onSuccess: (out) => {
                                  setConfirming(null);
                                  setDone(
                                    t('surveys.authoring.survey.publishedDone', {
                                      version: vName,
                                      n: out.versionNo ?? 0,
                                    }),
                                  );
                                },
                              })
                            }
                          >
                            {t('surveys.authoring.survey.confirm')}
                          </button>
                          <button
                            type="button"
                            className="btn btn-outline-secondary btn-sm"
                            onClick={() => setConfirming(null)}
                          >
                            {t('surveys.authoring.survey.cancel')}
                          </button>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ImportSection({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const importVersion = useImportVersion(surveyId);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<Version | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const errorIssues: XlsFormIssue[] =
    isProblem(importVersion.error, 'surveys.xlsform.invalid') && Array.isArray(importVersion.error.context.issues)
      ? (importVersion.error.context.issues as unknown as XlsFormIssue[])
      : [];
  const uploadMessage = (error: unknown): string => {
    if (isProblem(error, 'upload.unreadable')) return t('surveys.authoring.import.unreadable');
    if (isProblem(error, 'upload.too_large') || isProblem(error, 'upload.too_complex'))
      return t('surveys.authoring.import.uploadTooLarge');
    if (isProblem(error, 'upload.busy')) return t('surveys.authoring.import.busy');
    return messageOf(error);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    importVersion.reset();
    if (!file) {
      setFileError(t('surveys.authoring.import.choose'));
      inputRef.current?.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileError(t('surveys.authoring.import.tooLarge'));
      inputRef.current?.focus();
      return;
    }
    setFileError(undefined);
    const contentBase64 = await fileToBase64(file);
    importVersion.mutate({ filename: file.name, contentBase64 }, { onSuccess: (v) => setResult(v) });
  };

  return (
    <section aria-labelledby="import-title" className="mb-5">
      <h2 id="import-title" className="h4">
        {t('surveys.authoring.import.title')}
      </h2>
      <p>{t('surveys.authoring.import.lead')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-group">
          <label htmlFor="xlsform-file" className="active">
            {t('surveys.authoring.import.file')}
          </label>
          <input
            ref={inputRef}
            id="xlsform-file"
            type="file"
            className={`form-control${fileError ? ' is-invalid' : ''}`}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'xlsform-file-error' : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {fileError && (
            <div id="xlsform-file-error" className="invalid-feedback d-block">
              {fileError}
            </div>
          )}
        </div>
        <button type="submit" className="btn btn-primary" disabled={importVersion.isPending}>
          {t('surveys.authoring.import.submit')}
        </button>
      </form>
      {importVersion.isError && (
        <Alert kind="danger" live="alert" className="mt-3">
          {errorIssues.length > 0 ? (
            <>
              <h3 className="h6">{t('surveys.authoring.import.errorsTitle')}</h3>
              <IssueList issues={errorIssues} />
            </>
          ) : (
            uploadMessage(importVersion.error)
          )}
        </Alert>
      )}
      {result && (
        <div className="mt-3">
          <Alert kind="success" live="status">
            {t('surveys.authoring.import.imported', { count: result.questionCount })}{' '}
            <Link to={`/indagini/versioni/${result.id}`}>{t('surveys.authoring.survey.preview')}</Link>
          </Alert>
          <h3 className="h6">{t('surveys.authoring.import.warningsTitle')}</h3>
          {result.report.warnings.length === 0 ? (
            <p>{t('surveys.authoring.import.noWarnings')}</p>
          ) : (
            <IssueList issues={result.report.warnings} />
          )}
        </div>
      )}
    </section>
  );
}
