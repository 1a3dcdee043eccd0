import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { TextAreaField, TextField } from '../../../components/FormField';
import { PageHeader } from '../../../components/PageHeader';
import { useCreatePlan } from './api/plans';
import { usePlanProblem } from './words';

/** /piani/nuovo: the referente starts their Comune's plan. */
export function PlanCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const problem = usePlanProblem();
  const create = useCreatePlan();
  const year = new Date().getFullYear();
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState(String(year));
  const [to, setTo] = useState(String(year + 2));
  const [summary, setSummary] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { title, periodFrom: Number(from), periodTo: Number(to), summary: summary.trim() === '' ? null : summary },
      { onSuccess: (p) => void navigate(`/piani/${p.id}`) },
    );
  };
  return (
    <>
      <PageHeader
        title={t('plans.plans.create.title')}
        lead={t('plans.plans.create.lead')}
        breadcrumbs={[{ to: '/piani', label: t('plans.plans.list.title') }]}
      />
      {create.isError && (
        <Alert kind="danger" live="alert">
          {problem(create.error)}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <TextField
          id="plan-title"
          label={t('plans.plans.fields.title')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          minLength={3}
          maxLength={300}
        />
        <div className="row">
          <div className="col-md-3">
            <TextField
              id="plan-from"
              label={t('plans.plans.fields.periodFrom')}
              type="number"
              inputMode="numeric"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              required
            />
          </div>
          <div className="col-md-3">
            <TextField
              id="plan-to"
              label={t('plans.plans.fields.periodTo')}
              type="number"
              inputMode="numeric"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              required
            />
          </div>
        </div>
        <TextAreaField
          id="plan-summary"
          label={t('plans.plans.fields.summary')}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          rows={4}
          maxLength={4000}
        />
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('plans.plans.create.submit')}
        </button>
      </form>
    </>
  );
}
