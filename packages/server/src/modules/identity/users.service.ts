import type { Role, UpdateUserInput, User } from '@guanxi/contract';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { auditedWrite } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { requireWorkspaceAdmin } from '../../platform/permissions.js';
import { departments, members, roles, sessions, users } from './identity.tables.js';

type UserRow = typeof users.$inferSelect;
type MemberRow = typeof members.$inferSelect;
type RoleRow = typeof roles.$inferSelect;

export const toUser = (user: UserRow, member: MemberRow): User => ({
  id: user.id,
  email: user.email,
  name: user.name,
  locale: user.locale,
  roleId: member.roleId,
  departmentId: member.departmentId,
  status: member.status,
  createdAt: member.createdAt.toISOString(),
});

export const toRole = (role: RoleRow): Role => ({
  id: role.id,
  name: role.name,
  builtinKey: role.builtinKey,
  permissions: role.permissions,
  createdAt: role.createdAt.toISOString(),
});

const USER_FIELDS = ['name', 'roleId', 'departmentId', 'status'] as const;

/** Display names of users by id (for history and record pages). */
export async function getUserNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Refuses a role or department that is not this workspace's (400 on the field). */
export async function assertRoleAndDepartment(
  ctx: Ctx,
  refs: { roleId?: string; departmentId?: string | null },
): Promise<void> {
  const ws = ctx.actor.workspaceId;
  if (refs.roleId) {
    const [role] = await ctx.db
      .select({ id: roles.id })
      .from(roles)
      .where(and(eq(roles.workspaceId, ws), eq(roles.id, refs.roleId)));
    if (!role) throw invalid('roleId', 'no such role in this workspace', 'not_found');
  }
  if (refs.departmentId) {
    const [dept] = await ctx.db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.workspaceId, ws), eq(departments.id, refs.departmentId)));
    if (!dept) throw invalid('departmentId', 'no such department in this workspace', 'not_found');
  }
}

/** Everyone in the workspace (names are needed for owner pickers by every role). */
export async function listUsers(ctx: Ctx): Promise<User[]> {
  const rows = await ctx.db
    .select({ user: users, member: members })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(users.name));
  return rows.map((r) => toUser(r.user, r.member));
}

async function countActiveAdmins(ctx: Ctx, exceptUserId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(members)
    .innerJoin(roles, and(eq(roles.workspaceId, members.workspaceId), eq(roles.id, members.roleId)))
    .where(
      and(
        eq(members.workspaceId, ctx.actor.workspaceId),
        eq(members.status, 'active'),
        ne(members.userId, exceptUserId),
        sql`(${roles.permissions} ->> 'manageWorkspace')::boolean`,
      ),
    );
  return row.n;
}

export async function updateUser(
  ctx: Ctx,
  { id, data }: { id: string; data: z.infer<typeof UpdateUserInput> },
): Promise<User> {
  requireWorkspaceAdmin(ctx);
  const ws = ctx.actor.workspaceId;
  const [current] = await ctx.db
    .select({ user: users, member: members })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.workspaceId, ws), eq(members.userId, id)));
  if (!current) throw notFound('User');
  await assertRoleAndDepartment(ctx, data);
  if (id === ctx.actor.userId && data.status === 'deactivated') {
    throw invalid('status', 'you cannot deactivate yourself');
  }
  const losesAdmin =
    data.status === 'deactivated' ||
    (data.roleId !== undefined && data.roleId !== current.member.roleId);
  if (losesAdmin && (await countActiveAdmins(ctx, id)) === 0) {
    throw new AppError('conflict', 'The workspace must keep at least one active administrator.');
  }
  return auditedWrite(ctx, 'user', async (tx) => {
    if (data.name) await tx.update(users).set({ name: data.name }).where(eq(users.id, id));
    const { name: _name, ...memberPatch } = data;
    let member = current.member;
    if (Object.keys(memberPatch).length > 0) {
      [member] = await tx
        .update(members)
        .set(memberPatch)
        .where(and(eq(members.workspaceId, ws), eq(members.userId, id)))
        .returning();
    }
    if (data.status === 'deactivated') {
      // A deactivated user is signed out everywhere at once.
      await tx.delete(sessions).where(and(eq(sessions.workspaceId, ws), eq(sessions.userId, id)));
    }
    const before = toUser(current.user, current.member);
    const after = toUser({ ...current.user, name: data.name ?? current.user.name }, member);
    return { recordId: id, action: 'update', before, after, fields: USER_FIELDS, result: after };
  });
}
