/** The fields of a message shared by the new-thread form and the reply: the mentions and the attachments. */
import { useTranslation } from 'react-i18next';
import { MultiListPicker } from '../../../components/ListPicker';
import { fileToBase64 } from '../../../lib/files';
import { useParticipants } from './api/threads';

export const MAX_FILES = 3;

/** The chosen files as the API takes them (name and base64 bytes). */
export async function toUploads(files: File[]): Promise<{ fileName: string; content: string }[]> {
  return Promise.all(files.map(async (f) => ({ fileName: f.name, content: await fileToBase64(f) })));
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The people to mention: a picker of the participants' names (organisation and role beside). */
export function MentionsField({
  id,
  comuneIstat,
  values,
  onChange,
}: {
  id: string;
  comuneIstat: string;
  values: string[];
  onChange: (values: string[]) => void;
}) {
  const { t } = useTranslation();
  const participants = useParticipants(comuneIstat);
  const people = participants.data?.items ?? [];
  const describe = (p: (typeof people)[number]) =>
    `${p.organisation} · ${p.roles.map((r) => t(`roles.${r}` as 'roles.regione')).join(', ')}`;
  return (
    <MultiListPicker
      id={id}
      label={t('plans.dialogue.thread.mentions')}
      hint={t('plans.dialogue.thread.mentionsHint')}
      values={values}
      onChange={onChange}
      max={20}
      search={(text) => {
        const q = fold(text.trim());
        return people
          .filter((p) => fold(`${p.displayName} ${p.organisation}`).includes(q))
          .slice(0, 10)
          .map((p) => ({ value: p.userId, label: p.displayName, description: describe(p) }));
      }}
      nameOf={(v) => people.find((p) => p.userId === v)?.displayName ?? ''}
    />
  );
}

/** Up to three PDF, PNG or JPEG files. */
export function AttachmentsField({
  id,
  files,
  onChange,
}: {
  id: string;
  files: File[];
  onChange: (files: File[]) => void;
}) {
  const { t } = useTranslation();
  const tooMany = files.length > MAX_FILES;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="form-label d-block">
        {t('plans.dialogue.thread.files')}
      </label>
      <input
        id={id}
        type="file"
        className="form-control"
        multiple
        accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
        aria-invalid={tooMany ? true : undefined}
        aria-describedby={tooMany ? `${id}-error` : undefined}
        onChange={(e) => onChange(Array.from(e.target.files ?? []))}
      />
      {tooMany && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {t('plans.dialogue.thread.tooManyFiles')}
        </div>
      )}
    </div>
  );
}
