import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../lib/format';
import type { Answers, FormLanguage } from '../../../lib/form-engine';
import { Questionnaire } from '../questionnaire';
import { useVersion } from './api/get-version';
import { IssueList } from './IssueList';

/** Today as YYYY-MM-DD in Italy (the surveys' time zone), for the engine's today() */
function italianToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
}

/**
 * /indagini/versioni/:versionId — the questionnaire exactly as a Comune sees it (the same
 * <Questionnaire>), with answers kept only on this page; the form's language can be switched;
 * then what changed from the previous published version and the import's warnings.
 */
export function VersionPreviewPage() {
  const { t, i18n } = useTranslation();
  const { versionId = '' } = useParams();
  const version = useVersion(versionId);
  const { dateTime } = useFormat();
  const uiLang: FormLanguage = (i18n.resolvedLanguage ?? i18n.language).startsWith('en') ? 'en' : 'it';
  const [language, setLanguage] = useState<FormLanguage>(uiLang);
  const [answers, setAnswers] = useState<Answers>({});
  const [asText, setAsText] = useState(false);
  const [today] = useState(italianToday);
  const onChange = useCallback((name: string, value: unknown) => setAnswers((a) => ({ ...a, [name]: value })), []);

  if (version.isPending) return <Loading />;
  if (version.isError) {
    return (
      <>
        <PageHeader
          title={t('surveys.authoring.preview.title')}
          breadcrumbs={[{ label: t('surveys.authoring.list.title'), to: '/indagini' }]}
        />
        <QueryError error={version.error} onRetry={() => void version.refetch()} />
      </>
    );
  }
  const v = version.data;
  const name =
    v.versionNo === null
      ? t('surveys.authoring.survey.draftOf', { date: dateTime(v.createdAt) })
      : t('surveys.authoring.survey.versionNo', { n: v.versionNo });
  const formTitle = v.form.title[language] ?? v.form.title.it ?? v.form.title.en ?? v.surveyTitleIt;
  return (
    <>
      <PageHeader
        title={`${t('surveys.authoring.preview.title')}: ${name}`}
        breadcrumbs={[
          { label: t('surveys.authoring.list.title'), to: '/indagini' },
          { label: v.surveyTitleIt, to: `/indagini/${v.surveyId}` },
        ]}
        lead={t('surveys.authoring.preview.lead')}
      />
      <fieldset className="mb-4">
        <legend className="fs-6 fw-semibold">{t('surveys.authoring.preview.language')}</legend>
        {(['it', 'en'] as const).map((l) => (
          <div className="form-check form-check-inline" key={l}>
            <input
              type="radio"
              id={`preview-lang-${l}`}
              name="preview-lang"
              checked={language === l}
              onChange={() => setLanguage(l)}
            />
            <label htmlFor={`preview-lang-${l}`}>{t(`surveys.authoring.preview.${l}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="form-check mb-4">
        <input id="preview-as-text" type="checkbox" checked={asText} onChange={(e) => setAsText(e.target.checked)} />
        <label htmlFor="preview-as-text">{t('surveys.authoring.preview.asText')}</label>
      </div>
      <div className="card-wrapper mb-5">
        <div className="card shadow-sm p-4">
          <p className="h3" lang={language}>
            {formTitle}
          </p>
          <Questionnaire
            form={v.form}
            answers={answers}
            onChange={onChange}
            language={language}
            readOnly={asText}
            today={today}
          />
          <div>
            <button type="button" className="btn btn-outline-secondary btn-sm mt-3" onClick={() => setAnswers({})}>
              {t('surveys.authoring.preview.reset')}
            </button>
          </div>
        </div>
      </div>
      <section aria-labelledby="changes-title" className="mb-4">
        <h2 id="changes-title" className="h4">
          {v.changes.previousVersionNo === null
            ? t('surveys.authoring.survey.changes')
            : t('surveys.authoring.preview.changesTitle', { n: v.changes.previousVersionNo })}
        </h2>
        {v.changes.previousVersionNo === null ? (
          <p>{t('surveys.authoring.preview.noPrevious')}</p>
        ) : v.changes.items.length === 0 ? (
          <p>{t('surveys.authoring.preview.noChanges')}</p>
        ) : (
          <>
            {v.changes.summary && <p>{v.changes.summary[uiLang]}</p>}
            <ul>
              {v.changes.items.map((c, i) => (
                <li key={`${c.kind}-${i}`}>{c[uiLang]}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      {v.report.warnings.length > 0 && (
        <section aria-labelledby="warnings-title" className="mb-4">
          <h2 id="warnings-title" className="h4">
            {t('surveys.authoring.preview.warningsTitle')}
          </h2>
          <IssueList issues={v.report.warnings} />
        </section>
      )}
    </>
  );
}
