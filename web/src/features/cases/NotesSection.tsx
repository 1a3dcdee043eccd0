import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { FormSummary, FormTextArea } from '../../components/SchemaFields';
import { useNotify } from '../../components/Notifications';
import { OnDemand } from '../../components/OnDemand';
import { RecordStatus } from '../../components/RecordStatus';
import { useFormat } from '../../lib/format';
import { SchemaFormProvider } from '../../lib/schemaForm';
import type { CaseDetail } from './api/types';
import { useAddPilotNote } from './api/add-note';
import { usePilotNotes } from './api/list-notes';
import { usePilotSchemaForm } from './problems';

const MAX_NOTE = 4000;

const noteSchema = (t: TFunction) =>
  z.object({
    text: z
      .string()
      .transform((v) => v.trim())
      .refine((v) => v.length > 0, t('fieldErrors.required'))
      .refine((v) => v.length <= MAX_NOTE, t('fieldErrors.too_big')),
  });

function NoteForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const add = useAddPilotNote(detail.id);
  const form = usePilotSchemaForm({
    schema: noteSchema,
    defaultValues: { text: '' },
    idPrefix: 'note-',
    draft: `case-note.${detail.id}`,
  });
  const onSubmit = form.submit(async ({ text }) => {
    await add.mutateAsync(text);
    notify(t('cases.notes.added'));
  });
  return (
    <SchemaFormProvider form={form}>
      <FormSummary />
      <form noValidate onSubmit={onSubmit} className="incas-form">
        <FormTextArea name="text" label={t('cases.notes.text')} hint={t('cases.notes.hint')} rows={4} required />
        <button type="submit" className="btn btn-primary" disabled={add.isPending}>
          {t('cases.notes.submit')}
        </button>
      </form>
    </SchemaFormProvider>
  );
}

/** "Note del caso": seen only inside the Comune; append-only; reading them is audited. */
export function NotesSection({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const notes = usePilotNotes(detail.id);
  return (
    <section aria-labelledby="notes-title" className="mb-5">
      <h2 id="notes-title">{t('cases.notes.title')}</h2>
      <p>{t('cases.notes.intro')}</p>
      {canWrite && (
        <OnDemand openLabel={t('cases.notes.open')} closeLabel={t('cases.casePage.closeForm')}>
          <NoteForm detail={detail} />
        </OnDemand>
      )}
      {notes.isPending || notes.error !== null ? (
        <RecordStatus query={notes} />
      ) : notes.data.items.length === 0 ? (
        <p>{t('cases.notes.none')}</p>
      ) : (
        <ol className="list-unstyled">
          {notes.data.items.map((n) => (
            <li key={n.id} className="mb-3 border-start border-3 ps-3">
              <p className="small mb-1">
                <strong>{n.author ?? t('cases.privacy.unknownUser')}</strong> – {dateTime(n.createdAt)}
              </p>
              <p className="mb-0 incas-note">{n.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
