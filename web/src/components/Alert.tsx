import type { ReactNode } from 'react';

type AlertKind = 'info' | 'success' | 'warning' | 'danger';

interface AlertProps {
  kind: AlertKind;
  children: ReactNode;
  /**
   * "alert" for problems the user must know now (announced at once);
   * "status" for confirmations; "none" for static explanations already on the page.
   */
  live?: 'alert' | 'status' | 'none';
  className?: string;
}

/** Bootstrap Italia alert box. */
export function Alert({ kind, children, live = 'none', className }: AlertProps) {
  const classes = ['alert', `alert-${kind}`, className].filter(Boolean).join(' ');
  return (
    <div className={classes} role={live === 'none' ? undefined : live}>
      {children}
    </div>
  );
}
