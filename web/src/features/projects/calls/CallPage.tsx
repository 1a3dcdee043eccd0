import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../lib/format';
import { useProblemMessages } from '../../../lib/problemMessages';
import { hasPermission, useSession } from '../../../lib/session';
import { Permission } from '../../../lib/permissions';
import { useCreateVersion } from './api/create-version';
import { useCall } from './api/get-call';
import { usePublishVersion } from './api/publish-version';
import { useSaveVersion } from './api/save-version';
import type { CallDetail } from './api/types';
import { RulesEditor } from './RulesEditor';
import { RulesView } from './RulesView';

/**
 * /bandi/:callId: a call and the versions of its rules. Readers see the published versions; ANCI/
 * Cittalia and MLPS edit the draft, publish it, or start a new version from the one in force.
 */
export function CallPage() {
  const { callId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const call = useCall(callId);
  const title = call.data
    ? i18n.language.startsWith('en') && call.data.titleEn
      ? call.data.titleEn
      : call.data.titleIt
    : '';
  return (
    <>
      <PageHeader
        title={title || t('projects.calls.page.title')}
        breadcrumbs={[{ label: t('projects.calls.list.title'), to: '/bandi' }]}
        lead={call.data ? `${call.data.fundingSource.nameIt} · ${call.data.code}` : undefined}
      />
      {call.isPending ? (
        <Loading />
      ) : call.isError ? (
        <QueryError error={call.error} onRetry={() => void call.refetch()} />
      ) : (
        <CallVersions call={call.data} />
      )}
    </>
  );
}

function CallVersions({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const at = (iso: string | null) => (iso ? dateTime(iso) : '');
  const { messageOf } = useProblemMessages();
  const me = useSession();
  const canManage = hasPermission(me, Permission.projectsCallsManage);
  const draft = call.versions.find((v) => !v.published);
  const published = call.versions.filter((v) => v.published);
  const [shown, setShown] = useState<string>(published[0]?.id ?? '');
  const version = published.find((v) => v.id === shown) ?? published[0];
  const save = useSaveVersion(call.id);
  const publish = usePublishVersion(call.id);
  const newVersion = useCreateVersion(call.id);
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);

  return (
    <>
      <section aria-labelledby="call-rules-title" className="mb-5">
        <h2 id="call-rules-title" className="h4">
          {t('projects.calls.page.rules')}
        </h2>
        {published.length === 0 ? (
          <p>{t('projects.calls.page.noneInForce')}</p>
        ) : (
          <>
            {published.length > 1 && (
              <div className="select-wrapper mb-4" style={{ maxWidth: '24rem' }}>
                <label htmlFor="call-version">{t('projects.calls.page.version')}</label>
                <select id="call-version" value={version?.id} onChange={(e) => setShown(e.target.value)}>
                  {published.map((v) => (
                    <option key={v.id} value={v.id}>
                      {t('projects.calls.page.versionOption', {
                        n: v.versionNo,
                        at: at(v.publishedAt),
                      })}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {version && (
              <>
                <p className="small text-muted">
                  {t('projects.calls.page.versionInfo', {
                    n: version.versionNo,
                    at: at(version.publishedAt),
                    projects: version.projectCount,
                  })}
                  {version.note ? ` — ${version.note}` : ''}
                </p>
                <RulesView rules={version.rules} />
              </>
            )}
          </>
        )}
      </section>

      {canManage && (
        <section aria-labelledby="call-draft-title" className="mb-5">
          <h2 id="call-draft-title" className="h4">
            {draft
              ? t('projects.calls.page.draftTitle', { n: draft.versionNo })
              : t('projects.calls.page.newVersionTitle')}
          </h2>
          {saved && (
            <Alert kind="success" live="status">
              {t('projects.calls.page.saved')}
            </Alert>
          )}
          {publish.isError && (
            <Alert kind="danger" live="alert">
              {messageOf(publish.error)}
            </Alert>
          )}
          {newVersion.isError && (
            <Alert kind="danger" live="alert">
              {messageOf(newVersion.error)}
            </Alert>
          )}
          {draft ? (
            <>
              <p>{t('projects.calls.page.draftLead')}</p>
              <RulesEditor
                key={draft.id}
                initial={draft.rules}
                note={draft.note}
                saving={save.isPending}
                error={save.error}
                onSave={(rules, note) => {
                  setSaved(false);
                  save.mutate(
                    { versionId: draft.id, rules, ...(note ? { note } : {}) },
                    { onSuccess: () => setSaved(true) },
                  );
                }}
              />
              <div className="mt-4">
                {confirming ? (
                  <div role="group" aria-label={t('projects.calls.page.publishConfirm')}>
                    <p>{t('projects.calls.page.publishConfirm')}</p>
                    <button
                      type="button"
                      className="btn btn-primary me-2"
                      disabled={publish.isPending}
                      onClick={() => publish.mutate(draft.id, { onSuccess: () => setConfirming(false) })}
                    >
                      {t('projects.calls.page.publishYes')}
                    </button>
                    <button type="button" className="btn btn-outline-secondary" onClick={() => setConfirming(false)}>
                      {t('projects.calls.page.cancel')}
                    </button>
                  </div>
                ) : (
                  <button type="button" className="btn btn-outline-primary" onClick={() => setConfirming(true)}>
                    {t('projects.calls.page.publish', { n: draft.versionNo })}
                  </button>
                )}
              </div>
            </>
          ) : (
            <>
              <p>{t('projects.calls.page.newVersionLead')}</p>
              <button
                type="button"
                className="btn btn-outline-primary"
                disabled={!published[0] || newVersion.isPending}
                onClick={() => published[0] && newVersion.mutate({ rules: published[0].rules })}
              >
                {t('projects.calls.page.newVersion')}
              </button>
            </>
          )}
        </section>
      )}
    </>
  );
}
