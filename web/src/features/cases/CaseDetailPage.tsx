import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { FactsSection } from '../../components/FactsSection';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import { usePilotCase } from './api/get-case';
import { useCaseLabels, useDay } from './labels';
import { CaseStatusSection } from './CaseStatusSection';
import { HouseholdSection } from './HouseholdSection';
import { IdentityPanel } from './IdentityPanel';
import { AdmissionSection } from './AdmissionSection';
import { AddMemberForm } from './AddMemberForm';
import { PermitsSection } from './PermitsSection';
import { OutcomesSection } from './OutcomesSection';
import { EventsTimeline } from './EventsTimeline';
import { ViewersSection } from './ViewersSection';

export function CaseDetailPage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const me = useSession();
  const label = useCaseLabels();
  const day = useDay();
  const record = usePilotCase(caseId);
  const crumbs = [{ label: t('cases.list.title'), to: '/casi' }];

  if (record.isPending || record.error !== null) {
    return (
      <>
        <PageHeader
          title={record.isPending ? t('common.loading') : t('cases.detail.unavailable')}
          breadcrumbs={crumbs}
        />
        <RecordStatus query={record} />
      </>
    );
  }
  const detail = record.data;
  const canWrite = hasPermission(me, Permission.pilotCasesWrite);
  const open = detail.status !== 'chiuso';
  const none = t('cases.detail.none');

  return (
    <>
      <PageHeader title={detail.pseudonym} breadcrumbs={crumbs} lead={label.caseStatus(detail.status)} />
      <FactsSection
        id="case-facts"
        title={t('cases.detail.factsTitle')}
        facts={[
          [t('cases.detail.status'), label.caseStatus(detail.status)],
          [t('cases.detail.comune'), detail.comuneName],
          [t('cases.detail.owner'), detail.owner.displayName],
          [t('cases.detail.openedOn'), day(detail.openedOn)],
          [t('cases.detail.admittedOn'), detail.admittedOn === null ? none : day(detail.admittedOn)],
          [t('cases.detail.closedOn'), detail.closedOn === null ? none : day(detail.closedOn)],
          [
            t('cases.detail.exitReason'),
            detail.exitReason === null ? none : t(`cases.exitReason.${detail.exitReason}`),
          ],
          [t('cases.detail.inSai'), detail.inSai ? t('cases.common.yes') : t('cases.common.no')],
        ]}
      />
      {canWrite && <CaseStatusSection detail={detail} />}
      <HouseholdSection detail={detail} canWrite={canWrite} />
      {detail.canDecide && <AdmissionSection detail={detail} />}
      <IdentityPanel detail={detail} />
      <PermitsSection detail={detail} canWrite={canWrite} />
      <OutcomesSection detail={detail} canWrite={canWrite} />
      {canWrite && open && <AddMemberForm detail={detail} />}
      <EventsTimeline detail={detail} />
      {detail.canDecide && <ViewersSection detail={detail} />}
    </>
  );
}
