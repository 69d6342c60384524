import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../db/client.js';

/** Ids of active and former members in a department and all departments below it. */
export async function listDepartmentSubtreeUserIds(
  db: Executor,
  workspaceId: string,
  departmentId: string,
): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive subtree as (
      select id from departments where workspace_id = ${workspaceId} and id = ${departmentId}
      union all
      select d.id from departments d join subtree s on d.parent_id = s.id
      where d.workspace_id = ${workspaceId}
    )
    select m.user_id from members m
    where m.workspace_id = ${workspaceId} and m.department_id in (select id from subtree)`);
  return rowsOf<{ user_id: string }>(result).map((r) => r.user_id);
}
