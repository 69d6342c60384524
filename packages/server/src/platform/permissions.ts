import type { ObjectPermission, PermissionObject, RolePermissions } from '@guanxi/contract';
import { PERMISSION_OBJECTS } from '@guanxi/contract';
import { eq, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { listDepartmentSubtreeUserIds } from '../modules/identity/index.js';
import type { Ctx, ObjectAction } from './context.js';
import { AppError } from './errors.js';

const NONE: ObjectPermission = {
  create: false,
  read: false,
  update: false,
  delete: false,
  scope: 'own',
};

export function objectPermission(ctx: Ctx, object: PermissionObject): ObjectPermission {
  return ctx.actor.permissions.objects[object] ?? NONE;
}

/** Fields of the object the actor's role hides or makes read-only. */
export function restrictedFields(ctx: Ctx, object: PermissionObject) {
  const fields = objectPermission(ctx, object).fields ?? {};
  const hidden = Object.keys(fields).filter((f) => fields[f] === 'hidden');
  const readOnly = Object.keys(fields).filter((f) => fields[f] === 'readOnly');
  return { hidden, readOnly };
}

/** Refuses (400, per field) a write that sets fields the actor's role hides or makes read-only. */
export function assertWritableFields(
  ctx: Ctx,
  object: PermissionObject,
  input: Record<string, unknown>,
) {
  const { hidden, readOnly } = restrictedFields(ctx, object);
  const refused = [...hidden, ...readOnly].filter((f) => input[f] !== undefined);
  if (refused.length > 0) {
    throw new AppError('validation_failed', `Your role may not set: ${refused.join(', ')}`, {
      errors: refused.map((path) => ({
        path,
        message: 'your role may not set this field',
        code: 'not_permitted' as const,
      })),
    });
  }
}

/** Refuses (403) when the role lacks the action on the object type at all. */
export function requirePermission(ctx: Ctx, object: PermissionObject, action: ObjectAction): void {
  if (!objectPermission(ctx, object)[action]) {
    throw new AppError('forbidden', `Your role may not ${action} ${object} records`);
  }
}

export function requireWorkspaceAdmin(ctx: Ctx): void {
  if (!ctx.actor.permissions.manageWorkspace) {
    throw new AppError('forbidden', 'Only workspace administrators may do this');
  }
}

/** User ids whose records the actor's data scope covers; null means every record. */
export async function scopeOwnerIds(ctx: Ctx, object: PermissionObject): Promise<string[] | null> {
  const { scope } = objectPermission(ctx, object);
  if (scope === 'all') return null;
  if (scope === 'own' || !ctx.actor.departmentId) return [ctx.actor.userId];
  const key = `dept:${ctx.actor.departmentId}`;
  let ids = ctx.cache.get(key) as string[] | undefined;
  if (!ids) {
    ids = await listDepartmentSubtreeUserIds(ctx.db, ctx.actor.workspaceId, ctx.actor.departmentId);
    if (!ids.includes(ctx.actor.userId)) ids.push(ctx.actor.userId);
    ctx.cache.set(key, ids);
  }
  return ids;
}

/** The WHERE condition that limits a query on `ownerColumn` to the actor's data scope. */
export async function scopeCondition(
  ctx: Ctx,
  object: PermissionObject,
  ownerColumn: PgColumn,
): Promise<SQL | undefined> {
  const ids = await scopeOwnerIds(ctx, object);
  if (ids === null) return undefined;
  return ids.length === 1 ? eq(ownerColumn, ids[0]) : inArray(ownerColumn, ids);
}

const full = (scope: ObjectPermission['scope']): ObjectPermission => ({
  create: true,
  read: true,
  update: true,
  delete: true,
  scope,
});

const allObjects = (perm: ObjectPermission) =>
  Object.fromEntries(PERMISSION_OBJECTS.map((o) => [o, perm])) as RolePermissions['objects'];

export const BUILTIN_ROLES = {
  admin: {
    name: { en: 'Admin', 'zh-CN': '管理员' },
    permissions: { objects: allObjects(full('all')), manageWorkspace: true },
  },
  sales_manager: {
    name: { en: 'Sales Manager', 'zh-CN': '销售经理' },
    permissions: { objects: allObjects(full('department')), manageWorkspace: false },
  },
  sales_rep: {
    name: { en: 'Sales Rep', 'zh-CN': '销售代表' },
    permissions: { objects: allObjects(full('own')), manageWorkspace: false },
  },
} satisfies Record<string, { name: Record<string, string>; permissions: RolePermissions }>;
