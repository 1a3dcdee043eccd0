import type { TestProject } from 'vitest/node';
import { createTemplate, type TemplateInfo } from './template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: TemplateInfo;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { info, dispose } = await createTemplate();
  project.provide('dbTemplate', info);
  return dispose;
}
