import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../api/problem';
import { Permission } from '../../lib/permissions';
import { hasPermission, useSession } from '../../lib/session';

/**
 * Who must act when a commitment finds no allocation (issue 9): the problem names the year in its
 * `context`; those who set allocations (ANCI/Cittalia) get a link to that year's budget page, the
 * others are told to ask ANCI/Cittalia.
 */
export function BudgetProblemHelp({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const me = useSession();
  if (!isProblem(error, 'pilot.budget_missing')) return null;
  const year = typeof error.context.year === 'number' ? error.context.year : undefined;
  if (year === undefined) return null;
  return (
    <p className="mt-2" data-budget-help="">
      {hasPermission(me, Permission.pilotBudgetManage) ? (
        <Link to={`/budget?year=${year}`}>{t('cases.money.budgetMissingCan', { year })}</Link>
      ) : (
        t('cases.money.budgetMissingAsk', { year })
      )}
    </p>
  );
}
