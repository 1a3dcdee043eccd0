/**
 * `npm run openapi` writes the OpenAPI document generated from the routes' Zod schemas to
 * openapi.json and regenerates the web client's types and enumerations; `npm run openapi:check` fails when either
 * committed file is out of date (CI).
 */
import { randomBytes } from 'node:crypto';
import { createFieldCipher } from '../server/platform/crypto.js';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import type { Database } from '../server/platform/db/db.js';
import { projectRoot } from '../server/platform/paths.js';

const mode = process.argv[2] === 'check' ? 'check' : 'write';
const root = projectRoot();
const specPath = join(root, 'openapi.json');
const typesPath = join(root, 'web', 'src', 'api', 'schema.ts');

// The document depends only on the routes: no database is opened.
const noDb: Database = new Proxy({} as Database, {
  get: () => {
    throw new Error('the OpenAPI generator opens no database');
  },
});

const app = await buildApp({
  config: { ...loadConfig({ NODE_ENV: 'development' }), apiDocs: true },
  db: noDb,
  cipher: createFieldCipher(randomBytes(32)),
  logger: false,
});
await app.ready();
const spec = JSON.stringify(app.swagger(), null, 2) + '\n';
await app.close();

function generateTypes(from: string, to: string): void {
  execFileSync(join(root, 'node_modules', '.bin', 'openapi-typescript'), [from, '-o', to, '--enum-values'], {
    stdio: 'pipe',
  });
}

if (mode === 'write') {
  writeFileSync(specPath, spec);
  generateTypes(specPath, typesPath);
  console.log(`Wrote ${specPath} and ${typesPath}`);
} else {
  const problems: string[] = [];
  if (!existsSync(specPath) || readFileSync(specPath, 'utf8') !== spec) problems.push('openapi.json');
  const dir = mkdtempSync(join(tmpdir(), 'incas-openapi-'));
  writeFileSync(join(dir, 'openapi.json'), spec);
  generateTypes(join(dir, 'openapi.json'), join(dir, 'schema.ts'));
  if (!existsSync(typesPath) || readFileSync(typesPath, 'utf8') !== readFileSync(join(dir, 'schema.ts'), 'utf8')) {
    problems.push('web/src/api/schema.ts');
  }
  if (problems.length) {
    console.error(`OpenAPI drift: ${problems.join(' and ')} differ from the routes. Run "npm run openapi" and commit.`);
    process.exit(1);
  }
  console.log('OpenAPI document and web types are up to date.');
}
