import type { PermissionObject, RolePermissions } from '@guanxi/contract';
import { type Db, plannedOf } from '../db/client.js';

export type Actor = {
  workspaceId: string;
  userId: string;
  roleId: string;
  departmentId: string | null;
  permissions: RolePermissions;
  via: 'session' | 'apiKey' | 'system';
  apiKeyId: string | null;
};

/** Everything a service needs to act for someone: the database, who acts, and the clock. */
export type Ctx = {
  db: Db;
  actor: Actor;
  requestId: string | null;
  now: () => Date;
  /** Memoized per request: user ids whose records a department-scoped role may see. */
  cache: Map<string, unknown>;
  /**
   * The caller confirmed saving records that match existing ones (`?allowDuplicates=true`), so
   * the duplicate check of creates and updates made with this context lets them through.
   */
  allowDuplicates?: boolean;
};

export function createCtx(db: Db, actor: Actor, requestId: string | null = null): Ctx {
  return { db, actor, requestId, now: () => new Date(), cache: new Map() };
}

export type ObjectAction = 'create' | 'read' | 'update' | 'delete';
export type { PermissionObject };

/**
 * The same request, its reads planned once per connection (`plannedOf`): for a page of fixed
 * shape whose queries look records up by id or by their parent, such as the customer 360 page.
 * It shares the request's memo.
 */
export function withPlannedReads(ctx: Ctx): Ctx {
  return { ...ctx, db: plannedOf(ctx.db) };
}
