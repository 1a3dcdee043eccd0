import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface FormErrorSummaryProps {
  /** Field id → message. */
  fieldErrors: Record<string, string>;
  /** Field id → label, to name each problem in the list. */
  labels: Record<string, string>;
  /** A problem that belongs to no single field. */
  general?: string | null;
  /** Changes on every submit attempt, so focus returns to the summary each time. */
  attempt: number;
}

/**
 * The list of problems shown above a form after a failed submit. It takes focus, so keyboard and
 * screen-reader users land on it; each entry links to its field.
 */
export function FormErrorSummary({ fieldErrors, labels, general, attempt }: FormErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(fieldErrors);
  const visible = entries.length > 0 || (general !== undefined && general !== null);

  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [attempt, visible]);

  if (!visible) return null;
  return (
    <div ref={ref} tabIndex={-1} className="alert alert-danger" role="alert" aria-labelledby={`summary-${attempt}`}>
      <h2 id={`summary-${attempt}`} className="h5">
        {entries.length > 0 ? t('form.summaryTitle') : t('form.failedTitle')}
      </h2>
      {general !== undefined && general !== null && <p className="mb-2">{general}</p>}
      {entries.length > 0 && (
        <ul className="mb-0">
          {entries.map(([field, message]) => (
            <li key={field}>
              <a
                href={`#${field}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(field)?.focus();
                }}
              >
                {labels[field] ?? field}: {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
