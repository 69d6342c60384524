import type { AccountOverview, ListQuery, PermissionObject } from '@guanxi/contract';
import { getAccount } from '../modules/accounts/index.js';
import { listActivities } from '../modules/activities/index.js';
import { listContacts } from '../modules/contacts/index.js';
import { summarizeAccountOpportunities } from '../modules/opportunities/index.js';
import { listTasks } from '../modules/tasks/index.js';
import { type Ctx, withPlannedReads } from '../platform/context.js';
import { objectPermission } from '../platform/permissions.js';
import { rememberRecordName } from '../platform/record-names.js';

const DAY_MS = 86_400_000;

const query = (filter: Record<string, unknown>, sort: string, limit: number): ListQuery => ({
  filter: JSON.stringify(filter),
  sort,
  limit,
});

/** A panel's data, or null when the caller's role may not read that kind of record. */
const ifReadable = <T>(ctx: Ctx, object: PermissionObject, load: () => Promise<T>) =>
  objectPermission(ctx, object).read ? load() : Promise.resolve(null);

/**
 * The customer 360 page: the account with its contacts, deals, latest activities, open tasks and
 * the figures a rep looks at first, each within the caller's data scope and field access.
 */
export async function getAccountOverview(request: Ctx, id: string): Promise<AccountOverview> {
  // Every query of the page has the same text for any account, and each looks records up by
  // the account (or by id): their plans do not depend on which one, so each is planned once.
  const ctx = withPlannedReads(request);
  const account = await getAccount(ctx, id);
  // Every panel names the account; the page has it already.
  rememberRecordName(ctx, 'account', id, account.name);
  // PGlite runs one query at a time; sequential loads keep one request from queueing itself.
  const contacts = await ifReadable(ctx, 'contact', async () => {
    const page = await listContacts(ctx, query({ accountId: { eq: id } }, 'name', 200));
    return page.data;
  });
  const opportunities = await ifReadable(ctx, 'opportunity', () =>
    summarizeAccountOpportunities(ctx, id),
  );
  const activities = await ifReadable(ctx, 'activity', async () => {
    const page = await listActivities(ctx, query({ accountId: { eq: id } }, '-occurredAt', 20));
    return page.data;
  });
  const openTasks = await ifReadable(ctx, 'task', async () => {
    const page = await listTasks(
      ctx,
      // The account page's task panel asks the same, so this answer can fill it.
      query({ accountId: { eq: id }, status: { eq: 'open' } }, 'dueAt,dueDate', 50),
    );
    return page.data;
  });
  const lastActivityAt = account.lastActivityAt ?? null;
  return {
    account,
    kpis: {
      openPipeline: opportunities?.openPipeline ?? null,
      wonRevenue: opportunities?.wonRevenue ?? null,
      openOpportunities: opportunities ? opportunities.open.length : null,
      lastActivityAt,
      daysSinceLastActivity: lastActivityAt
        ? Math.floor((ctx.now().getTime() - Date.parse(lastActivityAt)) / DAY_MS)
        : null,
      lastWonAt: opportunities?.lastWonAt ?? null,
      openTasks: openTasks ? openTasks.length : null,
    },
    contacts,
    opportunities: opportunities
      ? { open: opportunities.open, closed: opportunities.closed }
      : null,
    activities,
    openTasks,
  };
}
