import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';

/** Behind TLS the cookie takes the __Host- prefix: Secure, Path=/, no Domain (security.md #14). */
export function sessionCookieName(config: Pick<Config, 'secureCookies'>): string {
  return config.secureCookies ? '__Host-incas-session' : 'incas-session';
}

export function readSessionToken(req: FastifyRequest): string | null {
  const value = req.cookies[sessionCookieName(req.ctx.config)];
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(sessionCookieName(config), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(sessionCookieName(config), {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
  });
}
