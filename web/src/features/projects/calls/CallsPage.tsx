import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { api, unwrap } from '../../../api/client';
import { isProblem } from '../../../api/problem';
import { dayFormat, localeOf } from '../../../lib/format';
import { useProblemMessages } from '../../../lib/problemMessages';
import { hasPermission, useSession } from '../../../lib/session';
import { Permission } from '../../../lib/permissions';
import { useCreateCall } from './api/create-call';
import { useCreateSource } from './api/create-funding-source';
import { useCalls } from './api/list-calls';
import { useFundingSources } from './api/list-funding-sources';
import type { CallSummary, Rules } from './api/types';
import { starterRules } from './starter-rules';

const CALL_CODE = /^[A-Za-z0-9][A-Za-z0-9_./-]{1,59}$/;
const SOURCE_CODE = /^[A-Z0-9][A-Z0-9_]{1,39}$/;

/** /bandi: the calls for proposals with the version of their rules in force; a new call for ANCI/Cittalia and MLPS. */
export function CallsPage() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const calls = useCalls();
  const canManage = hasPermission(me, Permission.projectsCallsManage);
  const day = dayFormat(localeOf(i18n.language));
  const d = (iso: string) => day.format(new Date(`${iso}T00:00:00Z`));
  return (
    <>
      <PageHeader title={t('projects.calls.list.title')} lead={t('projects.calls.list.lead')} />
      {calls.isPending ? (
        <Loading />
      ) : calls.isError ? (
        <QueryError error={calls.error} onRetry={() => void calls.refetch()} />
      ) : calls.data.items.length === 0 ? (
        <p>{t('projects.calls.list.none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table">
            <caption>{t('projects.calls.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projects.calls.list.call')}</th>
                <th scope="col">{t('projects.calls.list.source')}</th>
                <th scope="col">{t('projects.calls.list.version')}</th>
                <th scope="col">{t('projects.calls.list.eligibility')}</th>
                <th scope="col">{t('projects.calls.list.projects')}</th>
              </tr>
            </thead>
            <tbody>
              {calls.data.items.map((c: CallSummary) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/bandi/${c.id}`}>
                      {i18n.language.startsWith('en') && c.titleEn ? c.titleEn : c.titleIt}
                    </Link>
                    <div className="small text-muted">{c.code}</div>
                  </th>
                  <td>{c.fundingSource.nameIt}</td>
                  <td>
                    {c.latestPublished
                      ? t('projects.calls.list.versionNo', { n: c.latestPublished.versionNo })
                      : t('projects.calls.list.notPublished')}
                    {c.hasDraft && canManage && (
                      <span className="badge bg-warning text-dark ms-2">{t('projects.calls.list.draft')}</span>
                    )}
                  </td>
                  <td>
                    {c.latestPublished
                      ? t('projects.calls.list.fromTo', {
                          from: d(c.latestPublished.eligibility.from),
                          to: d(c.latestPublished.eligibility.to),
                        })
                      : '—'}
                  </td>
                  <td>{c.projectCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage && calls.isSuccess && <CreateCallForm calls={calls.data.items} />}
    </>
  );
}

function CreateCallForm({ calls }: { calls: readonly CallSummary[] }) {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const navigate = useNavigate();
  const sources = useFundingSources();
  const create = useCreateCall();
  const [sourceId, setSourceId] = useState('');
  const [code, setCode] = useState('');
  const [titleIt, setTitleIt] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [base, setBase] = useState('');
  const [checked, setChecked] = useState(false);
  const codeError =
    checked && !CALL_CODE.test(code)
      ? t('projects.calls.create.codeInvalid')
      : isProblem(create.error, 'projects.call.code_taken')
        ? t('projects.calls.create.codeTaken')
        : undefined;
  const titleError = checked && titleIt.trim().length < 2 ? t('projects.calls.create.required') : undefined;
  const sourceError = checked && !sourceId ? t('projects.calls.create.required') : undefined;
  const published = calls.filter((c) => c.latestPublished);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (!sourceId || !CALL_CODE.test(code) || titleIt.trim().length < 2) {
      document
        .getElementById(!sourceId ? 'call-source' : !CALL_CODE.test(code) ? 'call-code' : 'call-title-it')
        ?.focus();
      return;
    }
    // the rules start from a published call's (copied as a draft) or from a minimal set to complete
    let rules: Rules = starterRules();
    if (base) {
      const detail = await unwrap(api.GET('/api/v1/funding-calls/{callId}', { params: { path: { callId: base } } }));
      const latest = detail.versions.find((v) => v.published);
      if (latest) rules = latest.rules;
    }
    create.mutate(
      {
        fundingSourceId: sourceId,
        code,
        titleIt: titleIt.trim(),
        ...(titleEn.trim() ? { titleEn: titleEn.trim() } : {}),
        rules,
      },
      { onSuccess: (c) => void navigate(`/bandi/${c.id}`) },
    );
  };

  return (
    <section aria-labelledby="call-create-title" className="mt-5">
      <h2 id="call-create-title" className="h4">
        {t('projects.calls.create.title')}
      </h2>
      {create.isError && !isProblem(create.error, 'projects.call.code_taken') && (
        <Alert kind="danger" live="alert">
          {messageOf(create.error)}
        </Alert>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <SelectField
          id="call-source"
          label={t('projects.calls.create.source')}
          value={sourceId}
          error={sourceError}
          emptyOption={t('projects.calls.create.choose')}
          options={(sources.data?.items ?? []).map((s) => ({ value: s.id, label: s.nameIt }))}
          onChange={(e) => setSourceId(e.target.value)}
        />
        <TextField
          id="call-code"
          label={t('projects.calls.create.code')}
          hint={t('projects.calls.create.codeHint')}
          error={codeError}
          value={code}
          required
          autoComplete="off"
          onChange={(e) => setCode(e.target.value)}
        />
        <TextField
          id="call-title-it"
          label={t('projects.calls.create.titleIt')}
          error={titleError}
          value={titleIt}
          required
          maxLength={300}
          onChange={(e) => setTitleIt(e.target.value)}
        />
        <TextField
          id="call-title-en"
          label={t('projects.calls.create.titleEn')}
          value={titleEn}
          maxLength={300}
          onChange={(e) => setTitleEn(e.target.value)}
        />
        <SelectField
          id="call-base"
          label={t('projects.calls.create.base')}
          hint={t('projects.calls.create.baseHint')}
          value={base}
          emptyOption={t('projects.calls.create.baseNone')}
          options={published.map((c) => ({ value: c.id, label: c.titleIt }))}
          onChange={(e) => setBase(e.target.value)}
        />
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('projects.calls.create.submit')}
        </button>
      </form>
      <CreateSourceForm onCreated={setSourceId} />
    </section>
  );
}

function CreateSourceForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const create = useCreateSource();
  const [code, setCode] = useState('');
  const [nameIt, setNameIt] = useState('');
  const [programmeRef, setProgrammeRef] = useState('');
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const codeError =
    checked && !SOURCE_CODE.test(code)
      ? t('projects.calls.source.codeInvalid')
      : isProblem(create.error, 'projects.funding_source.code_taken')
        ? t('projects.calls.source.codeTaken')
        : undefined;
  const nameError = checked && nameIt.trim().length < 2 ? t('projects.calls.create.required') : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setDone(null);
    if (!SOURCE_CODE.test(code) || nameIt.trim().length < 2) return;
    create.mutate(
      { code, nameIt: nameIt.trim(), ...(programmeRef.trim() ? { programmeRef: programmeRef.trim() } : {}) },
      {
        onSuccess: (s) => {
          setDone(s.nameIt);
          onCreated(s.id);
          setCode('');
          setNameIt('');
          setProgrammeRef('');
          setChecked(false);
        },
      },
    );
  };
  return (
    <details className="mt-4">
      <summary>{t('projects.calls.source.title')}</summary>
      {done && (
        <Alert kind="success" live="status">
          {t('projects.calls.source.created', { name: done })}
        </Alert>
      )}
      {create.isError && !isProblem(create.error, 'projects.funding_source.code_taken') && (
        <Alert kind="danger" live="alert">
          {messageOf(create.error)}
        </Alert>
      )}
      <form onSubmit={submit} noValidate className="mt-3">
        <TextField
          id="source-code"
          label={t('projects.calls.source.code')}
          hint={t('projects.calls.source.codeHint')}
          error={codeError}
          value={code}
          required
          autoComplete="off"
          onChange={(e) => setCode(e.target.value.toUpperCase())}
        />
        <TextField
          id="source-name"
          label={t('projects.calls.source.name')}
          error={nameError}
          value={nameIt}
          required
          maxLength={200}
          onChange={(e) => setNameIt(e.target.value)}
        />
        <TextField
          id="source-programme"
          label={t('projects.calls.source.programme')}
          value={programmeRef}
          maxLength={300}
          onChange={(e) => setProgrammeRef(e.target.value)}
        />
        <button type="submit" className="btn btn-outline-primary" disabled={create.isPending}>
          {t('projects.calls.source.submit')}
        </button>
      </form>
    </details>
  );
}
