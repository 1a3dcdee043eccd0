/** Deny by default: every API operation needs a session except a short, reviewed allowlist. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../support/harness.js';
import { projectRoot } from '../../server/platform/paths.js';

const spec = JSON.parse(readFileSync(join(projectRoot(), 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, unknown>>;
  info: { contact: { name: string; email: string; url: string } };
};
const publicOperations = new Set([
  'GET /api/health',
  'GET /status',
  'GET /api/v1/auth/csrf',
  'GET /api/v1/auth/info',
  'POST /api/v1/auth/login',
  'GET /api/v1/registry/sources',
  // the open-data catalogue, harvested by dati.gov.it (decision 0044): released aggregates only
  'GET /api/v1/open-data/datasets',
  'GET /api/v1/open-data/datasets/{datasetId}',
  'GET /api/v1/open-data/datasets/{datasetId}/distribution.csv',
  'GET /api/v1/open-data/catalog',
  'GET /api/v1/open-data/catalog.ttl',
  // the public site's events (issue 14): published events only, no registration's personal data
  'GET /api/v1/public/events',
  'GET /api/v1/public/events/{slug}',
  'GET /api/v1/public/events/{slug}/event.ics',
  // the public library of publications (issue 14): published ones and their published versions only
  'GET /api/v1/public/publications',
  'GET /api/v1/public/publications/{slug}',
  'GET /api/v1/public/publications/{slug}/versions/{number}/file',
  // the help desk's public knowledge base (issue 14 item 4): published entries only, never their request
  'GET /api/v1/public/help-answers',
  'GET /api/v1/public/help-answers/{slug}',
  'GET /api/v1/public/event-regions',
  // the events' participants without an account (their own link's token) and the certificates' verification
  'POST /api/v1/public/registrations/qr',
  'POST /api/v1/public/registrations/certificate',
  'POST /api/v1/public/certificates/verify',
  // events (decision 0055): an external participant registers, confirms, looks up and cancels with the e-mail's link
  'POST /api/v1/public/events/{slug}/registrations',
  'POST /api/v1/public/registrations/confirm',
  'POST /api/v1/public/registrations/lookup',
  'POST /api/v1/public/registrations/cancel',
  // the good practices and case studies (issue 14 item 2; decision 0056): published ones only
  'GET /api/v1/public/practices',
  'GET /api/v1/public/practices/{slug}',
  'GET /api/v1/public/practice-regions',
  'GET /api/v1/public/case-studies',
  'GET /api/v1/public/case-studies/{slug}',
  // the events' feedback questionnaire of an external participant, by their own link's token (decision 0059)
  'POST /api/v1/public/registrations/feedback',
  'POST /api/v1/public/registrations/feedback/answer',
]);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('route table', () => {
  it('answers 401 without a session on every operation outside the public allowlist', async () => {
    const a = new Agent(t.app);
    let checked = 0;
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const method of Object.keys(ops)) {
        const op = `${method.toUpperCase()} ${path}`;
        const url = path.replace(/\{(\w+)\}/g, (_, k: string) =>
          k === 'istatCode' ? '001001' : '00000000-0000-4000-8000-000000000000',
        );
        const res = await a.request(method.toUpperCase() as 'GET', url, method === 'get' ? undefined : {});
        if (publicOperations.has(op)) expect(res.status, op).not.toBe(401);
        else expect(res.status, op).toBe(401);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(22);
  });

  it('serves the OpenAPI document it was generated from', async () => {
    const res = await new Agent(t.app).get<{ openapi: string; paths: object }>('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths).sort()).toEqual(Object.keys(spec.paths).sort());
  });
});

describe('who publishes the OpenAPI document, and where', () => {
  it('gives as contact the maintainers listed in publiccode.yml', () => {
    const publiccode = readFileSync(join(projectRoot(), 'publiccode.yml'), 'utf8');
    const { name, email, url } = spec.info.contact;
    expect(publiccode).toContain(`- name: ${name}\n      email: ${email}\n`);
    expect(publiccode).toContain(`url: "${url}"`);
  });

  it("names a production instance's public URL as its server, not a sandbox, and its terms of service", async () => {
    const prod = await startTestApp({
      NODE_ENV: 'production',
      INCAS_DEMO: 'false',
      INCAS_SECRET: 'x'.repeat(32),
      INCAS_PUBLIC_URL: 'https://incas.comune.example.it',
      INCAS_API_TERMS_URL: 'https://incas.comune.example.it/termini',
    });
    try {
      const res = await new Agent(prod.app).get<{
        servers: Record<string, unknown>[];
        info: { termsOfService?: string };
      }>('/api/openapi.json');
      expect(res.body.servers).toEqual([
        { url: 'https://incas.comune.example.it', description: 'Production: this InCaS instance' },
      ]);
      expect(res.body.info.termsOfService).toBe('https://incas.comune.example.it/termini');
    } finally {
      await prod.close();
    }
  });
});
