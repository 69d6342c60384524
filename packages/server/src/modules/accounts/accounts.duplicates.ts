import {
  matchKey,
  matchKeys,
  normalizeCompanyName,
  normalizeCreditCode,
  normalizePhone,
  websiteDomain,
} from '../../platform/duplicate-keys.js';

/** An account's duplicate-check keys: its name, credit code, website domain and phone. */
export const accountMatchKeys = (r: Record<string, unknown>): string[] =>
  matchKeys(
    matchKey('company', normalizeCompanyName(r.name as string | null)),
    matchKey('credit', normalizeCreditCode(r.creditCode as string | null)),
    matchKey('domain', websiteDomain(r.website as string | null)),
    matchKey('phone', normalizePhone(r.phone as string | null)),
  );
