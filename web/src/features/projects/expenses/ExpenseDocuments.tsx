/**
 * The documents of an expense: the list with a download link each (every download is audited by
 * the server), and, while the expense can change, attaching a PDF, PNG or JPEG and removing one.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../../components/Notifications';
import { RecordStatus } from '../../../components/RecordStatus';
import { fileToBase64 } from '../../../lib/files';
import {
  documentHref,
  useDeleteExpenseDocument,
  useExpenseDocuments,
  useUploadExpenseDocument,
  type UploadDocument,
} from './api/documents';
import { dayOf } from './words';

const KINDS: UploadDocument['kind'][] = ['GIUSTIFICATIVO', 'QUIETANZA', 'ALTRO'];

export function ExpenseDocuments({ projectId, expenseId }: { projectId: string; expenseId: string }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const docs = useExpenseDocuments(projectId, expenseId);
  const upload = useUploadExpenseDocument(projectId, expenseId);
  const remove = useDeleteExpenseDocument(projectId, expenseId);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<UploadDocument['kind']>('GIUSTIFICATIVO');
  const [error, setError] = useState<string | null>(null);

  const onUpload = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (file === null) return setError(t('projects.expenses.importPage.noFile'));
    try {
      await upload.mutateAsync({ kind, filename: file.name, content: await fileToBase64(file) });
      notify(t('projects.expenses.documents.uploaded'));
      setFile(null);
      (event.target as HTMLFormElement).reset();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const onRemove = async (documentId: string) => {
    await remove.mutateAsync(documentId);
    notify(t('projects.expenses.documents.removed'));
  };

  return (
    <section className="my-4" aria-labelledby="expense-documents">
      <h2 id="expense-documents" className="h4">
        {t('projects.expenses.documents.title')}
      </h2>
      {!docs.data ? (
        <RecordStatus query={docs} />
      ) : (
        <>
          {docs.data.items.length === 0 ? (
            <p>{t('projects.expenses.documents.empty')}</p>
          ) : (
            <table className="table table-sm">
              <caption className="visually-hidden">{t('projects.expenses.documents.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('projects.expenses.documents.file')}</th>
                  <th scope="col">{t('projects.expenses.documents.kind')}</th>
                  <th scope="col">{t('projects.expenses.documents.size')}</th>
                  <th scope="col">{t('projects.expenses.documents.uploadedAt')}</th>
                  <th scope="col">{t('projects.expenses.documents.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {docs.data.items.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <a
                        href={documentHref(projectId, expenseId, d.id)}
                        aria-label={t('projects.expenses.documents.download', { name: d.filename })}
                      >
                        {d.filename}
                      </a>
                    </td>
                    <td>{t(`projects.expenses.documents.kinds.${d.kind}`)}</td>
                    <td>{Math.max(1, Math.round(d.sizeBytes / 1024))} KB</td>
                    <td>{dayOf(d.uploadedAt.slice(0, 10))}</td>
                    <td>
                      {docs.data.canEdit && (
                        <button
                          type="button"
                          className="btn btn-link btn-sm p-0"
                          disabled={remove.isPending}
                          onClick={() => void onRemove(d.id).catch(() => undefined)}
                        >
                          {t('projects.expenses.documents.remove', { name: d.filename })}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {docs.data.canEdit && (
            <form className="row g-2 align-items-end" onSubmit={(e) => void onUpload(e)}>
              <div className="col-md-6">
                <label htmlFor="document-file" className="form-label d-block">
                  {t('projects.expenses.documents.chooseFile')}
                </label>
                <input
                  id="document-file"
                  type="file"
                  accept=".pdf,.png,.jpg,.jpeg"
                  className="form-control"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                />
              </div>
              <div className="col-md-3">
                <label htmlFor="document-kind" className="form-label">
                  {t('projects.expenses.documents.kind')}
                </label>
                <select
                  id="document-kind"
                  className="form-select"
                  value={kind}
                  onChange={(e) => setKind(e.target.value as UploadDocument['kind'])}
                >
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`projects.expenses.documents.kinds.${k}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="col-md-3">
                <button type="submit" className="btn btn-primary" disabled={upload.isPending}>
                  {t('projects.expenses.documents.upload')}
                </button>
              </div>
              {error !== null && (
                <div className="col-12 alert alert-danger" role="alert">
                  {error}
                </div>
              )}
            </form>
          )}
        </>
      )}
    </section>
  );
}
