import { beforeAll, describe, expect, it } from 'vitest';
import { countRows, storedRecord, workspaceState } from './db-state.js';
import {
  createTestAccount,
  createTestContact,
  createTestDepartment,
  createTestUser,
  createTestWorkspace,
  TEST_PASSWORD,
  type TestUser,
  type TestWorkspace,
} from './factories/index.js';
import { type Client, logIn, type Res, testDatabase } from './helpers.js';

type Person = 'admin' | 'manager' | 'rep1' | 'rep2' | 'rep3';
type Owned = { accountId: string; contactId: string };

/**
 * One workspace:   Headquarters (admin)
 *                  ├── Sales (manager, rep1)
 *                  │   └── Sales East (rep2)      ← child: in the manager's subtree
 *                  └── Marketing (rep3)           ← sibling: outside it
 * Everyone owns one account and one contact.
 */
describe('permissions of the built-in roles', () => {
  let ws: TestWorkspace;
  const people = {} as Record<Person, TestUser>;
  const owned = {} as Record<Person, Owned>;
  const as = {} as Record<'admin' | 'manager' | 'rep1', Client>;

  beforeAll(async () => {
    const { db } = await testDatabase();
    ws = await createTestWorkspace(db);
    const sales = await createTestDepartment(db, ws, 'Sales', ws.rootDepartmentId);
    const east = await createTestDepartment(db, ws, 'Sales East', sales);
    const marketing = await createTestDepartment(db, ws, 'Marketing', ws.rootDepartmentId);
    people.admin = ws.admin;
    people.manager = await createTestUser(db, ws, { role: 'sales_manager', departmentId: sales });
    people.rep1 = await createTestUser(db, ws, { role: 'sales_rep', departmentId: sales });
    people.rep2 = await createTestUser(db, ws, { role: 'sales_rep', departmentId: east });
    people.rep3 = await createTestUser(db, ws, { role: 'sales_rep', departmentId: marketing });
    for (const [who, person] of Object.entries(people) as [Person, TestUser][]) {
      const account = await createTestAccount(person.ctx, { name: `Account of ${who}` });
      const contact = await createTestContact(person.ctx, { name: `Contact of ${who}` });
      owned[who] = { accountId: account.id, contactId: contact.id };
    }
    for (const who of ['admin', 'manager', 'rep1'] as const) {
      as[who] = await logIn(people[who].email, TEST_PASSWORD);
    }
  });

  const idsOf = (who: Person[], object: keyof Owned) => who.map((p) => owned[p][object]);
  const everyone: Person[] = ['admin', 'manager', 'rep1', 'rep2', 'rep3'];
  const scopes: Record<'admin' | 'manager' | 'rep1', Person[]> = {
    admin: everyone,
    manager: ['manager', 'rep1', 'rep2'],
    rep1: ['rep1'],
  };

  /** A refused call answers 404 (never 403: existence is not revealed) and changes nothing. */
  async function hidden(call: () => Promise<Res>) {
    const before = await workspaceState(ws.workspaceId);
    const res = await call();
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().code).toBe('not_found');
    expect(await workspaceState(ws.workspaceId)).toEqual(before);
  }

  describe.each(['accountId', 'contactId'] as const)('%s records', (object) => {
    const path = object === 'accountId' ? '/accounts' : '/contacts';

    it.each([
      'admin',
      'manager',
      'rep1',
    ] as const)('%s lists exactly the records of the people in scope', async (who) => {
      const res = await as[who].get(`${path}?limit=200`);
      expect(res.statusCode).toBe(200);
      const rows: { id: string; ownerId: string }[] = res.json().data;
      const allowedOwners = scopes[who].map((p) => people[p].userId);
      for (const row of rows) expect(allowedOwners).toContain(row.ownerId);
      const ids = rows.map((r) => r.id);
      expect(ids).toEqual(expect.arrayContaining(idsOf(scopes[who], object)));
      for (const id of idsOf(
        everyone.filter((p) => !scopes[who].includes(p)),
        object,
      )) {
        expect(ids).not.toContain(id);
      }
    });

    it('a rep cannot get, change, delete or see the history of anyone else’s record', async () => {
      for (const other of ['admin', 'manager', 'rep2', 'rep3'] as const) {
        const id = owned[other][object];
        await hidden(() => as.rep1.get(`${path}/${id}`));
        await hidden(() => as.rep1.get(`${path}/${id}/history`));
        await hidden(() => as.rep1.patch(`${path}/${id}`, { name: 'Mine now' }));
        await hidden(() => as.rep1.delete(`${path}/${id}`));
      }
    });

    it('a manager reaches the child department but not the sibling or parent', async () => {
      const child = owned.rep2[object];
      expect((await as.manager.get(`${path}/${child}`)).statusCode).toBe(200);
      for (const outside of [owned.rep3[object], owned.admin[object]]) {
        await hidden(() => as.manager.get(`${path}/${outside}`));
        await hidden(() => as.manager.patch(`${path}/${outside}`, { notes: 'x' }));
        await hidden(() => as.manager.delete(`${path}/${outside}`));
      }
    });
  });

  it('a rep gets, updates, deletes and restores their own records', async () => {
    const { id } = await createTestAccount(people.rep1.ctx, { name: 'Rep1 working account' });
    expect((await as.rep1.get(`/accounts/${id}`)).statusCode).toBe(200);
    const updated = await as.rep1.patch(
      `/accounts/${id}`,
      { notes: 'Called on Monday' },
      { 'if-match': '"1"' },
    );
    expect(updated.statusCode, updated.body).toBe(200);
    expect(await storedRecord('accounts', id)).toMatchObject({
      notes: 'Called on Monday',
      version: 2,
    });
    expect((await as.rep1.delete(`/accounts/${id}`)).statusCode).toBe(204);
    expect((await storedRecord('accounts', id))?.deleted_at).not.toBeNull();
    expect((await as.rep1.post(`/accounts/${id}/restore`)).statusCode).toBe(200);
    expect(await storedRecord('accounts', id)).toMatchObject({ deleted_at: null, version: 4 });
  });

  it('a manager updates and deletes records in the subtree, including the child department', async () => {
    const { id } = await createTestContact(people.rep2.ctx, { name: 'East contact' });
    const res = await as.manager.patch(`/contacts/${id}`, { title: 'Buyer' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await storedRecord('contacts', id)).toMatchObject({ title: 'Buyer', version: 2 });
    expect((await as.manager.delete(`/contacts/${id}`, { 'if-match': '"2"' })).statusCode).toBe(
      204,
    );
    expect(await storedRecord('contacts', id)).toMatchObject({
      version: 3,
      deleted_by: people.manager.userId,
    });
  });

  it('a rep cannot restore someone else’s trashed record', async () => {
    const { id } = await createTestAccount(people.rep2.ctx, { name: 'Trashed by rep2' });
    expect((await as.admin.delete(`/accounts/${id}`)).statusCode).toBe(204);
    await hidden(() => as.rep1.post(`/accounts/${id}/restore`));
    await hidden(() => as.rep1.get(`/accounts/${id}/history`));
    const trash = (await as.rep1.get('/accounts?deleted=true')).json().data;
    expect(trash.map((a: { id: string }) => a.id)).not.toContain(id);
  });

  it('a rep cannot link a contact to an account out of their sight (404 on accountId)', async () => {
    const before = await workspaceState(ws.workspaceId);
    const create = await as.rep1.post('/contacts', {
      name: 'Linked to rep3',
      accountId: owned.rep3.accountId,
    });
    expect(create.statusCode).toBe(404);
    expect(create.json().errors).toMatchObject([{ path: 'accountId', message: 'no such account' }]);
    const relink = await as.rep1.patch(`/contacts/${owned.rep1.contactId}`, {
      accountId: owned.manager.accountId,
    });
    expect(relink.statusCode).toBe(404);
    expect(await workspaceState(ws.workspaceId)).toEqual(before);
    // A manager may link to an account in the subtree.
    const linked = await as.manager.patch(`/contacts/${owned.rep1.contactId}`, {
      accountId: owned.rep2.accountId,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({
      accountId: owned.rep2.accountId,
      accountName: 'Account of rep2',
    });
  });

  describe('owner assignment stays within scope', () => {
    it('a rep cannot create for, or hand over to, someone else (400 on ownerId)', async () => {
      const before = await workspaceState(ws.workspaceId);
      const create = await as.rep1.post('/accounts', {
        name: 'For my manager',
        ownerId: people.manager.userId,
      });
      expect(create.statusCode).toBe(400);
      expect(create.json()).toMatchObject({
        code: 'validation_failed',
        errors: [
          {
            path: 'ownerId',
            message: 'you can only assign records to people within your data scope',
          },
        ],
      });
      const handOver = await as.rep1.patch(`/contacts/${owned.rep1.contactId}`, {
        ownerId: people.rep3.userId,
      });
      expect(handOver.statusCode).toBe(400);
      expect(handOver.json().errors[0].path).toBe('ownerId');
      expect(await workspaceState(ws.workspaceId)).toEqual(before);
    });

    it('a manager assigns within the subtree only', async () => {
      const inside = await as.manager.post('/accounts', {
        name: 'For East',
        ownerId: people.rep2.userId,
      });
      expect(inside.statusCode, inside.body).toBe(201);
      expect(await storedRecord('accounts', inside.json().id)).toMatchObject({
        owner_id: people.rep2.userId,
      });

      const { id } = await createTestAccount(people.rep1.ctx, { name: 'Moving east' });
      const moved = await as.manager.patch(`/accounts/${id}`, { ownerId: people.rep2.userId });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(await storedRecord('accounts', id)).toMatchObject({
        owner_id: people.rep2.userId,
        version: 2,
      });

      const before = await workspaceState(ws.workspaceId);
      const outside = await as.manager.post('/accounts', {
        name: 'For Marketing',
        ownerId: people.rep3.userId,
      });
      expect(outside.statusCode).toBe(400);
      expect(outside.json().errors[0].path).toBe('ownerId');
      const away = await as.manager.patch(`/accounts/${id}`, { ownerId: people.rep3.userId });
      expect(away.statusCode).toBe(400);
      expect(await workspaceState(ws.workspaceId)).toEqual(before);
    });

    it('an admin assigns to anyone in the workspace', async () => {
      const { id } = await createTestContact(people.rep1.ctx, { name: 'Reassigned' });
      const res = await as.admin.patch(`/contacts/${id}`, { ownerId: people.rep3.userId });
      expect(res.statusCode, res.body).toBe(200);
      expect(await storedRecord('contacts', id)).toMatchObject({ owner_id: people.rep3.userId });
      // rep1 no longer owns it, so it is out of rep1's sight.
      expect((await as.rep1.get(`/contacts/${id}`)).statusCode).toBe(404);
    });
  });

  describe('custom roles', () => {
    const full = { create: true, read: true, update: true, delete: true, scope: 'all' };
    let editor: Client;
    let editorId: string;

    beforeAll(async () => {
      const { db } = await testDatabase();
      const role = await as.admin.post('/roles', {
        name: 'Editor without delete',
        permissions: {
          objects: { account: { ...full, delete: false } },
          manageWorkspace: false,
        },
      });
      expect(role.statusCode, role.body).toBe(201);
      expect(await countRows('roles', ws.workspaceId)).toBe(4);
      const person = await createTestUser(db, ws, { role: 'sales_rep' });
      const assigned = await as.admin.patch(`/users/${person.userId}`, {
        roleId: role.json().id,
      });
      expect(assigned.statusCode, assigned.body).toBe(200);
      editor = await logIn(person.email, TEST_PASSWORD);
      editorId = person.userId;
    });

    it('a role without delete gets 403 on delete and restore, and nothing changes', async () => {
      const id = owned.rep3.accountId;
      expect((await editor.get(`/accounts/${id}`)).statusCode).toBe(200);
      const before = await workspaceState(ws.workspaceId);
      const res = await editor.delete(`/accounts/${id}`);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'forbidden',
        detail: 'Your role may not delete account records',
      });
      expect((await editor.post(`/accounts/${id}/restore`)).statusCode).toBe(403);
      expect(await workspaceState(ws.workspaceId)).toEqual(before);
      expect((await storedRecord('accounts', id))?.deleted_at).toBeNull();

      // What the role does grant still works.
      const update = await editor.patch(`/accounts/${id}`, { notes: 'Checked by editor' });
      expect(update.statusCode, update.body).toBe(200);
      expect(await storedRecord('accounts', id)).toMatchObject({
        notes: 'Checked by editor',
        updated_by: editorId,
      });
    });

    it('a role without any right on an object gets 403 for every action on it', async () => {
      const before = await workspaceState(ws.workspaceId);
      const id = owned.rep3.contactId;
      for (const res of [
        await editor.get('/contacts'),
        await editor.get(`/contacts/${id}`),
        await editor.post('/contacts', { name: 'Not allowed' }),
        await editor.patch(`/contacts/${id}`, { name: 'Not allowed' }),
        await editor.delete(`/contacts/${id}`),
      ]) {
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('forbidden');
      }
      expect(await workspaceState(ws.workspaceId)).toEqual(before);
    });

    it('only admins may create roles', async () => {
      const res = await as.manager.post('/roles', {
        name: 'Self-made admin',
        permissions: { objects: { account: full }, manageWorkspace: true },
      });
      expect(res.statusCode).toBe(403);
      expect(await countRows('roles', ws.workspaceId)).toBe(4);
    });
  });
});
