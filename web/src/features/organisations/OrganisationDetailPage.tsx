import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { useLabels } from '../../lib/labels';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { FactsSection } from '../../components/FactsSection';
import { FormCheckbox, FormSummary, FormText } from '../../components/SchemaFields';
import { useNotify } from '../../components/Notifications';
import { draftName } from '../../lib/drafts';
import { useFormat } from '../../lib/format';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import { SchemaFormProvider, useSchemaForm } from '../../lib/schemaForm';
import type { OrganisationDetail, OrganisationUpdate } from '../../api/models';
import { useOrganisation } from './api/get-organisation';
import { useUpdateOrganisation } from './api/update-organisation';
import { DetailsFields, detailsSchema } from './organisationDetails';

const editSchema = (t: TFunction) =>
  z.object({
    name: z
      .string()
      .refine((v) => v.trim().length >= 2, t('fieldErrors.required'))
      .transform((v) => v.trim()),
    ...detailsSchema(t),
    active: z.boolean(),
  });

/** Name, PEC, tax code, address and active flag; only what changed is sent. */
function EditForm({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const update = useUpdateOrganisation(organisation.id);
  const defaultValues = {
    name: organisation.name,
    pec: organisation.pec ?? '',
    taxCode: organisation.taxCode ?? '',
    address: organisation.address ?? '',
    active: organisation.active,
  };
  const form = useSchemaForm({
    schema: editSchema,
    idPrefix: 'org-',
    defaultValues,
    // a draft applies only to the organisation as it was when the typing began
    draft: draftName(`organisation-edit.${organisation.id}`, defaultValues),
  });

  const onSubmit = form.submit(async (values) => {
    const body: OrganisationUpdate = {};
    if (values.name !== organisation.name) body.name = values.name;
    if (values.pec !== organisation.pec) body.pec = values.pec;
    if (values.taxCode !== organisation.taxCode) body.taxCode = values.taxCode;
    if (values.address !== organisation.address) body.address = values.address;
    if (values.active !== organisation.active) body.active = values.active;
    if (Object.keys(body).length === 0) return;
    const updated = await update.mutateAsync(body);
    notify(t('organisations.saved', { name: updated.name }));
  });

  return (
    <section aria-labelledby="rename-title" className="mb-5">
      <h2 id="rename-title">{t('organisations.editTitle')}</h2>
      <SchemaFormProvider form={form}>
        <FormSummary />
        <form noValidate onSubmit={onSubmit} className="incas-form">
          <FormText name="name" label={t('organisations.name')} required />
          <DetailsFields />
          <FormCheckbox name="active" label={t('organisations.activeLabel')} hint={t('organisations.activeHint')} />
          <button type="submit" className="btn btn-primary mt-3" disabled={update.isPending}>
            {t('common.save')}
          </button>
        </form>
      </SchemaFormProvider>
    </section>
  );
}

export function OrganisationDetailPage() {
  const { t } = useTranslation();
  const label = useLabels();
  const { id = '' } = useParams();
  const me = useSession();
  const { date } = useFormat();
  const record = useOrganisation(id);
  const crumbs = [{ label: t('organisations.title'), to: '/organizzazioni' }];
  const canManageUsers = hasPermission(me, Permission.usersManage);

  if (record.isPending || record.error !== null) {
    return (
      <>
        <PageHeader
          title={record.isPending ? t('common.loading') : t('organisations.unavailable')}
          breadcrumbs={crumbs}
        />
        <RecordStatus query={record} />
      </>
    );
  }
  const org = record.data;

  return (
    <>
      <PageHeader title={org.name} breadcrumbs={crumbs} lead={label.organisationType(org.type)}>
        {hasPermission(me, Permission.auditRead) && (
          <Link to={`/audit?organisationId=${encodeURIComponent(org.id)}`}>{t('organisations.auditLink')}</Link>
        )}
      </PageHeader>
      <FactsSection
        id="org-facts"
        title={t('organisations.factsTitle')}
        facts={[
          [t('organisations.type'), label.organisationType(org.type)],
          [
            t('organisations.comune'),
            org.comuneIstat !== null ? (
              <Link to={`/comuni/${org.comuneIstat}`}>{org.comuneName ?? org.comuneIstat}</Link>
            ) : (
              t('common.notApplicable')
            ),
          ],
          [t('comuni.region'), org.regionName ?? t('common.notApplicable')],
          [t('organisations.pec'), org.pec ?? t('organisations.notGiven')],
          [t('organisations.taxCode'), org.taxCode ?? t('organisations.notGiven')],
          [t('organisations.address'), org.address ?? t('organisations.notGiven')],
          [t('organisations.status'), org.active ? t('organisations.active') : t('organisations.inactive')],
          [t('organisations.createdAt'), date(org.createdAt)],
        ]}
      />
      {hasPermission(me, Permission.organisationsManage) && (
        <EditForm key={[org.name, org.pec, org.taxCode, org.address, org.active].join('|')} organisation={org} />
      )}
      {canManageUsers && (
        <section aria-labelledby="org-users" className="mb-5">
          <h2 id="org-users">{t('organisations.usersTitle')}</h2>
          {org.users.length === 0 ? (
            <p>{t('organisations.noUsers')}</p>
          ) : (
            <div className="table-responsive">
              <table className="table">
                <caption>{t('organisations.usersCaption', { name: org.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('users.displayName')}</th>
                    <th scope="col">{t('users.roles')}</th>
                  </tr>
                </thead>
                <tbody>
                  {org.users.map((user) => (
                    <tr key={user.id}>
                      <th scope="row">
                        <Link to={`/utenti/${user.id}`}>{user.displayName}</Link>
                      </th>
                      <td>{label.roles(user.roles)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Link to={`/utenti/nuovo?organisationId=${encodeURIComponent(org.id)}`} className="btn btn-outline-primary">
            {t('organisations.addUser')}
          </Link>
        </section>
      )}
    </>
  );
}
