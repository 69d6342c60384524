import type { CreateDepartmentInput, Department, UpdateDepartmentInput } from '@guanxi/contract';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { rowsOf } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { auditedWrite } from '../../platform/audit.js';
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

const DEPARTMENT_FIELDS = ['name', 'parentId'] as const;

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
    if (cur === id) {
      throw invalid(
        'parentId',
        'a department cannot be placed under itself or its sub-departments',
        'cycle',
      );
    }
  }
}

async function rootDepartmentId(ctx: Ctx): Promise<string> {
  const [root] = await ctx.db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.workspaceId, ctx.actor.workspaceId), isNull(departments.parentId)))
    .limit(1);
  return root.id;
}

export async function createDepartment(
  ctx: Ctx,
  data: z.infer<typeof CreateDepartmentInput>,
): Promise<Department> {
  requireWorkspaceAdmin(ctx);
  // The tree has one root: a department without a parent goes under it.
  const parentId = data.parentId ?? (await rootDepartmentId(ctx));
  await assertValidParent(ctx, null, parentId);
  return auditedWrite(ctx, 'department', async (tx) => {
    const [row] = await tx
      .insert(departments)
      .values({
        workspaceId: ctx.actor.workspaceId,
        id: newId(),
        name: data.name,
        parentId,
        createdAt: ctx.now(),
      })
      .returning();
    const department = toDepartment(row);
    return {
      recordId: row.id,
      action: 'create',
      before: null,
      after: department,
      fields: DEPARTMENT_FIELDS,
      result: department,
    };
  });
}

export async function updateDepartment(
  ctx: Ctx,
  { id, data }: { id: string; data: z.infer<typeof UpdateDepartmentInput> },
): Promise<Department> {
  requireWorkspaceAdmin(ctx);
  if (data.parentId) await assertValidParent(ctx, id, data.parentId);
  if (data.parentId === null && id !== (await rootDepartmentId(ctx))) {
    throw invalid('parentId', 'only the root department has no parent', 'required');
  }
  const where = and(eq(departments.workspaceId, ctx.actor.workspaceId), eq(departments.id, id));
  return auditedWrite(ctx, 'department', async (tx) => {
    const [before] = await tx.select().from(departments).where(where).for('update');
    if (!before) throw notFound('Department');
    const [row] = await tx.update(departments).set(data).where(where).returning();
    const department = toDepartment(row);
    return {
      recordId: id,
      action: 'update',
      before: toDepartment(before),
      after: department,
      fields: DEPARTMENT_FIELDS,
      result: department,
    };
  });
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
  await auditedWrite(ctx, 'department', async (tx) => {
    const [row] = await tx
      .delete(departments)
      .where(and(eq(departments.workspaceId, ws), eq(departments.id, id)))
      .returning();
    if (!row) throw notFound('Department');
    const department = toDepartment(row);
    return {
      recordId: id,
      action: 'delete',
      before: department,
      after: null,
      fields: DEPARTMENT_FIELDS,
      result: undefined,
    };
  });
}
