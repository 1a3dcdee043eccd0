/** `/domande-frequenti/:slug`: a published entry of the knowledge base, for everyone. */
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { dmy } from '../requests/common';
import { usePublicAnswer } from './api/answers';

export function PublicAnswerPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const a = usePublicAnswer(slug);
  return (
    <>
      <PageHeader
        title={a.data?.question ?? t('helpdesk.answers.search.publicTitle')}
        breadcrumbs={[{ label: t('helpdesk.answers.search.publicTitle'), to: '/domande-frequenti' }]}
      />
      {a.isPending ? (
        <Loading />
      ) : a.isError ? (
        <QueryError error={a.error} />
      ) : (
        <article>
          <p className="small text-uppercase fw-semibold">
            {t(`helpdesk.common.topics.${a.data.topic}`)} ·{' '}
            {t('helpdesk.answers.entry.published', { date: dmy(a.data.publishedAt.slice(0, 10)) })}
          </p>
          <h2 className="h4">{t('helpdesk.answers.entry.answer')}</h2>
          <p style={{ whiteSpace: 'pre-wrap' }}>{a.data.answer}</p>
          {a.data.keywords.length > 0 && (
            <p className="small">
              {t('helpdesk.answers.entry.keywords')}: {a.data.keywords.join(', ')}
            </p>
          )}
        </article>
      )}
      <p className="mt-4">
        <Link to="/domande-frequenti">{t('helpdesk.answers.entry.backPublic')}</Link>
      </p>
    </>
  );
}
