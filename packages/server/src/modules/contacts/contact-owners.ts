import { eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { type ClaimFollower, transferOwnedRecords } from '../../platform/ownership.js';
import { contactObject } from './contacts.service.js';
import { contacts } from './contacts.tables.js';

/** Every contact `fromUserId` owns (the trash included) goes to `toUserId`. */
export const transferContacts = (ctx: Ctx, args: { fromUserId: string; toUserId: string }) =>
  transferOwnedRecords(ctx, contactObject, args);

/**
 * When someone claims an account from the pool, the contacts at it that its former owner had
 * come with it (as Salesforce moves the previous owner's contacts on an account owner change):
 * whoever works the account needs its people. Contacts owned by anyone else stay theirs.
 */
export const followAccountClaim: ClaimFollower = (ctx, { recordId, fromUserId, toUserId }) =>
  transferOwnedRecords(ctx, contactObject, {
    fromUserId,
    toUserId,
    where: eq(contacts.accountId, recordId),
  });
