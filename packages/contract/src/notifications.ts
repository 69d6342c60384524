import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.js';

/**
 * An in-app message to one user. `kind` is `<feature>.<event>` (e.g. `tasks.reminder`); clients
 * word it from their own text for that kind, filled with `params`, and link to the record.
 */
export const NotificationSchema = z
  .object({
    id: IdSchema,
    kind: z.string(),
    params: z.record(z.string(), z.unknown()),
    recordType: z.string().nullable(),
    recordId: IdSchema.nullable(),
    readAt: TimestampSchema.nullable(),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>;

export const NotificationListSchema = z
  .object({
    data: z.array(NotificationSchema),
    nextCursor: z.string().nullable(),
    /** All of the caller's unread notifications, not only this page's. */
    unreadCount: z.number().int(),
  })
  .meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const ReadAllNotificationsSchema = z.object({ updated: z.number().int() });
