/**
 * Choose one or several entries of a fixed list by name (countries, languages): type a few
 * letters, then pick among the matches. Built on SearchPicker (plain controls, no ARIA combobox,
 * which screen readers support unevenly); the matching is the caller's (accent-insensitive).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusIfLost, SearchPicker, type PickerOption } from './SearchPicker';

interface Common {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  /** The entries matching a typed text. */
  search: (text: string) => PickerOption[];
  /** The name of a chosen code. */
  nameOf: (value: string) => string;
}

/** One entry: its code in `value`, '' when none. */
export function ListPicker({ value, onChange, ...p }: Common & { value: string; onChange: (value: string) => void }) {
  const [text, setText] = useState('');
  return (
    <SearchPicker
      id={p.id}
      label={p.label}
      hint={p.hint}
      error={p.error}
      text={text}
      onTextChange={setText}
      options={text.trim() === '' ? undefined : p.search(text)}
      loading={false}
      selected={value === '' ? null : { value, label: p.nameOf(value) }}
      onSelect={(o) => {
        setText('');
        onChange(o?.value ?? '');
      }}
    />
  );
}

/** Several entries (at most `max`): the chosen ones in a list with their remove buttons, then a search to add one. */
export function MultiListPicker({
  values,
  onChange,
  max,
  ...p
}: Common & { values: string[]; onChange: (values: string[]) => void; max: number }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  // after the chosen or removed entry's control is gone from the page (never stealing focus)
  const focusInput = () => window.setTimeout(() => focusIfLost(p.id), 0);
  return (
    <div className="mb-3">
      {values.length > 0 && (
        <>
          <p className="fw-semibold mb-1" id={`${p.id}-chosen`}>
            {t('listPicker.chosen', { label: p.label })}
          </p>
          <ul className="list-unstyled mb-2" aria-labelledby={`${p.id}-chosen`}>
            {values.map((v) => (
              <li key={v} className="d-flex align-items-center gap-2 mb-1">
                <span>{p.nameOf(v)}</span>
                <button
                  type="button"
                  className="btn btn-link btn-sm p-0"
                  onClick={() => {
                    onChange(values.filter((x) => x !== v));
                    focusInput();
                  }}
                >
                  {t('listPicker.remove', { name: p.nameOf(v) })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {values.length < max ? (
        <SearchPicker
          id={p.id}
          label={values.length === 0 ? p.label : t('listPicker.addAnother', { label: p.label })}
          hint={p.hint}
          error={p.error}
          text={text}
          onTextChange={setText}
          options={text.trim() === '' ? undefined : p.search(text).filter((o) => !values.includes(o.value))}
          loading={false}
          selected={null}
          onSelect={(o) => {
            if (o === null) return;
            setText('');
            onChange([...values, o.value]);
            focusInput();
          }}
        />
      ) : (
        <p className="small" id={p.id} tabIndex={-1}>
          {t('listPicker.full', { count: max })}
        </p>
      )}
    </div>
  );
}
