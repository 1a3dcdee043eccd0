/**
 * Opens a thread: the Comune (a Comune's staff their own; a Region's staff or the regional ANCI
 * branch one of the Region's Comuni; ANCI/Cittalia any), what it is about (the Comune's plan, one
 * of its actions, one of its projects, or a topic), subject, due date, the first message with the
 * people to mention and up to three attachments.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField, TextAreaField, TextField } from '../../../components/FormField';
import { SearchPicker, type PickerOption } from '../../../components/SearchPicker';
import { useComuneChoices } from '../../../lib/lookups';
import { useSession } from '../../../lib/session';
import { useAnchorChoices, useOpenThread, type AnchorKind } from './api/threads';
import { fieldErrorOf, useDialogueProblem } from './common';
import { AttachmentsField, MentionsField, toUploads } from './MessageFields';

const KINDS: AnchorKind[] = ['PIANO', 'AZIONE', 'PROGETTO', 'TEMA'];

export function NewThreadForm({
  plan,
  onOpened,
  onCancel,
}: {
  /** a thread on this plan: its Comune and the plan are fixed */
  plan?: { id: string; title: string; comuneIstat: string };
  onOpened: (threadId: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const me = useSession();
  const problem = useDialogueProblem();
  const ownComune = me.scope.level === 'comune' ? me.organisation.comuneIstat : null;
  const [comune, setComune] = useState<PickerOption | null>(
    plan
      ? { value: plan.comuneIstat, label: plan.comuneIstat }
      : ownComune
        ? { value: ownComune, label: me.organisation.comuneName ?? ownComune }
        : null,
  );
  const [comuneText, setComuneText] = useState('');
  const choices = useComuneChoices(comuneText);
  const comuneOptions = choices.data?.items
    .filter((c) => me.scope.level !== 'regione' || c.regionCode === me.scope.regionCode)
    .map((c) => ({ value: c.istatCode, label: `${c.name} (${c.provinceSigla})`, description: c.regionName }));
  const comuneIstat = comune?.value ?? null;
  const anchors = useAnchorChoices(comuneIstat);
  const [kind, setKind] = useState<AnchorKind>(plan ? 'PIANO' : 'TEMA');
  const [anchorId, setAnchorId] = useState(plan?.id ?? '');
  const [topic, setTopic] = useState('');
  const [subject, setSubject] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const open = useOpenThread();
  const err = (path: string) => fieldErrorOf(open.error, `body.${path}`);
  const a = anchors.data;
  const anchorOptions =
    kind === 'PIANO'
      ? (a?.plans ?? []).map((p) => ({ value: p.id, label: p.title }))
      : kind === 'AZIONE'
        ? (a?.actions ?? []).map((x) => ({ value: x.id, label: `${x.code} – ${x.title}` }))
        : kind === 'PROGETTO'
          ? (a?.projects ?? []).map((p) => ({ value: p.id, label: p.cup ? `${p.cup} – ${p.title}` : p.title }))
          : [];
  const anchorLabel =
    kind === 'PIANO'
      ? t('plans.dialogue.open.plan')
      : kind === 'AZIONE'
        ? t('plans.dialogue.open.action')
        : t('plans.dialogue.open.project');

  return (
    <form
      className="mt-4 mb-4 p-4 border rounded"
      aria-labelledby="new-thread-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!comuneIstat) return;
        void toUploads(files).then((attachments) =>
          open.mutate(
            {
              comuneIstat,
              subject,
              anchorKind: kind,
              planId: kind === 'PIANO' ? anchorId || null : null,
              actionId: kind === 'AZIONE' ? anchorId || null : null,
              projectId: kind === 'PROGETTO' ? anchorId || null : null,
              topic: kind === 'TEMA' ? topic || null : null,
              dueDate: dueDate || null,
              body,
              mentions,
              attachments,
            },
            { onSuccess: (d) => onOpened(d.thread.id) },
          ),
        );
      }}
    >
      <h2 id="new-thread-title" className="h4">
        {plan ? t('plans.dialogue.open.titleOnPlan') : t('plans.dialogue.open.title')}
      </h2>
      {open.isError && (
        <Alert kind="danger" live="alert">
          {problem(open.error)}
        </Alert>
      )}
      {plan ? (
        <p>
          {t('plans.dialogue.open.plan')}: <strong>{plan.title}</strong>
        </p>
      ) : ownComune ? (
        <p>{t('plans.dialogue.open.comuneFixed', { name: comune?.label ?? '' })}</p>
      ) : (
        <SearchPicker
          id="thread-comune"
          label={t('plans.dialogue.open.comune')}
          hint={t('plans.dialogue.open.comuneHint')}
          error={err('comuneIstat')}
          text={comuneText}
          onTextChange={setComuneText}
          options={comuneText.trim().length >= 2 ? comuneOptions : undefined}
          loading={choices.isFetching}
          selected={comune}
          onSelect={(o) => {
            setComune(o);
            setMentions([]);
            setAnchorId('');
          }}
        />
      )}
      {!plan && (
        <div className="row">
          <div className="col-md-4">
            <SelectField
              id="thread-anchor-kind"
              label={t('plans.dialogue.open.anchorKind')}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as AnchorKind);
                setAnchorId('');
              }}
              options={KINDS.map((k) => ({ value: k, label: t(`plans.dialogue.anchorKinds.${k}`) }))}
            />
          </div>
          <div className="col-md-8">
            {kind === 'TEMA' ? (
              <TextField
                id="thread-topic"
                label={t('plans.dialogue.open.topic')}
                required
                maxLength={200}
                value={topic}
                error={err('topic')}
                onChange={(e) => setTopic(e.target.value)}
              />
            ) : (
              <SelectField
                id="thread-anchor"
                label={anchorLabel}
                emptyOption={t('plans.dialogue.open.choose')}
                hint={comuneIstat && a && anchorOptions.length === 0 ? t('plans.dialogue.open.noPlans') : undefined}
                value={anchorId}
                error={err('planId') ?? err('actionId') ?? err('projectId')}
                onChange={(e) => setAnchorId(e.target.value)}
                options={anchorOptions}
              />
            )}
          </div>
        </div>
      )}
      <TextField
        id="thread-subject"
        label={t('plans.dialogue.open.subject')}
        required
        minLength={3}
        maxLength={200}
        value={subject}
        error={err('subject')}
        onChange={(e) => setSubject(e.target.value)}
      />
      <TextField
        id="thread-due"
        type="date"
        label={t('plans.dialogue.open.dueDate')}
        value={dueDate}
        error={err('dueDate')}
        onChange={(e) => setDueDate(e.target.value)}
      />
      <TextAreaField
        id="thread-body"
        label={t('plans.dialogue.open.body')}
        required
        value={body}
        error={err('body')}
        onChange={(e) => setBody(e.target.value)}
      />
      {comuneIstat && (
        <MentionsField id="thread-mentions" comuneIstat={comuneIstat} values={mentions} onChange={setMentions} />
      )}
      <AttachmentsField id="thread-files" files={files} onChange={setFiles} />
      <button type="submit" className="btn btn-primary me-3" disabled={open.isPending || !comuneIstat}>
        {t('plans.dialogue.open.submit')}
      </button>
      <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
        {t('plans.dialogue.open.cancel')}
      </button>
    </form>
  );
}
