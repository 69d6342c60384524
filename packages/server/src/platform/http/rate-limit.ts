import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/**
 * Requests per minute per caller (API key, else user, else client address) on the API.
 * Counted per app process: behind several processes each one enforces the limit itself.
 */
export async function registerRateLimit(app: FastifyInstance, perMinute: number) {
  if (perMinute <= 0) return;
  await app.register(rateLimit, {
    global: true,
    max: perMinute,
    timeWindow: 60_000,
    // After the auth hook, so a signed-in caller is counted as themselves wherever they come from.
    hook: 'preHandler',
    keyGenerator: (request) => {
      const actor = request.actor;
      if (actor?.apiKeyId) return `key:${actor.apiKeyId}`;
      if (actor) return `user:${actor.workspaceId}:${actor.userId}`;
      return `ip:${request.ip}`;
    },
    allowList: (request) => !request.url.startsWith('/api/v1/'),
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'rate_limited',
        `Too many requests: at most ${context.max} a minute. Retry in ${context.after}.`,
        {
          retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)),
        },
      ),
  });
}
