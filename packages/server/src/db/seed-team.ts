import type { Locale } from '@guanxi/contract';
import {
  actorFor,
  createTestDepartment,
  createTestUser,
  createTestWorkspace,
} from '../../test/factories/index.js';
import type { Ctx } from '../platform/context.js';
import type { Db } from './client.js';
import type { Zone } from './seed-clock.js';

export const DEMO_EMAIL = 'demo@guanxi.dev';
export const DEMO_PASSWORD = 'guanxi-demo';

/** A person of the demo team, with a context to act as them. */
export type Member = {
  userId: string;
  name: string;
  email: string;
  zone: Zone;
  locale: Locale;
  /** Acts as this person; random sample records may look alike, so duplicates pass. */
  ctx: Ctx;
};

export type Team = {
  workspaceId: string;
  admin: Member;
  /** 华东销售部: the manager, then the reps. */
  east: { manager: Member; reps: Member[] };
  intl: { manager: Member; reps: Member[] };
  /** Everyone who sells (managers and reps). */
  sellers: Member[];
  everyone: Member[];
};

/**
 * The demo workspace and its people: an admin, and two sales departments with a manager and
 * reps each (Chinese and international). Everyone signs in with the demo password.
 */
export async function seedTeam(db: Db, createdAt: Date): Promise<Team> {
  const ws = await createTestWorkspace(db, {
    name: '关系科技 Guanxi Demo',
    locale: 'zh-CN',
    adminEmail: DEMO_EMAIL,
    adminName: '陈静',
    adminPassword: DEMO_PASSWORD,
    now: createdAt,
  });
  const east = await createTestDepartment(db, ws, '华东销售部', ws.rootDepartmentId);
  const intl = await createTestDepartment(db, ws, 'International Sales', ws.rootDepartmentId);
  const member = async (userId: string, name: string, email: string, zone: Zone) => ({
    userId,
    name,
    email,
    zone,
    locale: (zone === 'cn' ? 'zh-CN' : 'en') as Locale,
    ctx: { ...(await actorFor(db, ws.workspaceId, userId)), allowDuplicates: true },
  });
  const person = async (
    name: string,
    email: string,
    role: 'sales_manager' | 'sales_rep',
    departmentId: string,
    zone: Zone,
  ) => {
    const locale = zone === 'cn' ? 'zh-CN' : 'en';
    const user = await createTestUser(db, ws, {
      name,
      email,
      role,
      departmentId,
      password: DEMO_PASSWORD,
      locale,
    });
    return member(user.userId, name, email, zone);
  };
  const admin = await member(ws.admin.userId, '陈静', DEMO_EMAIL, 'cn');
  const wang = await person('王磊', 'wang.lei@guanxi.dev', 'sales_manager', east, 'cn');
  const li = await person('李娜', 'li.na@guanxi.dev', 'sales_rep', east, 'cn');
  const zhang = await person('张伟', 'zhang.wei@guanxi.dev', 'sales_rep', east, 'cn');
  const emily = await person(
    'Emily Carter',
    'emily.carter@guanxi.dev',
    'sales_manager',
    intl,
    'intl',
  );
  const james = await person('James Wilson', 'james.wilson@guanxi.dev', 'sales_rep', intl, 'intl');
  return {
    workspaceId: ws.workspaceId,
    admin,
    east: { manager: wang, reps: [li, zhang] },
    intl: { manager: emily, reps: [james] },
    sellers: [wang, li, zhang, emily, james],
    everyone: [admin, wang, li, zhang, emily, james],
  };
}
