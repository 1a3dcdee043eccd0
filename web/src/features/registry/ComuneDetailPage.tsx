import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../lib/labels';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { FactsSection, type Fact } from '../../components/FactsSection';
import { ToggleField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useNotify } from '../../components/Notifications';
import { useFormat } from '../../lib/format';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import { useProblemMessages } from '../../lib/problemMessages';
import type { ComuneDetail } from '../../api/models';
import { useComune } from './api/get-comune';
import { useUpdateComune } from './api/update-comune';
import { useBandLabel } from './labels';

function ComuneFacts({ comune }: { comune: ComuneDetail }) {
  const { t } = useTranslation();
  const label = useLabels();
  const { number, month } = useFormat();
  const bandLabel = useBandLabel();
  const facts: Fact[] = [
    [t('comune.istatCode'), comune.istatCode],
    [t('comune.codiceCatastale'), comune.codiceCatastale ?? t('common.notAvailable')],
    [t('comuni.province'), `${comune.provinceName} (${comune.provinceSigla})`],
    [t('comuni.region'), comune.regionName],
    [t('comune.macroArea'), label.macroArea(comune.macroArea)],
    [
      t('comune.population'),
      t('comune.populationAt', { population: number(comune.population), month: month(comune.populationMonth) }),
    ],
    [t('comuni.band'), bandLabel(comune.band)],
    [t('comuni.saiNetwork'), comune.saiNetwork ? t('common.yes') : t('common.no')],
    [t('comuni.pilot18ter'), comune.pilot18ter ? t('common.yes') : t('common.no')],
  ];
  if (comune.nameAlt !== null) facts.splice(1, 0, [t('comune.nameAlt'), comune.nameAlt]);
  return <FactsSection id="facts-title" title={t('comune.factsTitle')} facts={facts} />;
}

function ComuneOrganisations({ comune }: { comune: ComuneDetail }) {
  const { t } = useTranslation();
  const label = useLabels();
  const me = useSession();
  const canOpen =
    hasPermission(me, Permission.organisationsRead) || hasPermission(me, Permission.organisationsManage);
  return (
    <section aria-labelledby="orgs-title" className="mb-5">
      <h2 id="orgs-title">{t('comune.organisationsTitle')}</h2>
      {comune.organisations.length === 0 ? (
        <p>{t('comune.noOrganisations')}</p>
      ) : (
        <ul className="list-group list-group-flush">
          {comune.organisations.map((org) => (
            <li className="list-group-item px-0" key={org.id}>
              {canOpen ? <Link to={`/organizzazioni/${org.id}`}>{org.name}</Link> : org.name}{' '}
              <span className="text-muted">— {label.organisationType(org.type)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Registry managers set the two programme flags; everyone else only reads them above. */
function ComuneFlagsForm({ comune }: { comune: ComuneDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { formProblemsOf } = useProblemMessages();
  const update = useUpdateComune(comune.istatCode);
  const [saiNetwork, setSaiNetwork] = useState(comune.saiNetwork);
  const [pilot18ter, setPilot18ter] = useState(comune.pilot18ter);
  const [attempt, setAttempt] = useState(0);
  const problems = update.error !== null ? formProblemsOf(update.error, ['saiNetwork', 'pilot18ter']) : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    update.mutate(
      { saiNetwork, pilot18ter },
      { onSuccess: () => notify(t('comune.flagsSaved', { name: comune.name })) },
    );
  };

  return (
    <section aria-labelledby="flags-title" className="mb-5">
      <h2 id="flags-title">{t('comune.flagsTitle')}</h2>
      <FormErrorSummary
        fieldErrors={problems?.fields ?? {}}
        labels={{ saiNetwork: t('comuni.saiNetwork'), pilot18ter: t('comuni.pilot18ter') }}
        general={problems?.general ?? null}
        attempt={attempt}
      />
      <form noValidate onSubmit={onSubmit} className="incas-form">
        <ToggleField
          id="saiNetwork"
          label={t('comune.saiNetworkToggle')}
          checked={saiNetwork}
          onChange={(e) => setSaiNetwork(e.target.checked)}
          error={problems?.fields.saiNetwork}
        />
        <ToggleField
          id="pilot18ter"
          label={t('comune.pilot18terToggle')}
          checked={pilot18ter}
          onChange={(e) => setPilot18ter(e.target.checked)}
          error={problems?.fields.pilot18ter}
        />
        <button type="submit" className="btn btn-primary mt-3" disabled={update.isPending}>
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}

export function ComuneDetailPage() {
  const { t } = useTranslation();
  const { istatCode = '' } = useParams();
  const me = useSession();
  const record = useComune(istatCode);
  const crumbs = [{ label: t('comuni.title'), to: '/comuni' }];

  if (record.isPending || record.error !== null) {
    return (
      <>
        <PageHeader title={record.isPending ? t('common.loading') : t('comune.unavailable')} breadcrumbs={crumbs} />
        <RecordStatus query={record} />
      </>
    );
  }
  const comune = record.data;
  return (
    <>
      <PageHeader
        title={comune.name}
        breadcrumbs={crumbs}
        lead={t('comune.lead', { province: comune.provinceName, region: comune.regionName })}
      />
      <ComuneFacts comune={comune} />
      <ComuneOrganisations comune={comune} />
      {hasPermission(me, Permission.registryManage) && (
        // Keyed so the form restarts from the saved values after each save.
        <ComuneFlagsForm key={`${comune.saiNetwork}-${comune.pilot18ter}`} comune={comune} />
      )}
    </>
  );
}
