import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { Alert } from '../../../components/Alert';
import { Permission } from '../../../lib/permissions';
import { useProblemMessages } from '../../../lib/problemMessages';
import { hasPermission, useMe } from '../../../lib/session';

/**
 * "Pubblica nella biblioteca" on a wave's report (issue 14 item 3): for ANCI/Cittalia, one step
 * that prints the report (the disclosure-controlled copy) as a tagged PDF and publishes it as the
 * next version of the wave's RAPPORTO_INDAGINE publication in the knowledge module's library (its
 * words are the library's, knowledge.publications.report.*). Nothing for anyone else.
 */
export function PublishReportAction({ waveId }: { waveId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { messageOf } = useProblemMessages();
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/knowledge/publications/survey-reports', { body: { waveId } })),
    // the library's lists and pages are read again
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['knowledge', 'publications'] }),
  });
  if (!hasPermission(me.data, Permission.knowledgePublicationsManage)) return null;
  const done = publish.data;
  const version = done?.versions[0];
  return (
    <section aria-labelledby="rapporto-biblioteca" className="incas-no-print mb-4">
      <h2 id="rapporto-biblioteca" className="h5">
        {t('knowledge.publications.report.title')}
      </h2>
      <p className="small">{t('knowledge.publications.report.hint')}</p>
      {done && version && (
        <Alert kind={version.accessible ? 'success' : 'warning'} live="status">
          {version.accessible
            ? t('knowledge.publications.report.done', { n: version.number })
            : t('knowledge.publications.report.notPublished', { n: version.number })}{' '}
          <Link to={`/pubblicazioni-gestione/${done.id}`}>{t('knowledge.publications.report.open')}</Link>
        </Alert>
      )}
      {publish.isError && (
        <Alert kind="danger" live="alert">
          {messageOf(publish.error)}
        </Alert>
      )}
      <button
        type="button"
        className="btn btn-outline-primary"
        disabled={publish.isPending}
        onClick={() => publish.mutate()}
      >
        {publish.isPending ? t('knowledge.publications.report.busy') : t('knowledge.publications.report.button')}
      </button>
    </section>
  );
}
