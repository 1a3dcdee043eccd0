import type { ModuleDefinition } from '../../platform/module.js';
import { demoAuditActions } from './demo.audit-actions.js';
import { seedDemo } from './demo.seed.js';

export { seedDemo, pilotComuni, DEMO_DOMAIN, type DemoAccount } from './demo.seed.js';
export { seedPilotDemo, type PilotSeedResult } from './demo.pilot.js';

/**
 * Demo organisations and accounts, and the synthetic data of the 18-ter pilot (with a cipher, which
 * encrypts its identities). Demo mode only.
 */
export const demoModule: ModuleDefinition = {
  name: 'demo',
  auditActions: demoAuditActions,
  seedDemo: async ({ db, password, cipher, today }) =>
    (await seedDemo(db, password, cipher ? { cipher, ...(today ? { today } : {}) } : undefined)).accounts,
};
