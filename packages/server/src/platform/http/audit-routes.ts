import {
  AuditEntrySchema,
  AuditLogQuerySchema,
  listResponse,
  ProblemSchema,
} from '@guanxi/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listAuditLog } from '../audit.js';

export async function auditRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/audit-entries', {
    schema: {
      tags: ['Audit'],
      summary: 'Audit log of the workspace, newest first (admins)',
      description:
        'Every change to records and workspace settings (users, roles, departments, invitations, API keys), filterable by object type, record and actor.',
      querystring: AuditLogQuerySchema,
      response: {
        200: listResponse(AuditEntrySchema),
        400: ProblemSchema,
        401: ProblemSchema,
        403: ProblemSchema,
      },
    },
    handler: (req) => listAuditLog(req.ctx, req.query),
  });
}
