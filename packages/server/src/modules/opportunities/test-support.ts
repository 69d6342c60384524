import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { dbRows } from '../../../test/db-state.js';
import { type Client, type Json, type Res, signUp } from '../../../test/helpers.js';

// Shared setup of the opportunities tests (not part of the module's surface).

export type Stage = {
  id: string;
  name: string;
  kind: string;
  probability: number;
  requiredFields: string[];
};
export type PipelineJson = { id: string; name: string; stages: Stage[] };

export async function pipelinesOf(client: Client): Promise<PipelineJson[]> {
  const res = await client.get('/pipelines');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data;
}

/** Stages of the default pipeline by their English names. */
export const stagesByName = (pipeline: PipelineJson) =>
  Object.fromEntries(
    pipeline.stages.map((s) => [s.name, { ...s, pipelineId: pipeline.id }]),
  ) as Record<
    'Qualification' | 'Needs analysis' | 'Proposal/Quote' | 'Negotiation' | 'Won' | 'Lost',
    Stage & { pipelineId: string }
  >;

/** A workspace (English) with its admin, an account and the default pipeline. */
export async function salesWorkspace(overrides: { locale?: string } = {}) {
  const admin = await signUp({ locale: overrides.locale ?? 'en' });
  const [pipeline] = await pipelinesOf(admin);
  const account = await created(admin.post('/accounts', { name: 'Northwind Traders Ltd.' }));
  return { admin, pipeline, stages: stagesByName(pipeline), account };
}

export async function created(res: Promise<Res> | Res): Promise<Json> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

export async function ok(res: Promise<Res> | Res): Promise<Json> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

/** Everything an opportunity write can touch in a workspace, to compare before and after. */
export async function opportunityState(workspaceId: string) {
  const all = (table: string) =>
    dbRows(
      sql`select * from ${sql.identifier(table)} where workspace_id = ${workspaceId} order by 1, 2, 3`,
    );
  const n = async (table: string) =>
    (
      await dbRows<{ n: number }>(
        sql`select count(*)::int as n from ${sql.identifier(table)} where workspace_id = ${workspaceId}`,
      )
    )[0].n;
  return {
    opportunities: await all('opportunities'),
    history: await all('opportunity_stage_history'),
    contacts: await all('opportunity_contacts'),
    pipelines: await all('pipelines'),
    stages: await all('pipeline_stages'),
    accounts: await all('accounts'),
    auditEntries: await n('audit_entries'),
    outboxEvents: await n('outbox_events'),
  };
}

/** A refused request: its status and code, and nothing written. */
export async function refused(
  workspaceId: string,
  call: () => Promise<Res>,
  status: number,
  code?: string,
): Promise<Json> {
  const before = await opportunityState(workspaceId);
  const res = await call();
  expect(res.statusCode, res.body).toBe(status);
  if (code) expect(res.json().code).toBe(code);
  expect(await opportunityState(workspaceId)).toEqual(before);
  return res.json();
}
