import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resolveApiKey, resolveSession, safeEqual } from '../../modules/identity/index.js';
import { createCtx } from '../context.js';
import { AppError } from '../errors.js';

export const SESSION_COOKIE = 'gx_session';
export const CSRF_COOKIE = 'csrf_token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isSecureRequest(app: FastifyInstance, request: FastifyRequest): boolean {
  const setting = app.config.COOKIE_SECURE;
  return setting === 'auto' ? request.protocol === 'https' : setting;
}

export function setSessionCookies(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  session: { token: string; csrfToken: string; expiresAt: Date },
) {
  const base = {
    path: '/',
    sameSite: 'lax' as const,
    secure: isSecureRequest(app, request),
    expires: session.expiresAt,
  };
  reply.setCookie(SESSION_COOKIE, session.token, { ...base, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/**
 * Resolves who is calling (API key or session cookie) before any API handler runs; CSRF is
 * checked for cookie-authenticated unsafe requests. Handlers then use `request.ctx`.
 */
export function registerAuthHook(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('idempotency', null);
  app.decorateRequest('ctx', null as never);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/') || request.routeOptions.config?.public) return;
    const now = new Date();
    const { db } = app.database;
    const authorization = request.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const actor = match ? await resolveApiKey(db, match[1], now) : null;
      if (!actor) throw new AppError('unauthenticated', 'The API key is invalid or revoked.');
      request.actor = actor;
    } else {
      const token = request.cookies[SESSION_COOKIE];
      const session = token ? await resolveSession(db, token, now) : null;
      if (!session) throw new AppError('unauthenticated', 'Sign in to continue.');
      if (UNSAFE.has(request.method)) {
        const header = request.headers['x-csrf-token'];
        if (typeof header !== 'string' || !safeEqual(header, session.csrfToken)) {
          throw new AppError(
            'csrf_failed',
            'This request lacks the X-CSRF-Token header matching the csrf_token cookie.',
          );
        }
      }
      request.actor = session.actor;
      request.sessionToken = token ?? null;
    }
    request.ctx = createCtx(db, request.actor, request.id);
  });
}
