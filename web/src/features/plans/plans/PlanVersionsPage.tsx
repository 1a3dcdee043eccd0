import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { PlanTabs } from '../shared/PlanTabs';
import { usePlanChanges, usePlanVersions, type PlanChanges } from './api/plans';
import { euro, formatDay, formatInstant } from './words';

type FieldChange = PlanChanges['header'][number];

/** /piani/:planId/versioni: the frozen versions and what changed between two of them, in words. */
export function PlanVersionsPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const versions = usePlanVersions(planId);
  const [selected, setSelected] = useState<number | null>(null);
  const [against, setAgainst] = useState<string>('');
  const items = versions.data?.items ?? [];
  const no = selected ?? items[0]?.no ?? null;
  const againstValue = against === '' ? null : against === 'current' ? 'current' : Number(against);
  const changes = usePlanChanges(planId, no, againstValue);
  return (
    <>
      <PageHeader
        title={t('plans.plans.versions.title')}
        breadcrumbs={[
          { to: '/piani', label: t('plans.plans.list.title') },
          { to: `/piani/${planId}`, label: t('plans.common.tabs.piano') },
        ]}
      />
      <PlanTabs planId={planId} current="versioni" />
      {versions.isPending ? (
        <Loading />
      ) : versions.isError ? (
        <QueryError error={versions.error} onRetry={() => void versions.refetch()} />
      ) : items.length === 0 ? (
        <p>{t('plans.plans.versions.none')}</p>
      ) : (
        <>
          <div className="table-responsive">
            <table className="table">
              <caption>{t('plans.plans.versions.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plans.plans.versions.colNo')}</th>
                  <th scope="col">{t('plans.plans.versions.colReason')}</th>
                  <th scope="col">{t('plans.plans.versions.colBy')}</th>
                  <th scope="col">{t('plans.plans.versions.colAt')}</th>
                  <th scope="col" className="text-end">
                    {t('plans.plans.versions.colActions')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('plans.plans.versions.show')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((v) => (
                  <tr key={v.no} className={v.no === no ? 'table-active' : undefined}>
                    <th scope="row">{t('plans.plans.versions.versionN', { no: v.no })}</th>
                    <td>{t(`plans.plans.versions.reason.${v.reason}`)}</td>
                    <td>{v.createdBy}</td>
                    <td>{formatInstant(v.createdAt)}</td>
                    <td className="text-end">{v.actions}</td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-sm btn-outline-primary"
                        aria-pressed={v.no === no}
                        onClick={() => {
                          setSelected(v.no);
                          setAgainst('');
                        }}
                      >
                        {t('plans.plans.versions.show')}
                        <span className="visually-hidden"> – {t('plans.plans.versions.versionN', { no: v.no })}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {no !== null && (
            <div className="row">
              <div className="col-md-4">
                <SelectField
                  id="versions-against"
                  label={t('plans.plans.versions.against')}
                  emptyOption={
                    no > 1 ? t('plans.plans.versions.versionN', { no: no - 1 }) : t('plans.plans.versions.current')
                  }
                  value={against}
                  onChange={(e) => setAgainst(e.target.value)}
                  options={[
                    { value: 'current', label: t('plans.plans.versions.current') },
                    ...items
                      .filter((v) => v.no !== no)
                      .map((v) => ({ value: String(v.no), label: t('plans.plans.versions.versionN', { no: v.no }) })),
                  ]}
                />
              </div>
            </div>
          )}
          {changes.isPending ? (
            <Loading />
          ) : changes.isError ? (
            <QueryError error={changes.error} onRetry={() => void changes.refetch()} />
          ) : (
            <ChangesView changes={changes.data} />
          )}
        </>
      )}
    </>
  );
}

function useValueInWords() {
  const { t } = useTranslation();
  return (c: FieldChange, v: string | number | null): string => {
    if (v === null || v === '') return t('plans.plans.versions.empty');
    switch (c.field) {
      case 'budgetCents':
        return euro(Number(v));
      case 'axis':
        return t(`plans.common.axes.${v as 'PREVENZIONE'}`);
      case 'priorityAction':
        return `${v}. ${t(`plans.common.priorityActions.${String(v) as '1'}`)}`;
      case 'fundingSource':
        return t(`plans.common.fundingSources.${v as 'FNPM'}`);
      case 'status':
        return t(`plans.common.actionStatus.${v as 'PROGRAMMATA'}`);
      case 'adoptionOrgan':
        return t(`plans.common.adoptionOrgans.${v as 'GIUNTA'}`);
      case 'adoptionDate':
      case 'startDate':
      case 'endDate':
        return formatDay(String(v));
      default:
        return typeof v === 'number' ? v.toLocaleString('it-IT') : v;
    }
  };
}

function ChangesView({ changes }: { changes: PlanChanges }) {
  const { t } = useTranslation();
  const inWords = useValueInWords();
  const side = (s: PlanChanges['from']) =>
    s.no === null ? t('plans.plans.versions.current') : t('plans.plans.versions.versionN', { no: s.no });
  const fieldLine = (c: FieldChange) =>
    t('plans.plans.versions.change', {
      field:
        c.field === 'target'
          ? t('plans.plans.versions.target', { period: c.period ?? '' })
          : t(`plans.plans.changeFields.${c.field as 'title'}`),
      before: inWords(c, c.before),
      after: inWords(c, c.after),
    });
  const role = (r: string | null) => (r ? t(`plans.common.partnerRoles.${r as 'PARTNER'}`) : '');
  const empty = changes.header.length === 0 && changes.actions.length === 0;
  return (
    <section className="mt-3" aria-labelledby="changes-title">
      <h2 id="changes-title" className="h4">
        {t('plans.plans.versions.changesTitle', { from: side(changes.from), to: side(changes.to) })}
      </h2>
      {empty && <p>{t('plans.plans.versions.noChanges')}</p>}
      {changes.header.length > 0 && (
        <>
          <h3 className="h5">{t('plans.plans.versions.headerChanges')}</h3>
          <ul>
            {changes.header.map((c) => (
              <li key={c.field}>{fieldLine(c)}</li>
            ))}
          </ul>
        </>
      )}
      <ul className="list-unstyled">
        {changes.actions.map((a) => (
          <li key={a.code} className="mb-3">
            <span className="fw-semibold">
              {a.change === 'ADDED'
                ? t('plans.plans.versions.actionAdded', { code: a.code, title: a.title })
                : a.change === 'REMOVED'
                  ? t('plans.plans.versions.actionRemoved', { code: a.code, title: a.title })
                  : t('plans.plans.versions.actionChanged', { code: a.code, title: a.title })}
            </span>
            {(a.fields.length > 0 || a.partners.length > 0 || a.indicators.length > 0) && (
              <ul>
                {a.fields.map((c) => (
                  <li key={c.field}>{fieldLine(c)}</li>
                ))}
                {a.partners.map((p) => (
                  <li key={p.name}>
                    {p.change === 'ADDED'
                      ? t('plans.plans.versions.partnerAdded', { name: p.name, role: role(p.after) })
                      : p.change === 'REMOVED'
                        ? t('plans.plans.versions.partnerRemoved', { name: p.name })
                        : t('plans.plans.versions.partnerChanged', {
                            name: p.name,
                            before: role(p.before),
                            after: role(p.after),
                          })}
                  </li>
                ))}
                {a.indicators.map((i) => (
                  <li key={i.name}>
                    {i.change === 'ADDED'
                      ? t('plans.plans.versions.indicatorAdded', { name: i.name })
                      : i.change === 'REMOVED'
                        ? t('plans.plans.versions.indicatorRemoved', { name: i.name })
                        : t('plans.plans.versions.indicatorChanged', { name: i.name })}
                    {i.fields.length > 0 && (
                      <ul>
                        {i.fields.map((c) => (
                          <li key={`${c.field}-${c.period ?? ''}`}>{fieldLine(c)}</li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
