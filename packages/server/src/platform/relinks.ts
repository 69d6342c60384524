import type { PermissionObject } from '@guanxi/contract';
import type { Ctx } from './context.js';

/**
 * Moves every link to record `from` over to record `to` (both of the registered object) and
 * returns how many records it moved. Runs inside the merge's transaction (`ctx.db` is on it).
 */
export type Relinker = (ctx: Ctx, args: { from: string; to: string }) => Promise<number>;

const relinkers = new Map<PermissionObject, Map<string, Relinker>>();

/**
 * A module whose records link to `object` registers how to move those links, so merging two
 * records of `object` loses nothing. `name` says what moves (e.g. "contacts") in the merge report.
 */
export function registerRelinker(object: PermissionObject, name: string, relink: Relinker): void {
  const forObject = relinkers.get(object) ?? new Map<string, Relinker>();
  forObject.set(name, relink);
  relinkers.set(object, forObject);
}

/** Runs every relinker of the object; the result counts moved records by name. */
export async function relinkAll(
  ctx: Ctx,
  object: PermissionObject,
  args: { from: string; to: string },
): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const [name, relink] of relinkers.get(object) ?? []) moved[name] = await relink(ctx, args);
  return moved;
}
