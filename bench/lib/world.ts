import { idAt, iso } from './ids.js';
import type { NamePools, Random } from './random.js';
import { streamOf } from './random.js';

export const DAY = 86_400_000;
export const FIVE_YEARS = 5 * 365 * DAY;
/** How many contacts per account are remembered for the deals and activities that name one. */
export const KEPT_CONTACTS = 4;

/** A stage of a seeded pipeline, as the workspace's settings hold it. */
export type SeedStage = {
  id: string;
  probability: number;
  kind: 'open' | 'won' | 'lost';
};
export type SeedPipeline = { id: string; stages: SeedStage[] };

/**
 * The accounts decided before any row is written: every other table links to them, and the
 * account rows themselves are written last so that their derived columns (last activity, last
 * win) agree with the activities and deals generated meanwhile.
 */
export type AccountPlan = {
  ids: string[];
  created: Float64Array;
  /** Owner index into `ownerIds`; -1 while the account waits in its pool. */
  owner: Int16Array;
  /** For pooled accounts: who had it; for owned ones the owner again. */
  formerOwner: Int16Array;
  chinese: Uint8Array;
  /** Up to KEPT_CONTACTS contact ids per account (flat, account-major). */
  contacts: (string | undefined)[];
  contactCount: Int32Array;
  activityCount: Int32Array;
  opportunityCount: Int32Array;
  /** Newest activity time (0: none) and latest won close time (0: none), in ms. */
  lastActivity: Float64Array;
  lastWon: Float64Array;
};

/** Deals decided by the opportunity load, for the stage history and the activities on them. */
export type OpportunityPlan = {
  ids: string[];
  created: Float64Array;
  account: Int32Array;
  owner: Int16Array;
  contact: (string | null)[];
  pipeline: Uint8Array;
  /** Position of the current stage in its pipeline. */
  stage: Uint8Array;
  stageEntered: Float64Array;
};

/** Leads decided by the lead load, for the activities and tasks about them. */
export type LeadPlan = {
  ids: string[];
  created: Float64Array;
  /** Owner index into `ownerIds`; -1 while the lead waits in the pool. */
  owner: Int16Array;
  /** For pooled leads: who had it; for owned ones the owner again. */
  formerOwner: Int16Array;
  /** 1 while the lead is still being worked (not converted or disqualified). */
  open: Uint8Array;
};

/** What every generated row needs to know about the workspace it goes into. */
export type SeedWorld = {
  seed: number;
  workspaceId: string;
  /** Owners; index 0 is the busiest rep (skewed pick). */
  ownerIds: string[];
  accountPoolId: string;
  leadPoolId: string;
  pipelines: SeedPipeline[];
  now: number;
  /** Records are created over the five years before `now`. */
  start: number;
  names: NamePools;
  accounts: AccountPlan;
  opportunities?: OpportunityPlan;
  leads?: LeadPlan;
};

/** One table's rows as CSV lines for COPY, generated lazily chunk by chunk. */
export type TableLoad = {
  table: string;
  columns: readonly string[];
  count: number;
  lines(from: number, to: number): Iterable<string>;
};

/** Free text as a CSV field (quoted only when it must be). */
export const text = (value: string | null | undefined) =>
  value == null ? '' : /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

const PLAIN_ELEMENT = /^[^\s{}",\\]+$/;

/**
 * A text[] literal as a CSV field. Elements without special characters go unquoted (the usual
 * case, and the fast one); any other element is quoted and escaped.
 */
export function textArray(values: readonly string[]): string {
  if (values.length === 0) return '{}';
  if (values.every((v) => PLAIN_ELEMENT.test(v) && v.toUpperCase() !== 'NULL')) {
    return `"{${values.join(',')}}"`;
  }
  return text(`{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`);
}

/** Labelled phone numbers as a jsonb CSV field (digits and dashes need no escaping). */
export const phonesField = (phones: readonly { label: string; number: string }[]) =>
  phones.length === 0
    ? '[]'
    : `"[${phones.map((p) => `{""label"":""${p.label}"",""number"":""${p.number}""}`).join(',')}]"`;

export { iso };
export const isoDay = (ms: number) => iso(ms).slice(0, 10);

/**
 * Creation time of row `i` of `n`: evenly spread over five years and increasing with `i`, so the
 * UUIDv7 ids arrive in order, as the app makes them (primary-key inserts append, like in life).
 */
export const createdAt = (w: SeedWorld, r: Random, i: number, n: number) =>
  w.start + (FIVE_YEARS * (i + r.next())) / n;

/** How many of `n` time-ordered rows were created before `ms`. */
export const createdBefore = (w: SeedWorld, ms: number, n: number) =>
  Math.max(0, Math.min(n, Math.floor(((ms - w.start) / FIVE_YEARS) * n)));

export const RECORD_COLUMNS = [
  'workspace_id',
  'id',
  'version',
  'created_at',
  'updated_at',
  'created_by',
  'updated_by',
  'owner_id',
] as const;

/**
 * The common columns of a record created at `created`, by its owner unless `by` says otherwise,
 * updated some time since unless `updated` says when; `ownerId` null: unowned (in a pool).
 */
export function recordMeta(
  w: SeedWorld,
  r: Random,
  created: number,
  ownerId: string | null,
  opts: { updated?: number; by?: string; id?: string } = {},
): { id: string; line: string } {
  const id = opts.id ?? idAt(created, r);
  const updated = opts.updated ?? created + r.next() * (w.now - created);
  const by = opts.by ?? ownerId ?? '';
  return {
    id,
    line: `${w.workspaceId},${id},1,${iso(created)},${iso(updated)},${by},${by},${ownerId ?? ''}`,
  };
}

export const mobile = (r: Random) =>
  `1${r.pick(['38', '39', '50', '86', '37', '58'])}${String(r.int(1e8)).padStart(8, '0')}`;

/** Decides the accounts: creation times, owners (a few in the pool), language. */
export function planAccounts(
  seed: number,
  count: number,
  ownerCount: number,
  start: number,
): AccountPlan {
  const r = streamOf(seed, 'account-plan');
  const plan: AccountPlan = {
    ids: new Array(count),
    created: new Float64Array(count),
    owner: new Int16Array(count),
    formerOwner: new Int16Array(count),
    chinese: new Uint8Array(count),
    contacts: new Array(count * KEPT_CONTACTS),
    contactCount: new Int32Array(count),
    activityCount: new Int32Array(count),
    opportunityCount: new Int32Array(count),
    lastActivity: new Float64Array(count),
    lastWon: new Float64Array(count),
  };
  for (let i = 0; i < count; i++) {
    const created = start + (FIVE_YEARS * (i + r.next())) / count;
    plan.created[i] = created;
    plan.ids[i] = idAt(created, r);
    const owner = r.skewed(ownerCount);
    plan.formerOwner[i] = owner;
    // About one account in twenty waits in the public pool (returned or reclaimed).
    plan.owner[i] = r.next() < 0.05 ? -1 : owner;
    plan.chinese[i] = r.next() < 0.6 ? 1 : 0;
  }
  return plan;
}

/** The account's owner, or the one who had it while it waits in the pool (contacts keep theirs). */
export const workingOwner = (w: SeedWorld, a: number) => w.ownerIds[w.accounts.formerOwner[a]];

/** The owners an activity or task keeps of the lead, account and deal it links to. */
export const LINKED_OWNER_COLUMNS = [
  'lead_owner_id',
  'account_owner_id',
  'opportunity_owner_id',
] as const;

const ownerField = (w: SeedWorld, owners: Int16Array | undefined, i: number) => {
  const owner = i < 0 || !owners ? -1 : owners[i];
  return owner < 0 ? '' : w.ownerIds[owner];
};

/**
 * The LINKED_OWNER_COLUMNS of a row about lead `lead`, account `a` and deal `deal` (-1: no such
 * link), as the database's triggers derive them: the linked record's owner, empty (null) while
 * it waits unowned in its pool. No generated lead, account or deal is in the trash, so every
 * linked record counts.
 */
export const linkedOwners = (w: SeedWorld, lead: number, a: number, deal: number) =>
  [
    ownerField(w, w.leads?.owner, lead),
    ownerField(w, w.accounts.owner, a),
    ownerField(w, w.opportunities?.owner, deal),
  ].join(',');
