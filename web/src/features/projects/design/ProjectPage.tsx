import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { ProjectTabs } from '../shared/ProjectTabs';
import { useProject } from './api/get-project';
import { useProjectTransition, type ProjectTransition } from './api/transition';
import type { ProjectDetail } from './api/types';
import { usePutPartners } from './api/update-project';
import { ActivitiesSection } from './ActivitiesSection';
import { HeaderEditor } from './HeaderEditor';
import { IndicatorsSection } from './IndicatorsSection';
import { LogframeSection } from './LogframeSection';
import { PartnersEditor, type PartnerChoice } from './PartnersEditor';
import { euro, failedChecksOf, formatDay, useDesignProblem } from './words';

/** /progetti/:projectId: the project's header and actions, partners, logical framework, activities (Gantt) and indicators. */
export function ProjectPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  if (project.isPending) return <Loading />;
  if (project.isError) return <QueryError error={project.error} onRetry={() => void project.refetch()} />;
  const p = project.data;
  const editable = p.canEdit && p.status === 'BOZZA';
  return (
    <>
      <PageHeader
        title={p.title}
        lead={`${p.comuneName} · ${p.callTitle}`}
        breadcrumbs={[{ label: t('projects.design.list.title'), to: '/progetti' }]}
      />
      <ProjectTabs projectId={p.id} current="progetto" />
      <ProjectHeader p={p} />
      <StatusActions p={p} />
      <PartnersSection p={p} editable={editable} />
      <LogframeSection p={p} editable={editable} />
      <ActivitiesSection p={p} />
      <IndicatorsSection p={p} editable={editable} />
    </>
  );
}

function ProjectHeader({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const facts: [string, string][] = [
    [t('projects.design.fields.status'), t(`projects.design.status.${p.status}`)],
    [t('projects.design.fields.cup'), p.cup ?? t('projects.design.project.noCup')],
    [t('projects.design.fields.lead'), `${p.leadOrgName} (${p.regionName})`],
    [
      t('projects.design.fields.call'),
      t('projects.design.project.callVersion', { title: p.callTitle, n: p.callVersionNo }),
    ],
    [t('projects.design.fields.period'), `${formatDay(p.startDate)} – ${formatDay(p.endDate)}`],
    [t('projects.design.fields.acronym'), p.acronym ?? '—'],
    [t('projects.design.fields.agreementRef'), p.agreementRef ?? '—'],
    [
      t('projects.design.fields.budgetInForce'),
      p.budgetTotalCents === null ? t('projects.design.list.noBudget') : euro(p.budgetTotalCents),
    ],
  ];
  return (
    <section aria-labelledby="project-facts" className="mb-4">
      <h2 id="project-facts" className="h4">
        {t('projects.design.project.facts')}
      </h2>
      <dl className="row">
        {facts.map(([k, v]) => (
          <div key={k} className="col-md-6 mb-2">
            <dt>{k}</dt>
            <dd className="mb-0">{v}</dd>
          </div>
        ))}
      </dl>
      {p.summary && <p>{p.summary}</p>}
      {editing ? (
        <HeaderEditor p={p} onDone={() => setEditing(false)} />
      ) : (
        p.canEdit &&
        ['BOZZA', 'APPROVATO', 'IN_CORSO'].includes(p.status) && (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(true)}>
            {t('projects.design.project.edit')}
          </button>
        )
      )}
    </section>
  );
}

function StatusActions({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  const problem = useDesignProblem();
  const move = useProjectTransition(p.id);
  const [done, setDone] = useState<string | null>(null);
  if (!p.canEdit) return null;
  const next: ProjectTransition | null =
    p.status === 'BOZZA' ? 'submit' : p.status === 'APPROVATO' ? 'start' : p.status === 'IN_CORSO' ? 'close' : null;
  if (!next && !done) return null;
  const checks = failedChecksOf(move.error);
  return (
    <section aria-labelledby="project-actions" className="mb-4">
      <h2 id="project-actions" className="h4">
        {t('projects.design.project.actions')}
      </h2>
      {next && <p>{t(`projects.design.project.${next}Hint`)}</p>}
      {done && (
        <Alert kind="success" live="status">
          {done}
        </Alert>
      )}
      {move.isError && (
        <Alert kind="danger" live="alert">
          {problem(move.error)}
          {checks.length > 0 && (
            <ul className="mb-0">
              {checks.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {next && (
        <button
          type="button"
          className="btn btn-primary"
          disabled={move.isPending}
          onClick={() => {
            setDone(null);
            move.mutate(
              { to: next, rowVersion: p.rowVersion },
              {
                onSuccess: (x) =>
                  setDone(t('projects.design.project.moved', { status: t(`projects.design.status.${x.status}`) })),
              },
            );
          }}
        >
          {t(`projects.design.project.${next}`)}
        </button>
      )}
    </section>
  );
}

function PartnersSection({ p, editable }: { p: ProjectDetail; editable: boolean }) {
  const { t } = useTranslation();
  const problem = useDesignProblem();
  const save = usePutPartners(p.id);
  const [draft, setDraft] = useState<PartnerChoice[] | null>(null);
  const current: PartnerChoice[] = p.partners.map((x) => ({
    organisationId: x.organisationId,
    name: x.name,
    role: x.role,
  }));
  return (
    <section aria-labelledby="project-partners" className="mb-5">
      <h2 id="project-partners" className="h4">
        {t('projects.design.partners.title')}
      </h2>
      {draft === null ? (
        <>
          {current.length === 0 ? (
            <p>{t('projects.design.partners.none')}</p>
          ) : (
            <ul>
              {current.map((x) => (
                <li key={x.organisationId}>
                  {x.name} — {t(`projects.design.partnerRole.${x.role}`)}
                </li>
              ))}
            </ul>
          )}
          {editable && (
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setDraft(current)}>
              {t('projects.design.partners.edit')}
            </button>
          )}
        </>
      ) : (
        <>
          {save.isError && (
            <Alert kind="danger" live="alert">
              {problem(save.error)}
            </Alert>
          )}
          <PartnersEditor idPrefix="partners-edit" value={draft} onChange={setDraft} excludeId={p.leadOrgId} />
          <div className="d-flex gap-2">
            <button
              type="button"
              className="btn btn-primary btn-sm"
              disabled={save.isPending}
              onClick={() =>
                save.mutate(
                  { partners: draft.map((x) => ({ organisationId: x.organisationId, role: x.role })) },
                  { onSuccess: () => setDraft(null) },
                )
              }
            >
              {t('projects.design.common.save')}
            </button>
            <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setDraft(null)}>
              {t('projects.design.common.cancel')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
