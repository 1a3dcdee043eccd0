/** The attachments of a request's messages: up to three PDF, PNG or JPEG files, sent in base64. */
import { useTranslation } from 'react-i18next';
import { fileToBase64 } from '../../../lib/files';

export const MAX_FILES = 3;

/** The chosen files as the API takes them. */
export async function toUploads(files: File[]): Promise<{ filename: string; content: string }[]> {
  return Promise.all(files.map(async (f) => ({ filename: f.name, content: await fileToBase64(f) })));
}

/** Up to three PDF, PNG or JPEG files. */
export function FilesField({ id, onChange, tooMany }: { id: string; onChange: (f: File[]) => void; tooMany: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="mb-4">
      <label htmlFor={id} className="form-label d-block">
        {t('helpdesk.requests.form.files')}
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
          {t('helpdesk.requests.form.tooManyFiles')}
        </div>
      )}
    </div>
  );
}
