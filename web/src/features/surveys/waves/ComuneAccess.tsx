import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../lib/format';
import { useProblemMessages } from '../../../lib/problemMessages';
import {
  useContacts,
  useIssueLink,
  useLinks,
  usePutContacts,
  useRevokeLink,
  type ContactInput,
  type ContactKind,
  type IssuedLink,
} from './api/access';

const kinds: ContactKind[] = ['email_istituzionale', 'pec', 'referente'];

/** A Comune's personal links: issue (the address shown once, with a copy button), list, revoke. */
export function LinksPanel({ responseId, comune }: { responseId: string; comune: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { messageOf } = useProblemMessages();
  const links = useLinks(responseId);
  const issue = useIssueLink(responseId);
  const revoke = useRevokeLink(responseId);
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const hasActive = links.data?.items.some((l) => l.status === 'attivo') ?? false;

  const onIssue = async () => {
    setCopied(false);
    setIssued(await issue.mutateAsync());
  };

  return (
    <section aria-labelledby={`links-${responseId}`} className="mb-4">
      <h3 id={`links-${responseId}`} className="h6">
        {t('surveys.waves.links.title', { comune })}
      </h3>
      {issued !== null && (
        <Alert kind="warning" live="status">
          <p className="mb-2">
            <strong>{t('surveys.waves.links.onceWarning')}</strong>
          </p>
          <label htmlFor={`link-url-${responseId}`} className="form-label">
            {t('surveys.waves.links.url')}
          </label>
          <div className="d-flex gap-2 align-items-start">
            <input
              id={`link-url-${responseId}`}
              className="form-control"
              readOnly
              value={issued.url}
              onFocus={(e) => e.target.select()}
            />
            <button
              type="button"
              className="btn btn-primary btn-sm"
              onClick={() => void navigator.clipboard.writeText(issued.url).then(() => setCopied(true))}
            >
              {t('surveys.waves.links.copy')}
            </button>
          </div>
          <p className="small mt-2 mb-0" aria-live="polite">
            {copied
              ? t('surveys.waves.links.copied')
              : t('surveys.waves.links.expires', { on: format.date(issued.expiresAt) })}
          </p>
        </Alert>
      )}
      {links.isPending ? (
        <Loading />
      ) : links.isError ? (
        <QueryError error={links.error} />
      ) : links.data.items.length === 0 ? (
        <p>{t('surveys.waves.links.none')}</p>
      ) : (
        <table className="table table-sm">
          <caption className="visually-hidden">{t('surveys.waves.links.caption', { comune })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('surveys.waves.links.created')}</th>
              <th scope="col">{t('surveys.waves.links.status')}</th>
              <th scope="col">{t('surveys.waves.links.expiresOn')}</th>
              <th scope="col">{t('surveys.waves.links.lastUsed')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('surveys.waves.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.data.items.map((l) => (
              <tr key={l.id}>
                <td>
                  {format.dateTime(l.createdAt)}
                  {l.createdBy !== null && <span className="d-block small">{l.createdBy}</span>}
                </td>
                <td>{t(`surveys.waves.links.state.${l.status}`)}</td>
                <td>{format.date(l.expiresAt)}</td>
                <td>{l.lastUsedAt !== null ? format.dateTime(l.lastUsedAt) : t('surveys.waves.never')}</td>
                <td>
                  {l.status === 'attivo' &&
                    (confirming === l.id ? (
                      <span className="d-flex gap-2">
                        <button
                          type="button"
                          className="btn btn-danger btn-sm"
                          onClick={() => void revoke.mutateAsync(l.id).then(() => setConfirming(null))}
                        >
                          {t('surveys.waves.links.confirmRevoke')}
                        </button>
                        <button
                          type="button"
                          className="btn btn-outline-primary btn-sm"
                          onClick={() => setConfirming(null)}
                        >
                          {t('surveys.waves.cancel')}
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-outline-danger btn-sm"
                        onClick={() => setConfirming(l.id)}
                      >
                        {t('surveys.waves.links.revoke')}
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(issue.isError || revoke.isError) && (
        <Alert kind="danger" live="alert">
          {messageOf(issue.error ?? revoke.error)}
        </Alert>
      )}
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        disabled={issue.isPending}
        onClick={() => void onIssue()}
      >
        {hasActive ? t('surveys.waves.links.reissue') : t('surveys.waves.links.issue')}
      </button>
      {hasActive && <p className="small mt-1">{t('surveys.waves.links.reissueHint')}</p>}
    </section>
  );
}

/** A Comune's contacts (question A3 of the 2021 census: who answers, in what role), edited as a list. */
export function ContactsEditor({ istat, comune, canEdit }: { istat: string; comune: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const contacts = useContacts(istat);
  const save = usePutContacts(istat);
  const [rows, setRows] = useState<ContactInput[] | null>(null);
  const [saved, setSaved] = useState(false);

  if (contacts.isPending) return <Loading />;
  if (contacts.isError) return <QueryError error={contacts.error} />;
  const items: ContactInput[] =
    rows ??
    contacts.data.items.map((c) => ({
      kind: c.kind,
      email: c.email,
      personName: c.personName,
      personRole: c.personRole,
    }));
  const update = (i: number, patch: Partial<ContactInput>) => {
    setSaved(false);
    setRows(items.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    await save.mutateAsync(
      items.map((r) => ({
        ...r,
        email: r.email.trim(),
        personName: r.personName?.trim() || null,
        personRole: r.personRole?.trim() || null,
      })),
    );
    setRows(null);
    setSaved(true);
  };

  return (
    <section aria-labelledby={`contacts-${istat}`}>
      <h3 id={`contacts-${istat}`} className="h6">
        {t('surveys.waves.contacts.title', { comune })}
      </h3>
      {!canEdit ? (
        items.length === 0 ? (
          <p>{t('surveys.waves.contacts.none')}</p>
        ) : (
          <ul>
            {items.map((c) => (
              <li key={`${c.kind}-${c.email}`}>
                {t(`surveys.waves.contacts.kind.${c.kind}`)}: {c.email}
                {c.personName !== null && ` — ${c.personName}`}
                {c.personRole !== null && ` (${c.personRole})`}
              </li>
            ))}
          </ul>
        )
      ) : (
        <form noValidate onSubmit={(e) => void onSubmit(e)}>
          {items.length === 0 && <p>{t('surveys.waves.contacts.none')}</p>}
          {items.map((c, i) => (
            <fieldset key={i} className="border rounded p-2 mb-2">
              <legend className="h6 float-none w-auto px-1 fs-6">
                {t('surveys.waves.contacts.nth', { n: i + 1 })}
              </legend>
              <div className="row">
                <SelectField
                  id={`contact-${istat}-${i}-kind`}
                  className="col-md-3"
                  label={t('surveys.waves.contacts.kindLabel')}
                  value={c.kind}
                  onChange={(e) => update(i, { kind: e.target.value as ContactKind })}
                  options={kinds.map((k) => ({ value: k, label: t(`surveys.waves.contacts.kind.${k}`) }))}
                />
                <TextField
                  id={`contact-${istat}-${i}-email`}
                  className="col-md-3"
                  type="email"
                  label={t('surveys.waves.contacts.email')}
                  value={c.email}
                  onChange={(e) => update(i, { email: e.target.value })}
                  required
                />
                <TextField
                  id={`contact-${istat}-${i}-name`}
                  className="col-md-3"
                  label={t('surveys.waves.contacts.personName')}
                  value={c.personName ?? ''}
                  onChange={(e) => update(i, { personName: e.target.value })}
                  required={c.kind === 'referente'}
                />
                <TextField
                  id={`contact-${istat}-${i}-role`}
                  className="col-md-3"
                  label={t('surveys.waves.contacts.personRole')}
                  value={c.personRole ?? ''}
                  onChange={(e) => update(i, { personRole: e.target.value })}
                />
              </div>
              <button
                type="button"
                className="btn btn-link btn-sm p-0"
                onClick={() => setRows(items.filter((_, j) => j !== i))}
              >
                {t('surveys.waves.contacts.remove')}
              </button>
            </fieldset>
          ))}
          {save.isError && (
            <Alert kind="danger" live="alert">
              {messageOf(save.error)}
            </Alert>
          )}
          <p aria-live="polite" className="small">
            {saved ? t('surveys.waves.contacts.saved') : ''}
          </p>
          <div className="d-flex gap-2">
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => setRows([...items, { kind: 'referente', email: '', personName: null, personRole: null }])}
            >
              {t('surveys.waves.contacts.add')}
            </button>
            <button type="submit" className="btn btn-primary btn-sm" disabled={save.isPending}>
              {t('surveys.waves.contacts.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
