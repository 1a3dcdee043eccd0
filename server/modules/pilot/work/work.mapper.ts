/** Tasks and critical issues: from the database rows to the API shapes, in one place. */
import type { LabelLanguage } from '../shared/labels.js';
import type { IssueRow, TaskRow } from './work.repo.js';
import { taskLink, taskText } from './work.rules.js';
import type { Issue, Task } from './work.schema.js';

/**
 * A task in `lang`'s words with the place where to act; `overdue` when still open past its due
 * date (`today`). The responsabile amministrativo's tasks name no case.
 */
export function toTask(r: TaskRow, today: string, lang: LabelLanguage): Task {
  return {
    id: r.id,
    kind: r.kind,
    dueOn: r.due_on,
    label: taskText(lang, r),
    caseId: r.assignee_role === 'responsabile_amministrativo' ? null : r.case_id,
    link: taskLink(r),
    assignee: r.assignee_role,
    status: r.status,
    overdue: r.status === 'aperto' && r.due_on < today,
  };
}

/** An issue; `overdue` when open or in progress past its due date (`today`). */
export function toIssue(r: IssueRow, today: string): Issue {
  return {
    id: r.id,
    comuneIstat: r.comune_istat,
    comuneName: r.comune_name,
    raisedByLevel: r.raised_by_level,
    category: r.category,
    title: r.title,
    description: r.description,
    correctiveAction: r.corrective_action,
    owner: r.owner,
    dueOn: r.due_on,
    status: r.status,
    resolution: r.resolution,
    overdue: (r.status === 'aperta' || r.status === 'in_corso') && r.due_on < today,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
