import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../components/Notifications';
import { Alert } from '../../components/Alert';
import { DisabledAction } from '../../components/DisabledAction';
import type { CaseDetail, Member } from './api/types';
import { useCreatePilotPai } from './api/create-pai';
import { useCaseLabels, useDay } from './labels';
import { usePilotMessage } from './problems';
import { PermitBadge } from './PermitBadge';
import { useWorld } from '../../lib/world';

function useRelationText() {
  const { t } = useTranslation();
  return (m: Member): string => {
    if (m.role === 'titolare' || m.relation === null) return t('cases.household.holder');
    const relation = t(`cases.relation.${m.relation}`);
    if (m.kinshipKind === null) return relation;
    const kind = t(`cases.kinship.${m.kinshipKind}`);
    return m.degree === null
      ? t('cases.household.relationWithKind', { relation, kind })
      : t('cases.household.relationWithKinship', { relation, kind, degree: m.degree });
  };
}

/**
 * Link to the member's PAI, or the button that drafts one (admitted members only); before the
 * admission the button is shown disabled with the reason.
 */
export function PaiCell({ detail, member, canWrite }: { detail: CaseDetail; member: Member; canWrite: boolean }) {
  const { t } = useTranslation();
  const label = useCaseLabels();
  const navigate = useNavigate();
  const notify = useNotify();
  const message = usePilotMessage();
  const create = useCreatePilotPai(detail.id);
  if (member.pai !== null) {
    return (
      <Link to={`/pai/${member.pai.id}`}>
        {t('cases.household.openPai', { version: member.pai.version, status: label.paiStatus(member.pai.status) })}
      </Link>
    );
  }
  if (!canWrite || detail.status === 'chiuso') return <>{t('cases.list.noPai')}</>;
  if (member.admission?.status !== 'ammesso')
    return (
      <DisabledAction
        label={t('cases.household.createPai')}
        ariaLabel={t('cases.household.createPaiFor', { pseudonym: member.pseudonym })}
        reason={
          member.eligibility.eligible ? t('cases.casePage.paiAfterAdmission') : t('cases.casePage.paiNotEligible')
        }
      />
    );
  const onCreate = () =>
    create.mutate(
      {
        personId: member.personId,
        needs: { education: 'nessuno', skills: [], languages: [], workHistory: [], notes: '' },
        objectives: [t('cases.household.defaultObjective')],
      },
      {
        onSuccess: (pai) => {
          const path = `/pai/${pai.id}`;
          notify(t('cases.household.paiCreated'), { path });
          void navigate(path);
        },
      },
    );
  return (
    <>
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        onClick={onCreate}
        disabled={create.isPending}
        aria-label={t('cases.household.createPaiFor', { pseudonym: member.pseudonym })}
      >
        {t('cases.household.createPai')}
      </button>
      {create.error !== null && (
        <Alert kind="danger" live="alert" className="mt-2 mb-0">
          {message(create.error)}
        </Alert>
      )}
    </>
  );
}

/**
 * The household, pseudonyms only (with citizenships and languages in words): role, relation with
 * kinship, eligibility explained in the UI language, admission, permit, PAI.
 */
export function HouseholdSection({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const day = useDay();
  const relationText = useRelationText();
  const world = useWorld();
  return (
    <section aria-labelledby="household-title" className="mb-5">
      <h2 id="household-title">{t('cases.household.title')}</h2>
      <div className="table-responsive">
        <table className="table">
          <caption>{t('cases.household.caption', { pseudonym: detail.pseudonym })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.household.pseudonym')}</th>
              <th scope="col">{t('cases.household.role')}</th>
              <th scope="col">{t('cases.household.relation')}</th>
              <th scope="col">{t('cases.household.eligibility')}</th>
              <th scope="col">{t('cases.household.admission')}</th>
              <th scope="col">{t('cases.household.permit')}</th>
              <th scope="col">{t('cases.household.pai')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.members.map((m) => {
              const permit = m.permits.at(-1) ?? null;
              return (
                <tr key={m.personId}>
                  <th scope="row">
                    {m.pseudonym}
                    <span className="d-block small fw-normal">
                      {t('cases.household.citizenship', { names: world.countries(m.nationalities) })}
                    </span>
                    {m.languages.length > 0 && (
                      <span className="d-block small fw-normal">
                        {t('cases.household.languages', { names: world.languages(m.languages) })}
                      </span>
                    )}
                  </th>
                  <td>{t(`cases.role.${m.role}`)}</td>
                  <td>{relationText(m)}</td>
                  <td>
                    <strong>
                      {m.eligibility.eligible ? t('cases.household.eligible') : t('cases.household.notEligible')}
                    </strong>
                    <span className="d-block small">
                      {m.eligibility.explanation[world.lang]} ({m.eligibility.legalReference[world.lang]})
                    </span>
                  </td>
                  <td>
                    {m.admission === null
                      ? t('cases.household.notAdmitted')
                      : t(`cases.admission.status.${m.admission.status}`, {
                          date: day(
                            m.admission.status === 'ammesso'
                              ? m.admission.decidedOn
                              : (m.admission.endedOn ?? m.admission.decidedOn),
                          ),
                        })}
                  </td>
                  <td>
                    <PermitBadge status={permit?.status ?? null} expiresOn={permit?.expiresOn ?? null} />
                  </td>
                  <td>
                    <PaiCell detail={detail} member={m} canWrite={canWrite} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
