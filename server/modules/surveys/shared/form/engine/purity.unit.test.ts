import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('the form engine stays importable by the browser', () => {
  it.each(sources)('%s imports the engine, the expression language and the model types only', (file) => {
    const text = readFileSync(`${here}/${file}`, 'utf8');
    const imports = [...text.matchAll(/^(import|export)( type)?[^;]*? from '([^']+)';/gms)].map((m) => ({
      typeOnly: m[2] !== undefined,
      from: m[3] ?? '',
    }));
    const allowed = ({ typeOnly, from }: { typeOnly: boolean; from: string }): boolean =>
      /^\.\/[a-z-]+\.js$/.test(from) || /^\.\.\/expr\/[a-z-]+\.js$/.test(from) || (typeOnly && from === '../model.js');
    expect(imports.filter((i) => !allowed(i))).toEqual([]);
    expect(text).not.toMatch(/\b(process|Buffer)\.|\brequire\(|'node:|from 'zod'/);
  });
});
