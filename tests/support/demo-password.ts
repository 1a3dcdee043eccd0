/** The password of every demo account in the browser journeys. */
export const DEMO_PASSWORD = 'demo-incas-2026';
