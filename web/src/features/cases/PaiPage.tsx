import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { FactsSection } from '../../components/FactsSection';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import { paiPdfUrl, usePilotPai } from './api/get-pai';
import { useCaseLabels, useDay } from './labels';
import { PaiNeedsForm, PaiNeedsView } from './PaiNeedsForm';
import { PaiMeasures } from './PaiMeasures';
import { PaiTransitions } from './PaiTransitions';
import { PaiVersions } from './PaiVersions';
import { useWorld } from '../../lib/world';
import { Term } from '../../components/Term';

export function PaiPage() {
  const { t } = useTranslation();
  const { paiId = '' } = useParams();
  const me = useSession();
  const label = useCaseLabels();
  const day = useDay();
  const world = useWorld();
  const record = usePilotPai(paiId);
  const crumbs = [{ label: t('cases.list.title'), to: '/casi' }];

  if (record.isPending || record.error !== null) {
    return (
      <>
        <PageHeader
          title={record.isPending ? t('cases.pai.loadingTitle') : t('cases.pai.unavailable')}
          breadcrumbs={crumbs}
        />
        <RecordStatus query={record} />
      </>
    );
  }
  const pai = record.data;
  const canWrite = hasPermission(me, Permission.pilotCasesWrite);
  const editable = canWrite && (pai.status === 'bozza' || pai.status === 'in_revisione');
  const none = t('cases.detail.none');

  return (
    <>
      <PageHeader
        title={t('cases.pai.title', { pseudonym: pai.pseudonym })}
        breadcrumbs={[...crumbs, { label: pai.pseudonym, to: `/casi/${pai.caseId}` }]}
        lead={
          <>
            {t('cases.pai.lead', { version: pai.version, status: label.paiStatus(pai.status) })} <Term id="pai" />
          </>
        }
      >
        <div className="d-flex flex-wrap gap-2">
          <Link to={`/casi/${pai.caseId}`} className="btn btn-outline-primary">
            {t('cases.pai.backToCase')}
          </Link>
          <a href={paiPdfUrl(pai.id, world.lang)} className="btn btn-outline-primary" target="_blank" rel="noreferrer">
            {t('cases.pai.print')}
          </a>
        </div>
      </PageHeader>
      <FactsSection
        id="pai-facts"
        title={t('cases.pai.factsTitle')}
        facts={[
          [
            t('cases.pai.status'),
            <>
              {label.paiStatus(pai.status)} <Term id="stato-pai" />
            </>,
          ],
          [
            t('cases.pai.version'),
            <>
              {pai.version} <Term id="versione-pai" />
            </>,
          ],
          [t('cases.pai.sharedOn'), pai.sharedOn === null ? none : day(pai.sharedOn)],
          [t('cases.pai.noticeLanguage'), pai.noticeLanguage === null ? none : world.language(pai.noticeLanguage)],
          [t('cases.pai.approvedOn'), pai.approvedOn === null ? none : day(pai.approvedOn)],
          [t('cases.pai.approvedBy'), pai.approvedBy ?? none],
          [
            t('cases.pai.reviewDueOn'),
            <>
              {pai.reviewDueOn === null ? none : day(pai.reviewDueOn)} <Term id="revisione-pai" />
            </>,
          ],
          [t('cases.pai.closedOn'), pai.closedOn === null ? none : day(pai.closedOn)],
        ]}
      />
      <PaiTransitions pai={pai} />
      <section aria-labelledby="pai-needs-title" className="mb-5">
        <h2 id="pai-needs-title">{t('cases.pai.needsTitle')}</h2>
        {editable ? <PaiNeedsForm key={pai.version} pai={pai} /> : <PaiNeedsView pai={pai} />}
      </section>
      <PaiMeasures pai={pai} canWrite={canWrite} />
      <PaiVersions pai={pai} />
    </>
  );
}
