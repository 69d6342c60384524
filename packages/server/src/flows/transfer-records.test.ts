import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbRows } from '../../test/db-state.js';
import { createTestUser, createTestWorkspace, TEST_PASSWORD } from '../../test/factories/index.js';
import { type Client, type Json, logIn, testDatabase } from '../../test/helpers.js';
import { created, type PoolTeam, poolTeam, refused } from '../../test/pool-fixtures.js';

type Book = Record<'account' | 'contact' | 'lead' | 'opportunity' | 'task' | 'doneTask', string[]>;

/** A book of records owned by one rep: 2 accounts, 2 contacts, 1 lead, 1 opportunity, tasks. */
async function bookOf(rep: Client): Promise<Book> {
  const id = async (res: Promise<Json>) => (await created(res)).id as string;
  const tag = Math.random().toString(36).slice(2, 8);
  const a1 = await id(rep.post('/accounts', { name: `Book One ${tag}` }));
  const a2 = await id(rep.post('/accounts', { name: `Book Two ${tag}` }));
  const done = await id(rep.post('/tasks', { title: 'Old call', status: 'done' }));
  return {
    account: [a1, a2],
    contact: [
      await id(rep.post('/contacts', { name: `Zhou ${tag}`, accountId: a1 })),
      await id(rep.post('/contacts', { name: `Qian ${tag}` })),
    ],
    lead: [await id(rep.post('/leads', { name: `Lead ${tag}`, company: `Company ${tag}` }))],
    opportunity: [await id(rep.post('/opportunities', { name: `Deal ${tag}`, accountId: a1 }))],
    task: [await id(rep.post('/tasks', { title: `Call back ${tag}` }))],
    doneTask: [done],
  };
}

const TABLES = {
  account: 'accounts',
  contact: 'contacts',
  lead: 'leads',
  opportunity: 'opportunities',
  task: 'tasks',
  doneTask: 'tasks',
} as const;

const ownersOf = async (kind: keyof Book, ids: string[]) =>
  (
    await dbRows<{ owner_id: string | null }>(
      sql`select owner_id from ${sql.identifier(TABLES[kind])} where id in ${ids} order by id`,
    )
  ).map((r) => r.owner_id);

describe('employee leave: transfer every record a user owns', () => {
  let team: PoolTeam;
  beforeAll(async () => {
    team = await poolTeam();
  });

  it('moves accounts, contacts, leads, opportunities and open tasks, each audited', async () => {
    const book = await bookOf(team.as.rep1);
    const to = team.users.rep2.userId;
    const res = await created(
      team.as.admin.post(`/users/${team.users.rep1.userId}/transfer`, { toUserId: to }),
      200,
    );
    expect(res).toEqual({
      moved: { account: 2, contact: 2, lead: 1, opportunity: 1, task: 1 },
      pooled: {},
    });
    for (const kind of ['account', 'contact', 'lead', 'opportunity', 'task'] as const) {
      expect(await ownersOf(kind, book[kind])).toEqual(book[kind].map(() => to));
    }
    expect(await ownersOf('doneTask', book.doneTask)).toEqual([team.users.rep1.userId]);
    for (const kind of ['account', 'contact', 'lead', 'opportunity', 'task'] as const) {
      const [entry] = await dbRows<{ actor_id: string; changes: Json }>(
        sql`select actor_id, changes from audit_entries where record_id = ${book[kind][0]} order by at desc, id desc limit 1`,
      );
      expect(entry.actor_id).toBe(team.users.admin.userId);
      expect(entry.changes).toEqual([{ field: 'ownerId', old: team.users.rep1.userId, new: to }]);
    }
    const [event] = await dbRows<{ type: string }>(
      sql`select type from outbox_events where record_id = ${book.account[0]} order by created_at desc, id desc limit 1`,
    );
    expect(event.type).toBe('account.transferred');
    const again = await created(
      team.as.admin.post(`/users/${team.users.rep1.userId}/transfer`, { toUserId: to }),
      200,
    );
    expect(again.moved).toEqual({ account: 0, contact: 0, lead: 0, opportunity: 0, task: 0 });
  });

  it('puts accounts and leads back into their pools when asked, the rest to the successor', async () => {
    const book = await bookOf(team.as.rep3);
    const to = team.users.rep2.userId;
    const res = await created(
      team.as.admin.post(`/users/${team.users.rep3.userId}/transfer`, {
        toUserId: to,
        poolAccountsAndLeads: true,
      }),
      200,
    );
    expect(res).toEqual({
      moved: { contact: 2, opportunity: 1, task: 1 },
      pooled: { account: 2, lead: 1 },
    });
    expect(await ownersOf('account', book.account)).toEqual([null, null]);
    expect(await ownersOf('lead', book.lead)).toEqual([null]);
    expect(await ownersOf('contact', book.contact)).toEqual([to, to]);
    const account = (await team.as.admin.get(`/accounts/${book.account[0]}`)).json();
    expect(account).toMatchObject({
      ownerId: null,
      poolId: team.accountPoolId,
      poolEntry: 'owner_left',
      formerOwnerId: team.users.rep3.userId,
    });
    const pooled = (await team.as.rep2.get(`/pools/${team.leadPoolId}/records`)).json().data;
    expect(pooled.map((l: Json) => l.id)).toContain(book.lead[0]);
    const history = (await team.as.admin.get(`/leads/${book.lead[0]}/history`)).json().data;
    expect(history[0].changes).toEqual([
      { field: 'ownerId', old: team.users.rep3.userId, new: null },
      { field: 'poolEntry', old: null, new: 'owner_left' },
    ]);
  });

  it('works for a deactivated user, the usual order when someone leaves', async () => {
    const { db } = await testDatabase();
    const leaver = await createTestUser(db, team.ws, { role: 'sales_rep' });
    const client = await logIn(leaver.email, TEST_PASSWORD);
    const account = await created(client.post('/accounts', { name: 'Leaver Goods Co.' }));
    await created(team.as.admin.patch(`/users/${leaver.userId}`, { status: 'deactivated' }), 200);
    const res = await created(
      team.as.admin.post(`/users/${leaver.userId}/transfer`, { toUserId: team.users.rep1.userId }),
      200,
    );
    expect(res.moved.account).toBe(1);
    expect(await ownersOf('account', [account.id])).toEqual([team.users.rep1.userId]);
  });

  it('refuses non-admins, bad targets and other workspaces, moving nothing', async () => {
    const ws = team.ws.workspaceId;
    await created(team.as.rep1.post('/accounts', { name: 'Stays Put Ltd.' }));
    const from = team.users.rep1.userId;
    const url = `/users/${from}/transfer`;
    await refused(
      ws,
      () => team.as.manager.post(url, { toUserId: team.users.rep2.userId }),
      403,
      'forbidden',
    );
    const self = await refused(ws, () => team.as.admin.post(url, { toUserId: from }), 400);
    expect(self.errors[0].path).toBe('toUserId');
    const { db } = await testDatabase();
    const gone = await createTestUser(db, team.ws, { role: 'sales_rep' });
    await created(team.as.admin.patch(`/users/${gone.userId}`, { status: 'deactivated' }), 200);
    const inactive = await refused(
      ws,
      () => team.as.admin.post(url, { toUserId: gone.userId }),
      400,
    );
    expect(inactive.errors[0]).toMatchObject({ path: 'toUserId', code: 'inactive_user' });
    const other = await createTestWorkspace(db);
    const outsider = await logIn(other.admin.email, TEST_PASSWORD);
    await refused(ws, () => team.as.admin.post(url, { toUserId: other.admin.userId }), 400);
    await refused(ws, () => outsider.post(url, { toUserId: other.admin.userId }), 404, 'not_found');
    await refused(ws, () => team.as.admin.post(url, {}), 400, 'validation_failed');
  });
});
