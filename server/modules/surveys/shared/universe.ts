/**
 * The universe of a wave: which Comuni a survey asks (issue 10, point 4). A rule is either every
 * Comune of the registry, or a combination of criteria that must all hold (population range, month
 * of the population figures, regions, provinces, demographic bands, macro-areas, SAI network, 18-ter
 * pilot), plus a list of ISTAT codes always included and one always excluded. With no criterion at
 * all the rule is only its list of included Comuni.
 *
 * One SQL builder (`universeWhere`) serves the count, the preview and the freeze at launch, so the
 * number shown before the launch is the number frozen by it. The registry keeps one population
 * figure per Comune with its month (comuni.population, population_month): a rule naming another
 * month matches no Comune (the preview says which month the registry holds).
 */
import { z } from 'zod';

export const universeBands = ['lt15k', '15k-50k', '50k-100k', '100k-200k', 'gt200k'] as const;
export const universeMacroAreas = ['NO', 'NE', 'C', 'S', 'I'] as const;

const istat = z.string().regex(/^\d{6}$/, 'An ISTAT code of six digits');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "A month as 'YYYY-MM'");
const codes = <T extends z.ZodType>(item: T, max: number) => z.array(item).min(1).max(max).optional();

export const populationRangeSchema = z
  .object({
    min: z.number().int().min(0).max(10_000_000).optional(),
    /** true: population > min; false (default): population ≥ min */
    minExclusive: z.boolean().default(false),
    max: z.number().int().min(0).max(10_000_000).optional(),
    /** true: population < max; false (default): population ≤ max */
    maxExclusive: z.boolean().default(false),
  })
  .strict()
  .refine((p) => p.min !== undefined || p.max !== undefined, 'A minimum, a maximum or both')
  .refine((p) => p.min === undefined || p.max === undefined || p.min <= p.max, {
    message: 'The minimum cannot exceed the maximum',
    path: ['max'],
  })
  .meta({ id: 'SurveyPopulationRange' });

export const universeFilterSchema = z
  .object({
    kind: z.literal('filter'),
    population: populationRangeSchema.optional(),
    /** the month of the population figures, 'YYYY-MM' (default: the month the registry holds) */
    referenceMonth: month.optional(),
    regions: codes(z.string().regex(/^\d{2}$/), 20),
    provinces: codes(z.string().regex(/^\d{3}$/), 120),
    bands: codes(z.enum(universeBands), universeBands.length),
    macroAreas: codes(z.enum(universeMacroAreas), universeMacroAreas.length),
    saiNetwork: z.boolean().optional(),
    pilot18ter: z.boolean().optional(),
    /** Comuni always in the universe, whatever the criteria */
    include: z.array(istat).max(8000).optional(),
    /** Comuni never in the universe */
    exclude: z.array(istat).max(8000).optional(),
  })
  .strict()
  .refine(
    (r: Criteria & { include?: string[] | undefined }) => hasCriteria(r) || (r.include?.length ?? 0) > 0,
    'At least one criterion or one Comune to include',
  )
  .meta({ id: 'SurveyUniverseFilter' });

export const universeRuleSchema = z
  .union([z.object({ kind: z.literal('all') }).strict(), universeFilterSchema])
  .meta({ id: 'SurveyUniverseRule' });
export type UniverseRule = z.infer<typeof universeRuleSchema>;
export type UniverseFilter = z.infer<typeof universeFilterSchema>;

interface Criteria {
  population?: unknown;
  referenceMonth?: string | undefined;
  regions?: unknown;
  provinces?: unknown;
  bands?: unknown;
  macroAreas?: unknown;
  saiNetwork?: boolean | undefined;
  pilot18ter?: boolean | undefined;
}

function hasCriteria(r: Criteria): boolean {
  return (
    r.population !== undefined ||
    r.referenceMonth !== undefined ||
    r.regions !== undefined ||
    r.provinces !== undefined ||
    r.bands !== undefined ||
    r.macroAreas !== undefined ||
    r.saiNetwork !== undefined ||
    r.pilot18ter !== undefined
  );
}

/** Collects numbered parameters (the platform's Where does the same for whole conditions). */
export interface SqlParams {
  param(value: unknown): string;
}

/**
 * The tables the condition reads, with the aliases it uses: `c` the Comune, `r` its region. The
 * registry's view registry_comuni_v has neither population nor band, SAI network nor macro-area,
 * so the universe reads the registry's tables (read-only, as the migration's row-level security
 * of the surveys does).
 */
export const UNIVERSE_FROM = 'comuni c JOIN regions r ON r.code = c.region_code';

/** The SQL condition (over UNIVERSE_FROM) a Comune meets to be in the rule's universe. */
export function universeWhere(rule: UniverseRule, p: SqlParams): string {
  if (rule.kind === 'all') return 'true';
  const all: string[] = [];
  const pop = rule.population;
  if (pop?.min !== undefined) all.push(`c.population ${pop.minExclusive ? '>' : '>='} ${p.param(pop.min)}`);
  if (pop?.max !== undefined) all.push(`c.population ${pop.maxExclusive ? '<' : '<='} ${p.param(pop.max)}`);
  if (rule.referenceMonth) all.push(`c.population_month = ${p.param(rule.referenceMonth)}`);
  if (rule.regions) all.push(`c.region_code = ANY(${p.param(rule.regions)}::text[])`);
  if (rule.provinces) all.push(`c.province_code = ANY(${p.param(rule.provinces)}::text[])`);
  if (rule.bands) all.push(`c.band = ANY(${p.param(rule.bands)}::text[])`);
  if (rule.macroAreas) all.push(`r.macro_area = ANY(${p.param(rule.macroAreas)}::text[])`);
  if (rule.saiNetwork !== undefined) all.push(`c.sai_network = ${p.param(rule.saiNetwork)}`);
  if (rule.pilot18ter !== undefined) all.push(`c.pilot_18ter = ${p.param(rule.pilot18ter)}`);
  const criteria = hasCriteria(rule) ? `(${all.join(' AND ')})` : 'false';
  const included = rule.include?.length ? ` OR c.istat_code = ANY(${p.param(rule.include)}::text[])` : '';
  const excluded = rule.exclude?.length ? ` AND NOT (c.istat_code = ANY(${p.param(rule.exclude)}::text[]))` : '';
  return `((${criteria}${included})${excluded})`;
}

/** A parameter list for `universeWhere` on its own. */
export function sqlParams(start: unknown[] = []): SqlParams & { values: unknown[] } {
  const values = [...start];
  return {
    values,
    param(value: unknown) {
      values.push(value);
      return `$${values.length}`;
    },
  };
}
