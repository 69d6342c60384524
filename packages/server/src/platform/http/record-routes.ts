import {
  AllowDuplicatesQuerySchema,
  DuplicateProblemSchema,
  HistoryResponseSchema,
  IdParamsSchema,
  type ListQuery,
  ListQuerySchema,
  listResponse,
  ProblemSchema,
} from '@guanxi/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { RecordService } from '../record-service.js';

type Versioned = { id: string; version: number };

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/** `If-Match: "3"` (or W/"3" or 3) → 3; absent or `*` → undefined (no version check). */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) {
    throw new AppError('bad_request', 'If-Match must be the ETag from a previous read, e.g. "3".', {
      errors: [
        { path: 'If-Match', message: 'must be an ETag such as "3"', code: 'invalid_format' },
      ],
    });
  }
  return Number(m[1]);
}

const idOf = (req: FastifyRequest) => (req.params as { id: string }).id;

/** The request's context, marked when the caller confirmed saving a possible duplicate. */
const writeCtx = (req: FastifyRequest) =>
  (req.query as { allowDuplicates?: string } | undefined)?.allowDuplicates === 'true'
    ? { ...req.ctx, allowDuplicates: true }
    : req.ctx;

const withEtag = <R extends Versioned>(reply: FastifyReply, record: R) => {
  reply.header('ETag', `"${record.version}"`);
  return record;
};

export function registerRecordRoutes<R extends Versioned, C, U>(
  app: FastifyInstance,
  opts: {
    path: string;
    tag: string;
    noun: string;
    /** When not `noun` + "s" (activity → activities). */
    nouns?: string;
    record: z.ZodType<R>;
    create: z.ZodType<C>;
    update: z.ZodType<U>;
    service: RecordService<R, C, U>;
    /**
     * The object has a duplicate check: creates and updates take `?allowDuplicates=true` and
     * may answer 409 `duplicate` listing the matches.
     */
    duplicateCheck?: boolean;
  },
) {
  // Schemas validate every request before a handler runs; the generic types are asserted here.
  const r = app;
  const { path, tag, noun, service } = opts;
  const ifMatch = z.object({ 'if-match': z.string().optional() });
  const duplicates = opts.duplicateCheck
    ? { query: { querystring: AllowDuplicatesQuerySchema }, conflict: DuplicateProblemSchema }
    : { query: {}, conflict: ProblemSchema };

  r.get(path, {
    schema: {
      tags: [tag],
      summary: `List ${opts.nouns ?? `${noun}s`}`,
      description: 'Keyset-paginated; `filter` is JSON such as {"name":{"contains":"x"}}.',
      querystring: ListQuerySchema,
      response: { 200: listResponse(opts.record), ...errors },
    },
    handler: (req) => service.list(req.ctx, req.query as ListQuery),
  });
  r.post(path, {
    schema: {
      tags: [tag],
      summary: `Create a ${noun}`,
      ...(opts.duplicateCheck && {
        description:
          'Answers 409 `duplicate` with the matching records when the duplicate rules find any; `?allowDuplicates=true` saves anyway.',
      }),
      ...duplicates.query,
      body: opts.create,
      response: { 201: opts.record, ...errors, 409: duplicates.conflict },
    },
    handler: async (req, reply) =>
      reply.code(201).send(withEtag(reply, await service.create(writeCtx(req), req.body as C))),
  });
  r.get(`${path}/:id`, {
    schema: {
      tags: [tag],
      summary: `Get a ${noun}`,
      params: IdParamsSchema,
      response: { 200: opts.record, ...errors },
    },
    handler: async (req, reply) => withEtag(reply, await service.get(req.ctx, idOf(req))),
  });
  r.patch(`${path}/:id`, {
    schema: {
      tags: [tag],
      summary: `Update a ${noun}`,
      description:
        'Send `If-Match` with the ETag you read; a stale one answers 412 and changes nothing.',
      params: IdParamsSchema,
      ...duplicates.query,
      headers: ifMatch,
      body: opts.update,
      response: {
        200: opts.record,
        ...errors,
        ...(opts.duplicateCheck && { 409: duplicates.conflict }),
        412: ProblemSchema,
      },
    },
    handler: async (req, reply) =>
      withEtag(
        reply,
        await service.update(writeCtx(req), {
          id: idOf(req),
          data: req.body as U,
          expectedVersion: parseIfMatch(req.headers['if-match']),
        }),
      ),
  });
  r.delete(`${path}/:id`, {
    schema: {
      tags: [tag],
      summary: `Move a ${noun} to the trash`,
      params: IdParamsSchema,
      headers: ifMatch,
      response: { 204: z.null(), ...errors, 412: ProblemSchema },
    },
    handler: async (req, reply) => {
      await service.remove(req.ctx, {
        id: idOf(req),
        expectedVersion: parseIfMatch(req.headers['if-match']),
      });
      return reply.code(204).send();
    },
  });
  r.post(`${path}/:id/restore`, {
    schema: {
      tags: [tag],
      summary: `Restore a ${noun} from the trash`,
      params: IdParamsSchema,
      response: { 200: opts.record, ...errors },
    },
    handler: async (req, reply) => withEtag(reply, await service.restore(req.ctx, idOf(req))),
  });
  r.get(`${path}/:id/history`, {
    schema: {
      tags: [tag],
      summary: `Change history of a ${noun}, newest first`,
      params: IdParamsSchema,
      response: { 200: HistoryResponseSchema, ...errors },
    },
    handler: async (req) => ({ data: await service.history(req.ctx, idOf(req)) }),
  });
}
