import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { idempotencyKeys } from '../platform.tables.js';

const HEADER = 'idempotency-key';

/**
 * A POST with an Idempotency-Key runs once; retries with the same key and body get the first
 * answer back (marked Idempotent-Replayed) and create nothing new.
 */
export function registerIdempotency(app: FastifyInstance) {
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers[HEADER];
    if (request.method !== 'POST' || key === undefined || !request.actor) return;
    if (typeof key !== 'string' || key.length < 1 || key.length > 255) {
      throw new AppError('bad_request', 'Idempotency-Key must be 1 to 255 characters.');
    }
    const { workspaceId, userId } = request.actor;
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const { db } = app.database;
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ workspaceId, userId, key, requestHash, createdAt: new Date() })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) {
      request.idempotency = { workspaceId, userId, key };
      return;
    }
    const [prior] = await db
      .select()
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.workspaceId, workspaceId),
          eq(idempotencyKeys.userId, userId),
          eq(idempotencyKeys.key, key),
        ),
      );
    if (!prior || prior.requestHash !== requestHash) {
      throw new AppError(
        'idempotency_conflict',
        'This Idempotency-Key was already used for a different request.',
      );
    }
    if (prior.statusCode === null || prior.responseBody === null) {
      throw new AppError(
        'idempotency_conflict',
        'A request with this Idempotency-Key is still being processed; retry shortly.',
      );
    }
    reply
      .code(prior.statusCode)
      .header('idempotent-replayed', 'true')
      .type(prior.statusCode >= 400 ? 'application/problem+json' : 'application/json');
    return reply.send(prior.responseBody);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const idem = request.idempotency;
    if (!idem) return payload;
    request.idempotency = null;
    const where = and(
      eq(idempotencyKeys.workspaceId, idem.workspaceId),
      eq(idempotencyKeys.userId, idem.userId),
      eq(idempotencyKeys.key, idem.key),
    );
    const { db } = app.database;
    if (reply.statusCode >= 500 || reply.statusCode === 409 || reply.statusCode === 429) {
      // Nothing durable happened (or it may succeed later): let a retry run again.
      await db.delete(idempotencyKeys).where(where);
    } else {
      await db
        .update(idempotencyKeys)
        .set({
          statusCode: reply.statusCode,
          responseBody: typeof payload === 'string' ? payload : String(payload),
        })
        .where(where);
    }
    return payload;
  });
}
