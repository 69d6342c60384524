import {
  DuplicateCheckQuerySchema,
  DuplicateCheckResponseSchema,
  DuplicateProblemSchema,
  DuplicateRulesSchema,
  MergeInput,
  mergeResultSchema,
  ProblemSchema,
  UpdateDuplicateRulesInput,
} from '@guanxi/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Ctx } from '../context.js';
import { findDuplicates, getDuplicateRules, updateDuplicateRules } from '../duplicates.js';
import type { MergeResult } from '../merge.js';
import { requirePermission } from '../permissions.js';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/** The duplicate rules of the workspace and a duplicate check that saves nothing. */
export async function duplicateRoutes(instance: FastifyInstance) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.get('/duplicate-rules', {
    schema: {
      tags: ['Duplicates'],
      summary: 'Duplicate rules: which keys count as a duplicate, per object',
      response: { 200: DuplicateRulesSchema, ...errors },
    },
    handler: (req) => getDuplicateRules(req.ctx),
  });
  app.put('/duplicate-rules', {
    schema: {
      tags: ['Duplicates'],
      summary: 'Replace the duplicate rules (administrators)',
      description: 'An empty list turns the check off for that object. The change is audited.',
      body: UpdateDuplicateRulesInput,
      response: { 200: DuplicateRulesSchema, ...errors },
    },
    handler: (req) => updateDuplicateRules(req.ctx, req.body),
  });
  app.get('/duplicates', {
    schema: {
      tags: ['Duplicates'],
      summary: 'Records that a record with these values would duplicate (nothing is saved)',
      description:
        'Give the fields typed so far, e.g. `?object=account&name=上海云杉科技`. Matches show only name and owner; `visible` says whether you may open them.',
      querystring: DuplicateCheckQuerySchema,
      response: { 200: DuplicateCheckResponseSchema, ...errors },
    },
    handler: async (req) => {
      const { object, excludeId, phone, ...fields } = req.query;
      requirePermission(req.ctx, object, 'read');
      const record = { ...fields, phone, phones: phone ? [{ number: phone }] : [] };
      return { data: await findDuplicates(req.ctx, object, record, { excludeId }) };
    },
  });
}

/** `POST <path>/merge`: merges two records of an object (see platform/merge.ts). */
export function registerMergeRoute<R>(
  app: FastifyInstance,
  opts: {
    path: string;
    tag: string;
    noun: string;
    record: z.ZodType<R>;
    merge: (ctx: Ctx, input: MergeInput) => Promise<MergeResult<R>>;
  },
) {
  app.post(`${opts.path}/merge`, {
    schema: {
      tags: [opts.tag],
      summary: `Merge two ${opts.noun}s`,
      description: `The survivor takes the values chosen in \`values\` ("merged" takes the other ${opts.noun}'s value), every linked record moves to it, and the merged ${opts.noun} goes to the trash with \`mergedIntoId\`. One transaction; \`moved\` counts the moved records by kind.`,
      body: MergeInput,
      response: {
        200: mergeResultSchema(opts.record),
        ...errors,
        409: DuplicateProblemSchema,
        412: ProblemSchema,
      },
    },
    handler: (req) => opts.merge(req.ctx, req.body as MergeInput),
  });
}
