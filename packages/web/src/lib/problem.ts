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

/** Field messages from a validation problem, keyed by `errors[].path` ("name", "phones.0.number"). */
export const fieldErrorsOf = (error: unknown): Record<string, string> => {
  if (!isApiError(error) || !error.problem?.errors) return {};
  const result: Record<string, string> = {};
  for (const { path, message } of error.problem.errors) {
    const key = path.replace(/^body\./, '');
    result[key] = result[key] ? `${result[key]}; ${message}` : message;
  }
  return result;
};

export const errorCode = (error: unknown): string | null => (isApiError(error) ? error.code : null);
