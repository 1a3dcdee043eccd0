import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/pagination.js';
import { roles } from '../../platform/policy.js';
import { permissionSchema } from '../../platform/http/openapi.js';
import { organisationTypeSchema } from '../registry/index.js';

export const roleSchema = z.enum(roles).meta({ id: 'Role' });
const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
/** NIST SP 800-63B: length over composition rules. */
export const newPassword = z.string().min(12, 'At least 12 characters').max(256);

export const csrfTokenSchema = z.object({ token: z.string() }).meta({ id: 'CsrfToken' });
export const authInfoSchema = z.object({ demoMode: z.boolean() }).meta({ id: 'AuthInfo' });

export const loginBodySchema = z
  .object({
    email,
    password: z.string().min(1).max(256),
    totp: z
      .string()
      .regex(/^\d{6}$/, 'Six digits')
      .optional(),
  })
  .strict()
  .meta({ id: 'LoginRequest' });
export type LoginBody = z.infer<typeof loginBodySchema>;

export const scopeSchema = z
  .object({
    level: z.enum(['comune', 'regione', 'national', 'platform']),
    comuneIstat: z.string().nullable(),
    regionCode: z.string().nullable(),
  })
  .meta({ id: 'Scope' });

export const meSchema = z
  .object({
    user: z.object({ id: z.uuid(), email: z.string(), displayName: z.string(), totpEnabled: z.boolean() }),
    organisation: z.object({
      id: z.uuid(),
      type: organisationTypeSchema,
      name: z.string(),
      comuneIstat: z.string().nullable(),
      comuneName: z.string().nullable(),
      regionCode: z.string().nullable(),
      regionName: z.string().nullable(),
    }),
    roles: z.array(roleSchema),
    permissions: z.array(permissionSchema),
    scope: scopeSchema,
    demoMode: z.boolean(),
    mustEnrolTotp: z.boolean(),
    /** The password was set by an administrator: it must be changed before anything else. */
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword })
  .strict()
  .meta({ id: 'ChangePasswordRequest' });

export const totpSetupSchema = z
  .object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() })
  .meta({ id: 'TotpSetup' });
export const totpConfirmSchema = z
  .object({ code: z.string().regex(/^\d{6}$/, 'Six digits') })
  .strict()
  .meta({ id: 'TotpConfirmRequest' });

export const userStatus = z.enum(['active', 'disabled']);

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    roles: z.array(roleSchema),
    status: userStatus,
    totpEnabled: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const userPageSchema = pageOf(userSchema).meta({ id: 'UserPage' });

export const userQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    organisationId: z.uuid().optional(),
    role: roleSchema.optional(),
    status: userStatus.optional(),
    ...pageQuery,
  })
  .strict();
export type UserQuery = z.infer<typeof userQuerySchema>;

const displayName = z.string().trim().min(1).max(120);
const roleList = z
  .array(roleSchema)
  .min(1)
  .max(8)
  .refine((r) => new Set(r).size === r.length, 'Duplicate role');

export const createUserSchema = z
  .object({ email, displayName, organisationId: z.uuid(), roles: roleList, password: newPassword })
  .strict()
  .meta({ id: 'CreateUserRequest' });
export type CreateUserBody = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({ displayName: displayName.optional(), roles: roleList.optional(), status: userStatus.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change')
  .meta({ id: 'UpdateUserRequest' });
export type UpdateUserBody = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z.object({ newPassword }).strict().meta({ id: 'ResetPasswordRequest' });

export const idParams = z.object({ id: z.uuid() }).strict();

export const allowedRolesQuerySchema = z.object({ organisationId: z.uuid() }).strict();
export const allowedRolesSchema = z
  .object({
    organisationId: z.uuid(),
    organisationType: organisationTypeSchema,
    /** The organisation is tied to a Comune (only then can it hold the operatore role). */
    comuneBound: z.boolean(),
    /** An inactive organisation gets no new accounts. */
    active: z.boolean(),
    /** The roles an account of this organisation may hold, in the platform's order. */
    roles: z.array(roleSchema),
  })
  .meta({ id: 'AllowedRoles' });
export type AllowedRoles = z.infer<typeof allowedRolesSchema>;
