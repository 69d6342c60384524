import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import { configureZodMessages } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { moduleRoutes } from './modules/index.js';
import { auditRoutes } from './platform/http/audit-routes.js';
import { registerAuthHook } from './platform/http/auth-hook.js';
import { duplicateRoutes } from './platform/http/duplicate-routes.js';
import { registerIdempotency } from './platform/http/idempotency.js';
import { jobRoutes } from './platform/http/job-routes.js';
import { registerMetrics } from './platform/http/metrics.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { registerErrorHandling } from './platform/http/problem.js';
import { registerRateLimit } from './platform/http/rate-limit.js';
import { registerSecurityHeaders } from './platform/http/security.js';
import { responseSerializerCompiler } from './platform/http/serializer.js';
import './platform/http/types.js';
import { registerWebApp } from './platform/http/web.js';
import { createMailer, type Mailer } from './platform/mailer.js';

const DEFAULT_WEB_DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../web/dist',
);
const REQUEST_ID_RE = /^[\w.-]{1,64}$/;

export type AppOptions = {
  config: Config;
  database: Database;
  /** Outgoing mail; defaults to SMTP from the config, or none. */
  mailer?: Mailer | null;
  logger?: FastifyServerOptions['logger'];
};

/** Builds the HTTP app; it opens no port and starts nothing. */
export async function buildApp({ config, database, logger = false, mailer }: AppOptions) {
  configureZodMessages();
  const app = Fastify({
    logger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  // The API speaks JSON only. text/plain is also what a cross-site form can post without a
  // preflight, so it is refused with 415 like every other non-JSON body.
  app.removeContentTypeParser('text/plain');
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorate(
    'mailer',
    mailer === undefined ? createMailer(config.SMTP_URL, config.MAIL_FROM) : mailer,
  );
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
  });

  registerErrorHandling(app);
  await registerSecurityHeaders(app);
  await app.register(cookie);
  await registerOpenApi(app);
  registerAuthHook(app);
  await registerRateLimit(app, config.RATE_LIMIT_PER_MINUTE);
  registerIdempotency(app);

  registerMetrics(app, config.METRICS_TOKEN);
  app.get('/api/health', { config: { public: true } }, async () => {
    await database.db.execute(sql`select 1`);
    return { status: 'ok', database: database.kind };
  });
  await app.register(
    async (api) => {
      for (const routes of moduleRoutes) await api.register(routes);
      await api.register(auditRoutes);
      await api.register(duplicateRoutes);
      await api.register(jobRoutes);
    },
    { prefix: '/api/v1' },
  );
  await registerWebApp(app, config.WEB_DIST ?? DEFAULT_WEB_DIST);
  return app;
}
