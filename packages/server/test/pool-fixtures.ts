import { type SQL, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { countRows, dbRows } from './db-state.js';
import {
  createTestDepartment,
  createTestUser,
  createTestWorkspace,
  TEST_PASSWORD,
  type TestUser,
  type TestWorkspace,
} from './factories/index.js';
import { type Client, type Json, logIn, type Res, testDatabase } from './helpers.js';

export type PoolTeam = {
  ws: TestWorkspace;
  salesDepartmentId: string;
  eastDepartmentId: string;
  marketingDepartmentId: string;
  users: Record<'admin' | 'rep1' | 'rep2' | 'rep3' | 'manager', TestUser>;
  as: Record<'admin' | 'rep1' | 'rep2' | 'rep3' | 'manager', Client>;
  accountPoolId: string;
  leadPoolId: string;
};

/**
 * Headquarters (admin)
 * ├── Sales (manager, rep1)
 * │   └── Sales East (rep2)
 * └── Marketing (rep3)
 */
export async function poolTeam(locale: 'en' | 'zh-CN' = 'en'): Promise<PoolTeam> {
  const { db } = await testDatabase();
  const ws = await createTestWorkspace(db, { locale });
  const sales = await createTestDepartment(db, ws, 'Sales', ws.rootDepartmentId);
  const east = await createTestDepartment(db, ws, 'Sales East', sales);
  const marketing = await createTestDepartment(db, ws, 'Marketing', ws.rootDepartmentId);
  const users = {
    admin: ws.admin,
    manager: await createTestUser(db, ws, { role: 'sales_manager', departmentId: sales }),
    rep1: await createTestUser(db, ws, { role: 'sales_rep', departmentId: sales }),
    rep2: await createTestUser(db, ws, { role: 'sales_rep', departmentId: east }),
    rep3: await createTestUser(db, ws, { role: 'sales_rep', departmentId: marketing }),
  };
  const as = {} as PoolTeam['as'];
  for (const [who, user] of Object.entries(users) as [keyof typeof users, TestUser][]) {
    as[who] = await logIn(user.email, TEST_PASSWORD);
  }
  const pools = (await as.admin.get('/pools')).json().data as Json[];
  return {
    ws,
    salesDepartmentId: sales,
    eastDepartmentId: east,
    marketingDepartmentId: marketing,
    users,
    as,
    accountPoolId: pools.find((p) => p.objectType === 'account').id,
    leadPoolId: pools.find((p) => p.objectType === 'lead').id,
  };
}

export async function created(res: Res | Promise<Res>, status = 201): Promise<Json> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
}

const rowsOfTable = (table: string, workspaceId: string) =>
  dbRows(
    sql`select * from ${sql.identifier(table)} where workspace_id = ${workspaceId} order by id`,
  );

/** Everything a refused pool request could have written in a workspace. */
export async function poolState(workspaceId: string) {
  return {
    accounts: await rowsOfTable('accounts', workspaceId),
    contacts: await rowsOfTable('contacts', workspaceId),
    leads: await rowsOfTable('leads', workspaceId),
    pools: await rowsOfTable('pools', workspaceId),
    notifications: await rowsOfTable('notifications', workspaceId),
    auditEntries: await countRows('audit_entries', workspaceId),
    outboxEvents: await countRows('outbox_events', workspaceId),
  };
}

/** Asserts the refused answer and that nothing in the workspace changed. */
export async function refused(
  workspaceId: string,
  call: () => Promise<Res>,
  status: number,
  code?: string,
): Promise<Json> {
  const before = await poolState(workspaceId);
  const res = await call();
  expect(res.statusCode, res.body).toBe(status);
  if (code) expect(res.json().code).toBe(code);
  expect(await poolState(workspaceId)).toEqual(before);
  return res.json();
}

export const one = async <T = Json>(query: SQL): Promise<T> => (await dbRows<T>(query))[0];

/** Moves a record's clocks into the past, as if it had been owned for `days` days. */
export async function ownedFor(table: 'accounts' | 'leads', id: string, days: number) {
  const since = new Date(Date.now() - days * 86_400_000).toISOString();
  await dbRows(
    sql`update ${sql.identifier(table)} set owner_since = ${since}::timestamptz, created_at = ${since}::timestamptz where id = ${id}`,
  );
}

export const DAY = 86_400_000;
