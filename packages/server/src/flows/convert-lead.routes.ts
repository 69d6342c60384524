import {
  ConvertLeadInput,
  DuplicateProblemSchema,
  IdParamsSchema,
  LeadConversionSchema,
  ProblemSchema,
} from '@guanxi/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { convertLead } from './convert-lead.js';

export async function convertLeadRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/leads/:id/convert', {
    schema: {
      tags: ['Leads'],
      summary: 'Convert a lead into an account, a contact and optionally an opportunity',
      description:
        'Uses the given account/contact (`{ "id": … }`) or creates them (`{ "create": { …overrides } }`, the rest from the lead). Source and campaign carry over; the lead’s activities and tasks follow. When an account or contact to create looks like existing ones it answers 409 `duplicate` listing them (pick one, or send `allowDuplicates: true`). A converted lead answers 409 `conflict`. One transaction: a failure writes nothing.',
      params: IdParamsSchema,
      body: ConvertLeadInput,
      response: {
        200: LeadConversionSchema,
        400: ProblemSchema,
        401: ProblemSchema,
        403: ProblemSchema,
        404: ProblemSchema,
        409: DuplicateProblemSchema,
      },
    },
    handler: (req) => convertLead(req.ctx, req.params.id, req.body),
  });
}
