import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { useLabels } from '../../lib/labels';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { FactsSection } from '../../components/FactsSection';
import { FormSummary, FormText } from '../../components/SchemaFields';
import { useNotify } from '../../components/Notifications';
import { useFormat } from '../../lib/format';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import { SchemaFormProvider, useSchemaForm } from '../../lib/schemaForm';
import type { OrganisationDetail } from '../../api/models';
import { useOrganisation } from './api/get-organisation';
import { useRenameOrganisation } from './api/update-organisation';

const renameSchema = (t: TFunction) =>
  z.object({
    name: z
      .string()
      .refine((v) => v.trim().length >= 2, t('fieldErrors.required'))
      .transform((v) => v.trim()),
  });

function RenameForm({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const rename = useRenameOrganisation(organisation.id);
  const form = useSchemaForm({ schema: renameSchema, defaultValues: { name: organisation.name } });

  const onSubmit = form.submit(async ({ name }) => {
    const updated = await rename.mutateAsync(name);
    notify(t('organisations.renamed', { name: updated.name }));
  });

  return (
    <section aria-labelledby="rename-title" className="mb-5">
      <h2 id="rename-title">{t('organisations.renameTitle')}</h2>
      <SchemaFormProvider form={form}>
        <FormSummary />
        <form noValidate onSubmit={onSubmit} className="incas-form">
          <FormText name="name" id="org-name" label={t('organisations.name')} required />
          <button type="submit" className="btn btn-primary" disabled={rename.isPending}>
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
          [t('organisations.createdAt'), date(org.createdAt)],
        ]}
      />
      {hasPermission(me, Permission.organisationsManage) && <RenameForm key={org.name} organisation={org} />}
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
