/** The rules of the quadro comparativo's requests, pure (no I/O): the period, and whose row a viewer sees exact. */
import type { Actor } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { addMonths } from '../shared/dates.js';
import type { ComparativeQuery } from './comparative.schema.js';

/** The longest period one table may cover. */
export const MAX_PERIOD_MONTHS = 36;

function periodError(path: string, message: string): AppError {
  return new AppError('pilot.invalid', message, { fieldIssues: [{ path, message, code: 'invalid_period' }] });
}

/** The period must run forwards and span at most three years. */
export function assertPeriod(q: ComparativeQuery): void {
  if (q.from > q.to) throw periodError('querystring.to', 'The end of the period must not precede its start.');
  if (q.to > addMonths(q.from, MAX_PERIOD_MONTHS)) {
    throw periodError('querystring.to', 'The period may span at most three years.');
  }
}

/** The Comune whose row this actor sees exact: their own, when they are the staff of a pilot Comune. */
export function ownComune(actor: Actor): string | null {
  return actor.scope.level === 'comune' ? actor.scope.comuneIstat : null;
}
