import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordStatus } from '../../components/RecordStatus';
import { usePilotClosurePreview } from './api/get-closure-preview';
import { useEuro } from './labels';

/**
 * Before a case closes (issue 9): a modal dialog that says what the closure does to its PAIs —
 * planned measures cancelled and the amount released on the budget, started measures interrupted,
 * those still without an actual cost — and asks to confirm.
 */
export function ClosureDialog({
  caseId,
  pending,
  onConfirm,
  onCancel,
}: {
  caseId: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const euro = useEuro();
  const ref = useRef<HTMLDialogElement>(null);
  const preview = usePilotClosurePreview(caseId, true);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const p = preview.data;
  const nothing = p !== undefined && p.cancelled.length === 0 && p.interrupted.length === 0;
  return (
    <dialog
      ref={ref}
      aria-labelledby="closure-title"
      className="p-4 border rounded"
      style={{ maxWidth: '40rem' }}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="closure-title" className="h4">
        {t('cases.money.closureTitle')}
      </h2>
      {p === undefined ? (
        preview.error !== null ? (
          <RecordStatus query={preview} />
        ) : (
          <p>{t('cases.money.closureLoading')}</p>
        )
      ) : nothing ? (
        <p>{t('cases.money.closureNothing')}</p>
      ) : (
        <ul data-closure-effect="">
          {p.cancelled.length > 0 && <li>{t('cases.money.closureCancelled', { count: p.cancelled.length })}</li>}
          {p.released > 0 && <li>{t('cases.money.closureReleased', { amount: euro(p.released) })}</li>}
          {p.interrupted.length > 0 && <li>{t('cases.money.closureInterrupted', { count: p.interrupted.length })}</li>}
          {p.withoutActualCost > 0 && (
            <li className="fw-semibold">{t('cases.money.closureWithoutCost', { count: p.withoutActualCost })}</li>
          )}
        </ul>
      )}
      <div className="d-flex gap-2 mt-3">
        <button type="button" className="btn btn-primary" onClick={onConfirm} disabled={pending || p === undefined}>
          {t('cases.money.closureConfirm')}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
          {t('cases.money.closureBack')}
        </button>
      </div>
    </dialog>
  );
}
