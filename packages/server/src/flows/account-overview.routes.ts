import { AccountOverviewSchema, IdParamsSchema, ProblemSchema } from '@guanxi/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getAccountOverview } from './account-overview.js';

export async function accountOverviewRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/accounts/:id/overview', {
    schema: {
      tags: ['Accounts'],
      summary: 'Customer 360: the account with its contacts, deals, activities, tasks and figures',
      description:
        'One answer for the account page. A panel is null when your role may not read that kind of record; everything else follows your data scope and field access.',
      params: IdParamsSchema,
      response: {
        200: AccountOverviewSchema,
        401: ProblemSchema,
        403: ProblemSchema,
        404: ProblemSchema,
      },
    },
    handler: (req) => getAccountOverview(req.ctx, req.params.id),
  });
}
