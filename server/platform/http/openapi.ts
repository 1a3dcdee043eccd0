/**
 * How the OpenAPI document is finished after @fastify/swagger and fastify-type-provider-zod have
 * turned the routes' Zod schemas into JSON Schema: the few things the Italian API guidelines
 * (ModI, checked by `npm run openapi:lint`) ask that Zod cannot say by itself. Every rule here is
 * generic: no route or schema is named.
 */
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { declaredErrorCodes } from '../errors.js';
import { declaredAuditActions, declaredAuditEntityTypes } from '../audit-actions.js';
import { declaredPermissions } from '../policy.js';

/** RFC 7396: the media type PATCH bodies are documented with (application/json is still parsed). */
export const mergePatchMediaType = 'application/merge-patch+json';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every operation documents its errors as problem+json with a stable code (docs/API.md), and a
 * PATCH documents its body as a JSON merge patch.
 */
export const documentOperation: typeof jsonSchemaTransform = (input) => {
  const out = jsonSchemaTransform(input);
  const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  const schema = out.schema as Json & { response?: Json };
  const methods = ([] as string[]).concat(input.route.method);
  return {
    ...out,
    schema: {
      ...schema,
      ...(methods.includes('PATCH') && schema.body ? { consumes: [mergePatchMediaType] } : {}),
      response: {
        ...schema.response,
        '4XX': { description: 'Client error (problem+json with a stable code and every invalid field)', ...problem },
        '5XX': { description: 'Server error (problem+json, no detail)', ...problem },
      },
    },
  };
};

const int32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

function typesOf(node: Json): string[] {
  return ([] as unknown[]).concat(node.type ?? []).filter((t): t is string => typeof t === 'string');
}

/**
 * RAC_REST_FORMAT_004: every integer and number says its format. An integer is `int32` when its
 * bounds fit in 32 bits, `int64` otherwise (Zod's `.int()` is bounded by the safe-integer range);
 * a number is a `double`, which is what JavaScript holds.
 */
export function addNumericFormats(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) addNumericFormats(item);
    return;
  }
  if (!isObject(node)) return;
  const types = typesOf(node);
  if (node.format === undefined && types.includes('integer')) {
    const min = (node.minimum ?? node.exclusiveMinimum) as number | undefined;
    const max = (node.maximum ?? node.exclusiveMaximum) as number | undefined;
    const fits = min !== undefined && max !== undefined && min >= int32.min && max <= int32.max;
    node.format = fits ? 'int32' : 'int64';
  } else if (node.format === undefined && types.includes('number')) {
    node.format = 'double';
  }
  for (const value of Object.values(node)) addNumericFormats(value);
}

const schemaRef = '#/components/schemas/';

function collectRefs(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, into);
    return;
  }
  if (!isObject(node)) return;
  if (typeof node.$ref === 'string' && node.$ref.startsWith(schemaRef)) into.add(node.$ref.slice(schemaRef.length));
  for (const value of Object.values(node)) collectRefs(value, into);
}

/**
 * fastify-type-provider-zod emits each registered schema twice, `X` as the server answers it and
 * `XInput` as a client sends it; a request schema's `X` and a response schema's `XInput` are then
 * referenced by nothing. Drop the variant of a pair that no operation reaches while its sibling is
 * reached. A schema reached in neither form stays, so the lint still reports a registration that
 * nothing uses.
 */
export function dropUnusedVariants(doc: Json): void {
  const schemas = (doc.components as { schemas?: Record<string, unknown> } | undefined)?.schemas;
  if (!schemas) return;
  const reached = new Set<string>();
  const { components, ...rest } = doc;
  collectRefs(rest, reached);
  collectRefs({ ...(components as Json), schemas: undefined }, reached);
  for (let queue = [...reached]; queue.length > 0; ) {
    const found = new Set<string>();
    collectRefs(schemas[queue.pop()!], found);
    for (const name of found) {
      if (!reached.has(name)) {
        reached.add(name);
        queue.push(name);
      }
    }
  }
  for (const name of Object.keys(schemas)) {
    const input = `${name}Input`;
    if (!(input in schemas)) continue;
    if (reached.has(name) && !reached.has(input)) delete schemas[input];
    if (reached.has(input) && !reached.has(name)) delete schemas[name];
  }
}

/** The whole document, once every route is in: components from the Zod registry, then the rules above. */
export const finishDocument: typeof jsonSchemaTransformObject = (input) => {
  const doc = jsonSchemaTransformObject(input) as Json;
  dropUnusedVariants(doc);
  addNumericFormats(doc.paths);
  addNumericFormats(doc.components);
  withDeclaredEnums(doc);
  return doc;
};

export const permissionSchema = z
  .string()
  .meta({ id: 'Permission', description: "A permission name, as declared by the modules' policy tables." });

export const errorCodeSchema = z.string().meta({
  id: 'ErrorCode',
  description: 'A stable error code (docs/API.md), as declared by the kernel and the modules.',
});

export const auditActionSchema = z
  .string()
  .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/)
  .max(80)
  .meta({ id: 'AuditAction', description: 'An audit action, as declared by the modules (`defineAuditActions`).' });

export const auditEntityTypeSchema = z
  .string()
  .regex(/^[a-z0-9_]+$/)
  .max(60)
  .meta({
    id: 'AuditEntityType',
    description: 'A type of record named by audit rows, as declared by the modules (`defineAuditActions`).',
  });

/**
 * Writes the declared values into the `Permission`, `ErrorCode`, `AuditAction` and
 * `AuditEntityType` components of the document.
 */
export function withDeclaredEnums<T>(document: T): T {
  const schemas = (document as { components?: { schemas?: Record<string, Record<string, unknown>> } }).components
    ?.schemas;
  const fill = (id: string, values: string[]) => {
    // the Zod provider names a component once per direction: Permission, PermissionInput…
    for (const name of [id, `${id}Input`, `${id}Output`]) if (schemas?.[name]) schemas[name].enum = values;
  };
  fill('Permission', declaredPermissions());
  fill('AuditAction', declaredAuditActions());
  fill('AuditEntityType', declaredAuditEntityTypes());
  fill(
    'ErrorCode',
    declaredErrorCodes().map(([code]) => code),
  );
  return document;
}
