import {
  emailDomain,
  matchKey,
  matchKeys,
  normalizeCompanyName,
  normalizeEmail,
  phoneKeys,
} from '../../platform/duplicate-keys.js';

/** A lead's duplicate-check keys: email address (and its company domain), phones, company. */
export const leadMatchKeys = (r: Record<string, unknown>): string[] =>
  matchKeys(
    matchKey('email', normalizeEmail(r.email as string | null)),
    matchKey('domain', emailDomain(r.email as string | null)),
    matchKey('company', normalizeCompanyName(r.company as string | null)),
    ...phoneKeys(r.phones),
  );
