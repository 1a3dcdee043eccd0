/**
 * The revisore's verification of one expense: outcome, eligible amount (typed the Italian way,
 * only for a partly eligible expense), the reasons from the checklist, a note.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../../../components/FormField';
import { useProjectWords } from '../shared/words';
import { formatEuro, parseEuroCents } from '../../../lib/project-rules';
import type { ClaimDetail, VerificationOutcome, VerificationReason } from './api/claims';
import { useVerifyExpense } from './api/claims';
import { MutationError } from './common';

type Row = ClaimDetail['expenses'][number];

const OUTCOMES: VerificationOutcome[] = ['AMMISSIBILE', 'PARZIALMENTE_AMMISSIBILE', 'NON_AMMISSIBILE'];
const REASONS: VerificationReason[] = [
  'imputazione',
  'pertinenza',
  'periodo',
  'quietanza',
  'annullamento',
  'massimali',
  'doppio_finanziamento',
  'congruita',
];

export function VerificationForm({
  projectId,
  claimId,
  row,
  onDone,
}: {
  projectId: string;
  claimId: string;
  row: Row;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const v = row.verification;
  const [outcome, setOutcome] = useState<VerificationOutcome>(v?.outcome ?? 'AMMISSIBILE');
  const [amount, setAmount] = useState(
    // typed back as it is shown: "1.500,00"
    v?.outcome === 'PARZIALMENTE_AMMISSIBILE' ? formatEuro(v.eligibleCents).replace(' €', '') : '',
  );
  const [reasons, setReasons] = useState<VerificationReason[]>(v?.reasons ?? []);
  const [note, setNote] = useState(v?.note ?? '');
  const [amountError, setAmountError] = useState<string | undefined>();
  const verify = useVerifyExpense(projectId, claimId);
  const words = useProjectWords();
  const doc = `${words('docTypes', row.expense.docType)} n. ${row.expense.docNumber}`;

  const submit = () => {
    let eligibleCents: number | undefined;
    if (outcome === 'PARZIALMENTE_AMMISSIBILE') {
      const parsed = parseEuroCents(amount);
      if (parsed === null) {
        setAmountError(t('projects.claims.detail.amountInvalid'));
        return;
      }
      eligibleCents = parsed;
    }
    setAmountError(undefined);
    verify.mutate(
      {
        expenseId: row.expenseId,
        outcome,
        ...(eligibleCents === undefined ? {} : { eligibleCents }),
        reasons: outcome === 'AMMISSIBILE' ? [] : reasons,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      className="border rounded p-3 my-2"
    >
      <fieldset className="mb-3">
        <legend className="h6">{t('projects.claims.verify.legend', { doc })}</legend>
        {OUTCOMES.map((o) => (
          <div className="form-check" key={o}>
            <input
              type="radio"
              id={`${id}-${o}`}
              name={`${id}-outcome`}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
            <label htmlFor={`${id}-${o}`}>{t(`projects.claims.outcome.${o}`)}</label>
          </div>
        ))}
      </fieldset>
      {outcome === 'PARZIALMENTE_AMMISSIBILE' && (
        <TextField
          id={`${id}-amount`}
          label={t('projects.claims.verify.eligible')}
          hint={t('projects.claims.detail.amountHint')}
          error={amountError}
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
      )}
      {outcome !== 'AMMISSIBILE' && (
        <fieldset className="mb-3">
          <legend className="h6">{t('projects.claims.verify.reasons')}</legend>
          {REASONS.map((r) => (
            <div className="form-check" key={r}>
              <input
                type="checkbox"
                id={`${id}-${r}`}
                checked={reasons.includes(r)}
                onChange={(e) => setReasons((xs) => (e.target.checked ? [...xs, r] : xs.filter((x) => x !== r)))}
              />
              <label htmlFor={`${id}-${r}`}>{t(`projects.claims.reason.${r}`)}</label>
            </div>
          ))}
        </fieldset>
      )}
      <TextAreaField
        id={`${id}-note`}
        label={t('projects.claims.verify.note')}
        value={note}
        maxLength={4000}
        onChange={(e) => setNote(e.target.value)}
      />
      <MutationError error={verify.error} />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary btn-sm" disabled={verify.isPending}>
          {t('projects.claims.verify.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onDone}>
          {t('projects.claims.verify.cancel')}
        </button>
      </div>
    </form>
  );
}
