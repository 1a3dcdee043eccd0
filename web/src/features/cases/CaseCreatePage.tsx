import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { PageHeader } from '../../components/PageHeader';
import { FormCheckbox, FormSelect, FormSummary, FormText } from '../../components/SchemaFields';
import { useNotify } from '../../components/Notifications';
import { Alert } from '../../components/Alert';
import { SchemaFormProvider, requiredText } from '../../lib/schemaForm';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import { useCreatePilotCase } from './api/create-case';
import { useCaseManagers } from './api/list-case-managers';
import { managerLabel } from './labels';
import { emptyPerson, PersonFields, personPaths, personSchema } from './PersonFields';
import { usePilotSchemaForm } from './problems';
import { todayIso } from './vocab';

const caseSchema = (t: TFunction) =>
  z.object({
    holder: personSchema(t),
    openedOn: requiredText(t('fieldErrors.required')),
    inSai: z.boolean(),
    // the referente names the case manager; empty: whoever registers the case holds it
    ownerUserId: z.string(),
  });

export function CaseCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const create = useCreatePilotCase();
  const form = usePilotSchemaForm({
    schema: caseSchema,
    defaultValues: { holder: emptyPerson, openedOn: todayIso(), inSai: false, ownerUserId: '' },
    paths: personPaths('holder', 'holder'),
    // kept in this tab while being filled in: a session that ends loses nothing (decision 0024)
    draft: 'case-create',
  });
  // "Prendi in carico" from a referral whose permit procedure has started links the case to it
  const [searchParams] = useSearchParams();
  const referralId = searchParams.get('segnalazione') ?? '';

  const me = useSession();
  const namesManager = hasPermission(me, Permission.pilotCasesDecide);
  const managers = useCaseManagers(namesManager).data?.items ?? [];

  const onSubmit = form.submit(async ({ ownerUserId, ...values }) => {
    const created = await create.mutateAsync({
      ...values,
      ...(referralId !== '' ? { referralId } : {}),
      ...(ownerUserId !== '' ? { ownerUserId } : {}),
    });
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
              {namesManager && (
                <div className="col-md-6">
                  <FormSelect
                    name="ownerUserId"
                    label={t('cases.caseManager.choose')}
                    hint={t('cases.caseManager.chooseHint')}
                    emptyOption={t('cases.caseManager.me')}
                    options={managers
                      .filter((m) => m.id !== me.user.id)
                      .map((m) => ({ value: m.id, label: managerLabel(t, m) }))}
                  />
                </div>
              )}
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
