import { fakerEN_US, fakerZH_CN } from '@faker-js/faker';
import { sql } from 'drizzle-orm';
import {
  accountInput,
  actorFor,
  contactInput,
  createTestDepartment,
  createTestUser,
  createTestWorkspace,
} from '../../test/factories/index.js';
import { createAccount } from '../modules/accounts/index.js';
import { createContact } from '../modules/contacts/index.js';
import { type Db, rowsOf } from './client.js';

export const DEMO_EMAIL = 'demo@guanxi.dev';
export const DEMO_PASSWORD = 'guanxi-demo';

/**
 * A living demo workspace: an admin, two sales departments with a manager and reps each, and
 * about 60 accounts and 250 contacts, Chinese and international. Same data on every run.
 */
export async function seedDemo(db: Db) {
  fakerZH_CN.seed(20261125);
  fakerEN_US.seed(20261125);
  const f = fakerZH_CN;
  const ws = await createTestWorkspace(db, {
    name: '关系科技 Guanxi Demo',
    locale: 'zh-CN',
    adminEmail: DEMO_EMAIL,
    adminName: '陈静',
    adminPassword: DEMO_PASSWORD,
  });
  const east = await createTestDepartment(db, ws, '华东销售部', ws.rootDepartmentId);
  const intl = await createTestDepartment(db, ws, 'International Sales', ws.rootDepartmentId);
  const person = (
    name: string,
    email: string,
    role: 'sales_manager' | 'sales_rep',
    departmentId: string,
    locale: 'zh-CN' | 'en',
  ) => createTestUser(db, ws, { name, email, role, departmentId, password: DEMO_PASSWORD, locale });
  const team = [
    await person('王磊', 'wang.lei@guanxi.dev', 'sales_manager', east, 'zh-CN'),
    await person('李娜', 'li.na@guanxi.dev', 'sales_rep', east, 'zh-CN'),
    await person('张伟', 'zhang.wei@guanxi.dev', 'sales_rep', east, 'zh-CN'),
    await person('Emily Carter', 'emily.carter@guanxi.dev', 'sales_manager', intl, 'en'),
    await person('James Wilson', 'james.wilson@guanxi.dev', 'sales_rep', intl, 'en'),
  ];
  // Random sample companies may look alike; the demo keeps them rather than failing the seed.
  const admin = {
    ...(await actorFor(db, ws.workspaceId, ws.admin.userId)),
    allowDuplicates: true,
  };
  let accounts = 0;
  let contacts = 0;
  for (let i = 0; i < 60; i++) {
    const locale = i % 3 === 2 ? 'en' : 'zh-CN';
    // Reps own most accounts; their own department's people get their market.
    const owners =
      locale === 'zh-CN' ? [team[1], team[1], team[2], team[0]] : [team[4], team[4], team[3]];
    const owner = f.helpers.arrayElement(owners);
    const account = await createAccount(admin, {
      ...accountInput(locale === 'en' ? fakerEN_US : f, locale),
      ownerId: owner.userId,
    });
    accounts++;
    const n = i < 10 ? 7 : 4;
    for (let c = 0; c < n && contacts < 250; c++) {
      await createContact(admin, {
        ...contactInput(locale === 'en' ? fakerEN_US : f, locale, account.id),
        ownerId: owner.userId,
      });
      contacts++;
    }
  }
  return {
    workspaceId: ws.workspaceId,
    accounts,
    contacts,
    email: DEMO_EMAIL,
    password: DEMO_PASSWORD,
  };
}

/** Seeds the demo workspace when the database has no workspace yet; null when it had one. */
export async function seedDemoIfEmpty(db: Db) {
  const [{ n }] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from workspaces`),
  );
  return n > 0 ? null : seedDemo(db);
}
