import type { Ctx } from '../context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every API route declares it: 'public' (no login) or 'session' (a logged-in actor). */
    auth?: 'public' | 'session';
    /** Reachable by a session that must still enrol its second factor. */
    allowPendingSecondFactor?: boolean;
    /** Reachable by a session whose password was set by an administrator and not changed yet. */
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyRequest {
    ctx: Ctx;
  }
}
export {};
