import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../lib/labels';
import { PageHeader } from '../../components/PageHeader';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { TextField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useNotify } from '../../components/Notifications';
import { useFormat } from '../../lib/format';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import { useFormErrors } from '../../lib/useFormErrors';
import type { OrganisationDetail } from '../../api/models';
import { useOrganisation } from './api/get-organisation';
import { useRenameOrganisation } from './api/update-organisation';

function RenameForm({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const form = useFormErrors();
  const rename = useRenameOrganisation(organisation.id);
  const [name, setName] = useState(organisation.name);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.check({ 'org-name': name.trim().length < 2 ? t('fieldErrors.required') : undefined })) return;
    rename.mutate(name.trim(), {
      onSuccess: (updated) => notify(t('organisations.renamed', { name: updated.name })),
      onError: (error) => form.fail(error, ['name'], { name: 'org-name' }),
    });
  };

  return (
    <section aria-labelledby="rename-title" className="mb-5">
      <h2 id="rename-title">{t('organisations.renameTitle')}</h2>
      <FormErrorSummary {...form.summary} labels={{ 'org-name': t('organisations.name') }} />
      <form noValidate onSubmit={onSubmit} className="incas-form">
        <TextField
          id="org-name"
          label={t('organisations.name')}
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={form.errors['org-name']}
        />
        <button type="submit" className="btn btn-primary" disabled={rename.isPending}>
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}

export function OrganisationDetailPage() {
  const { t } = useTranslation();
  const label = useLabels();
  const { id = '' } = useParams();
  const me = useSession();
  const { date } = useFormat();
  const { data: org, error, isPending, refetch } = useOrganisation(id);
  const crumbs = [{ label: t('organisations.title'), to: '/organizzazioni' }];
  const canManageUsers = hasPermission(me, Permission.usersManage);

  if (isPending) {
    return (
      <>
        <PageHeader title={t('common.loading')} breadcrumbs={crumbs} />
        <Loading />
      </>
    );
  }
  if (error !== null) {
    return (
      <>
        <PageHeader title={t('organisations.unavailable')} breadcrumbs={crumbs} />
        <QueryError error={error} onRetry={() => void refetch()} />
      </>
    );
  }

  return (
    <>
      <PageHeader title={org.name} breadcrumbs={crumbs} lead={label.organisationType(org.type)}>
        {hasPermission(me, Permission.auditRead) && (
          <Link to={`/audit?organisationId=${encodeURIComponent(org.id)}`}>{t('organisations.auditLink')}</Link>
        )}
      </PageHeader>
      <section aria-labelledby="org-facts" className="mb-5">
        <h2 id="org-facts">{t('organisations.factsTitle')}</h2>
        <dl className="row incas-facts">
          <div className="col-sm-6 col-lg-4 mb-3">
            <dt>{t('organisations.type')}</dt>
            <dd className="mb-0">{label.organisationType(org.type)}</dd>
          </div>
          <div className="col-sm-6 col-lg-4 mb-3">
            <dt>{t('organisations.comune')}</dt>
            <dd className="mb-0">
              {org.comuneIstat !== null ? (
                <Link to={`/comuni/${org.comuneIstat}`}>{org.comuneName ?? org.comuneIstat}</Link>
              ) : (
                t('common.notApplicable')
              )}
            </dd>
          </div>
          <div className="col-sm-6 col-lg-4 mb-3">
            <dt>{t('comuni.region')}</dt>
            <dd className="mb-0">{org.regionName ?? t('common.notApplicable')}</dd>
          </div>
          <div className="col-sm-6 col-lg-4 mb-3">
            <dt>{t('organisations.createdAt')}</dt>
            <dd className="mb-0">{date(org.createdAt)}</dd>
          </div>
        </dl>
      </section>
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
