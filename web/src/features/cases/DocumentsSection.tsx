import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { FieldMessages, describedBy } from '../../components/FormField';
import { FormSelect, FormSummary, useSchemaField } from '../../components/SchemaFields';
import { useNotify } from '../../components/Notifications';
import { OnDemand } from '../../components/OnDemand';
import { RecordStatus } from '../../components/RecordStatus';
import { Alert } from '../../components/Alert';
import { useFormat } from '../../lib/format';
import { oneOfField, SchemaFormProvider } from '../../lib/schemaForm';
import type { CaseDetail, CaseDocument, DocumentKind } from './api/types';
import { documentUrl, usePilotDocuments } from './api/list-documents';
import { useUploadPilotDocument } from './api/upload-document';
import { useRemovePilotDocument } from './api/remove-document';
import { usePilotMessage, usePilotSchemaForm } from './problems';
import { fileToBase64 } from '../../lib/files';

export const DOCUMENT_KINDS = [
  'pai_firmato',
  'permesso_soggiorno',
  'documento_identita',
  'altro',
] as const satisfies readonly DocumentKind[];
/** The server refuses more (and checks the type by content); this is the early, friendly check. */
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPTED = /\.(pdf|png|jpe?g)$/i;

const uploadSchema = (t: TFunction) =>
  z.object({
    personId: z.string().min(1, t('fieldErrors.required')),
    kind: oneOfField(DOCUMENT_KINDS, t('fieldErrors.required')),
    paiId: z.string(),
    file: z
      .custom<File | null>()
      .refine((f): f is File => f instanceof File, t('cases.documents.fileRequired'))
      .refine((f) => !(f instanceof File) || ACCEPTED.test(f.name), t('cases.documents.fileType'))
      .refine((f) => !(f instanceof File) || f.size <= MAX_BYTES, t('cases.documents.fileSize')),
  });

function FileField({ name, label, hint }: { name: string; label: string; hint: string }) {
  const { field, inputRef, id, error } = useSchemaField({ name }, label);
  return (
    <div className="form-group">
      <label htmlFor={id} className="active">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="file"
        className={`form-control${error !== undefined ? ' is-invalid' : ''}`}
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => field.onChange(e.target.files?.[0] ?? null)}
        onBlur={field.onBlur}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

function UploadForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const upload = useUploadPilotDocument(detail.id);
  const form = usePilotSchemaForm({
    schema: uploadSchema,
    defaultValues: { personId: detail.members[0]?.personId ?? '', kind: '', paiId: '', file: null },
    idPrefix: 'doc-',
  });
  const personId = useWatch({ control: form.methods.control, name: 'personId' });
  const pai = detail.members.find((m) => m.personId === personId)?.pai ?? null;

  const onSubmit = form.submit(async ({ personId: person, kind, paiId, file }) => {
    const saved = await upload.mutateAsync({
      personId: person,
      kind,
      paiId: paiId === '' ? null : paiId,
      filename: file.name,
      content: await fileToBase64(file),
    });
    notify(t('cases.documents.added', { name: saved.filename }));
  });

  return (
    <SchemaFormProvider form={form}>
      <FormSummary />
      <form noValidate onSubmit={onSubmit} className="incas-form" aria-labelledby="doc-form-title">
        <h3 id="doc-form-title" className="h5">
          {t('cases.documents.formTitle')}
        </h3>
        <div className="row">
          <div className="col-md-6">
            <FormSelect
              name="personId"
              label={t('cases.documents.person')}
              required
              options={detail.members.map((m) => ({ value: m.personId, label: m.pseudonym }))}
            />
          </div>
          <div className="col-md-6">
            <FormSelect
              name="kind"
              label={t('cases.documents.kind')}
              required
              emptyOption={t('form.choose')}
              options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`cases.documentKind.${k}`) }))}
            />
          </div>
          <div className="col-md-6">
            <FormSelect
              name="paiId"
              label={t('cases.documents.pai')}
              emptyOption={t('cases.documents.noPai')}
              options={
                pai === null
                  ? []
                  : [{ value: pai.id, label: t('cases.documents.paiVersion', { version: pai.version }) }]
              }
            />
          </div>
          <div className="col-md-6">
            <FileField name="file" label={t('cases.documents.file')} hint={t('cases.documents.fileHint')} />
          </div>
        </div>
        <button type="submit" className="btn btn-primary" disabled={upload.isPending}>
          {t('cases.documents.submit')}
        </button>
      </form>
    </SchemaFormProvider>
  );
}

function DeleteButton({ detail, doc }: { detail: CaseDetail; doc: CaseDocument }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const message = usePilotMessage();
  const remove = useRemovePilotDocument(detail.id);
  const onClick = () => {
    if (!window.confirm(t('cases.documents.confirmDelete', { name: doc.filename }))) return;
    remove.mutate(doc.id, { onSuccess: () => notify(t('cases.documents.deleted', { name: doc.filename })) });
  };
  return (
    <>
      <button
        type="button"
        className="btn btn-outline-danger btn-sm"
        onClick={onClick}
        disabled={remove.isPending}
        aria-label={t('cases.documents.deleteNamed', { name: doc.filename })}
      >
        {t('cases.documents.delete')}
      </button>
      {remove.error !== null && (
        <Alert kind="danger" live="alert" className="mt-2 mb-0">
          {message(remove.error)}
        </Alert>
      )}
    </>
  );
}

/** "Documenti": files attached to the case's persons and PAIs; each download is audited. */
export function DocumentsSection({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const documents = usePilotDocuments(detail.id);
  const size = (n: number) =>
    n < 1024 * 1024
      ? t('cases.documents.kb', { n: Math.max(1, Math.round(n / 1024)) })
      : t('cases.documents.mb', { n: (n / (1024 * 1024)).toFixed(1) });
  return (
    <section aria-labelledby="documents-title" className="mb-5">
      <h2 id="documents-title">{t('cases.documents.title')}</h2>
      <p>{t('cases.documents.intro')}</p>
      {canWrite && detail.status !== 'chiuso' && (
        <OnDemand openLabel={t('cases.documents.open')} closeLabel={t('cases.casePage.closeForm')}>
          <UploadForm detail={detail} />
        </OnDemand>
      )}
      {documents.isPending || documents.error !== null ? (
        <RecordStatus query={documents} />
      ) : documents.data.items.length === 0 ? (
        <p>{t('cases.documents.none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>{t('cases.documents.caption', { pseudonym: detail.pseudonym })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.documents.name')}</th>
                <th scope="col">{t('cases.documents.kind')}</th>
                <th scope="col">{t('cases.documents.person')}</th>
                <th scope="col">{t('cases.documents.size')}</th>
                <th scope="col">{t('cases.documents.uploaded')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('cases.documents.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {documents.data.items.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <a href={documentUrl(d.id)} download={d.filename}>
                      {d.filename}
                    </a>
                  </th>
                  <td>
                    {t(`cases.documentKind.${d.kind}`)}
                    {d.paiId !== null && <span className="d-block small">{t('cases.documents.ofPai')}</span>}
                  </td>
                  <td>{d.pseudonym}</td>
                  <td>{size(d.sizeBytes)}</td>
                  <td>
                    {dateTime(d.uploadedAt)}
                    {d.uploadedBy !== null && <span className="d-block small">{d.uploadedBy}</span>}
                  </td>
                  <td>{d.canDelete && <DeleteButton detail={detail} doc={d} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
