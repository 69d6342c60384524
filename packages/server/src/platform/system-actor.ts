import type { Db } from '../db/client.js';
import { type Ctx, createCtx } from './context.js';
import { BUILTIN_ROLES } from './permissions.js';

/** Stands in for a user id where the system acts (scheduled jobs); never a member. */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

/**
 * A context for work the system does on its own (reclaim runs, scheduled jobs): it may read and
 * write every record of the workspace, is audited with `via: 'system'` and no actor id, and
 * never administers the workspace.
 */
export function systemCtx(db: Db, workspaceId: string, now?: Date): Ctx {
  const ctx = createCtx(db, {
    workspaceId,
    userId: SYSTEM_USER_ID,
    roleId: SYSTEM_USER_ID,
    departmentId: null,
    permissions: { objects: BUILTIN_ROLES.admin.permissions.objects, manageWorkspace: false },
    via: 'system',
    apiKeyId: null,
  });
  return now ? { ...ctx, now: () => now } : ctx;
}

/** The user to store as `updatedBy` / `actorId`: none when the system acts. */
export const actingUserId = (ctx: Ctx): string | null =>
  ctx.actor.via === 'system' ? null : ctx.actor.userId;
