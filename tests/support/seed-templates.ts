/**
 * Seeds the browser journeys' templates (run by browser-global-setup.ts in a process of its own:
 * the demo reads its questionnaires through parsing workers, which Vite's module runner, where a
 * global setup runs, cannot start). Argument: the base template as JSON; prints the seeded ones.
 */
import { createFieldCipher } from '../../server/platform/crypto.js';
import { seedDemo } from '../../server/modules/demo/index.js';
import { seedEventsDemoComposed } from '../../server/modules/events/events.demo.js';
import { seedPublicationsDemo } from '../../server/modules/knowledge/publications/publications.demo.js';
import { seedPracticesDemo } from '../../server/modules/knowledge/practices/practices.demo.js';
import { seedHelpdeskDemo } from '../../server/modules/helpdesk/helpdesk.demo.js';
import { seedPlansDemoAll } from '../../server/modules/plans/plans.demo.js';
import { seedProjectsDemoAll } from '../../server/modules/projects/projects.demo.js';
import { seedSurveysDemoData } from '../../server/modules/surveys/demo/seed.js';
import { TEST_DATA_KEY } from './harness.js';
import { DEMO_PASSWORD } from './demo-password.js';
import { createSeededTemplate, type TemplateInfo } from './template.js';

const base = JSON.parse(process.argv[2]!) as TemplateInfo;
const cipher = createFieldCipher(Buffer.from(TEST_DATA_KEY, 'base64'));
const today = new Date();
const demo = await createSeededTemplate(base, 'demo', async (db) => {
  await seedDemo(db, DEMO_PASSWORD, { cipher, today });
  await seedProjectsDemoAll(db, DEMO_PASSWORD, today);
  await seedPlansDemoAll(db, DEMO_PASSWORD, today, cipher);
  await seedEventsDemoComposed(db, today);
  await seedPublicationsDemo(db, cipher);
  await seedPracticesDemo(db, today);
  await seedHelpdeskDemo(db, today);
});
const surveys = await createSeededTemplate(demo, 'surveys', async (db) => {
  await seedSurveysDemoData(db, DEMO_PASSWORD, today);
});
process.stdout.write(`${JSON.stringify({ demo, surveys })}\n`);
