import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbRows } from '../../../test/db-state.js';
import {
  createTestUser,
  createTestWorkspace,
  TEST_PASSWORD,
} from '../../../test/factories/index.js';
import { type Client, type Json, logIn, testDatabase } from '../../../test/helpers.js';
import { rebuildBoardTotals } from './board-totals.js';
import { created, ok, type PipelineJson, pipelinesOf, stagesByName } from './test-support.js';

type Totals = {
  pipeline_id: string;
  stage_id: string;
  owner_id: string;
  currency: string;
  count: number;
  amount_count: number;
  amount: string;
  weighted: string;
}[];

/** The kept totals of a workspace (zero rows left by moves are not a difference). */
const kept = (workspaceId: string) =>
  dbRows(sql`
    select pipeline_id, stage_id, owner_id, currency, count, amount_count,
      amount::numeric::text as amount, weighted::numeric::text as weighted
    from opportunity_board_totals
    where workspace_id = ${workspaceId} and (count <> 0 or amount_count <> 0 or amount <> 0 or weighted <> 0)
    order by 1, 2, 3, 4`) as Promise<Totals>;

/** The same figures computed from the opportunities as they are. */
const recomputed = (workspaceId: string) =>
  dbRows(sql`
    select pipeline_id, stage_id, owner_id, currency, count(*)::int as count,
      count(amount)::int as amount_count, coalesce(sum(amount), 0)::numeric::text as amount,
      coalesce(sum(amount * probability), 0)::numeric::text as weighted
    from opportunities where workspace_id = ${workspaceId} and deleted_at is null
    group by 1, 2, 3, 4 order by 1, 2, 3, 4`) as Promise<Totals>;

/** Numeric text compared by value: 100.00 and 100 are the same total. */
const normalized = (rows: Totals) =>
  rows.map((r) => ({ ...r, amount: Number(r.amount), weighted: Number(r.weighted) }));

describe('board totals kept by the opportunity writes', () => {
  let admin: Client;
  let rep: Client;
  let repId: string;
  let workspaceId: string;
  let pipeline: PipelineJson;
  let stages: ReturnType<typeof stagesByName>;
  let accountId: string;

  const expectExact = async () => {
    expect(normalized(await kept(workspaceId))).toEqual(normalized(await recomputed(workspaceId)));
  };

  beforeAll(async () => {
    const { db } = await testDatabase();
    const ws = await createTestWorkspace(db);
    workspaceId = ws.workspaceId;
    admin = await logIn(ws.admin.email, TEST_PASSWORD);
    const user = await createTestUser(db, ws, { role: 'sales_rep' });
    repId = user.userId;
    rep = await logIn(user.email, TEST_PASSWORD);
    [pipeline] = await pipelinesOf(admin);
    stages = stagesByName(pipeline);
    accountId = (await created(admin.post('/accounts', { name: 'Northwind Traders Ltd.' }))).id;
  });

  it('stay exact through creates, stage moves, amount, currency, probability and owner edits, trash and restore', async () => {
    const deal = (body: Json) => created(admin.post('/opportunities', { accountId, ...body }));
    const edit = (id: string, body: Json) => ok(admin.patch(`/opportunities/${id}`, body));
    const a = await deal({ name: 'A', amount: '1000.10', currency: 'USD', probability: 15 });
    const b = await deal({ name: 'B', amount: null, currency: 'USD' });
    const c = await deal({
      name: 'C',
      amount: '30000',
      currency: 'CNY',
      stageId: stages['Proposal/Quote'].id,
    });
    await expectExact();
    // A and B share a key (same stage, owner and currency): two rows.
    expect(await kept(workspaceId)).toHaveLength(2);

    await edit(a.id, { stageId: stages['Needs analysis'].id });
    await expectExact();
    await edit(a.id, { amount: '999.99' });
    await edit(b.id, { amount: '50', probability: 33 });
    await edit(c.id, { currency: 'EUR' });
    await expectExact();
    await edit(c.id, { stageId: stages.Won.id });
    await edit(a.id, { stageId: stages.Lost.id, lossReason: 'Budget cut' });
    await edit(b.id, { ownerId: repId });
    await expectExact();

    expect((await admin.delete(`/opportunities/${c.id}`)).statusCode).toBe(204);
    await expectExact();
    await ok(admin.post(`/opportunities/${c.id}/restore`));
    await expectExact();
  });

  it("move with the deals when a leaving user's records are transferred", async () => {
    const repAccount = await created(rep.post('/accounts', { name: 'Contoso 康拓' }));
    const mine = await created(
      rep.post('/opportunities', {
        accountId: repAccount.id,
        name: 'R',
        amount: '75',
        currency: 'USD',
      }),
    );
    expect(mine.ownerId).toBe(repId);
    await expectExact();
    await ok(admin.post(`/users/${repId}/transfer`, { toUserId: admin.userId }));
    const [row] = await dbRows<{ owner_id: string }>(
      sql`select owner_id from opportunities where id = ${mine.id}`,
    );
    expect(row.owner_id).toBe(admin.userId);
    await expectExact();
  });

  it('answer the board as the deals add up, for the whole pipeline and within a data scope', async () => {
    const board = async (client: Client, filter?: Json) => {
      const query = filter ? `&filter=${encodeURIComponent(JSON.stringify(filter))}` : '';
      const body = await ok(client.get(`/opportunities/board?pipelineId=${pipeline.id}${query}`));
      return body.columns.map((c: Json) => ({
        stageId: c.stageId,
        count: c.count,
        totals: c.totals,
      }));
    };
    // A filter every deal passes makes the board aggregate the deals themselves.
    const everything = { name: { isNull: false } };
    await created(rep.post('/opportunities', { accountId: await repAccountId(), name: 'Mine' }));
    expect(await board(admin)).toEqual(await board(admin, everything));
    expect(await board(rep)).toEqual(await board(rep, everything));
    const counted = async (client: Client) =>
      (await board(client)).reduce((n: number, c: Json) => n + c.count, 0);
    expect(await counted(admin)).toBeGreaterThan(await counted(rep));
    expect(await counted(rep)).toBe(1);
  });

  it('are rebuilt from the deals for data written before they existed', async () => {
    const { db } = await testDatabase();
    await db.execute(sql`delete from opportunity_board_totals where workspace_id = ${workspaceId}`);
    expect(await kept(workspaceId)).toEqual([]);
    await rebuildBoardTotals(db, workspaceId);
    await expectExact();
    expect(await kept(workspaceId)).not.toEqual([]);
  });

  async function repAccountId() {
    return (await created(rep.post('/accounts', { name: 'Fabrikam 法布' }))).id as string;
  }
});
