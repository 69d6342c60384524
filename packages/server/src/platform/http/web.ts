import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem.js';

/** Serves the built web app, with index.html for every client-side route. */
export async function registerWebApp(app: FastifyInstance, distDir: string) {
  const hasWeb = existsSync(path.join(distDir, 'index.html'));
  if (hasWeb) {
    // Files are looked up per request, so a rebuilt app is served without a restart.
    await app.register(fastifyStatic, { root: distDir, wildcard: true, index: false });
  }
  if (hasWeb) {
    app.get('/', { config: { public: true } }, (_request, reply) =>
      reply.header('Cache-Control', 'no-cache').sendFile('index.html'),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0];
    // Client-side routes get the app; a missing file (/assets/x.js) stays a 404.
    const isPage =
      request.method === 'GET' && !pathname.startsWith('/api') && !/\.[a-z0-9]+$/i.test(pathname);
    if (isPage && hasWeb) {
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    if (isPage) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built yet: run `npm run build`, then restart.');
    }
    return sendProblem(
      reply,
      'not_found',
      `No route for ${request.method} ${request.url.split('?')[0]}`,
    );
  });
}
