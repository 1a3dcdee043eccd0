/**
 * The expenses of a claim: a draft's chooser (validated expenses of the period in no other claim),
 * and the table of the claim's expenses with their verification (the revisore verifies each).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNotify } from '../../../components/Notifications';
import { useSetClaimExpenses, type ClaimDetail } from './api/claims';
import { day, euro, MutationError } from './common';
import { VerificationForm } from './VerificationForm';
import { useProjectWords } from '../shared/words';

type Figures = ClaimDetail['expenses'][number]['expense'];
/** The expense's document in words: "Fattura n. FT 12/2025". */
function useDocOf(): (e: Pick<Figures, 'docType' | 'docNumber'>) => string {
  const words = useProjectWords();
  return (e) => `${words('docTypes', e.docType)} n. ${e.docNumber}`;
}

export function ExpenseChooser({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation();
  const docOf = useDocOf();
  const notify = useNotify();
  const [chosen, setChosen] = useState<string[]>(claim.expenses.map((e) => e.expenseId));
  const save = useSetClaimExpenses(claim.projectId, claim.id);
  const rows = [
    ...claim.expenses.map((e) => ({ expenseId: e.expenseId, expense: e.expense })),
    ...claim.available.filter((a) => !claim.expenses.some((e) => e.expenseId === a.expenseId)),
  ];
  return (
    <section aria-labelledby="claim-choose" className="mb-4">
      <h2 id="claim-choose" className="h4">
        {t('projects.claims.detail.choose')}
      </h2>
      <p>{t('projects.claims.detail.chooseLead')}</p>
      {rows.length === 0 ? (
        <p>{t('projects.claims.detail.noneAvailable')}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            // a notification: the chooser is remade with the claim's new version once saved
            // (the promise, not mutate's callbacks, which an unmounted chooser would not run)
            save
              .mutateAsync({ expenseIds: chosen, rowVersion: claim.rowVersion })
              .then(() => notify(t('projects.claims.detail.saved')))
              .catch(() => undefined);
          }}
        >
          <div className="table-responsive">
            <table className="table table-sm">
              <caption>{t('projects.claims.detail.chooseCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('projects.claims.detail.include')}</th>
                  <th scope="col">{t('projects.claims.detail.document')}</th>
                  <th scope="col">{t('projects.claims.detail.issuer')}</th>
                  <th scope="col">{t('projects.claims.detail.date')}</th>
                  <th scope="col">{t('projects.claims.detail.line')}</th>
                  <th scope="col" className="text-end">
                    {t('projects.claims.detail.charged')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.expenseId}>
                    <td>
                      <input
                        type="checkbox"
                        id={`choose-${r.expenseId}`}
                        aria-label={t('projects.claims.detail.includeOne', {
                          doc: docOf(r.expense),
                          issuer: r.expense.issuerName,
                        })}
                        checked={chosen.includes(r.expenseId)}
                        onChange={(e) =>
                          setChosen((xs) =>
                            e.target.checked ? [...xs, r.expenseId] : xs.filter((x) => x !== r.expenseId),
                          )
                        }
                      />
                    </td>
                    <td>{docOf(r.expense)}</td>
                    <td>{r.expense.issuerName}</td>
                    <td>{day(r.expense.docDate)}</td>
                    <td>{`${r.expense.categoryCode} – ${r.expense.lineDescription}`}</td>
                    <td className="text-end">{euro(r.expense.chargedCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <MutationError error={save.error} />
          <button type="submit" className="btn btn-outline-primary" disabled={save.isPending}>
            {t('projects.claims.detail.save')}
          </button>
        </form>
      )}
    </section>
  );
}

export function ExpenseTable({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation();
  const docOf = useDocOf();
  const [open, setOpen] = useState<string | null>(null);
  const canVerify = claim.actions.includes('VERIFY');
  return (
    <section aria-labelledby="claim-expenses" className="mb-4">
      <h2 id="claim-expenses" className="h4">
        {t('projects.claims.detail.expenses')}
      </h2>
      {claim.expenses.length === 0 ? (
        <p>{t('projects.claims.detail.noExpenses')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>{t('projects.claims.detail.expensesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projects.claims.detail.document')}</th>
                <th scope="col">{t('projects.claims.detail.issuer')}</th>
                <th scope="col">{t('projects.claims.detail.date')}</th>
                <th scope="col">{t('projects.claims.detail.line')}</th>
                <th scope="col" className="text-end">
                  {t('projects.claims.detail.charged')}
                </th>
                <th scope="col" className="text-end">
                  {t('projects.claims.detail.eligible')}
                </th>
                <th scope="col">{t('projects.claims.detail.verification')}</th>
              </tr>
            </thead>
            <tbody>
              {claim.expenses.map((r) => (
                <tr key={r.expenseId}>
                  <th scope="row">
                    {/* the giustificativo with its documents, which the revisore checks */}
                    <Link to={`/progetti/${claim.projectId}/spese/${r.expenseId}`}>{docOf(r.expense)}</Link>
                  </th>
                  <td>{r.expense.issuerName}</td>
                  <td>{day(r.expense.docDate)}</td>
                  <td>{`${r.expense.categoryCode} – ${r.expense.lineDescription}`}</td>
                  <td className="text-end">{euro(r.expense.chargedCents)}</td>
                  <td className="text-end">{r.verification ? euro(r.verification.eligibleCents) : '—'}</td>
                  <td>
                    {r.verification ? (
                      <>
                        <div>{t(`projects.claims.outcome.${r.verification.outcome}`)}</div>
                        {r.verification.reasons.length > 0 && (
                          <div className="small">
                            {r.verification.reasons.map((x) => t(`projects.claims.reason.${x}`)).join('; ')}
                          </div>
                        )}
                        {r.verification.note && <div className="small text-muted">{r.verification.note}</div>}
                      </>
                    ) : (
                      <span className="text-muted">{t('projects.claims.detail.notVerified')}</span>
                    )}
                    {canVerify && open !== r.expenseId && (
                      <button
                        type="button"
                        className="btn btn-link btn-sm p-0 d-block"
                        onClick={() => setOpen(r.expenseId)}
                      >
                        {t('projects.claims.verify.open', { doc: docOf(r.expense) })}
                      </button>
                    )}
                    {canVerify && open === r.expenseId && (
                      <VerificationForm
                        projectId={claim.projectId}
                        claimId={claim.id}
                        row={r}
                        onDone={() => setOpen(null)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
