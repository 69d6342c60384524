import type { PermissionObject } from '@guanxi/contract';
import type { Ctx } from './context.js';
import { AppError } from './errors.js';

/**
 * Validates the `custom` values of a record against the workspace's field definitions.
 * No object has custom field definitions yet, so any key is unknown and refused rather than
 * stored unchecked; the definitions table plugs in here.
 */
export async function validateCustomFields(
  _ctx: Ctx,
  object: PermissionObject,
  custom: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const keys = Object.keys(custom);
  if (keys.length > 0) {
    throw new AppError('validation_failed', `Unknown custom field for ${object}`, {
      errors: keys.map((k) => ({
        path: `custom.${k}`,
        message: 'no such custom field',
        code: 'unknown_field' as const,
      })),
    });
  }
  return {};
}
