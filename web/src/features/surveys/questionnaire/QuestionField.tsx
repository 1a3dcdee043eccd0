import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  estimateQualities,
  estimateQualityLabels,
  type AnswerIssue,
  type Choice,
  type FormLanguage,
  type Question,
} from '../../../lib/form-engine';
import { fieldId, useQuestionnaire, type Scope } from './context';
import { TypedInput } from './TypedInput';
import {
  chosenCodes,
  isObject,
  localText,
  pathOf,
  readDate,
  readNumber,
  readPeriodPart,
  writeDate,
  writeNumber,
  writePeriodPart,
} from './values';

/** Above this many choices a single choice is a drop-down list instead of radio buttons */
const RADIO_LIMIT = 8;

const OTHER = 'other';

type Select = Question & { type: 'select_one' | 'select_multiple' };
type Range = Question & { type: 'range_estimate' };
type Period = Question & { type: 'reference_period' };

/** The choices a question offers here: its list (or yes/no), less what a choice filter hides */
function useChoices(q: Question, path: string): Choice[] {
  const ctx = useQuestionnaire();
  const { t } = useTranslation();
  if (q.type === 'yes_no') {
    const list = ctx.lists.get(q.listName) ?? [];
    const label = (code: string, fallback: string) => list.find((c) => c.name === code)?.label ?? { it: fallback };
    return [
      { name: q.yes, label: label(q.yes, t('surveys.authoring.questionnaire.yes')), extra: {} },
      { name: q.no, label: label(q.no, t('surveys.authoring.questionnaire.no')), extra: {} },
    ];
  }
  if (q.type !== 'select_one' && q.type !== 'select_multiple') return [];
  const all = ctx.lists.get(q.listName) ?? [];
  const allowed = ctx.states.get(path)?.choices;
  return allowed ? all.filter((c) => allowed.includes(c.name)) : [...all];
}

/** One question of the form at one place, with its label, hint, problems and the reviewer's flag */
export function QuestionField({ q, scope }: { q: Question; scope: Scope }) {
  const ctx = useQuestionnaire();
  const { t } = useTranslation();
  const path = pathOf(scope.at, q.name);
  const id = fieldId(ctx.idPrefix, path);
  const state = ctx.states.get(path);
  const choices = useChoices(q, path);
  const lang = ctx.language;
  const label = localText(q.label, lang, q.name);
  const hint = q.hint ? localText(q.hint, lang) : undefined;
  const flag = ctx.flags?.[path] ?? ctx.flags?.[q.name];
  const value = scope.node[q.name];

  if (q.type === 'note') {
    return (
      <div className="callout note mb-4" id={id}>
        <p className="mb-1">{label}</p>
        {hint && <p className="small mb-0">{hint}</p>}
      </div>
    );
  }
  if (q.type === 'calculate') {
    // a calculation is shown only when the author gave it a label
    if (!q.label) return null;
    return (
      <div className="mb-4">
        <span className="fw-semibold" id={`${id}-label`}>
          {label}
        </span>
        {': '}
        <output id={id} aria-labelledby={`${id}-label`}>
          {state?.value ?? ''}
        </output>
        {hint && <p className="form-text small mb-0">{hint}</p>}
      </div>
    );
  }

  const flagNote = flag && (
    <div role="note" className="alert alert-warning py-2 px-3 mb-2" id={`${id}-flag`}>
      <strong>{t('surveys.authoring.questionnaire.flagged')}</strong> {flag.reason}
    </div>
  );

  if (ctx.readOnly) {
    return (
      <div className="mb-3">
        <div className="fw-semibold" id={`${id}-label`}>
          {label}
        </div>
        <div id={id} aria-labelledby={`${id}-label`}>
          <AnswerText q={q} value={value} node={scope.node} choices={choices} lang={lang} />
        </div>
        {flagNote}
      </div>
    );
  }

  const issues = ctx.issues.get(path) ?? [];
  // "required" is the mark and the list of what is missing: repeated under each empty field it
  // would be red before anyone typed
  const shown = issues.filter((i) => i.code !== 'answer.required');
  const error =
    shown.length > 0
      ? shown.map((i) => issueText(i, lang, t('surveys.authoring.questionnaire.notDate'))).join(' ')
      : undefined;
  const disabled = q.readOnly || (ctx.editable ? !ctx.editable(q.name) : false);
  const required = state?.required ?? q.required;
  const extraHint =
    q.type === 'date'
      ? t('surveys.authoring.questionnaire.dateHint')
      : q.type === 'decimal' && lang === 'it'
        ? t('surveys.authoring.questionnaire.decimalHint')
        : undefined;
  const hintText = [hint, extraHint].filter(Boolean).join(' ') || undefined;
  const describedBy =
    [hintText ? `${id}-hint` : null, error ? `${id}-error` : null, flag ? `${id}-flag` : null]
      .filter(Boolean)
      .join(' ') || undefined;
  const field = { id, disabled, describedBy, invalid: error !== undefined };
  const mark = required ? <RequiredMark /> : null;
  const messages = (
    <>
      {hintText && (
        <small id={`${id}-hint`} className="form-text d-block">
          {hintText}
        </small>
      )}
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </>
  );

  const set = (v: unknown) => scope.set(q.name, v === '' || v === undefined ? null : v);
  const inputProps = {
    id,
    disabled,
    'aria-describedby': describedBy,
    'aria-invalid': error !== undefined ? true : undefined,
    'aria-required': required ? true : undefined,
  } as const;

  const single = (control: ReactNode) => (
    <div className="form-group mb-4">
      <label htmlFor={id} className="active">
        {label}
        {mark}
      </label>
      {flagNote}
      {control}
      {messages}
    </div>
  );
  const grouped = (control: ReactNode) => (
    <fieldset className="mb-4" aria-describedby={describedBy}>
      <legend className="fs-6 fw-semibold">
        {label}
        {mark}
      </legend>
      {flagNote}
      {control}
      {messages}
    </fieldset>
  );

  switch (q.type) {
    case 'text':
      return single(
        q.appearance?.includes('multiline') ? (
          <textarea
            {...inputProps}
            className="form-control"
            rows={4}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => set(e.target.value)}
          />
        ) : (
          <input
            {...inputProps}
            type="text"
            className="form-control"
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => set(e.target.value)}
          />
        ),
      );
    case 'integer':
    case 'decimal':
      return single(
        <TypedInput
          {...inputProps}
          inputMode={q.type === 'integer' ? 'numeric' : 'decimal'}
          className={error ? 'is-invalid' : undefined}
          value={value}
          write={(v) => writeNumber(v, lang)}
          read={(s) => readNumber(s, lang)}
          format={lang}
          onValue={set}
        />,
      );
    case 'date':
      return single(
        <TypedInput
          {...inputProps}
          className={error ? 'is-invalid' : undefined}
          autoComplete="off"
          value={value}
          write={writeDate}
          read={readDate}
          onValue={set}
        />,
      );
    case 'acknowledge':
      return grouped(
        <div className="form-check">
          <input
            {...inputProps}
            type="checkbox"
            checked={value === 'OK' || value === true}
            onChange={(e) => set(e.target.checked ? 'OK' : null)}
          />
          <label htmlFor={id}>{t('surveys.authoring.questionnaire.acknowledge')}</label>
        </div>,
      );
    case 'yes_no':
    case 'select_one': {
      const other = q.type === 'select_one' && q.other;
      const chosen = typeof value === 'string' ? value : '';
      if (choices.length + (other ? 1 : 0) > RADIO_LIMIT || q.appearance?.includes('minimal')) {
        return single(
          <>
            <select
              {...inputProps}
              className={`form-select${error ? ' is-invalid' : ''}`}
              value={chosen}
              onChange={(e) => set(e.target.value)}
            >
              <option value="">{t('surveys.authoring.questionnaire.choose')}</option>
              {choices.map((c) => (
                <option key={c.name} value={c.name}>
                  {localText(c.label, lang, c.name)}
                </option>
              ))}
              {other && <option value={OTHER}>{t('surveys.authoring.questionnaire.other')}</option>}
            </select>
            {other && chosen === OTHER && <OtherText q={q} scope={scope} disabled={disabled} />}
          </>,
        );
      }
      return grouped(
        <>
          {choices.map((c, i) => (
            <div className="form-check" key={c.name}>
              <input
                type="radio"
                id={i === 0 ? id : `${id}-${c.name}`}
                name={id}
                disabled={disabled}
                checked={chosen === c.name}
                onChange={() => set(c.name)}
              />
              <label htmlFor={i === 0 ? id : `${id}-${c.name}`}>{localText(c.label, lang, c.name)}</label>
            </div>
          ))}
          {other && (
            <div className="form-check">
              <input
                type="radio"
                id={choices.length === 0 ? id : `${id}-${OTHER}`}
                name={id}
                disabled={disabled}
                checked={chosen === OTHER}
                onChange={() => set(OTHER)}
              />
              <label htmlFor={choices.length === 0 ? id : `${id}-${OTHER}`}>
                {t('surveys.authoring.questionnaire.other')}
              </label>
            </div>
          )}
          {other && chosen === OTHER && <OtherText q={q} scope={scope} disabled={disabled} />}
        </>,
      );
    }
    case 'select_multiple': {
      const codes = chosenCodes(value);
      const toggle = (code: string, on: boolean) => {
        const next = on ? [...codes.filter((c) => c !== code), code] : codes.filter((c) => c !== code);
        set(next.join(' '));
      };
      const options = [
        ...choices.map((c) => ({ code: c.name, text: localText(c.label, lang, c.name) })),
        ...(q.other ? [{ code: OTHER, text: t('surveys.authoring.questionnaire.other') }] : []),
      ];
      return grouped(
        <>
          {options.map((o, i) => (
            <div className="form-check" key={o.code}>
              <input
                type="checkbox"
                id={i === 0 ? id : `${id}-${o.code}`}
                disabled={disabled}
                checked={codes.includes(o.code)}
                aria-invalid={error !== undefined ? true : undefined}
                onChange={(e) => toggle(o.code, e.target.checked)}
              />
              <label htmlFor={i === 0 ? id : `${id}-${o.code}`}>{o.text}</label>
            </div>
          ))}
          {q.other && codes.includes(OTHER) && <OtherText q={q} scope={scope} disabled={disabled} />}
        </>,
      );
    }
    case 'range_estimate':
      return grouped(<RangeInputs q={q} value={value} set={set} field={field} />);
    case 'reference_period':
      return grouped(<PeriodInputs q={q} value={value} set={set} field={field} />);
  }
}

function RequiredMark() {
  const { t } = useTranslation();
  return (
    <>
      {' '}
      <span aria-hidden="true" className="text-danger">
        *
      </span>
      <span className="visually-hidden">{t('surveys.authoring.questionnaire.required')}</span>
    </>
  );
}

/** The text of "Altro (specificare)", kept as `<name>_other` next to the answer */
function OtherText({ q, scope, disabled }: { q: Select; scope: Scope; disabled: boolean }) {
  const ctx = useQuestionnaire();
  const { t } = useTranslation();
  const id = `${fieldId(ctx.idPrefix, pathOf(scope.at, q.name))}-other-text`;
  const key = `${q.name}_other`;
  const v = scope.node[key];
  return (
    <div className="form-group mt-2 mb-0 ms-4">
      <label htmlFor={id} className="active">
        {t('surveys.authoring.questionnaire.otherSpecify')}
      </label>
      <input
        id={id}
        type="text"
        className="form-control"
        disabled={disabled}
        value={typeof v === 'string' ? v : ''}
        onChange={(e) => scope.set(key, e.target.value === '' ? null : e.target.value)}
      />
    </div>
  );
}

interface FieldInfo {
  id: string;
  disabled: boolean;
  describedBy: string | undefined;
  invalid: boolean;
}

/** A figure given exactly or as a range, with how sure it is (dato certo, stima, non noto) */
function RangeInputs({
  q,
  value,
  set,
  field,
}: {
  q: Range;
  value: unknown;
  set: (v: unknown) => void;
  field: FieldInfo;
}) {
  const ctx = useQuestionnaire();
  const { t } = useTranslation();
  const lang = ctx.language;
  const v = isObject(value) ? value : {};
  const [mode, setMode] = useState<'value' | 'range'>(v.min !== undefined || v.max !== undefined ? 'range' : 'value');
  const quality = typeof v.quality === 'string' ? v.quality : undefined;
  const emit = (next: Record<string, unknown>) => {
    const clean = Object.fromEntries(Object.entries(next).filter(([, x]) => x !== null && x !== undefined));
    set(Object.keys(clean).length === 0 ? null : clean);
  };
  const num = (key: 'value' | 'min' | 'max', text: string) => (
    <div className="col-sm-4 form-group mb-2">
      <label htmlFor={`${field.id}-${key}`} className="active">
        {text}
      </label>
      <TypedInput
        id={`${field.id}-${key}`}
        inputMode={q.decimal ? 'decimal' : 'numeric'}
        disabled={field.disabled}
        aria-invalid={field.invalid ? true : undefined}
        aria-describedby={field.describedBy}
        value={v[key]}
        write={(x) => writeNumber(x, lang)}
        read={(s) => readNumber(s, lang)}
        format={lang}
        onValue={(x) => emit({ ...v, [key]: x })}
      />
    </div>
  );
  return (
    <>
      <fieldset className="mb-2">
        <legend className="visually-hidden">{t('surveys.authoring.questionnaire.quality')}</legend>
        <span className="small d-block" aria-hidden="true">
          {t('surveys.authoring.questionnaire.quality')}
        </span>
        {estimateQualities.map((code, i) => (
          <div className="form-check form-check-inline" key={code}>
            <input
              type="radio"
              id={i === 0 ? field.id : `${field.id}-q-${code}`}
              name={`${field.id}-quality`}
              disabled={field.disabled}
              checked={quality === code}
              onChange={() => emit(code === 'non_noto' ? { quality: code } : { ...v, quality: code })}
            />
            <label htmlFor={i === 0 ? field.id : `${field.id}-q-${code}`}>{estimateQualityLabels[code][lang]}</label>
          </div>
        ))}
      </fieldset>
      {quality !== 'non_noto' && (
        <>
          <fieldset className="mb-2">
            <legend className="visually-hidden">{t('surveys.authoring.questionnaire.rangeMode')}</legend>
            {(['value', 'range'] as const).map((m) => (
              <div className="form-check form-check-inline" key={m}>
                <input
                  type="radio"
                  id={`${field.id}-mode-${m}`}
                  name={`${field.id}-mode`}
                  disabled={field.disabled}
                  checked={mode === m}
                  onChange={() => {
                    setMode(m);
                    emit(m === 'value' ? { quality, value: v.value } : { quality, min: v.min, max: v.max });
                  }}
                />
                <label htmlFor={`${field.id}-mode-${m}`}>
                  {t(
                    m === 'value' ? 'surveys.authoring.questionnaire.single' : 'surveys.authoring.questionnaire.range',
                  )}
                </label>
              </div>
            ))}
          </fieldset>
          <div className="row">
            {mode === 'value'
              ? num('value', t('surveys.authoring.questionnaire.value'))
              : [
                  num('min', t('surveys.authoring.questionnaire.min')),
                  num('max', t('surveys.authoring.questionnaire.max')),
                ]}
          </div>
        </>
      )}
    </>
  );
}

/** A period from–to, by day (gg/mm/aaaa), month (mm/aaaa) or year (aaaa) */
function PeriodInputs({
  q,
  value,
  set,
  field,
}: {
  q: Period;
  value: unknown;
  set: (v: unknown) => void;
  field: FieldInfo;
}) {
  const { t } = useTranslation();
  const v = isObject(value) ? value : {};
  const format = t(`surveys.authoring.questionnaire.periodFormat.${q.unit}`);
  const part = (key: 'from' | 'to') => (
    <div className="col-sm-5 form-group mb-2">
      <label htmlFor={key === 'from' ? field.id : `${field.id}-to`} className="active">
        {t(`surveys.authoring.questionnaire.${key}`)} ({format})
      </label>
      <TypedInput
        id={key === 'from' ? field.id : `${field.id}-to`}
        disabled={field.disabled}
        autoComplete="off"
        aria-invalid={field.invalid ? true : undefined}
        aria-describedby={field.describedBy}
        value={v[key]}
        write={(x) => writePeriodPart(x, q.unit)}
        read={(s) => readPeriodPart(s, q.unit)}
        onValue={(x) => {
          const next = { ...v, [key]: x };
          set(next.from == null && next.to == null ? null : next);
        }}
      />
    </div>
  );
  return <div className="row">{[part('from'), part('to')]}</div>;
}

/** An engine issue in the form's language (a date's format is the one the input takes) */
function issueText(issue: AnswerIssue, lang: FormLanguage, notDate: string): string {
  if (issue.code === 'answer.not_date') return notDate;
  return issue.message[lang];
}

/** An answer as text, for read-only display (after submission, in review) */
function AnswerText({
  q,
  value,
  node,
  choices,
  lang,
}: {
  q: Question;
  value: unknown;
  node: Readonly<Record<string, unknown>>;
  choices: readonly Choice[];
  lang: FormLanguage;
}): ReactNode {
  const { t } = useTranslation();
  const none = <span className="text-muted">{t('surveys.authoring.questionnaire.noAnswer')}</span>;
  if (value === undefined || value === null || value === '') return none;
  const locale = lang === 'it' ? 'it-IT' : 'en-GB';
  const num = (x: unknown) => (typeof x === 'number' ? x.toLocaleString(locale) : String(x));
  const choiceText = (code: string) =>
    code === OTHER
      ? `${t('surveys.authoring.questionnaire.other')}: ${typeof node[`${q.name}_other`] === 'string' ? String(node[`${q.name}_other`]) : ''}`
      : localText(choices.find((c) => c.name === code)?.label, lang, code);
  switch (q.type) {
    case 'integer':
    case 'decimal':
      return num(value);
    case 'date':
      return writeDate(value);
    case 'acknowledge':
      return t('surveys.authoring.questionnaire.acknowledged');
    case 'yes_no':
    case 'select_one':
      return typeof value === 'string' ? choiceText(value) : JSON.stringify(value);
    case 'select_multiple':
      return chosenCodes(value).map(choiceText).join('; ');
    case 'range_estimate': {
      if (!isObject(value)) return none;
      const quality =
        typeof value.quality === 'string' && value.quality in estimateQualityLabels
          ? estimateQualityLabels[value.quality as keyof typeof estimateQualityLabels][lang]
          : '';
      if (value.value !== undefined) return `${num(value.value)} (${quality})`;
      if (value.min !== undefined || value.max !== undefined) {
        return `${t('surveys.authoring.questionnaire.rangeText', { min: num(value.min), max: num(value.max) })} (${quality})`;
      }
      return quality;
    }
    case 'reference_period':
      if (!isObject(value)) return none;
      return t('surveys.authoring.questionnaire.periodText', {
        from: writePeriodPart(value.from, q.unit),
        to: writePeriodPart(value.to, q.unit),
      });
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
