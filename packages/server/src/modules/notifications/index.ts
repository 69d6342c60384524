export { notificationRoutes } from './notifications.routes.js';
export { type NewNotification, notify } from './notifications.service.js';
