export { seedDemo, pilotComuni, DEMO_DOMAIN, type DemoAccount } from './demo.seed.js';
