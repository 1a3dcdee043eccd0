import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField, TextAreaField, TextField } from '../../../components/FormField';
import { useProblemMessages } from '../../../lib/problemMessages';
import { useReviewReport } from './api/review-report';
import { SECTIONS, type Decision, type MonitoringComment, type Report } from './types';

/** The comments of a section (or a field inside it) beside it: open ones highlighted, resolved ones kept. */
export function FieldComments({ comments, section }: { comments: MonitoringComment[]; section: string }) {
  const { t } = useTranslation();
  const mine = comments.filter((c) => c.field === section || c.field.startsWith(`${section}.`));
  if (mine.length === 0) return null;
  return (
    <aside
      aria-label={t('projects.monitoring.comments.of', {
        section: t(`projects.monitoring.sections.${section as 'general'}`),
      })}
    >
      {mine.map((c) => (
        <Alert key={c.id} kind={c.resolvedAt === null ? 'warning' : 'info'} className="py-2">
          <p className="mb-1 small fw-semibold">
            {t(`projects.monitoring.levels.${c.level}`)}
            {c.field !== section && <> · {c.field}</>}
            {c.resolvedAt !== null && <> · {t('projects.monitoring.comments.resolved')}</>}
          </p>
          <p className="mb-0">{c.text}</p>
        </Alert>
      ))}
    </aside>
  );
}

/** ANCI/Cittalia (INVIATA) or MLPS (VALIDATA_ANCI): validate or approve, or return with comments on fields. */
export function ReviewPanel({
  report,
  projectId,
  level,
}: {
  report: Report;
  projectId: string;
  level: 'ANCI' | 'MLPS';
}) {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const review = useReviewReport(projectId, report.id);
  const [comments, setComments] = useState<{ field: string; text: string }[]>([]);
  const [field, setField] = useState<string>('general');
  const [path, setPath] = useState('');
  const [text, setText] = useState('');
  const forward: Decision = level === 'ANCI' ? 'validate' : 'approve';
  const decide = (decision: Decision) =>
    review.mutate({ decision, comments, rowVersion: report.rowVersion }, { onSuccess: () => setComments([]) });

  return (
    <section className="mt-5 p-4 border rounded" aria-labelledby="review-title">
      <h2 id="review-title" className="h4">
        {t(`projects.monitoring.review.title${level}`)}
      </h2>
      <p>{t('projects.monitoring.review.lead')}</p>
      {review.isError && (
        <Alert kind="danger" live="alert">
          {messageOf(review.error)}
        </Alert>
      )}
      {comments.length > 0 && (
        <ul>
          {comments.map((c, i) => (
            <li key={`${c.field}-${i}`}>
              <strong>{c.field}</strong>: {c.text}{' '}
              <button
                type="button"
                className="btn btn-link btn-sm p-0"
                onClick={() => setComments(comments.filter((_, j) => j !== i))}
              >
                {t('projects.monitoring.review.removeComment')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <div className="col-md-4">
          <SelectField
            id="comment-section"
            label={t('projects.monitoring.review.section')}
            value={field}
            onChange={(e) => setField(e.target.value)}
            options={SECTIONS.map((s) => ({ value: s, label: t(`projects.monitoring.sections.${s}`) }))}
          />
        </div>
        <div className="col-md-8">
          <TextField
            id="comment-path"
            label={t('projects.monitoring.review.path')}
            hint={t('projects.monitoring.review.pathHint')}
            value={path}
            onChange={(e) => setPath(e.target.value.trim())}
          />
        </div>
      </div>
      <TextAreaField
        id="comment-text"
        label={t('projects.monitoring.review.comment')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button
        type="button"
        className="btn btn-outline-primary mb-4"
        disabled={text.trim().length < 2}
        onClick={() => {
          setComments([...comments, { field: path ? `${field}.${path}` : field, text: text.trim() }]);
          setText('');
          setPath('');
        }}
      >
        {t('projects.monitoring.review.addComment')}
      </button>
      <div className="d-flex gap-3 flex-wrap">
        <button type="button" className="btn btn-primary" disabled={review.isPending} onClick={() => decide(forward)}>
          {forward === 'validate' ? t('projects.monitoring.review.validate') : t('projects.monitoring.review.approve')}
        </button>
        <button
          type="button"
          className="btn btn-outline-danger"
          disabled={review.isPending || comments.length === 0}
          onClick={() => decide('return')}
        >
          {t('projects.monitoring.review.return')}
        </button>
      </div>
      {comments.length === 0 && <p className="small mt-2">{t('projects.monitoring.review.returnNeedsComment')}</p>}
    </section>
  );
}
