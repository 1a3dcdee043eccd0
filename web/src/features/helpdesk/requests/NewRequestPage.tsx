/**
 * `/assistenza-tecnica/nuova`: a Comune's new request — the topic in Italian, the priority, what it is
 * about (one of the Comune's projects or its plan, never a person), the question and up to three files.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField, TextAreaField, TextField } from '../../../components/FormField';
import { PageHeader } from '../../../components/PageHeader';
import { topics, useChoices, useOpenRequest, type Priority, type Topic } from './api/requests';
import { fieldErrorOf, useHelpdeskProblem } from './common';
import { FilesField, MAX_FILES, toUploads } from './files';

export function NewRequestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const problem = useHelpdeskProblem();
  const choices = useChoices();
  const open = useOpenRequest();
  const [topic, setTopic] = useState<Topic | ''>('');
  const [priority, setPriority] = useState<Priority>('NORMALE');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [about, setAbout] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const tooMany = files.length > MAX_FILES;
  const projects = choices.data?.projects ?? [];
  const plans = choices.data?.plans ?? [];
  return (
    <>
      <PageHeader
        title={t('helpdesk.requests.form.title')}
        lead={t('helpdesk.requests.form.lead')}
        breadcrumbs={[{ label: t('helpdesk.requests.mine.title'), to: '/assistenza-tecnica' }]}
      />
      <Alert kind="warning">{t('helpdesk.requests.form.privacy')}</Alert>
      <form
        className="mt-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!topic || tooMany) return;
          const [kind, id] = about.split(':');
          void toUploads(files).then((attachments) =>
            open.mutate(
              {
                topic,
                priority,
                subject: subject.trim(),
                body: body.trim(),
                projectId: kind === 'project' ? id! : null,
                planId: kind === 'plan' ? id! : null,
                attachments,
              },
              { onSuccess: (d) => void navigate(`/assistenza-tecnica/richieste/${d.request.id}`) },
            ),
          );
        }}
      >
        {open.isError && (
          <Alert kind="danger" live="alert">
            {problem(open.error)}
          </Alert>
        )}
        <SelectField
          id="hd-topic"
          label={t('helpdesk.requests.form.topic')}
          required
          value={topic}
          error={fieldErrorOf(open.error, 'body.topic')}
          options={[
            { value: '', label: t('helpdesk.requests.form.chooseTopic') },
            ...topics.map((x) => ({ value: x, label: t(`helpdesk.common.topics.${x}`) })),
          ]}
          onChange={(e) => setTopic(e.target.value as Topic | '')}
        />
        <SelectField
          id="hd-priority"
          label={t('helpdesk.requests.form.priority')}
          hint={t('helpdesk.requests.form.priorityHint')}
          value={priority}
          options={(['NORMALE', 'ALTA'] as const).map((p) => ({
            value: p,
            label: t(`helpdesk.common.priorities.${p}`),
          }))}
          onChange={(e) => setPriority(e.target.value as Priority)}
        />
        <SelectField
          id="hd-about"
          label={t('helpdesk.requests.form.about')}
          value={about}
          error={fieldErrorOf(open.error, 'body.projectId') ?? fieldErrorOf(open.error, 'body.planId')}
          options={[{ value: '', label: t('helpdesk.requests.form.aboutNone') }]}
          groups={[
            ...(projects.length
              ? [
                  {
                    label: t('helpdesk.requests.form.aboutProjects'),
                    options: projects.map((p) => ({ value: `project:${p.id}`, label: p.label })),
                  },
                ]
              : []),
            ...(plans.length
              ? [
                  {
                    label: t('helpdesk.requests.form.aboutPlans'),
                    options: plans.map((p) => ({ value: `plan:${p.id}`, label: p.label })),
                  },
                ]
              : []),
          ]}
          onChange={(e) => setAbout(e.target.value)}
        />
        <TextField
          id="hd-subject"
          label={t('helpdesk.requests.form.subject')}
          required
          maxLength={200}
          value={subject}
          error={fieldErrorOf(open.error, 'body.subject')}
          onChange={(e) => setSubject(e.target.value)}
        />
        <TextAreaField
          id="hd-body"
          label={t('helpdesk.requests.form.body')}
          hint={t('helpdesk.requests.form.privacy')}
          required
          rows={6}
          value={body}
          error={fieldErrorOf(open.error, 'body.body')}
          onChange={(e) => setBody(e.target.value)}
        />
        <FilesField id="hd-files" onChange={setFiles} tooMany={tooMany} />
        <button
          type="submit"
          className="btn btn-primary"
          disabled={open.isPending || !topic || subject.trim().length < 3 || !body.trim()}
        >
          {t('helpdesk.requests.form.submit')}
        </button>
      </form>
    </>
  );
}
