import { z } from 'zod';

/**
 * Paging convention for every list endpoint (docs/API.md): `page` starts at 1, `pageSize` is 1–100
 * (default 20); the answer carries `items`, `total`, `page` and `pageSize`.
 */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function offsetOf(q: { page: number; pageSize: number }): number {
  return (q.page - 1) * q.pageSize;
}

/** Boolean query flags written as true/false/1/0. */
export const queryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Collects SQL conditions with numbered parameters, so filters never concatenate user input. */
export class Where {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  /** Adds a condition; `$?` in it stands for the value's placeholder. */
  add(condition: string, value: unknown): this {
    this.params.push(value);
    this.parts.push(condition.replaceAll('$?', `$${this.params.length}`));
    return this;
  }

  raw(condition: string): this {
    this.parts.push(condition);
    return this;
  }

  /** Adds a parameter without a condition and returns its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  toString(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}
