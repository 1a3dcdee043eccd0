import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const key = Buffer.alloc(32, 5).toString('base64');
const production = {
  NODE_ENV: 'production',
  INCAS_SECRET: 's'.repeat(40),
  INCAS_DATA_KEY: key,
  INCAS_PUBLIC_URL: 'https://incas.comune.example.it',
};

/** The message loadConfig throws, or null when it accepts the environment. */
function problem(env: Record<string, string>): string | null {
  try {
    loadConfig(env);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
}

describe('the configuration', () => {
  it('in production, names every missing setting in one message (not one per restart)', () => {
    expect(problem({ NODE_ENV: 'production', HOST: '0.0.0.0' })).toBe(
      [
        'Invalid configuration:',
        '  INCAS_SECRET: required in production (32+ characters, the same for every instance)',
        '  INCAS_DATA_KEY: required in production (base64 of 32 random bytes: openssl rand -base64 32)',
        '  INCAS_PUBLIC_URL: required in production (the https:// address users reach: e-mail links point to it)',
      ].join('\n'),
    );
  });

  it('lists invalid values and missing production settings together', () => {
    const message = problem({ NODE_ENV: 'production', INCAS_SECRET: 'short', PORT: 'eighty' });
    expect(message?.split('\n').map((l) => l.trim().split(':')[0])).toEqual([
      'Invalid configuration',
      'PORT',
      'INCAS_SECRET',
      'INCAS_DATA_KEY',
      'INCAS_PUBLIC_URL',
    ]);
  });

  it('in production, requires an https public URL: e-mail links never point to localhost', () => {
    expect(problem({ ...production, INCAS_PUBLIC_URL: 'http://incas.comune.example.it' })).toBe(
      'Invalid configuration:\n  INCAS_PUBLIC_URL: must be an https:// URL in production',
    );
    expect(problem({ ...production, INCAS_PUBLIC_URL: 'incas.comune.example.it' })).toMatch(/INCAS_PUBLIC_URL: /);
    const config = loadConfig({ ...production, HOST: '0.0.0.0' });
    expect(config).toMatchObject({
      production: true,
      publicUrl: 'https://incas.comune.example.it',
      demoMode: false,
      apiDocs: false,
      secureCookies: true,
    });
  });

  it('outside production, needs none of them and links to the local address', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' })).toMatchObject({
      production: false,
      demoMode: true,
      apiDocs: true,
      publicUrl: 'http://localhost:8080',
    });
  });
});
