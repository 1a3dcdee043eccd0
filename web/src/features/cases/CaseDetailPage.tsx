import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { FactsSection } from '../../components/FactsSection';
import { OnDemand } from '../../components/OnDemand';
import { DisabledAction } from '../../components/DisabledAction';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import type { CaseDetail } from './api/types';
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
import { CaseManagerSection } from './CaseManagerSection';
import { PaiOverview } from './PaiOverview';
import { DocumentsSection } from './DocumentsSection';
import { NotesSection } from './NotesSection';
import { PermitBadge } from './PermitBadge';

/** The sections of the case page, one at a time; the one shown is in the URL (?sezione=…). */
const SECTIONS = ['persona', 'permesso', 'ammissione', 'esiti', 'documenti', 'cronologia', 'consultazioni'] as const;
type Section = (typeof SECTIONS)[number];

/** Whether the referente has a decision to take: someone to admit, or an admission to revoke (as AdmissionSection lists them). */
function decidable(detail: CaseDetail): boolean {
  return detail.members.some(
    (m) => m.admission?.status === 'ammesso' || (m.eligibility.eligible && m.admission?.status !== 'revocato'),
  );
}

/** The nearest permit expiry still ahead among the case's persons, with whose permit it is. */
function nextDeadline(detail: CaseDetail): { on: string; pseudonym: string } | null {
  const ahead = detail.members.flatMap((m) =>
    m.permits
      .filter((p) => p.expiresOn !== null && p.daysToExpiry !== null && p.daysToExpiry >= 0)
      .filter((p) => p.status !== 'revocato' && p.status !== 'convertito')
      .map((p) => ({ on: p.expiresOn!, pseudonym: m.pseudonym })),
  );
  return ahead.sort((a, b) => a.on.localeCompare(b.on))[0] ?? null;
}

function CaseSummary({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const label = useCaseLabels();
  const day = useDay();
  const none = t('cases.detail.none');
  const holder = detail.members.find((m) => m.role === 'titolare') ?? detail.members[0];
  const permit = holder?.permits.at(-1) ?? null;
  const deadline = nextDeadline(detail);
  return (
    <FactsSection
      id="case-facts"
      title={t('cases.casePage.summaryTitle')}
      facts={[
        [t('cases.detail.status'), label.caseStatus(detail.status)],
        [
          t('cases.casePage.permit'),
          <PermitBadge key="permit" status={permit?.status ?? null} expiresOn={permit?.expiresOn ?? null} />,
        ],
        [t('cases.detail.owner'), detail.owner.displayName],
        [
          t('cases.casePage.nextDeadline'),
          deadline === null
            ? t('cases.casePage.noDeadline')
            : t('cases.casePage.permitExpiry', { date: day(deadline.on), pseudonym: deadline.pseudonym }),
        ],
        [t('cases.detail.comune'), detail.comuneName],
        [t('cases.detail.openedOn'), day(detail.openedOn)],
        [t('cases.detail.admittedOn'), detail.admittedOn === null ? none : day(detail.admittedOn)],
        [
          t('cases.detail.closedOn'),
          detail.closedOn === null
            ? none
            : `${day(detail.closedOn)}${detail.exitReason === null ? '' : ` – ${t(`cases.exitReason.${detail.exitReason}`)}`}`,
        ],
        [t('cases.detail.inSai'), detail.inSai ? t('cases.common.yes') : t('cases.common.no')],
      ]}
    />
  );
}

function SectionTabs({ sections, current }: { sections: readonly Section[]; current: Section }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('cases.casePage.sectionsLabel')} className="incas-case-tabs mb-4">
      <ul className="nav nav-tabs">
        {sections.map((s) => (
          <li className="nav-item" key={s}>
            <Link
              to={{ search: `?sezione=${s}` }}
              className={`nav-link${s === current ? ' active' : ''}`}
              aria-current={s === current ? 'page' : undefined}
            >
              {t(`cases.casePage.sections.${s}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The case page: a summary of the case (status, permit, case manager, next deadline) and its
 * sections as tabs kept in the URL, so links, reloads and the back button land on the same one.
 * Forms open on demand and close after success; confirmations float in one live region.
 */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const [params] = useSearchParams();
  const me = useSession();
  const label = useCaseLabels();
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
  const canAttach = hasPermission(me, Permission.pilotRecordsWrite);
  const open = detail.status !== 'chiuso';
  const sections = SECTIONS.filter((s) => s !== 'consultazioni' || detail.canDecide);
  const asked = params.get('sezione');
  const current: Section = sections.find((s) => s === asked) ?? 'persona';

  return (
    <>
      <PageHeader title={detail.pseudonym} breadcrumbs={crumbs} lead={label.caseStatus(detail.status)}>
        <div className="d-flex flex-wrap gap-2 incas-no-print">
          <a
            className="btn btn-outline-primary"
            href={`/api/v1/pilot/cases/${encodeURIComponent(detail.id)}/summary.pdf`}
            download
          >
            {t('cases.casePage.printSummary')}
          </a>
        </div>
      </PageHeader>
      <CaseSummary detail={detail} />
      <SectionTabs sections={sections} current={current} />
      <div id="case-section">
        {current === 'persona' && (
          <>
            <CaseManagerSection detail={detail} />
            <HouseholdSection detail={detail} canWrite={canWrite} />
            <IdentityPanel detail={detail} />
            {canWrite && open && (
              <OnDemand openLabel={t('cases.casePage.addMember')} closeLabel={t('cases.casePage.closeForm')}>
                <AddMemberForm detail={detail} />
              </OnDemand>
            )}
          </>
        )}
        {current === 'permesso' && <PermitsSection detail={detail} canWrite={canWrite} />}
        {current === 'ammissione' && (
          <>
            <PaiOverview detail={detail} canWrite={canWrite} />
            {detail.canDecide &&
              open &&
              (decidable(detail) ? (
                <OnDemand openLabel={t('cases.casePage.decideAdmission')} closeLabel={t('cases.casePage.closeForm')}>
                  <AdmissionSection detail={detail} />
                </OnDemand>
              ) : (
                <p className="mb-4">
                  <DisabledAction
                    label={t('cases.casePage.decideAdmission')}
                    className="btn btn-outline-primary"
                    reason={t('cases.casePage.decideNone')}
                  />
                </p>
              ))}
            {canWrite && detail.allowedTransitions.length > 0 && (
              <OnDemand openLabel={t('cases.casePage.changeStatus')} closeLabel={t('cases.casePage.closeForm')}>
                <CaseStatusSection detail={detail} />
              </OnDemand>
            )}
          </>
        )}
        {current === 'esiti' && <OutcomesSection detail={detail} canWrite={canWrite} />}
        {current === 'documenti' && (
          <>
            <DocumentsSection detail={detail} canWrite={canAttach} />
            <NotesSection detail={detail} canWrite={canAttach} />
          </>
        )}
        {current === 'cronologia' && <EventsTimeline detail={detail} />}
        {current === 'consultazioni' && <ViewersSection detail={detail} />}
      </div>
    </>
  );
}
