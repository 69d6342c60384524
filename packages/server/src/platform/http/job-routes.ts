import {
  IdParamsSchema,
  JobListQuerySchema,
  JobSchema,
  listResponse,
  ProblemSchema,
} from '@guanxi/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listJobs, retryJob } from '../jobs-admin.js';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

export async function jobRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/jobs', {
    schema: {
      tags: ['Jobs'],
      summary: 'Scheduled jobs of the workspace (admins)',
      description:
        'Reminders and other background work. `status=failed` lists jobs that ran out of attempts, with the last error.',
      querystring: JobListQuerySchema,
      response: { 200: listResponse(JobSchema), ...errors },
    },
    handler: (req) => listJobs(req.ctx, req.query),
  });
  r.post('/jobs/:id/retry', {
    schema: {
      tags: ['Jobs'],
      summary: 'Retry a failed job now (admins)',
      params: IdParamsSchema,
      response: { 200: JobSchema, ...errors, 404: ProblemSchema, 409: ProblemSchema },
    },
    handler: (req) => retryJob(req.ctx, req.params.id),
  });
}
