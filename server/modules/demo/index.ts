export { seedDemo, pilotComuni, DEMO_DOMAIN, type DemoAccount } from './demo.seed.js';
export { seedPilotDemo, type PilotSeedResult } from './demo.pilot.js';
