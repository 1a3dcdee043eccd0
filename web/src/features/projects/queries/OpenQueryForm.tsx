import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField, TextAreaField, TextField } from '../../../components/FormField';
import { useProblemMessages } from '../../../lib/problemMessages';
import { useAnchorSchede } from './api/list-schede';
import { useOpenQuery } from './api/open-query';
import { ANCHOR_TYPES, type AnchorType } from './types';

/**
 * ANCI/Cittalia or MLPS opens a query. The other pages of a project link here with the line
 * already chosen (`?anchorType=SPESA&anchorId=…`); a scheda trimestrale is chosen from the list.
 */
export function OpenQueryForm({ projectId, onOpened }: { projectId: string; onOpened: (id: string) => void }) {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const [params] = useSearchParams();
  const preset = params.get('anchorType');
  const [anchorType, setAnchorType] = useState<AnchorType>(
    ANCHOR_TYPES.includes(preset as AnchorType) ? (preset as AnchorType) : 'PROGETTO',
  );
  const [anchorId, setAnchorId] = useState(params.get('anchorId') ?? '');
  const [anchorField, setAnchorField] = useState(params.get('anchorField') ?? '');
  const [subject, setSubject] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [message, setMessage] = useState('');
  const schede = useAnchorSchede(projectId, anchorType === 'MONITORAGGIO');
  const open = useOpenQuery(projectId);
  const fieldError = (name: string) =>
    open.error && 'fieldErrors' in open.error
      ? (open.error.fieldErrors as { path: string; message: string }[]).find((e) => e.path === `body.${name}`)?.message
      : undefined;

  return (
    <form
      className="mt-4 p-4 border rounded"
      aria-labelledby="open-title"
      onSubmit={(e) => {
        e.preventDefault();
        open.mutate(
          {
            anchorType,
            anchorId: anchorType === 'PROGETTO' ? null : anchorId || null,
            anchorField: anchorType === 'MONITORAGGIO' && anchorField ? anchorField : null,
            subject,
            dueOn: dueOn || null,
            message,
          },
          { onSuccess: (q) => onOpened(q.id) },
        );
      }}
    >
      <h2 id="open-title" className="h4">
        {t('projects.queries.open.title')}
      </h2>
      {open.isError && (
        <Alert kind="danger" live="alert">
          {messageOf(open.error)}
        </Alert>
      )}
      <div className="row">
        <div className="col-md-4">
          <SelectField
            id="anchor-type"
            label={t('projects.queries.open.anchorType')}
            value={anchorType}
            onChange={(e) => {
              setAnchorType(e.target.value as AnchorType);
              setAnchorId('');
            }}
            options={ANCHOR_TYPES.map((a) => ({ value: a, label: t(`projects.queries.anchorTypes.${a}`) }))}
          />
        </div>
        <div className="col-md-8">
          {anchorType === 'MONITORAGGIO' ? (
            <SelectField
              id="anchor-id"
              label={t('projects.queries.open.scheda')}
              emptyOption={t('projects.queries.open.choose')}
              value={anchorId}
              error={fieldError('anchorId')}
              onChange={(e) => setAnchorId(e.target.value)}
              options={(schede.data?.items ?? []).map((s) => ({
                value: s.id,
                label: t('projects.queries.open.schedaLabel', { year: s.year, quarter: s.quarter }),
              }))}
            />
          ) : anchorType !== 'PROGETTO' ? (
            <TextField
              id="anchor-id"
              label={t('projects.queries.open.anchorId')}
              hint={t('projects.queries.open.anchorIdHint')}
              value={anchorId}
              error={fieldError('anchorId')}
              onChange={(e) => setAnchorId(e.target.value.trim())}
            />
          ) : null}
        </div>
      </div>
      {anchorType === 'MONITORAGGIO' && (
        <TextField
          id="anchor-field"
          label={t('projects.queries.open.anchorField')}
          hint={t('projects.queries.open.anchorFieldHint')}
          value={anchorField}
          error={fieldError('anchorField')}
          onChange={(e) => setAnchorField(e.target.value.trim())}
        />
      )}
      <TextField
        id="subject"
        label={t('projects.queries.open.subject')}
        required
        value={subject}
        error={fieldError('subject')}
        onChange={(e) => setSubject(e.target.value)}
      />
      <div className="form-group">
        <label htmlFor="due-on" className="active">
          {t('projects.queries.open.dueOn')}
        </label>
        <input
          id="due-on"
          type="date"
          className={`form-control${fieldError('dueOn') ? ' is-invalid' : ''}`}
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
        />
        {fieldError('dueOn') && <div className="invalid-feedback d-block">{fieldError('dueOn')}</div>}
      </div>
      <TextAreaField
        id="first-message"
        label={t('projects.queries.open.message')}
        required
        value={message}
        error={fieldError('message')}
        onChange={(e) => setMessage(e.target.value)}
      />
      <button type="submit" className="btn btn-primary" disabled={open.isPending}>
        {t('projects.queries.open.submit')}
      </button>
    </form>
  );
}
