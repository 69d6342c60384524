import type { PoolObject } from '@guanxi/contract';
import type { Ctx } from './context.js';
import { AppError, invalid } from './errors.js';

/**
 * What the shared data layer needs to know about pools, provided by the pools module (which
 * owns them) when it loads: records of poolable objects get a pool on create and may only be
 * moved to a pool of their own object.
 */
export type PoolDirectory = {
  /** The workspace's first pool of the object, or null when it has none. */
  defaultPoolId(ctx: Ctx, object: PoolObject): Promise<string | null>;
  /** Whether the id is a pool of this object in the actor's workspace. */
  isPoolOf(ctx: Ctx, object: PoolObject, poolId: string): Promise<boolean>;
};

let directory: PoolDirectory | null = null;

export function registerPoolDirectory(provider: PoolDirectory): void {
  directory = provider;
}

/**
 * The pool a new or updated record goes to: the given one (administrators only, checked) or,
 * on create, the default one.
 */
export async function resolvePoolId(
  ctx: Ctx,
  object: PoolObject,
  given: string | undefined,
  onCreate: boolean,
): Promise<string | null | undefined> {
  if (given === undefined) {
    return onCreate ? ((await directory?.defaultPoolId(ctx, object)) ?? null) : undefined;
  }
  if (!ctx.actor.permissions.manageWorkspace) {
    throw new AppError('validation_failed', 'Only workspace administrators may set the pool', {
      errors: [
        { path: 'poolId', message: 'only administrators may set this', code: 'not_permitted' },
      ],
    });
  }
  if (!(await directory?.isPoolOf(ctx, object, given))) {
    throw invalid('poolId', `is not a pool of ${object}s in this workspace`, 'not_found');
  }
  return given;
}
