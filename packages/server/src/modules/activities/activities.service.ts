import {
  ACTIVITY_KINDS,
  type Activity,
  type ActivityLocation,
  type CreateActivityInput,
  RESTRICTABLE_FIELDS,
  type UpdateActivityInput,
} from '@guanxi/contract';
import type { Ctx } from '../../platform/context.js';
import { invalid } from '../../platform/errors.js';
import {
  type LinkNames,
  linkNames,
  linkPatch,
  linksToApi,
  resolveLinks,
} from '../../platform/record-links.js';
import { recordService } from '../../platform/record-service.js';
import { type ObjectDef, recordMetaToApi } from '../../platform/records.js';
import { activities } from './activities.tables.js';
import { noteActivityTimes } from './last-activity.js';

export type ActivityRow = typeof activities.$inferSelect;

const toLocation = (row: ActivityRow): ActivityLocation | null =>
  row.locationAddress === null && row.latitude === null
    ? null
    : { address: row.locationAddress, latitude: row.latitude, longitude: row.longitude };

const toActivity = (row: ActivityRow, names?: LinkNames): Activity =>
  Object.assign(recordMetaToApi(row), {
    kind: row.kind as Activity['kind'],
    subject: row.subject,
    body: row.body,
    occurredAt: row.occurredAt.toISOString(),
    durationMinutes: row.durationMinutes,
    outcome: row.outcome,
    nextFollowUpAt: row.nextFollowUpAt?.toISOString() ?? null,
    location: toLocation(row),
    ...linksToApi(row, names),
  });

const t = activities;
export const activityObject: ObjectDef<ActivityRow, Activity> = {
  object: 'activity',
  label: 'Activity',
  table: t,
  defaultSort: '-occurredAt',
  searchColumns: [t.subject, t.body, t.outcome],
  auditFields: [
    'kind',
    'subject',
    'occurredAt',
    'durationMinutes',
    'nextFollowUpAt',
    ...RESTRICTABLE_FIELDS.activity,
    'leadId',
    'accountId',
    'contactId',
    'opportunityId',
    'ownerId',
    'custom',
  ],
  fields: {
    id: { column: t.id, type: 'uuid' },
    kind: { column: t.kind, type: 'enum', values: ACTIVITY_KINDS, sortable: true },
    subject: { column: t.subject, type: 'text', sortable: true },
    body: { column: t.body, type: 'text' },
    outcome: { column: t.outcome, type: 'text' },
    occurredAt: { column: t.occurredAt, type: 'datetime', sortable: true },
    nextFollowUpAt: { column: t.nextFollowUpAt, type: 'datetime', sortable: true },
    durationMinutes: { column: t.durationMinutes, type: 'number', sortable: true },
    leadId: { column: t.leadId, type: 'uuid' },
    accountId: { column: t.accountId, type: 'uuid' },
    contactId: { column: t.contactId, type: 'uuid' },
    opportunityId: { column: t.opportunityId, type: 'uuid' },
    ownerId: { column: t.ownerId, type: 'uuid' },
    createdAt: { column: t.createdAt, type: 'datetime', sortable: true },
    updatedAt: { column: t.updatedAt, type: 'datetime', sortable: true },
  },
  toApi: (row) => toActivity(row),
  // Controlled by the parent: whoever can see the account, lead or opportunity reads its
  // activities (a rep reads the manager's visit on the rep's account); only the owner's scope
  // may change them. A contact's activities carry the contact's account.
  readableThrough: [
    { column: t.accountId, object: 'account', keptOwner: t.accountOwnerId },
    { column: t.leadId, object: 'lead', keptOwner: t.leadOwnerId },
    { column: t.opportunityId, object: 'opportunity', keptOwner: t.opportunityOwnerId },
  ],
  derivedFields: {
    leadId: ['leadName'],
    accountId: ['accountName'],
    contactId: ['contactName'],
    opportunityId: ['opportunityName'],
  },
};

/** Clock skew allowed on `occurredAt` (a visit checked in on a phone whose clock runs ahead). */
const FUTURE_SLACK_MS = 5 * 60_000;

type ActivityInput = CreateActivityInput | UpdateActivityInput;

async function validateActivity(ctx: Ctx, data: ActivityInput): Promise<void> {
  if (data.occurredAt === undefined) return;
  if (new Date(data.occurredAt).getTime() > ctx.now().getTime() + FUTURE_SLACK_MS) {
    throw invalid('occurredAt', 'cannot be in the future (plan it as a task)', 'invalid_value');
  }
}

const asDate = (value: unknown): Date | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value
      : new Date(String(value));

/**
 * Stored values of the activity as it will be, in the write's transaction: the links checked
 * and the account filled in from a contact or opportunity, times as dates, the location in its
 * columns. The API keys (`location`) stay, so the history shows the change as the API does.
 */
async function deriveActivity(
  next: Record<string, unknown>,
  ctx: Ctx,
  current?: ActivityRow,
): Promise<Record<string, unknown>> {
  const links = await resolveLinks(ctx, linkPatch(next, current), current);
  const derived: Record<string, unknown> = {
    ...links,
    occurredAt: next.occurredAt === undefined ? ctx.now() : asDate(next.occurredAt),
    nextFollowUpAt: asDate(next.nextFollowUpAt),
  };
  if ('location' in next) {
    const l = next.location as ActivityLocation | null;
    const location = l
      ? { address: l.address ?? null, latitude: l.latitude ?? null, longitude: l.longitude ?? null }
      : null;
    Object.assign(derived, {
      location,
      locationAddress: location?.address ?? null,
      latitude: location?.latitude ?? null,
      longitude: location?.longitude ?? null,
    });
  }
  return derived;
}

async function withLinkNames(ctx: Ctx, rows: ActivityRow[]): Promise<Activity[]> {
  const names = await linkNames(ctx, rows);
  return rows.map((row) => toActivity(row, names));
}

/**
 * The activity use cases. A write's links are checked in its transaction (each a live record
 * the actor can see, at least one); the account's last activity time follows every change.
 */
export const activityService = recordService<
  ActivityRow,
  Activity,
  CreateActivityInput,
  UpdateActivityInput
>(activityObject, {
  present: withLinkNames,
  validate: validateActivity,
  derive: deriveActivity,
  afterWrite: noteActivityTimes,
});

export const {
  list: listActivities,
  get: getActivity,
  create: createActivity,
  update: updateActivity,
  remove: deleteActivity,
  restore: restoreActivity,
  history: getActivityHistory,
} = activityService;
