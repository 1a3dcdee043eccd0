import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('the expression library stays importable by the browser', () => {
  it.each(sources)('%s imports only files of this folder and uses no Node API', (file) => {
    const text = readFileSync(`${here}/${file}`, 'utf8');
    const imports = [...text.matchAll(/^(?:import|export)[^;]*? from '([^']+)';/gms)].map((m) => m[1]);
    expect(imports.filter((i) => !/^\.\/[a-z-]+\.js$/.test(i ?? ''))).toEqual([]);
    expect(text).not.toMatch(/\b(process|Buffer)\.|\brequire\(|'node:/);
  });
});
