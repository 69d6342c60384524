import type { TFunction } from 'i18next';
import { isApiError } from '../../lib/api-client';
import { describeError } from '../../lib/problem';

/** Why a claim failed, in words: the holding limit with its numbers, or someone was faster. */
export function describeClaimError(t: TFunction, error: unknown, name: string): string {
  if (isApiError(error) && error.code === 'holding_limit') {
    const params = error.problem?.params ?? {};
    return t('pools.holdingLimitReached', { held: params.held, limit: params.limit });
  }
  if (isApiError(error) && error.code === 'not_in_pool') return t('pools.notInPool', { name });
  return describeError(t, error).title;
}
