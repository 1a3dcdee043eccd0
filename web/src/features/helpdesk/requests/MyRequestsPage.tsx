/** `/assistenza-tecnica`: the Comune's own requests, with the way to a new one and to the knowledge base. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useRequests } from './api/requests';
import { RequestTable } from './common';

export function MyRequestsPage() {
  const { t } = useTranslation();
  const list = useRequests({});
  return (
    <>
      <PageHeader title={t('helpdesk.requests.mine.title')} lead={t('helpdesk.requests.mine.lead')} />
      <p className="d-flex flex-wrap gap-3 align-items-center">
        <Link className="btn btn-primary" to="/assistenza-tecnica/nuova">
          {t('helpdesk.requests.mine.new')}
        </Link>
        <Link to="/base-di-conoscenza">{t('helpdesk.requests.mine.kb')}</Link>
      </p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{t('helpdesk.requests.mine.empty')}</p>
      ) : (
        <RequestTable items={list.data.items} caption={t('helpdesk.requests.mine.caption')} showComune={false} />
      )}
    </>
  );
}
