/**
 * Forms declared once, from a Zod schema: react-hook-form holds the values, the schema checks
 * them (messages from the i18n catalogues, through the `t` it is given) and turns them into the
 * API body, and a failed request's problem+json field issues land next to their fields here, in
 * one place. Fields register their DOM id and label, so the error summary links to them.
 */
import { createContext, useContext, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  FormProvider,
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type UseFormReturn,
} from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { ApiProblem } from '../api/problem';
import { useProblemMessages } from './problemMessages';
import { markSessionEnded, sessionEndOf, useMe } from './session';
import { clearDraft, readDraft, saveDraft } from './drafts';

interface RegisteredField {
  name: string;
  id: string;
  label: string;
}

/** The fields a form shows, in document order: where the summary links, and which API paths have a home. */
class FieldRegistry {
  private fields: RegisteredField[] = [];

  add(field: RegisteredField): () => void {
    this.fields = [...this.fields.filter((f) => f.name !== field.name), field].sort(byDocumentOrder);
    return () => {
      this.fields = this.fields.filter((f) => f !== field);
    };
  }

  all(): readonly RegisteredField[] {
    return this.fields;
  }

  byName(name: string): RegisteredField | undefined {
    return this.fields.find((f) => f.name === name);
  }
}

function byDocumentOrder(a: RegisteredField, b: RegisteredField): number {
  const ea = document.getElementById(a.id);
  const eb = document.getElementById(b.id);
  if (ea === null || eb === null) return 0;
  return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

export interface SchemaFormOptions<In extends FieldValues, Out> {
  /** The form's schema, built with the current language's `t` so its messages are translated. */
  schema: (t: TFunction) => z.ZodType<Out, In>;
  defaultValues: DefaultValues<In>;
  /** Prefix of the fields' DOM ids (id = prefix + name, dots as dashes), unique on the page. */
  idPrefix?: string;
  /** API field path (without 'body.') → form field name, where they differ. */
  paths?: Record<string, string>;
  /** The general message of a failed request (a feature may word its own codes). */
  messageOf?: (error: unknown) => string;
  /**
   * Keeps the values as a draft under this name (lib/drafts: this tab, this user, no secrets),
   * restored when the form is shown again, cleared by a successful submit: work in progress
   * survives a session that ends and a login in place.
   */
  draft?: string;
}

export interface SchemaForm<In extends FieldValues, Out> {
  methods: UseFormReturn<In, unknown, Out>;
  registry: FieldRegistry;
  idPrefix: string;
  /** A message that belongs to no single field (shown in the summary). */
  general: string | null;
  /**
   * The form's onSubmit: checks the values against the schema and, when they pass, runs
   * `action` with the parsed values. A rejection from `action` is shown as a failed request.
   */
  submit: (action: (values: Out) => unknown) => (event: FormEvent) => void;
  /** Shows a failed request: field issues next to their fields, the rest as the general message. */
  fail: (error: unknown) => void;
  /** Shows one message that belongs to a field, or (name null) to no field. */
  show: (name: Path<In> | null, message: string) => void;
  /** Back to the default values (or `values`), without messages. */
  reset: (values?: DefaultValues<In>) => void;
}

const SchemaFormContext = createContext<SchemaForm<FieldValues, unknown> | null>(null);

export function useSchemaForm<In extends FieldValues, Out>(options: SchemaFormOptions<In, Out>): SchemaForm<In, Out> {
  const { t, i18n } = useTranslation();
  const { messageOf: coreMessageOf, fieldMessageOf } = useProblemMessages();
  const messageOf = options.messageOf ?? coreMessageOf;
  const { schema: build } = options;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new schema only when the language changes
  const schema = useMemo(() => build(t), [t, i18n.language]);
  const methods = useForm<In, unknown, Out>({
    // zodResolver infers the schema's input and output from the ZodType given
    resolver: zodResolver(schema as z.ZodType<Out, In> & z.core.$ZodType<Out, In>),
    defaultValues: options.defaultValues,
    mode: 'onSubmit',
    // messages stay as they were until the next submit, as they always have in this client
    reValidateMode: 'onSubmit',
    // the summary takes focus, and links to each field
    shouldFocusError: false,
  });
  const [registry] = useState(() => new FieldRegistry());
  const [general, setGeneral] = useState<string | null>(null);
  const idPrefix = options.idPrefix ?? '';
  const paths = options.paths ?? {};
  const { data: me } = useMe();
  const userId = me?.user.id;
  const draft = options.draft;

  // the draft: restored once, then written on every change
  const restored = useRef(false);
  useEffect(() => {
    if (draft === undefined || userId === undefined || restored.current) return;
    restored.current = true;
    const saved = readDraft(userId, draft);
    if (saved !== null) {
      methods.reset({ ...options.defaultValues, ...saved }, { keepDefaultValues: true });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the user is known
  }, [draft, userId]);
  const { subscribe } = methods;
  useEffect(() => {
    if (draft === undefined || userId === undefined) return;
    return subscribe({ formState: { values: true }, callback: ({ values }) => saveDraft(userId, draft, values) });
  }, [subscribe, draft, userId]);
  const forgetDraft = () => {
    if (draft !== undefined && userId !== undefined) clearDraft(userId, draft);
  };

  const fail = (error: unknown) => {
    const ended = sessionEndOf(error);
    if (ended !== null && userId !== undefined) {
      // the login is asked for in place; the values stay, to be sent again after it
      markSessionEnded(ended);
      setGeneral(t('sessionEnded.resubmit'));
      return;
    }
    if (!(error instanceof ApiProblem)) {
      setGeneral(messageOf(error));
      return;
    }
    const others: string[] = [];
    let placed = 0;
    const seen = new Set<string>();
    for (const issue of error.fieldErrors) {
      const path = issue.path
        .replace(/^\//, '')
        .replaceAll('/', '.')
        .replace(/^body\./, '');
      const candidates = [path, path.replace(/(\.\d+)+$/, ''), path.split('.')[0] ?? ''];
      const name = candidates.map((c) => paths[c] ?? c).find((c) => registry.byName(c) !== undefined);
      const message = fieldMessageOf(issue.code, issue.message);
      if (name === undefined) others.push(message);
      else if (!seen.has(name)) {
        seen.add(name);
        placed += 1;
        methods.setError(name as Path<In>, { type: 'server', message });
      }
    }
    setGeneral(others.length > 0 ? others.join(' ') : placed > 0 ? null : messageOf(error));
  };

  const submit = (action: (values: Out) => unknown) => (event: FormEvent) => {
    setGeneral(null);
    void methods.handleSubmit(async (values) => {
      try {
        await action(values);
        forgetDraft();
      } catch (error) {
        fail(error);
      }
    })(event);
  };

  const show = (name: Path<In> | null, message: string) => {
    if (name === null) setGeneral(message);
    else methods.setError(name, { type: 'server', message });
  };

  const reset = (values?: DefaultValues<In>) => {
    setGeneral(null);
    methods.reset(values ?? options.defaultValues);
    forgetDraft();
  };

  return { methods, registry, idPrefix, general, submit, fail, show, reset };
}

/** Gives the fields and the summary inside it their form. */
export function SchemaFormProvider<In extends FieldValues, Out>({
  form,
  children,
}: {
  form: SchemaForm<In, Out>;
  children: ReactNode;
}) {
  return (
    <SchemaFormContext.Provider value={form as unknown as SchemaForm<FieldValues, unknown>}>
      <FormProvider {...form.methods}>{children}</FormProvider>
    </SchemaFormContext.Provider>
  );
}

export function useSchemaFormContext(): SchemaForm<FieldValues, unknown> {
  const form = useContext(SchemaFormContext);
  if (form === null) throw new Error('A form field must be inside SchemaFormProvider');
  return form;
}

/** Every message in react-hook-form's nested errors, by field name. */
export function flattenErrors(errors: FieldErrors, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (key === 'root' || value === undefined || value === null || typeof value !== 'object') continue;
    const name = prefix === '' ? key : `${prefix}.${key}`;
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string' && 'type' in value) out.push([name, message]);
    else out.push(...flattenErrors(value as FieldErrors, name));
  }
  return out;
}

/** The DOM id of a field: its own, or the form's prefix and its name. */
export function fieldId(prefix: string, name: string): string {
  return `${prefix}${name.replaceAll('.', '-')}`;
}

/** A text field that must not be blank (the value is kept as typed). */
export function requiredText(message: string) {
  return z.string().refine((v) => v.trim() !== '', message);
}

/** A select whose value must be one of `values` ('' — nothing chosen — gets `message`). */
export function oneOfField<T extends string>(values: readonly T[], message: string) {
  return z
    .string()
    .refine((v) => (values as readonly string[]).includes(v), message)
    .transform((v) => v as T);
}

/** An optional text: blank becomes undefined, so the API body leaves it out. */
export function optionalText() {
  return z.string().transform((v) => (v.trim() === '' ? undefined : v));
}
