import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { FormCheckbox, FormSelect, FormSummary } from '../../components/SchemaFields';
import { useNotify } from '../../components/Notifications';
import { SchemaFormProvider, oneOfField } from '../../lib/schemaForm';
import type { CaseDetail } from './api/types';
import { useAddPilotMember } from './api/add-member';
import { emptyPerson, PersonFields, personPaths, personSchema } from './PersonFields';
import { usePilotSchemaForm } from './problems';
import { RELATIONS } from './vocab';

const memberSchema = (t: TFunction) =>
  z.object({
    relation: oneOfField(RELATIONS, t('fieldErrors.required')),
    inNucleo: z.boolean(),
    presentInItaly: z.boolean(),
    member: personSchema(t),
  });
const empty = { relation: '', inNucleo: true, presentInItaly: true, member: emptyPerson };

/** "Aggiungi familiare": the relation to the holder and the person; kinship is computed by the server. */
export function AddMemberForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const add = useAddPilotMember(detail.id);
  const form = usePilotSchemaForm({
    schema: memberSchema,
    defaultValues: empty,
    paths: personPaths('person', 'member'),
  });

  const onSubmit = form.submit(async ({ member, ...values }) => {
    const before = new Set(detail.members.map((m) => m.personId));
    const updated = await add.mutateAsync({ ...values, person: member });
    const added = updated.members.find((m) => !before.has(m.personId));
    notify(t('cases.member.added', { pseudonym: added?.pseudonym ?? '' }));
    // the two checkboxes keep their state for the next relative, as they always have
    form.reset({
      ...empty,
      inNucleo: form.methods.getValues('inNucleo'),
      presentInItaly: form.methods.getValues('presentInItaly'),
    });
  });

  return (
    <section aria-labelledby="add-member-title" className="mb-5">
      <h2 id="add-member-title">{t('cases.member.title')}</h2>
      <p>{t('cases.member.intro')}</p>
      <SchemaFormProvider form={form}>
        <FormSummary />
        <form noValidate onSubmit={onSubmit} className="incas-form">
          <div className="row pt-3">
            <div className="col-md-6">
              <FormSelect
                name="relation"
                id="member-relation"
                label={t('cases.member.relation')}
                required
                emptyOption={t('form.choose')}
                options={RELATIONS.map((r) => ({ value: r, label: t(`cases.relation.${r}`) }))}
              />
            </div>
            <div className="col-md-6">
              <FormCheckbox name="inNucleo" id="member-inNucleo" label={t('cases.member.inNucleo')} />
              <FormCheckbox name="presentInItaly" id="member-present" label={t('cases.member.presentInItaly')} />
            </div>
          </div>
          <PersonFields base="member" />
          <button type="submit" className="btn btn-primary" disabled={add.isPending}>
            {t('cases.member.submit')}
          </button>
        </form>
      </SchemaFormProvider>
    </section>
  );
}
