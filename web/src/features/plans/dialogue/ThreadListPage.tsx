/**
 * `/dialogo`: the Region–Comune threads in reach with their filters (status, Comune, what they are
 * about, awaiting me, overdue) and overdue badges, and the form to open a new one.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { Permission } from '../../../lib/permissions';
import { hasPermission, useSession } from '../../../lib/session';
import { useThreads, type AnchorKind, type ThreadFilters } from './api/threads';
import { ThreadTable } from './common';
import { NewThreadForm } from './NewThreadForm';

const KINDS: AnchorKind[] = ['PIANO', 'AZIONE', 'PROGETTO', 'TEMA'];

export function ThreadListPage() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<ThreadFilters>({});
  const [creating, setCreating] = useState(false);
  const list = useThreads(filters);
  // the Comuni of the threads in reach, for the filter (a Comune's staff have only their own)
  const all = useThreads({});
  const comuni = [...new Map((all.data?.items ?? []).map((i) => [i.comuneIstat, i.comuneName])).entries()].sort(
    (a, b) => a[1].localeCompare(b[1], 'it'),
  );
  const set = (patch: Partial<ThreadFilters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <>
      <PageHeader title={t('plans.dialogue.list.title')} lead={t('plans.dialogue.list.lead')}>
        {hasPermission(me, Permission.plansDialogueWrite) && !creating && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            {t('plans.dialogue.list.new')}
          </button>
        )}
      </PageHeader>
      {creating && (
        <NewThreadForm onOpened={(id) => void navigate(`/dialogo/${id}`)} onCancel={() => setCreating(false)} />
      )}
      <fieldset className="mb-3">
        <legend className="h5">{t('plans.dialogue.filters.legend')}</legend>
        <div className="row">
          <div className="col-md-4">
            <SelectField
              id="filter-status"
              label={t('plans.dialogue.filters.status')}
              emptyOption={t('plans.dialogue.filters.anyStatus')}
              value={filters.status ?? ''}
              onChange={(e) => set({ status: (e.target.value || undefined) as ThreadFilters['status'] })}
              options={(['APERTA', 'CHIUSA'] as const).map((s) => ({
                value: s,
                label: t(`plans.dialogue.statuses.${s}`),
              }))}
            />
          </div>
          {me.scope.level !== 'comune' && (
            <div className="col-md-4">
              <SelectField
                id="filter-comune"
                label={t('plans.dialogue.filters.comune')}
                emptyOption={t('plans.dialogue.filters.anyComune')}
                value={filters.comune ?? ''}
                onChange={(e) => set({ comune: e.target.value || undefined })}
                options={comuni.map(([value, label]) => ({ value, label }))}
              />
            </div>
          )}
          <div className="col-md-4">
            <SelectField
              id="filter-anchor"
              label={t('plans.dialogue.filters.anchor')}
              emptyOption={t('plans.dialogue.filters.anyAnchor')}
              value={filters.anchor ?? ''}
              onChange={(e) => set({ anchor: (e.target.value || undefined) as AnchorKind | undefined })}
              options={KINDS.map((k) => ({ value: k, label: t(`plans.dialogue.anchorKinds.${k}`) }))}
            />
          </div>
        </div>
        <CheckboxField
          id="filter-awaiting"
          label={t('plans.dialogue.filters.awaitingMe')}
          checked={filters.awaitingMe === 'true'}
          onChange={(e) => set({ awaitingMe: e.target.checked ? 'true' : undefined })}
        />
        <CheckboxField
          id="filter-overdue"
          label={t('plans.dialogue.filters.overdue')}
          checked={filters.overdue === 'true'}
          onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}
        />
      </fieldset>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <p aria-live="polite">
            {t('plans.dialogue.list.summary', {
              count: list.data.items.length,
              overdue: list.data.overdue,
              awaiting: list.data.awaitingMe,
            })}
          </p>
          {list.data.items.length === 0 ? (
            <p>{t('plans.dialogue.list.empty')}</p>
          ) : (
            <ThreadTable items={list.data.items} caption={t('plans.dialogue.list.caption')} />
          )}
        </>
      )}
    </>
  );
}
