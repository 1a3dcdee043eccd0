import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { isProblem } from '../../../api/problem';
import { useProblemMessages } from '../../../lib/problemMessages';
import { hasPermission, useSession } from '../../../lib/session';
import { Permission } from '../../../lib/permissions';
import { useCreateSurvey } from './api/create-survey';
import { useSurveys } from './api/list-surveys';

const CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** /indagini: the national surveys, and a new one for ANCI/Cittalia */
export function SurveysPage() {
  const { t } = useTranslation();
  const me = useSession();
  const surveys = useSurveys();
  const canAuthor = hasPermission(me, Permission.surveysAuthor);
  return (
    <>
      <PageHeader title={t('surveys.authoring.list.title')} lead={t('surveys.authoring.list.lead')} />
      {surveys.isPending ? (
        <Loading />
      ) : surveys.isError ? (
        <QueryError error={surveys.error} onRetry={() => void surveys.refetch()} />
      ) : surveys.data.items.length === 0 ? (
        <p>{t('surveys.authoring.list.none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table">
            <caption>{t('surveys.authoring.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.authoring.list.titleCol')}</th>
                <th scope="col">{t('surveys.authoring.list.code')}</th>
                <th scope="col">{t('surveys.authoring.list.versions')}</th>
                <th scope="col">{t('surveys.authoring.list.published')}</th>
                <th scope="col">{t('surveys.authoring.list.waves')}</th>
              </tr>
            </thead>
            <tbody>
              {surveys.data.items.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/indagini/${s.id}`}>{s.titleIt}</Link>
                  </th>
                  <td>
                    <code>{s.code}</code>
                  </td>
                  <td>{s.versionCount}</td>
                  <td>
                    {s.latestPublishedNo === null
                      ? t('surveys.authoring.list.notPublished')
                      : t('surveys.authoring.list.versionNo', { n: s.latestPublishedNo })}
                  </td>
                  <td>{s.waveCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canAuthor && <CreateSurveyForm />}
    </>
  );
}

function CreateSurveyForm() {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const create = useCreateSurvey();
  const [code, setCode] = useState('');
  const [titleIt, setTitleIt] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [descriptionIt, setDescriptionIt] = useState('');
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const codeError =
    checked && !CODE.test(code)
      ? t('surveys.authoring.create.codeInvalid')
      : isProblem(create.error, 'surveys.survey.code_taken')
        ? t('surveys.authoring.create.codeTaken')
        : undefined;
  const titleError = checked && titleIt.trim() === '' ? t('surveys.authoring.create.required') : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setDone(null);
    if (!CODE.test(code) || titleIt.trim() === '') {
      document.getElementById(!CODE.test(code) ? 'survey-code' : 'survey-title-it')?.focus();
      return;
    }
    create.mutate(
      {
        code,
        titleIt: titleIt.trim(),
        ...(titleEn.trim() ? { titleEn: titleEn.trim() } : {}),
        ...(descriptionIt.trim() ? { descriptionIt: descriptionIt.trim() } : {}),
      },
      {
        onSuccess: (s) => {
          setDone(s.titleIt);
          setCode('');
          setTitleIt('');
          setTitleEn('');
          setDescriptionIt('');
          setChecked(false);
        },
      },
    );
  };

  return (
    <section aria-labelledby="survey-create-title" className="mt-5">
      <h2 id="survey-create-title" className="h4">
        {t('surveys.authoring.create.title')}
      </h2>
      {done && (
        <Alert kind="success" live="status">
          {t('surveys.authoring.create.created', { title: done })}
        </Alert>
      )}
      {create.isError && !isProblem(create.error, 'surveys.survey.code_taken') && (
        <Alert kind="danger" live="alert">
          {messageOf(create.error)}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <TextField
          id="survey-code"
          label={t('surveys.authoring.create.code')}
          hint={t('surveys.authoring.create.codeHint')}
          error={codeError}
          value={code}
          required
          autoComplete="off"
          onChange={(e) => setCode(e.target.value)}
        />
        <TextField
          id="survey-title-it"
          label={t('surveys.authoring.create.titleIt')}
          error={titleError}
          value={titleIt}
          required
          maxLength={300}
          onChange={(e) => setTitleIt(e.target.value)}
        />
        <TextField
          id="survey-title-en"
          label={t('surveys.authoring.create.titleEn')}
          value={titleEn}
          maxLength={300}
          onChange={(e) => setTitleEn(e.target.value)}
        />
        <div className="form-group">
          <label htmlFor="survey-description" className="active">
            {t('surveys.authoring.create.descriptionIt')}
          </label>
          <textarea
            id="survey-description"
            className="form-control"
            rows={3}
            maxLength={4000}
            value={descriptionIt}
            onChange={(e) => setDescriptionIt(e.target.value)}
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('surveys.authoring.create.submit')}
        </button>
      </form>
    </section>
  );
}
