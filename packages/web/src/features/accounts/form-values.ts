import type { Account, CreateAccountInput } from '@guanxi/contract';
import { textOrNull } from '../../lib/form-state';

/** What the account form edits: text as strings, choices as string | null. */
export type AccountFormValues = {
  name: string;
  industry: Account['industry'];
  size: Account['size'];
  tier: Account['tier'];
  status: Account['status'];
  source: Account['source'];
  campaign: string;
  creditCode: string;
  ownerId: string | null;
  country: string;
  province: string;
  city: string;
  address: string;
  website: string;
  phone: string;
  tags: string[];
  notes: string;
};

export const accountToValues = (
  account: Account | undefined,
  ownerId: string,
): AccountFormValues => ({
  name: account?.name ?? '',
  industry: account?.industry ?? null,
  size: account?.size ?? null,
  tier: account?.tier ?? null,
  status: account?.status ?? 'prospect',
  source: account?.source ?? null,
  campaign: account?.campaign ?? '',
  creditCode: account?.creditCode ?? '',
  // An account in the pool has no owner; editing it must not quietly give it one.
  ownerId: account ? account.ownerId : ownerId,
  country: account?.country ?? '',
  province: account?.province ?? '',
  city: account?.city ?? '',
  address: account?.address ?? '',
  website: account?.website ?? '',
  phone: account?.phone ?? '',
  tags: account?.tags ?? [],
  notes: account?.notes ?? '',
});

export const valuesToInput = (v: AccountFormValues): CreateAccountInput => ({
  name: v.name.trim(),
  industry: v.industry,
  size: v.size,
  tier: v.tier,
  status: v.status,
  source: v.source,
  campaign: textOrNull(v.campaign),
  creditCode: textOrNull(v.creditCode),
  ownerId: v.ownerId ?? undefined,
  country: textOrNull(v.country),
  province: textOrNull(v.province),
  city: textOrNull(v.city),
  address: textOrNull(v.address),
  website: textOrNull(v.website),
  phone: textOrNull(v.phone),
  tags: v.tags,
  notes: textOrNull(v.notes),
});
