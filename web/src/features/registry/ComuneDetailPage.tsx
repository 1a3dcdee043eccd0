import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useLabels } from '../../lib/labels';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { FactsSection, type Fact } from '../../components/FactsSection';
import { FormSummary, FormToggle } from '../../components/SchemaFields';
import { useNotify } from '../../components/Notifications';
import { useFormat } from '../../lib/format';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import { SchemaFormProvider, useSchemaForm } from '../../lib/schemaForm';
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
  const canOpen = hasPermission(me, Permission.organisationsRead) || hasPermission(me, Permission.organisationsManage);
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

const flagsSchema = () => z.object({ saiNetwork: z.boolean(), pilot18ter: z.boolean() });

/** Registry managers set the two programme flags; everyone else only reads them above. */
function ComuneFlagsForm({ comune }: { comune: ComuneDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const update = useUpdateComune(comune.istatCode);
  const form = useSchemaForm({
    schema: flagsSchema,
    defaultValues: { saiNetwork: comune.saiNetwork, pilot18ter: comune.pilot18ter },
  });

  const onSubmit = form.submit(async (body) => {
    await update.mutateAsync(body);
    notify(t('comune.flagsSaved', { name: comune.name }));
  });

  return (
    <section aria-labelledby="flags-title" className="mb-5">
      <h2 id="flags-title">{t('comune.flagsTitle')}</h2>
      <SchemaFormProvider form={form}>
        <FormSummary />
        <form noValidate onSubmit={onSubmit} className="incas-form">
          <FormToggle name="saiNetwork" label={t('comune.saiNetworkToggle')} summaryLabel={t('comuni.saiNetwork')} />
          <FormToggle name="pilot18ter" label={t('comune.pilot18terToggle')} summaryLabel={t('comuni.pilot18ter')} />
          <button type="submit" className="btn btn-primary mt-3" disabled={update.isPending}>
            {t('common.save')}
          </button>
        </form>
      </SchemaFormProvider>
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
