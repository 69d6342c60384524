import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbRows } from '../../../test/db-state.js';
import {
  createTestAccount,
  createTestActivity,
  createTestDepartment,
  createTestLead,
  createTestOpportunity,
  createTestTask,
  createTestUser,
  createTestWorkspace,
  type TestUser,
} from '../../../test/factories/index.js';
import { type Client, logIn, testDatabase } from '../../../test/helpers.js';
import { rowsOf } from '../../db/client.js';
import { BUILTIN_ROLES } from '../../platform/permissions.js';

const onPostgres = process.env.TEST_DB === 'postgres';

// Activities and tasks are "controlled by their parent": readable by whoever can see the
// account, lead or opportunity they are about, changeable only within the owner's data scope.

/** What a refused write could have changed: every activity and task, and the audit trail. */
const writableState = async (workspaceId: string) => ({
  activities: await dbRows(
    sql`select * from activities where workspace_id = ${workspaceId} order by id`,
  ),
  tasks: await dbRows(sql`select * from tasks where workspace_id = ${workspaceId} order by id`),
  audit: await dbRows(
    sql`select count(*)::int as n from audit_entries where workspace_id = ${workspaceId}`,
  ),
  outbox: await dbRows(
    sql`select count(*)::int as n from outbox_events where workspace_id = ${workspaceId}`,
  ),
});

const ids = (records: { id: string }[]) => records.map((r) => r.id).sort();
const listIds = async (client: Client, path: string) => {
  const res = await client.get(path);
  expect(res.statusCode, res.body).toBe(200);
  return ids(res.json().data);
};
const byAccount = (accountId: string) =>
  `/activities?filter=${encodeURIComponent(JSON.stringify({ accountId: { eq: accountId } }))}`;

/**
 * East: a manager over two reps; West: one rep. Each rep owns an account; the admin owns one at
 * the top. Activities: the manager's visit on rep 1's account, the admin's note on it, rep 2's
 * and the West rep's calls on their own accounts.
 */
async function team() {
  const { db } = await testDatabase();
  const ws = await createTestWorkspace(db);
  const east = await createTestDepartment(db, ws, 'East', ws.rootDepartmentId);
  const west = await createTestDepartment(db, ws, 'West', ws.rootDepartmentId);
  const user = (role: 'sales_manager' | 'sales_rep', departmentId: string) =>
    createTestUser(db, ws, { role, departmentId });
  const people = {
    manager: await user('sales_manager', east),
    rep: await user('sales_rep', east),
    colleague: await user('sales_rep', east),
    west: await user('sales_rep', west),
  };
  const accounts = {
    rep: await createTestAccount(people.rep.ctx, { name: 'Rep account' }),
    colleague: await createTestAccount(people.colleague.ctx, { name: 'Colleague account' }),
    west: await createTestAccount(people.west.ctx, { name: 'West account' }),
    admin: await createTestAccount(ws.admin.ctx, { name: 'Admin account' }),
  };
  const log = (who: TestUser, accountId: string, subject: string) =>
    createTestActivity(who.ctx, { accountId }, { subject });
  const activities = {
    managerVisit: await log(people.manager, accounts.rep.id, 'Manager visit'),
    adminNote: await log(ws.admin, accounts.rep.id, 'Admin note'),
    repCall: await log(people.rep, accounts.rep.id, 'Rep call'),
    colleagueCall: await log(people.colleague, accounts.colleague.id, 'Colleague call'),
    westCall: await log(people.west, accounts.west.id, 'West call'),
    adminCall: await log(ws.admin, accounts.admin.id, 'Admin call'),
  };
  const client = async (who: TestUser) => logIn(who.email, who.password);
  return { db, ws, people, accounts, activities, client };
}

describe('activities readable through the record they are about', () => {
  it('a rep reads the manager visit on their account: get, list, timeline, overview, history', async () => {
    const { people, accounts, activities: a, client } = await team();
    const rep = await client(people.rep);

    const visit = await rep.get(`/activities/${a.managerVisit.id}`);
    expect(visit.statusCode, visit.body).toBe(200);
    expect(visit.json()).toMatchObject({
      subject: 'Manager visit',
      ownerId: people.manager.userId,
      accountId: accounts.rep.id,
      accountName: 'Rep account',
    });
    const onMyAccount = [a.managerVisit.id, a.adminNote.id, a.repCall.id].sort();
    expect(await listIds(rep, '/activities')).toEqual(onMyAccount);
    expect(await listIds(rep, byAccount(accounts.rep.id))).toEqual(onMyAccount);
    const overview = (await rep.get(`/accounts/${accounts.rep.id}/overview`)).json();
    expect(ids(overview.activities)).toEqual(onMyAccount);
    const history = await rep.get(`/activities/${a.managerVisit.id}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.json().data[0]).toMatchObject({ action: 'create' });
  });

  it('a rep may not change, delete or restore what they only read (403), and nothing changes', async () => {
    const { ws, people, activities: a, client } = await team();
    const rep = await client(people.rep);
    const manager = await client(people.manager);
    const before = await writableState(ws.workspaceId);
    for (const res of [
      await rep.patch(`/activities/${a.managerVisit.id}`, { subject: 'Rewritten' }),
      await rep.patch(`/activities/${a.adminNote.id}`, { subject: 'x' }, { 'if-match': '"1"' }),
      await rep.delete(`/activities/${a.managerVisit.id}`),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toMatchObject({ code: 'forbidden', status: 403 });
    }
    expect(await writableState(ws.workspaceId)).toEqual(before);

    // In the trash it is the manager's to restore; the rep's trash does not list it.
    expect((await manager.delete(`/activities/${a.managerVisit.id}`)).statusCode).toBe(204);
    const trashed = await writableState(ws.workspaceId);
    expect((await rep.post(`/activities/${a.managerVisit.id}/restore`)).statusCode).toBe(403);
    expect(await writableState(ws.workspaceId)).toEqual(trashed);
    expect(await listIds(rep, '/activities?deleted=true')).toEqual([]);
    expect(await listIds(manager, '/activities?deleted=true')).toEqual([a.managerVisit.id]);
    // Deleted, it is no longer readable; the owner restores it.
    expect((await rep.get(`/activities/${a.managerVisit.id}`)).statusCode).toBe(404);
    expect((await manager.post(`/activities/${a.managerVisit.id}/restore`)).statusCode).toBe(200);
    expect((await rep.get(`/activities/${a.managerVisit.id}`)).statusCode).toBe(200);
  });

  it('a rep does not see activities on accounts outside their scope (404, not listed)', async () => {
    const { ws, people, accounts, activities: a, client } = await team();
    const rep = await client(people.rep);
    const before = await writableState(ws.workspaceId);
    for (const activity of [a.colleagueCall, a.westCall, a.adminCall]) {
      expect((await rep.get(`/activities/${activity.id}`)).statusCode).toBe(404);
      expect((await rep.get(`/activities/${activity.id}/history`)).statusCode).toBe(404);
      const write = await rep.patch(`/activities/${activity.id}`, { subject: 'x' });
      expect(write.statusCode).toBe(404);
    }
    expect(await listIds(rep, byAccount(accounts.colleague.id))).toEqual([]);
    expect(await listIds(rep, `/activities?q=${encodeURIComponent('West call')}`)).toEqual([]);
    expect(await listIds(rep, `/activities?q=${encodeURIComponent('Rep call')}`)).toEqual([
      a.repCall.id,
    ]);
    expect(await writableState(ws.workspaceId)).toEqual(before);
  });

  it('a department manager sees colleagues and outsiders on department accounts, not beyond', async () => {
    const { people, accounts, activities: a, client } = await team();
    const manager = await client(people.manager);
    // Own scope: the manager's and the department reps' activities; through the rep's account:
    // the admin's note, though the admin is outside the department.
    expect(await listIds(manager, '/activities')).toEqual(
      ids([a.managerVisit, a.adminNote, a.repCall, a.colleagueCall]),
    );
    expect((await manager.get(`/activities/${a.adminNote.id}`)).statusCode).toBe(200);
    expect((await manager.get(`/activities/${a.westCall.id}`)).statusCode).toBe(404);
    const overview = (await manager.get(`/accounts/${accounts.rep.id}/overview`)).json();
    expect(ids(overview.activities)).toEqual(ids([a.managerVisit, a.adminNote, a.repCall]));
    // The department's own activities stay the manager's to edit; the admin's note does not.
    expect(
      (await manager.patch(`/activities/${a.colleagueCall.id}`, { subject: 'Reviewed' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await manager.patch(`/activities/${a.adminNote.id}`, { subject: 'x' })).statusCode,
    ).toBe(403);
  });

  it('pages through own and read-through activities in order, each once, in any sort', async () => {
    const { ws, people, accounts, activities: a, client } = await team();
    const lead = await createTestLead(people.rep.ctx);
    const extra = [
      await createTestActivity(people.manager.ctx, { accountId: accounts.rep.id }),
      await createTestActivity(people.rep.ctx, { accountId: accounts.rep.id }),
      await createTestActivity(ws.admin.ctx, { leadId: lead.id }),
      await createTestActivity(ws.admin.ctx, { leadId: lead.id }),
      await createTestActivity(people.rep.ctx, { leadId: lead.id }),
    ];
    const visible = [a.managerVisit, a.adminNote, a.repCall, ...extra];
    const rep = await client(people.rep);
    for (const sort of ['-occurredAt', 'subject', '-durationMinutes']) {
      const all = (await rep.get(`/activities?sort=${sort}&limit=200`)).json().data;
      expect(ids(all)).toEqual(ids(visible));
      const paged: { id: string }[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/activities?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await rep.get(url)).json();
        expect(page.data.length).toBeLessThanOrEqual(2);
        paged.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged.map((r) => r.id)).toEqual(all.map((r: { id: string }) => r.id));
    }
  });

  it('reads the same through many parents (over a thousand accounts) as through a few', async () => {
    const { db, ws, people, activities: a, client } = await team();
    const rep = await client(people.rep);
    const few = await listIds(rep, '/activities');
    // Bulk accounts for the rep (a book past the threshold where the list query changes shape).
    await db.execute(sql`
      insert into accounts (workspace_id, id, name, owner_id)
      select ${ws.workspaceId}, gen_random_uuid(), 'Bulk ' || n, ${people.rep.userId}
      from generate_series(1, 1001) as n`);
    expect(await listIds(rep, '/activities')).toEqual(few);
    expect(few).toEqual(ids([a.managerVisit, a.adminNote, a.repCall]));
    const page = (await rep.get('/activities?limit=2')).json();
    expect(page.data).toHaveLength(2);
    const rest = (await rep.get(`/activities?limit=2&cursor=${page.nextCursor}`)).json();
    expect(ids([...page.data, ...rest.data])).toEqual(few);
  });

  it('the admin sees every activity', async () => {
    const { ws, activities: a, client } = await team();
    const admin = await client(ws.admin);
    expect(await listIds(admin, '/activities')).toEqual(ids(Object.values(a)));
  });

  it('reads through a lead and an opportunity, each only while the parent is visible and live', async () => {
    const { ws, people, accounts, client } = await team();
    const lead = await createTestLead(people.rep.ctx);
    // The rep's opportunity on the West rep's account: readable through the opportunity only.
    const opportunity = await createTestOpportunity(ws.admin.ctx, accounts.west.id, {
      ownerId: people.rep.userId,
    });
    const onLead = await createTestActivity(ws.admin.ctx, { leadId: lead.id });
    const onDeal = await createTestActivity(ws.admin.ctx, { opportunityId: opportunity.id });
    expect(onDeal.accountId).toBe(accounts.west.id);
    const rep = await client(people.rep);
    const west = await client(people.west);
    expect((await rep.get(`/activities/${onLead.id}`)).statusCode).toBe(200);
    expect((await rep.get(`/activities/${onDeal.id}`)).statusCode).toBe(200);
    expect(await listIds(rep, '/activities')).toEqual(
      expect.arrayContaining([onLead.id, onDeal.id]),
    );
    // The West rep sees the deal's activity through the account, not the lead's.
    expect((await west.get(`/activities/${onDeal.id}`)).statusCode).toBe(200);
    expect((await west.get(`/activities/${onLead.id}`)).statusCode).toBe(404);

    // A parent in the trash no longer opens its activities.
    expect((await rep.delete(`/leads/${lead.id}`)).statusCode).toBe(204);
    expect((await rep.get(`/activities/${onLead.id}`)).statusCode).toBe(404);
    expect(await listIds(rep, '/activities')).not.toContain(onLead.id);
  });

  it('a role without read on accounts gains nothing through accounts', async () => {
    const { db, ws, accounts, activities: a, client } = await team();
    const admin = await client(ws.admin);
    const objects = structuredClone(BUILTIN_ROLES.sales_rep.permissions.objects);
    objects.account = { create: false, read: false, update: false, delete: false, scope: 'own' };
    const role = await admin.post('/roles', {
      name: 'Activities without accounts',
      permissions: { objects, manageWorkspace: false },
    });
    expect(role.statusCode, role.body).toBe(201);
    const blind = await createTestUser(db, {
      ...ws,
      roleIds: { ...ws.roleIds, sales_rep: role.json().id },
    });
    // The account is theirs, but their role may not read accounts.
    const patched = await admin.patch(`/accounts/${accounts.admin.id}`, {
      ownerId: blind.userId,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const lead = await createTestLead(ws.admin.ctx, { ownerId: blind.userId });
    const onLead = await createTestActivity(ws.admin.ctx, { leadId: lead.id });
    const viewer = await client(blind);
    expect((await viewer.get(`/activities/${a.adminCall.id}`)).statusCode).toBe(404);
    // Leads it may read: those open their activities.
    expect(await listIds(viewer, '/activities')).toEqual([onLead.id]);
  });
});

describe('tasks readable through the record they are about', () => {
  it('a rep sees the manager task on their account, may not complete it, and it is not theirs to do', async () => {
    const { ws, people, accounts, client } = await team();
    const managerTask = await createTestTask(people.manager.ctx, {
      title: 'Call the CFO',
      accountId: accounts.rep.id,
    });
    const westTask = await createTestTask(people.west.ctx, { accountId: accounts.west.id });
    const privateTask = await createTestTask(people.manager.ctx, { title: 'Review pipeline' });
    const rep = await client(people.rep);

    expect((await rep.get(`/tasks/${managerTask.id}`)).json()).toMatchObject({
      title: 'Call the CFO',
      ownerId: people.manager.userId,
    });
    expect(await listIds(rep, '/tasks')).toEqual([managerTask.id]);
    const overview = (await rep.get(`/accounts/${accounts.rep.id}/overview`)).json();
    expect(ids(overview.openTasks)).toEqual([managerTask.id]);
    for (const id of [westTask.id, privateTask.id]) {
      expect((await rep.get(`/tasks/${id}`)).statusCode).toBe(404);
    }
    const mine = (await rep.get('/tasks/mine')).json();
    expect([...mine.overdue, ...mine.today, ...mine.upcoming]).toEqual([]);

    const before = await writableState(ws.workspaceId);
    const done = await rep.patch(`/tasks/${managerTask.id}`, { status: 'done' });
    expect(done.statusCode, done.body).toBe(403);
    expect((await rep.delete(`/tasks/${managerTask.id}`)).statusCode).toBe(403);
    expect(await writableState(ws.workspaceId)).toEqual(before);
  });
});

describe('the owner of each linked record, kept on activities and tasks', () => {
  const kept = async (table: 'activities' | 'tasks', id: string) =>
    (
      await dbRows(
        sql`select lead_owner_id, account_owner_id, opportunity_owner_id from ${sql.identifier(table)} where id = ${id}`,
      )
    )[0];

  it('a transfer of the account moves what each side reads through it, tasks too', async () => {
    const { ws, people, accounts, activities: a, client } = await team();
    const task = await createTestTask(people.manager.ctx, { accountId: accounts.rep.id });
    const admin = await client(ws.admin);
    const rep = await client(people.rep);
    const colleague = await client(people.colleague);
    expect(await listIds(colleague, '/activities')).toEqual([a.colleagueCall.id]);

    const moved = await admin.patch(`/accounts/${accounts.rep.id}`, {
      ownerId: people.colleague.userId,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // The colleague now reads the manager's visit and the admin's note; the rep keeps only
    // what the rep logged.
    expect(await listIds(colleague, '/activities')).toEqual(
      ids([a.managerVisit, a.adminNote, a.repCall, a.colleagueCall]),
    );
    expect((await colleague.get(`/activities/${a.managerVisit.id}`)).statusCode).toBe(200);
    expect(await listIds(rep, '/activities')).toEqual([a.repCall.id]);
    expect((await rep.get(`/activities/${a.managerVisit.id}`)).statusCode).toBe(404);
    expect(await listIds(colleague, '/tasks')).toEqual([task.id]);
    expect(await listIds(rep, '/tasks')).toEqual([]);
    expect(await kept('tasks', task.id)).toEqual({
      lead_owner_id: null,
      account_owner_id: people.colleague.userId,
      opportunity_owner_id: null,
    });
  });

  it('an account in the trash opens nothing until it is restored', async () => {
    const { ws, people, accounts, activities: a, client } = await team();
    const admin = await client(ws.admin);
    const rep = await client(people.rep);
    expect((await admin.delete(`/accounts/${accounts.rep.id}`)).statusCode).toBe(204);
    expect(await kept('activities', a.managerVisit.id)).toMatchObject({ account_owner_id: null });
    expect(await listIds(rep, '/activities')).toEqual([a.repCall.id]);
    expect((await rep.get(`/activities/${a.adminNote.id}`)).statusCode).toBe(404);

    expect((await admin.post(`/accounts/${accounts.rep.id}/restore`)).statusCode).toBe(200);
    expect(await listIds(rep, '/activities')).toEqual(
      ids([a.managerVisit, a.adminNote, a.repCall]),
    );
  });

  it('an activity moved to another account is read through its new account only', async () => {
    const { ws, people, accounts, activities: a, client } = await team();
    const admin = await client(ws.admin);
    const rep = await client(people.rep);
    const west = await client(people.west);
    const moved = await admin.patch(`/activities/${a.adminNote.id}`, {
      accountId: accounts.west.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await listIds(rep, '/activities')).toEqual(ids([a.managerVisit, a.repCall]));
    expect((await rep.get(`/activities/${a.adminNote.id}`)).statusCode).toBe(404);
    expect(await listIds(west, '/activities')).toEqual(ids([a.adminNote, a.westCall]));
    expect((await west.get(`/activities/${a.adminNote.id}`)).statusCode).toBe(200);
  });

  it('holds the linked records’ owners whoever writes the row, by hand too', async () => {
    const { db, ws, people, accounts, client } = await team();
    const lead = await createTestLead(people.rep.ctx);
    const deal = await createTestOpportunity(ws.admin.ctx, accounts.west.id, {
      ownerId: people.colleague.userId,
    });
    const activity = await createTestActivity(ws.admin.ctx, {
      leadId: lead.id,
      opportunityId: deal.id,
    });
    const truth = {
      lead_owner_id: people.rep.userId,
      account_owner_id: people.west.userId,
      opportunity_owner_id: people.colleague.userId,
    };
    expect(await kept('activities', activity.id)).toEqual(truth);
    // A write of the kept owners themselves is overruled by the records they name.
    await db.execute(
      sql`update activities set lead_owner_id = ${people.west.userId}, account_owner_id = null where id = ${activity.id}`,
    );
    expect(await kept('activities', activity.id)).toEqual(truth);
    // The deal's transfer reaches its activity; the outsider reads nothing through it.
    const admin = await client(ws.admin);
    const transfer = await admin.patch(`/opportunities/${deal.id}`, {
      ownerId: people.manager.userId,
    });
    expect(transfer.statusCode, transfer.body).toBe(200);
    expect(await kept('activities', activity.id)).toEqual({
      ...truth,
      opportunity_owner_id: people.manager.userId,
    });
    const colleague = await client(people.colleague);
    expect((await colleague.get(`/activities/${activity.id}`)).statusCode).toBe(404);
  });

  it.runIf(onPostgres)(
    'an activity logged while its account changes hands takes the new owner',
    async () => {
      const { db, ws, people, accounts } = await team();
      let updated!: () => void;
      let commit!: () => void;
      const didUpdate = new Promise<void>((resolve) => {
        updated = resolve;
      });
      const mayCommit = new Promise<void>((resolve) => {
        commit = resolve;
      });
      const transfer = db.transaction(async (tx) => {
        await tx.execute(
          sql`update accounts set owner_id = ${people.colleague.userId} where workspace_id = ${ws.workspaceId} and id = ${accounts.rep.id}`,
        );
        updated();
        await mayCommit;
      });
      await didUpdate;
      // Logged on another connection before the transfer commits: it waits for the account.
      const logged = createTestActivity(people.manager.ctx, { accountId: accounts.rep.id });
      await new Promise((resolve) => setTimeout(resolve, 200));
      commit();
      await transfer;
      const activity = await logged;
      const [row] = rowsOf<{ account_owner_id: string }>(
        await db.execute(sql`select account_owner_id from activities where id = ${activity.id}`),
      );
      expect(row.account_owner_id).toBe(people.colleague.userId);
    },
  );
});
