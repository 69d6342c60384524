import { type Faker, fakerEN_US, fakerZH_CN } from '@faker-js/faker';
import type { CreateAccountInput, CreateContactInput, Locale } from '@guanxi/contract';
import {
  ACCOUNT_SIZES,
  ACCOUNT_SOURCES,
  ACCOUNT_STATUSES,
  ACCOUNT_TIERS,
  BUYING_ROLES,
} from '@guanxi/contract';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { newId } from '../../src/db/ids.js';
import { createAccount } from '../../src/modules/accounts/index.js';
import { createContact } from '../../src/modules/contacts/index.js';
import { createWorkspace, hashPassword, identityTables } from '../../src/modules/identity/index.js';
import { type Actor, type Ctx, createCtx } from '../../src/platform/context.js';
import * as data from './sample-data.js';
// Registers every module's workspace defaults, as the app does.
import '../../src/modules/index.js';

const { departments, members, roles, users } = identityTables;
type RoleKey = 'admin' | 'sales_manager' | 'sales_rep';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;
/** Tests need speed, not strength: one precomputed hash serves every factory user. */
let testHash: Promise<string> | undefined;
const sharedTestHash = () => {
  testHash ??= hashPassword(TEST_PASSWORD);
  return testHash;
};
export const TEST_PASSWORD = 'correct horse battery';

export type TestWorkspace = {
  workspaceId: string;
  roleIds: Record<RoleKey, string>;
  rootDepartmentId: string;
  admin: TestUser;
};
export type TestUser = { userId: string; email: string; password: string; ctx: Ctx };

export async function actorFor(
  db: Db,
  workspaceId: string,
  userId: string,
  via: Actor['via'] = 'session',
): Promise<Ctx> {
  const [row] = await db
    .select({ member: members, role: roles })
    .from(members)
    .innerJoin(roles, eq(roles.id, members.roleId))
    .where(eq(members.userId, userId));
  return createCtx(db, {
    workspaceId,
    userId,
    roleId: row.member.roleId,
    departmentId: row.member.departmentId,
    permissions: row.role.permissions,
    via,
    apiKeyId: null,
  });
}

export async function createTestUser(
  db: Db,
  ws: Omit<TestWorkspace, 'admin'>,
  overrides: {
    role?: RoleKey;
    departmentId?: string | null;
    name?: string;
    email?: string;
    password?: string;
    locale?: Locale;
  } = {},
): Promise<TestUser> {
  const userId = newId();
  const email = overrides.email ?? `user-${unique()}@example.test`;
  const password = overrides.password ?? TEST_PASSWORD;
  const passwordHash = overrides.password ? await hashPassword(password) : await sharedTestHash();
  await db.insert(users).values({
    id: userId,
    email,
    name: overrides.name ?? fakerEN_US.person.fullName(),
    passwordHash,
    locale: overrides.locale ?? null,
  });
  await db.insert(members).values({
    workspaceId: ws.workspaceId,
    userId,
    roleId: ws.roleIds[overrides.role ?? 'sales_rep'],
    departmentId:
      overrides.departmentId === undefined ? ws.rootDepartmentId : overrides.departmentId,
  });
  return { userId, email, password, ctx: await actorFor(db, ws.workspaceId, userId) };
}

export async function createTestWorkspace(
  db: Db,
  overrides: {
    name?: string;
    locale?: Locale;
    adminEmail?: string;
    adminName?: string;
    adminPassword?: string;
    /** When the workspace was created (the demo's starts a year ago). */
    now?: Date;
  } = {},
): Promise<TestWorkspace> {
  const ws = await createWorkspace(db, {
    name: overrides.name ?? `Workspace ${unique()}`,
    locale: overrides.locale ?? 'en',
    now: overrides.now ?? new Date(),
  });
  const admin = await createTestUser(db, ws, {
    role: 'admin',
    email: overrides.adminEmail,
    name: overrides.adminName,
    password: overrides.adminPassword,
    locale: overrides.locale,
  });
  return { ...ws, admin };
}

export async function createTestDepartment(
  db: Db,
  ws: { workspaceId: string },
  name: string,
  parentId: string | null,
) {
  const id = newId();
  await db.insert(departments).values({ workspaceId: ws.workspaceId, id, name, parentId });
  return id;
}

const pick = <T>(f: Faker, list: readonly T[]): T => f.helpers.arrayElement(list);

/** Realistic account fields: a Chinese or an international company. */
export function accountInput(f: Faker = fakerEN_US, locale: Locale = 'en'): CreateAccountInput {
  const industry = pick(
    f,
    Object.keys(locale === 'zh-CN' ? data.CN_INDUSTRY_WORDS : data.INTL_INDUSTRY_WORDS),
  ) as keyof typeof data.CN_INDUSTRY_WORDS;
  const common = {
    industry,
    size: pick(f, ACCOUNT_SIZES),
    tier: pick(f, ACCOUNT_TIERS),
    status: pick(f, ACCOUNT_STATUSES),
    source: pick(f, ACCOUNT_SOURCES),
  };
  if (locale === 'zh-CN') {
    const [city, province] = pick(f, data.CN_CITIES);
    const word = pick(f, data.CN_INDUSTRY_WORDS[industry]);
    return {
      ...common,
      name: `${city}${pick(f, data.CN_BRANDS)}${word}${pick(f, data.CN_SUFFIXES)}`,
      country: '中国',
      province,
      city: `${city}市`,
      address: `${city}市${fakerZH_CN.location.street()}${f.number.int({ min: 1, max: 999 })}号`,
      phone: `+86 ${f.string.numeric(3)} ${f.string.numeric(4)} ${f.string.numeric(4)}`,
      website: `www.${fakerEN_US.string.alpha({ length: { min: 4, max: 8 }, casing: 'lower' })}.com.cn`,
      tags: f.helpers.arrayElements(
        ['重点客户', '战略合作', '华东区', '华南区', '老客户', '招投标'],
        { min: 0, max: 2 },
      ),
    };
  }
  const [city, province, country] = pick(f, data.INTL_CITIES);
  const base = pick(f, data.INTL_NAME_PARTS);
  const industryWords = (data.INTL_INDUSTRY_WORDS as Record<string, readonly string[]>)[
    industry
  ] ?? ['Group'];
  return {
    ...common,
    name: `${base} ${pick(f, industryWords)} ${pick(f, data.INTL_SUFFIXES)}`,
    country,
    province,
    city,
    address: f.location.streetAddress(),
    phone: `+${f.string.numeric({ length: 2, allowLeadingZeros: false })} ${f.string.numeric(3)} ${f.string.numeric(4)}`,
    website: `${base.toLowerCase()}-${f.string.alpha({ length: 3, casing: 'lower' })}.com`,
    tags: f.helpers.arrayElements(['key account', 'strategic', 'EMEA', 'APAC', 'renewal'], {
      min: 0,
      max: 2,
    }),
  };
}

export function contactInput(
  f: Faker = fakerEN_US,
  locale: Locale = 'en',
  accountId: string | null = null,
): CreateContactInput {
  if (locale === 'zh-CN') {
    const name = fakerZH_CN.person.lastName() + fakerZH_CN.person.firstName();
    return {
      name,
      title: pick(f, data.CN_TITLES),
      department: pick(f, data.CN_DEPARTMENTS),
      email: `${fakerEN_US.string.alpha({ length: { min: 3, max: 8 }, casing: 'lower' })}${f.number.int(99)}@example.cn`,
      phones: [
        {
          label: 'mobile',
          number: `+86 1${f.string.numeric(2)} ${f.string.numeric(4)} ${f.string.numeric(4)}`,
        },
      ],
      wechat: `wx_${fakerEN_US.string.alphanumeric({ length: 8, casing: 'lower' })}`,
      buyingRole: pick(f, BUYING_ROLES),
      accountId,
    };
  }
  const first = f.person.firstName();
  const last = f.person.lastName();
  return {
    name: `${first} ${last}`,
    title: pick(f, data.INTL_TITLES),
    department: pick(f, data.INTL_DEPARTMENTS),
    email: `${first}.${last}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
    phones: [
      {
        label: 'work',
        number: `+1 ${f.string.numeric(3)} ${f.string.numeric(3)} ${f.string.numeric(4)}`,
      },
    ],
    wechat: null,
    buyingRole: pick(f, BUYING_ROLES),
    accountId,
  };
}

// Random test data may happen to look alike; factories save it past the duplicate check.
export const createTestAccount = (ctx: Ctx, overrides: Partial<CreateAccountInput> = {}) =>
  createAccount({ ...ctx, allowDuplicates: true }, { ...accountInput(), ...overrides });

export const createTestContact = (ctx: Ctx, overrides: Partial<CreateContactInput> = {}) =>
  createContact({ ...ctx, allowDuplicates: true }, { ...contactInput(), ...overrides });

export {
  activityInput,
  createTestActivity,
  createTestTask,
  taskInput,
} from './activities.js';
export { createTestLead, leadInput } from './leads.js';
export { createTestOpportunity, opportunityInput } from './opportunities.js';
