import { BUYING_ROLES, OPPORTUNITY_SOURCES } from '@guanxi/contract';
import { contactOf } from './gen-customers.js';
import { idAt } from './ids.js';
import { streamOf } from './random.js';
import {
  createdAt,
  createdBefore,
  DAY,
  iso,
  isoDay,
  type OpportunityPlan,
  RECORD_COLUMNS,
  recordMeta,
  type SeedWorld,
  type TableLoad,
  text,
  textArray,
} from './world.js';

const PRODUCTS_ZH = ['ERP 实施', 'CRM 订阅', '私有云', '数据平台', '年度框架', '设备采购', '扩容'];
const PRODUCTS_EN = ['ERP rollout', 'CRM seats', 'Private cloud', 'Data platform', 'Renewal'];
const FOREIGN_CURRENCIES = ['USD', 'USD', 'USD', 'EUR', 'GBP', 'SGD', 'JPY'];
const COMPETITORS = ['Salesforce', 'HubSpot', '纷享销客', '销售易', 'Zoho', 'Microsoft'];
const LOSS_REASONS = ['价格太高', '选择了竞争对手', 'No budget', 'Project cancelled', '需求变更'];
const NEXT_STEPS = ['安排演示', '发送报价', 'Send proposal', 'Follow up call', '确认预算'];

/** Where an opportunity stands in its pipeline: open (weighted to the first stages) or closed. */
function stageOf(stages: { kind: string }[], age: number, r: () => number): number {
  const open = stages.map((s, i) => (s.kind === 'open' ? i : -1)).filter((i) => i >= 0);
  // Deals close within months: the older the deal, the likelier it is won or lost.
  if (r() < 1 - Math.exp(-age / (120 * DAY))) {
    const kind = r() < 0.3 ? 'won' : 'lost';
    return stages.findIndex((s) => s.kind === kind);
  }
  return open[Math.min(open.length - 1, Math.floor(open.length * r() ** 1.6))];
}

/**
 * Opportunities over the account plan: both pipelines, amounts and currencies, close dates,
 * stage times, probability and forecast category as the stage sets them; won deals move the
 * account's last win. Fills the opportunity plan for the stage history and the activities.
 */
export function opportunityLoad(w: SeedWorld, count: number): TableLoad {
  const r = streamOf(w.seed, 'opportunities');
  const plan: OpportunityPlan = {
    ids: new Array(count),
    created: new Float64Array(count),
    account: new Int32Array(count),
    owner: new Int16Array(count),
    contact: new Array(count),
    pipeline: new Uint8Array(count),
    stage: new Uint8Array(count),
    stageEntered: new Float64Array(count),
  };
  w.opportunities = plan;
  const accounts = w.accounts;
  return {
    table: 'opportunities',
    count,
    columns: [
      ...RECORD_COLUMNS,
      'name',
      'account_id',
      'contact_id',
      'pipeline_id',
      'stage_id',
      'amount',
      'currency',
      'probability',
      'expected_close_date',
      'forecast_category',
      'source',
      'competitors',
      'next_step',
      'loss_reason',
      'closed_at',
      'stage_entered_at',
    ],
    *lines(from, to) {
      for (let i = from; i < to; i++) {
        const created = createdAt(w, r, i, count);
        const a = r.skewed(Math.max(1, createdBefore(w, created, accounts.ids.length)), 1.1);
        const owner = r.next() < 0.9 ? accounts.formerOwner[a] : r.skewed(w.ownerIds.length);
        const p = r.next() < 0.75 ? 0 : 1;
        const { stages, id: pipelineId } = w.pipelines[p];
        const s = stageOf(stages, w.now - created, r.next);
        const stage = stages[s];
        const closed = stage.kind !== 'open';
        const cycle = (10 + r.next() ** 2 * 200) * DAY;
        const end = closed
          ? Math.min(w.now, created + cycle)
          : created + r.next() * (w.now - created);
        const entered = s === 0 ? created : created + (end - created) * (closed ? 1 : r.next());
        const updated = entered + r.next() * (w.now - entered);
        const meta = recordMeta(w, r, created, w.ownerIds[owner], { updated });
        const contact = r.next() < 0.8 ? contactOf(w, a, r.int(4)) : null;
        plan.ids[i] = meta.id;
        plan.created[i] = created;
        plan.account[i] = a;
        plan.owner[i] = owner;
        plan.contact[i] = contact;
        plan.pipeline[i] = p;
        plan.stage[i] = s;
        plan.stageEntered[i] = entered;
        accounts.opportunityCount[a]++;
        if (stage.kind === 'won' && entered > accounts.lastWon[a]) accounts.lastWon[a] = entered;
        const chinese = accounts.chinese[a] === 1;
        // Early stages may not know the amount yet; from the proposal on it is required.
        const amount =
          s < 2 && r.next() < 0.15 ? '' : (10 ** (4 + 2.5 * r.next() ** 1.5)).toFixed(2);
        const forecast = closed
          ? 'closed'
          : stage.probability >= 75
            ? 'commit'
            : stage.probability >= 50 && r.next() < 0.5
              ? 'best_case'
              : 'pipeline';
        yield [
          meta.line,
          text(chinese ? `${r.pick(PRODUCTS_ZH)}项目 ${i}` : `${r.pick(PRODUCTS_EN)} ${i}`),
          accounts.ids[a],
          contact ?? '',
          pipelineId,
          stage.id,
          amount,
          chinese ? (r.next() < 0.95 ? 'CNY' : 'USD') : r.pick(FOREIGN_CURRENCIES),
          closed || r.next() < 0.9 ? stage.probability : 5 * r.int(21),
          isoDay(created + cycle),
          forecast,
          r.next() < 0.8 ? r.pick(OPPORTUNITY_SOURCES) : '',
          r.next() < 0.3 ? textArray([r.pick(COMPETITORS)]) : '{}',
          closed ? '' : text(r.pick(NEXT_STEPS)),
          stage.kind === 'lost' ? text(r.pick(LOSS_REASONS)) : '',
          closed ? iso(entered) : '',
          iso(entered),
        ].join(',');
      }
    },
  };
}

/**
 * One stage-history row per stage an opportunity went through: from the first open stage on,
 * straight to its current one (lost deals leave after some open stages), the last entry at the
 * time it entered its current stage, durations between entries.
 */
export function stageHistoryLoad(w: SeedWorld): TableLoad {
  const r = streamOf(w.seed, 'stage-history');
  const count = w.opportunities?.ids.length ?? 0;
  return {
    table: 'opportunity_stage_history',
    // Rows per deal vary: the count is of deals, each giving one or more lines.
    count,
    columns: [
      'workspace_id',
      'id',
      'opportunity_id',
      'from_stage_id',
      'to_stage_id',
      'at',
      'actor_id',
      'duration_seconds',
    ],
    *lines(from, to) {
      const plan = w.opportunities as OpportunityPlan;
      for (let i = from; i < to; i++) {
        const { stages } = w.pipelines[plan.pipeline[i]];
        const current = plan.stage[i];
        const open = stages.map((s, k) => (s.kind === 'open' ? k : -1)).filter((k) => k >= 0);
        let path: number[];
        if (stages[current].kind === 'open') path = open.filter((k) => k <= current);
        else if (stages[current].kind === 'won') path = [...open, current];
        else path = [...open.slice(0, 1 + r.int(open.length)), current];
        const start = plan.created[i];
        const span = plan.stageEntered[i] - start;
        const times = path.map((_, k) =>
          k === 0 ? start : k === path.length - 1 ? start + span : start + span * r.next(),
        );
        times.sort((x, y) => x - y);
        const actor = w.ownerIds[plan.owner[i]];
        for (let k = 0; k < path.length; k++) {
          yield [
            w.workspaceId,
            idAt(times[k], r),
            plan.ids[i],
            k === 0 ? '' : stages[path[k - 1]].id,
            stages[path[k]].id,
            iso(times[k]),
            actor,
            k === 0 ? '' : Math.floor((times[k] - times[k - 1]) / 1000),
          ].join(',');
        }
      }
    },
  };
}

/** The people on each deal: the primary contact, and now and then a second one with a role. */
export function opportunityContactLoad(w: SeedWorld): TableLoad {
  const r = streamOf(w.seed, 'opportunity-contacts');
  const count = w.opportunities?.ids.length ?? 0;
  return {
    table: 'opportunity_contacts',
    count,
    columns: ['workspace_id', 'opportunity_id', 'contact_id', 'buying_role', 'is_primary'],
    *lines(from, to) {
      const plan = w.opportunities as OpportunityPlan;
      for (let i = from; i < to; i++) {
        const primary = plan.contact[i];
        if (primary) yield `${w.workspaceId},${plan.ids[i]},${primary},,true`;
        if (r.next() < 0.3) {
          const other = contactOf(w, plan.account[i], r.int(4));
          if (other && other !== primary) {
            yield `${w.workspaceId},${plan.ids[i]},${other},${r.pick(BUYING_ROLES)},false`;
          }
        }
      }
    },
  };
}
