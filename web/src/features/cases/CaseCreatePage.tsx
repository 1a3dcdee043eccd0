import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { PageHeader } from '../../components/PageHeader';
import { FormCheckbox, FormSummary, FormText } from '../../components/SchemaFields';
import { useNotify } from '../../components/Notifications';
import { Alert } from '../../components/Alert';
import { SchemaFormProvider, requiredText } from '../../lib/schemaForm';
import { useCreatePilotCase } from './api/create-case';
import { emptyPerson, PersonFields, personPaths, personSchema } from './PersonFields';
import { usePilotSchemaForm } from './problems';
import { todayIso } from './vocab';

const caseSchema = (t: TFunction) =>
  z.object({ holder: personSchema(t), openedOn: requiredText(t('fieldErrors.required')), inSai: z.boolean() });

export function CaseCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const create = useCreatePilotCase();
  const form = usePilotSchemaForm({
    schema: caseSchema,
    defaultValues: { holder: emptyPerson, openedOn: todayIso(), inSai: false },
    paths: personPaths('holder', 'holder'),
  });
  // "Prendi in carico" from a referral whose permit procedure has started links the case to it
  const [searchParams] = useSearchParams();
  const referralId = searchParams.get('segnalazione') ?? '';

  const onSubmit = form.submit(async (values) => {
    const created = await create.mutateAsync({ ...values, ...(referralId !== '' ? { referralId } : {}) });
    const path = `/casi/${created.id}`;
    notify(t('cases.create.created', { pseudonym: created.pseudonym }), { path });
    void navigate(path);
  });

  return (
    <>
      <PageHeader
        title={t('cases.create.title')}
        breadcrumbs={[{ label: t('cases.list.title'), to: '/casi' }]}
        lead={t('cases.create.intro')}
      />
      {referralId !== '' && (
        <Alert kind="info">
          <p className="mb-0">{t('cases.create.fromReferral')}</p>
        </Alert>
      )}
      <SchemaFormProvider form={form}>
        <FormSummary />
        <form noValidate onSubmit={onSubmit} className="incas-form">
          <PersonFields base="holder" />
          <fieldset className="mb-4">
            <legend className="h5">{t('cases.create.caseTitle')}</legend>
            <div className="row">
              <div className="col-md-6">
                <FormText name="openedOn" type="date" label={t('cases.create.openedOn')} required />
              </div>
              <div className="col-md-6">
                <FormCheckbox name="inSai" label={t('cases.create.inSai')} />
              </div>
            </div>
          </fieldset>
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {t('cases.create.submit')}
          </button>
        </form>
      </SchemaFormProvider>
    </>
  );
}
