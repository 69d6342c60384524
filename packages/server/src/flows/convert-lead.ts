import type {
  Account,
  Contact,
  ConvertLeadInput,
  CreateAccountInput,
  CreateContactInput,
  CreateOpportunityInput,
  Lead,
  LeadConversion,
  PermissionObject,
} from '@guanxi/contract';
import { assertAccountLinkable, createAccount, getAccount } from '../modules/accounts/index.js';
import { relinkLeadActivities } from '../modules/activities/index.js';
import { createContact, getContact, updateContact } from '../modules/contacts/index.js';
import { lockLeadForConversion, markLeadConverted } from '../modules/leads/index.js';
import { createOpportunity } from '../modules/opportunities/index.js';
import type { Ctx } from '../platform/context.js';
import { duplicateError, findDuplicates } from '../platform/duplicates.js';
import { AppError } from '../platform/errors.js';
import { restrictedFields } from '../platform/permissions.js';
import { onTransaction } from '../platform/record-writes.js';

/** Drops the values the actor's role may not write on `object`: defaults never trip field rules. */
function writable<T>(ctx: Ctx, object: PermissionObject, values: Record<string, unknown>) {
  const { hidden, readOnly } = restrictedFields(ctx, object);
  const refused = new Set([...hidden, ...readOnly]);
  return Object.fromEntries(
    Object.entries(values).filter(([k, v]) => v !== null && v !== undefined && !refused.has(k)),
  ) as Partial<T>;
}

/** The account a lead becomes: its company (or, lacking one, the person's name) and origins. */
const accountFromLead = (ctx: Ctx, lead: Lead) =>
  writable<CreateAccountInput>(ctx, 'account', {
    name: lead.company ?? lead.name,
    industry: lead.industry,
    source: lead.source,
    campaign: lead.campaign,
    ownerId: lead.ownerId,
  });

const contactFromLead = (ctx: Ctx, lead: Lead) =>
  writable<CreateContactInput>(ctx, 'contact', {
    name: lead.name,
    title: lead.title,
    email: lead.email,
    phones: lead.phones.length > 0 ? lead.phones : undefined,
    wechat: lead.wechat,
    source: lead.source,
    campaign: lead.campaign,
    ownerId: lead.ownerId,
  });

/** A missing or invisible chosen record answers 404 naming the input field. */
async function chosen<T>(path: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      throw new AppError('not_found', `${path}: no such record`, {
        errors: [{ path, message: 'no such record', code: 'not_found' }],
      });
    }
    throw error;
  }
}

/**
 * Converts a lead (转化) in one transaction: creates or picks the account and the contact (the
 * duplicate check runs on the ones to create: 409 `duplicate` lists matching accounts and
 * contacts so the caller can pick them instead), optionally opens an opportunity, links the
 * lead's activities and tasks to them, and marks the lead converted. Source and campaign carry
 * over. Any failure rolls everything back.
 */
export async function convertLead(
  ctx: Ctx,
  leadId: string,
  input: ConvertLeadInput,
): Promise<LeadConversion> {
  return ctx.db.transaction(async (tx) => {
    const txCtx = onTransaction(ctx, tx);
    const lead = await lockLeadForConversion(txCtx, leadId);
    const accountInput =
      'create' in input.account
        ? ({ ...accountFromLead(txCtx, lead), ...input.account.create } as CreateAccountInput)
        : null;
    const contactInput =
      'create' in input.contact
        ? ({ ...contactFromLead(txCtx, lead), ...input.contact.create } as CreateContactInput)
        : null;
    if (!input.allowDuplicates) {
      const duplicates = [
        ...(accountInput ? await findDuplicates(txCtx, 'account', accountInput) : []),
        ...(contactInput ? await findDuplicates(txCtx, 'contact', contactInput) : []),
      ];
      if (duplicates.length > 0) throw duplicateError('lead', duplicates);
    }
    // Checked above, together: the creates below need not ask again.
    const writeCtx = { ...txCtx, allowDuplicates: true };

    let account: Account;
    if (accountInput) account = await createAccount(writeCtx, accountInput);
    else {
      const { id } = input.account as { id: string };
      await chosen('account.id', () => assertAccountLinkable(txCtx, id));
      account = await getAccount(txCtx, id);
    }

    let contact: Contact;
    if (contactInput) {
      contact = await createContact(writeCtx, { ...contactInput, accountId: account.id });
    } else {
      const { id } = input.contact as { id: string };
      contact = await chosen('contact.id', () => getContact(txCtx, id));
      if (!contact.accountId) {
        contact = await updateContact(writeCtx, { id, data: { accountId: account.id } });
      }
    }

    const opportunity = input.opportunity
      ? await createOpportunity(writeCtx, {
          ...writable<CreateOpportunityInput>(writeCtx, 'opportunity', {
            source: lead.source,
            campaign: lead.campaign,
            ownerId: lead.ownerId,
          }),
          ...input.opportunity,
          accountId: account.id,
          contactId: contact.id,
        })
      : null;

    const moved = await relinkLeadActivities(txCtx, leadId, {
      accountId: account.id,
      contactId: contact.id,
      opportunityId: opportunity?.id ?? null,
    });
    const converted = await markLeadConverted(txCtx, leadId, {
      accountId: account.id,
      contactId: contact.id,
      opportunityId: opportunity?.id ?? null,
      // A lead that joins an active customer is a customer; otherwise a deal is in the making.
      lifecycleStage: !opportunity && account.status === 'active' ? 'customer' : 'opportunity',
    });
    return {
      lead: converted,
      accountId: account.id,
      contactId: contact.id,
      opportunityId: opportunity?.id ?? null,
      created: { account: accountInput !== null, contact: contactInput !== null },
      moved,
    };
  });
}
