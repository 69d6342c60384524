import {
  IdParamsSchema,
  NotificationListQuerySchema,
  NotificationListSchema,
  NotificationSchema,
  ProblemSchema,
  ReadAllNotificationsSchema,
} from '@guanxi/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  listMyNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from './notifications.service.js';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

export async function notificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/notifications', {
    schema: {
      tags: ['Notifications'],
      summary: 'My notifications, newest first',
      description:
        "Only ever the caller's own. `unread=true` lists the unread ones; `unreadCount` counts all unread.",
      querystring: NotificationListQuerySchema,
      response: { 200: NotificationListSchema, ...errors },
    },
    handler: (req) => listMyNotifications(req.ctx, req.query),
  });
  r.post('/notifications/:id/read', {
    schema: {
      tags: ['Notifications'],
      summary: 'Mark one of my notifications read',
      params: IdParamsSchema,
      response: { 200: NotificationSchema, ...errors, 404: ProblemSchema },
    },
    handler: (req) => markNotificationRead(req.ctx, req.params.id),
  });
  r.post('/notifications/read-all', {
    schema: {
      tags: ['Notifications'],
      summary: 'Mark all my notifications read',
      response: { 200: ReadAllNotificationsSchema, ...errors },
    },
    handler: (req) => markAllNotificationsRead(req.ctx),
  });
}
