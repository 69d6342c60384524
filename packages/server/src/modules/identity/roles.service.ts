import type { CreateRoleInput, Role, UpdateRoleInput } from '@guanxi/contract';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { newId } from '../../db/ids.js';
import { auditedWrite } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { requireWorkspaceAdmin } from '../../platform/permissions.js';
import { roles } from './identity.tables.js';
import { toRole } from './users.service.js';

const ROLE_FIELDS = ['name', 'permissions'] as const;

export async function listRoles(ctx: Ctx): Promise<Role[]> {
  const rows = await ctx.db
    .select()
    .from(roles)
    .where(eq(roles.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(roles.createdAt));
  return rows.map(toRole);
}

export async function createRole(ctx: Ctx, data: z.infer<typeof CreateRoleInput>): Promise<Role> {
  requireWorkspaceAdmin(ctx);
  return auditedWrite(ctx, 'role', async (tx) => {
    const [row] = await tx
      .insert(roles)
      .values({ workspaceId: ctx.actor.workspaceId, id: newId(), ...data, createdAt: ctx.now() })
      .returning();
    const role = toRole(row);
    return {
      recordId: row.id,
      action: 'create',
      before: null,
      after: role,
      fields: ROLE_FIELDS,
      result: role,
    };
  });
}

export async function updateRole(
  ctx: Ctx,
  { id, data }: { id: string; data: z.infer<typeof UpdateRoleInput> },
): Promise<Role> {
  requireWorkspaceAdmin(ctx);
  const where = and(eq(roles.workspaceId, ctx.actor.workspaceId), eq(roles.id, id));
  const [current] = await ctx.db.select().from(roles).where(where);
  if (!current) throw notFound('Role');
  if (current.builtinKey === 'admin' && data.permissions) {
    throw new AppError('forbidden', 'The Admin role always has every permission.');
  }
  return auditedWrite(ctx, 'role', async (tx) => {
    const [row] = await tx.update(roles).set(data).where(where).returning();
    const role = toRole(row);
    return {
      recordId: id,
      action: 'update',
      before: toRole(current),
      after: role,
      fields: ROLE_FIELDS,
      result: role,
    };
  });
}
