export { useNotifications } from './api';
export { NotificationBell } from './NotificationBell';
