import { matchKey, matchKeys, normalizeEmail, phoneKeys } from '../../platform/duplicate-keys.js';

/** A contact's duplicate-check keys: its email address and phone numbers. */
export const contactMatchKeys = (r: Record<string, unknown>): string[] =>
  matchKeys(matchKey('email', normalizeEmail(r.email as string | null)), ...phoneKeys(r.phones));
