import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { NotifyScope } from './Notifications';

/**
 * A form opened on demand: a button ("Aggiungi…", "Modifica…") shows it, and it closes again when
 * the action inside succeeds (any confirmation it raises), giving the focus back to the button.
 * Closed, the page is only as long as what it shows.
 */
export function OnDemand({
  openLabel,
  closeLabel,
  children,
  className = 'mb-4',
  buttonClassName = 'btn btn-outline-primary',
  initiallyOpen = false,
}: {
  openLabel: string;
  closeLabel: string;
  children: ReactNode;
  className?: string;
  buttonClassName?: string;
  initiallyOpen?: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  return (
    <div className={className}>
      <button
        ref={button}
        type="button"
        className={buttonClassName}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {open ? closeLabel : openLabel}
      </button>
      <div id={panelId} className={open ? 'mt-3' : undefined}>
        {open && <NotifyScope onNotify={close}>{children}</NotifyScope>}
      </div>
    </div>
  );
}
