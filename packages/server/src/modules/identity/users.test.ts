import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbRows } from '../../../test/db-state.js';
import {
  createTestAccount,
  createTestDepartment,
  createTestUser,
  createTestWorkspace,
  TEST_PASSWORD,
} from '../../../test/factories/index.js';
import { logIn, signUp, testDatabase } from '../../../test/helpers.js';

type MemberState = { role: string; department_id: string | null; status: string; name: string };
const memberState = async (workspaceId: string, userId: string) =>
  (
    await dbRows<MemberState>(
      sql`select r.builtin_key as role, m.department_id, m.status, u.name from members m
          join roles r on r.workspace_id = m.workspace_id and r.id = m.role_id
          join users u on u.id = m.user_id
          where m.workspace_id = ${workspaceId} and m.user_id = ${userId}`,
    )
  )[0];

async function setup() {
  const { db } = await testDatabase();
  const ws = await createTestWorkspace(db);
  const admin = await logIn(ws.admin.email, TEST_PASSWORD);
  return { db, ws, admin };
}

describe('users', () => {
  it("an admin changes a user's role and department, effective on the user's open session", async () => {
    const { db, ws, admin } = await setup();
    const east = await createTestDepartment(db, ws, 'Sales East', ws.rootDepartmentId);
    const rep = await createTestUser(db, ws, { role: 'sales_rep', name: 'Rita Rep' });
    const colleague = await createTestUser(db, ws, { role: 'sales_rep', departmentId: east });
    const { id: theirs } = await createTestAccount(colleague.ctx);
    const session = await logIn(rep.email, TEST_PASSWORD);
    expect((await session.get(`/accounts/${theirs}`)).statusCode).toBe(404);

    const res = await admin.patch(`/users/${rep.userId}`, {
      roleId: ws.roleIds.sales_manager,
      departmentId: east,
      name: 'Rita Manager',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: rep.userId,
      name: 'Rita Manager',
      roleId: ws.roleIds.sales_manager,
      departmentId: east,
      status: 'active',
    });
    expect(await memberState(ws.workspaceId, rep.userId)).toEqual({
      role: 'sales_manager',
      department_id: east,
      status: 'active',
      name: 'Rita Manager',
    });
    const me = (await session.get('/auth/me')).json();
    expect(me.role.builtinKey).toBe('sales_manager');
    // As manager of Sales East she now sees her department's records.
    expect((await session.get(`/accounts/${theirs}`)).statusCode).toBe(200);

    const listed = (await admin.get('/users')).json().data;
    expect(listed.find((u: { id: string }) => u.id === rep.userId)).toEqual(res.json());
  });

  it('/auth/me names the team a department scope covers: the department and those below it', async () => {
    const { db, ws } = await setup();
    const east = await createTestDepartment(db, ws, 'Sales East', ws.rootDepartmentId);
    const shanghai = await createTestDepartment(db, ws, 'Shanghai', east);
    const manager = await createTestUser(db, ws, { role: 'sales_manager', departmentId: east });
    const rep = await createTestUser(db, ws, { departmentId: shanghai });
    const outside = await createTestUser(db, ws, { departmentId: ws.rootDepartmentId });
    const loner = await createTestUser(db, ws, { departmentId: null });

    const team = (await (await logIn(manager.email, TEST_PASSWORD)).get('/auth/me')).json()
      .teamUserIds;
    expect([...team].sort()).toEqual([manager.userId, rep.userId].sort());
    expect(team).not.toContain(outside.userId);
    const alone = (await (await logIn(loner.email, TEST_PASSWORD)).get('/auth/me')).json();
    expect(alone.teamUserIds).toEqual([loner.userId]);
  });

  it('only admins may change users (403) and nothing changes', async () => {
    const { db, ws } = await setup();
    const manager = await createTestUser(db, ws, { role: 'sales_manager' });
    const rep = await createTestUser(db, ws, { role: 'sales_rep' });
    const client = await logIn(manager.email, TEST_PASSWORD);
    const before = await memberState(ws.workspaceId, rep.userId);

    const promote = await client.patch(`/users/${rep.userId}`, { roleId: ws.roleIds.admin });
    expect(promote.statusCode).toBe(403);
    expect(promote.json().code).toBe('forbidden');
    const self = await client.patch(`/users/${manager.userId}`, { roleId: ws.roleIds.admin });
    expect(self.statusCode).toBe(403);

    expect(await memberState(ws.workspaceId, rep.userId)).toEqual(before);
    expect((await memberState(ws.workspaceId, manager.userId)).role).toBe('sales_manager');
  });

  it('an admin cannot deactivate themselves', async () => {
    const { db, ws, admin } = await setup();
    // A second admin exists, so only the self rule can refuse.
    await createTestUser(db, ws, { role: 'admin' });
    const before = await memberState(ws.workspaceId, ws.admin.userId);

    const res = await admin.patch(`/users/${ws.admin.userId}`, { status: 'deactivated' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'status', message: 'you cannot deactivate yourself' }],
    });
    expect(await memberState(ws.workspaceId, ws.admin.userId)).toEqual(before);
    expect((await admin.get('/auth/me')).statusCode).toBe(200);
  });

  it('the workspace always keeps an active admin', async () => {
    const { db, ws, admin } = await setup();
    const demoteSelf = await admin.patch(`/users/${ws.admin.userId}`, {
      roleId: ws.roleIds.sales_manager,
    });
    expect(demoteSelf.statusCode).toBe(409);
    expect(demoteSelf.json()).toMatchObject({ code: 'conflict' });
    expect((await memberState(ws.workspaceId, ws.admin.userId)).role).toBe('admin');

    // With a second admin, the first may step down; then the second is the last one.
    const second = await createTestUser(db, ws, { role: 'admin' });
    const stepDown = await admin.patch(`/users/${ws.admin.userId}`, {
      roleId: ws.roleIds.sales_manager,
    });
    expect(stepDown.statusCode, stepDown.body).toBe(200);
    expect((await memberState(ws.workspaceId, ws.admin.userId)).role).toBe('sales_manager');
    // The former admin's session lost admin rights at once.
    expect((await admin.patch(`/users/${second.userId}`, { name: 'x' })).statusCode).toBe(403);

    const last = await logIn(second.email, TEST_PASSWORD);
    const demoteLast = await last.patch(`/users/${second.userId}`, {
      roleId: ws.roleIds.sales_rep,
    });
    expect(demoteLast.statusCode).toBe(409);
    expect(await memberState(ws.workspaceId, second.userId)).toMatchObject({
      role: 'admin',
      status: 'active',
    });
  });

  it('deactivating a user signs them out everywhere and keeps their records', async () => {
    const { db, ws, admin } = await setup();
    const rep = await createTestUser(db, ws, { role: 'sales_rep' });
    const { id: accountId } = await createTestAccount(rep.ctx);
    await logIn(rep.email, TEST_PASSWORD);
    await logIn(rep.email, TEST_PASSWORD);

    const res = await admin.patch(`/users/${rep.userId}`, { status: 'deactivated' });
    expect(res.statusCode).toBe(200);
    expect((await memberState(ws.workspaceId, rep.userId)).status).toBe('deactivated');
    expect(await dbRows(sql`select 1 from sessions where user_id = ${rep.userId}`)).toEqual([]);
    const account = await admin.get(`/accounts/${accountId}`);
    expect(account.statusCode).toBe(200);
    expect(account.json().ownerId).toBe(rep.userId);
    // A deactivated user can no longer be given records.
    const assign = await admin.post('/accounts', { name: 'New lead', ownerId: rep.userId });
    expect(assign.statusCode).toBe(400);
    expect(assign.json().errors[0].path).toBe('ownerId');
  });

  it('refuses users, roles and departments of another workspace', async () => {
    const { ws, admin } = await setup();
    const other = await signUp();
    const rep = await createTestUser((await testDatabase()).db, ws, { role: 'sales_rep' });
    const before = await memberState(ws.workspaceId, rep.userId);

    const foreignUser = await admin.patch(`/users/${other.userId}`, { name: 'Hijacked' });
    expect(foreignUser.statusCode).toBe(404);
    expect(await memberState(other.workspaceId, other.userId)).toMatchObject({ name: 'Ada Admin' });

    const foreignRole = await admin.patch(`/users/${rep.userId}`, { roleId: other.me.role.id });
    expect(foreignRole.statusCode).toBe(400);
    expect(foreignRole.json().errors[0].path).toBe('roleId');
    const foreignDept = await admin.patch(`/users/${rep.userId}`, {
      departmentId: other.me.user.departmentId,
    });
    expect(foreignDept.statusCode).toBe(400);
    expect(foreignDept.json().errors[0].path).toBe('departmentId');
    expect(await memberState(ws.workspaceId, rep.userId)).toEqual(before);
  });
});
