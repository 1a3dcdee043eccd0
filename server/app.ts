/**
 * Builds the HTTP application: security plugins, the request context, the modules' routes under
 * /api/v1, the OpenAPI document and the web client. Nothing here knows about a specific feature
 * beyond registering its routes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './platform/db/db.js';
import { systemClock, type Clock } from './platform/context.js';
import { createFieldCipher, resolveDataKey, type FieldCipher } from './platform/crypto.js';
import { AppError } from './platform/errors.js';
import { documentOperation, finishDocument, mergePatchMediaType } from './platform/http/openapi.js';
import { installErrorHandling, sendProblem } from './platform/http/problem.js';
import { requestLimit } from './platform/http/rate-limit.js';
import { installRequestRules } from './platform/http/request-rules.js';
import { projectRoot } from './platform/paths.js';
import './platform/http/fastify-types.js';
import type { ModuleDefinition } from './platform/module.js';
import { authenticateRequest } from './modules/access/index.js';
import { modules as allModules } from './modules.js';

export interface AppDeps {
  config: Config;
  db: Database;
  clock?: Clock;
  /** Defaults to the configured data key (resolveDataKey). */
  cipher?: FieldCipher;
  /** Log to stdout (false in tests). */
  logger?: boolean;
  /** Defaults to every module of the composition root (server/modules.ts). */
  modules?: readonly ModuleDefinition[];
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const openapiInfo = {
  title: 'InCaS API',
  version: '1.0.0',
  description:
    'REST API of InCaS. Conventions: JSON bodies, PATCH bodies as JSON merge patches (RFC 7396); errors as application/problem+json with a stable `code` and ' +
    'every invalid field in `errors`; lists take `page` (from 1) and `pageSize` (1–100, default 20) and answer ' +
    '`{ items, total, page, pageSize }`; filters are query parameters named after the fields; `sort` names a field, ' +
    '`-field` for descending. State-changing requests need the session cookie and the `x-csrf-token` header from ' +
    '`GET /api/v1/auth/csrf`. Text holding U+0000 or an unpaired surrogate is refused (400, the field named); an ' +
    'operation that documents no request body takes none; bodies are limited to 1 MiB (413). Requests are limited ' +
    'per client IP and per session (429 `rate.limited` with `Retry-After`).',
  'x-api-id': 'incas-api-v1',
  'x-summary': 'InCaS: inclusione socio-lavorativa e contrasto allo sfruttamento lavorativo',
  // the maintainers of the software, as in publiccode.yml (maintenance.contacts, url)
  contact: { name: 'Team InCaS', email: 'incas@example.invalid', url: 'https://example.invalid/incas' },
};

/**
 * The server this document describes: the instance's public URL in production (https, as the API
 * guidelines require), the serving host itself, marked as a sandbox, in development.
 */
function openapiServers(config: Config) {
  return config.production
    ? [{ url: config.publicUrl, description: 'Production: this InCaS instance' }]
    : [
        {
          url: '/',
          description: 'Development instance (sandbox): the host that served this document',
          'x-sandbox': true,
        },
      ];
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  const modules = deps.modules ?? allModules;
  const clock = deps.clock ?? systemClock;
  const cipher = deps.cipher ?? createFieldCipher(resolveDataKey(config));
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
            serializers: {
              // the path only: query strings may carry names typed into a search box
              req: (req: FastifyRequest) => ({ method: req.method, url: req.url.split('?')[0], id: req.id }),
            },
          },
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { maxParamLength: 200 },
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  // JSON only: "simple" cross-site form posts (text/plain) get 415 before anything runs
  app.removeContentTypeParser(['text/plain']);
  // PATCH bodies are JSON merge patches (RFC 7396), parsed like JSON (same limit, same
  // prototype-poisoning refusal); application/json stays accepted for older clients.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser(mergePatchMediaType, { parseAs: 'string' }, (req, body, done) => {
    if (req.method !== 'PATCH') return done(new AppError('request.unsupported_media_type'), undefined);
    void parseJson(req, body as string, done);
  });

  // NUL and lone surrogates refused everywhere, no body where none is declared (request-rules.ts)
  installRequestRules(app);

  app.decorateRequest('ctx', null as never);
  app.addHook('onRequest', async (req) => {
    req.ctx = { actor: null, db, clock, log: req.log, config, cipher, requestId: req.id, ip: req.ip };
  });

  // Every API route must say whether it is public: deny by default is checked at start-up.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && !route.config?.auth) {
      throw new Error(`Route ${String(route.method)} ${route.url} does not declare config.auth`);
    }
  });

  await app.register(cookie, { secret: config.secret });
  await app.register(csrf, {
    cookieKey: config.secureCookies ? '__Host-incas-csrf' : 'incas-csrf',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: config.secureCookies, signed: true },
    getToken: (req) => {
      const h = req.headers['x-csrf-token'];
      return typeof h === 'string' ? h : undefined;
    },
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  // Routes with their own `config.rateLimit` (login) get it from the plugin; every request is
  // counted per IP before the session is looked up, and per verified session after it.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError('rate.limited', `Too many requests: retry in ${Math.ceil(ctx.ttl / 1000)} s`, {
        headers: { 'retry-after': String(Math.ceil(ctx.ttl / 1000)) },
      }),
  });
  app.addHook('onRequest', requestLimit(app, 'ip', config.rateLimitPerMinute));
  app.addHook('onRequest', authenticateRequest);
  app.addHook('onRequest', requestLimit(app, 'session', config.rateLimitPerMinute));
  app.addHook('onRequest', (req, reply, done) => {
    if (!unsafeMethods.has(req.method)) return done();
    // cross-site requests are refused before the token is even looked at
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || (origin && origin !== `${req.protocol}://${req.host}`)) {
      return done(new AppError('origin.invalid', 'Cross-origin request refused.'));
    }
    app.csrfProtection(req, reply, done);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { ...openapiInfo, ...(config.termsOfServiceUrl ? { termsOfService: config.termsOfServiceUrl } : {}) },
      servers: openapiServers(config),
      tags: modules.flatMap((m) => m.tags ?? []),
    },
    transform: documentOperation,
    transformObject: finishDocument,
  });
  if (config.apiDocs) await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());

  // Answers are compressed for clients that accept it (a wave's status map of every Comune: about
  // 400 KB of JSON, 40 KB gzipped); a prepared download opts out (its size and byte ranges are
  // those of the file), the web assets are precompressed at build time. Request bodies are never
  // inflated: a compressed body is read as the bytes it is, and fails validation.
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
  });
  for (const m of modules) if (m.routes) await app.register(m.routes, { prefix: m.prefix ?? '/api/v1' });

  const webRoot = join(projectRoot(), 'dist', 'web');
  const hasWeb = existsSync(join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: ['index.html'],
      // the build writes .br and .gz beside each text asset (web/build/precompress.ts)
      preCompressed: true,
      setHeaders: (reply, path) => {
        if (path.includes(join('dist', 'web', 'assets')))
          reply.header('cache-control', 'public, max-age=31536000, immutable');
        else reply.header('cache-control', 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api')) return sendProblem(reply, 404, 'route.not_found');
    // the web client routes in the browser: every other GET gets its page
    if (hasWeb && req.method === 'GET') return reply.type('text/html').sendFile('index.html');
    return sendProblem(reply, 404, 'route.not_found');
  });

  return app;
}
