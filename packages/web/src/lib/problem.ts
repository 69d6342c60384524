import type { DuplicateMatch, DuplicateProblem } from '@guanxi/contract';
import type { TFunction } from 'i18next';
import { isApiError } from './api-client';

export type ErrorDescription = { title: string; detail?: string };

/** A person-readable description of any error, chosen by the problem's `code`. */
export const describeError = (t: TFunction, error: unknown): ErrorDescription => {
  if (!isApiError(error)) return { title: t('errors.internal') };
  const detail = error.problem?.detail;
  switch (error.code) {
    case 'network_error':
      return { title: t('errors.network') };
    case 'rate_limited':
      if (error.retryAfter === null) return { title: t('errors.rateLimitedNoWait') };
      return {
        title:
          error.retryAfter >= 60
            ? t('errors.rateLimitedMinutes', { minutes: Math.ceil(error.retryAfter / 60) })
            : t('errors.rateLimited', { seconds: error.retryAfter }),
      };
    case 'unauthenticated':
      return { title: t('errors.unauthenticated') };
    case 'forbidden':
      return { title: t('errors.forbidden'), detail };
    case 'csrf_failed':
      return { title: t('errors.csrfFailed') };
    case 'not_found':
      return { title: t('errors.notFound') };
    case 'conflict':
      return { title: detail ?? t('errors.conflict') };
    case 'duplicate':
      return { title: t('errors.duplicate') };
    case 'idempotency_conflict':
      return { title: t('errors.idempotencyConflict') };
    case 'precondition_failed':
      return { title: t('errors.preconditionFailed') };
    case 'payload_too_large':
      return { title: t('errors.payloadTooLarge') };
    case 'validation_failed':
    case 'bad_request':
      return { title: t('errors.validationFailed'), detail };
    default:
      return { title: t('errors.internal'), detail };
  }
};

type FieldProblem = { code?: string; message: string; params?: Record<string, unknown> };
const FORMATS = ['email', 'website', 'phone', 'uuid', 'creditCode'] as const;

/** One field's error in the person's language, chosen by its stable `code`. */
export const describeFieldError = (t: TFunction, error: FieldProblem): string => {
  const p = error.params ?? {};
  const isText = p.origin === 'string';
  const isList = p.origin === 'array' || p.origin === 'set';
  switch (error.code) {
    case 'required':
      return t('fieldErrors.required');
    case 'invalid_type':
      return t('fieldErrors.invalidType');
    case 'invalid_value':
      return t('fieldErrors.invalidValue');
    case 'invalid_format': {
      const format = FORMATS.find((f) => f === p.format) ?? 'other';
      return t(`fieldErrors.format.${format}`);
    }
    case 'too_small': {
      const minimum = Number(p.minimum);
      if (isText) return t('fieldErrors.tooShort', { minimum });
      return isList
        ? t('fieldErrors.tooFewItems', { minimum })
        : t('fieldErrors.tooSmall', { minimum });
    }
    case 'too_big': {
      const maximum = Number(p.maximum);
      if (isText) return t('fieldErrors.tooLong', { maximum });
      return isList
        ? t('fieldErrors.tooManyItems', { maximum })
        : t('fieldErrors.tooBig', { maximum });
    }
    case 'unknown_field':
      return t('fieldErrors.unknownField');
    case 'read_only':
      return t('fieldErrors.readOnly');
    case 'not_found':
      return t('fieldErrors.notFound');
    case 'out_of_scope':
      return t('fieldErrors.outOfScope');
    case 'inactive_user':
      return t('fieldErrors.inactiveUser');
    case 'taken':
      return t('fieldErrors.taken');
    case 'incorrect':
      return t('fieldErrors.incorrect');
    case 'cycle':
      return t('fieldErrors.cycle');
    case 'not_permitted':
      return t('fieldErrors.notPermitted');
    case 'invalid':
      return t('fieldErrors.invalid');
    default:
      return error.message;
  }
};

/** Field messages from a validation problem, keyed by `errors[].path` ("name", "phones.0.number"). */
export const fieldErrorsOf = (t: TFunction, error: unknown): Record<string, string> => {
  if (!isApiError(error) || !error.problem?.errors) return {};
  const result: Record<string, string> = {};
  for (const item of error.problem.errors) {
    const key = item.path.replace(/^body\./, '');
    const message = describeFieldError(t, item);
    result[key] = result[key] ? `${result[key]}; ${message}` : message;
  }
  return result;
};

export const errorCode = (error: unknown): string | null => (isApiError(error) ? error.code : null);

/** The matching records of a 409 `duplicate` answer; null for any other error. */
export const duplicatesOf = (error: unknown): DuplicateMatch[] | null =>
  isApiError(error) && error.code === 'duplicate'
    ? ((error.problem as DuplicateProblem | null)?.duplicates ?? [])
    : null;
