import {
  AccountSchema,
  CreatePoolInput,
  HoldingsSchema,
  IdParamsSchema,
  LeadSchema,
  type ListQuery,
  ListQuerySchema,
  listResponse,
  PoolSchema,
  ProblemSchema,
  ReclaimReportSchema,
  ReturnToPoolInput,
  RunReclaimInput,
  UpdatePoolInput,
} from '@guanxi/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseIfMatch } from '../../platform/http/record-routes.js';
import { runReclaimNow } from './pool-reclaim.js';
import { claimRecord, listPoolRecords, returnRecord } from './pool-records.service.js';
import {
  createPool,
  deletePool,
  getHoldings,
  getPool,
  getVisiblePool,
  listPools,
  updatePool,
} from './pools.service.js';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
};
const tags = ['Pools'];

export async function poolRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/pools', {
    schema: {
      tags,
      summary: 'Public pools the caller may see, with how many records wait in each',
      response: { 200: z.object({ data: z.array(PoolSchema) }), ...problems },
    },
    handler: async (req) => ({ data: await listPools(req.ctx) }),
  });
  r.post('/pools', {
    schema: {
      tags,
      summary: 'Create a pool (administrators)',
      body: CreatePoolInput,
      response: { 201: PoolSchema, ...problems },
    },
    handler: async (req, reply) => reply.code(201).send(await createPool(req.ctx, req.body)),
  });
  r.get('/pools/holdings', {
    schema: {
      tags,
      summary: 'How many accounts and leads the caller owns now (against holding limits)',
      response: { 200: HoldingsSchema, ...problems },
    },
    handler: (req) => getHoldings(req.ctx),
  });
  r.get('/pools/:id', {
    schema: {
      tags,
      summary: 'Get a pool',
      params: IdParamsSchema,
      response: { 200: PoolSchema, ...problems },
    },
    handler: async (req, reply) => {
      const pool = await getPool(req.ctx, req.params.id);
      reply.header('ETag', `"${pool.version}"`);
      return pool;
    },
  });
  r.patch('/pools/:id', {
    schema: {
      tags,
      summary: 'Change a pool: name, holding limit, reclaim rules, departments (administrators)',
      params: IdParamsSchema,
      headers: z.object({ 'if-match': z.string().optional() }),
      body: UpdatePoolInput,
      response: { 200: PoolSchema, ...problems, 412: ProblemSchema },
    },
    handler: async (req, reply) => {
      const pool = await updatePool(req.ctx, {
        id: req.params.id,
        data: req.body,
        expectedVersion: parseIfMatch(req.headers['if-match']),
      });
      reply.header('ETag', `"${pool.version}"`);
      return pool;
    },
  });
  r.delete('/pools/:id', {
    schema: {
      tags,
      summary: 'Delete an empty pool (administrators)',
      description: 'A pool that records still belong to answers 409 and stays.',
      params: IdParamsSchema,
      response: { 204: z.null(), ...problems, 409: ProblemSchema },
    },
    handler: async (req, reply) => {
      await deletePool(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  });
  r.get('/pools/:id/records', {
    schema: {
      tags,
      summary: 'Records waiting in a pool (accounts or leads, by the pool)',
      description: 'The shared list: `filter`, `sort`, `q`, `cursor`, `limit`.',
      params: IdParamsSchema,
      querystring: ListQuerySchema,
      response: { 200: listResponse(z.union([AccountSchema, LeadSchema])), ...problems },
    },
    // The pool's object decides whether accounts or leads come back.
    handler: async (req) =>
      (await listPoolRecords(req.ctx, req.params.id, req.query as ListQuery)) as never,
  });
  r.post('/pools/:id/run-reclaim', {
    schema: {
      tags,
      summary: 'Run the pool’s reclaim rules now (administrators); `dryRun` only lists',
      params: IdParamsSchema,
      body: RunReclaimInput,
      response: { 200: ReclaimReportSchema, ...problems },
    },
    handler: async (req) =>
      runReclaimNow(req.ctx, await getVisiblePool(req.ctx, req.params.id), req.body),
  });

  for (const [path, object, record, tag] of [
    ['/accounts', 'account', AccountSchema, 'Accounts'],
    ['/leads', 'lead', LeadSchema, 'Leads'],
  ] as const) {
    r.post(`${path}/:id/claim`, {
      schema: {
        tags: [tag],
        summary: `Claim a ${object} from its pool: the caller becomes its owner`,
        description:
          '409 `holding_limit` (params: limit, held) when the caller already owns as many as the pool allows; 409 `not_in_pool` when someone else claimed it first.',
        params: IdParamsSchema,
        response: { 200: record, ...problems, 409: ProblemSchema },
      },
      handler: async (req, reply) => {
        const claimed = await claimRecord(req.ctx, object, req.params.id);
        reply.header('ETag', `"${claimed.version}"`);
        return claimed as never;
      },
    });
    r.post(`${path}/:id/return`, {
      schema: {
        tags: [tag],
        summary: `Return a ${object} to its pool, saying why`,
        params: IdParamsSchema,
        body: ReturnToPoolInput,
        response: { 200: record, ...problems, 409: ProblemSchema },
      },
      handler: async (req, reply) => {
        const returned = await returnRecord(req.ctx, object, req.params.id, req.body.reason);
        reply.header('ETag', `"${returned.version}"`);
        return returned as never;
      },
    });
  }
}
