/**
 * The two enumerations the modules declare at start — permission names and error codes — as
 * OpenAPI components. Their values are filled in when the document is generated, from what every
 * module declared (`definePolicy`, `defineErrors`), so the web client's lists are generated too.
 */
import { z } from 'zod';
import { declaredErrorCodes } from '../errors.js';
import { declaredPermissions } from '../policy.js';

export const permissionSchema = z
  .string()
  .meta({ id: 'Permission', description: 'A permission name, as declared by the modules\' policy tables.' });

export const errorCodeSchema = z
  .string()
  .meta({ id: 'ErrorCode', description: 'A stable error code (docs/API.md), as declared by the kernel and the modules.' });

/** Writes the declared values into the `Permission` and `ErrorCode` components of the document. */
export function withDeclaredEnums<T>(document: T): T {
  const schemas = (document as { components?: { schemas?: Record<string, Record<string, unknown>> } }).components?.schemas;
  const fill = (id: string, values: string[]) => {
    // the Zod provider names a component once per direction: Permission, PermissionInput…
    for (const name of [id, `${id}Input`, `${id}Output`]) if (schemas?.[name]) schemas[name].enum = values;
  };
  fill('Permission', declaredPermissions());
  fill('ErrorCode', declaredErrorCodes().map(([code]) => code));
  return document;
}
