import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { Alert } from '../../components/Alert';
import { ListResults } from '../../components/ListResults';
import { SelectField } from '../../components/FormField';
import { oneOf, useListParams } from '../../lib/listParams';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import type { ReferralsQuery } from './api/types';
import { usePilotReferrals } from './api/find-referrals';
import { useDay } from './labels';
import { REFERRAL_OUTCOMES } from './vocab';
import { ReferralForm } from './ReferralForm';
import { ReferralActions } from './ReferralOutcomeForm';

export function ReferralsPage() {
  const { t } = useTranslation();
  const day = useDay();
  const me = useSession();
  const { get, update, page, pageSize } = useListParams();
  const query: ReferralsQuery = { page, pageSize };
  const outcome = oneOf(get('outcome'), REFERRAL_OUTCOMES);
  if (outcome !== undefined) query.outcome = outcome;
  const referrals = usePilotReferrals(query);
  const canWrite = hasPermission(me, Permission.pilotCasesWrite);

  return (
    <>
      <PageHeader title={t('cases.referrals.title')} breadcrumbs={[{ label: t('cases.list.title'), to: '/casi' }]} />
      <Alert kind="info">
        <p className="mb-0">{t('cases.referrals.firstAssistance')}</p>
      </Alert>
      {canWrite && <ReferralForm />}
      <section aria-labelledby="referrals-list-title">
        <h2 id="referrals-list-title">{t('cases.referrals.title')}</h2>
        <div className="col-md-6 col-lg-4 pt-3">
          <SelectField
            id="ref-filter"
            label={t('cases.referrals.outcomeFilter')}
            emptyOption={t('common.all')}
            value={get('outcome')}
            onChange={(e) => update({ outcome: e.target.value })}
            options={REFERRAL_OUTCOMES.map((o) => ({ value: o, label: t(`cases.referralOutcome.${o}`) }))}
          />
        </div>
        <ListResults
          query={referrals}
          hover={false}
          count={(values) => t('cases.referrals.count', values)}
          caption={(p) => t('cases.referrals.caption', { page: p })}
          columns={
            <>
              <th scope="col">{t('cases.referrals.receivedOn')}</th>
              <th scope="col">{t('cases.referrals.source')}</th>
              <th scope="col">{t('cases.referrals.channel')}</th>
              <th scope="col">{t('cases.referrals.sector')}</th>
              <th scope="col">{t('cases.referrals.observed')}</th>
              <th scope="col">{t('cases.referrals.outcome')}</th>
              <th scope="col">{t('cases.referrals.case')}</th>
              {canWrite && <th scope="col">{t('cases.referrals.actions')}</th>}
            </>
          }
          row={(r) => (
            <tr key={r.id}>
              <th scope="row">{day(r.receivedOn)}</th>
              <td>{t(`cases.referralSource.${r.source}`)}</td>
              <td>{t(`cases.referralChannel.${r.channel}`)}</td>
              <td>{t(`cases.sector.${r.sector}`)}</td>
              <td>{r.observedCount}</td>
              <td>
                {t(`cases.referralOutcome.${r.outcome}`)}
                {r.outcomeOn !== null && <span className="d-block small">{day(r.outcomeOn)}</span>}
              </td>
              <td>{r.caseId === null ? '—' : <Link to={`/casi/${r.caseId}`}>{t('cases.referrals.openCase')}</Link>}</td>
              {canWrite && (
                <td>
                  <ReferralActions referral={r} />
                </td>
              )}
            </tr>
          )}
        />
      </section>
    </>
  );
}
