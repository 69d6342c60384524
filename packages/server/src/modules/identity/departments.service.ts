import type { CreateDepartmentInput, Department, UpdateDepartmentInput } from '@guanxi/contract';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { rowsOf } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { requireWorkspaceAdmin } from '../../platform/permissions.js';
import { departments, members } from './identity.tables.js';

type DepartmentRow = typeof departments.$inferSelect;
const toDepartment = (d: DepartmentRow): Department => ({
  id: d.id,
  name: d.name,
  parentId: d.parentId,
  createdAt: d.createdAt.toISOString(),
});

export async function listDepartments(ctx: Ctx): Promise<Department[]> {
  const rows = await ctx.db
    .select()
    .from(departments)
    .where(eq(departments.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(departments.createdAt));
  return rows.map(toDepartment);
}

async function assertValidParent(ctx: Ctx, id: string | null, parentId: string) {
  const all = await listDepartments(ctx);
  const byId = new Map(all.map((d) => [d.id, d]));
  if (!byId.has(parentId))
    throw invalid('parentId', 'no such department in this workspace', 'not_found');
  // Walk up from the new parent: reaching the department itself would make a cycle.
  for (let cur: string | null = parentId; cur; cur = byId.get(cur)?.parentId ?? null) {
    if (cur === id) throw invalid('parentId', 'a department cannot be placed under itself');
  }
}

export async function createDepartment(
  ctx: Ctx,
  data: z.infer<typeof CreateDepartmentInput>,
): Promise<Department> {
  requireWorkspaceAdmin(ctx);
  if (data.parentId) await assertValidParent(ctx, null, data.parentId);
  const [row] = await ctx.db
    .insert(departments)
    .values({
      workspaceId: ctx.actor.workspaceId,
      id: newId(),
      name: data.name,
      parentId: data.parentId ?? null,
      createdAt: ctx.now(),
    })
    .returning();
  return toDepartment(row);
}

export async function updateDepartment(
  ctx: Ctx,
  { id, data }: { id: string; data: z.infer<typeof UpdateDepartmentInput> },
): Promise<Department> {
  requireWorkspaceAdmin(ctx);
  if (data.parentId) await assertValidParent(ctx, id, data.parentId);
  const [row] = await ctx.db
    .update(departments)
    .set(data)
    .where(and(eq(departments.workspaceId, ctx.actor.workspaceId), eq(departments.id, id)))
    .returning();
  if (!row) throw notFound('Department');
  return toDepartment(row);
}

export async function deleteDepartment(ctx: Ctx, id: string): Promise<void> {
  requireWorkspaceAdmin(ctx);
  const ws = ctx.actor.workspaceId;
  const [usage] = rowsOf<{ members: number; children: number }>(
    await ctx.db.execute(sql`
    select (select count(*)::int from ${members} where workspace_id = ${ws} and department_id = ${id}) as members,
           (select count(*)::int from ${departments} where workspace_id = ${ws} and parent_id = ${id}) as children`),
  );
  if (usage.members > 0 || usage.children > 0) {
    throw new AppError(
      'conflict',
      'Move its members and sub-departments elsewhere before deleting this department.',
    );
  }
  const deleted = await ctx.db
    .delete(departments)
    .where(and(eq(departments.workspaceId, ws), eq(departments.id, id)))
    .returning({ id: departments.id });
  if (deleted.length === 0) throw notFound('Department');
}
