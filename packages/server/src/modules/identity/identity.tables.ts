import type { RolePermissions } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  defaultLocale: text('default_locale').$type<'zh-CN' | 'en'>().notNull().default('en'),
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  currency: text('currency').notNull().default('CNY'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** A person who signs in. One identity can be a member of several workspaces. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').$type<'zh-CN' | 'en'>(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

export const roles = pgTable(
  'roles',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    builtinKey: text('builtin_key').$type<'admin' | 'sales_manager' | 'sales_rep'>(),
    permissions: jsonb('permissions').$type<RolePermissions>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('roles_builtin_key').on(t.workspaceId, t.builtinKey),
  ],
);

export const departments = pgTable(
  'departments',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.parentId],
      foreignColumns: [t.workspaceId, t.id],
    }),
  ],
);

/** A user's place in one workspace: role, department, status. Owners reference this. */
export const members = pgTable(
  'members',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    userId: uuid('user_id')
      .notNull()
      .references((): AnyPgColumn => users.id),
    roleId: uuid('role_id').notNull(),
    departmentId: uuid('department_id'),
    status: text('status').$type<'active' | 'deactivated'>().notNull().default('active'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    foreignKey({
      columns: [t.workspaceId, t.roleId],
      foreignColumns: [roles.workspaceId, roles.id],
    }),
    foreignKey({
      columns: [t.workspaceId, t.departmentId],
      foreignColumns: [departments.workspaceId, departments.id],
    }),
    index('members_user_idx').on(t.userId),
    index('members_department_idx').on(t.workspaceId, t.departmentId),
  ],
);

/** Foreign key from (workspace_id, a user column) to a member of the same workspace. */
export const memberForeignKey = (workspaceId: AnyPgColumn, userId: AnyPgColumn) =>
  foreignKey({
    columns: [workspaceId, userId],
    foreignColumns: [members.workspaceId, members.userId],
  });

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie value: a database leak does not leak usable sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [
    memberForeignKey(t.workspaceId, t.userId).onDelete('cascade'),
    index('sessions_user_idx').on(t.workspaceId, t.userId),
  ],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    memberForeignKey(t.workspaceId, t.userId),
    uniqueIndex('api_keys_hash_key').on(t.keyHash),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    id: uuid('id').notNull(),
    email: text('email').notNull(),
    roleId: uuid('role_id').notNull(),
    departmentId: uuid('department_id'),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.roleId],
      foreignColumns: [roles.workspaceId, roles.id],
    }),
    foreignKey({
      columns: [t.workspaceId, t.departmentId],
      foreignColumns: [departments.workspaceId, departments.id],
    }),
    uniqueIndex('invitations_token_key').on(t.tokenHash),
  ],
);

/** Failed sign-ins per e-mail and per client address, for throttling (shared by all app nodes). */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: ts('window_started_at').notNull(),
  blockedUntil: ts('blocked_until'),
});
