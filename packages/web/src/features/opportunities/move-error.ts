import type { TFunction } from 'i18next';
import { isApiError } from '../../lib/api-client';

/**
 * "Enter amount to move to Proposal/Quote" when the server refused a stage change for missing
 * required fields (code `required`, params.stage); null for any other error.
 */
export function moveRefusal(
  t: TFunction,
  error: unknown,
  fieldLabel: (field: string) => string,
): string | null {
  if (!isApiError(error) || error.code !== 'validation_failed') return null;
  const missing = (error.problem?.errors ?? []).filter(
    (e) => e.code === 'required' && e.params?.stage !== undefined,
  );
  if (missing.length === 0) return null;
  return t('opportunities.move.refused', {
    // Mid-sentence: "Enter amount", not "Enter Amount" (no effect on Chinese).
    fields: missing
      .map((e) => fieldLabel(e.path).toLocaleLowerCase())
      .join(t('opportunities.move.fieldSeparator')),
    stage: String(missing[0].params?.stage),
  });
}
