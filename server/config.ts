import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';

/** Runtime configuration, read once from the environment (see README, "Configurazione"). */
export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded database (PGlite); ignored when databaseUrl is set. */
  dataDir: string;
  /** PostgreSQL server connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | null;
  /** Demo mode: loads demo organisations and accounts, and lets them log in without TOTP. */
  demoMode: boolean;
  demoPassword: string;
  production: boolean;
  /** Cookies get `Secure` and the `__Host-` prefix (set when served behind TLS). */
  secureCookies: boolean;
  trustProxy: boolean;
  /** Secret for signed cookies (CSRF secret cookie). */
  secret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  logLevel: string;
  /** Serve the interactive API docs at /api/docs. */
  apiDocs: boolean;
  /** Requests per minute per session (or per IP without one). */
  rateLimitPerMinute: number;
  /** Login attempts per minute per IP (security.md #2: at most 20). */
  loginRateLimitPerMinute: number;
  /**
   * Key (32 bytes, base64) that encrypts identity fields at rest (AES-256-GCM) and keys the blind
   * indexes. Required in production; in demo/development mode a key is generated once and kept
   * in the data folder when this is absent (`resolveDataKey`).
   */
  dataKey: string | null;
  /** SMTP server for e-mail (daily digest), e.g. smtp://relay.example.org:25; null: no e-mail. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Public URL of this instance, for links in e-mails and the OpenAPI document's server in production. */
  publicUrl: string;
  /**
   * Open data (decision 0044): the publisher's identifier in the DCAT-AP_IT metadata (its IPA code
   * or codice fiscale; default its web address) and the contact point's e-mail (default mailFrom).
   */
  openDataPublisherId: string;
  openDataContactEmail: string;
  /** Terms of service of this instance's API (OpenAPI `info.termsOfService`); null: none published. */
  termsOfServiceUrl: string | null;
  /** How long the quadro comparativo's aggregates of one period are reused (0: never). */
  comparativeCacheSeconds: number;
  /**
   * Append-only file, outside the database, of the signed heads of the audit chain (decision 0019);
   * default `<dataDir>/audit-checkpoints.jsonl`.
   */
  auditCheckpointFile: string;
}

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  INCAS_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  INCAS_DEMO: bool.optional(),
  INCAS_DEMO_PASSWORD: z.string().min(8).default('demo-incas-2026'),
  INCAS_SECURE_COOKIES: bool.optional(),
  INCAS_TRUST_PROXY: bool.optional(),
  INCAS_SECRET: z.string().min(32).optional(),
  INCAS_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  INCAS_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(10),
  INCAS_API_DOCS: bool.optional(),
  INCAS_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  INCAS_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  INCAS_DATA_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'Base64 of exactly 32 bytes')
    .optional(),
  INCAS_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'An smtp:// or smtps:// URL')
    .optional(),
  INCAS_MAIL_FROM: z.string().email().default('noreply@incas.local'),
  INCAS_PUBLIC_URL: z.string().url().optional(),
  INCAS_API_TERMS_URL: z.string().url().optional(),
  INCAS_OPENDATA_PUBLISHER_ID: z.string().min(1).max(200).default('https://www.cittalia.it'),
  INCAS_OPENDATA_CONTACT: z.string().email().optional(),
  INCAS_COMPARATIVE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  INCAS_AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** An invalid configuration: the message lists every problem, one per line, and is meant for the operator. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment; throws a ConfigError listing every invalid variable and, in production,
 * every missing required one (INCAS_SECRET, INCAS_DATA_KEY, an https INCAS_PUBLIC_URL) at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const production = env.NODE_ENV === 'production';
  const problems = new Map<string, string>();
  for (const i of parsed.success ? [] : parsed.error.issues) {
    const key = i.path.join('.');
    if (!problems.has(key)) problems.set(key, i.message);
  }
  if (production) {
    const required = {
      INCAS_SECRET: 'required in production (32+ characters, the same for every instance)',
      INCAS_DATA_KEY: 'required in production (base64 of 32 random bytes: openssl rand -base64 32)',
      INCAS_PUBLIC_URL: 'required in production (the https:// address users reach: e-mail links point to it)',
    };
    for (const [key, message] of Object.entries(required))
      if (!env[key] && !problems.has(key)) problems.set(key, message);
    const url = env.INCAS_PUBLIC_URL;
    if (url && !problems.has('INCAS_PUBLIC_URL') && !url.startsWith('https://'))
      problems.set('INCAS_PUBLIC_URL', 'must be an https:// URL in production');
  }
  if (!parsed.success || problems.size) {
    const lines = [...problems].map(([key, message]) => `  ${key}: ${message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.INCAS_DATA_DIR,
    databaseUrl: e.DATABASE_URL ?? null,
    demoMode: e.INCAS_DEMO ?? !production,
    demoPassword: e.INCAS_DEMO_PASSWORD,
    production,
    secureCookies: e.INCAS_SECURE_COOKIES ?? production,
    trustProxy: e.INCAS_TRUST_PROXY ?? false,
    secret: e.INCAS_SECRET ?? randomBytes(32).toString('hex'),
    sessionIdleMinutes: e.INCAS_SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.INCAS_SESSION_ABSOLUTE_HOURS,
    logLevel: e.LOG_LEVEL,
    apiDocs: e.INCAS_API_DOCS ?? !production,
    rateLimitPerMinute: e.INCAS_RATE_LIMIT,
    loginRateLimitPerMinute: e.INCAS_LOGIN_RATE_LIMIT,
    dataKey: e.INCAS_DATA_KEY ?? null,
    smtpUrl: e.INCAS_SMTP_URL ?? null,
    mailFrom: e.INCAS_MAIL_FROM,
    comparativeCacheSeconds: e.INCAS_COMPARATIVE_CACHE_SECONDS,
    auditCheckpointFile: e.INCAS_AUDIT_CHECKPOINT_FILE ?? join(e.INCAS_DATA_DIR, 'audit-checkpoints.jsonl'),
    termsOfServiceUrl: e.INCAS_API_TERMS_URL ?? null,
    openDataPublisherId: e.INCAS_OPENDATA_PUBLISHER_ID,
    openDataContactEmail: e.INCAS_OPENDATA_CONTACT ?? e.INCAS_MAIL_FROM,
    publicUrl: e.INCAS_PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`,
  };
}
