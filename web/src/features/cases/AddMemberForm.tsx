import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useNotify } from '../../components/Notifications';
import { oneOf } from '../../lib/listParams';
import type { CaseDetail } from './api/types';
import { useAddPilotMember } from './api/add-member';
import { emptyPerson, PersonFields, personPaths, usePersonCheck, usePersonLabels, type PersonDraft } from './PersonFields';
import { usePilotForm } from './problems';
import { RELATIONS } from './vocab';

const PREFIX = 'member-';

/** "Aggiungi familiare": the relation to the holder and the person; kinship is computed by the server. */
export function AddMemberForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const form = usePilotForm();
  const add = useAddPilotMember(detail.id);
  const checkPerson = usePersonCheck(PREFIX);
  const personLabels = usePersonLabels(PREFIX);
  const [relation, setRelation] = useState('');
  const [inNucleo, setInNucleo] = useState(true);
  const [presentInItaly, setPresentInItaly] = useState(true);
  const [person, setPerson] = useState<PersonDraft>(emptyPerson);
  const labels = { ...personLabels, 'member-relation': t('cases.member.relation') };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const rel = oneOf(relation, RELATIONS);
    const { checks, input } = checkPerson(person);
    const ok = form.check({ ...checks, 'member-relation': rel === undefined ? t('fieldErrors.required') : undefined });
    if (!ok || rel === undefined || input === null) return;
    const before = new Set(detail.members.map((m) => m.personId));
    add.mutate(
      { relation: rel, inNucleo, presentInItaly, person: input },
      {
        onSuccess: (updated) => {
          const added = updated.members.find((m) => !before.has(m.personId));
          notify(t('cases.member.added', { pseudonym: added?.pseudonym ?? '' }));
          setPerson(emptyPerson);
          setRelation('');
        },
        onError: (error) => form.fail(error, { ...personPaths('person', PREFIX), relation: 'member-relation' }),
      },
    );
  };

  return (
    <section aria-labelledby="add-member-title" className="mb-5">
      <h2 id="add-member-title">{t('cases.member.title')}</h2>
      <p>{t('cases.member.intro')}</p>
      <FormErrorSummary {...form.summary} labels={labels} />
      <form noValidate onSubmit={onSubmit} className="incas-form">
        <div className="row pt-3">
          <div className="col-md-6">
            <SelectField
              id="member-relation"
              label={t('cases.member.relation')}
              required
              emptyOption={t('form.choose')}
              value={relation}
              onChange={(e) => setRelation(e.target.value)}
              options={RELATIONS.map((r) => ({ value: r, label: t(`cases.relation.${r}`) }))}
              error={form.errors['member-relation']}
            />
          </div>
          <div className="col-md-6">
            <CheckboxField id="member-inNucleo" label={t('cases.member.inNucleo')} checked={inNucleo} onChange={(e) => setInNucleo(e.target.checked)} />
            <CheckboxField id="member-present" label={t('cases.member.presentInItaly')} checked={presentInItaly} onChange={(e) => setPresentInItaly(e.target.checked)} />
          </div>
        </div>
        <PersonFields prefix={PREFIX} value={person} onChange={setPerson} errors={form.errors} />
        <button type="submit" className="btn btn-primary" disabled={add.isPending}>
          {t('cases.member.submit')}
        </button>
      </form>
    </section>
  );
}
