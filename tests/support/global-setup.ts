import type { TestProject } from 'vitest/node';
import { createTemplate } from './template.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { info, dispose } = await createTemplate(process.env.DATABASE_URL);
  project.provide('dbTemplate', info);
  return dispose;
}
