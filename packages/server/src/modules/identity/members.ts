import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { members } from './identity.tables.js';

export async function isAssignableMember(
  db: Executor,
  workspaceId: string,
  userId: string,
): Promise<boolean> {
  const rows = await db
    .select({ status: members.status })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.userId, userId)))
    .limit(1);
  return rows[0]?.status === 'active';
}

/** Whether the user is (or was: deactivated members count) a member of the workspace. */
export async function isWorkspaceMember(
  db: Executor,
  workspaceId: string,
  userId: string,
): Promise<boolean> {
  const rows = await db
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.userId, userId)))
    .limit(1);
  return rows.length > 0;
}
