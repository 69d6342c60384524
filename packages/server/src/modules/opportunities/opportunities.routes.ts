import {
  BoardColumnQuerySchema,
  BoardQuerySchema,
  BoardSchema,
  BoardStageParamsSchema,
  CreateOpportunityInput,
  IdParamsSchema,
  listResponse,
  OpportunityContactsResponseSchema,
  OpportunitySchema,
  ProblemSchema,
  SetOpportunityContactsInput,
  StageHistoryResponseSchema,
  UpdateOpportunityInput,
} from '@guanxi/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerRecordRoutes } from '../../platform/http/record-routes.js';
import { getBoard, getBoardColumn } from './board.service.js';
import { listOpportunityContacts, setOpportunityContacts } from './contact-roles.service.js';
import { opportunityService } from './opportunities.service.js';
import { getStageHistory } from './stage-history.service.js';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const TAG = 'Opportunities';

export async function opportunityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Static paths first in meaning: /opportunities/board is not an opportunity id.
  r.get('/opportunities/board', {
    schema: {
      tags: [TAG],
      summary: 'Kanban board of a pipeline',
      description:
        'Per stage: count, totals per currency (amount and probability-weighted), the first `limit` cards in `sort` order and a cursor for more (GET /opportunities/board/stages/{stageId}). `filter` and `q` work as in the list; the data scope applies. Without `pipelineId`, the first pipeline.',
      querystring: BoardQuerySchema,
      response: { 200: BoardSchema, ...problems },
    },
    handler: (req) => getBoard(req.ctx, req.query),
  });
  r.get('/opportunities/board/stages/:stageId', {
    schema: {
      tags: [TAG],
      summary: "More cards of one board column (the board's filter, q and sort)",
      params: BoardStageParamsSchema,
      querystring: BoardColumnQuerySchema,
      response: { 200: listResponse(OpportunitySchema), ...problems },
    },
    handler: (req) => getBoardColumn(req.ctx, req.params.stageId, req.query),
  });

  registerRecordRoutes(app, {
    path: '/opportunities',
    tag: TAG,
    noun: 'opportunity',
    record: OpportunitySchema,
    create: CreateOpportunityInput,
    update: UpdateOpportunityInput,
    service: opportunityService,
  });

  r.get('/opportunities/:id/stage-history', {
    schema: {
      tags: [TAG],
      summary: 'Stages an opportunity went through, newest first, with the time spent in each',
      params: IdParamsSchema,
      response: { 200: StageHistoryResponseSchema, ...problems },
    },
    handler: async (req) => ({ data: await getStageHistory(req.ctx, req.params.id) }),
  });
  r.get('/opportunities/:id/contacts', {
    schema: {
      tags: [TAG],
      summary: "An opportunity's contacts with their buying roles (primary first)",
      params: IdParamsSchema,
      response: { 200: OpportunityContactsResponseSchema, ...problems },
    },
    handler: async (req) => ({ data: await listOpportunityContacts(req.ctx, req.params.id) }),
  });
  r.put('/opportunities/:id/contacts', {
    schema: {
      tags: [TAG],
      summary: "Replace an opportunity's contacts and buying roles",
      description:
        "Each contact must be visible and belong to the opportunity's account. The one marked `isPrimary` becomes the opportunity's `contactId` (none marked: cleared).",
      params: IdParamsSchema,
      body: SetOpportunityContactsInput,
      response: { 200: OpportunityContactsResponseSchema, ...problems },
    },
    handler: async (req) => ({
      data: await setOpportunityContacts(req.ctx, req.params.id, req.body),
    }),
  });
}
