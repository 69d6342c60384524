import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { safeEqual } from '../../modules/identity/index.js';
import { AppError } from '../errors.js';

/**
 * Prometheus metrics at /api/metrics: request latency by route and status, plus process
 * memory, CPU and event-loop lag. Off unless METRICS_TOKEN is set; scrapers send it as Bearer.
 */
export function registerMetrics(app: FastifyInstance, token: string | undefined) {
  if (!token) return;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'guanxi_' });
  const duration = new Histogram({
    name: 'guanxi_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the raw URL: ids would explode the number of series.
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get(
    '/api/metrics',
    { config: { public: true }, schema: { hide: true } },
    async (request, reply) => {
      const given = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
      if (!safeEqual(given, token))
        throw new AppError('unauthenticated', 'Send the metrics token as a Bearer token.');
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  );
}
