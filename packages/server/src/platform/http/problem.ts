import type { ErrorCode, Problem } from '@guanxi/contract';
import { READ_ONLY_FIELDS, REQUIRED_MESSAGE } from '@guanxi/contract';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isConcurrencyFailure } from '../../db/client.js';
import { AppError, type FieldError, STATUS_BY_CODE, TITLE_BY_CODE } from '../errors.js';

const readOnly = new Set<string>(READ_ONLY_FIELDS);

export function sendProblem(
  reply: FastifyReply,
  code: ErrorCode,
  detail: string,
  errors?: FieldError[],
  /** Members of the problem beyond the standard ones, e.g. `duplicates`. */
  extra: Record<string, unknown> = {},
) {
  const status = STATUS_BY_CODE[code];
  const body: Problem = {
    type: `https://guanxi.dev/problems/${code.replaceAll('_', '-')}`,
    title: TITLE_BY_CODE[code],
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
    ...extra,
  };
  return reply.code(status).type('application/problem+json').send(body);
}

type SchemaIssue = {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
};

/** The stable code and the parameters a client needs to word one zod issue itself. */
function classify(issue: SchemaIssue): Pick<FieldError, 'code' | 'params'> {
  const p = issue.params;
  switch (issue.keyword) {
    case 'invalid_type':
      // Zod does not report the input itself; the message set by configureZodMessages tells.
      return issue.message === REQUIRED_MESSAGE
        ? { code: 'required' }
        : { code: 'invalid_type', params: { expected: p.expected } };
    case 'invalid_value':
      return { code: 'invalid_value', params: { values: p.values } };
    case 'invalid_format':
      return { code: 'invalid_format', params: { format: p.format } };
    case 'too_small':
      // A required text that is empty after trimming.
      if (p.origin === 'string' && p.minimum === 1) return { code: 'required' };
      return { code: 'too_small', params: { origin: p.origin, minimum: p.minimum } };
    case 'too_big':
      return { code: 'too_big', params: { origin: p.origin, maximum: p.maximum } };
    case 'custom': {
      const format = (p.params as { format?: string } | undefined)?.format;
      return format ? { code: 'invalid_format', params: { format } } : { code: 'invalid' };
    }
    default:
      return { code: 'invalid' };
  }
}

/** Zod issues → per-field errors; unknown keys are named one by one, server-owned ones as read-only. */
export function fieldErrors(issues: SchemaIssue[], context: string): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const base = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
      for (const key of issue.params.keys as string[]) {
        const path = base ? `${base}.${key}` : key;
        out.push(
          readOnly.has(key)
            ? { path, message: 'is read-only and set by the server', code: 'read_only' }
            : { path, message: 'is not a known field', code: 'unknown_field' },
        );
      }
      continue;
    }
    out.push({ path: base || context, message: issue.message ?? 'is invalid', ...classify(issue) });
  }
  return out;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
};

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.details.retryAfterSeconds) {
        reply.header('Retry-After', String(error.details.retryAfterSeconds));
      }
      const { duplicates, params } = error.details;
      return sendProblem(reply, error.code, error.message, error.details.errors, {
        ...(duplicates ? { duplicates } : {}),
        ...(params ? { params } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = fieldErrors(
        error.validation as unknown as SchemaIssue[],
        error.validationContext ?? 'body',
      );
      const summary = errors.map((e) => `${e.path} ${e.message}`).join('; ');
      return sendProblem(reply, 'validation_failed', `Please correct: ${summary}`, errors);
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) {
      const detail =
        mapped === 'payload_too_large'
          ? 'The request body is larger than this server accepts.'
          : mapped === 'unsupported_media_type'
            ? 'Send the request body as application/json.'
            : 'The request body is not valid JSON.';
      return sendProblem(reply, mapped, detail);
    }
    if (error.statusCode === 429) {
      return sendProblem(reply, 'rate_limited', 'Too many requests. Slow down and retry later.');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, 'bad_request', error.message);
    }
    if (isConcurrencyFailure(error)) {
      request.log.warn({ err: error }, 'transaction lost to a concurrent one');
      reply.header('Retry-After', '1');
      return sendProblem(
        reply,
        'conflict',
        'Another change to the same records ran at the same moment, so nothing was saved. Send the request again.',
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      'internal',
      `Something went wrong on our side. Reference: ${request.id}`,
    );
  });
}
