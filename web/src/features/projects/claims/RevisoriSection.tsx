/**
 * The revisori assigned to a project, for the Comune's referente and ANCI/Cittalia: the list with
 * period and validity, a revoke button, and the assignment form (picker by name or firm).
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/FormField';
import { useAssignRevisore, useRevisori, useRevisorePicker, useRevokeRevisore } from './api/revisori';
import { day, MutationError } from './common';

export function RevisoriSection({ projectId, canAssign }: { projectId: string; canAssign: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const list = useRevisori(projectId);
  const revoke = useRevokeRevisore(projectId);
  const assign = useAssignRevisore(projectId);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  // the picker asks the server once the typing pauses
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const picker = useRevisorePicker(q, canAssign);
  const [form, setForm] = useState({ userId: '', periodStart: '', periodEnd: '', validFrom: '', validTo: '' });
  const field = (k: keyof typeof form) => ({
    value: form[k],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value })),
  });
  return (
    <section aria-labelledby={`${id}-title`} className="mb-5">
      <h2 id={`${id}-title`} className="h4">
        {t('projects.claims.revisori.title')}
      </h2>
      {list.data && list.data.items.length === 0 && <p>{t('projects.claims.revisori.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>{t('projects.claims.revisori.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projects.claims.revisori.name')}</th>
                <th scope="col">{t('projects.claims.revisori.period')}</th>
                <th scope="col">{t('projects.claims.revisori.validity')}</th>
                <th scope="col">{t('projects.claims.revisori.state')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.name}
                    {a.organisation && <div className="small text-muted">{a.organisation}</div>}
                  </th>
                  <td>{`${day(a.periodStart)} – ${day(a.periodEnd)}`}</td>
                  <td>{`${day(a.validFrom)} – ${day(a.validTo)}`}</td>
                  <td>
                    {a.revokedAt
                      ? t('projects.claims.revisori.revoked')
                      : a.active
                        ? t('projects.claims.revisori.active')
                        : t('projects.claims.revisori.inactive')}
                    {canAssign && !a.revokedAt && (
                      <button
                        type="button"
                        className="btn btn-link btn-sm p-0 d-block"
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(a.id)}
                      >
                        {t('projects.claims.revisori.revoke', { name: a.name })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <MutationError error={revoke.error} />
      {canAssign && (
        <form
          className="border rounded p-3"
          onSubmit={(e) => {
            e.preventDefault();
            assign.mutate(form, {
              onSuccess: () => setForm({ userId: '', periodStart: '', periodEnd: '', validFrom: '', validTo: '' }),
            });
          }}
        >
          <h3 className="h5">{t('projects.claims.revisori.assign')}</h3>
          <TextField
            id={`${id}-search`}
            label={t('projects.claims.revisori.search')}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <SelectField
            id={`${id}-user`}
            label={t('projects.claims.revisori.choose')}
            emptyOption={t('projects.claims.revisori.chooseEmpty')}
            required
            options={(picker.data?.items ?? []).map((u) => ({
              value: u.id,
              label: u.organisation ? `${u.name} – ${u.organisation}` : u.name,
            }))}
            {...field('userId')}
          />
          <div className="row">
            <TextField
              className="col-md-3"
              id={`${id}-ps`}
              label={t('projects.claims.list.periodStart')}
              type="date"
              required
              {...field('periodStart')}
            />
            <TextField
              className="col-md-3"
              id={`${id}-pe`}
              label={t('projects.claims.list.periodEnd')}
              type="date"
              required
              {...field('periodEnd')}
            />
            <TextField
              className="col-md-3"
              id={`${id}-vf`}
              label={t('projects.claims.revisori.validFrom')}
              type="date"
              required
              {...field('validFrom')}
            />
            <TextField
              className="col-md-3"
              id={`${id}-vt`}
              label={t('projects.claims.revisori.validTo')}
              type="date"
              required
              {...field('validTo')}
            />
          </div>
          <MutationError error={assign.error} />
          {assign.isSuccess && (
            <p role="status" className="text-success">
              {t('projects.claims.revisori.done')}
            </p>
          )}
          <button type="submit" className="btn btn-primary" disabled={assign.isPending}>
            {t('projects.claims.revisori.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
