import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbRows } from '../../../test/db-state.js';
import {
  createTestAccount,
  createTestWorkspace,
  TEST_PASSWORD,
} from '../../../test/factories/index.js';
import { opportunityInput } from '../../../test/factories/opportunities.js';
import { logIn, testDatabase } from '../../../test/helpers.js';
import type { Ctx } from '../../platform/context.js';
import { createOpportunity, listPipelines, updateOpportunity } from './index.js';
import { ok, refused } from './test-support.js';

const DAY = 86_400;

describe('stage history', () => {
  it('stores every stage change with who, when and the time spent in the stage left', async () => {
    const { db } = await testDatabase();
    const ws = await createTestWorkspace(db);
    const at = (iso: string): Ctx => ({ ...ws.admin.ctx, now: () => new Date(iso) });
    const [pipeline] = await listPipelines(ws.admin.ctx);
    const [qualification, needs, proposal, , won] = pipeline.stages;
    const account = await createTestAccount(ws.admin.ctx);

    const opp = await createOpportunity(
      at('2026-01-05T09:00:00Z'),
      opportunityInput(undefined, 'en', account.id, { amount: null }),
    );
    expect(opp.stageEnteredAt).toBe('2026-01-05T09:00:00.000Z');
    await updateOpportunity(at('2026-01-07T09:00:00Z'), {
      id: opp.id,
      data: { stageId: needs.id },
    });
    // A write that does not change the stage adds nothing to the stage history.
    await updateOpportunity(at('2026-01-08T09:00:00Z'), { id: opp.id, data: { nextStep: 'Call' } });
    await updateOpportunity(at('2026-01-17T21:00:00Z'), {
      id: opp.id,
      data: { stageId: proposal.id, amount: '42000' },
    });
    const winning = await updateOpportunity(at('2026-01-20T21:00:00Z'), {
      id: opp.id,
      data: { stageId: won.id },
    });
    expect(winning.closedAt).toBe('2026-01-20T21:00:00.000Z');

    const admin = await logIn(ws.admin.email, TEST_PASSWORD);
    const history = (await ok(admin.get(`/opportunities/${opp.id}/stage-history`))).data;
    expect(
      history.map((h: Record<string, unknown>) => [
        h.fromStageName,
        h.toStageName,
        h.at,
        h.durationSeconds,
      ]),
    ).toEqual([
      ['Proposal/Quote', 'Won', '2026-01-20T21:00:00.000Z', 3 * DAY],
      ['Needs analysis', 'Proposal/Quote', '2026-01-17T21:00:00.000Z', 10.5 * DAY],
      ['Qualification', 'Needs analysis', '2026-01-07T09:00:00.000Z', 2 * DAY],
      [null, 'Qualification', '2026-01-05T09:00:00.000Z', null],
    ]);
    expect(history[0]).toMatchObject({
      fromStageId: proposal.id,
      toStageId: won.id,
      actorId: ws.admin.userId,
      actorName: expect.any(String),
    });
    expect(history[3].toStageId).toBe(qualification.id);
    const [account360] = await dbRows<{ last_won_at: Date }>(
      sql`select last_won_at from accounts where id = ${account.id}`,
    );
    expect(new Date(account360.last_won_at).toISOString()).toBe('2026-01-20T21:00:00.000Z');
  });

  it('writes no history row when the stage change is refused', async () => {
    const { db } = await testDatabase();
    const ws = await createTestWorkspace(db);
    const admin = await logIn(ws.admin.email, TEST_PASSWORD);
    const [pipeline] = await listPipelines(ws.admin.ctx);
    const account = await createTestAccount(ws.admin.ctx);
    const opp = await createOpportunity(
      ws.admin.ctx,
      opportunityInput(undefined, 'en', account.id, { amount: null }),
    );
    await refused(
      ws.workspaceId,
      () => admin.patch(`/opportunities/${opp.id}`, { stageId: pipeline.stages[2].id }),
      400,
    );
    expect((await ok(admin.get(`/opportunities/${opp.id}/stage-history`))).data).toHaveLength(1);
  });
});
