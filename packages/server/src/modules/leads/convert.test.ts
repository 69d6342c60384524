import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbRows, storedRecord, workspaceState } from '../../../test/db-state.js';
import { type Client, signUp } from '../../../test/helpers.js';
import { created, fullAccess, memberWithRole } from './test-support.js';

const LEAD = {
  name: '李娜',
  company: '上海云杉科技有限公司',
  title: '采购经理',
  email: 'li.na@yunshan.cn',
  phones: [{ label: 'mobile', number: '+86 138 0013 8000' }],
  wechat: 'lina_ys',
  source: 'trade_show',
  campaign: '2025 春季展会',
  industry: 'software',
};

/** Everything a conversion could write, beyond workspaceState: opportunities, activities, tasks. */
async function fullState(workspaceId: string) {
  const rows = (table: string) =>
    dbRows(
      sql`select * from ${sql.identifier(table)} where workspace_id = ${workspaceId} order by id`,
    );
  return {
    ...(await workspaceState(workspaceId)),
    opportunities: await rows('opportunities'),
    activities: await rows('activities'),
    tasks: await rows('tasks'),
  };
}

const convert = (client: Client, id: string, body: Record<string, unknown> = {}) =>
  client.post(`/leads/${id}/convert`, body);

describe('lead conversion', () => {
  it('creates account, contact and opportunity from the lead, keeps source and campaign, moves its activities', async () => {
    const admin = await signUp();
    const lead = await created(admin, '/leads', LEAD);
    const activity = await created(admin, '/activities', {
      kind: 'call',
      subject: '首次电话沟通',
      leadId: lead.id,
    });
    const res = await convert(admin, lead.id, {
      account: { create: { tier: 'A' } },
      opportunity: { name: 'CRM 系统采购', amount: '120000', currency: 'CNY' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out.created).toEqual({ account: true, contact: true });
    expect(out.moved).toMatchObject({ activities: 1 });

    const account = (await admin.get(`/accounts/${out.accountId}`)).json();
    expect(account).toMatchObject({
      name: '上海云杉科技有限公司',
      industry: 'software',
      tier: 'A',
      source: 'trade_show',
      campaign: '2025 春季展会',
      ownerId: admin.userId,
    });
    const contact = (await admin.get(`/contacts/${out.contactId}`)).json();
    expect(contact).toMatchObject({
      name: '李娜',
      title: '采购经理',
      email: 'li.na@yunshan.cn',
      wechat: 'lina_ys',
      accountId: out.accountId,
      source: 'trade_show',
      campaign: '2025 春季展会',
    });
    expect(contact.phones).toEqual([{ label: 'mobile', number: '+86 138 0013 8000' }]);
    const opportunity = (await admin.get(`/opportunities/${out.opportunityId}`)).json();
    expect(opportunity).toMatchObject({
      name: 'CRM 系统采购',
      amount: '120000.00',
      currency: 'CNY',
      accountId: out.accountId,
      contactId: out.contactId,
      source: 'trade_show',
      campaign: '2025 春季展会',
    });
    expect(out.lead).toMatchObject({
      id: lead.id,
      status: 'converted',
      lifecycleStage: 'opportunity',
      convertedAccountId: out.accountId,
      convertedContactId: out.contactId,
      convertedOpportunityId: out.opportunityId,
      // The lead keeps its data.
      email: 'li.na@yunshan.cn',
      company: '上海云杉科技有限公司',
    });
    expect(out.lead.convertedAt).not.toBeNull();
    const moved = (await admin.get(`/activities/${activity.id}`)).json();
    expect(moved).toMatchObject({
      leadId: lead.id,
      accountId: out.accountId,
      contactId: out.contactId,
      opportunityId: out.opportunityId,
    });

    const history = (await admin.get(`/leads/${lead.id}/history`)).json().data;
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'status', old: 'new', new: 'converted' },
        { field: 'convertedAccountId', old: null, new: out.accountId },
      ]),
    );
    const [event] = await dbRows<{ type: string }>(
      sql`select type from outbox_events where record_id = ${lead.id} and type = 'lead.converted'`,
    );
    expect(event).toBeDefined();
  });

  it('uses an existing account and contact, linking the contact to the account', async () => {
    const admin = await signUp();
    const account = await created(admin, '/accounts', {
      name: 'Bluepeak Energy Inc.',
      status: 'active',
    });
    const contact = await created(admin, '/contacts', { name: 'Tom Baker' });
    const lead = await created(admin, '/leads', { name: 'Tom Baker', company: 'Bluepeak' });
    const res = await convert(admin, lead.id, {
      account: { id: account.id },
      contact: { id: contact.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      accountId: account.id,
      contactId: contact.id,
      opportunityId: null,
      created: { account: false, contact: false },
      lead: { status: 'converted', lifecycleStage: 'customer' },
    });
    expect((await admin.get(`/contacts/${contact.id}`)).json().accountId).toBe(account.id);
    expect((await admin.get('/accounts')).json().data).toHaveLength(1);
  });

  it('answers 409 duplicate with the matching account and contact, and writes nothing', async () => {
    const admin = await signUp();
    const account = await created(admin, '/accounts', { name: '上海云杉科技' });
    const contact = await created(admin, '/contacts', { name: '李娜', email: 'LI.NA@yunshan.cn' });
    const lead = await created(admin, '/leads?allowDuplicates=true', LEAD);
    const before = await fullState(admin.workspaceId);
    const res = await convert(admin, lead.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('duplicate');
    expect(res.json().duplicates).toEqual([
      expect.objectContaining({ object: 'account', id: account.id, matchedOn: ['name'] }),
      expect.objectContaining({ object: 'contact', id: contact.id, matchedOn: ['email'] }),
    ]);
    expect(await fullState(admin.workspaceId)).toEqual(before);

    const forced = await convert(admin, lead.id, { allowDuplicates: true });
    expect(forced.statusCode, forced.body).toBe(200);
    expect(forced.json().created).toEqual({ account: true, contact: true });
  });

  it('refuses to convert twice, and a converted lead keeps its status', async () => {
    const admin = await signUp();
    const lead = await created(admin, '/leads', LEAD);
    expect((await convert(admin, lead.id)).statusCode).toBe(200);
    const before = await fullState(admin.workspaceId);
    const again = await convert(admin, lead.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('conflict');
    const back = await admin.patch(`/leads/${lead.id}`, { status: 'working' });
    expect(back.statusCode).toBe(409);
    expect(back.json().errors[0]).toMatchObject({ path: 'status', code: 'read_only' });
    expect(await fullState(admin.workspaceId)).toEqual(before);
    // Its other data stays editable.
    expect((await admin.patch(`/leads/${lead.id}`, { notes: '已转化' })).statusCode).toBe(200);
  });

  it('rolls everything back when a step fails (an unknown opportunity stage)', async () => {
    const admin = await signUp();
    const lead = await created(admin, '/leads', LEAD);
    await created(admin, '/activities', { kind: 'note', subject: '备注', leadId: lead.id });
    const before = await fullState(admin.workspaceId);
    const res = await convert(admin, lead.id, {
      opportunity: { name: 'Deal', stageId: '01900000-0000-7000-8000-000000000000' },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(await fullState(admin.workspaceId)).toEqual(before);
    expect((await storedRecord('leads', lead.id)).status).toBe('new');
  });

  it('needs a visible lead and visible chosen records; other workspaces are unreachable', async () => {
    const admin = await signUp();
    const rep = await memberWithRole(admin, {
      account: fullAccess('own'),
      contact: fullAccess('own'),
      lead: fullAccess('own'),
      opportunity: fullAccess('own'),
      activity: fullAccess('own'),
      task: fullAccess('own'),
    });
    const adminLead = await created(admin, '/leads', { name: 'Admin lead' });
    const adminAccount = await created(admin, '/accounts', { name: 'Admin account' });
    const repLead = await created(rep, '/leads', { name: 'Rep lead', company: 'Rep Co' });
    const outsider = await signUp();
    const viewer = await memberWithRole(admin, {
      lead: { ...fullAccess('all'), create: false, update: false, delete: false },
    });
    const before = await fullState(admin.workspaceId);
    expect((await convert(rep, adminLead.id)).statusCode).toBe(404);
    expect((await convert(outsider, repLead.id)).statusCode).toBe(404);
    const hidden = await convert(rep, repLead.id, { account: { id: adminAccount.id } });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().errors[0]).toMatchObject({ path: 'account.id', code: 'not_found' });
    const noLead = await convert(admin, '01900000-0000-7000-8000-000000000000');
    expect(noLead.statusCode).toBe(404);
    expect((await convert(viewer, repLead.id)).statusCode).toBe(403);
    expect(await fullState(admin.workspaceId)).toEqual(before);

    const ok = await convert(rep, repLead.id);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await rep.get(`/accounts/${ok.json().accountId}`)).json()).toMatchObject({
      name: 'Rep Co',
      ownerId: rep.userId,
    });
  });
});
