import { describe, expect, it } from 'vitest';
import { addNumericFormats, dropUnusedVariants } from './openapi.js';

describe('numeric formats in the OpenAPI document', () => {
  it('calls an integer int32 when its bounds fit in 32 bits', () => {
    const schema = { type: 'integer', minimum: 1, maximum: 100 };
    addNumericFormats(schema);
    expect(schema).toMatchObject({ format: 'int32' });
  });

  it('calls an integer int64 when it is unbounded or bounded by the safe-integer range', () => {
    const open = { type: 'integer' };
    const safe = { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 };
    addNumericFormats({ properties: { open, safe } });
    expect(open).toMatchObject({ format: 'int64' });
    expect(safe).toMatchObject({ format: 'int64' });
  });

  it('calls a number, nullable or not, a double, and keeps a format already given', () => {
    const amount = { anyOf: [{ type: 'number', minimum: 0 }, { type: 'null' }] };
    const nullable = { type: ['number', 'null'] };
    const given = { type: 'integer', format: 'int32' };
    addNumericFormats({ amount, nullable, given });
    expect(amount.anyOf[0]).toMatchObject({ format: 'double' });
    expect(nullable).toMatchObject({ format: 'double' });
    expect(given.format).toBe('int32');
  });
});

describe('unused components', () => {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

  it('drops the direction of a schema that no operation reaches, keeping the one reached and what it references', () => {
    const doc = {
      paths: {
        '/x': {
          post: {
            requestBody: { content: { 'application/json': { schema: ref('BodyInput') } } },
            responses: { 200: ref('Answer') },
          },
        },
      },
      components: {
        schemas: {
          Body: { type: 'object' },
          BodyInput: { type: 'object', properties: { kind: ref('KindInput') } },
          Kind: { enum: ['a'] },
          KindInput: { enum: ['a'] },
          Answer: { type: 'object' },
          AnswerInput: { type: 'object' },
        },
      },
    };
    dropUnusedVariants(doc);
    expect(Object.keys(doc.components.schemas).sort()).toEqual(['Answer', 'BodyInput', 'KindInput']);
  });

  it('keeps a schema reached in neither direction, so the lint still reports it', () => {
    const doc = { paths: {}, components: { schemas: { Orphan: { type: 'string' }, OrphanInput: { type: 'string' } } } };
    dropUnusedVariants(doc);
    expect(Object.keys(doc.components.schemas).sort()).toEqual(['Orphan', 'OrphanInput']);
  });
});
