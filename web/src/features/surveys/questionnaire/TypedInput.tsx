import { useState, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: unknown;
  /** the answer as the input shows it */
  write: (value: unknown) => string;
  /** what is typed as the answer (text that cannot be read stays text: the engine reports it) */
  read: (text: string) => unknown;
  onValue: (value: unknown) => void;
  /** when this changes (the form's language) the answer is written anew: 1,5 becomes 1.5 */
  format?: string;
};

/**
 * A text input for an answer that is not text (a number, a date): it keeps what is typed while it
 * is being typed ('12,' is not yet a number) and follows the answer when it changes from outside.
 */
export function TypedInput({ value, write, read, onValue, format, className, ...input }: Props) {
  // what is shown, for which answer and format; when the answer changes from outside (not by this
  // input) or the format changes, it is written anew (state adjusted while rendering, as React
  // recommends over an effect)
  const [shown, setShown] = useState(() => ({ text: write(value), value, format }));
  if (format !== shown.format || !Object.is(value, shown.value)) {
    setShown({ text: write(value), value, format });
  }
  return (
    <input
      type="text"
      className={['form-control', className].filter(Boolean).join(' ')}
      value={shown.text}
      onChange={(e) => {
        const next = read(e.target.value);
        const out = next === undefined ? null : next;
        setShown({ text: e.target.value, value: out, format });
        onValue(out);
      }}
      {...input}
    />
  );
}
