import type { PoolObject } from '@guanxi/contract';
import type { PoolService } from '../../platform/pool-records.js';
import { accountPool } from '../accounts/index.js';
import { leadPool } from '../leads/index.js';

/** The pool mechanics of each object that can wait in a pool. */
const services: Record<PoolObject, PoolService> = {
  account: accountPool as unknown as PoolService,
  lead: leadPool as unknown as PoolService,
};

export const poolServiceOf = (object: PoolObject): PoolService => services[object];
