import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbRows } from '../../../test/db-state.js';
import {
  createTestAccount,
  createTestActivity,
  createTestContact,
  createTestLead,
  createTestOpportunity,
  createTestTask,
  createTestWorkspace,
} from '../../../test/factories/index.js';
import { testDatabase } from '../../../test/helpers.js';
import { relinkAll } from '../../platform/relinks.js';
import { updateTask } from '../tasks/index.js';
import { relinkLeadActivities } from './index.js';

type Links = {
  id: string;
  lead_id: string | null;
  account_id: string | null;
  contact_id: string | null;
  opportunity_id: string | null;
};
const linksOf = (table: 'activities' | 'tasks', ids: string[]) =>
  dbRows<Links>(
    sql`select id, lead_id, account_id, contact_id, opportunity_id from ${sql.identifier(table)}
        where id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}) order by id`,
  );

async function workspace() {
  const { db } = await testDatabase();
  const ws = await createTestWorkspace(db);
  return { ws, ctx: ws.admin.ctx };
}

describe('activity and task links when records merge or a lead converts', () => {
  it('moves every activity and task of a merged account to the survivor', async () => {
    const { ctx } = await workspace();
    const survivor = await createTestAccount(ctx, { name: 'Survivor' });
    const merged = await createTestAccount(ctx, { name: 'Merged' });
    const bystander = await createTestAccount(ctx, { name: 'Bystander' });
    const moving = [
      await createTestActivity(
        ctx,
        { accountId: merged.id },
        { occurredAt: '2025-05-01T00:00:00Z' },
      ),
      await createTestActivity(
        ctx,
        { accountId: merged.id },
        { occurredAt: '2025-04-01T00:00:00Z' },
      ),
    ];
    const staying = await createTestActivity(
      ctx,
      { accountId: survivor.id },
      { occurredAt: '2025-01-01T00:00:00Z' },
    );
    await createTestActivity(ctx, { accountId: bystander.id });
    const task = await createTestTask(ctx, { accountId: merged.id });
    const doneTask = await createTestTask(ctx, { accountId: merged.id });
    await updateTask(ctx, { id: doneTask.id, data: { status: 'done' } });

    const moved = await relinkAll(ctx, 'account', { from: merged.id, to: survivor.id });
    expect(moved).toMatchObject({ activities: 2, tasks: 2 });
    const activityLinks = await linksOf('activities', [...moving.map((a) => a.id), staying.id]);
    expect(activityLinks.every((a) => a.account_id === survivor.id)).toBe(true);
    const taskLinks = await linksOf('tasks', [task.id, doneTask.id]);
    expect(taskLinks.every((t) => t.account_id === survivor.id)).toBe(true);
    const accounts = await dbRows<{ id: string; at: Date | null }>(
      sql`select id, last_activity_at as at from accounts where id in (${survivor.id}, ${merged.id})`,
    );
    const at = Object.fromEntries(
      accounts.map((a) => [a.id, a.at && new Date(a.at).toISOString()]),
    );
    expect(at[survivor.id]).toBe('2025-05-01T00:00:00.000Z');
    expect(at[merged.id]).toBeNull();
    const [{ n }] = await dbRows<{ n: number }>(
      sql`select count(*)::int as n from activities where account_id = ${bystander.id}`,
    );
    expect(n).toBe(1);
  });

  it('moves links of merged contacts, leads and opportunities', async () => {
    const { ctx } = await workspace();
    const account = await createTestAccount(ctx);
    const [c1, c2] = [
      await createTestContact(ctx, { accountId: account.id }),
      await createTestContact(ctx, { accountId: account.id }),
    ];
    const [l1, l2] = [await createTestLead(ctx), await createTestLead(ctx)];
    const [o1, o2] = [
      await createTestOpportunity(ctx, account.id),
      await createTestOpportunity(ctx, account.id),
    ];
    const onContact = await createTestActivity(ctx, { contactId: c2.id });
    const onLead = await createTestActivity(ctx, { leadId: l2.id });
    const onOpportunity = await createTestActivity(ctx, { opportunityId: o2.id });
    const taskOnLead = await createTestTask(ctx, { leadId: l2.id });
    expect(await relinkAll(ctx, 'contact', { from: c2.id, to: c1.id })).toMatchObject({
      activities: 1,
      tasks: 0,
    });
    expect(await relinkAll(ctx, 'lead', { from: l2.id, to: l1.id })).toMatchObject({
      activities: 1,
      tasks: 1,
    });
    expect(await relinkAll(ctx, 'opportunity', { from: o2.id, to: o1.id })).toMatchObject({
      activities: 1,
      tasks: 0,
    });
    const [a, b, c] = await linksOf('activities', [onContact.id, onLead.id, onOpportunity.id]);
    expect([a.contact_id, b.lead_id, c.opportunity_id]).toEqual([c1.id, l1.id, o1.id]);
    expect((await linksOf('tasks', [taskOnLead.id]))[0].lead_id).toBe(l1.id);
  });

  it("attaches a converted lead's activities and open tasks to the new records", async () => {
    const { ctx } = await workspace();
    const lead = await createTestLead(ctx);
    const account = await createTestAccount(ctx);
    const contact = await createTestContact(ctx, { accountId: account.id });
    const opportunity = await createTestOpportunity(ctx, account.id);
    const activity = await createTestActivity(
      ctx,
      { leadId: lead.id },
      { occurredAt: '2025-06-01T00:00:00Z' },
    );
    const open = await createTestTask(ctx, { leadId: lead.id });
    const closed = await createTestTask(ctx, { leadId: lead.id });
    await updateTask(ctx, { id: closed.id, data: { status: 'cancelled' } });

    const result = await relinkLeadActivities(ctx, lead.id, {
      accountId: account.id,
      contactId: contact.id,
      opportunityId: opportunity.id,
    });
    expect(result).toEqual({ activities: 1, tasks: 1 });
    const [a] = await linksOf('activities', [activity.id]);
    expect(a).toMatchObject({
      lead_id: lead.id,
      account_id: account.id,
      contact_id: contact.id,
      opportunity_id: opportunity.id,
    });
    const [t, c] = await linksOf('tasks', [open.id, closed.id]);
    expect(t).toMatchObject({ lead_id: lead.id, account_id: account.id, contact_id: contact.id });
    expect(c).toMatchObject({ lead_id: lead.id, account_id: null });
    const [acc] = await dbRows<{ at: Date }>(
      sql`select last_activity_at as at from accounts where id = ${account.id}`,
    );
    expect(new Date(acc.at).toISOString()).toBe('2025-06-01T00:00:00.000Z');
  });
});
