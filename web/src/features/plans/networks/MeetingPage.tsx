import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField, TextAreaField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { SearchPicker } from '../../../components/SearchPicker';
import { fileToBase64 } from '../../../lib/files';
import { useLabels } from '../../../lib/labels';
import { useOrganisationChoices } from '../../../lib/lookups';
import { useProblemMessages } from '../../../lib/problemMessages';
import {
  useCreateFollowUp,
  useCreateMeeting,
  useMeeting,
  useNetwork,
  useUpdateFollowUp,
  useUpdateMeeting,
  useUploadMinutes,
} from './api/networks';
import { dmy, FOLLOW_UP_KINDS, MEETING_KINDS, type FollowUpKind, type Meeting, type MeetingKind } from './types';

interface OrgChoice {
  id: string;
  name: string;
}

/** The meeting's fields: date, kind in words, title, place, agenda, organisations, participants. */
function MeetingForm({
  initial,
  networkName,
  pending,
  error,
  submitLabel,
  onSubmit,
}: {
  initial: Meeting | null;
  networkName: string | null;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (v: {
    kind: MeetingKind;
    title: string;
    heldOn: string;
    place: string | null;
    agenda: string | null;
    participantsCount: number;
    organisationIds: string[];
  }) => void;
}) {
  const { t } = useTranslation();
  const label = useLabels();
  const { messageOf } = useProblemMessages();
  const [kind, setKind] = useState<MeetingKind>(initial?.kind ?? 'TAVOLO');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [heldOn, setHeldOn] = useState(initial?.heldOn ?? '');
  const [place, setPlace] = useState(initial?.place ?? '');
  const [agenda, setAgenda] = useState(initial?.agenda ?? '');
  const [participants, setParticipants] = useState(String(initial?.participantsCount ?? 0));
  const [orgs, setOrgs] = useState<OrgChoice[]>(
    initial?.organisationList.map((o) => ({ id: o.id, name: o.name })) ?? [],
  );
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const choices = useOrganisationChoices(text);
  const count = Number(participants);
  const errors = {
    title: tried && title.trim().length < 3 ? t('plans.networks.meeting.titleRequired') : undefined,
    heldOn: tried && !heldOn ? t('plans.networks.meeting.dateRequired') : undefined,
    participants:
      tried && (!Number.isInteger(count) || count < 0) ? t('plans.networks.meeting.participantsInvalid') : undefined,
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (title.trim().length < 3 || !heldOn || !Number.isInteger(count) || count < 0) return;
    onSubmit({
      kind,
      title: title.trim(),
      heldOn,
      place: place.trim() || null,
      agenda: agenda.trim() || null,
      participantsCount: count,
      organisationIds: orgs.map((o) => o.id),
    });
  };
  const taken = new Set(orgs.map((o) => o.id));
  return (
    <form onSubmit={submit} noValidate className="mb-5">
      {error !== null && error !== undefined && (
        <Alert kind="danger" live="alert">
          {messageOf(error)}
        </Alert>
      )}
      {networkName && <p>{t('plans.networks.meeting.ofNetwork', { name: networkName })}</p>}
      <div className="row">
        <div className="col-md-6">
          <TextField
            id="meeting-date"
            type="date"
            label={t('plans.networks.meeting.date')}
            value={heldOn}
            required
            error={errors.heldOn}
            onChange={(e) => setHeldOn(e.target.value)}
          />
        </div>
        <div className="col-md-6">
          <SelectField
            id="meeting-kind"
            label={t('plans.networks.meeting.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as MeetingKind)}
            options={MEETING_KINDS.map((k) => ({ value: k, label: t(`plans.common.meetingKinds.${k}`) }))}
          />
        </div>
      </div>
      <TextField
        id="meeting-title"
        label={t('plans.networks.meeting.title')}
        value={title}
        required
        maxLength={300}
        error={errors.title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextField
        id="meeting-place"
        label={t('plans.networks.meeting.place')}
        value={place}
        maxLength={300}
        onChange={(e) => setPlace(e.target.value)}
      />
      <TextAreaField
        id="meeting-agenda"
        label={t('plans.networks.meeting.agenda')}
        value={agenda}
        rows={4}
        maxLength={8000}
        onChange={(e) => setAgenda(e.target.value)}
      />
      <TextField
        id="meeting-participants"
        type="number"
        min={0}
        label={t('plans.networks.meeting.participants')}
        value={participants}
        error={errors.participants}
        onChange={(e) => setParticipants(e.target.value)}
      />
      <fieldset className="mb-4">
        <legend className="h6">{t('plans.networks.meeting.organisations')}</legend>
        {orgs.length === 0 ? (
          <p className="small">{t('plans.networks.meeting.noOrganisations')}</p>
        ) : (
          <ul className="list-unstyled">
            {orgs.map((o) => (
              <li key={o.id} className="d-flex align-items-center gap-3 mb-2">
                <span>{o.name}</span>
                <button
                  type="button"
                  className="btn btn-outline-danger btn-sm"
                  onClick={() => setOrgs(orgs.filter((x) => x.id !== o.id))}
                >
                  {t('plans.networks.meeting.removeOrganisation', { name: o.name })}
                </button>
              </li>
            ))}
          </ul>
        )}
        <SearchPicker
          id="meeting-org-search"
          label={t('plans.networks.members.search')}
          hint={t('plans.networks.members.searchHint')}
          text={text}
          onTextChange={setText}
          options={choices.data?.items
            .filter((o) => !taken.has(o.id))
            .map((o) => ({ value: o.id, label: o.name, description: label.organisationType(o.type) }))}
          loading={choices.isFetching}
          selected={null}
          onSelect={(o) => {
            if (!o) return;
            setOrgs([...orgs, { id: o.value, name: o.label }]);
            setText('');
          }}
        />
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}

/** `/incontri/nuovo?rete=…`: records a meeting of a network (or of the user's own place). */
export function NewMeetingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const networkId = params.get('rete') ?? '';
  const network = useNetwork(networkId);
  const create = useCreateMeeting();
  return (
    <>
      <PageHeader
        title={t('plans.networks.meeting.newTitle')}
        breadcrumbs={[
          { label: t('plans.networks.title'), to: '/reti' },
          ...(networkId && network.data ? [{ label: network.data.name, to: `/reti/${networkId}` }] : []),
        ]}
      />
      <MeetingForm
        initial={null}
        networkName={network.data?.name ?? null}
        pending={create.isPending}
        error={create.error}
        submitLabel={t('plans.networks.meeting.create')}
        onSubmit={(v) =>
          create.mutate(
            { ...v, networkId: networkId || null, comuneIstat: null, regionCode: null },
            { onSuccess: (m) => void navigate(`/incontri/${m.id}`, { replace: true }) },
          )
        }
      />
    </>
  );
}

/** The minutes: download (audited) and upload (PDF, PNG or JPEG). */
function Minutes({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const upload = useUploadMinutes(meeting.id);
  const [file, setFile] = useState<File | null>(null);
  return (
    <section aria-labelledby="minutes-title" className="mb-5">
      <h2 id="minutes-title" className="h4">
        {t('plans.networks.meeting.minutes')}
      </h2>
      {meeting.minutes ? (
        <p>
          <a href={`/api/v1/plan-meetings/${meeting.id}/minutes`} download={meeting.minutes.fileName}>
            {t('plans.networks.meeting.download', { name: meeting.minutes.fileName })}
          </a>
        </p>
      ) : (
        <p>{t('plans.networks.meeting.noMinutes')}</p>
      )}
      {meeting.canEdit && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!file) return;
            void fileToBase64(file).then((content) =>
              upload.mutate({ filename: file.name, content }, { onSuccess: () => setFile(null) }),
            );
          }}
        >
          {upload.isError && (
            <Alert kind="danger" live="alert">
              {messageOf(upload.error)}
            </Alert>
          )}
          {upload.isSuccess && (
            <Alert kind="success" live="status">
              {t('plans.networks.meeting.uploaded')}
            </Alert>
          )}
          <div className="mb-3">
            <label htmlFor="minutes-file" className="form-label d-block">
              {t('plans.networks.meeting.uploadLabel')}
            </label>
            <input
              id="minutes-file"
              type="file"
              accept="application/pdf,image/png,image/jpeg"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <button type="submit" className="btn btn-outline-primary" disabled={!file || upload.isPending}>
            {t('plans.networks.meeting.upload')}
          </button>
        </form>
      )}
    </section>
  );
}

/** Decisions and follow-ups: owner, due date, linked action; "segna come fatto". */
function FollowUps({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const create = useCreateFollowUp(meeting.id);
  const change = useUpdateFollowUp();
  const [kind, setKind] = useState<FollowUpKind>('AZIONE');
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [action, setAction] = useState('');
  const [tried, setTried] = useState(false);
  const textError = tried && text.trim().length < 2 ? t('plans.networks.followUps.textRequired') : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (text.trim().length < 2) return;
    create.mutate(
      {
        kind,
        text: text.trim(),
        // "u:<id>" a person, "o:<id>" an organisation of the meeting
        ownerUserId: owner.startsWith('u:') ? owner.slice(2) : null,
        ownerOrgId: owner.startsWith('o:') ? owner.slice(2) : null,
        dueDate: due || null,
        actionId: action || null,
      },
      {
        onSuccess: () => {
          setText('');
          setOwner('');
          setDue('');
          setAction('');
          setTried(false);
        },
      },
    );
  };
  return (
    <section aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title" className="h4">
        {t('plans.networks.followUps.title')}
      </h2>
      {change.isError && (
        <Alert kind="danger" live="alert">
          {messageOf(change.error)}
        </Alert>
      )}
      {meeting.followUps.length === 0 ? (
        <p>{t('plans.networks.followUps.none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table">
            <caption>{t('plans.networks.followUps.caption', { count: meeting.followUps.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.networks.followUps.text')}</th>
                <th scope="col">{t('plans.networks.followUps.kind')}</th>
                <th scope="col">{t('plans.networks.followUps.owner')}</th>
                <th scope="col">{t('plans.networks.followUps.due')}</th>
                <th scope="col">{t('plans.networks.followUps.action')}</th>
                <th scope="col">{t('plans.networks.followUps.status')}</th>
              </tr>
            </thead>
            <tbody>
              {meeting.followUps.map((f) => (
                <tr key={f.id}>
                  <th scope="row">{f.text}</th>
                  <td>{t(`plans.common.followUpKinds.${f.kind}`)}</td>
                  <td>{f.ownerUserName ?? f.ownerOrgName ?? '—'}</td>
                  <td>
                    {f.dueDate ? dmy(f.dueDate) : '—'}
                    {f.daysOverdue !== null && (
                      <span className="d-block small text-danger fw-semibold">
                        {t('plans.networks.followUps.overdue', { count: f.daysOverdue })}
                      </span>
                    )}
                  </td>
                  <td>{f.actionLabel ?? '—'}</td>
                  <td>
                    {t(`plans.common.followUpStatuses.${f.status}`)}
                    {f.status === 'APERTO' && f.canChange && (
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-sm d-block mt-1"
                        disabled={change.isPending}
                        onClick={() => change.mutate({ followUpId: f.id, body: { status: 'FATTO' } })}
                      >
                        {t('plans.networks.followUps.markDone', { text: f.text })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {meeting.canEdit && (
        <form onSubmit={submit} noValidate aria-labelledby="follow-up-new">
          <h3 id="follow-up-new" className="h5">
            {t('plans.networks.followUps.add')}
          </h3>
          {create.isError && (
            <Alert kind="danger" live="alert">
              {messageOf(create.error)}
            </Alert>
          )}
          <SelectField
            id="follow-up-kind"
            label={t('plans.networks.followUps.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as FollowUpKind)}
            options={FOLLOW_UP_KINDS.map((k) => ({ value: k, label: t(`plans.common.followUpKinds.${k}`) }))}
          />
          <TextAreaField
            id="follow-up-text"
            label={t('plans.networks.followUps.text')}
            value={text}
            rows={2}
            maxLength={2000}
            error={textError}
            onChange={(e) => setText(e.target.value)}
          />
          <SelectField
            id="follow-up-owner"
            label={t('plans.networks.followUps.owner')}
            value={owner}
            emptyOption={t('plans.networks.followUps.noOwner')}
            onChange={(e) => setOwner(e.target.value)}
            options={[]}
            groups={[
              {
                label: t('plans.networks.followUps.ownerPeople'),
                options: meeting.ownerChoices.map((c) => ({ value: `u:${c.id}`, label: c.label })),
              },
              {
                label: t('plans.networks.followUps.ownerOrganisations'),
                options: meeting.organisationList.map((o) => ({ value: `o:${o.id}`, label: o.name })),
              },
            ].filter((g) => g.options.length > 0)}
          />
          <TextField
            id="follow-up-due"
            type="date"
            label={t('plans.networks.followUps.due')}
            value={due}
            onChange={(e) => setDue(e.target.value)}
          />
          <SelectField
            id="follow-up-action"
            label={t('plans.networks.followUps.action')}
            hint={meeting.actionChoices.length === 0 ? t('plans.networks.followUps.noActions') : undefined}
            value={action}
            emptyOption={t('plans.networks.followUps.noAction')}
            onChange={(e) => setAction(e.target.value)}
            options={meeting.actionChoices.map((c) => ({ value: c.id, label: c.label }))}
          />
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {t('plans.networks.followUps.save')}
          </button>
        </form>
      )}
    </section>
  );
}

/** `/incontri/:meetingId`: the meeting, its minutes, its decisions and follow-ups. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams();
  const meeting = useMeeting(meetingId);
  const update = useUpdateMeeting(meetingId);
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <QueryError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  const place = m.comuneName ?? t('plans.networks.regionOf', { region: m.regionName });
  return (
    <>
      <PageHeader
        title={m.title}
        breadcrumbs={[
          { label: t('plans.networks.title'), to: '/reti' },
          ...(m.networkId && m.networkName ? [{ label: m.networkName, to: `/reti/${m.networkId}` }] : []),
        ]}
        lead={`${dmy(m.heldOn)} · ${t(`plans.common.meetingKinds.${m.kind}`)} · ${place}`}
      />
      {m.canEdit ? (
        <>
          {update.isSuccess && (
            <Alert kind="success" live="status">
              {t('plans.networks.meeting.saved')}
            </Alert>
          )}
          <MeetingForm
            key={m.rowVersion}
            initial={m}
            networkName={m.networkName}
            pending={update.isPending}
            error={update.error}
            submitLabel={t('plans.networks.meeting.save')}
            onSubmit={(v) => update.mutate({ ...v, rowVersion: m.rowVersion })}
          />
        </>
      ) : (
        <dl>
          <dt>{t('plans.networks.meeting.place')}</dt>
          <dd>{m.place ?? '—'}</dd>
          <dt>{t('plans.networks.meeting.participants')}</dt>
          <dd>{m.participantsCount}</dd>
          <dt>{t('plans.networks.meeting.agenda')}</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{m.agenda ?? '—'}</dd>
          <dt>{t('plans.networks.meeting.organisations')}</dt>
          <dd>{m.organisationList.map((o) => o.name).join(', ') || '—'}</dd>
        </dl>
      )}
      <Minutes meeting={m} />
      <FollowUps meeting={m} />
      <p className="mt-4">
        <Link to="/impegni">{t('plans.networks.mine.link')}</Link>
      </p>
    </>
  );
}
