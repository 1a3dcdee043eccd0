import { useId } from 'react';

/**
 * An action that exists but cannot be done yet, with the reason beside it ("Disponibile dopo
 * l'ammissione al programma"). The button stays focusable (aria-disabled, not disabled), so
 * keyboard and screen-reader users reach it and hear why through aria-describedby.
 */
export function DisabledAction({
  label,
  reason,
  className = 'btn btn-outline-primary btn-sm',
  ariaLabel,
}: {
  label: string;
  reason: string;
  className?: string;
  ariaLabel?: string;
}) {
  const reasonId = useId();
  return (
    <span className="d-inline-flex flex-column align-items-start gap-1">
      <button
        type="button"
        className={className}
        aria-disabled="true"
        aria-describedby={reasonId}
        aria-label={ariaLabel}
        onClick={(event) => event.preventDefault()}
      >
        {label}
      </button>
      <span id={reasonId} className="incas-disabled-reason text-secondary">
        {reason}
      </span>
    </span>
  );
}
