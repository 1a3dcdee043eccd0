import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { createTemplate, dropSeededTemplate, removeTemplateImage, type TemplateInfo } from './template.js';

/**
 * The browser journeys' databases, seeded once per run: the migrated template, the pilot's demo
 * over it, and the surveys' demo (the 2021 census and the 2024 wave) over that. Each journey file
 * opens a private copy of the one it needs (seeding each file's copy took 15–45 s per survey file).
 * On the embedded database whatever DATABASE_URL says (it points the API suite at a server), unless
 * BROWSER_DATABASE_URL names a server for the journeys too.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // the embedded database, as `npm start` runs, unless BROWSER_DATABASE_URL names a server
  const { info, dispose } = await createTemplate(process.env.BROWSER_DATABASE_URL);
  project.provide('dbTemplate', info);
  const script = fileURLToPath(new URL('./seed-templates.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, JSON.stringify(info)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TZ: 'UTC' },
  });
  const seeded = JSON.parse(out.trim().split('\n').pop()!) as { demo: TemplateInfo; surveys: TemplateInfo };
  project.provide('demoTemplate', seeded.demo);
  project.provide('surveysDemoTemplate', seeded.surveys);
  return async () => {
    removeTemplateImage(seeded.demo);
    removeTemplateImage(seeded.surveys);
    // on a server: the seeded templates and the journeys' copies of them
    await dropSeededTemplate(seeded.surveys);
    await dropSeededTemplate(seeded.demo);
    await dispose();
  };
}
