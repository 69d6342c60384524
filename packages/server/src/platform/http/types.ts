import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import type { Actor, Ctx } from '../context.js';
import type { Mailer } from '../mailer.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
    mailer: Mailer | null;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** Set by the auth hook on every authenticated route. */
    ctx: Ctx;
    sessionToken: string | null;
    idempotency: { workspaceId: string; userId: string; key: string } | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session or API key (sign-up, sign-in, health, docs). */
    public?: boolean;
  }
}
