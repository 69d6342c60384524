import type { DuplicateMatch, ErrorCode, FieldError } from '@guanxi/contract';

export type { FieldError };

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  idempotency_conflict: 409,
  precondition_failed: 412,
  holding_limit: 409,
  not_in_pool: 409,
  duplicate: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};

export const TITLE_BY_CODE: Record<ErrorCode, string> = {
  validation_failed: 'Invalid input',
  bad_request: 'Bad request',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  csrf_failed: 'Missing or wrong CSRF token',
  not_found: 'Not found',
  conflict: 'Conflict',
  idempotency_conflict: 'Idempotency key reused',
  precondition_failed: 'Record changed since you loaded it',
  holding_limit: 'Holding limit reached',
  not_in_pool: 'No longer in the pool',
  duplicate: 'Possible duplicate',
  payload_too_large: 'Request body too large',
  unsupported_media_type: 'Unsupported content type',
  rate_limited: 'Too many requests',
  internal: 'Internal error',
};

/** The one error type services throw; the HTTP layer turns it into problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: {
      errors?: FieldError[];
      retryAfterSeconds?: number;
      /** With code `duplicate`: the records that match. */
      duplicates?: DuplicateMatch[];
      /** Values a client words the problem with, e.g. {limit, held} for `holding_limit`. */
      params?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const invalid = (path: string, message: string, code: FieldError['code'] = 'invalid') =>
  new AppError('validation_failed', `${path}: ${message}`, { errors: [{ path, message, code }] });
