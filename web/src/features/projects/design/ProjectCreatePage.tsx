import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField, TextAreaField, TextField } from '../../../components/FormField';
import { PageHeader } from '../../../components/PageHeader';
import { isProblem } from '../../../api/problem';
import { useCallOptions } from './api/call-options';
import { useCreateProject } from './api/create-project';
import { PartnersEditor, type PartnerChoice } from './PartnersEditor';
import { formatDay, useDesignProblem } from './words';

const CUP = /^[A-Z][0-9]{2}[A-Z][0-9A-Z]{11}$/;
const normaliseCup = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/** /progetti/nuovo: a new project of the user's Comune, on a published call. */
export function ProjectCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const problem = useDesignProblem();
  const calls = useCallOptions();
  const create = useCreateProject();
  const [callVersionId, setCallVersionId] = useState('');
  const [cup, setCup] = useState('');
  const [title, setTitle] = useState('');
  const [acronym, setAcronym] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [summary, setSummary] = useState('');
  const [partners, setPartners] = useState<PartnerChoice[]>([]);
  const [checked, setChecked] = useState(false);

  const call = calls.data?.items.find((c) => c.callVersionId === callVersionId);
  const errors = {
    call: checked && !callVersionId ? t('projects.design.create.required') : undefined,
    cup:
      checked && cup.trim() !== '' && !CUP.test(normaliseCup(cup))
        ? t('projects.design.create.cupInvalid')
        : isProblem(create.error, 'projects.cup.duplicate')
          ? t('projects.design.errors.projects_cup_duplicate')
          : isProblem(create.error, 'projects.cup.invalid')
            ? t('projects.design.create.cupInvalid')
            : undefined,
    title: checked && title.trim().length < 3 ? t('projects.design.create.titleShort') : undefined,
    startDate: checked && !startDate ? t('projects.design.create.required') : undefined,
    endDate:
      checked && !endDate
        ? t('projects.design.create.required')
        : checked && endDate < startDate
          ? t('projects.design.create.endBeforeStart')
          : undefined,
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    const firstError = Object.entries(errors).find(([, v]) => v !== undefined);
    const invalid =
      !callVersionId ||
      (cup.trim() !== '' && !CUP.test(normaliseCup(cup))) ||
      title.trim().length < 3 ||
      !startDate ||
      !endDate ||
      endDate < startDate;
    if (invalid) {
      const order: [boolean, string][] = [
        [!callVersionId, 'project-call'],
        [cup.trim() !== '' && !CUP.test(normaliseCup(cup)), 'project-cup'],
        [title.trim().length < 3, 'project-title'],
        [!startDate, 'project-start'],
        [!endDate || endDate < startDate, 'project-end'],
      ];
      document.getElementById(order.find(([bad]) => bad)?.[1] ?? firstError?.[0] ?? 'project-call')?.focus();
      return;
    }
    create.mutate(
      {
        callVersionId,
        cup: cup.trim() === '' ? null : normaliseCup(cup),
        title: title.trim(),
        acronym: acronym.trim() === '' ? null : acronym.trim(),
        startDate,
        endDate,
        summary: summary.trim() === '' ? null : summary.trim(),
        partners: partners.map((p) => ({ organisationId: p.organisationId, role: p.role })),
      },
      { onSuccess: (p) => void navigate(`/progetti/${p.id}`) },
    );
  };

  return (
    <>
      <PageHeader
        title={t('projects.design.create.title')}
        lead={t('projects.design.create.lead')}
        breadcrumbs={[{ label: t('projects.design.list.title'), to: '/progetti' }]}
      />
      {create.isError && !isProblem(create.error, 'projects.cup.duplicate') && (
        <Alert kind="danger" live="alert">
          {problem(create.error)}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <SelectField
          id="project-call"
          label={t('projects.design.fields.call')}
          hint={
            call
              ? t('projects.design.create.callHint', {
                  source: call.fundingSource,
                  from: formatDay(call.eligibilityFrom),
                  to: formatDay(call.eligibilityTo),
                })
              : undefined
          }
          error={errors.call}
          emptyOption={t('projects.design.create.chooseCall')}
          value={callVersionId}
          required
          onChange={(e) => setCallVersionId(e.target.value)}
          options={(calls.data?.items ?? []).map((c) => ({ value: c.callVersionId, label: c.titleIt }))}
        />
        <TextField
          id="project-title"
          label={t('projects.design.fields.title')}
          error={errors.title}
          value={title}
          required
          maxLength={300}
          onChange={(e) => setTitle(e.target.value)}
        />
        <div className="row">
          <div className="col-md-6">
            <TextField
              id="project-cup"
              label={t('projects.design.fields.cup')}
              hint={t('projects.design.create.cupHint')}
              error={errors.cup}
              value={cup}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setCup(e.target.value)}
            />
          </div>
          <div className="col-md-6">
            <TextField
              id="project-acronym"
              label={t('projects.design.fields.acronym')}
              value={acronym}
              maxLength={40}
              onChange={(e) => setAcronym(e.target.value)}
            />
          </div>
        </div>
        <div className="row">
          <div className="col-md-6">
            <TextField
              id="project-start"
              type="date"
              label={t('projects.design.fields.startDate')}
              error={errors.startDate}
              value={startDate}
              required
              onChange={(e) => setStartDate(e.target.value)}
            />
          </div>
          <div className="col-md-6">
            <TextField
              id="project-end"
              type="date"
              label={t('projects.design.fields.endDate')}
              error={errors.endDate}
              value={endDate}
              required
              onChange={(e) => setEndDate(e.target.value)}
            />
          </div>
        </div>
        <TextAreaField
          id="project-summary"
          label={t('projects.design.fields.summary')}
          value={summary}
          maxLength={4000}
          onChange={(e) => setSummary(e.target.value)}
        />
        <PartnersEditor idPrefix="project-partner" value={partners} onChange={setPartners} />
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('projects.design.create.submit')}
        </button>
      </form>
    </>
  );
}
