import { z } from 'zod';
import {
  IdSchema,
  optionalText,
  RecordMetaSchema,
  requiredText,
  TimestampSchema,
} from './common.js';

/** 电话, 会议, 拜访, 邮件, 备注. */
export const ACTIVITY_KINDS = ['call', 'meeting', 'visit', 'email', 'note'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The records an activity or a task can be about; at least one is required. */
export const RECORD_LINK_FIELDS = ['leadId', 'accountId', 'contactId', 'opportunityId'] as const;
export type RecordLinkField = (typeof RECORD_LINK_FIELDS)[number];

const linkFields = {
  leadId: IdSchema.nullable().optional(),
  /** Filled in from the contact or the opportunity when not given. */
  accountId: IdSchema.nullable().optional(),
  contactId: IdSchema.nullable().optional(),
  opportunityId: IdSchema.nullable().optional(),
};
export const RecordLinksInput = z.object(linkFields);

/** Where a visit took place (check-in): an address, coordinates, or both. */
export const ActivityLocationInput = z
  .strictObject({
    address: optionalText(500),
    latitude: z.number().min(-90).max(90).nullable().optional(),
    longitude: z.number().min(-180).max(180).nullable().optional(),
  })
  .refine((l) => (l.latitude == null) === (l.longitude == null), {
    message: 'latitude and longitude go together',
    path: ['latitude'],
  })
  .refine((l) => l.address != null || l.latitude != null, {
    message: 'needs an address or coordinates',
    path: ['address'],
  });

export const ActivityLocationSchema = z.object({
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});
export type ActivityLocation = z.infer<typeof ActivityLocationSchema>;

const activityFields = {
  kind: z.enum(ACTIVITY_KINDS),
  subject: requiredText(200),
  body: optionalText(20_000),
  /** When it happened; defaults to now. Not in the future (a planned call is a task). */
  occurredAt: TimestampSchema.optional(),
  durationMinutes: z.number().int().min(0).max(1440).nullable().optional(),
  outcome: optionalText(500),
  nextFollowUpAt: TimestampSchema.nullable().optional(),
  location: ActivityLocationInput.nullable().optional(),
  ...linkFields,
  ownerId: IdSchema.optional(),
  custom: z.record(z.string(), z.unknown()).optional(),
};

export const CreateActivityInput = z.strictObject(activityFields).meta({ id: 'ActivityCreate' });
export type CreateActivityInput = z.infer<typeof CreateActivityInput>;
export const UpdateActivityInput = z
  .strictObject({
    ...activityFields,
    kind: activityFields.kind.optional(),
    subject: activityFields.subject.optional(),
  })
  .meta({ id: 'ActivityUpdate' });
export type UpdateActivityInput = z.infer<typeof UpdateActivityInput>;

const linkNames = {
  /** Names of the linked records the caller can see (null otherwise). */
  leadName: z.string().nullable().optional(),
  accountName: z.string().nullable().optional(),
  contactName: z.string().nullable().optional(),
  opportunityName: z.string().nullable().optional(),
};

export const RecordLinksSchema = z.object({
  leadId: IdSchema.nullable(),
  accountId: IdSchema.nullable(),
  contactId: IdSchema.nullable(),
  opportunityId: IdSchema.nullable(),
  ...linkNames,
});

export const ActivitySchema = RecordMetaSchema.extend({
  kind: z.enum(ACTIVITY_KINDS),
  subject: z.string(),
  body: z.string().nullable(),
  occurredAt: TimestampSchema,
  durationMinutes: z.number().int().nullable(),
  outcome: z.string().nullable(),
  nextFollowUpAt: TimestampSchema.nullable(),
  location: ActivityLocationSchema.nullable(),
  ...RecordLinksSchema.shape,
  ownerId: IdSchema,
}).meta({ id: 'Activity' });
export type Activity = z.infer<typeof ActivitySchema>;
