/** `/piani/:planId/dialogo`: the threads on the plan and on its actions, with the plan's tabs and a new thread on the plan. */
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { Permission } from '../../../lib/permissions';
import { hasPermission, useSession } from '../../../lib/session';
import { PlanTabs } from '../shared/PlanTabs';
import { useThreads } from './api/threads';
import { ThreadTable } from './common';
import { NewThreadForm } from './NewThreadForm';

export function PlanThreadsPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useThreads({ planId });
  const plan = list.data?.plan ?? null;
  return (
    <>
      <PageHeader
        title={plan ? `${plan.title} (${plan.periodFrom}–${plan.periodTo})` : t('plans.dialogue.plan.title')}
        lead={t('plans.dialogue.plan.lead')}
      >
        {plan && hasPermission(me, Permission.plansDialogueWrite) && !creating && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            {t('plans.dialogue.plan.new')}
          </button>
        )}
      </PageHeader>
      <PlanTabs planId={planId} current="dialogo" />
      {plan && creating && (
        <NewThreadForm
          plan={plan}
          onOpened={(id) => void navigate(`/dialogo/${id}`)}
          onCancel={() => setCreating(false)}
        />
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{t('plans.dialogue.list.empty')}</p>
      ) : (
        <ThreadTable items={list.data.items} caption={t('plans.dialogue.plan.title')} />
      )}
    </>
  );
}
