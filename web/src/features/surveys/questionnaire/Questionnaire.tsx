import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  evaluateForm,
  walkItems,
  type AnswerIssue,
  type Answers,
  type Form,
  type FormLanguage,
  type Group,
  type Item,
  type ItemState,
  type Repeat,
  type SectionProgress,
} from '../../../lib/form-engine';
import { Ctx, fieldId, useQuestionnaire, type QuestionnaireContext, type Scope } from './context';
import { QuestionField } from './QuestionField';
import { isObject, localText, pathOf } from './values';

export interface QuestionnaireProps {
  form: Form;
  answers: Answers;
  /**
   * One top-level key of the answers changed: a question's name (or `<name>_other`, the text of
   * "Altro") with its new value (null when cleared), or a top-level repeat's name with all its
   * entries (an entry added, removed or changed inside). `{ ...answers, [name]: value }` is the
   * new answers.
   */
  onChange: (name: string, value: unknown) => void;
  /** the language of the form's texts (labels, hints, choices, the engine's messages) */
  language: FormLanguage;
  /** answers shown as text, nothing to change (after submission, in review) */
  readOnly?: boolean;
  /** the reviewer's reasons, by question name (or path inside repeats), shown next to the question */
  flags?: Readonly<Record<string, { reason: string }>>;
  /** false: the question cannot be changed (after a return for correction, only the flagged ones) */
  editable?: (name: string) => boolean;
  /** today in the survey's time zone, YYYY-MM-DD (the engine's today()) */
  today: string;
}

/**
 * A questionnaire as a Comune fills it: the form engine (the same code the server runs) decides on
 * every change what is relevant, what is calculated, what is required and what is wrong; this
 * shows it. Sections (top-level groups and repeats) are steps with their progress; a "what is
 * missing" list links each problem to its question.
 */
export function Questionnaire({
  form,
  answers,
  onChange,
  language,
  readOnly = false,
  flags,
  editable,
  today,
}: QuestionnaireProps) {
  const { t } = useTranslation();
  const idPrefix = `q${useId().replace(/:/g, '')}-`;
  // typing stays fluid on a large form: the evaluation may lag a keystroke behind
  const deferred = useDeferredValue(answers);
  const evaluation = useMemo(
    () => evaluateForm(form, deferred, { today, now: new Date(`${today}T12:00:00Z`) }),
    [form, deferred, today],
  );
  const ctx = useMemo<QuestionnaireContext>(() => {
    const states = new Map<string, ItemState>(evaluation.items.map((s) => [s.path, s]));
    const issues = new Map<string, AnswerIssue[]>();
    for (const i of evaluation.issues) issues.set(i.path, [...(issues.get(i.path) ?? []), i]);
    const lists = new Map(form.lists.map((l) => [l.name, l.choices] as const));
    return { language, readOnly, idPrefix, states, issues, lists, flags, editable };
  }, [evaluation, form, language, readOnly, idPrefix, flags, editable]);

  const sections = evaluation.sections;
  const [step, setStep] = useState(0);
  const current = Math.min(step, Math.max(sections.length - 1, 0));
  const section = sections[current];
  const headingRef = useRef<HTMLHeadingElement>(null);
  // where the focus goes after a move: the new section's heading, or a question (a "what is
  // missing" link); `moves` counts the moves so that the effect runs after each one
  const focusTarget = useRef<string | null>(null);
  const [moves, setMoves] = useState(0);

  useEffect(() => {
    if (moves === 0) return;
    const target = focusTarget.current;
    focusTarget.current = null;
    if (target) document.getElementById(target)?.focus();
    else headingRef.current?.focus();
  }, [moves]);

  const go = (index: number) => {
    setStep(index);
    setMoves((m) => m + 1);
  };
  const goTo = (issue: { path: string; section: string | null }) => {
    const index = sections.findIndex((s) => s.name === issue.section);
    focusTarget.current = fieldId(idPrefix, issue.path);
    go(index >= 0 ? index : current);
  };

  const total = sections.reduce(
    (acc, s) => (sectionRelevant(ctx, s) ? { q: acc.q + s.questions, a: acc.a + s.answered } : acc),
    { q: 0, a: 0 },
  );
  const top: Scope = { at: [], node: answers, set: onChange };
  const labels = useMemo(() => {
    const m = new Map<string, Item>();
    for (const [item] of walkItems(form.items)) m.set(item.name, item);
    return m;
  }, [form]);

  return (
    <Ctx.Provider value={ctx}>
      <div className="questionnaire" lang={language}>
        {!readOnly && (
          <ProgressBar
            id={`${idPrefix}overall`}
            label={t('surveys.authoring.questionnaire.overall')}
            answered={total.a}
            questions={total.q}
          />
        )}
        {sections.length > 1 && (
          <nav aria-label={t('surveys.authoring.questionnaire.sections')} className="mb-4">
            <ol className="list-unstyled d-flex flex-wrap gap-2 mb-0">
              {sections.map((s, i) => {
                const relevant = sectionRelevant(ctx, s);
                return (
                  <li key={s.name ?? '-'}>
                    <button
                      type="button"
                      className={`btn btn-sm ${i === current ? 'btn-primary' : 'btn-outline-primary'}`}
                      aria-current={i === current ? 'step' : undefined}
                      onClick={() => go(i)}
                    >
                      {i + 1}. {s.label[language]}
                      {!relevant && <> ({t('surveys.authoring.questionnaire.notApplicable')})</>}
                      {relevant && !readOnly && s.questions > 0 && (
                        <span className="ms-1">
                          {t('surveys.authoring.questionnaire.stepCount', {
                            answered: s.answered,
                            questions: s.questions,
                          })}
                        </span>
                      )}
                    </button>
                  </li>
                );
              })}
            </ol>
          </nav>
        )}
        {section && (
          <section aria-labelledby={`${idPrefix}section`} className="mb-4">
            <h2 id={`${idPrefix}section`} ref={headingRef} tabIndex={-1} className="h4">
              {section.label[language]}
            </h2>
            {!readOnly && sectionRelevant(ctx, section) && (
              <ProgressBar
                id={`${idPrefix}section-progress`}
                label={t('surveys.authoring.questionnaire.sectionProgress')}
                answered={section.answered}
                questions={section.questions}
              />
            )}
            <SectionBody form={form} section={section} scope={top} />
            {sections.length > 1 && (
              <div className="d-flex gap-2 mt-3">
                {current > 0 && (
                  <button type="button" className="btn btn-outline-primary" onClick={() => go(current - 1)}>
                    {t('surveys.authoring.questionnaire.previous')}
                  </button>
                )}
                {current < sections.length - 1 && (
                  <button type="button" className="btn btn-primary" onClick={() => go(current + 1)}>
                    {t('surveys.authoring.questionnaire.next')}
                  </button>
                )}
              </div>
            )}
          </section>
        )}
        {!readOnly && (
          <Missing
            idPrefix={idPrefix}
            issues={evaluation.issues}
            labels={labels}
            language={language}
            sections={sections}
            goTo={goTo}
          />
        )}
      </div>
    </Ctx.Provider>
  );
}

function sectionRelevant(ctx: QuestionnaireContext, s: SectionProgress): boolean {
  return s.name === null || (ctx.states.get(s.name)?.relevant ?? true);
}

function ProgressBar({
  id,
  label,
  answered,
  questions,
}: {
  id: string;
  label: string;
  answered: number;
  questions: number;
}) {
  const { t } = useTranslation();
  const pct = questions === 0 ? 100 : Math.round((answered / questions) * 100);
  return (
    <div className="mb-3">
      <div id={id} className="small">
        {label}: {t('surveys.authoring.questionnaire.progressText', { answered, questions })}
      </div>
      <div className="progress">
        <div
          className="progress-bar"
          role="progressbar"
          aria-labelledby={id}
          aria-valuenow={pct}
          aria-valuemin={0}
          aria-valuemax={100}
          style={{ width: `${pct}%` }}
        />
      </div>
    </div>
  );
}

/** One step: the questions outside any section, or a top-level group or repeat */
function SectionBody({ form, section, scope }: { form: Form; section: SectionProgress; scope: Scope }) {
  const ctx = useQuestionnaire();
  const { t } = useTranslation();
  if (!sectionRelevant(ctx, section)) {
    return <p>{t('surveys.authoring.questionnaire.sectionNotApplicable')}</p>;
  }
  if (section.name === null) {
    return <Items items={form.items.filter((i) => i.kind === 'question')} scope={scope} />;
  }
  const item = form.items.find((i) => i.kind !== 'question' && i.name === section.name);
  if (!item || item.kind === 'question') return null;
  const hint = item.hint ? localText(item.hint, ctx.language) : undefined;
  return (
    <>
      {hint && <p className="lead fs-6">{hint}</p>}
      {item.kind === 'group' ? (
        <Items items={item.items} scope={scope} />
      ) : (
        <RepeatField repeat={item} scope={scope} asSection />
      )}
    </>
  );
}

function Items({ items, scope }: { items: readonly Item[]; scope: Scope }) {
  return (
    <>
      {items.map((item) => (
        <ItemField key={item.name} item={item} scope={scope} />
      ))}
    </>
  );
}

function ItemField({ item, scope }: { item: Item; scope: Scope }) {
  const ctx = useQuestionnaire();
  const state = ctx.states.get(pathOf(scope.at, item.name));
  if (state && !state.relevant) return null;
  if (item.kind === 'group') return <GroupField group={item} scope={scope} />;
  if (item.kind === 'repeat') return <RepeatField repeat={item} scope={scope} />;
  return <QuestionField q={item} scope={scope} />;
}

function GroupField({ group, scope }: { group: Group; scope: Scope }) {
  const ctx = useQuestionnaire();
  if (!group.label) return <Items items={group.items} scope={scope} />;
  const hint = group.hint ? localText(group.hint, ctx.language) : undefined;
  return (
    <fieldset className="mb-4">
      <legend className="h5">{localText(group.label, ctx.language, group.name)}</legend>
      {hint && <p className="small">{hint}</p>}
      <Items items={group.items} scope={scope} />
    </fieldset>
  );
}

/** Entries answered once each (one per settlement…): added and removed here; repeats nest */
function RepeatField({ repeat, scope, asSection = false }: { repeat: Repeat; scope: Scope; asSection?: boolean }) {
  const ctx = useQuestionnaire();
  const { t } = useTranslation();
  const path = pathOf(scope.at, repeat.name);
  const id = fieldId(ctx.idPrefix, path);
  const raw = scope.node[repeat.name];
  const entries: Record<string, unknown>[] = Array.isArray(raw) ? raw.map((e) => (isObject(e) ? e : {})) : [];
  const label = localText(repeat.label, ctx.language, repeat.name);
  const canChange = !ctx.readOnly && (ctx.editable ? ctx.editable(repeat.name) : true);
  const issues = (ctx.issues.get(path) ?? []).map((i) => i.message[ctx.language]);
  const setEntries = (next: Record<string, unknown>[]) => scope.set(repeat.name, next);
  const hint = !asSection && repeat.hint ? localText(repeat.hint, ctx.language) : undefined;

  const body = (
    <>
      {hint && <p className="small">{hint}</p>}
      {issues.length > 0 && (
        <div id={`${id}-error`} className="invalid-feedback d-block mb-2">
          {issues.join(' ')}
        </div>
      )}
      {entries.length === 0 && <p>{t('surveys.authoring.questionnaire.noEntries')}</p>}
      {entries.map((entry, index) => {
        const entryScope: Scope = {
          at: [...scope.at, { repeat: repeat.name, index }],
          node: entry,
          set: (key, value) => setEntries(entries.map((e, j) => (j === index ? { ...e, [key]: value } : e))),
        };
        const entryLabel = t('surveys.authoring.questionnaire.entry', { label, n: index + 1 });
        return (
          <fieldset key={index} className="border rounded p-3 mb-3">
            <legend className="h6 float-none w-auto px-1">{entryLabel}</legend>
            <Items items={repeat.items} scope={entryScope} />
            {canChange && (
              <button
                type="button"
                className="btn btn-outline-danger btn-sm"
                onClick={() => setEntries(entries.filter((_, j) => j !== index))}
              >
                {t('surveys.authoring.questionnaire.removeEntry', { entry: entryLabel })}
              </button>
            )}
          </fieldset>
        );
      })}
      {canChange && (
        <button
          type="button"
          id={id}
          className="btn btn-outline-primary btn-sm"
          aria-describedby={issues.length > 0 ? `${id}-error` : undefined}
          onClick={() => setEntries([...entries, {}])}
        >
          {t('surveys.authoring.questionnaire.addEntry', { label })}
        </button>
      )}
    </>
  );
  if (asSection) return body;
  return (
    <fieldset className="mb-4">
      <legend className="h5">{label}</legend>
      {body}
    </fieldset>
  );
}

/** "What is missing": every problem of the answers, each a link to its question */
function Missing({
  issues,
  labels,
  language,
  sections,
  goTo,
  idPrefix,
}: {
  idPrefix: string;
  issues: readonly AnswerIssue[];
  labels: ReadonlyMap<string, Item>;
  language: FormLanguage;
  sections: readonly SectionProgress[];
  goTo: (issue: AnswerIssue) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="mt-4">
      <h2 id={headingId} className="h5">
        {t('surveys.authoring.questionnaire.missingTitle')}
      </h2>
      {issues.length === 0 ? (
        <p>{t('surveys.authoring.questionnaire.nothingMissing')}</p>
      ) : (
        <>
          <p>{t('surveys.authoring.questionnaire.missingCount', { count: issues.length })}</p>
          <ul>
            {issues.map((issue, i) => {
              const item = labels.get(issue.name);
              const section = sections.find((s) => s.name === issue.section);
              const entries = [...issue.path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) + 1);
              const where = [
                section?.label[language],
                ...entries.map((n) => t('surveys.authoring.questionnaire.entryNo', { n })),
              ]
                .filter(Boolean)
                .join(', ');
              return (
                <li key={`${issue.path}-${issue.code}-${i}`}>
                  <a
                    href={`#${fieldId(idPrefix, issue.path)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      goTo(issue);
                    }}
                  >
                    {where && `${where} — `}
                    {localText(item?.label, language, issue.name)}: {issue.message[language]}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
