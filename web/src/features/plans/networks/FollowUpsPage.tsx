import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useProblemMessages } from '../../../lib/problemMessages';
import { useMyFollowUps, useUpdateFollowUp } from './api/networks';
import { dmy } from './types';

/** `/impegni`: the open follow-ups the user owns (a referente: also the Comune's), overdue first. */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const list = useMyFollowUps();
  const change = useUpdateFollowUp();
  return (
    <>
      <PageHeader title={t('plans.networks.mine.title')} lead={t('plans.networks.mine.lead')} />
      {change.isError && (
        <Alert kind="danger" live="alert">
          {messageOf(change.error)}
        </Alert>
      )}
      {change.isSuccess && (
        <Alert kind="success" live="status">
          {t('plans.networks.mine.done')}
        </Alert>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{t('plans.networks.mine.empty')}</p>
      ) : (
        <>
          {list.data.overdue > 0 && (
            <p className="fw-semibold">{t('plans.networks.mine.overdueCount', { count: list.data.overdue })}</p>
          )}
          <div className="table-responsive">
            <table className="table">
              <caption>{t('plans.networks.mine.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plans.networks.followUps.text')}</th>
                  <th scope="col">{t('plans.networks.mine.meeting')}</th>
                  <th scope="col">{t('plans.networks.followUps.owner')}</th>
                  <th scope="col">{t('plans.networks.followUps.action')}</th>
                  <th scope="col">{t('plans.networks.followUps.due')}</th>
                  <th scope="col">{t('plans.networks.followUps.status')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">{f.text}</th>
                    <td>
                      <Link to={`/incontri/${f.meetingId}`}>{f.meetingTitle}</Link>
                      <span className="d-block small">
                        {dmy(f.heldOn)} · {f.networkName ?? f.comuneName ?? f.regionName}
                      </span>
                    </td>
                    <td>{f.ownerUserName ?? f.ownerOrgName ?? '—'}</td>
                    <td>{f.actionLabel ?? '—'}</td>
                    <td>
                      {f.dueDate ? dmy(f.dueDate) : '—'}
                      {f.daysOverdue !== null && (
                        <span className="d-block small text-danger fw-semibold">
                          {t('plans.networks.followUps.overdue', { count: f.daysOverdue })}
                        </span>
                      )}
                    </td>
                    <td>
                      {f.canChange ? (
                        <button
                          type="button"
                          className="btn btn-outline-primary btn-sm"
                          disabled={change.isPending}
                          onClick={() => change.mutate({ followUpId: f.id, body: { status: 'FATTO' } })}
                        >
                          {t('plans.networks.followUps.markDone', { text: f.text })}
                        </button>
                      ) : (
                        t(`plans.common.followUpStatuses.${f.status}`)
                      )}
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
