import {
  IdParamsSchema,
  ProblemSchema,
  TransferRecordsInput,
  TransferResultSchema,
} from '@guanxi/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { transferUserRecords } from './transfer-records.js';

export async function transferRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/users/:id/transfer', {
    schema: {
      tags: ['Users'],
      summary: 'Hand over everything a user owns (employee leave); administrators only',
      description:
        'Moves the user’s accounts, contacts, leads, opportunities and open tasks to `toUserId` (an active member), or with `poolAccountsAndLeads` puts their accounts and leads back into their pools. Every moved record gets an audit entry. Answers the counts per object.',
      params: IdParamsSchema,
      body: TransferRecordsInput,
      response: {
        200: TransferResultSchema,
        400: ProblemSchema,
        401: ProblemSchema,
        403: ProblemSchema,
        404: ProblemSchema,
        409: ProblemSchema,
      },
    },
    handler: (req) => transferUserRecords(req.ctx, req.params.id, req.body),
  });
}
