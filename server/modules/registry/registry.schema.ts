import { z } from 'zod';
import { pageOf, pageQuery, queryBool } from '../../platform/pagination.js';
import { bands, isValidOrganisationTaxCode } from './registry.rules.js';
import { roles } from '../../platform/policy.js';

export const bandSchema = z.enum(bands).meta({ id: 'Band' });
export const macroAreaSchema = z.enum(['NO', 'NE', 'C', 'S', 'I']).meta({ id: 'MacroArea' });

export const regionSchema = z
  .object({ code: z.string(), name: z.string(), macroArea: macroAreaSchema })
  .meta({ id: 'Region' });
export const provinceSchema = z
  .object({ code: z.string(), sigla: z.string(), name: z.string(), regionCode: z.string() })
  .meta({ id: 'Province' });

export const comuneSchema = z
  .object({
    istatCode: z.string(),
    name: z.string(),
    nameAlt: z.string().nullable(),
    codiceCatastale: z.string().nullable(),
    provinceCode: z.string(),
    provinceSigla: z.string(),
    provinceName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    population: z.number().int(),
    populationMonth: z.string(),
    band: bandSchema,
    saiNetwork: z.boolean(),
    pilot18ter: z.boolean(),
  })
  .meta({ id: 'Comune' });
export type Comune = z.infer<typeof comuneSchema>;

export const organisationTypes = [
  'mlps',
  'anci',
  'cittalia',
  'regione',
  'comune',
  'ente_gestore',
  'prefettura',
  'questura',
  'inl',
  'asl',
  'cpi',
  'sindacato',
  'terzo_settore',
  'societa_revisione',
  'piattaforma',
  'altro',
] as const;
export const organisationTypeSchema = z.enum(organisationTypes).meta({ id: 'OrganisationType' });

export const organisationSchema = z
  .object({
    id: z.uuid(),
    type: organisationTypeSchema,
    name: z.string(),
    comuneIstat: z.string().nullable(),
    comuneName: z.string().nullable(),
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
    /** Certified e-mail (PEC). */
    pec: z.string().nullable(),
    /** Codice fiscale / partita IVA (11 digits). */
    taxCode: z.string().nullable(),
    address: z.string().nullable(),
    /** An inactive organisation gets no new accounts and is not offered as a partner. */
    active: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof organisationSchema>;

export const comuneDetailSchema = comuneSchema
  .extend({ macroArea: macroAreaSchema, organisations: z.array(organisationSchema) })
  .meta({ id: 'ComuneDetail' });
export type ComuneDetail = z.infer<typeof comuneDetailSchema>;

export const comuneSorts = ['name', '-name', 'population', '-population', 'istatCode'] as const;

const istatCode = z.string().regex(/^\d{6}$/, 'Six digits');
const regionCode = z.string().regex(/^\d{2}$/, 'Two digits');

export const comuneQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    region: regionCode.optional(),
    province: z
      .string()
      .regex(/^\d{3}$/, 'Three digits')
      .optional(),
    band: bandSchema.optional(),
    saiNetwork: queryBool.optional(),
    pilot18ter: queryBool.optional(),
    sort: z.enum(comuneSorts).optional(),
    ...pageQuery,
  })
  .strict();
export type ComuneQuery = z.infer<typeof comuneQuerySchema>;

export const comunePageSchema = pageOf(comuneSchema).meta({ id: 'ComunePage' });
export const comuneParams = z.object({ istatCode }).strict();

export const updateComuneSchema = z
  .object({ saiNetwork: z.boolean().optional(), pilot18ter: z.boolean().optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change')
  .meta({ id: 'UpdateComuneRequest' });

export const provinceQuerySchema = z.object({ region: regionCode.optional() }).strict();
export const regionListSchema = z.object({ items: z.array(regionSchema) }).meta({ id: 'RegionList' });
export const provinceListSchema = z.object({ items: z.array(provinceSchema) }).meta({ id: 'ProvinceList' });

export const sourceSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    licence: z.string(),
    referenceDate: z.string(),
    attribution: z.string(),
    url: z.string(),
  })
  .meta({ id: 'DataSource' });
export const sourceListSchema = z.object({ items: z.array(sourceSchema) }).meta({ id: 'DataSourceList' });

// Organisations
export const organisationDetailSchema = organisationSchema
  .extend({ users: z.array(z.object({ id: z.uuid(), displayName: z.string(), roles: z.array(z.enum(roles)) })) })
  .meta({ id: 'OrganisationDetail' });
export type OrganisationDetail = z.infer<typeof organisationDetailSchema>;

export const organisationQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    type: organisationTypeSchema.optional(),
    region: regionCode.optional(),
    comune: istatCode.optional(),
    active: queryBool.optional(),
    ...pageQuery,
  })
  .strict();
export type OrganisationQuery = z.infer<typeof organisationQuerySchema>;
export const organisationPageSchema = pageOf(organisationSchema).meta({ id: 'OrganisationPage' });

const organisationName = z.string().trim().min(2).max(200);
const pec = z.string().trim().toLowerCase().max(254).pipe(z.email('Not an e-mail address'));
const taxCode = z
  .string()
  .trim()
  .regex(/^\d{11}$/, 'Eleven digits')
  .refine(isValidOrganisationTaxCode, 'The check digit does not match');
const address = z.string().trim().min(3).max(300);

export const createOrganisationSchema = z
  .object({
    type: organisationTypeSchema,
    name: organisationName,
    comuneIstat: istatCode.optional(),
    regionCode: regionCode.optional(),
    pec: pec.optional(),
    taxCode: taxCode.optional(),
    address: address.optional(),
  })
  .strict()
  .meta({ id: 'CreateOrganisationRequest' });
export type CreateOrganisationBody = z.infer<typeof createOrganisationSchema>;

/** A merge patch: absent fields stay, `null` clears PEC, tax code or address. */
export const updateOrganisationSchema = z
  .object({
    name: organisationName.optional(),
    pec: pec.nullable().optional(),
    taxCode: taxCode.nullable().optional(),
    address: address.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change')
  .meta({ id: 'UpdateOrganisationRequest' });
export type UpdateOrganisationBody = z.infer<typeof updateOrganisationSchema>;

export const organisationParams = z.object({ id: z.uuid() }).strict();
