import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { euroFormat, useFormat } from '../../../lib/format';
import { usePublicPractice } from './api/practices';
import { TextBlocks } from './TextBlocks';

/** /buone-pratiche/:slug: a good practice's public page (no login). */
export function PublicPracticePage() {
  const { t } = useTranslation();
  const { date } = useFormat();
  const { slug = '' } = useParams();
  const practice = usePublicPractice(slug);
  if (practice.isPending) return <Loading />;
  if (practice.isError) return <QueryError error={practice.error} onRetry={() => void practice.refetch()} />;
  const p = practice.data;
  const euro = euroFormat('it-IT');
  const section = (id: string, title: string, text: string) =>
    text.trim() ? (
      <section aria-labelledby={id} className="mb-4">
        <h2 id={id} className="h4">
          {title}
        </h2>
        <TextBlocks text={text} />
      </section>
    ) : null;
  return (
    <>
      <PageHeader
        title={p.title}
        lead={p.summary}
        breadcrumbs={[{ to: '/buone-pratiche', label: t('knowledge.practices.public.title') }]}
      />
      <div className="row">
        <div className="col-lg-8">
          {section('pratica-problema', t('knowledge.practices.fields.problem'), p.problem)}
          {section('pratica-intervento', t('knowledge.practices.fields.intervention'), p.intervention)}
          {p.results.length > 0 && (
            <section aria-labelledby="pratica-risultati" className="mb-4">
              <h2 id="pratica-risultati" className="h4">
                {t('knowledge.practices.fields.results')}
              </h2>
              <ul>
                {p.results.map((r, i) => (
                  <li key={i}>
                    {r.text}{' '}
                    <span className="badge bg-secondary">
                      {t('knowledge.practices.public.evidence', {
                        level: t(`knowledge.practices.evidence.${r.evidence}`),
                      })}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {section('pratica-risorse', t('knowledge.practices.fields.resources'), p.resources)}
          {section('pratica-trasferibilita', t('knowledge.practices.fields.transferability'), p.transferability)}
          {p.caseStudies.length > 0 && (
            <section aria-labelledby="pratica-casi" className="mb-4">
              <h2 id="pratica-casi" className="h4">
                {t('knowledge.practices.public.citedBy')}
              </h2>
              <ul>
                {p.caseStudies.map((c) => (
                  <li key={c.slug}>
                    <Link to={`/casi-studio/${c.slug}`}>{c.title}</Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
        <aside className="col-lg-4" aria-labelledby="pratica-scheda">
          <h2 id="pratica-scheda" className="h4">
            {t('knowledge.practices.public.card')}
          </h2>
          <dl>
            {p.comuneName && (
              <>
                <dt>{t('knowledge.practices.fields.comune')}</dt>
                <dd>{p.comuneName}</dd>
              </>
            )}
            <dt>{t('knowledge.practices.fields.axis')}</dt>
            <dd>{t(`plans.common.axes.${p.axis}`)}</dd>
            {p.priorityActions.length > 0 && (
              <>
                <dt>{t('knowledge.practices.fields.priorityActions')}</dt>
                <dd>
                  <ul className="list-unstyled mb-0">
                    {p.priorityActions.map((n) => (
                      <li key={n}>
                        {n}. {t(`plans.common.priorityActions.${String(n) as '1'}`)}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            <dt>{t('knowledge.practices.fields.sector')}</dt>
            <dd>{t(`knowledge.practices.sectors.${p.sector}`)}</dd>
            {p.regionNames.length > 0 && (
              <>
                <dt>{t('knowledge.practices.fields.region')}</dt>
                <dd>{p.regionNames.join(', ')}</dd>
              </>
            )}
            {p.sizeClass && (
              <>
                <dt>{t('knowledge.practices.fields.sizeClass')}</dt>
                <dd>{t(`bands.${p.sizeClass}`)}</dd>
              </>
            )}
            {p.budgetCents !== null && (
              <>
                <dt>{t('knowledge.practices.fields.budget')}</dt>
                <dd>{euro.format(p.budgetCents / 100)}</dd>
              </>
            )}
            {p.actors.length > 0 && (
              <>
                <dt>{t('knowledge.practices.fields.actors')}</dt>
                <dd>
                  <ul className="list-unstyled mb-0">
                    {p.actors.map((a) => (
                      <li key={a.orgId}>
                        {a.name} ({t(`knowledge.practices.actorRoles.${a.role}`)})
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {p.links.length > 0 && (
              <>
                <dt>{t('knowledge.practices.fields.links')}</dt>
                <dd>
                  <ul className="list-unstyled mb-0">
                    {p.links.map((l) => (
                      <li key={`${l.kind}:${l.targetId}`}>
                        {t(`knowledge.practices.linkKinds.${l.kind}`)}: {l.label}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {p.contactOffice && (
              <>
                <dt>{t('knowledge.practices.fields.contactOffice')}</dt>
                <dd>{p.contactOffice}</dd>
              </>
            )}
            <dt>{t('knowledge.practices.public.publishedOn')}</dt>
            <dd>{date(p.publishedAt)}</dd>
          </dl>
        </aside>
      </div>
    </>
  );
}
