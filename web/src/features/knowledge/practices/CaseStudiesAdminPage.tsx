import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { Pagination } from '../../../components/Pagination';
import { QueryError } from '../../../components/QueryError';
import { useListParams } from '../../../lib/listParams';
import { useCaseStudies, useCaseStudyStep } from './api/practices';
import { usePracticeProblem } from './words';

/** /casi-studio-gestione: ANCI/Cittalia's case studies with their states and the workflow's steps. */
export function CaseStudiesAdminPage() {
  const { t } = useTranslation();
  const problem = usePracticeProblem();
  const { page, pageSize } = useListParams();
  const list = useCaseStudies({ page, pageSize });
  const step = useCaseStudyStep();
  const [comments, setComments] = useState<Record<string, string>>({});
  return (
    <>
      <PageHeader
        title={t('knowledge.practices.caseAdmin.title')}
        lead={t('knowledge.practices.caseAdmin.lead')}
        breadcrumbs={[{ to: '/buone-pratiche-gestione', label: t('knowledge.practices.admin.title') }]}
      />
      {step.isError && (
        <Alert kind="danger" live="alert">
          {problem(step.error)}
        </Alert>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {list.data.items.map((c) => (
            <article key={c.id} className="card card-bg mb-3" aria-labelledby={`caso-${c.id}`}>
              <div className="card-body">
                <h2 id={`caso-${c.id}`} className="h5">
                  {c.status === 'PUBBLICATA' ? <Link to={`/casi-studio/${c.slug}`}>{c.title}</Link> : c.title}
                </h2>
                <p>
                  {t('knowledge.practices.form.status')}: {t(`knowledge.practices.statuses.${c.status}`)}
                </p>
                {c.status === 'BOZZA' && (
                  <button
                    type="button"
                    className="btn btn-primary btn-sm"
                    disabled={step.isPending}
                    onClick={() => step.mutate({ id: c.id, rowVersion: c.rowVersion, step: 'submit' })}
                  >
                    {t('knowledge.practices.form.submit')}
                  </button>
                )}
                {c.status === 'IN_REVISIONE' && (
                  <>
                    <TextField
                      id={`caso-commento-${c.id}`}
                      label={t('knowledge.practices.form.commentLabel')}
                      value={comments[c.id] ?? ''}
                      onChange={(e) => setComments({ ...comments, [c.id]: e.target.value })}
                    />
                    <button
                      type="button"
                      className="btn btn-outline-primary btn-sm me-2"
                      disabled={step.isPending || (comments[c.id] ?? '').trim().length < 3}
                      onClick={() =>
                        step.mutate({
                          id: c.id,
                          rowVersion: c.rowVersion,
                          step: 'return',
                          comment: comments[c.id] ?? '',
                        })
                      }
                    >
                      {t('knowledge.practices.form.return')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-primary btn-sm"
                      disabled={step.isPending}
                      onClick={() => step.mutate({ id: c.id, rowVersion: c.rowVersion, step: 'publish' })}
                    >
                      {t('knowledge.practices.form.publish')}
                    </button>
                  </>
                )}
              </div>
            </article>
          ))}
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} />
        </>
      )}
    </>
  );
}
