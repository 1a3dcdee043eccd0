/**
 * Permission names the UI checks; the server enforces them again on every call. The names come
 * from the OpenAPI document (`Permission`, filled from the modules' policy tables), so this list
 * is generated: `Permission.pilotCasesRead === 'pilot.cases.read'`.
 */
import { permissionValues } from '../api/schema';

export type PermissionName = (typeof permissionValues)[number];

/** 'pilot.cases.read' → 'pilotCasesRead' */
type CamelOf<S extends string> = S extends `${infer H}.${infer T}` ? `${H}${Capitalize<CamelOf<T>>}` : S;

const camelOf = (name: string): string => name.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());

export const Permission = Object.fromEntries(permissionValues.map((p) => [camelOf(p), p])) as {
  readonly [P in PermissionName as CamelOf<P>]: P;
};
