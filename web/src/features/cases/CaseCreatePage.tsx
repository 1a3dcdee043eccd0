import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { CheckboxField, TextField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useNotify } from '../../components/Notifications';
import { Alert } from '../../components/Alert';
import { useCreatePilotCase } from './api/create-case';
import { emptyPerson, PersonFields, personPaths, usePersonCheck, usePersonLabels, type PersonDraft } from './PersonFields';
import { usePilotForm } from './problems';
import { todayIso } from './vocab';

const PREFIX = 'holder-';

export function CaseCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const form = usePilotForm();
  const create = useCreatePilotCase();
  const checkPerson = usePersonCheck(PREFIX);
  const personLabels = usePersonLabels(PREFIX);
  const [person, setPerson] = useState<PersonDraft>(emptyPerson);
  const [openedOn, setOpenedOn] = useState(todayIso());
  const [inSai, setInSai] = useState(false);
  // "Prendi in carico" from a referral whose permit procedure has started links the case to it
  const [searchParams] = useSearchParams();
  const referralId = searchParams.get('segnalazione') ?? '';

  const labels = { ...personLabels, openedOn: t('cases.create.openedOn') };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { checks, input } = checkPerson(person);
    const valid = form.check({ ...checks, openedOn: openedOn === '' ? t('fieldErrors.required') : undefined });
    if (!valid || input === null) return;
    create.mutate(
      { openedOn, inSai, holder: input, ...(referralId !== '' ? { referralId } : {}) },
      {
        onSuccess: (created) => {
          const path = `/casi/${created.id}`;
          notify(t('cases.create.created', { pseudonym: created.pseudonym }), { path });
          void navigate(path);
        },
        onError: (error) => form.fail(error, { ...personPaths('holder', PREFIX), openedOn: 'openedOn' }),
      },
    );
  };

  return (
    <>
      <PageHeader title={t('cases.create.title')} breadcrumbs={[{ label: t('cases.list.title'), to: '/casi' }]} lead={t('cases.create.intro')} />
      {referralId !== '' && (
        <Alert kind="info">
          <p className="mb-0">{t('cases.create.fromReferral')}</p>
        </Alert>
      )}
      <FormErrorSummary {...form.summary} labels={labels} />
      <form noValidate onSubmit={onSubmit} className="incas-form">
        <PersonFields prefix={PREFIX} value={person} onChange={setPerson} errors={form.errors} />
        <fieldset className="mb-4">
          <legend className="h5">{t('cases.create.caseTitle')}</legend>
          <div className="row">
            <div className="col-md-6">
              <TextField id="openedOn" type="date" label={t('cases.create.openedOn')} required value={openedOn} onChange={(e) => setOpenedOn(e.target.value)} error={form.errors.openedOn} />
            </div>
            <div className="col-md-6">
              <CheckboxField id="inSai" label={t('cases.create.inSai')} checked={inSai} onChange={(e) => setInSai(e.target.checked)} />
            </div>
          </div>
        </fieldset>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('cases.create.submit')}
        </button>
      </form>
    </>
  );
}
