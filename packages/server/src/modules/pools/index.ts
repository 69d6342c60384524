import { enqueueJob, registerJobHandler, registerRecurringJob } from '../../platform/jobs.js';
import { registerPoolDirectory } from '../../platform/pool-directory.js';
import { registerWorkspaceDefaults } from '../../platform/workspace-defaults.js';
import { createDefaultPools, poolDirectory } from './pool-defaults.js';
import { reclaimWorkspace, workspacesWithReclaimRules } from './pool-reclaim.js';

export { reclaimWorkspace } from './pool-reclaim.js';
export { claimRecord, returnRecord } from './pool-records.service.js';
export { poolServiceOf } from './pooled-objects.js';
export { poolRoutes } from './pools.routes.js';
export { listPools, updatePool } from './pools.service.js';

registerWorkspaceDefaults('pools', createDefaultPools);
registerPoolDirectory(poolDirectory);

/** How often the reclaim rules are checked. */
export const RECLAIM_EVERY_MINUTES = 15;

// Every quarter hour, one job per workspace with reclaim rules: a workspace's run fails,
// retries and is logged on its own.
registerRecurringJob(
  'pools.reclaim',
  { minutes: RECLAIM_EVERY_MINUTES },
  async (_job, { database, now }) => {
    for (const workspaceId of await workspacesWithReclaimRules(database.db)) {
      await enqueueJob(database.db, {
        name: 'pools.reclaim-workspace',
        workspaceId,
        runAt: now,
        dedupeKey: workspaceId,
      });
    }
  },
);
registerJobHandler('pools.reclaim-workspace', async (job, { database, now }) => {
  if (job.workspaceId) await reclaimWorkspace(database.db, job.workspaceId, now);
});
