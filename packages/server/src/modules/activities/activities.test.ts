import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbRows } from '../../../test/db-state.js';
import {
  createTestAccount,
  createTestContact,
  createTestLead,
  createTestOpportunity,
  createTestUser,
  createTestWorkspace,
  type TestUser,
} from '../../../test/factories/index.js';
import { type Client, logIn, signUp, testDatabase } from '../../../test/helpers.js';

/** Every activity row and trail of a workspace: what a refused request must leave unchanged. */
const activityState = async (workspaceId: string) => ({
  activities: await dbRows(
    sql`select * from activities where workspace_id = ${workspaceId} order by id`,
  ),
  audit: await dbRows(
    sql`select count(*)::int as n from audit_entries where workspace_id = ${workspaceId}`,
  ),
  accounts: await dbRows(
    sql`select id, last_activity_at from accounts where workspace_id = ${workspaceId} order by id`,
  ),
});

const lastActivityAt = async (accountId: string) => {
  const [row] = await dbRows<{ at: Date | null }>(
    sql`select last_activity_at as at from accounts where id = ${accountId}`,
  );
  return row.at ? new Date(row.at).toISOString() : null;
};

async function logActivity(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/activities', { kind: 'call', subject: 'Budget call', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('activities', () => {
  it('logs a visit with a check-in on an account and shows it on the timeline, newest first', async () => {
    const admin = await signUp();
    const account = (await admin.post('/accounts', { name: '上海云杉科技有限公司' })).json();
    const before = Date.now();
    const visit = await logActivity(admin, {
      kind: 'visit',
      subject: '拜访采购部',
      body: '讨论年度采购计划',
      durationMinutes: 90,
      outcome: '客户有意向',
      nextFollowUpAt: '2030-01-10T02:00:00.000Z',
      location: { address: '上海市浦东新区世纪大道100号', latitude: 31.2353, longitude: 121.5055 },
      accountId: account.id,
    });
    expect(visit).toMatchObject({
      kind: 'visit',
      subject: '拜访采购部',
      durationMinutes: 90,
      location: { address: '上海市浦东新区世纪大道100号', latitude: 31.2353, longitude: 121.5055 },
      accountId: account.id,
      accountName: '上海云杉科技有限公司',
      leadId: null,
      contactId: null,
      ownerId: admin.userId,
      version: 1,
    });
    expect(new Date(visit.occurredAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const older = await logActivity(admin, {
      subject: 'First call',
      occurredAt: '2025-01-01T08:00:00.000Z',
      accountId: account.id,
    });
    const filter = encodeURIComponent(JSON.stringify({ accountId: { eq: account.id } }));
    const timeline = (await admin.get(`/activities?filter=${filter}`)).json();
    expect(timeline.data.map((a: { id: string }) => a.id)).toEqual([visit.id, older.id]);

    const history = (await admin.get(`/activities/${visit.id}/history`)).json().data;
    expect(history[0].action).toBe('create');
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'location', old: null, new: visit.location },
        { field: 'accountId', old: null, new: account.id },
      ]),
    );
    const edited = await admin.patch(`/activities/${visit.id}`, { subject: '拜访财务部' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      subject: '拜访财务部',
      version: 2,
      body: '讨论年度采购计划',
    });
    const moved = await admin.patch(`/activities/${visit.id}`, {
      location: { address: '北京市海淀区中关村大街1号' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().location).toEqual({
      address: '北京市海淀区中关村大街1号',
      latitude: null,
      longitude: null,
    });
    const [update] = (await admin.get(`/activities/${visit.id}/history`)).json().data;
    expect(update.changes).toEqual([
      { field: 'location', old: visit.location, new: moved.json().location },
    ]);
  });

  it('refuses an activity without a link, in the future, or with half coordinates', async () => {
    const admin = await signUp();
    const account = (await admin.post('/accounts', { name: 'Northwind' })).json();
    const before = await activityState(admin.workspaceId);
    const none = await admin.post('/activities', { kind: 'note', subject: 'Orphan' });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors).toEqual([
      expect.objectContaining({ path: 'accountId', code: 'required' }),
    ]);
    const future = await admin.post('/activities', {
      kind: 'call',
      subject: 'Tomorrow',
      occurredAt: new Date(Date.now() + 86_400_000).toISOString(),
      accountId: account.id,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ path: 'occurredAt', code: 'invalid_value' });
    const half = await admin.post('/activities', {
      kind: 'visit',
      subject: 'Visit',
      location: { latitude: 31.2 },
      accountId: account.id,
    });
    expect(half.statusCode).toBe(400);
    expect(half.json().errors[0].path).toBe('location.latitude');
    const badKind = await admin.post('/activities', {
      kind: 'fax',
      subject: 'Fax',
      accountId: account.id,
    });
    expect(badKind.statusCode).toBe(400);
    expect(await activityState(admin.workspaceId)).toEqual(before);
  });

  it('fills in the account of a contact or an opportunity and refuses a mismatch', async () => {
    const { db } = await testDatabase();
    const ws = await createTestWorkspace(db);
    const admin = await logIn(ws.admin.email, ws.admin.password);
    const account = await createTestAccount(ws.admin.ctx, { name: 'Acme' });
    const otherAccount = await createTestAccount(ws.admin.ctx, { name: 'Globex' });
    const contact = await createTestContact(ws.admin.ctx, { accountId: account.id });
    const opportunity = await createTestOpportunity(ws.admin.ctx, account.id);
    const foreignContact = await createTestContact(ws.admin.ctx, { accountId: otherAccount.id });

    const viaContact = await logActivity(admin, { contactId: contact.id });
    expect(viaContact).toMatchObject({
      contactId: contact.id,
      contactName: contact.name,
      accountId: account.id,
      accountName: 'Acme',
    });
    const viaOpportunity = await logActivity(admin, { opportunityId: opportunity.id });
    expect(viaOpportunity).toMatchObject({
      opportunityId: opportunity.id,
      opportunityName: opportunity.name,
      accountId: account.id,
    });

    const before = await activityState(ws.workspaceId);
    const mismatch = await admin.post('/activities', {
      kind: 'call',
      subject: 'x',
      opportunityId: opportunity.id,
      contactId: foreignContact.id,
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0]).toMatchObject({ path: 'contactId', code: 'invalid_value' });
    const wrongAccount = await admin.post('/activities', {
      kind: 'call',
      subject: 'x',
      accountId: otherAccount.id,
      contactId: contact.id,
    });
    expect(wrongAccount.statusCode).toBe(400);
    expect(await activityState(ws.workspaceId)).toEqual(before);

    // Changing the contact moves the activity to that contact's account.
    const moved = await admin.patch(`/activities/${viaContact.id}`, {
      contactId: foreignContact.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      contactId: foreignContact.id,
      accountId: otherAccount.id,
    });
  });

  it('answers 404 for links the caller cannot see: out of scope, trashed, other workspace', async () => {
    const { db } = await testDatabase();
    const ws = await createTestWorkspace(db);
    const rep = await createTestUser(db, ws, { role: 'sales_rep' });
    const colleague = await createTestUser(db, ws, { role: 'sales_rep' });
    const client = await logIn(rep.email, rep.password);
    const theirs = await createTestAccount(colleague.ctx, { name: 'Not mine' });
    const theirLead = await createTestLead(colleague.ctx);
    const mine = await createTestAccount(rep.ctx, { name: 'Mine' });
    const trashed = await createTestAccount(rep.ctx, { name: 'Trashed' });
    expect((await client.delete(`/accounts/${trashed.id}`)).statusCode).toBe(204);
    const stranger = await signUp();
    const foreign = (await stranger.post('/accounts', { name: 'Elsewhere' })).json();

    const before = await activityState(ws.workspaceId);
    for (const [field, id] of [
      ['accountId', theirs.id],
      ['accountId', trashed.id],
      ['accountId', foreign.id],
      ['accountId', '0190f7a0-0000-7000-8000-000000000001'],
      ['leadId', theirLead.id],
    ] as const) {
      const res = await client.post('/activities', { kind: 'call', subject: 'x', [field]: id });
      expect(res.statusCode, `${field} ${id}`).toBe(404);
      expect(res.json().errors).toEqual([
        expect.objectContaining({ path: field, code: 'not_found' }),
      ]);
    }
    expect(await activityState(ws.workspaceId)).toEqual(before);
    const ok = await logActivity(client, { accountId: mine.id });
    expect(ok.ownerId).toBe(rep.userId);
  });

  it('keeps the account last activity time: newest wins, recomputed on edit, move and delete', async () => {
    const admin = await signUp();
    const a = (await admin.post('/accounts', { name: 'A' })).json();
    const b = (await admin.post('/accounts', { name: 'B' })).json();
    expect(a.lastActivityAt).toBeNull();
    const t1 = '2025-03-01T08:00:00.000Z';
    const t2 = '2025-03-05T08:00:00.000Z';
    const first = await logActivity(admin, { accountId: a.id, occurredAt: t2 });
    await logActivity(admin, { accountId: a.id, occurredAt: t1 });
    expect(await lastActivityAt(a.id)).toBe(t2);
    expect((await admin.get(`/accounts/${a.id}`)).json()).toMatchObject({
      lastActivityAt: t2,
      version: 1,
    });

    // Moved back in time: the other activity is now the newest.
    await admin.patch(`/activities/${first.id}`, { occurredAt: '2025-02-01T08:00:00.000Z' });
    expect(await lastActivityAt(a.id)).toBe(t1);
    // Moved to another account: both follow.
    await admin.patch(`/activities/${first.id}`, { accountId: b.id, occurredAt: t2 });
    expect(await lastActivityAt(a.id)).toBe(t1);
    expect(await lastActivityAt(b.id)).toBe(t2);
    // Deleted: the account has none left; restored: back again.
    expect((await admin.delete(`/activities/${first.id}`)).statusCode).toBe(204);
    expect(await lastActivityAt(b.id)).toBeNull();
    expect((await admin.post(`/activities/${first.id}/restore`)).statusCode).toBe(200);
    expect(await lastActivityAt(b.id)).toBe(t2);
    // Sortable in the account list.
    const sorted = (await admin.get('/accounts?sort=-lastActivityAt')).json().data;
    expect(sorted.map((x: { name: string }) => x.name)).toEqual(['B', 'A']);
  });

  it("moves the lead's last activity time forward", async () => {
    const { db } = await testDatabase();
    const ws = await createTestWorkspace(db);
    const admin = await logIn(ws.admin.email, ws.admin.password);
    const lead = await createTestLead(ws.admin.ctx);
    await logActivity(admin, { leadId: lead.id, occurredAt: '2025-03-05T08:00:00.000Z' });
    await logActivity(admin, { leadId: lead.id, occurredAt: '2025-03-01T08:00:00.000Z' });
    const got = (await admin.get(`/leads/${lead.id}`)).json();
    expect(got.lastActivityAt).toBe('2025-03-05T08:00:00.000Z');
  });

  describe('permissions', () => {
    async function team() {
      const { db } = await testDatabase();
      const ws = await createTestWorkspace(db);
      const people: Record<'rep' | 'other', TestUser> = {
        rep: await createTestUser(db, ws, { role: 'sales_rep' }),
        other: await createTestUser(db, ws, { role: 'sales_rep' }),
      };
      return { db, ws, people };
    }

    it('a rep sees only their own activities; others answer 404 and stay unchanged', async () => {
      const { ws, people } = await team();
      const shared = await createTestAccount(ws.admin.ctx, { name: 'Shared' });
      const admin = await logIn(ws.admin.email, ws.admin.password);
      const repAccount = await createTestAccount(people.rep.ctx);
      const otherAccount = await createTestAccount(people.other.ctx);
      const rep = await logIn(people.rep.email, people.rep.password);
      const other = await logIn(people.other.email, people.other.password);
      const mine = await logActivity(rep, { accountId: repAccount.id });
      const theirs = await logActivity(other, { accountId: otherAccount.id });
      const adminOwn = await logActivity(admin, { accountId: shared.id });

      const list = (await rep.get('/activities')).json().data;
      expect(list.map((a: { id: string }) => a.id)).toEqual([mine.id]);
      expect((await admin.get('/activities')).json().data).toHaveLength(3);
      const before = await activityState(ws.workspaceId);
      for (const res of [
        await rep.get(`/activities/${theirs.id}`),
        await rep.patch(`/activities/${theirs.id}`, { subject: 'hijack' }),
        await rep.delete(`/activities/${adminOwn.id}`),
      ]) {
        expect(res.statusCode).toBe(404);
      }
      expect(await activityState(ws.workspaceId)).toEqual(before);
    });

    it('a role without activity rights gets 403; hidden fields come back empty', async () => {
      const admin = await signUp();
      const account = (await admin.post('/accounts', { name: 'Acme' })).json();
      const roles = (await admin.get('/roles')).json().data;
      const repRole = roles.find((r: { builtinKey: string }) => r.builtinKey === 'sales_rep');
      const permissions = structuredClone(repRole.permissions);
      permissions.objects.activity = {
        ...permissions.objects.activity,
        scope: 'all',
        fields: { body: 'hidden' },
      };
      const limited = await admin.post('/roles', { name: 'No bodies', permissions });
      expect(limited.statusCode, limited.body).toBe(201);
      permissions.objects.activity = {
        create: false,
        read: false,
        update: false,
        delete: false,
        scope: 'own',
      };
      const none = await admin.post('/roles', { name: 'No activities', permissions });
      const { db } = await testDatabase();
      const ws = { workspaceId: admin.workspaceId, rootDepartmentId: null };
      const make = async (roleId: string) => {
        const user = await createTestUser(db, { ...ws, roleIds: { sales_rep: roleId } } as never);
        return logIn(user.email, user.password);
      };
      const reader = await make(limited.json().id);
      const blocked = await make(none.json().id);
      const logged = await logActivity(admin, { accountId: account.id, body: 'secret terms' });

      const seen = (await reader.get(`/activities/${logged.id}`)).json();
      expect(seen).toMatchObject({ subject: 'Budget call', body: null });
      const write = await reader.patch(`/activities/${logged.id}`, { body: 'x' });
      expect(write.statusCode).toBe(400);
      expect(write.json().errors[0]).toMatchObject({ path: 'body', code: 'not_permitted' });
      const search = (await reader.get('/activities?q=secret')).json().data;
      expect(search).toEqual([]);
      expect((await blocked.get('/activities')).statusCode).toBe(403);
      expect(
        (await blocked.post('/activities', { kind: 'note', subject: 'x', accountId: account.id }))
          .statusCode,
      ).toBe(403);
    });
  });
});
