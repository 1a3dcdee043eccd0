/**
 * The questionnaire model: our own versioned JSON shape of a survey's form
 * (docs/decisions/0034-questionnaire-model.md). XLSForm is how forms come in and go out
 * (xlsform-import.ts, xlsform-export.ts); this is what is stored, published and rendered.
 *
 * Expressions (relevant, constraint, calculation, choice_filter, default, requiredIf,
 * repeatCount, instanceName) are kept as their XLSForm source text; the expression module parses
 * and evaluates them. Question codes (`name`) are stable: later waves keep them, so answers of
 * different waves line up.
 */
import { z } from 'zod';

/** The version of this JSON shape (not of a form): bumped when the shape changes. */
export const FORM_MODEL_VERSION = 1;

/** The languages a form is written in: Italian first, English second. */
export const formLanguages = ['it', 'en'] as const;
export type FormLanguage = (typeof formLanguages)[number];

/**
 * An XML name without a colon (XLSForm's rule for question and group names, since each becomes an
 * element of the submission): a letter or underscore, then letters, digits, `.`, `-`, `_`.
 */
export const XML_NAME = /^[\p{L}_][\p{L}\p{N}._-]*$/u;

/** A text in the form's languages; a language may be missing (a form written only in Italian). */
export const LocalText = z.object({ it: z.string().min(1).optional(), en: z.string().min(1).optional() });
export type LocalText = z.infer<typeof LocalText>;

/** An expression in XLSForm syntax (`${q} > 5 and selected(${x}, 'a')`), as written. */
export const Expression = z.string().min(1);

export const QuestionName = z.string().regex(XML_NAME);

/** The question types of the model (XLSForm's spellings where XLSForm has the type). */
export const questionTypes = [
  'text',
  'integer',
  'decimal',
  'date',
  'yes_no',
  'select_one',
  'select_multiple',
  'note',
  'acknowledge',
  'calculate',
  'range_estimate',
  'reference_period',
] as const;
export type QuestionType = (typeof questionTypes)[number];

/** How sure a Comune is of a figure it gives in a range_estimate answer. */
export const estimateQualities = ['certo', 'stima', 'non_noto'] as const;
export type EstimateQuality = (typeof estimateQualities)[number];
export const estimateQualityLabels: Record<EstimateQuality, { it: string; en: string }> = {
  certo: { it: 'Dato certo', en: 'Exact figure' },
  stima: { it: 'Stima', en: 'Estimate' },
  non_noto: { it: 'Non noto', en: 'Unknown' },
};

/** What every question has. */
const questionBase = {
  kind: z.literal('question'),
  name: QuestionName,
  label: LocalText.optional(),
  hint: LocalText.optional(),
  /** always required (`required: yes`) */
  required: z.boolean(),
  /** required when this expression holds (XLSForm's `required` written as an expression) */
  requiredIf: Expression.optional(),
  requiredMessage: LocalText.optional(),
  constraint: Expression.optional(),
  constraintMessage: LocalText.optional(),
  relevant: Expression.optional(),
  /** a value computed from other answers (for `calculate`, the only value it has) */
  calculation: Expression.optional(),
  readOnly: z.boolean(),
  /** the initial value: a literal, or an expression when it refers to other answers */
  default: z.string().min(1).optional(),
  /** a rendering hint as XLSForm writes it (minimal, horizontal, multiline, likert…) */
  appearance: z.string().min(1).optional(),
};

const SimpleQuestion = z.object({
  ...questionBase,
  type: z.enum(['text', 'integer', 'decimal', 'date', 'note', 'acknowledge']),
});

const CalculateQuestion = z.object({ ...questionBase, type: z.literal('calculate'), calculation: Expression });

/**
 * A yes/no question. Its answer is one code of a two-choice list (the list keeps its labels and
 * the codes expressions compare with, e.g. `${q} = 'si'`); XLSForm writes it as a select_one.
 */
const YesNoQuestion = z.object({
  ...questionBase,
  type: z.literal('yes_no'),
  listName: QuestionName,
  yes: z.string().min(1),
  no: z.string().min(1),
});

const SelectQuestion = z.object({
  ...questionBase,
  type: z.enum(['select_one', 'select_multiple']),
  listName: QuestionName,
  /** shows only the choices for which this expression holds (`name`/extra columns of the choice) */
  choiceFilter: Expression.optional(),
  /** an "Altro (specificare)" choice, coded `other`, with a text to fill when it is chosen */
  other: z.boolean(),
});

/**
 * A number given either exactly or as a range (min–max), with how sure the Comune is of it:
 * dato certo / stima / non noto (estimateQualities). `min`/`max` bound the values accepted.
 */
const RangeEstimateQuestion = z.object({
  ...questionBase,
  type: z.literal('range_estimate'),
  decimal: z.boolean(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
});

/** A period (from–to) the answers refer to, given by day, month or year. */
const ReferencePeriodQuestion = z.object({
  ...questionBase,
  type: z.literal('reference_period'),
  unit: z.enum(['day', 'month', 'year']),
});

export const Question = z.discriminatedUnion('type', [
  SimpleQuestion,
  CalculateQuestion,
  YesNoQuestion,
  SelectQuestion,
  RangeEstimateQuestion,
  ReferencePeriodQuestion,
]);
export type Question = z.infer<typeof Question>;

/** A section of questions, shown together. */
export interface Group {
  kind: 'group';
  name: string;
  label?: LocalText;
  hint?: LocalText;
  relevant?: string;
  appearance?: string;
  items: Item[];
}

/** Questions answered once per entry (e.g. one entry per settlement); repeats nest. */
export interface Repeat {
  kind: 'repeat';
  name: string;
  label?: LocalText;
  hint?: LocalText;
  relevant?: string;
  appearance?: string;
  /** a fixed number of entries, as an expression (XLSForm's repeat_count); absent: as many as needed */
  repeatCount?: string;
  items: Item[];
}

export type Item = Question | Group | Repeat;

const containerBase = {
  name: QuestionName,
  label: LocalText.optional(),
  hint: LocalText.optional(),
  relevant: Expression.optional(),
  appearance: z.string().min(1).optional(),
};

export const Group: z.ZodType<Group> = z.lazy(() =>
  z.object({ kind: z.literal('group'), ...containerBase, items: z.array(Item) }),
);
export const Repeat: z.ZodType<Repeat> = z.lazy(() =>
  z.object({
    kind: z.literal('repeat'),
    ...containerBase,
    repeatCount: Expression.optional(),
    items: z.array(Item),
  }),
);
export const Item: z.ZodType<Item> = z.lazy(() => z.union([Question, Group, Repeat]));

/** One choice of a list: its code, labels, and any further columns (for choice filters). */
export const Choice = z.object({
  name: z.string().min(1),
  label: LocalText.optional(),
  /** further columns of the choices sheet (e.g. `regione` for `choice_filter: regione = ${regione}`) */
  extra: z.record(z.string(), z.string()),
});
export type Choice = z.infer<typeof Choice>;

export const ChoiceList = z.object({ name: QuestionName, choices: z.array(Choice).min(1) });
export type ChoiceList = z.infer<typeof ChoiceList>;

export const Form = z.object({
  modelVersion: z.literal(FORM_MODEL_VERSION),
  /** the form's stable identifier (XLSForm settings form_id) */
  id: QuestionName,
  /** the author's version string (XLSForm settings version), e.g. "2024030101" */
  version: z.string().min(1).optional(),
  title: LocalText,
  /** the language of XLSForm's plain `label`/`hint` columns */
  defaultLanguage: z.enum(formLanguages),
  /** XLSForm settings style (e.g. `pages`) */
  style: z.string().min(1).optional(),
  /** XLSForm settings instance_name: an expression naming each response */
  instanceName: Expression.optional(),
  items: z.array(Item),
  lists: z.array(ChoiceList),
});
export type Form = z.infer<typeof Form>;

/** Every item of a form, depth first, each with the groups and repeats it sits in. */
export function* walkItems(
  items: readonly Item[],
  parents: (Group | Repeat)[] = [],
): Generator<[Item, (Group | Repeat)[]]> {
  for (const item of items) {
    yield [item, parents];
    if (item.kind !== 'question') yield* walkItems(item.items, [...parents, item]);
  }
}
