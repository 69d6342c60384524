import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Guanxi CRM API',
        version: '1.0.0',
        description:
          'REST API of Guanxi CRM. Authenticate with `Authorization: Bearer <API key>` or the ' +
          'session cookie (plus `X-CSRF-Token` on unsafe requests). Errors are application/problem+json.',
      },
      servers: [{ url: '/api/v1' }],
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'API key from POST /api-keys' },
          session: { type: 'apiKey', in: 'cookie', name: 'gx_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      // Paths are documented relative to the /api/v1 server URL.
      return { ...out, url: out.url.replace(/^\/api\/v1/, '') };
    },
    // Schemas registered with an id in the contract become shared components ($ref).
    transformObject: jsonSchemaTransformObject,
    hideUntagged: true,
  });
  // The UI loads only its own scripts, so the app's CSP fits it (no upgrade-insecure-requests).
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true } }, async () => app.swagger());
}
