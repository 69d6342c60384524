import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { countRows, dbRows } from '../../../test/db-state.js';
import {
  createTestDepartment,
  createTestUser,
  createTestWorkspace,
  TEST_PASSWORD,
  type TestWorkspace,
} from '../../../test/factories/index.js';
import {
  anonymous,
  Client,
  cookiesOf,
  logIn,
  signUp,
  testDatabase,
  uniqueEmail,
} from '../../../test/helpers.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const usersWithEmail = (email: string) =>
  dbRows<{ id: string }>(sql`select id from users where lower(email) = ${email}`);
const membersOf = (workspaceId: string, userId: string) =>
  dbRows<{ role_id: string; department_id: string | null; status: string }>(
    sql`select role_id, department_id, status from members
        where workspace_id = ${workspaceId} and user_id = ${userId}`,
  );

describe('invitations', () => {
  let ws: TestWorkspace;
  let admin: Client;
  let salesDepartmentId: string;
  beforeAll(async () => {
    const { db } = await testDatabase();
    ws = await createTestWorkspace(db);
    salesDepartmentId = await createTestDepartment(db, ws, 'Sales', ws.rootDepartmentId);
    admin = await logIn(ws.admin.email, TEST_PASSWORD);
  });

  const invite = async (email: string, role: keyof TestWorkspace['roleIds'] = 'sales_manager') => {
    const res = await admin.post('/invitations', {
      email,
      roleId: ws.roleIds[role],
      departmentId: salesDepartmentId,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it('invites with a role and department; the token is returned once and stored hashed', async () => {
    const email = uniqueEmail('invitee');
    const created = await invite(email.toUpperCase());
    expect(created).toMatchObject({
      email,
      roleId: ws.roleIds.sales_manager,
      departmentId: salesDepartmentId,
      status: 'pending',
    });
    expect(created.acceptUrl).toBe(`http://localhost:80/invite/${created.token}`);
    const [row] = await dbRows<{ token_hash: string; invited_by: string }>(
      sql`select token_hash, invited_by from invitations where id = ${created.id}`,
    );
    expect(row).toEqual({ token_hash: sha256(created.token), invited_by: ws.admin.userId });

    const list = await admin.get('/invitations');
    expect(list.statusCode).toBe(200);
    const listed = list.json().data.find((i: { id: string }) => i.id === created.id);
    for (const field of ['email', 'roleId', 'departmentId', 'status', 'createdAt', 'expiresAt']) {
      expect(listed[field]).toEqual(created[field]);
    }
    expect(listed).not.toHaveProperty('token');
    expect(list.body).not.toContain(created.token);
  });

  it('accepting creates the user and membership and signs the person in', async () => {
    const email = uniqueEmail('newcomer');
    const { token, id } = await invite(email);
    const res = await (await anonymous()).post('/invitations/accept', {
      token,
      name: '李娜',
      password: 'her own password',
    });
    expect(res.statusCode, res.body).toBe(201);
    const me = res.json();
    expect(me).toMatchObject({
      user: { email, name: '李娜', roleId: ws.roleIds.sales_manager, status: 'active' },
      workspace: { id: ws.workspaceId },
      role: { builtinKey: 'sales_manager' },
    });
    expect(me.user.departmentId).toBe(salesDepartmentId);

    const [user] = await usersWithEmail(email);
    expect(user.id).toBe(me.user.id);
    expect(await membersOf(ws.workspaceId, user.id)).toEqual([
      { role_id: ws.roleIds.sales_manager, department_id: salesDepartmentId, status: 'active' },
    ]);
    const [invitation] = await dbRows<{ accepted: boolean }>(
      sql`select accepted_at is not null as accepted from invitations where id = ${id}`,
    );
    expect(invitation.accepted).toBe(true);

    const newcomer = new Client(admin.app, { cookies: cookiesOf(res) });
    expect((await newcomer.get('/auth/me')).json()).toEqual(me);
    expect((await newcomer.post('/accounts', { name: 'First deal' })).statusCode).toBe(201);
    expect((await logIn(email, 'her own password')).userId).toBe(user.id);
  });

  it('a token works once: a second accept is refused and creates nobody', async () => {
    const email = uniqueEmail('once');
    const { token } = await invite(email, 'sales_rep');
    const nobody = await anonymous();
    const first = await nobody.post('/invitations/accept', {
      token,
      name: 'First',
      password: 'first password',
    });
    expect(first.statusCode).toBe(201);
    const members = await countRows('members', ws.workspaceId);

    const second = await nobody.post('/invitations/accept', {
      token,
      name: 'Second',
      password: 'second password',
    });
    expect(second.statusCode).toBe(404);
    expect(second.json()).toMatchObject({ code: 'not_found' });
    expect(second.cookies).toEqual([]);
    expect(await usersWithEmail(email)).toHaveLength(1);
    expect(await countRows('members', ws.workspaceId)).toBe(members);
    const [user] = await dbRows<{ name: string }>(
      sql`select name from users where lower(email) = ${email}`,
    );
    expect(user.name).toBe('First');
  });

  it('a revoked invitation cannot be accepted', async () => {
    const email = uniqueEmail('revoked');
    const { id, token } = await invite(email);
    expect((await admin.delete(`/invitations/${id}`)).statusCode).toBe(204);
    const res = await (await anonymous()).post('/invitations/accept', {
      token,
      name: 'Too Late',
      password: 'some password',
    });
    expect(res.statusCode).toBe(404);
    expect(await usersWithEmail(email)).toEqual([]);
    const listed = (await admin.get('/invitations')).json().data;
    expect(listed.find((i: { id: string }) => i.id === id).status).toBe('revoked');
  });

  it('someone who already has an account elsewhere must prove it with their password', async () => {
    const elsewhere = await signUp({ password: 'my existing password' });
    const email = elsewhere.me.user.email;
    const { token } = await invite(email, 'sales_rep');
    const nobody = await anonymous();
    const members = await countRows('members', ws.workspaceId);

    const wrong = await nobody.post('/invitations/accept', {
      token,
      name: 'Impostor',
      password: 'a guessed password',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().errors).toMatchObject([
      { path: 'password', message: 'does not match the existing account' },
    ]);
    expect(await countRows('members', ws.workspaceId)).toBe(members);

    const right = await nobody.post('/invitations/accept', {
      token,
      name: 'Ignored',
      password: 'my existing password',
    });
    expect(right.statusCode, right.body).toBe(201);
    expect(right.json().user.id).toBe(elsewhere.userId);
    expect(
      right
        .json()
        .workspaces.map((w: { id: string }) => w.id)
        .sort(),
    ).toEqual([elsewhere.workspaceId, ws.workspaceId].sort());
    expect(await usersWithEmail(email)).toHaveLength(1);
    expect(await membersOf(ws.workspaceId, elsewhere.userId)).toHaveLength(1);
  });

  it('refuses a role or department of another workspace and writes nothing', async () => {
    const other = await signUp();
    const before = await countRows('invitations', ws.workspaceId);
    const res = await admin.post('/invitations', {
      email: uniqueEmail('x'),
      roleId: other.me.role.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toMatchObject([
      { path: 'roleId', message: 'no such role in this workspace' },
    ]);
    const dept = await admin.post('/invitations', {
      email: uniqueEmail('x'),
      roleId: ws.roleIds.sales_rep,
      departmentId: other.me.user.departmentId,
    });
    expect(dept.statusCode).toBe(400);
    expect(dept.json().errors[0].path).toBe('departmentId');
    expect(await countRows('invitations', ws.workspaceId)).toBe(before);
  });

  it('only admins may invite, list or revoke (403) and nothing is written', async () => {
    const { db } = await testDatabase();
    const pending = await invite(uniqueEmail('pending'));
    const manager = await createTestUser(db, ws, { role: 'sales_manager' });
    const client = await logIn(manager.email, TEST_PASSWORD);
    const before = await countRows('invitations', ws.workspaceId);

    const res = await client.post('/invitations', {
      email: uniqueEmail('sneaky'),
      roleId: ws.roleIds.admin,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden', status: 403 });
    expect((await client.get('/invitations')).statusCode).toBe(403);
    expect((await client.delete(`/invitations/${pending.id}`)).statusCode).toBe(403);

    expect(await countRows('invitations', ws.workspaceId)).toBe(before);
    const [row] = await dbRows<{ revoked: boolean }>(
      sql`select revoked_at is not null as revoked from invitations where id = ${pending.id}`,
    );
    expect(row.revoked).toBe(false);
  });
});
